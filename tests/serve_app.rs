//! « Saisie par téléphone » in the app: the run screen's key turns the server on, a
//! phone's proposal reaches the app's loop as an action and lands in the app's copy of
//! the session with a count per table, the projector shows each table's QR code, and
//! the same key turns it off (nothing listens any more).

use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

mod serve_support;
use serve_support::agent;

use cafe_savoir::domain::Session;
use cafe_savoir::i18n::Lang;
use cafe_savoir::store::save;
use cafe_savoir::tui::action::{Action, RunAction};
use cafe_savoir::tui::perform::{dispatch, phone_events};
use cafe_savoir::tui::view::{render, to_text};
use chrono::Utc;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

#[test]
fn a_phone_proposal_reaches_the_app_and_the_projector_shows_the_tables_codes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cafe.ron");
    save(&path, &Session::new("Essai", Vec::new(), 3, 2, 20).expect("valid")).expect("saved");
    let mut app =
        cafe_savoir::tui::session_app(&path, cafe_savoir::store::load(&path).expect("loads"), Lang::Fr);
    app.phones.port = 0;

    dispatch(&mut app, Action::Run(RunAction::TogglePhones), Utc::now());
    let on = app.phones.on.clone().expect("phone capture is on");
    assert_eq!(on.tables.len(), 3);
    let open = app.open.as_ref().expect("open");
    assert!(open.session.tables.iter().all(|t| t.phone_token.len() == 26), "the app holds the addresses");

    let api = on.tables[1].1.replace("/t/", "/api/");
    let agent = agent();
    let answer = agent
        .post(&format!("{api}/proposals"))
        .header("Content-Type", "application/json")
        .send(r#"{"text":"Des pauses régulières","kind":"Astuce"}"#)
        .expect("the server answers");
    assert_eq!(answer.status().as_u16(), 201);

    // The loop hears of it and the app's copy takes it in.
    let start = Instant::now();
    while app.phones.counts.get(&2).copied().unwrap_or(0) == 0 {
        assert!(start.elapsed() < Duration::from_secs(10), "the phone's change never reached the app");
        for action in phone_events(&app) {
            dispatch(&mut app, action, Utc::now());
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let open = app.open.as_ref().expect("open");
    let proposal =
        open.session.proposals.iter().find(|p| p.text == "Des pauses régulières").expect("in the app");
    assert_eq!(proposal.table, 2);

    app.size = (160, 60);
    let mut buf = Buffer::empty(Rect::new(0, 0, 160, 60));
    render(&app, buf.area, &mut buf);
    let frame = to_text(&buf);
    assert!(frame.contains("Saisie par téléphone ouverte sur http://"), "{frame}");
    assert!(frame.contains("Table 2 · 1"), "{frame}");
    assert!(frame.contains('█') || frame.contains('▀'), "QR codes drawn: {frame}");
    let short = on.tables[0].1.trim_start_matches("http://");
    assert!(frame.contains(short), "the addresses to type: {frame}");

    dispatch(&mut app, Action::Run(RunAction::TogglePhones), Utc::now());
    assert!(app.phones.on.is_none());
    let address: SocketAddr = on.address.parse().expect("an address");
    assert!(TcpStream::connect(address).is_err(), "nothing listens any more");
}
