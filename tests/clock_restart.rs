//! The clock across a restart of the app: what was left of a round skipped by hand is
//! saved with the session, so that after the app is opened again the room's clock (the
//! facilitator's run screen and the projector window) shows the same phase and time
//! left, and going back to the skipped round gives its time back. Older session files,
//! which do not have it, still read.

mod tui_support;

use std::path::Path;

use cafe_savoir::domain::{PhaseKind, Session};
use cafe_savoir::store;
use cafe_savoir::tui::action::Action;
use cafe_savoir::tui::app::App;
use cafe_savoir::tui::screens::Screen;
use chrono::{DateTime, Duration, Utc};
use ratatui::crossterm::event::KeyCode;
use tui_support::*;

fn session_of_three_rounds() -> Session {
    let mut s = session();
    s.schedule.round_minutes = vec![15, 15, 15];
    s
}

/// The facilitator's app on a session saved at `dir/cafe.ron`.
fn facilitator(dir: &Path) -> App {
    let path = dir.join("cafe.ron");
    app_with(store::load(&path).expect("the session loads"), Screen::Run, dir)
}

/// The projector window, as `cafe open --projector` opens it, drawn at `now`.
fn projector_frame(dir: &Path, now: DateTime<Utc>) -> String {
    let path = dir.join("cafe.ron");
    let mut projector = cafe_savoir::tui::projector_app(
        &path,
        store::load(&path).expect("the session loads"),
        cafe_savoir::i18n::Lang::Fr,
    );
    act(&mut projector, Action::Tick, now);
    frame(&projector, 160, 45)
}

/// Round 2 running, skipped by hand with 10:26 left: the app is in the move after it.
fn skipped_round_two(dir: &Path) -> (App, DateTime<Utc>) {
    store::save(&dir.join("cafe.ron"), &session_of_three_rounds()).expect("saved");
    let mut app = facilitator(dir);
    let schedule = app.open.as_ref().expect("open").session.schedule.clone();
    app.open.as_mut().expect("open").session.clock.go_to(&schedule, 2, t0(), false);
    code(&mut app, KeyCode::Char(' '), t0());
    let skipped_at = t0() + Duration::seconds(4 * 60 + 34);
    code(&mut app, KeyCode::Right, skipped_at);
    code(&mut app, KeyCode::Char('o'), skipped_at);
    let clock = &app.open.as_ref().expect("open").session.clock;
    assert_eq!(clock.current(&schedule).map(|p| p.kind), Some(PhaseKind::Move(2)));
    (app, skipped_at)
}

#[test]
fn after_a_restart_the_clock_and_the_time_kept_of_a_skipped_round_are_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let (before, skipped_at) = skipped_round_two(dir.path());
    let later = skipped_at + Duration::seconds(30);
    let projected_before = projector_frame(dir.path(), later);
    let clock_before = before.open.as_ref().expect("open").session.clock.clone();
    drop(before);

    // The app is opened again: same clock, same projector.
    let mut after = facilitator(dir.path());
    let session = &after.open.as_ref().expect("open").session;
    assert_eq!(session.clock, clock_before, "the whole clock state survives");
    assert_eq!(session.clock.left_in_phase.get(&PhaseKind::Round(2)), Some(&((10 * 60 + 26) * 1000)));
    let projected_after = projector_frame(dir.path(), later);
    assert_eq!(projected_after, projected_before);
    assert!(projected_after.contains("Déplacement (après le tour 2)"), "{projected_after}");

    // Back to round 2 after the restart: its 10:26, not a fresh 15:00, on the
    // facilitator's screen, in the file and on the projector.
    code(&mut after, KeyCode::Left, later);
    let schedule = after.open.as_ref().expect("open").session.schedule.clone();
    let saved = store::load(&dir.path().join("cafe.ron")).expect("the session loads");
    assert_eq!(saved.clock.current(&schedule).map(|p| p.kind), Some(PhaseKind::Round(2)));
    assert_eq!(saved.clock.remaining_ms(&schedule, later), (10 * 60 + 26) * 1000);
    let kept: Vec<_> = saved.clock.left_in_phase.iter().map(|(kind, ms)| (*kind, *ms)).collect();
    assert_eq!(kept, vec![(PhaseKind::Move(2), 90_000)], "round 2's time given back, the move's kept");
    assert_eq!(saved.clock, after.open.as_ref().expect("open").session.clock);
    let projected = projector_frame(dir.path(), later);
    assert!(projected.contains("Tour 2/3 ⏸ 10:26") && projected.contains("10:26 / 15:00"), "{projected}");
    // The big clock is drawn in block letters; the time is spelled out in the gauge line.
    assert!(frame(&after, 160, 45).contains("10:26"));
}

#[test]
fn a_session_file_without_kept_times_reads_and_a_clock_without_them_writes_none() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cafe.ron");
    let session = session_of_three_rounds();
    store::save(&path, &session).expect("saved");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(!text.contains("left_in_phase"), "nothing written while nothing is kept");
    let (app, _) = skipped_round_two(dir.path());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("left_in_phase"), "{text}");
    assert_eq!(
        store::session_file::parse(&path, &text).expect("reads").clock,
        app.open.unwrap().session.clock
    );
    let old = std::fs::read_to_string("sessions/cafe-du-savoir-14-novembre-2018.ron").unwrap();
    assert!(!old.contains("left_in_phase"));
    assert!(
        store::session_file::parse(Path::new("ancien.ron"), &old).unwrap().clock.left_in_phase.is_empty()
    );
}
