//! `cafe` and `cafe open`: the full-screen app, on the sessions folder (`./sessions` or
//! `--dir`) or straight into one session. A session file that does not load is
//! reported (file, line, column) and left untouched.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use super::UserError;
use crate::i18n::Lang;
use crate::i18n::errors::{io_error, store_error};
use crate::tui;

/// `cafe` with no subcommand: the home screen on the sessions folder.
pub fn home(dir: Option<PathBuf>, lang: Lang) -> Result<(), UserError> {
    let dir = dir.unwrap_or_else(|| PathBuf::from("sessions"));
    crate::store::folders::ensure_folder(&dir)
        .map_err(|e| UserError(format!("{}: {}", dir.display(), io_error(lang, &e))))?;
    check_terminal(lang)?;
    run(tui::home_app(dir, lang), lang)
}

/// `cafe open SESSION.ron`.
pub fn session(path: &Path, lang: Lang) -> Result<(), UserError> {
    let session = crate::store::load(path).map_err(|e| UserError(store_error(lang, &e)))?;
    check_terminal(lang)?;
    run(tui::session_app(path, session, lang), lang)
}

fn check_terminal(lang: Lang) -> Result<(), UserError> {
    if std::io::stdout().is_terminal() {
        Ok(())
    } else {
        Err(UserError(crate::i18n::tui::not_a_terminal(lang)))
    }
}

fn run(app: tui::app::App, lang: Lang) -> Result<(), UserError> {
    let _ = color_eyre::install();
    tui::run(app).map_err(|e| UserError(io_error(lang, &e)))
}
