//! Drawing each screen of the app at 160×45 with a session of 500 proposals (8 tables,
//! 3 rounds); the budget is 2 ms per frame. Also one `update` + autosave-free keystroke.

use std::path::PathBuf;

use cafe_savoir::domain::{Kind, Session};
use cafe_savoir::i18n::Lang;
use cafe_savoir::store::families::default_families;
use cafe_savoir::tui::action::{Action, CaptureAction, RunAction};
use cafe_savoir::tui::app::App;
use cafe_savoir::tui::screens::Screen;
use cafe_savoir::tui::screens::home::state::{SessionEntry, Summary};
use cafe_savoir::tui::settings::Settings;
use cafe_savoir::tui::update::update;
use cafe_savoir::tui::view;
use chrono::{TimeZone, Utc};
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;

fn main() {
    divan::main();
}

fn session() -> Session {
    let mut s = Session::new("Café du savoir — banc d'essai", default_families(), 8, 3, 20).expect("session");
    for table in &mut s.tables {
        table.question = format!(
            "Question de la table {} : qu'est-ce qui favorise un partenariat gagnant ?",
            table.number
        );
    }
    let now = Utc::now();
    for i in 0..500u32 {
        let kind = Kind::ALL[(i % 7 % 3) as usize];
        let text = format!(
            "Proposition {i} : reconnaître l'expertise et la mission de chaque organisme, avec des moyens équitables"
        );
        s.add_proposal(i % 8 + 1, i % 3 + 1, kind, &text, now).expect("added");
    }
    s
}

fn app(screen: Screen) -> App {
    let now = Utc.with_ymd_and_hms(2018, 11, 14, 13, 30, 0).single().expect("time");
    let mut app = App::new(PathBuf::from("sessions"), Lang::Fr, Settings::default(), false, now)
        .with_session(&PathBuf::from("sessions/banc.ron"), session(), screen);
    update(&mut app, Action::Run(RunAction::StartPause), now);
    app
}

fn draw(app: &App) -> Buffer {
    let area = Rect::new(0, 0, 160, 45);
    let mut buf = Buffer::empty(area);
    view::render(app, area, &mut buf);
    buf
}

#[divan::bench(args = ["home", "setup", "run", "capture", "capture_all", "export", "help"])]
fn render_160x45(bencher: divan::Bencher, screen: &str) {
    let mut app = match screen {
        "setup" => app(Screen::Setup),
        "run" => app(Screen::Run),
        "capture" | "capture_all" => app(Screen::Capture),
        "export" | "help" => app(Screen::Export),
        _ => {
            let mut app = app(Screen::Home);
            app.open = None;
            let entries = (0..60)
                .map(|i| SessionEntry {
                    path: PathBuf::from(format!("sessions/cafe-{i}.ron")),
                    modified: None,
                    summary: Ok(Summary {
                        title: format!("Café {i}"),
                        date: None,
                        tables: 8,
                        proposals: 500,
                    }),
                })
                .collect();
            let now = app.now;
            update(&mut app, Action::Scanned(entries), now);
            app
        }
    };
    if screen == "capture_all" {
        let now = app.now;
        update(&mut app, Action::Capture(CaptureAction::SelectTab(0)), now);
    }
    if screen == "help" {
        let now = app.now;
        update(&mut app, Action::ToggleHelp, now);
    }
    bencher.bench_local(|| draw(divan::black_box(&app)));
}

/// One key typed in the capture field with 500 proposals: the update, the hints (family
/// guess and closest proposal of another table, once typing pauses) and the frame.
#[divan::bench]
fn keystroke_in_capture(bencher: divan::Bencher) {
    let mut app = app(Screen::Capture);
    let now = app.now;
    let text = "Reconnaître l'expertise et les processus démocratiques de chaque organisme ";
    let mut keys = text.chars().cycle();
    bencher.bench_local(|| {
        let c = keys.next().unwrap_or(' ');
        if let Some(open) = app.open.as_mut()
            && open.capture.input.text().chars().count() > 150
        {
            open.capture.input.clear();
        }
        update(&mut app, Action::Input(KeyEvent::from(KeyCode::Char(c))), now);
        update(&mut app, Action::Idle, now);
        draw(&app)
    });
}

/// The Synthèse screen at 160×45 with 500 realistic proposals (`synth::generate`,
/// 8 tables): the families side by side, an opened condition, the queue « à valider »,
/// the astuces and témoignages, the charts. The synthèse is computed once before (as
/// the app does after each change); the frame only draws it.
#[divan::bench(args = ["board", "opened", "queue", "others", "chart"])]
fn render_synthese_160x45(bencher: divan::Bencher, view: &str) {
    use cafe_savoir::tui::action::HarvestAction;
    use cafe_savoir::tui::screens::harvest::state::HarvestTab;
    let mut app = synthese_app();
    let now = app.now;
    let action = match view {
        "opened" => HarvestAction::Open,
        "queue" => HarvestAction::ShowTab(HarvestTab::Queue),
        "others" => HarvestAction::ShowTab(HarvestTab::Others),
        "chart" => HarvestAction::ShowTab(HarvestTab::Chart),
        _ => HarvestAction::Down,
    };
    update(&mut app, Action::Harvest(action), now);
    bencher.bench_local(|| draw(divan::black_box(&app)));
}

/// One decision on the Synthèse screen with 500 proposals: a dot vote (the decision,
/// the re-synthesis with the session's engine, the frame), then its undo.
#[divan::bench]
fn vote_and_undo_in_synthese(bencher: divan::Bencher) {
    use cafe_savoir::tui::action::HarvestAction;
    let mut app = synthese_app();
    let now = app.now;
    bencher.bench_local(|| {
        update(&mut app, Action::Harvest(HarvestAction::VoteUp), now);
        draw(&app);
        update(&mut app, Action::Harvest(HarvestAction::Undo), now);
        draw(&app)
    });
}

fn synthese_app() -> App {
    let now = Utc.with_ymd_and_hms(2018, 11, 14, 13, 30, 0).single().expect("time");
    let session = cafe_savoir::synth::generate::session(500, 42, default_families());
    App::new(PathBuf::from("sessions"), Lang::Fr, Settings::default(), false, now).with_session(
        &PathBuf::from("sessions/banc.ron"),
        session,
        Screen::Harvest,
    )
}
