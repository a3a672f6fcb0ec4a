//! The participants screen (F6): typing and pasting who comes, editing, removing,
//! planning the rotation; bad input keeps what was typed and changes nothing.

mod tui_support;

use std::path::Path;

use cafe_savoir::domain::Session;
use cafe_savoir::store;
use cafe_savoir::store::families::default_families;
use cafe_savoir::store::participants::read_participants;
use cafe_savoir::tui::action::Action;
use cafe_savoir::tui::app::{App, Status};
use cafe_savoir::tui::screens::Screen;
use ratatui::crossterm::event::KeyCode;
use tui_support::*;

fn empty_session() -> Session {
    Session::new("Café du savoir — 14 novembre", default_families(), 4, 3, 20).expect("session")
}

fn open(dir: &Path, session: Session) -> App {
    store::save(&dir.join("cafe.ron"), &session).expect("saved");
    let mut app = app_with(session, Screen::Run, dir);
    code(&mut app, KeyCode::F(6), t0());
    assert_eq!(app.screen, Screen::Participants);
    app
}

fn stored(dir: &Path) -> Session {
    store::load(&dir.join("cafe.ron")).expect("loads")
}

fn error(app: &App) -> String {
    match &app.status {
        Some(Status::Error(message)) => message.clone(),
        other => panic!("expected an error, got {other:?}"),
    }
}

fn input_text(app: &App) -> String {
    app.open.as_ref().expect("open").participants.input.text()
}

#[test]
fn typed_participants_are_saved_at_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = open(dir.path(), empty_session());
    type_text(&mut app, "Marie Tremblay, Maison des jeunes de Vimont, 1", t0());
    code(&mut app, KeyCode::Enter, t0());
    type_text(&mut app, "Luc Roy; CDC de l'Île-Jésus", t0());
    code(&mut app, KeyCode::Enter, t0());
    assert_eq!(input_text(&app), "");
    let session = stored(dir.path());
    assert_eq!(session.participants.len(), 2);
    assert_eq!(session.participants[0].host_of, Some(1));
    assert_eq!(session.participants[1].organisation, "CDC de l'Île-Jésus");
    assert_eq!(session.tables[0].host, "Marie Tremblay");
    let text = frame(&app, 80, 24);
    assert!(text.contains("2 participants · 1 hôte · 2 organisations"), "{text}");
}

#[test]
fn bad_lines_keep_what_was_typed_and_change_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = open(dir.path(), empty_session());
    type_text(&mut app, "Marie Tremblay, Entraide", t0());
    code(&mut app, KeyCode::Enter, t0());
    let before = std::fs::read(dir.path().join("cafe.ron")).expect("read");
    for (line, expected) in [
        ("marie tremblay, Autre", "figure deux fois"),
        ("Luc Roy, CDC, 9", "table 9, qui n'existe pas"),
        ("Luc Roy, CDC, neuf", "numéro de table invalide « neuf »"),
        (" , CDC", "n'a pas de nom"),
    ] {
        app.open.as_mut().expect("open").participants.input.clear();
        type_text(&mut app, line, t0());
        code(&mut app, KeyCode::Enter, t0());
        assert!(error(&app).contains(expected), "{line}: {}", error(&app));
        assert_eq!(input_text(&app), line, "what was typed is kept");
        assert_eq!(std::fs::read(dir.path().join("cafe.ron")).expect("read"), before);
    }
}

#[test]
fn pasted_lines_from_a_spreadsheet_are_added_all_or_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = open(dir.path(), empty_session());
    act(&mut app, Action::Paste("Anne Côté\tEntraide\t2\r\nLuc Roy\tCDC\t\r\n".into()), t0());
    assert_eq!(stored(dir.path()).participants.len(), 2);
    act(&mut app, Action::Paste("Paul\tX\t\nJeanne\tY\t7\n".into()), t0());
    assert!(error(&app).starts_with("ligne 2 : ") || error(&app).contains("table 7"), "{}", error(&app));
    assert_eq!(stored(dir.path()).participants.len(), 2, "nothing added");
    // One line goes into the text field.
    act(&mut app, Action::Paste("Paul Nadeau, Popote\n".into()), t0());
    assert_eq!(input_text(&app), "Paul Nadeau, Popote");
}

#[test]
fn edit_remove_and_plan() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut session = empty_session();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/participants_69.csv");
    let people: Vec<_> = read_participants(&fixture)
        .expect("fixture")
        .into_iter()
        .map(|mut p| {
            p.host_of = p.host_of.filter(|&t| t <= 4);
            p
        })
        .take(16)
        .collect();
    session.participants = people.clone();
    let mut app = open(dir.path(), session);
    // Plan: the rotation is stored and its report shown.
    code(&mut app, KeyCode::Esc, t0());
    ctrl(&mut app, 'p', t0());
    assert!(stored(dir.path()).rotation.is_some());
    let text = frame(&app, 160, 45);
    assert!(text.contains("Qualité du plan"), "{text}");
    assert!(text.contains("Plan de rotation à jour"), "{text}");
    // Edit the first participant: the plan, made for others, is dropped.
    ctrl(&mut app, 'e', t0());
    assert!(input_text(&app).starts_with(&people[0].name));
    app.open.as_mut().expect("open").participants.input.set_text("Nouvelle Personne, Org, ");
    code(&mut app, KeyCode::Enter, t0());
    let session = stored(dir.path());
    assert_eq!(session.participants[0].name, "Nouvelle Personne");
    assert_eq!(session.participants.len(), 16);
    assert!(session.rotation.is_none());
    // Remove the second one, after the confirmation.
    code(&mut app, KeyCode::Esc, t0());
    code(&mut app, KeyCode::Down, t0());
    code(&mut app, KeyCode::Delete, t0());
    assert_eq!(stored(dir.path()).participants.len(), 16, "asks first");
    code(&mut app, KeyCode::Char('o'), t0());
    let session = stored(dir.path());
    assert_eq!(session.participants.len(), 15);
    assert!(!session.participants.iter().any(|p| p.name == people[1].name));
}

#[test]
fn participants_screen_snapshots() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut app = open(dir.path(), empty_session());
    for (w, h) in [(80, 24), (160, 45)] {
        insta::assert_snapshot!(format!("participants_empty_{w}x{h}"), frame(&app, w, h));
    }
    act(
        &mut app,
        Action::Paste("Anne Côté\tEntraide\t2\nLuc Roy\tCDC\t\nMarie Tremblay\tEntraide\t1\n".into()),
        t0(),
    );
    type_text(&mut app, "Paul Nadeau, Popote roulante", t0());
    // The save time shown in the title bar depends on when the file was written.
    app.open.as_mut().expect("open").save = cafe_savoir::tui::app::SaveState::Saved(t0());
    for (w, h) in [(80, 24), (160, 45)] {
        insta::assert_snapshot!(format!("participants_typing_{w}x{h}"), frame(&app, w, h));
    }
}
