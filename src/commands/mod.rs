//! What each subcommand does, once the command line is parsed. Each returns a
//! [`UserError`] in the user's language rather than printing and exiting itself.

use crate::cli::{Cli, UserError};
use crate::i18n::Lang;

/// Runs a parsed command line.
pub fn run(cli: Cli, lang: Lang) -> Result<(), UserError> {
    match cli.command {
        None => {
            let _ = crate::cli::localized_command(lang).print_help();
            Ok(())
        }
        Some(command) => Err(UserError(format!("{command:?}: not available yet"))),
    }
}
