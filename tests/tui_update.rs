//! `update` tests: every action of the app, driven through the real keymap where a key
//! exists, with a fixed clock and real files in temp folders.

mod tui_support;

use cafe_savoir::domain::{Kind, PhaseKind};
use cafe_savoir::store;
use cafe_savoir::tui::action::{
    Action, CaptureAction, ExportAction, HomeAction, PopupAction, RunAction, SetupAction,
};
use cafe_savoir::tui::app::{App, Popup, SaveState, Status};
use cafe_savoir::tui::effect::Effect;
use cafe_savoir::tui::perform::load_settings;
use cafe_savoir::tui::screens::Screen;
use cafe_savoir::tui::screens::capture::state::Focus;
use cafe_savoir::tui::screens::setup::state::FIELDS;
use cafe_savoir::tui::theme::ThemeKind;
use cafe_savoir::tui::update::update;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_support::*;

fn saved(app: &App) -> cafe_savoir::domain::Session {
    store::load(&app.open.as_ref().expect("open").path).expect("saved session loads")
}

fn error(app: &App) -> String {
    match &app.status {
        Some(Status::Error(m)) => m.clone(),
        other => panic!("expected an error, got {other:?}"),
    }
}

#[test]
fn quit_help_theme_resize() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(session(), Screen::Run, dir.path());
    code(&mut app, KeyCode::Char('?'), t0());
    assert!(matches!(app.popup, Some(Popup::Help { .. })));
    code(&mut app, KeyCode::Down, t0());
    assert_eq!(app.popup, Some(Popup::Help { scroll: 1 }));
    code(&mut app, KeyCode::Up, t0());
    code(&mut app, KeyCode::Esc, t0());
    assert!(app.popup.is_none());
    code(&mut app, KeyCode::F(1), t0());
    assert!(app.popup.is_some());
    code(&mut app, KeyCode::Char('?'), t0());
    assert!(app.popup.is_none());

    code(&mut app, KeyCode::Char('c'), t0());
    assert_eq!(app.theme.kind, ThemeKind::Light);
    assert_eq!(load_settings(&dir.path().join(".cafe-settings.ron")).theme, ThemeKind::Light);

    act(&mut app, Action::Resize { width: 120, height: 40 }, t0());
    assert_eq!(app.size, (120, 40));
    code(&mut app, KeyCode::Char('q'), t0());
    assert!(app.should_quit);
}

#[test]
fn ctrl_c_quits_even_while_typing() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(session(), Screen::Capture, dir.path());
    type_text(&mut app, "q?c", t0());
    assert!(!app.should_quit, "letters are typed, not keys");
    assert_eq!(app.open.as_ref().unwrap().capture.input.text(), "q?c");
    ctrl(&mut app, 'c', t0());
    assert!(!app.should_quit, "typed text not on disk: Ctrl+C asks");
    assert!(matches!(app.popup, Some(Popup::Confirm { .. })));
    ctrl(&mut app, 'c', t0());
    assert!(app.should_quit, "Ctrl+C again quits");
}

#[test]
fn screens_switch_with_function_keys_and_back_goes_home() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(session(), Screen::Run, dir.path());
    for (key, screen) in [(2, Screen::Setup), (4, Screen::Capture), (5, Screen::Export), (3, Screen::Run)] {
        code(&mut app, KeyCode::F(key), t0());
        assert_eq!(app.screen, screen);
    }
    code(&mut app, KeyCode::Esc, t0());
    assert_eq!(app.screen, Screen::Home);
    assert!(app.open.is_none());
    // Without a session, screen keys do nothing.
    act(&mut app, Action::Go(Screen::Run), t0());
    assert_eq!(app.screen, Screen::Home);
}

#[test]
fn run_keys_drive_the_clock_and_save_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(session(), Screen::Run, dir.path());
    code(&mut app, KeyCode::Char(' '), at(0));
    let s = saved(&app);
    assert!(s.clock.is_running());
    assert_eq!(s.clock.remaining_ms(&s.schedule, at(60)), 19 * 60_000);
    code(&mut app, KeyCode::Char(' '), at(60));
    assert!(!saved(&app).clock.is_running());
    code(&mut app, KeyCode::Char('+'), at(60));
    let s = saved(&app);
    assert_eq!(s.clock.remaining_ms(&s.schedule, at(999)), 20 * 60_000);
    code(&mut app, KeyCode::Char('-'), at(60));
    code(&mut app, KeyCode::Char('-'), at(60));
    let s = saved(&app);
    assert_eq!(s.clock.remaining_ms(&s.schedule, at(999)), 18 * 60_000);
    code(&mut app, KeyCode::Char('n'), at(60));
    let s = saved(&app);
    assert_eq!(s.clock.current(&s.schedule).unwrap().kind, PhaseKind::Move(1));
    code(&mut app, KeyCode::Right, at(60));
    code(&mut app, KeyCode::Left, at(60));
    code(&mut app, KeyCode::Char('p'), at(60));
    let s = saved(&app);
    assert_eq!(s.clock.current(&s.schedule).unwrap().kind, PhaseKind::Round(1));
    code(&mut app, KeyCode::Char('p'), at(60));
    assert!(matches!(app.status, Some(Status::Info(_))), "first phase says so");
    assert!(matches!(app.open.as_ref().unwrap().save, SaveState::Saved(_)));
}

#[test]
fn the_bell_rings_once_at_zero_and_the_next_phase_waits() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(session(), Screen::Run, dir.path());
    code(&mut app, KeyCode::Char(' '), at(0));
    assert_eq!(act(&mut app, Action::Tick, at(600)), 0);
    assert_eq!(act(&mut app, Action::Tick, at(1200)), 1, "rings at zero");
    assert_eq!(act(&mut app, Action::Tick, at(1201)), 0, "only once");
    let s = &app.open.as_ref().unwrap().session;
    assert_eq!(s.clock.current(&s.schedule).unwrap().kind, PhaseKind::Round(1), "waits for the facilitator");
    code(&mut app, KeyCode::Char('n'), at(1210));
    let s = saved(&app);
    assert_eq!(s.clock.current(&s.schedule).unwrap().kind, PhaseKind::Move(1));
    assert!(s.clock.is_running(), "the next phase keeps running");
    assert_eq!(act(&mut app, Action::Tick, at(1210 + 120)), 1, "and rings at its end");
}

#[test]
fn auto_advance_starts_the_next_phase_from_when_the_last_one_ended() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session();
    s.schedule.auto_advance = true;
    let mut app = app_with(s, Screen::Run, dir.path());
    code(&mut app, KeyCode::Char(' '), at(0));
    // The app was not ticking for a while (laptop asleep): 20 min round, 2 min move,
    // then 30 s into round 2.
    assert_eq!(act(&mut app, Action::Tick, at(1200 + 120 + 30)), 1);
    let s = saved(&app);
    assert_eq!(s.clock.current(&s.schedule).unwrap().kind, PhaseKind::Round(2));
    assert_eq!(s.clock.remaining_ms(&s.schedule, at(1350)), 20 * 60_000 - 30_000);
}

#[test]
fn reopening_mid_round_resumes_with_the_right_time() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(session(), Screen::Run, dir.path());
    code(&mut app, KeyCode::Char(' '), at(0));
    let path = app.open.as_ref().unwrap().path.clone();
    drop(app);
    let reopened = store::load(&path).unwrap();
    let app = app_with(reopened, Screen::Run, dir.path());
    let mut app = app;
    act(&mut app, Action::Tick, at(5 * 60));
    assert!(frame(&app, 80, 24).contains("15:00"), "{}", frame(&app, 80, 24));
}

#[test]
fn capture_types_saves_and_cycles_kind_round_and_tables() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(session(), Screen::Capture, dir.path());
    code(&mut app, KeyCode::Tab, t0());
    assert_eq!(app.open.as_ref().unwrap().capture.tab, 2);
    press(&mut app, KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT), t0());
    assert_eq!(app.open.as_ref().unwrap().capture.tab, 1);
    type_text(&mut app, "Écoute 🙂 et «respect»", t0());
    act(&mut app, Action::Paste(" des\nrythmes".into()), t0());
    // Two lines: one proposal per line, or one? One.
    assert!(matches!(app.popup, Some(Popup::PasteLines { .. })));
    code(&mut app, KeyCode::Char('1'), t0());
    ctrl(&mut app, 't', t0());
    ctrl(&mut app, 'r', t0());
    code(&mut app, KeyCode::Enter, at(5));
    let s = saved(&app);
    let p = s.proposals.last().unwrap();
    assert_eq!(p.text, "Écoute 🙂 et «respect» des rythmes");
    assert_eq!((p.table, p.round, p.kind), (1, 2, Kind::Astuce));
    assert_eq!(p.captured_at, at(5));
    assert!(app.open.as_ref().unwrap().capture.input.is_empty());

    // An empty proposal is refused with a message and changes nothing.
    let before = saved(&app).proposals.len();
    code(&mut app, KeyCode::Enter, t0());
    assert!(error(&app).contains("vide"));
    assert_eq!(saved(&app).proposals.len(), before);

    // On the all-tables tab, typing needs a table.
    act(&mut app, Action::Capture(CaptureAction::SelectTab(0)), t0());
    type_text(&mut app, "x", t0());
    code(&mut app, KeyCode::Enter, t0());
    assert!(error(&app).contains("Tab"));
}

#[test]
fn capture_list_edit_kind_move_delete_and_undo() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(session(), Screen::Capture, dir.path());
    // Table 1 has two proposals; the last is selected.
    code(&mut app, KeyCode::Up, t0());
    assert_eq!(app.open.as_ref().unwrap().capture.selected, 0);
    code(&mut app, KeyCode::Down, t0());
    code(&mut app, KeyCode::Esc, t0());
    assert_eq!(app.open.as_ref().unwrap().capture.focus, Focus::List);

    // Edit the selected proposal.
    ctrl(&mut app, 'e', t0());
    assert_eq!(app.open.as_ref().unwrap().capture.focus, Focus::Input);
    for _ in 0.."commencer".chars().count() {
        code(&mut app, KeyCode::Backspace, t0());
    }
    type_text(&mut app, "démarrer", t0());
    code(&mut app, KeyCode::Enter, t0());
    assert_eq!(
        saved(&app).proposal(cafe_savoir::domain::ProposalId(2)).unwrap().text,
        "Une rencontre pour se connaître avant de démarrer"
    );

    // Kind of the selected one, from the list.
    code(&mut app, KeyCode::Esc, t0());
    ctrl(&mut app, 't', t0());
    assert_eq!(saved(&app).proposal(cafe_savoir::domain::ProposalId(2)).unwrap().kind, Kind::Temoignage);

    // Move to table 4 (refuses table 9 first, keeping the question open).
    ctrl(&mut app, 'g', t0());
    type_text(&mut app, "9", t0());
    code(&mut app, KeyCode::Enter, t0());
    assert!(error(&app).contains('9'));
    assert!(matches!(app.popup, Some(Popup::Ask { .. })));
    code(&mut app, KeyCode::Backspace, t0());
    type_text(&mut app, "4", t0());
    code(&mut app, KeyCode::Enter, t0());
    assert!(app.popup.is_none());
    assert_eq!(saved(&app).proposal(cafe_savoir::domain::ProposalId(2)).unwrap().table, 4);

    // Delete, then undo the delete, the move, the kind and the edit.
    code(&mut app, KeyCode::Delete, t0());
    assert!(saved(&app).proposal(cafe_savoir::domain::ProposalId(1)).is_none());
    for _ in 0..4 {
        ctrl(&mut app, 'z', t0());
    }
    // Every change undone, in the file too (each undo is one more edition of the
    // proposal, so that a copy elsewhere takes it).
    let without_editions = |proposals: &[cafe_savoir::domain::Proposal]| {
        proposals
            .iter()
            .map(|p| cafe_savoir::domain::Proposal { edition: 0, ..p.clone() })
            .collect::<Vec<_>>()
    };
    let s = saved(&app);
    assert_eq!(without_editions(&s.proposals), session().proposals, "every change undone, in the file too");
    ctrl(&mut app, 'z', t0());
    ctrl(&mut app, 'z', t0());
    assert!(matches!(&app.status, Some(Status::Info(m)) if m.contains("Rien")));

    // Enter goes back to typing; Esc while editing cancels the edit only.
    code(&mut app, KeyCode::Enter, t0());
    code(&mut app, KeyCode::Esc, t0());
    ctrl(&mut app, 'e', t0());
    code(&mut app, KeyCode::Esc, t0());
    let capture = &app.open.as_ref().unwrap().capture;
    assert!(capture.editing.is_none() && capture.input.is_empty() && capture.focus == Focus::Input);
    ctrl(&mut app, 'z', t0());
}

#[test]
fn setup_edits_fields_and_refuses_bad_values() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(session(), Screen::Setup, dir.path());
    // Title: empty refused, then a new one.
    code(&mut app, KeyCode::Enter, t0());
    ctrl(&mut app, 'u', t0());
    for _ in 0..60 {
        code(&mut app, KeyCode::Backspace, t0());
    }
    code(&mut app, KeyCode::Enter, t0());
    assert!(error(&app).contains("titre"));
    assert!(app.open.as_ref().unwrap().setup.editing.is_some(), "the field stays open");
    type_text(&mut app, "Café de Laval", t0());
    code(&mut app, KeyCode::Enter, t0());
    assert_eq!(saved(&app).title, "Café de Laval");

    let edit = |app: &mut App, row: usize, value: &str| {
        act(app, Action::Setup(SetupAction::Select(row)), t0());
        act(app, Action::Setup(SetupAction::Edit), t0());
        for _ in 0..80 {
            code(app, KeyCode::Backspace, t0());
        }
        type_text(app, value, t0());
        code(app, KeyCode::Enter, t0());
    };
    edit(&mut app, 1, "31/02/2018");
    assert!(error(&app).contains("date"));
    code(&mut app, KeyCode::Esc, t0());
    edit(&mut app, 1, "28/11/2018");
    assert_eq!(saved(&app).date, chrono::NaiveDate::from_ymd_opt(2018, 11, 28));
    edit(&mut app, 2, "CDC de Laval");
    edit(&mut app, 3, "Nadia B.");
    edit(&mut app, 5, "0");
    assert!(error(&app).contains("minutes"));
    code(&mut app, KeyCode::Esc, t0());
    edit(&mut app, 5, "25, 20, 15");
    edit(&mut app, 4, "0");
    assert!(error(&app).contains("tours"));
    code(&mut app, KeyCode::Esc, t0());
    edit(&mut app, 4, "4");
    edit(&mut app, 6, "3");
    edit(&mut app, 7, "45");
    act(&mut app, Action::Setup(SetupAction::Select(8)), t0());
    code(&mut app, KeyCode::Enter, t0());
    let s = saved(&app);
    assert_eq!(s.place, "CDC de Laval");
    assert_eq!(s.facilitator, "Nadia B.");
    assert_eq!(s.schedule.round_minutes, vec![25, 20, 15, 15]);
    assert_eq!((s.schedule.move_minutes, s.schedule.harvest_minutes, s.schedule.auto_advance), (3, 45, true));
    // Fewer rounds than the proposals use is refused.
    let mut with_round_3 = s.clone();
    with_round_3.add_proposal(1, 3, Kind::Condition, "Tour trois", t0()).unwrap();
    let mut app = app_with(with_round_3, Screen::Setup, dir.path());
    edit(&mut app, 4, "2");
    assert!(error(&app).contains("tour 3"));
}

#[test]
fn setup_tables_add_edit_reorder_remove() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(session(), Screen::Setup, dir.path());
    code(&mut app, KeyCode::Char('a'), t0());
    let s = saved(&app);
    assert_eq!(s.tables.len(), 5);
    assert_eq!(app.open.as_ref().unwrap().setup.row, FIELDS.len() + 4);
    // The new table's question column is selected: type the question.
    code(&mut app, KeyCode::Enter, t0());
    type_text(&mut app, "Quels moyens pour durer ?", t0());
    code(&mut app, KeyCode::Enter, t0());
    code(&mut app, KeyCode::Right, t0());
    code(&mut app, KeyCode::Enter, t0());
    type_text(&mut app, "Marc", t0());
    code(&mut app, KeyCode::Enter, t0());
    code(&mut app, KeyCode::Left, t0());
    code(&mut app, KeyCode::Left, t0());
    code(&mut app, KeyCode::Enter, t0());
    type_text(&mut app, "Durer", t0());
    code(&mut app, KeyCode::Enter, t0());
    let t5 = saved(&app).tables[4].clone();
    assert_eq!(
        (t5.number, t5.name.as_str(), t5.question.as_str(), t5.host.as_str()),
        (5, "Durer", "Quels moyens pour durer ?", "Marc")
    );

    // Reorder: table 5 goes up twice (Shift+↑ and K).
    press(&mut app, KeyEvent::new(KeyCode::Up, KeyModifiers::SHIFT), t0());
    press(&mut app, KeyEvent::new(KeyCode::Char('K'), KeyModifiers::SHIFT), t0());
    let order: Vec<u32> = saved(&app).tables.iter().map(|t| t.number).collect();
    assert_eq!(order, vec![1, 2, 5, 3, 4]);
    press(&mut app, KeyEvent::new(KeyCode::Char('J'), KeyModifiers::SHIFT), t0());
    press(&mut app, KeyEvent::new(KeyCode::Down, KeyModifiers::SHIFT), t0());
    let order: Vec<u32> = saved(&app).tables.iter().map(|t| t.number).collect();
    assert_eq!(order, vec![1, 2, 3, 4, 5]);

    // Renumber table 1 to 2: refused (duplicate); to 7: its proposals follow.
    // The name column was selected: ← goes to the number (one more would go back to the
    // session's fields).
    act(&mut app, Action::Setup(SetupAction::Select(FIELDS.len())), t0());
    code(&mut app, KeyCode::Left, t0());
    code(&mut app, KeyCode::Enter, t0());
    code(&mut app, KeyCode::Backspace, t0());
    type_text(&mut app, "2", t0());
    code(&mut app, KeyCode::Enter, t0());
    assert!(error(&app).contains("existe déjà"));
    code(&mut app, KeyCode::Backspace, t0());
    type_text(&mut app, "7", t0());
    code(&mut app, KeyCode::Enter, t0());
    let s = saved(&app);
    assert_eq!(s.proposals.iter().filter(|p| p.table == 7).count(), 2);

    // Removing a table with proposals is refused; an empty one goes.
    code(&mut app, KeyCode::Delete, t0());
    assert!(error(&app).contains("déplacez"));
    act(&mut app, Action::Setup(SetupAction::Select(FIELDS.len() + 4)), t0());
    code(&mut app, KeyCode::Char('x'), t0());
    assert_eq!(saved(&app).tables.len(), 4);
    // Remove on a field row just says to pick a table.
    act(&mut app, Action::Setup(SetupAction::Select(0)), t0());
    code(&mut app, KeyCode::Char('x'), t0());
    assert!(matches!(app.status, Some(Status::Info(_))));
}

#[test]
fn home_lists_newest_first_opens_creates_duplicates_and_trashes() {
    let dir = tempfile::tempdir().unwrap();
    let mut old = session();
    old.title = "Ancienne".into();
    old.date = chrono::NaiveDate::from_ymd_opt(2017, 5, 1);
    store::save(&dir.path().join("ancienne.ron"), &old).unwrap();
    store::save(&dir.path().join("laval.ron"), &session()).unwrap();
    std::fs::write(dir.path().join("cassee.ron"), "(version: 1, title: \"x\",\n  tables: oops").unwrap();
    let mut app = cafe_savoir::tui::home_app(dir.path().to_path_buf(), cafe_savoir::i18n::Lang::Fr);
    let titles: Vec<String> = app
        .home
        .entries
        .iter()
        .map(|e| e.summary.as_ref().map(|s| s.title.clone()).unwrap_or_else(|e| e.clone()))
        .collect();
    assert_eq!(titles.len(), 3);
    assert!(titles.iter().any(|t| t.contains("cassee.ron:2:")), "located error: {titles:?}");
    let laval = titles.iter().position(|t| t.starts_with("Café")).unwrap();
    let ancienne = titles.iter().position(|t| t == "Ancienne").unwrap();
    assert!(laval < ancienne, "newest first: {titles:?}");

    // The broken file cannot be opened and is left as it was.
    let broken = app.home.entries.iter().position(|e| e.summary.is_err()).unwrap();
    act(&mut app, Action::Home(HomeAction::Select(broken)), t0());
    code(&mut app, KeyCode::Enter, t0());
    assert!(error(&app).contains("cassee.ron"));
    code(&mut app, KeyCode::Char('d'), t0());
    assert!(error(&app).contains("cassee.ron"));
    assert!(std::fs::read_to_string(dir.path().join("cassee.ron")).unwrap().contains("oops"));

    // Duplicate as a template.
    act(&mut app, Action::Home(HomeAction::Select(laval)), t0());
    code(&mut app, KeyCode::Char('d'), t0());
    code(&mut app, KeyCode::Enter, t0());
    assert_eq!(app.screen, Screen::Setup);
    let copy = saved(&app);
    assert_eq!(copy.title, "Café du savoir — 14 novembre (copie)");
    assert!(copy.proposals.is_empty());
    assert_eq!(copy.tables, session().tables);
    code(&mut app, KeyCode::Esc, t0());
    assert_eq!(app.home.entries.len(), 4);

    // New: an empty title is refused, then created and opened in Setup.
    code(&mut app, KeyCode::Char('n'), t0());
    code(&mut app, KeyCode::Enter, t0());
    assert!(error(&app).contains("titre"));
    type_text(&mut app, "Café du 28", t0());
    code(&mut app, KeyCode::Enter, t0());
    assert_eq!(app.screen, Screen::Setup);
    assert!(dir.path().join("cafe-du-28.ron").exists());
    code(&mut app, KeyCode::Esc, t0());
    // Same title again: a free name.
    code(&mut app, KeyCode::Char('n'), t0());
    type_text(&mut app, "Café du 28", t0());
    code(&mut app, KeyCode::Enter, t0());
    assert!(dir.path().join("cafe-du-28-2.ron").exists());
    code(&mut app, KeyCode::Esc, t0());

    // Delete asks first; "n" keeps the file, "o" moves it to .trash/ with its journal.
    std::fs::write(dir.path().join("cafe-du-28-2.ron.journal"), "").unwrap();
    let index = app.home.entries.iter().position(|e| e.path.ends_with("cafe-du-28-2.ron")).unwrap();
    act(&mut app, Action::Home(HomeAction::Select(index)), t0());
    code(&mut app, KeyCode::Delete, t0());
    assert!(matches!(app.popup, Some(Popup::Confirm { .. })));
    code(&mut app, KeyCode::Char('n'), t0());
    assert!(dir.path().join("cafe-du-28-2.ron").exists());
    code(&mut app, KeyCode::Char('x'), t0());
    code(&mut app, KeyCode::Char('o'), t0());
    assert!(!dir.path().join("cafe-du-28-2.ron").exists());
    assert!(dir.path().join(".trash/cafe-du-28-2.ron").exists());
    assert!(!dir.path().join("cafe-du-28-2.ron.journal").exists());
    assert!(dir.path().join(".trash/cafe-du-28-2.ron.journal").exists());
    assert_eq!(app.home.entries.len(), 5);

    // Open.
    let index = app.home.entries.iter().position(|e| e.path.ends_with("laval.ron")).unwrap();
    act(&mut app, Action::Home(HomeAction::Select(index)), t0());
    code(&mut app, KeyCode::Char('k'), t0());
    code(&mut app, KeyCode::Char('j'), t0());
    code(&mut app, KeyCode::Char('r'), t0());
    code(&mut app, KeyCode::Enter, t0());
    assert_eq!(app.screen, Screen::Run);
    assert_eq!(saved(&app).title, "Café du savoir — 14 novembre");
}

#[test]
fn export_writes_beside_the_session_or_to_a_typed_path() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(session(), Screen::Export, dir.path());
    code(&mut app, KeyCode::Enter, t0());
    assert!(dir.path().join("exports/cafe-synthese.html").exists());
    code(&mut app, KeyCode::Down, t0());
    code(&mut app, KeyCode::Char('j'), t0());
    code(&mut app, KeyCode::Char('k'), t0());
    code(&mut app, KeyCode::Char('a'), t0());
    for name in [
        "synthese.html",
        "synthese.docx",
        "synthese.md",
        "travail.html",
        "synthese.xlsx",
        "synthese.csv",
        "synthese.json",
        "synthese.ron",
        "propositions.md",
        "propositions.csv",
    ] {
        assert!(dir.path().join(format!("exports/cafe-{name}")).exists(), "{name}");
    }
    assert_eq!(app.open.as_ref().unwrap().export.written.len(), 10);
    assert!(matches!(&app.status, Some(Status::Info(m)) if m.contains("exports")));
    code(&mut app, KeyCode::Char('o'), t0());
    ctrl(&mut app, 'u', t0());
    for _ in 0..300 {
        code(&mut app, KeyCode::Backspace, t0());
    }
    let target = dir.path().join("ailleurs/document.md");
    type_text(&mut app, &target.display().to_string(), t0());
    code(&mut app, KeyCode::Enter, t0());
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(text.contains("Reconnaître l'expertise de chaque organisme"), "{text}");
}

#[test]
fn clicks_and_wheel_follow_what_is_drawn() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(session(), Screen::Run, dir.path());
    draw(&app, 160, 45);
    // The title bar's tabs are buttons.
    let text = frame(&app, 160, 45);
    let first = text.lines().next().unwrap();
    let column = first.find("F4").unwrap() as u16;
    let column = first[..column as usize].chars().count() as u16;
    act(&mut app, Action::Click { column, row: 0 }, t0());
    assert_eq!(app.screen, Screen::Capture);
    draw(&app, 160, 45);
    // The capture tab of table 3.
    let tabs = frame(&app, 160, 45).lines().nth(1).unwrap().to_string();
    let column = tabs[..tabs.find("T 3").unwrap()].chars().count() as u16;
    act(&mut app, Action::Click { column, row: 1 }, t0());
    assert_eq!(app.open.as_ref().unwrap().capture.table(&app.open.as_ref().unwrap().session), Some(3));
    act(&mut app, Action::Capture(CaptureAction::SelectTab(1)), t0());
    draw(&app, 160, 45);
    act(&mut app, Action::Click { column: 10, row: 3 }, t0());
    assert_eq!(app.open.as_ref().unwrap().capture.selected, 0);
    act(&mut app, Action::Scroll { down: true, column: 10, row: 3 }, t0());
    assert_eq!(app.open.as_ref().unwrap().capture.selected, 1);
    act(&mut app, Action::Scroll { down: false, column: 10, row: 3 }, t0());
    assert_eq!(app.open.as_ref().unwrap().capture.selected, 0);
    // A help-bar entry is a button too.
    act(&mut app, Action::Go(Screen::Run), t0());
    draw(&app, 160, 45);
    act(&mut app, Action::Click { column: 2, row: 44 }, t0());
    assert!(app.open.as_ref().unwrap().session.clock.is_running());
    // A click on nothing does nothing.
    act(&mut app, Action::Click { column: 150, row: 30 }, t0());
}

#[test]
fn effect_results_update_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(session(), Screen::Run, dir.path());
    let effects = update(&mut app, Action::Run(RunAction::StartPause), t0());
    assert_eq!(effects, vec![Effect::Save]);
    assert_eq!(app.open.as_ref().unwrap().save, SaveState::Pending);
    update(&mut app, Action::Saved(Err("disque plein".into())), t0());
    assert!(matches!(app.open.as_ref().unwrap().save, SaveState::Failed(_)));
    assert!(frame(&app, 80, 24).contains("NON ENREGISTRÉ"));
    let on_disk = app.open.as_ref().unwrap().session.clone();
    let saved = cafe_savoir::tui::action::Saved { session: Box::new(on_disk), renamed: Vec::new() };
    update(&mut app, Action::Saved(Ok(saved)), at(1));
    assert_eq!(app.open.as_ref().unwrap().save, SaveState::Saved(at(1)));
    // A file that stops loading: the app stops writing, and a banner says so until a
    // save goes through again.
    update(&mut app, Action::StoppedWriting("x.ron:3:1: illisible".into()), at(2));
    assert!(app.open.as_ref().unwrap().not_writable.is_some());
    assert!(frame(&app, 100, 30).contains("Fichier non modifié"));
    // Leaving now asks first.
    update(&mut app, Action::Quit, at(2));
    assert!(!app.should_quit);
    assert!(matches!(app.popup, Some(cafe_savoir::tui::app::Popup::Confirm { .. })));
    update(&mut app, Action::Popup(PopupAction::Cancel), at(2));
    update(&mut app, Action::SettingsSaved(Err("lecture seule".into())), t0());
    assert!(error(&app).contains("lecture seule"));
    update(&mut app, Action::Exported(Err("non".into())), t0());
    assert!(error(&app).contains("export"));
    update(&mut app, Action::Trashed(Err("non".into())), t0());
    update(&mut app, Action::Created { path: "x.ron".into(), result: Err("existe".into()) }, t0());
    assert_eq!(error(&app), "existe");
    update(
        &mut app,
        Action::Loaded { path: "x.ron".into(), result: Err("x.ron:1:2: illisible".into()) },
        t0(),
    );
    assert!(error(&app).contains("1:2"));
    update(&mut app, Action::Popup(PopupAction::Confirm), t0());
    update(&mut app, Action::Export(ExportAction::Select(2)), t0());
    assert_eq!(app.open.as_ref().unwrap().export.selected, 2);
    update(&mut app, Action::TrashSession("x.ron".into()), t0());
    update(&mut app, Action::Scanned(Vec::new()), t0());
    assert!(app.home.scanned);
}

#[test]
fn typing_shows_the_family_and_the_closest_proposal_of_another_table() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_with(session(), Screen::Capture, dir.path());
    type_text(&mut app, "Re", t0());
    assert!(app.open.as_ref().unwrap().capture.hint.is_none(), "no hint for two letters");
    type_text(&mut app, "connaître l'expertise de chaque organisme partenaire", t0());
    let hint = app.open.as_ref().unwrap().capture.hint.clone().expect("hint");
    assert_eq!(hint.nearest.map(|(id, _)| id), Some(cafe_savoir::domain::ProposalId(3)), "{hint:?}");
    assert!(hint.family.is_some(), "{hint:?}");
    let screen = frame(&app, 160, 45);
    assert!(screen.contains("Famille probable") && screen.contains("Proche, table 2"), "{screen}");
    // At table 2 itself, its own proposal is not "another table's".
    code(&mut app, KeyCode::Tab, t0());
    let hint = app.open.as_ref().unwrap().capture.hint.clone().expect("hint");
    assert_ne!(hint.nearest.map(|(id, _)| id), Some(cafe_savoir::domain::ProposalId(3)));
    // Saving clears the field and the hints.
    code(&mut app, KeyCode::Enter, t0());
    assert!(app.open.as_ref().unwrap().capture.hint.is_none());
}

#[test]
fn proposals_added_by_another_program_are_taken_in_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cafe.ron");
    store::save(&path, &session()).unwrap();
    let mut app =
        cafe_savoir::tui::session_app(&path, store::load(&path).unwrap(), cafe_savoir::i18n::Lang::Fr);
    app.now = t0();
    // `cafe add` from another terminal, while the app is open.
    let mut other = store::load(&path).unwrap();
    other.add_proposal(2, 1, Kind::Condition, "Ajoutée par cafe add", t0()).unwrap();
    store::save(&path, &other).unwrap();
    // The facilitator types one in the app, which saves.
    act(&mut app, Action::Go(Screen::Capture), t0());
    type_text(&mut app, "Tapée dans l'app", t0());
    code(&mut app, KeyCode::Enter, t0());
    let saved = store::load(&path).unwrap();
    let texts: Vec<&str> = saved.proposals.iter().map(|p| p.text.as_str()).collect();
    assert!(texts.contains(&"Ajoutée par cafe add") && texts.contains(&"Tapée dans l'app"), "{texts:?}");
    let mut ids: Vec<u64> = saved.proposals.iter().map(|p| p.id.0).collect();
    ids.dedup();
    assert_eq!(ids.len(), saved.proposals.len(), "ids stay unique");
    assert_eq!(saved.proposals, app.open.as_ref().unwrap().session.proposals);
    assert!(matches!(&app.status, Some(Status::Info(m)) if m.contains("autre programme")));
}
