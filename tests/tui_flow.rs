//! A whole workshop driven by key presses, as a facilitator would: create the session,
//! prepare 4 tables and 3 rounds, run the clock through every phase with a fake clock,
//! capture proposals at each table in each round, export; then check the saved session
//! file and the exported files.

mod tui_support;

use cafe_savoir::domain::{Kind, PhaseKind};
use cafe_savoir::i18n::Lang;
use cafe_savoir::store;
use cafe_savoir::tui::action::Action;
use cafe_savoir::tui::app::App;
use cafe_savoir::tui::screens::Screen;
use cafe_savoir::tui::screens::setup::state::FIELDS;
use chrono::{DateTime, Utc};
use ratatui::crossterm::event::KeyCode;
use tui_support::*;

fn enter(app: &mut App, now: DateTime<Utc>) {
    code(app, KeyCode::Enter, now);
}

/// Selects the setup row `row` from the top, edits it with `value`.
fn set_field(app: &mut App, row: usize, value: &str, now: DateTime<Utc>) {
    for _ in 0..30 {
        code(app, KeyCode::Up, now);
    }
    for _ in 0..row {
        code(app, KeyCode::Down, now);
    }
    enter(app, now);
    ctrl(app, 'u', now);
    for _ in 0..80 {
        code(app, KeyCode::Backspace, now);
    }
    type_text(app, value, now);
    enter(app, now);
    assert!(app.status.is_none(), "row {row} = {value}: {:?}", app.status);
}

fn phase(app: &App) -> PhaseKind {
    let s = &app.open.as_ref().expect("open").session;
    s.clock.current(&s.schedule).expect("phase").kind
}

#[test]
fn a_whole_workshop_by_keys() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = cafe_savoir::tui::home_app(dir.path().to_path_buf(), Lang::Fr);
    let mut now = t0();
    assert!(frame(&app, 80, 24).contains("Aucune session"));

    // Create the session.
    code(&mut app, KeyCode::Char('n'), now);
    type_text(&mut app, "Café du savoir — 28 novembre", now);
    enter(&mut app, now);
    assert_eq!(app.screen, Screen::Setup);
    let path = dir.path().join("cafe-du-savoir-28-novembre.ron");
    assert!(path.exists());

    // Prepare it: description, schedule, 4 tables with their questions and hosts.
    set_field(&mut app, 1, "2018-11-28", now);
    set_field(&mut app, 2, "Centre communautaire, Laval", now);
    set_field(&mut app, 3, "Nadia", now);
    set_field(&mut app, 4, "3", now);
    set_field(&mut app, 5, "20", now);
    set_field(&mut app, 6, "2", now);
    set_field(&mut app, 7, "30", now);
    let questions =
        ["Pourquoi s'engager ?", "Se connaître et se reconnaître", "Des rapports équitables", "Coconstruire"];
    for (i, question) in questions.iter().enumerate() {
        set_field(&mut app, FIELDS.len() + i, &(i + 1).to_string(), now);
        code(&mut app, KeyCode::Right, now);
        code(&mut app, KeyCode::Right, now);
        enter(&mut app, now);
        type_text(&mut app, question, now);
        enter(&mut app, now);
        code(&mut app, KeyCode::Right, now);
        enter(&mut app, now);
        type_text(&mut app, &format!("Hôte {}", i + 1), now);
        enter(&mut app, now);
        code(&mut app, KeyCode::Left, now);
        code(&mut app, KeyCode::Left, now);
        code(&mut app, KeyCode::Left, now);
    }
    let prepared = store::load(&path).unwrap();
    assert_eq!(prepared.tables.len(), 4);
    assert_eq!(prepared.tables[3].question, "Coconstruire");
    assert_eq!(prepared.tables[3].host, "Hôte 4");
    assert_eq!(prepared.place, "Centre communautaire, Laval");

    // Run: three rounds with moves, then the harvest; capture at every table each round.
    code(&mut app, KeyCode::F(3), now);
    assert_eq!(app.screen, Screen::Run);
    code(&mut app, KeyCode::Char(' '), now);
    let mut bells = 0;
    for round in 1..=3u32 {
        assert_eq!(phase(&app), PhaseKind::Round(round));
        // Ten minutes in, the facilitator captures what each table said.
        now += chrono::Duration::minutes(10);
        bells += act(&mut app, Action::Tick, now);
        code(&mut app, KeyCode::F(4), now);
        for table in 1..=4 {
            act(&mut app, Action::Capture(cafe_savoir::tui::action::CaptureAction::SelectTab(table)), now);
            type_text(&mut app, &format!("Table {table}, tour {round} : une condition"), now);
            enter(&mut app, now);
            if table == round as usize {
                ctrl(&mut app, 't', now);
                type_text(&mut app, &format!("Astuce de la table {table}"), now);
                enter(&mut app, now);
            }
        }
        code(&mut app, KeyCode::F(3), now);
        // The round ends: the bell rings once, the clock waits.
        for _ in 0..11 {
            now += chrono::Duration::minutes(1);
            bells += act(&mut app, Action::Tick, now);
        }
        assert_eq!(bells, 3 * round as usize - 1, "one bell per phase end, one warning per round");
        assert!(frame(&app, 160, 45).contains("temps écoulé"));
        assert_eq!(phase(&app), PhaseKind::Round(round));
        code(&mut app, KeyCode::Char('n'), now);
        if round < 3 {
            assert_eq!(phase(&app), PhaseKind::Move(round));
            now += chrono::Duration::minutes(2);
            bells += act(&mut app, Action::Tick, now);
            code(&mut app, KeyCode::Char('n'), now);
        }
    }
    assert_eq!(phase(&app), PhaseKind::Harvest);
    assert_eq!(bells, 8);

    // Export everything.
    code(&mut app, KeyCode::F(5), now);
    code(&mut app, KeyCode::Char('a'), now);

    // The saved session has every proposal where it was said.
    let saved = store::load(&path).unwrap();
    assert_eq!(saved.proposals.len(), 15);
    for round in 1..=3u32 {
        for table in 1..=4u32 {
            assert!(saved.proposals.iter().any(|p| p.table == table
                && p.round == round
                && p.kind == Kind::Condition
                && p.text == format!("Table {table}, tour {round} : une condition")));
        }
        assert!(
            saved.proposals.iter().any(|p| p.table == round && p.round == round && p.kind == Kind::Astuce)
        );
    }
    assert_eq!(saved.clock.current(&saved.schedule).unwrap().kind, PhaseKind::Harvest);
    assert!(saved.clock.is_running());

    // The exports say the same.
    let exports = dir.path().join("exports");
    let read = |name: &str| {
        std::fs::read_to_string(exports.join(format!("cafe-du-savoir-28-novembre-{name}"))).unwrap()
    };
    let document =
        cafe_savoir::export::document::from_ron(&read("synthese.ron")).expect("synthèse RON parses");
    let members: usize = document.to_synthesis().all_groups().map(|g| g.members.len()).sum();
    assert_eq!(members, 15, "every proposal is in the exported synthèse");
    assert_eq!(read("synthese.csv").lines().count(), 16);
    assert!(cafe_savoir::export::document::from_json(&read("synthese.json")).is_ok());
    assert!(read("synthese.md").contains("Astuce de la table 3"));
    let notes = read("propositions.md");
    assert!(notes.contains("## Table 4 — Coconstruire") && notes.contains("- Astuce de la table 3"));
    assert_eq!(read("propositions.csv").lines().count(), 16);

    // Quitting asks nothing; reopening from the home screen finds it all.
    code(&mut app, KeyCode::Char('q'), now);
    assert!(app.should_quit);
    let app = cafe_savoir::tui::home_app(dir.path().to_path_buf(), Lang::Fr);
    let summary = app.home.entries[0].summary.as_ref().unwrap();
    assert_eq!((summary.tables, summary.proposals), (4, 15));
}
