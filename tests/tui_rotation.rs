//! The rotation on the run screen: between rounds, where everyone goes, in large letters
//! when the terminal allows, a page at a time; `r` shows or hides it (planning first
//! when the session has participants but no plan); PageDown / PageUp turn pages.

mod tui_support;

use std::path::Path;

use cafe_savoir::domain::Session;
use cafe_savoir::i18n::Lang;
use cafe_savoir::plan::{self, Effort};
use cafe_savoir::store;
use cafe_savoir::store::families::default_families;
use cafe_savoir::store::participants::read_participants;
use cafe_savoir::tui::app::{App, Status};
use cafe_savoir::tui::screens::Screen;
use cafe_savoir::tui::settings::Settings;
use ratatui::crossterm::event::KeyCode;
use tui_support::*;

/// The CDC café: 69 people, 8 tables with a host each, 3 rounds, planned.
fn cdc_session(planned: bool) -> Session {
    let mut session =
        Session::new("Café du savoir — 14 novembre", default_families(), 8, 3, 20).expect("session");
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/participants_69.csv");
    session.participants = read_participants(&fixture).expect("fixture");
    if planned {
        let planned = plan::plan_session(&session, plan::DEFAULT_SEED, Effort::default()).expect("plan");
        session.rotation = Some(planned.plan);
    }
    session
}

/// The app on the run screen, in the move phase after round 1 (paused at its start). Its
/// file lives in a folder of its own: keys that change the clock save the session.
fn moving_app(dir: &tempfile::TempDir, session: Session) -> App {
    let mut app = App::new(dir.path().to_path_buf(), Lang::Fr, Settings::default(), false, t0())
        .with_session(&dir.path().join("cafe-laval.ron"), session, Screen::Run);
    let open = app.open.as_mut().expect("open");
    let schedule = open.session.schedule.clone();
    open.session.clock.go_to(&schedule, 1, t0(), false);
    app
}

#[test]
fn move_phase_shows_where_everyone_goes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let app = moving_app(&dir, cdc_session(true));
    for (w, h) in [(80, 24), (160, 45), (240, 67)] {
        insta::assert_snapshot!(format!("rotation_move_{w}x{h}"), frame(&app, w, h));
    }
    let text = frame(&app, 160, 45);
    assert!(text.contains("Tour 2 — où va chacun"), "{text}");
    assert!(!text.contains("Page 1/"), "61 travellers fit on one page: {text}");
    assert!(frame(&app, 80, 24).contains("Page 1/4"));
}

#[test]
fn every_traveller_appears_once_over_the_pages_with_their_table() {
    let session = cdc_session(true);
    let rotation = session.rotation.clone().expect("plan");
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = moving_app(&dir, session.clone());
    let mut seen = String::new();
    for _ in 0..6 {
        seen.push_str(&frame(&app, 160, 45));
        code(&mut app, KeyCode::PageDown, t0());
    }
    for (person, seats) in session.participants.iter().zip(&rotation.seats) {
        if person.host_of.is_none() {
            let shown = seen.lines().any(|line| {
                line.contains(&person.name)
                    && line.split(&person.name).nth(1).is_some_and(|rest| {
                        rest.split_whitespace().next() == Some(seats[1].to_string().as_str())
                    })
            });
            assert!(shown, "{} → table {} not shown", person.name, seats[1]);
        } else {
            assert!(!seen.contains(&person.name), "host {} listed", person.name);
        }
    }
}

#[test]
fn pages_turn_by_hand_and_with_the_running_clock() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = moving_app(&dir, cdc_session(true));
    assert!(frame(&app, 80, 24).contains("Page 1/"));
    code(&mut app, KeyCode::PageDown, t0());
    assert!(frame(&app, 80, 24).contains("Page 2/"));
    code(&mut app, KeyCode::PageUp, t0());
    code(&mut app, KeyCode::PageUp, t0());
    let last = frame(&app, 80, 24);
    assert!(!last.contains("Page 1/") && !last.contains("Page 2/"), "wraps to the last page: {last}");
    code(&mut app, KeyCode::PageDown, t0());
    // Start the clock: a page every 8 seconds.
    code(&mut app, KeyCode::Char(' '), t0());
    assert!(frame(&app, 80, 24).contains("Page 1/"));
    act(&mut app, cafe_savoir::tui::action::Action::Tick, at(9));
    assert!(frame(&app, 80, 24).contains("Page 2/"));
}

#[test]
fn r_hides_it_between_rounds_and_shows_it_during_a_round() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = moving_app(&dir, cdc_session(true));
    code(&mut app, KeyCode::Char('r'), t0());
    assert!(!frame(&app, 160, 45).contains("où va chacun"));
    code(&mut app, KeyCode::Char('r'), t0());
    assert!(frame(&app, 160, 45).contains("Tour 2 — où va chacun"));
    // The next phase (round 2) shows the questions again; `r` shows where people sit.
    code(&mut app, KeyCode::Char('n'), t0());
    assert!(!frame(&app, 160, 45).contains("où va chacun"));
    code(&mut app, KeyCode::Char('r'), t0());
    assert!(frame(&app, 160, 45).contains("Tour 2 — où va chacun"));
}

#[test]
fn r_plans_the_rotation_when_there_is_none_and_saves_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = cdc_session(false);
    store::save(&dir.path().join("cafe.ron"), &session).expect("saved");
    let mut app = app_with(session, Screen::Run, dir.path());
    code(&mut app, KeyCode::Char('r'), t0());
    assert!(
        matches!(&app.status, Some(Status::Info(m)) if m.contains("Rotation planifiée")),
        "{:?}",
        app.status
    );
    assert!(frame(&app, 160, 45).contains("Tour 1 — où va chacun"));
    let stored = store::load(&dir.path().join("cafe.ron")).expect("loads");
    assert_eq!(stored.rotation.expect("plan saved").seats.len(), 69);
}

#[test]
fn r_without_participants_says_what_to_do_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = session();
    let mut app = app_with(session.clone(), Screen::Run, dir.path());
    code(&mut app, KeyCode::Char('r'), t0());
    assert!(matches!(&app.status, Some(Status::Error(m)) if m.contains("cafe plan")), "{:?}", app.status);
    assert_eq!(app.session(), Some(&session));
    assert!(!dir.path().join("cafe.ron").exists());
}
