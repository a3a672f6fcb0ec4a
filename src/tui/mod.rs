//! The full-screen app: home, setup, the projector's run view, capture and export,
//! driven by a pure `update` and a loop that performs its effects (The Elm
//! Architecture).
//!
//! Events (key, mouse, paste, resize, clock second) → [`keymap`] → [`action::Action`]
//! → [`update::update`] (pure, time passed in) → [`effect::Effect`]s performed by
//! [`perform::dispatch`] and fed back as actions → [`view::render`] when something
//! changed.
//!
//! Architecture invariant: `update` never reads the clock nor touches a file; effects
//! are data ([`effect`]) and only [`perform`] does IO; only this file touches the
//! terminal. No file of the app imports one that imports it back (see ARCHITECTURE.md
//! for the layering; a test enforces it).

pub mod action;
pub mod app;
pub mod effect;
pub mod export_files;
pub mod keymap;
pub mod perform;
pub mod phones;
pub mod screens;
pub mod settings;
pub mod theme;
pub mod update;
pub mod view;
pub mod widgets;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::Utc;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;

use self::action::Action;
use self::app::App;
use self::screens::Screen;
use crate::i18n::Lang;

/// The app on the home screen of `dir`, ready to run.
pub fn home_app(dir: PathBuf, lang: Lang) -> App {
    let settings = perform::load_settings(&dir.join(app::SETTINGS_FILE));
    let mut app = App::new(dir, lang, settings, theme::no_color_from_env(), Utc::now());
    let now = Utc::now();
    perform::dispatch(&mut app, Action::Home(action::HomeAction::Refresh), now);
    app
}

/// Makes `app` remember its preferences in `settings_file` (the config folder's),
/// taking those it holds, or those of the sessions folder's file until it exists.
pub fn use_settings_file(app: &mut App, settings_file: PathBuf) {
    let settings = perform::load_settings_moved(&settings_file, &app.settings_path);
    app.use_settings(settings_file, settings);
}

/// The app with one session open on its run screen (settings from the session's folder).
pub fn session_app(path: &Path, session: crate::domain::Session, lang: Lang) -> App {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let settings = perform::load_settings(&dir.join(app::SETTINGS_FILE));
    let now = Utc::now();
    let app = App::new(dir, lang, settings, theme::no_color_from_env(), now);
    let mut app = app.with_session(path, session, Screen::Run);
    // Opened through the store, as from the home screen: the copy the app's changes are
    // merged against, and a banner when the file may not be written.
    if let Some(loaded) = perform::perform(&app, effect::Effect::Load(path.to_path_buf()), now) {
        perform::dispatch(&mut app, loaded, now);
    }
    app
}

/// A projector window on the session at `path`: the run view, read-only, following the
/// file as the facilitator's window (or any command) writes it.
pub fn projector_app(path: &Path, session: crate::domain::Session, lang: Lang) -> App {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let settings = perform::load_settings(&dir.join(app::SETTINGS_FILE));
    // Not opened for writing (no lock, no journal): the session as read, then read
    // again as it changes.
    let mut app = App::new(dir, lang, settings, theme::no_color_from_env(), Utc::now()).with_session(
        path,
        session,
        Screen::Run,
    );
    app.projector = true;
    app
}

/// Runs the app in the terminal until the user quits. The terminal is restored on
/// exit and on panic; every change was saved when it was made.
pub fn run(mut app: App) -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(std::io::stdout(), DisableBracketedPaste, DisableMouseCapture);
        hook(info);
    }));
    let _ = execute!(std::io::stdout(), EnableBracketedPaste, EnableMouseCapture);
    let result = event_loop(&mut terminal, &mut app);
    let _ = execute!(std::io::stdout(), DisableBracketedPaste, DisableMouseCapture);
    ratatui::restore();
    result
}

/// Rings the terminal bell if it rang in the app.
fn ring(bells: usize) {
    if bells > 0 {
        let mut out = std::io::stdout();
        let _ = out.write_all(b"\x07");
        let _ = out.flush();
    }
}

/// How often the loop looks for what the phones sent while phone capture is on.
const PHONE_CHECK: Duration = Duration::from_millis(200);

fn event_loop(terminal: &mut ratatui::DefaultTerminal, app: &mut App) -> std::io::Result<()> {
    let size = terminal.size()?;
    app.size = (size.width, size.height);
    app.utc_offset = *chrono::Local::now().offset();
    // A session reopened mid-round may already be over time: check at once.
    perform::dispatch(app, Action::Tick, Utc::now());
    app.dirty = true;
    loop {
        if app.dirty {
            terminal.draw(|frame| view::render(app, frame.area(), frame.buffer_mut()))?;
            app.dirty = false;
        }
        if app.should_quit {
            return Ok(());
        }
        // Sleep until the clock's next second, or until an event when nothing moves;
        // while phones send, a few times a second to show what they sent.
        let mut timeout =
            app.next_change_in_ms(Utc::now()).map_or(Duration::from_secs(3600), Duration::from_millis);
        // (A projector window shows the codes of another window's server: nothing
        // comes to it.)
        if app.phones.on.is_some() && !app.projector {
            timeout = timeout.min(PHONE_CHECK);
            for action in perform::phone_events(app) {
                ring(perform::dispatch(app, action, Utc::now()));
            }
            if app.dirty {
                continue;
            }
        }
        if !event::poll(timeout)? {
            ring(perform::dispatch(app, Action::Tick, Utc::now()));
            continue;
        }
        // Take every event already waiting (a paste, a fast typist) before drawing.
        let mut handled = 0;
        loop {
            if let Some(action) = keymap::route_event(app, event::read()?) {
                ring(perform::dispatch(app, action, Utc::now()));
            }
            handled += 1;
            if app.should_quit || handled >= 256 || !event::poll(Duration::ZERO)? {
                break;
            }
        }
        ring(perform::dispatch(app, Action::Idle, Utc::now()));
        // Typing without pause must not hold back the bell at zero.
        ring(perform::dispatch(app, Action::Tick, Utc::now()));
    }
}
