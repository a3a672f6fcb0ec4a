//! The command line: clap definitions of the subcommands (PRODUCT.md's headless
//! interface), built with every help text, heading and usage line in the user's
//! language, usage errors rendered from clap's error kinds in that language, and the
//! locale chosen; [`crate::commands`] runs what it parsed.
//!
//! Exit codes: 0 success, 1 user error (one-line message on stderr), 2 usage.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::domain::Kind;
use crate::i18n::cli::{UsageError, heading};
use crate::i18n::{self, Lang};

/// The whole command line.
#[derive(Debug, Parser)]
#[command(name = "cafe", version, about)]
pub struct Cli {
    /// Interface language (fr, en).
    #[arg(long, global = true, value_name = "LANG", value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// Sessions folder of the home screen.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
    /// Command run (sh -c) at the end of each phase, besides the bell.
    #[arg(long, global = true, value_name = "CMD")]
    pub on_end: Option<String>,
    /// Command run (sh -c) at the warning before the end of a round.
    #[arg(long, global = true, value_name = "CMD")]
    pub on_warning: Option<String>,
    /// No terminal bell.
    #[arg(long, global = true)]
    pub no_bell: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| text.to_string())
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Open one session in the full-screen app.
    Open {
        session: PathBuf,
        /// Read-only projector view that follows the session file live.
        #[arg(long)]
        projector: bool,
    },
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
    List(ListArgs),
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
    /// Let each table send its proposals from a phone.
    Serve(ServeArgs),
    /// Print the completion script of a shell.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page.
    Man,
    /// Print the help of the program or of a subcommand.
    Help { command: Option<String> },
    /// Editable knowledge.
    Assets {
        #[command(subcommand)]
        command: AssetsCommand,
    },
}

/// `cafe assets …`
#[derive(Debug, Subcommand)]
pub enum AssetsCommand {
    /// Write the default knowledge files into a folder.
    Export { dir: PathBuf },
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
    #[arg(long = "dir", value_name = "DIR", conflicts_with = "dir")]
    pub dir_option: Option<PathBuf>,
}

impl ListArgs {
    /// The folder asked for, either way.
    pub fn folder(&self) -> Option<&std::path::Path> {
        self.dir.as_deref().or(self.dir_option.as_deref())
    }
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    pub session: PathBuf,
    /// Address to listen on (default: this machine's address on the local network).
    #[arg(long, value_name = "ADDR")]
    pub bind: Option<std::net::IpAddr>,
    #[arg(long, default_value_t = crate::serve::DEFAULT_PORT)]
    pub port: u16,
    /// Give these tables a new address first (the old one stops working).
    #[arg(long, value_name = "TABLE")]
    pub renew: Vec<u32>,
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
/// The clap command with every about, help text, heading and usage line in `lang`.
pub fn localized_command(lang: Lang) -> clap::Command {
    localize(Cli::command(), "", lang)
}

fn localize(mut cmd: clap::Command, key: &str, lang: Lang) -> clap::Command {
    if let Some(about) = i18n::cli::about(lang, key) {
        cmd = cmd.about(about);
    }
    cmd = cmd
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(Arg::new("help").short('h').long("help").action(ArgAction::Help))
        .subcommand_value_name(heading::COMMAND_PLACEHOLDER.get(lang))
        .subcommand_help_heading(heading::COMMANDS.get(lang))
        .help_template(format!(
            "{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
            heading::USAGE.get(lang)
        ));
    if key.is_empty() {
        cmd = cmd
            .disable_version_flag(true)
            .arg(Arg::new("version").short('V').long("version").action(ArgAction::Version));
    }
    let ids: Vec<String> = cmd.get_arguments().map(|a| a.get_id().to_string()).collect();
    for id in ids {
        let scoped = if key.is_empty() { id.clone() } else { format!("{key}.{id}") };
        let help = i18n::cli::arg_help(lang, &scoped).or_else(|| i18n::cli::arg_help(lang, &id));
        let value_name = i18n::cli::value_name(lang, &id);
        cmd = cmd.mut_arg(&id, |arg| {
            let arg = localize_arg(arg, help, lang);
            match value_name {
                Some(name) if arg.get_action().takes_values() => arg.value_name(name),
                _ => arg,
            }
        });
    }
    let usage = usage_line(&cmd, key, lang);
    cmd = cmd.override_usage(usage);
    let names: Vec<String> = cmd.get_subcommands().map(|s| s.get_name().to_string()).collect();
    for name in names {
        let sub_key = if key.is_empty() { name.clone() } else { format!("{key}.{name}") };
        cmd = cmd.mut_subcommand(&name, |sub| localize(sub, &sub_key, lang));
    }
    cmd
}

/// An argument with its help in `lang`, its default and possible values written in
/// `lang` after it, under a heading in `lang`.
fn localize_arg(mut arg: Arg, help: Option<&str>, lang: Lang) -> Arg {
    let mut text = help.unwrap_or_default().to_string();
    let defaults: Vec<String> =
        arg.get_default_values().iter().map(|v| v.to_string_lossy().into_owned()).collect();
    if !defaults.is_empty() {
        text = format!("{text} [{} {}]", heading::DEFAULT.get(lang), defaults.join(", "));
    }
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    // A flag's own `true`/`false` are not values a user types.
    if !possible.is_empty() && !arg.is_hide_possible_values_set() && arg.get_action().takes_values() {
        text = format!("{text} [{} {}]", heading::POSSIBLE.get(lang), possible.join(", "));
    }
    let section = if arg.is_positional() { heading::ARGUMENTS } else { heading::OPTIONS };
    if arg.get_action().takes_values() {
        arg = arg.hide_default_value(true).hide_possible_values(true);
    }
    arg = arg.help_heading(section.get(lang));
    if text.is_empty() { arg } else { arg.help(text) }
}

/// The usage line of a command: its path, `[OPTIONS]` when it has options, its required
/// options and its positional arguments, and its subcommand.
fn usage_line(cmd: &clap::Command, key: &str, lang: Lang) -> String {
    let mut parts = vec!["cafe".to_string()];
    parts.extend(key.split('.').filter(|p| !p.is_empty()).map(str::to_string));
    let options = cmd.get_arguments().filter(|a| !a.is_positional() && !a.is_required_set());
    if options.count() > 0 {
        parts.push(heading::OPTIONS_PLACEHOLDER.get(lang).to_string());
    }
    let placeholder = |a: &Arg| {
        a.get_value_names()
            .and_then(|names| names.first())
            .map_or_else(|| a.get_id().as_str().to_uppercase(), ToString::to_string)
    };
    for arg in cmd.get_arguments().filter(|a| !a.is_positional() && a.is_required_set()) {
        parts.push(format!("--{} <{}>", arg.get_long().unwrap_or_default(), placeholder(arg)));
    }
    for arg in cmd.get_positionals() {
        let many = if arg.get_num_args().is_some_and(|n| n.max_values() > 1) { "..." } else { "" };
        if arg.is_required_set() {
            parts.push(format!("<{}>{many}", placeholder(arg)));
        } else {
            parts.push(format!("[{}]{many}", placeholder(arg)));
        }
    }
    if cmd.has_subcommands() {
        let name = heading::COMMAND_PLACEHOLDER.get(lang);
        parts.push(if cmd.is_subcommand_required_set() { format!("<{name}>") } else { format!("[{name}]") });
    }
    parts.join(" ")
}

/// A usage error from clap's kind and context.
fn usage_error(err: &clap::Error, lang: Lang) -> UsageError {
    let string = |kind: ContextKind| match err.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(list)) => list.join(", "),
        _ => String::new(),
    };
    let strings = |kind: ContextKind| match err.get(kind) {
        Some(ContextValue::Strings(list)) => list.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let arg = string(ContextKind::InvalidArg);
    match err.kind() {
        ErrorKind::UnknownArgument => UsageError::UnknownArgument(arg),
        ErrorKind::InvalidSubcommand => UsageError::UnknownSubcommand(string(ContextKind::InvalidSubcommand)),
        ErrorKind::MissingRequiredArgument => UsageError::Missing(strings(ContextKind::InvalidArg)),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            UsageError::MissingSubcommand
        }
        ErrorKind::InvalidValue if string(ContextKind::InvalidValue).is_empty() => {
            UsageError::EmptyValue(arg)
        }
        ErrorKind::InvalidValue => UsageError::InvalidValue {
            value: string(ContextKind::InvalidValue),
            arg,
            possible: strings(ContextKind::ValidValue),
        },
        ErrorKind::ValueValidation => {
            let id = arg.trim_start_matches('-').split([' ', '=']).next().unwrap_or_default().to_string();
            UsageError::ValueRejected {
                value: string(ContextKind::InvalidValue),
                expected: i18n::cli::expected_value(lang, &id),
                arg,
            }
        }
        ErrorKind::NoEquals => UsageError::EmptyValue(arg),
        ErrorKind::ArgumentConflict => {
            let other = string(ContextKind::PriorArg);
            if other == arg { UsageError::Repeated(arg) } else { UsageError::Conflict { arg, other } }
        }
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            UsageError::WrongNumberOfValues(arg)
        }
        ErrorKind::InvalidUtf8 => UsageError::NotUtf8,
        _ => UsageError::Other,
    }
}

/// Prints the help or the version (rendered from the localised command), or a usage
/// error written in `lang` from clap's error kind and context.
fn print_clap(err: &clap::Error, lang: Lang) {
    if matches!(err.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
        let _ = err.print();
        return;
    }
    let error = usage_error(err, lang);
    let mut text = format!("{} {}\n", i18n::cli::ERROR.get(lang), i18n::cli::usage_error(lang, &error));
    let suggested: Vec<String> =
        [ContextKind::SuggestedArg, ContextKind::SuggestedSubcommand, ContextKind::SuggestedValue]
            .into_iter()
            .filter_map(|kind| match err.get(kind) {
                Some(ContextValue::String(s)) => Some(s.clone()),
                Some(ContextValue::Strings(list)) => Some(list.join(", ")),
                _ => None,
            })
            .collect();
    if !suggested.is_empty() {
        text.push_str(&format!("\n{} '{}'\n", i18n::cli::TIP_SIMILAR.get(lang), suggested.join(", ")));
    }
    text.push_str(&format!("\n{}\n", i18n::cli::MORE.get(lang)));
    eprint!("{text}");
}

/// The language of this run: `--lang` when it is valid, else the locale.
fn language_of(args: &[String]) -> Lang {
    Lang::detect(Lang::from_args(args).as_deref())
}

/// Parses the process's arguments with their language; a usage error, the help or the
/// version is printed here and its exit code returned instead.
pub fn parse_args(args: &[String]) -> Result<(Cli, Lang), ExitCode> {
    let lang = language_of(args);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(args: &[&str], lang: Lang) -> String {
        let err = localized_command(lang).try_get_matches_from(args).expect_err("a usage error");
        i18n::cli::usage_error(lang, &usage_error(&err, lang))
    }

    #[test]
    fn usage_errors_are_written_from_their_kind() {
        let cases: [(&[&str], &str); 7] = [
            (&["cafe", "--bogus"], "argument inattendu '--bogus'"),
            (&["cafe", "nouveau"], "sous-commande inconnue 'nouveau'"),
            (&["cafe", "new", "s.ron"], "arguments obligatoires manquants : --title <TITRE>"),
            (&["cafe", "synth", "x", "--format", "pdf"], "valeur invalide 'pdf' pour '--format <FORMAT>'"),
            (&["cafe", "add", "s", "--table", "un", "x"], "un nombre entier positif est attendu"),
            (&["cafe", "new", "s", "--title", "a", "--title", "b"], "ne peut être donné qu'une fois"),
            (&["cafe", "--lang", "de"], "fr ou en est attendu"),
        ];
        for (args, expected) in cases {
            let message = error_of(args, Lang::Fr);
            assert!(message.contains(expected), "{args:?}: {message}");
        }
        assert!(error_of(&["cafe", "--bogus"], Lang::En).starts_with("unexpected argument"));
    }

    #[test]
    fn the_french_help_has_no_english_left() {
        for name in ["", "new", "synth", "list"] {
            let mut cmd = localized_command(Lang::Fr);
            let help = if name.is_empty() {
                cmd.render_help().to_string()
            } else {
                cmd.find_subcommand_mut(name).expect("subcommand").render_help().to_string()
            };
            for english in
                ["Usage:", "Options:", "Arguments:", "Commands:", "[default:", "[possible values:", "Print"]
            {
                assert!(!help.contains(english), "{name}: `{english}` in\n{help}");
            }
        }
    }
}
