//! `cafe` and `cafe open`: the full-screen app, on the sessions folder (see
//! [`crate::store::home`]; the demo is installed there on first run) or straight into
//! one session, with the preferences of the config folder. A session file that does not
//! load is reported (file, line, column) and left untouched.
//! `--projector` opens a read-only window that follows the file; `--on-end`,
//! `--on-warning` and `--no-bell` set the sound for this run, over the preferences.

use std::io::IsTerminal;
use std::path::Path;

use super::UserError;
use crate::i18n::errors::{io_error, store_error};
use crate::i18n::{self, Lang};
use crate::store::home::Home;
use crate::tui;

/// The sound options of the command line.
#[derive(Debug, Clone, Default)]
pub struct Sound {
    pub on_end: Option<String>,
    pub on_warning: Option<String>,
    pub no_bell: bool,
}

impl Sound {
    /// The app's sound settings with the command line's options over them.
    fn apply(&self, app: &mut tui::app::App) {
        let sound = &mut app.settings.sound;
        if let Some(command) = &self.on_end {
            sound.end_command = Some(command.clone());
        }
        if let Some(command) = &self.on_warning {
            sound.warning_command = Some(command.clone());
        }
        if self.no_bell {
            sound.bell = false;
        }
    }
}

/// `cafe` with no subcommand: the home screen on the sessions folder.
pub fn home(home: &Home, sound: &Sound, lang: Lang) -> Result<(), UserError> {
    check_terminal(lang)?;
    let dir = &home.sessions;
    let failed = |e: std::io::Error| UserError(i18n::cli::sessions_folder_failed(lang, dir, &e));
    home.prepare_sessions_folder().map_err(failed)?;
    let mut app = tui::home_app(dir.clone(), lang);
    tui::use_settings_file(&mut app, home.settings_file.clone());
    app.data_dir = home.data.clone();
    sound.apply(&mut app);
    run(app, lang)
}

/// `cafe open SESSION.ron`, or `cafe open --projector SESSION.ron`.
pub fn session(
    path: &Path,
    projector: bool,
    home: &Home,
    sound: &Sound,
    lang: Lang,
) -> Result<(), UserError> {
    let session = crate::store::load(path).map_err(|e| UserError(store_error(lang, &e)))?;
    check_terminal(lang)?;
    let mut app = if projector {
        tui::projector_app(path, session, lang)
    } else {
        tui::session_app(path, session, lang)
    };
    tui::use_settings_file(&mut app, home.settings_file.clone());
    app.data_dir = home.data.clone();
    sound.apply(&mut app);
    run(app, lang)
}

fn check_terminal(lang: Lang) -> Result<(), UserError> {
    if std::io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(UserError(crate::i18n::tui::not_a_terminal(lang)))
    }
}

fn run(app: tui::app::App, lang: Lang) -> Result<(), UserError> {
    tui::run(app).map_err(|e| UserError(io_error(lang, &e)))
}
