//! What each subcommand does, once the command line is parsed. Each returns a
//! [`UserError`] in the user's language rather than printing and exiting itself.

mod install;
mod open;
mod plan;
mod review;
mod serve;
mod session;
mod synth;

use std::process::ExitCode;

use crate::cli::{AssetsCommand, Cli, Command};
use crate::i18n::Lang;
use crate::store::assets::{Knowledge, use_knowledge};
use crate::store::home::Home;

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
    match prepare_and_run(cli, lang) {
        Ok(()) => ExitCode::SUCCESS,
        Err(UserError(message)) => {
            // A message may repeat what a file held: nothing in it may drive the terminal.
            eprintln!("cafe: {}", crate::domain::repair::escape_controls(&message));
            ExitCode::from(1)
        }
    }
}

/// Finds the user's folders, reads their knowledge files (reporting those that do not
/// read) and runs the command.
fn prepare_and_run(cli: Cli, lang: Lang) -> Result<(), UserError> {
    let given = match &cli.command {
        None => cli.dir.as_deref(),
        Some(Command::List(args)) => args.folder(),
        _ => None,
    };
    let home = Home::locate(given);
    let needs_knowledge =
        !matches!(cli.command, Some(Command::Completions { .. } | Command::Man | Command::Assets { .. }));
    if needs_knowledge && let Some(data) = &home.data {
        let (knowledge, problems) = Knowledge::load(data);
        for problem in &problems {
            eprintln!("cafe: {}", crate::i18n::cli::asset_ignored(lang, problem));
        }
        use_knowledge(knowledge);
    }
    run(cli, &home, lang)
}

/// Runs a parsed command line, with the user's folders.
pub fn run(cli: Cli, home: &Home, lang: Lang) -> Result<(), UserError> {
    let sound = open::Sound { on_end: cli.on_end, on_warning: cli.on_warning, no_bell: cli.no_bell };
    match cli.command {
        None => open::home(home, &sound, lang),
        Some(Command::Open { session, projector }) => open::session(&session, projector, home, &sound, lang),
        Some(Command::New(args)) => session::new(&args, lang),
        Some(Command::Import { session, notes }) => session::import(&session, &notes, lang),
        Some(Command::Add(args)) => session::add(&args, lang),
        Some(Command::List(_)) => session::list(home, lang),
        Some(Command::Show { session }) => session::show(&session, lang),
        Some(Command::Synth(args)) => synth::run(&args, lang),
        Some(Command::Plan(args)) => plan::run(&args, lang),
        Some(Command::Review(args)) => review::review(&args, home.data.as_deref(), lang),
        Some(Command::Decide(args)) => review::decide(&args, lang),
        Some(Command::Completions { shell }) => install::completions(shell, lang),
        Some(Command::Man) => install::man(lang),
        Some(Command::Help { command }) => install::help(command.as_deref(), lang),
        Some(Command::Assets { command: AssetsCommand::Export { dir } }) => {
            install::export_assets(&dir, home, lang)
        }
        Some(Command::Serve(args)) => serve::run(&args, lang),
    }
}
