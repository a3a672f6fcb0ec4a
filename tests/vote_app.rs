//! Dot voting from phones in the app: the Synthèse screen's key asks the dots per phone
//! and opens the vote (turning the phone server on), the screen shows the voting
//! address as one QR code with the ballots and dots so far, a phone's dots reach the
//! synthèse's votes live (undoing the facilitator's own decisions keeps them), and the
//! same key closes the vote after asking.

mod tui_support;

use std::time::{Duration, Instant};

mod serve_support;
use serve_support::agent;

use cafe_savoir::domain::{Kind, Session};
use cafe_savoir::serve::vote::VoteView;
use cafe_savoir::store::families::default_families;
use cafe_savoir::tui::action::{Action, RunAction};
use cafe_savoir::tui::app::{App, Popup};
use cafe_savoir::tui::perform::{dispatch, phone_events};
use cafe_savoir::tui::screens::Screen;
use chrono::Utc;
use ratatui::crossterm::event::KeyCode;
use tui_support::*;

fn café() -> Session {
    let mut s = Session::new("Vote", default_families(), 3, 1, 20).expect("session");
    for (table, text) in [
        (1, "Des objectifs communs clairs dès le départ"),
        (2, "Un financement récurrent, pas juste par projet"),
        (3, "Célébrer les bons coups ensemble"),
    ] {
        s.add_proposal(table, 1, Kind::Condition, text, t0()).expect("added");
    }
    s
}

fn votes_in_app(app: &App) -> u32 {
    app.open.as_ref().expect("open").harvest.synthesis.conditions.iter().map(|g| g.votes).sum()
}

#[test]
fn the_harvest_key_opens_the_vote_phones_vote_live_and_the_key_closes_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = app_with(café(), Screen::Harvest, dir.path());
    app.phones.port = 0;

    // The key asks how many dots each phone gets; a number outside 1–10 is refused.
    code(&mut app, KeyCode::Char('V'), t0());
    assert!(matches!(app.popup, Some(Popup::Ask { .. })), "{:?}", app.popup);
    for _ in 0..3 {
        code(&mut app, KeyCode::Backspace, t0());
    }
    type_text(&mut app, "12", t0());
    code(&mut app, KeyCode::Enter, t0());
    assert!(matches!(app.popup, Some(Popup::Ask { .. })), "still asking");
    assert!(format!("{:?}", app.status).contains("de 1 à 10 points, pas 12"), "{:?}", app.status);
    assert!(app.open.as_ref().expect("open").session.vote.is_none());
    for _ in 0..2 {
        code(&mut app, KeyCode::Backspace, t0());
    }
    type_text(&mut app, "2", t0());
    code(&mut app, KeyCode::Enter, t0());
    assert!(app.popup.is_none(), "{:?}", app.popup);

    // The vote is open, saved, and served.
    let on = app.phones.on.clone().expect("the phone server is on");
    let vote = app.open.as_ref().expect("open").session.vote.clone().expect("a vote");
    assert!(vote.open && vote.dots == 2);
    let saved = cafe_savoir::store::load(&dir.path().join("cafe.ron")).expect("saved");
    assert_eq!(saved.vote.as_ref().map(|v| v.token.as_str()), Some(vote.token.as_str()));
    let page = format!("http://{}/vote/{}", on.address, vote.token);

    // A phone takes a ballot and places its two dots.
    let mut answer = agent().post(&format!("{page}/ballots")).send_empty().expect("answers");
    assert_eq!(answer.status().as_u16(), 201);
    let ballot: VoteView =
        serde_json::from_str(&answer.body_mut().read_to_string().expect("body")).expect("json");
    let condition = ballot.conditions[0].id;
    let answer = agent()
        .put(&format!("{page}/ballots/{}/dots/{condition}", ballot.ballot))
        .header("Content-Type", "application/json")
        .send(r#"{"dots":2}"#)
        .expect("answers");
    assert_eq!(answer.status().as_u16(), 200);

    // The loop hears of it and the synthèse's votes follow.
    let start = Instant::now();
    while votes_in_app(&app) < 2 {
        assert!(start.elapsed() < Duration::from_secs(10), "the dots never reached the app");
        for action in phone_events(&app) {
            dispatch(&mut app, action, Utc::now());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let wide = frame(&app, 160, 45);
    assert!(wide.contains("Vote par téléphone"), "{wide}");
    assert!(wide.contains("1 bulletin · 2 points placés · 2 par"), "{wide}");
    assert!(wide.contains(&page), "the address to type: {wide}");
    assert!(wide.contains('█') || wide.contains('▀'), "the QR code: {wide}");
    // Narrow: no room for the code, the counts on the information line still.
    let narrow = frame(&app, 80, 24);
    assert!(narrow.contains("1 bulletin · 2 points placés"), "{narrow}");

    // The facilitator's own vote, then a phone takes a dot back: undoing the facilitator's
    // vote keeps what the phone did.
    code(&mut app, KeyCode::Char('+'), t0());
    assert_eq!(votes_in_app(&app), 3);
    let answer = agent()
        .put(&format!("{page}/ballots/{}/dots/{condition}", ballot.ballot))
        .header("Content-Type", "application/json")
        .send(r#"{"dots":1}"#)
        .expect("answers");
    assert_eq!(answer.status().as_u16(), 200);
    let start = Instant::now();
    while votes_in_app(&app) != 2 {
        assert!(start.elapsed() < Duration::from_secs(10), "the dot taken back never reached the app");
        for action in phone_events(&app) {
            dispatch(&mut app, action, Utc::now());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    code(&mut app, KeyCode::Char('u'), t0());
    assert_eq!(votes_in_app(&app), 1, "the phone's dot stays, the facilitator's vote is undone");

    // Phone capture turned off while the vote is open: the panel says so, and the key
    // serves the vote again (same address secret, new port) without closing it.
    dispatch(&mut app, Action::Run(RunAction::TogglePhones), t0());
    assert!(app.phones.on.is_none());
    assert!(frame(&app, 160, 45).contains("Le vote n'est pas servi"));
    code(&mut app, KeyCode::Char('V'), t0());
    assert!(app.popup.is_none(), "{:?}", app.popup);
    let on = app.phones.on.clone().expect("served again");
    let page = format!("http://{}/vote/{}", on.address, vote.token);

    // The key closes the vote after asking; phones can no longer vote.
    code(&mut app, KeyCode::Char('V'), t0());
    match &app.popup {
        Some(Popup::Confirm { message, .. }) => assert!(message.contains("Fermer le vote ?"), "{message}"),
        other => panic!("asks before closing: {other:?}"),
    }
    code(&mut app, KeyCode::Char('o'), t0());
    assert!(app.popup.is_none());
    let closed = cafe_savoir::store::load(&dir.path().join("cafe.ron")).expect("saved");
    assert_eq!(closed.vote.as_ref().map(|v| v.open), Some(false));
    assert_eq!(closed.decisions.votes.iter().map(|v| v.votes).sum::<u32>(), 1, "the dots stay");
    let answer = agent()
        .put(&format!("{page}/ballots/{}/dots/{condition}", ballot.ballot))
        .header("Content-Type", "application/json")
        .send(r#"{"dots":1}"#)
        .expect("answers");
    assert_eq!(answer.status().as_u16(), 410);
}
