//! Snapshots of every screen at 80×24 and 160×45 with a fixed clock, and a styled
//! buffer snapshot where colour carries meaning (the clock's last minute and overdue
//! flash).

mod tui_support;

use std::path::PathBuf;

use cafe_savoir::i18n::Lang;
use cafe_savoir::tui::action::{Action, CaptureAction, RunAction, SetupAction};
use cafe_savoir::tui::app::App;
use cafe_savoir::tui::screens::Screen;
use cafe_savoir::tui::screens::home::state::{SessionEntry, Summary};
use cafe_savoir::tui::settings::Settings;
use cafe_savoir::tui::update::update;
use ratatui::crossterm::event::KeyCode;
use tui_support::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (160, 45)];

fn snap(name: &str, app: &App) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), frame(app, w, h));
    }
}

/// An app whose session file lives at a fixed relative path (nothing is written: the
/// actions used here are applied with `update`, effects dropped).
fn app(screen: Screen) -> App {
    App::new(PathBuf::from("sessions"), Lang::Fr, Settings::default(), false, t0()).with_session(
        &PathBuf::from("sessions/cafe-laval.ron"),
        session(),
        screen,
    )
}

fn home_app() -> App {
    let mut app = App::new(PathBuf::from("sessions"), Lang::Fr, Settings::default(), false, t0());
    let entry = |name: &str, title: &str, day: u32, tables, proposals| SessionEntry {
        path: PathBuf::from(format!("sessions/{name}")),
        modified: Some(at(i64::from(day) * 3600)),
        summary: Ok(Summary {
            title: title.into(),
            date: chrono::NaiveDate::from_ymd_opt(2018, 11, day),
            tables,
            proposals,
        }),
    };
    let entries = vec![
        entry("cafe-28-novembre.ron", "Café du savoir — 28 novembre", 28, 6, 74),
        entry("cafe-14-novembre.ron", "Café du savoir — 14 novembre", 14, 8, 112),
        SessionEntry {
            path: PathBuf::from("sessions/brouillon.ron"),
            modified: Some(t0()),
            summary: Err("sessions/brouillon.ron:7:12: fichier de session illisible (Expected closing `)`); le fichier n'a pas été modifié".into()),
        },
    ];
    update(&mut app, Action::Scanned(entries), t0());
    app
}

#[test]
fn home() {
    snap("home", &home_app());
    let mut empty = App::new(PathBuf::from("sessions"), Lang::Fr, Settings::default(), false, t0());
    update(&mut empty, Action::Scanned(Vec::new()), t0());
    snap("home_empty", &empty);
    let mut english = home_app();
    english.lang = Lang::En;
    snap("home_english", &english);
}

#[test]
fn setup() {
    let mut app = app(Screen::Setup);
    snap("setup", &app);
    update(&mut app, Action::Setup(SetupAction::Select(11)), t0());
    update(&mut app, Action::Setup(SetupAction::Right), t0());
    update(&mut app, Action::Setup(SetupAction::Edit), t0());
    snap("setup_editing_question", &app);
}

#[test]
fn run_states() {
    let mut app = app(Screen::Run);
    snap("run_ready", &app);
    update(&mut app, Action::Run(RunAction::StartPause), t0());
    update(&mut app, Action::Tick, at(7 * 60 + 25));
    snap("run_running", &app);
    update(&mut app, Action::Tick, at(19 * 60 + 30));
    snap("run_last_minute", &app);
    update(&mut app, Action::Tick, at(20 * 60 + 42));
    snap("run_overdue", &app);
    update(&mut app, Action::Run(RunAction::NextPhase), at(20 * 60 + 50));
    update(&mut app, Action::Run(RunAction::StartPause), at(21 * 60));
    snap("run_move_paused", &app);
    for _ in 0..3 {
        update(&mut app, Action::Run(RunAction::NextPhase), at(21 * 60));
    }
    snap("run_harvest", &app);
}

#[test]
fn the_clock_changes_colour_in_the_last_minute_and_flashes_when_over() {
    let mut app = app(Screen::Run);
    update(&mut app, Action::Run(RunAction::StartPause), t0());
    let clock_cell = |secs: i64| {
        let mut later = app_clone(&app);
        update(&mut later, Action::Tick, at(secs));
        let buf = draw(&later, 80, 24);
        // The first lit cell of the big clock.
        // Below the phase's name in big letters (rows 1–4) and the state line.
        let row = (6..14).find(|y| (0..80).any(|x| buf[(x, *y)].symbol() == "█")).expect("clock drawn");
        let x = (0..80).find(|x| buf[(*x, row)].symbol() == "█").expect("lit cell");
        buf[(x, row)].style()
    };
    let normal = clock_cell(60);
    let warning = clock_cell(19 * 60 + 30);
    let flash_on = clock_cell(20 * 60);
    let flash_off = clock_cell(20 * 60 + 1);
    assert_ne!(normal.fg, warning.fg, "last minute changes colour");
    assert_ne!(flash_on, flash_off, "overdue flashes");
    insta::assert_debug_snapshot!("clock_styles", [normal, warning, flash_on, flash_off]);
}

fn app_clone(app: &App) -> App {
    let open = app.open.as_ref().expect("open");
    App::new(PathBuf::from("sessions"), Lang::Fr, Settings::default(), false, t0()).with_session(
        &open.path,
        open.session.clone(),
        app.screen,
    )
}

#[test]
fn capture() {
    let mut app = app(Screen::Capture);
    for c in "Partager l'information entre partenaires, régulièrement, et pas seulement quand il y a une crise à gérer 🙂".chars() {
        update(&mut app, Action::Input(ratatui::crossterm::event::KeyEvent::from(KeyCode::Char(c))), t0());
    }
    // The hints (computed on Idle) are left out: they follow the synthèse engine, and
    // `tui_update` checks them.
    snap("capture_typing", &app);
    update(&mut app, Action::Capture(CaptureAction::FocusList), t0());
    update(&mut app, Action::Capture(CaptureAction::SelectTab(0)), t0());
    snap("capture_all_tables", &app);
}

#[test]
fn export_help_confirm_ask_and_too_small() {
    let mut app = app(Screen::Export);
    snap("export", &app);
    update(&mut app, Action::ToggleHelp, t0());
    snap("help", &app);
    let mut home = home_app();
    update(&mut home, Action::Home(cafe_savoir::tui::action::HomeAction::Delete), t0());
    snap("confirm_trash", &home);
    let mut home = home_app();
    update(&mut home, Action::Home(cafe_savoir::tui::action::HomeAction::New), t0());
    snap("ask_new_session", &home);
    insta::assert_snapshot!("too_small", frame(&app_clone(&app), 60, 20));
}

#[test]
fn light_theme_and_no_color_keep_the_same_text() {
    let mut app = app(Screen::Run);
    let dark = frame(&app, 80, 24);
    app.theme.kind = cafe_savoir::tui::theme::ThemeKind::Light;
    assert_eq!(frame(&app, 80, 24), dark);
    app.theme.no_color = true;
    let buf = draw(&app, 80, 24);
    assert!(
        buf.content()
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset)
    );
}

#[test]
fn the_readme_key_list_is_the_keymap() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let list = cafe_savoir::tui::keymap::markdown(Lang::Fr);
    assert!(readme.contains(&list), "README's key list is out of date; it should read:\n{list}");
}
