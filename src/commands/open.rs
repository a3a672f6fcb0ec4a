//! `cafe` and `cafe open`: the full-screen app.

use std::path::{Path, PathBuf};

use crate::cli::UserError;
use crate::i18n::Lang;

/// `cafe` with no subcommand: the home screen on the sessions folder.
pub fn home(_dir: Option<PathBuf>, lang: Lang) -> Result<(), UserError> {
    let _ = crate::cli::localized_command(lang).print_help();
    Ok(())
}

/// `cafe open SESSION.ron`.
pub fn session(path: &Path, _lang: Lang) -> Result<(), UserError> {
    Err(UserError(format!("{}: open is not available yet", path.display())))
}
