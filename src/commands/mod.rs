//! What each subcommand does, once the command line is parsed. Each returns a
//! [`UserError`] in the user's language rather than printing and exiting itself.

mod install;
mod open;
mod plan;
mod session;
mod synth;

use crate::cli::{AssetsCommand, Cli, Command, UserError};
use crate::i18n::Lang;
use crate::store::home::Home;

/// Runs a parsed command line, with the user's folders.
pub fn run(cli: Cli, home: &Home, lang: Lang) -> Result<(), UserError> {
    match cli.command {
        None => open::home(home, lang),
        Some(Command::Open { session }) => open::session(&session, home, lang),
        Some(Command::New(args)) => session::new(&args, lang),
        Some(Command::Import { session, notes }) => session::import(&session, &notes, lang),
        Some(Command::Add(args)) => session::add(&args, lang),
        Some(Command::List(_)) => session::list(home, lang),
        Some(Command::Show { session }) => session::show(&session, lang),
        Some(Command::Synth(args)) => synth::run(&args, lang),
        Some(Command::Plan(args)) => plan::run(&args, lang),
        Some(Command::Completions { shell }) => install::completions(shell, lang),
        Some(Command::Man) => install::man(lang),
        Some(Command::Help { command }) => install::help(command.as_deref(), lang),
        Some(Command::Assets { command: AssetsCommand::Export { dir } }) => {
            install::export_assets(&dir, home, lang)
        }
    }
}
