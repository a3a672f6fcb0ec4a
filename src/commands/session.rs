//! `cafe new`, `import`, `add`, `list` and `show`: sessions without the full-screen app.

use std::path::{Path, PathBuf};

use crate::cli::{AddArgs, NewArgs, UserError};
use crate::i18n::Lang;

pub fn new(args: &NewArgs, _lang: Lang) -> Result<(), UserError> {
    Err(UserError(format!("{}: new is not available yet", args.session.display())))
}

pub fn import(session: &Path, _notes: &[PathBuf], _lang: Lang) -> Result<(), UserError> {
    Err(UserError(format!("{}: import is not available yet", session.display())))
}

pub fn add(args: &AddArgs, _lang: Lang) -> Result<(), UserError> {
    Err(UserError(format!("{}: add is not available yet", args.session.display())))
}

pub fn list(_dir: Option<&Path>, _lang: Lang) -> Result<(), UserError> {
    Err(UserError("list is not available yet".into()))
}

pub fn show(session: &Path, _lang: Lang) -> Result<(), UserError> {
    Err(UserError(format!("{}: show is not available yet", session.display())))
}
