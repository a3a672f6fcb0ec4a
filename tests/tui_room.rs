//! The app in front of a room: the run view at the sizes of a laptop, a projector and a
//! big screen during a round, the warning, time up, a move and the harvest, in both
//! themes (each snapshot ends with the colours it uses); every cell of every screen on
//! the theme's colours.

mod tui_support;

use std::path::{Path, PathBuf};

use cafe_savoir::domain::Session;
use cafe_savoir::i18n::Lang;
use cafe_savoir::plan::{self, Effort};
use cafe_savoir::store::participants::read_participants;
use cafe_savoir::tui::action::{Action, RunAction};
use cafe_savoir::tui::app::App;
use cafe_savoir::tui::screens::Screen;
use cafe_savoir::tui::settings::Settings;
use cafe_savoir::tui::theme::ThemeKind;
use cafe_savoir::tui::update::update;
use ratatui::buffer::Buffer;
use tui_support::*;

const SIZES: [(u16, u16); 3] = [(80, 24), (160, 45), (240, 67)];

/// The session of the support module, with a question per round and 69 participants
/// on a planned rotation.
fn room_session() -> Session {
    static PLANNED: std::sync::OnceLock<Session> = std::sync::OnceLock::new();
    PLANNED.get_or_init(planned_session).clone()
}

fn planned_session() -> Session {
    let mut session = session();
    for (number, question) in [
        (5, "Comment partager l'information ?"),
        (6, "Comment décider ensemble ?"),
        (7, "Comment financer sans se concurrencer ?"),
        (8, "Comment évaluer ce que l'on fait ensemble ?"),
    ] {
        session.add_table(number, question).expect("table");
    }
    session.schedule.round_questions = vec![
        "Qu'est-ce qui fait un bon partenariat ?".into(),
        "Qu'est-ce qui le met en danger ?".into(),
        "Que pouvons-nous faire dès demain ?".into(),
    ];
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/participants_69.csv");
    session.participants = read_participants(&fixture).expect("fixture");
    let planned = plan::plan_session(&session, plan::DEFAULT_SEED, Effort::default()).expect("plan");
    session.rotation = Some(planned.plan);
    session
}

fn run_app(theme: ThemeKind) -> App {
    let settings = Settings { theme, ..Settings::default() };
    App::new(PathBuf::from("sessions"), Lang::Fr, settings, false, t0()).with_session(
        &PathBuf::from("sessions/cafe-laval.ron"),
        room_session(),
        Screen::Run,
    )
}

/// The colours a frame uses, most used first: the end of each snapshot.
fn colours(buf: &Buffer) -> String {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for cell in buf.content() {
        let key = format!("{:?} on {:?}", cell.fg, cell.bg);
        match counts.iter_mut().find(|(k, _)| *k == key) {
            Some((_, n)) => *n += 1,
            None => counts.push((key, 1)),
        }
    }
    counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts.iter().map(|(k, n)| format!("{n:>6}  {k}\n")).collect()
}

fn snap(name: &str, app: &App) {
    let theme = match app.theme.kind {
        ThemeKind::Dark => "dark",
        ThemeKind::Light => "light",
    };
    for (w, h) in SIZES {
        let buf = draw(app, w, h);
        let text = format!("{}\n--- colours ---\n{}", cafe_savoir::tui::view::to_text(&buf), colours(&buf));
        insta::assert_snapshot!(format!("run_{name}_{theme}_{w}x{h}"), text);
    }
}

#[test]
fn the_run_view_in_both_themes_at_three_sizes() {
    for theme in [ThemeKind::Dark, ThemeKind::Light] {
        let mut app = run_app(theme);
        update(&mut app, Action::Run(RunAction::StartPause), t0());
        update(&mut app, Action::Tick, at(7 * 60 + 25));
        snap("round", &app);
        update(&mut app, Action::Tick, at(18 * 60 + 20));
        snap("warning", &app);
        update(&mut app, Action::Tick, at(20 * 60 + 42));
        snap("time_up", &app);
        update(&mut app, Action::Run(RunAction::NextPhase), at(20 * 60 + 50));
        update(&mut app, Action::Tick, at(21 * 60 + 30));
        snap("move", &app);
        for _ in 0..3 {
            update(&mut app, Action::Run(RunAction::NextPhaseNow), at(22 * 60));
        }
        update(&mut app, Action::Tick, at(23 * 60));
        snap("harvest", &app);
    }
}

/// Every screen and popup the app draws, for the colour test.
fn every_screen(theme: ThemeKind) -> Vec<(String, App)> {
    use cafe_savoir::tui::action::{CaptureAction, HarvestAction, HomeAction, SetupAction};
    use cafe_savoir::tui::screens::harvest::state::HarvestTab;
    let mut out = Vec::new();
    let settings = Settings { theme, ..Settings::default() };
    let mut home = App::new(PathBuf::from("sessions"), Lang::Fr, settings.clone(), false, t0());
    update(&mut home, Action::Scanned(Vec::new()), t0());
    out.push(("home".to_string(), home));
    for screen in
        [Screen::Setup, Screen::Run, Screen::Capture, Screen::Export, Screen::Participants, Screen::Harvest]
    {
        let mut app = run_app(theme);
        update(&mut app, Action::Go(screen), t0());
        out.push((format!("{screen:?}"), app));
    }
    let mut editing = run_app(theme);
    update(&mut editing, Action::Go(Screen::Setup), t0());
    update(&mut editing, Action::Setup(SetupAction::Edit), t0());
    out.push(("setup editing".into(), editing));
    let mut list = run_app(theme);
    update(&mut list, Action::Go(Screen::Capture), t0());
    update(&mut list, Action::Capture(CaptureAction::FocusList), t0());
    out.push(("capture list".into(), list));
    for tab in [HarvestTab::Others, HarvestTab::Queue, HarvestTab::Chart] {
        let mut app = run_app(theme);
        update(&mut app, Action::Go(Screen::Harvest), t0());
        update(&mut app, Action::Harvest(HarvestAction::ShowTab(tab)), t0());
        out.push((format!("harvest {tab:?}"), app));
    }
    let mut opened = run_app(theme);
    update(&mut opened, Action::Go(Screen::Harvest), t0());
    update(&mut opened, Action::Harvest(HarvestAction::Open), t0());
    out.push(("harvest opened".into(), opened));
    let mut help = run_app(theme);
    update(&mut help, Action::ToggleHelp, t0());
    out.push(("help".into(), help));
    let mut paste = run_app(theme);
    update(&mut paste, Action::Go(Screen::Capture), t0());
    update(&mut paste, Action::Paste("un\ndeux\ntrois".into()), t0());
    out.push(("paste".into(), paste));
    let mut confirm = run_app(theme);
    update(&mut confirm, Action::Run(RunAction::StartPause), t0());
    update(&mut confirm, Action::Quit, at(60));
    out.push(("confirm".into(), confirm));
    let mut ask = App::new(PathBuf::from("sessions"), Lang::Fr, settings, false, t0());
    update(&mut ask, Action::Home(HomeAction::New), t0());
    out.push(("ask".into(), ask));
    // The clock's moods on the run screen.
    let mut running = run_app(theme);
    update(&mut running, Action::Run(RunAction::StartPause), t0());
    for (name, seconds) in [("warning", 18 * 60 + 30), ("flash on", 20 * 60), ("flash off", 20 * 60 + 1)] {
        let mut app = run_app(theme);
        update(&mut app, Action::Run(RunAction::StartPause), t0());
        update(&mut app, Action::Tick, at(seconds));
        out.push((name.into(), app));
    }
    let mut moving = run_app(theme);
    update(&mut moving, Action::Run(RunAction::NextPhase), t0());
    out.push(("move".into(), moving));
    out
}

#[test]
fn every_cell_of_every_screen_has_the_themes_colours() {
    use ratatui::style::Color;
    for theme in [ThemeKind::Dark, ThemeKind::Light] {
        for (name, app) in every_screen(theme) {
            for (w, h) in [(80, 24), (160, 45), (60, 20)] {
                let buf = draw(&app, w, h);
                for y in 0..h {
                    for x in 0..w {
                        let cell = &buf[(x, y)];
                        assert!(
                            cell.fg != Color::Reset && cell.bg != Color::Reset,
                            "{name} ({theme:?}, {w}×{h}): the terminal's default colour at column {x}, row {y}"
                        );
                    }
                }
            }
        }
    }
}
