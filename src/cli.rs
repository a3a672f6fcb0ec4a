//! The command line: clap definitions of the subcommands (the headless interface of
//! the product), localised `--help`, and parsing; [`crate::commands`] runs them.
//!
//! Exit codes: 0 success, 1 user error (one-line message on stderr), 2 usage.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::domain::Kind;
use crate::i18n::{self, Lang};

/// The whole command line.
#[derive(Debug, Parser)]
#[command(name = "cafe", version, about)]
pub struct Cli {
    /// Interface language (fr, en).
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<String>,
    /// Sessions folder of the home screen.
    #[arg(long, global = true, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open one session in the full-screen app.
    Open { session: PathBuf },
    /// Create a session file.
    New(NewArgs),
    /// Add proposals from Markdown or CSV notes.
    Import {
        session: PathBuf,
        #[arg(required = true)]
        notes: Vec<PathBuf>,
    },
    /// Add one proposal.
    Add(AddArgs),
    /// List the sessions of a folder.
    List { dir: Option<PathBuf> },
    /// Print a readable summary of a session.
    Show { session: PathBuf },
    /// Synthesise sessions or notes into conditions.
    Synth(SynthArgs),
    /// Plan who sits where each round.
    Plan(PlanArgs),
    /// The next questions of the guided review.
    Review(ReviewArgs),
    /// Record an answer or a decision on the synthèse.
    Decide(DecideArgs),
}

#[derive(Debug, Args)]
pub struct NewArgs {
    pub session: PathBuf,
    #[arg(long)]
    pub title: String,
    #[arg(long, default_value_t = 8)]
    pub tables: u32,
    #[arg(long, default_value_t = 3)]
    pub rounds: u32,
    #[arg(long, default_value_t = 20)]
    pub minutes: u32,
    #[arg(long = "move-minutes", default_value_t = 2)]
    pub move_minutes: u32,
    #[arg(long = "harvest-minutes", default_value_t = 30)]
    pub harvest_minutes: u32,
    #[arg(long, value_name = "DATE")]
    pub date: Option<chrono::NaiveDate>,
    #[arg(long)]
    pub place: Option<String>,
    #[arg(long)]
    pub facilitator: Option<String>,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    pub session: PathBuf,
    #[arg(long)]
    pub table: u32,
    #[arg(long)]
    pub round: Option<u32>,
    #[arg(long, default_value = "condition", value_parser = parse_kind)]
    pub kind: Kind,
    #[arg(required = true, num_args = 1..)]
    pub text: Vec<String>,
}

fn parse_kind(text: &str) -> Result<Kind, String> {
    Kind::parse(text).ok_or_else(|| format!("condition | astuce | temoignage: `{text}`"))
}

#[derive(Debug, Args)]
pub struct SynthArgs {
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    #[arg(long, value_enum, hide_possible_values = true)]
    pub format: Option<crate::export::Format>,
    #[arg(long, value_enum, hide_possible_values = true, default_value_t = crate::export::Variant::Final)]
    pub variant: crate::export::Variant,
    #[arg(long)]
    pub sources: bool,
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
    #[arg(long)]
    pub force: bool,
}

/// Output formats of the rotation plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PlanFormat {
    Md,
    Csv,
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    pub session: PathBuf,
    #[arg(long)]
    pub participants: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = PlanFormat::Md)]
    pub format: PlanFormat,
    /// Seed of the planner (same seed, same plan).
    #[arg(long)]
    pub seed: Option<u64>,
    /// Number of participants, when their names are not known.
    #[arg(long, conflicts_with = "participants")]
    pub count: Option<u32>,
}

/// Output formats of the guided review's questions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReviewFormat {
    Csv,
    Json,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    pub session: PathBuf,
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    #[arg(long, value_enum, default_value_t = ReviewFormat::Csv)]
    pub format: ReviewFormat,
    /// Add the session's learned vocabulary to the user's vocabulary file.
    #[arg(long)]
    pub promote: bool,
}

#[derive(Debug, Args)]
pub struct DecideArgs {
    pub session: PathBuf,
    #[command(subcommand)]
    pub verb: DecideVerb,
}

/// The decisions `cafe decide` records; proposals are `p12` or `12`.
#[derive(Debug, Subcommand)]
pub enum DecideVerb {
    Same {
        a: String,
        b: String,
    },
    Apart {
        a: String,
        b: String,
    },
    Move {
        a: String,
        x: String,
    },
    Alone {
        a: String,
    },
    Family {
        a: String,
        n: u8,
    },
    Wording {
        a: String,
        #[arg(required = true, num_args = 1..)]
        text: Vec<String>,
    },
    Exclude {
        a: String,
    },
    Vote {
        a: String,
        #[arg(allow_negative_numbers = true)]
        n: i32,
    },
}

/// The clap command with every about and help text in `lang`.
pub fn localized_command(lang: Lang) -> clap::Command {
    let mut cmd = Cli::command();
    cmd = localize(cmd, "", lang);
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in names {
        cmd = cmd.mut_subcommand(&name, |sub| localize(sub, &name, lang));
    }
    cmd
}

fn localize(mut cmd: clap::Command, prefix: &str, lang: Lang) -> clap::Command {
    if let Some(about) = i18n::cli::about(lang, prefix) {
        cmd = cmd.about(about);
    }
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        let key = if prefix.is_empty() { id.clone() } else { format!("{prefix}.{id}") };
        if let Some(help) = i18n::cli::arg_help(lang, &key).or_else(|| i18n::cli::arg_help(lang, &id)) {
            cmd = cmd.mut_arg(&id, |a| a.help(help));
        }
    }
    // Verbs of a subcommand (`decide same …`) are localised as `decide.same`.
    if !prefix.is_empty() {
        let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
        for name in names {
            cmd = cmd.mut_subcommand(&name, |sub| localize(sub, &format!("{prefix}.{name}"), lang));
        }
    }
    cmd
}

/// Prints a usage error, the help or the version as clap renders them, with clap's own
/// English words (headings, error phrases) translated when the language is French.
fn print_clap(err: &clap::Error, lang: Lang) {
    if lang == Lang::En {
        let _ = err.print();
        return;
    }
    let text = i18n::cli::translate_clap(lang, &err.render().to_string());
    if err.use_stderr() {
        eprint!("{text}");
    } else {
        print!("{text}");
    }
}

/// Parses the process's arguments with their language; a usage error, the help or the
/// version is printed here and its exit code returned instead.
pub fn parse_args(args: &[String]) -> Result<(Cli, Lang), ExitCode> {
    let lang = Lang::detect(Lang::from_args(args).as_deref());
    let matches = match localized_command(lang).try_get_matches_from(args) {
        Ok(m) => m,
        Err(err) => {
            print_clap(&err, lang);
            return Err(if err.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS });
        }
    };
    match Cli::from_arg_matches(&matches) {
        Ok(cli) => Ok((cli, lang)),
        Err(err) => {
            print_clap(&err, lang);
            Err(ExitCode::from(2))
        }
    }
}
