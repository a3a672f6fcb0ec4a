//! What each subcommand does, once the command line is parsed. Each returns a
//! [`UserError`] in the user's language rather than printing and exiting itself.

mod open;
mod plan;
mod review;
mod session;
mod synth;

use std::process::ExitCode;

use crate::cli::{Cli, Command};
use crate::i18n::Lang;

/// A user error: one line, already in the user's language.
#[derive(Debug)]
pub struct UserError(pub String);

// No blanket `From<E: Display>`: an error's `Display` is English, and every message
// must go through `crate::i18n` in the user's language.

/// Parses the process's arguments and runs the command; returns the exit code (0
/// success, 1 user error with its one-line message on stderr, 2 usage).
pub fn main_with_args(args: Vec<String>) -> ExitCode {
    let (cli, lang) = match crate::cli::parse_args(&args) {
        Ok(parsed) => parsed,
        Err(code) => return code,
    };
    match run(cli, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(UserError(message)) => {
            // A message may repeat what a file held: nothing in it may drive the terminal.
            eprintln!("cafe: {}", crate::domain::repair::escape_controls(&message));
            ExitCode::from(1)
        }
    }
}

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
        Some(Command::Review(args)) => review::review(&args, lang),
        Some(Command::Decide(args)) => review::decide(&args, lang),
    }
}
