//! What each subcommand does, once the command line is parsed. Each returns a
//! [`UserError`] in the user's language rather than printing and exiting itself.

mod open;
mod plan;
mod session;
mod synth;

use crate::cli::{Cli, Command, UserError};
use crate::i18n::Lang;

/// Runs a parsed command line.
pub fn run(cli: Cli, lang: Lang) -> Result<(), UserError> {
    match cli.command {
        None => open::home(cli.dir, lang),
        Some(Command::Open { session }) => open::session(&session, lang),
        Some(Command::New(args)) => session::new(&args, lang),
        Some(Command::Import { session, notes }) => session::import(&session, &notes, lang),
        Some(Command::Add(args)) => session::add(&args, lang),
        Some(Command::List { dir }) => session::list(dir.as_deref(), lang),
        Some(Command::Show { session }) => session::show(&session, lang),
        Some(Command::Synth(args)) => synth::run(&args, lang),
        Some(Command::Plan(args)) => plan::run(&args, lang),
    }
}
