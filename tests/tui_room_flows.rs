//! The defects a facilitator met in front of a room, each replayed with the keys that
//! showed it, and shown fixed: the clock's colours, letters typed in the capture list,
//! `q` during a round, skipping a running round, a pasted block, the time on every
//! screen, content cut without a sign, `~` in a typed path, reaching Préparer's tables;
//! and the projector window that follows the file.

mod tui_support;

use std::path::Path;

use cafe_savoir::domain::{Kind, PhaseKind, Session};
use cafe_savoir::store;
use cafe_savoir::tui::action::{Action, RunAction};
use cafe_savoir::tui::app::{App, Popup, Prompt, Status};
use cafe_savoir::tui::effect::{Effect, SoundEvent};
use cafe_savoir::tui::screens::Screen;
use cafe_savoir::tui::screens::capture::state::Focus;
use cafe_savoir::tui::screens::setup::state::FIELDS;
use cafe_savoir::tui::update::update;
use cafe_savoir::tui::widgets::LineInput;
use chrono::Duration;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::Color;
use tui_support::*;

fn saved(app: &App) -> Session {
    store::load(&app.open.as_ref().expect("open").path).expect("saved session loads")
}

fn open(app: &App) -> &cafe_savoir::tui::app::OpenSession {
    app.open.as_ref().expect("open")
}

fn info(app: &App) -> String {
    match &app.status {
        Some(Status::Info(m)) => m.clone(),
        other => panic!("expected a message, got {other:?}"),
    }
}

/// A session on disk, opened on `screen` (the file exists: the app saves as it goes).
fn opened(dir: &Path, session: Session, screen: Screen) -> App {
    store::save(&dir.join("cafe.ron"), &session).expect("saved");
    app_with(session, screen, dir)
}

#[test]
fn defect_1_the_big_clock_has_the_themes_background_in_both_themes() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = opened(dir.path(), session(), Screen::Run);
    for (theme_bg, theme_fg) in [(Color::White, Color::Black), (Color::Black, Color::White)] {
        // `c` switches the theme, Space starts the clock.
        code(&mut app, KeyCode::Char('c'), t0());
        if !open(&app).session.clock.is_running() {
            code(&mut app, KeyCode::Char(' '), t0());
        }
        let buf = draw(&app, 160, 45);
        for y in 4..28 {
            for x in 21..141 {
                let cell = &buf[(x, y)];
                assert_ne!(cell.bg, Color::Reset, "clock area ({x}, {y}) on the terminal's background");
                if cell.symbol() == " " {
                    assert_eq!(cell.bg, theme_bg, "({x}, {y}) on the theme's background");
                } else if cell.symbol() == "█" {
                    assert_eq!(cell.fg, theme_fg, "({x}, {y}) digits in the theme's colour");
                }
            }
        }
    }
}

#[test]
fn defect_2_letters_typed_in_the_capture_list_type_and_never_delete_nor_quit() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = opened(dir.path(), session(), Screen::Run);
    let before = saved(&app).proposals;
    code(&mut app, KeyCode::F(4), t0());
    code(&mut app, KeyCode::Esc, t0());
    assert_eq!(open(&app).capture.focus, Focus::List);
    type_text(&mut app, "des rencontres", t0());
    assert_eq!(open(&app).capture.input.text(), "des rencontres", "the letters went into the field");
    assert!(open(&app).capture.editing.is_none(), "e opened nothing for editing");
    assert_eq!(saved(&app).proposals, before, "d deleted nothing");
    code(&mut app, KeyCode::Enter, t0());
    assert_eq!(saved(&app).proposals.last().map(|p| p.text.as_str()), Some("des rencontres"));

    code(&mut app, KeyCode::Esc, t0());
    type_text(&mut app, "qualité", t0());
    assert!(!app.should_quit, "q typed, not quit");
    assert_eq!(open(&app).capture.input.text(), "qualité");
    // Deleting (now a key that cannot be typed) says what, and how to undo.
    code(&mut app, KeyCode::Esc, t0());
    code(&mut app, KeyCode::Delete, t0());
    let message = info(&app);
    assert!(message.contains("des rencontres") && message.contains("Ctrl+Z"), "{message}");
    ctrl(&mut app, 'z', t0());
    assert!(saved(&app).proposals.iter().any(|p| p.text == "des rencontres"));
    // Typed text not on disk: Esc (back to the sessions) and q ask first.
    code(&mut app, KeyCode::Esc, t0());
    assert!(matches!(app.popup, Some(Popup::Confirm { .. })));
    code(&mut app, KeyCode::Char('n'), t0());
    assert_eq!(open(&app).capture.input.text(), "qualité");
    code(&mut app, KeyCode::F(3), t0());
    code(&mut app, KeyCode::Char('q'), t0());
    assert!(!app.should_quit);
    assert!(matches!(app.popup, Some(Popup::Confirm { .. })));
}

#[test]
fn defect_3_q_asks_on_the_projector_while_a_round_runs() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = opened(dir.path(), session(), Screen::Capture);
    code(&mut app, KeyCode::F(3), t0());
    code(&mut app, KeyCode::Char(' '), t0());
    code(&mut app, KeyCode::Char('q'), at(30));
    assert!(!app.should_quit, "a running round is not left at once");
    assert!(frame(&app, 80, 24).contains("Un tour est en cours"));
    code(&mut app, KeyCode::Char('n'), at(31));
    assert!(!app.should_quit && app.popup.is_none());
    // Ctrl+C asks too; pressed again, it quits.
    ctrl(&mut app, 'c', at(32));
    assert!(!app.should_quit);
    ctrl(&mut app, 'c', at(33));
    assert!(app.should_quit);
    // Paused, nothing is lost: q quits at once.
    let mut paused = opened(dir.path(), session(), Screen::Run);
    code(&mut paused, KeyCode::Char('q'), t0());
    assert!(paused.should_quit);
}

#[test]
fn defect_4_skipping_a_running_round_asks_keeps_its_time_and_can_be_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session();
    s.schedule.round_minutes = vec![15, 15, 15];
    let mut app = opened(dir.path(), s, Screen::Run);
    let schedule = open(&app).session.schedule.clone();
    app.open.as_mut().unwrap().session.clock.go_to(&schedule, 2, t0(), false);
    code(&mut app, KeyCode::Char(' '), t0());
    let now = t0() + Duration::seconds(4 * 60 + 34); // 10:26 left in round 2
    code(&mut app, KeyCode::Right, now);
    assert!(matches!(app.popup, Some(Popup::Confirm { .. })), "→ asks while the round runs");
    assert!(frame(&app, 80, 24).contains("10:26"));
    code(&mut app, KeyCode::Char('o'), now);
    let clock = &open(&app).session.clock;
    assert_eq!(clock.current(&schedule).unwrap().kind, PhaseKind::Move(2));
    assert!(info(&app).contains("Ctrl+Z"), "the status line offers the undo");
    // ← comes back to round 2 with its 10:26, not a fresh 15:00.
    code(&mut app, KeyCode::Left, now + Duration::seconds(5));
    let s = saved(&app);
    assert_eq!(s.clock.current(&schedule).unwrap().kind, PhaseKind::Round(2));
    assert_eq!(s.clock.remaining_ms(&schedule, now + Duration::seconds(5)), (10 * 60 + 26) * 1000);
    // Undo, twice: back in the move, then in round 2 running as before the skip.
    ctrl(&mut app, 'z', now + Duration::seconds(6));
    ctrl(&mut app, 'z', now + Duration::seconds(6));
    let s = saved(&app);
    assert_eq!(s.clock.current(&schedule).unwrap().kind, PhaseKind::Round(2));
    assert!(s.clock.is_running());
    assert_eq!(s.clock.remaining_ms(&schedule, now + Duration::seconds(6)), (10 * 60 + 20) * 1000);
}

#[test]
fn defect_5_a_pasted_block_of_five_lines_asks_and_gives_five_proposals() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = opened(dir.path(), session(), Screen::Capture);
    code(&mut app, KeyCode::Tab, t0()); // table 2
    ctrl(&mut app, 't', t0()); // astuce
    let block = "Se connaître avant\nReconnaître l'expertise\n\nPartager l'information\nDes objectifs communs\nDurer ensemble\n";
    act(&mut app, Action::Paste(block.into()), t0());
    assert!(frame(&app, 80, 24).contains("5 lignes : 5 propositions ou une seule ?"));
    code(&mut app, KeyCode::Enter, at(10));
    let s = saved(&app);
    let added: Vec<_> = s.proposals.iter().skip(4).collect();
    assert_eq!(added.len(), 5);
    assert_eq!(added[2].text, "Partager l'information");
    assert!(added.iter().all(|p| (p.table, p.round, p.kind) == (2, 1, Kind::Astuce)));
    // Or one: the lines joined in the field, nothing saved yet.
    act(&mut app, Action::Paste("un\ndeux".into()), t0());
    code(&mut app, KeyCode::Char('1'), t0());
    assert_eq!(open(&app).capture.input.text(), "un deux");
    assert_eq!(saved(&app).proposals.len(), 9);
}

#[test]
fn defect_6_the_time_is_on_every_screen_and_the_bell_rings_wherever_one_is() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session();
    s.schedule.round_questions = vec!["Pourquoi ?".into(), "Comment le faire ensemble ?".into()];
    let mut app = opened(dir.path(), s, Screen::Run);
    code(&mut app, KeyCode::Char(' '), t0());
    for key in [KeyCode::F(2), KeyCode::F(4), KeyCode::F(5), KeyCode::F(6), KeyCode::F(7)] {
        code(&mut app, key, at(60));
        let first_line = frame(&app, 80, 24).lines().next().unwrap_or_default().to_string();
        assert!(first_line.contains("Tour 1/3 ▶ 19:00"), "{key:?}: {first_line}");
    }
    // On F4, the end of the round rings, and the title bar's clock flashes.
    code(&mut app, KeyCode::F(4), at(60));
    let bells = act(&mut app, Action::Tick, at(18 * 60)) + act(&mut app, Action::Tick, at(20 * 60));
    assert_eq!(bells, 2, "the warning, then the end");
    let flash_on = draw(&app, 80, 24);
    let flash_off = draw(
        &{
            let mut later = app_with(open(&app).session.clone(), Screen::Capture, dir.path());
            act(&mut later, Action::Tick, at(20 * 60 + 1));
            later
        },
        80,
        24,
    );
    let badge = |buf: &ratatui::buffer::Buffer| {
        (0..80).map(|x| buf[(x, 0)].clone()).find(|c| c.symbol() == "⏰").map(|c| c.style())
    };
    assert!(badge(&flash_on).is_some(), "time up shows in the title bar");
    assert_ne!(badge(&flash_on), badge(&flash_off), "and flashes");
    // During a move, the projector says so in big letters with the next question.
    code(&mut app, KeyCode::F(3), at(20 * 60 + 2));
    code(&mut app, KeyCode::Char('n'), at(20 * 60 + 2));
    let text = frame(&app, 160, 45);
    assert!(text.contains("Prochaine question — tour 2"), "{text}");
    assert!(
        !text.contains("Changez de table") && !text.contains("Comment le faire ensemble"),
        "« Changez de table ! » and the question are drawn in big letters, not as text:\n{text}"
    );
    assert!(text.contains("▀▀ ▀▘▝▘▝▀▝▘▀ ▀ ▄▄▛"), "{text}");
}

#[test]
fn defect_7_nothing_is_cut_without_a_sign() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = session();
    for n in 5..=8 {
        s.add_table(n, "Une question de plus").expect("table");
    }
    s.tables[2].name = "Reconnaissance mutuelle des partenaires et de leurs expertises".into();
    let mut app = opened(dir.path(), s, Screen::Run);
    let text = frame(&app, 80, 24);
    assert!(text.contains("▼ +"), "F3 at 80×24 says how many tables are not shown:\n{text}");
    // The help pages and reaches its last line.
    code(&mut app, KeyCode::Char('?'), t0());
    assert!(frame(&app, 80, 24).contains("▼ +"));
    code(&mut app, KeyCode::PageDown, t0());
    assert!(matches!(app.popup, Some(Popup::Help { scroll }) if scroll > 10));
    code(&mut app, KeyCode::End, t0());
    let text = frame(&app, 80, 24);
    assert!(text.contains("Graphiques") && text.contains("▲ +"), "the last key shows:\n{text}");
    code(&mut app, KeyCode::Home, t0());
    assert_eq!(app.popup, Some(Popup::Help { scroll: 0 }));
    code(&mut app, KeyCode::Esc, t0());
    // Capture's tabs: with 30 tables they do not all fit at 80 columns, and say so.
    let mut many = session();
    for n in 5..=30 {
        many.add_table(n, "").expect("table");
    }
    let capture = app_with(many, Screen::Capture, dir.path());
    let tabs = frame(&capture, 80, 24).lines().nth(1).unwrap_or_default().to_string();
    assert!(tabs.contains("▼ +"), "{tabs}");
    // A name too long for Préparer's column ends with an ellipsis.
    code(&mut app, KeyCode::F(2), t0());
    let text = frame(&app, 80, 24);
    assert!(text.contains("Reconnaissa…"), "{text}");
}

#[test]
fn defect_8_a_typed_path_expands_the_home_folder() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = opened(dir.path(), session(), Screen::Export);
    let home = std::env::var("HOME").expect("HOME is set");
    for typed in ["~/synthese.md", "$HOME/synthese.md", "${HOME}/synthese.md"] {
        let mut input = LineInput::default();
        input.set_text(typed);
        app.popup =
            Some(Popup::Ask { prompt: Prompt::ExportPath, question: String::new(), input: Box::new(input) });
        let effects = update(&mut app, Action::Popup(cafe_savoir::tui::action::PopupAction::Confirm), t0());
        let target = effects.iter().find_map(|e| match e {
            Effect::Export { target, .. } => target.clone(),
            _ => None,
        });
        assert_eq!(target, Some(Path::new(&home).join("synthese.md")), "{typed}");
    }
    // A bare name goes beside the session's file, wherever the app was started from.
    let mut input = LineInput::default();
    input.set_text("pour-le-ca/synthese.md");
    app.popup =
        Some(Popup::Ask { prompt: Prompt::ExportPath, question: String::new(), input: Box::new(input) });
    let effects = update(&mut app, Action::Popup(cafe_savoir::tui::action::PopupAction::Confirm), t0());
    let target = effects.iter().find_map(|e| match e {
        Effect::Export { target, .. } => target.clone(),
        _ => None,
    });
    let folder = app.open.as_ref().and_then(|o| o.path.parent().map(Path::to_path_buf)).expect("a folder");
    assert_eq!(target, Some(folder.join("pour-le-ca/synthese.md")));
    // An unknown variable is said, not made into a folder.
    let mut input = LineInput::default();
    input.set_text("$CAFE_NO_SUCH_VARIABLE/x.md");
    app.popup =
        Some(Popup::Ask { prompt: Prompt::ExportPath, question: String::new(), input: Box::new(input) });
    let effects = update(&mut app, Action::Popup(cafe_savoir::tui::action::PopupAction::Confirm), t0());
    assert!(effects.is_empty());
    assert!(matches!(&app.status, Some(Status::Error(m)) if m.contains("CAFE_NO_SUCH_VARIABLE")));
}

#[test]
fn defect_9_arrows_go_from_preparer_fields_to_the_tables_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = opened(dir.path(), session(), Screen::Setup);
    code(&mut app, KeyCode::Down, t0());
    code(&mut app, KeyCode::Down, t0());
    code(&mut app, KeyCode::Right, t0());
    assert_eq!(open(&app).setup.row, FIELDS.len(), "→ reaches the first table");
    code(&mut app, KeyCode::Right, t0());
    assert_eq!(open(&app).setup.column, 1, "then its cells");
    code(&mut app, KeyCode::Left, t0());
    code(&mut app, KeyCode::Left, t0());
    assert_eq!(open(&app).setup.row, 2, "← from the first cell goes back to the field left");
}

#[test]
fn the_warning_sounds_once_per_round_and_the_sound_can_be_tested() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = opened(dir.path(), session(), Screen::Run);
    update(&mut app, Action::Run(RunAction::StartPause), t0());
    assert!(update(&mut app, Action::Tick, at(17 * 60)).is_empty());
    assert_eq!(update(&mut app, Action::Tick, at(18 * 60)), vec![Effect::Sound(SoundEvent::Warning)]);
    assert!(update(&mut app, Action::Tick, at(18 * 60 + 30)).is_empty(), "once");
    assert!(frame(&app, 80, 24).contains("⚠ plus que 2 minutes"));
    assert_eq!(update(&mut app, Action::Tick, at(20 * 60)), vec![Effect::Sound(SoundEvent::PhaseEnd)]);
    // The warning time is the session's.
    let mut app = opened(dir.path(), session(), Screen::Setup);
    act(&mut app, Action::Setup(cafe_savoir::tui::action::SetupAction::Select(FIELDS.len() - 1)), t0());
    code(&mut app, KeyCode::Enter, t0());
    code(&mut app, KeyCode::Backspace, t0());
    type_text(&mut app, "5", t0());
    code(&mut app, KeyCode::Enter, t0());
    assert_eq!(saved(&app).schedule.warning_minutes, 5);
    // `s` in Préparer sounds the end of a phase, and the command set for it runs.
    let marker = dir.path().join("rang");
    app.settings.sound.end_command = Some(format!("touch '{}'", marker.display()));
    let bells = code(&mut app, KeyCode::Char('s'), t0());
    assert_eq!(bells, 1);
    assert!(info(&app).contains("touch"));
    for _ in 0..100 {
        if marker.exists() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(marker.exists(), "the sound command ran");
}

#[test]
fn each_round_has_its_question_set_in_preparer_and_kept_in_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = opened(dir.path(), session(), Screen::Setup);
    let first_question_row = FIELDS.len() + 4;
    act(&mut app, Action::Setup(cafe_savoir::tui::action::SetupAction::Select(first_question_row + 1)), t0());
    code(&mut app, KeyCode::Enter, t0());
    type_text(&mut app, "Qu'est-ce qui nous en empêche ?", t0());
    code(&mut app, KeyCode::Enter, t0());
    let s = saved(&app);
    assert_eq!(
        s.schedule.round_questions,
        vec![String::new(), "Qu'est-ce qui nous en empêche ?".to_string()]
    );
    assert_eq!(s.schedule.round_question(2), Some("Qu'est-ce qui nous en empêche ?"));
    assert_eq!(s.schedule.round_question(1), None);
    let text = std::fs::read_to_string(dir.path().join("cafe.ron")).unwrap();
    assert!(text.contains("round_questions"), "in the session file");
}

#[test]
fn a_projector_window_follows_the_file_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cafe.ron");
    let mut s = session();
    s.schedule.round_questions = vec!["Pourquoi ?".into()];
    store::save(&path, &s).unwrap();
    let mut projector =
        cafe_savoir::tui::projector_app(&path, store::load(&path).unwrap(), cafe_savoir::i18n::Lang::Fr);
    // Its keys cannot start the clock nor leave the run view.
    code(&mut projector, KeyCode::Char(' '), t0());
    code(&mut projector, KeyCode::F(4), t0());
    assert_eq!(projector.screen, Screen::Run);
    assert!(!projector.open.as_ref().unwrap().session.clock.is_running());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), store::session_file::to_text(&s).unwrap());
    // The facilitator starts the clock in their window: the projector follows.
    let mut facilitator = app_with(store::load(&path).unwrap(), Screen::Run, dir.path());
    code(&mut facilitator, KeyCode::Char(' '), t0());
    act(&mut projector, Action::Tick, at(90));
    assert!(projector.open.as_ref().unwrap().session.clock.is_running());
    let text = frame(&projector, 160, 45);
    assert!(text.contains("18:30") && text.contains("lecture seule"), "{text}");
    // A file that does not read keeps the last state and says so.
    std::fs::write(&path, "(version: 1, oops").unwrap();
    act(&mut projector, Action::Tick, at(91));
    assert!(matches!(projector.status, Some(Status::Error(_))));
    assert!(projector.open.as_ref().unwrap().session.clock.is_running());
    // q leaves at once: a projector has nothing to lose.
    code(&mut projector, KeyCode::Char('q'), at(92));
    assert!(projector.should_quit);
}
