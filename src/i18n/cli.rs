//! The command line's words: about and help texts keyed by `subcommand.argument`, the
//! headings and phrases of the help and of usage errors (rendered by `crate::cli` from
//! clap's error kinds), and the messages about the user's folders and knowledge files.

use std::path::Path;

use super::errors::{io_error, store_error};
use super::{Lang, Text};
use crate::store::assets::AssetError;
use crate::store::home::SessionsOrigin;

/// The `about` line of the program (`""`) or of a subcommand.
pub fn about(lang: Lang, command: &str) -> Option<&'static str> {
    let (fr, en) = match command {
        "" => (
            "cafe — animer un café du savoir et en récolter la synthèse",
            "cafe — run a café du savoir and harvest its synthèse",
        ),
        "open" => {
            ("Ouvrir une session dans l'application plein écran", "Open one session in the full-screen app")
        }
        "new" => ("Créer un fichier de session", "Create a session file"),
        "import" => {
            ("Ajouter les propositions de notes Markdown ou CSV", "Add proposals from Markdown or CSV notes")
        }
        "add" => ("Ajouter une proposition", "Add one proposal"),
        "list" => ("Lister les sessions d'un dossier", "List the sessions of a folder"),
        "show" => ("Afficher le résumé d'une session", "Print a readable summary of a session"),
        "synth" => {
            ("Faire la synthèse de sessions ou de notes", "Synthesise sessions or notes into conditions")
        }
        "plan" => ("Planifier qui va à quelle table à chaque tour", "Plan who sits where each round"),
        "completions" => (
            "Écrire le script de complétion d'un shell (bash, zsh, fish, powershell)",
            "Print the completion script of a shell (bash, zsh, fish, powershell)",
        ),
        "man" => ("Écrire la page de manuel (man)", "Print the manual page (man)"),
        "help" => (
            "Afficher l'aide du programme ou d'une sous-commande",
            "Print the help of the program or of a subcommand",
        ),
        "assets" => (
            "Connaissances modifiables : familles, vocabulaire, réglages de la synthèse",
            "Editable knowledge: families, vocabulary, synthèse settings",
        ),
        "assets.export" => (
            "Écrire les fichiers par défaut dans un dossier, pour les modifier",
            "Write the default files into a folder, to edit them",
        ),
        "serve" => (
            "Saisie par téléphone : chaque table envoie ses propositions ; vote à points des téléphones quand un vote est ouvert",
            "Phone capture: each table sends its proposals; dot voting from phones while a vote is open",
        ),
        _ => return super::review::about(lang, command),
    };
    Some(match lang {
        Lang::Fr => fr,
        Lang::En => en,
    })
}

/// The help of an argument, by `subcommand.id` or by `id` alone for global ones.
pub fn arg_help(lang: Lang, key: &str) -> Option<&'static str> {
    let (fr, en) = match key {
        "lang" => ("Langue de l'interface (fr, en)", "Interface language (fr, en)"),
        "dir" => (
            "Dossier des sessions de l'accueil (sinon CAFE_DIR, ./sessions, puis le dossier de données)",
            "Sessions folder of the home screen (else CAFE_DIR, ./sessions, then the data folder)",
        ),
        "open.session" | "show.session" => ("Fichier de session (.ron)", "Session file (.ron)"),
        "open.projector" => (
            "Vue de projection en lecture seule, qui suit le fichier en direct (une seconde fenêtre pour le projecteur)",
            "Read-only projector view following the file live (a second window for the projector)",
        ),
        "on_end" => (
            "Commande lancée (sh -c) à la fin de chaque phase, en plus de la cloche",
            "Command run (sh -c) at the end of each phase, besides the bell",
        ),
        "on_warning" => (
            "Commande lancée (sh -c) à l'avertissement avant la fin d'un tour",
            "Command run (sh -c) at the warning before the end of a round",
        ),
        "no_bell" => ("Pas de cloche du terminal", "No terminal bell"),
        "new.session" => (
            "Fichier de session à créer (.ron), ou dossier où le créer d'après le titre",
            "Session file to create (.ron), or a folder to create it in, named after the title",
        ),
        "new.title" => ("Titre de la session", "Title of the session"),
        "new.tables" => ("Nombre de tables", "Number of tables"),
        "new.rounds" => ("Nombre de tours", "Number of rounds"),
        "new.minutes" => ("Durée d'un tour, en minutes", "Length of a round, in minutes"),
        "new.move_minutes" => {
            ("Temps pour changer de table, en minutes", "Time to change tables, in minutes")
        }
        "new.harvest_minutes" => ("Durée de la récolte, en minutes", "Length of the harvest, in minutes"),
        "new.date" => (
            "Date de l'atelier, AAAA-MM-JJ (par défaut : aujourd'hui)",
            "Date of the workshop, YYYY-MM-DD (default: today)",
        ),
        "new.place" => ("Lieu de l'atelier", "Place of the workshop"),
        "new.facilitator" => ("Personne qui anime", "Who facilitates"),
        "import.session" | "add.session" => ("Fichier de session à compléter", "Session file to add to"),
        "import.notes" => ("Notes en Markdown (.md) ou CSV (.csv)", "Notes as Markdown (.md) or CSV (.csv)"),
        "add.table" => ("Numéro de la table", "Table number"),
        "add.round" => {
            ("Numéro du tour (par défaut : le tour en cours)", "Round number (default: the current round)")
        }
        "add.kind" => ("condition, astuce ou temoignage", "condition, astuce or temoignage"),
        "add.text" => ("Texte de la proposition", "Text of the proposal"),
        "list.dir" => (
            "Dossier (par défaut : CAFE_DIR, ./sessions, puis le dossier de données)",
            "Folder (default: CAFE_DIR, ./sessions, then the data folder)",
        ),
        "list.dir_option" => ("Dossier, comme DOSSIER", "Folder, same as DIR"),
        "completions.shell" => ("Le shell", "The shell"),
        "help.command" => ("La sous-commande", "The subcommand"),
        "assets.export.dir" => ("Dossier où écrire les fichiers", "Folder to write the files into"),
        "help" => ("Afficher l'aide", "Print help"),
        "version" => ("Afficher la version", "Print version"),
        "synth.inputs" => ("Sessions (.ron) ou notes (.md, .csv)", "Sessions (.ron) or notes (.md, .csv)"),
        "synth.format" => (
            "md, html, docx, xlsx, csv, json ou ron (par défaut : celui de l'extension de -o, sinon md)",
            "md, html, docx, xlsx, csv, json or ron (default: the extension of -o, else md)",
        ),
        "synth.output" => (
            "Fichier de sortie (- ou absent : la sortie standard)",
            "Output file (- or none: standard output)",
        ),
        "synth.force" => {
            ("Remplacer le fichier de sortie s'il existe", "Replace the output file if it exists")
        }
        "synth.variant" => (
            "final (pour les membres) ou travail (à valider, écartées, sources)",
            "final (for members) or travail (to confirm, left out, sources)",
        ),
        "synth.sources" => {
            ("Lister les propositions derrière chaque condition", "List the proposals behind each condition")
        }
        "plan.session" => ("Fichier de session (.ron)", "Session file (.ron)"),
        "plan.participants" => (
            "Participants en CSV (name,organisation[,host_of])",
            "Participants as CSV (name,organisation[,host_of])",
        ),
        "plan.format" => ("Format de sortie", "Output format"),
        "plan.count" => (
            "Nombre de participants, quand leurs noms ne sont pas connus",
            "Number of participants, when their names are not known",
        ),
        "plan.seed" => {
            ("Graine du planificateur (même graine, même plan)", "Planner seed (same seed, same plan)")
        }
        "serve.session" => ("Fichier de session (.ron)", "Session file (.ron)"),
        "serve.bind" => (
            "Adresse d'écoute (par défaut : celle de cette machine sur le réseau local)",
            "Address to listen on (default: this machine's address on the local network)",
        ),
        "serve.port" => ("Port d'écoute", "Port to listen on"),
        "serve.renew" => (
            "Donner d'abord une nouvelle adresse à cette table (l'ancienne cesse de marcher)",
            "Give this table a new address first (the old one stops working)",
        ),
        _ => return super::review::arg_help(lang, key),
    };
    Some(match lang {
        Lang::Fr => fr,
        Lang::En => en,
    })
}

/// The placeholder of an argument's value in usage lines, by argument id.
pub fn value_name(lang: Lang, id: &str) -> Option<&'static str> {
    let (fr, en) = match id {
        "title" => ("TITRE", "TITLE"),
        "tables" | "rounds" | "minutes" | "move_minutes" | "harvest_minutes" | "count" | "seed" | "table"
        | "round" => ("N", "N"),
        "date" => ("AAAA-MM-JJ", "YYYY-MM-DD"),
        "place" => ("LIEU", "PLACE"),
        "facilitator" => ("NOM", "NAME"),
        "inputs" => ("ENTRÉE", "INPUT"),
        "output" | "participants" => ("FICHIER", "FILE"),
        "notes" => ("NOTES", "NOTES"),
        "text" => ("TEXTE", "TEXT"),
        "dir" | "dir_option" => ("DOSSIER", "DIR"),
        "lang" => ("LANGUE", "LANG"),
        "kind" => ("TYPE", "KIND"),
        "session" => ("SESSION", "SESSION"),
        "command" => ("COMMANDE", "COMMAND"),
        _ => return None,
    };
    Some(match lang {
        Lang::Fr => fr,
        Lang::En => en,
    })
}

/// Words of clap's help layout.
pub mod heading {
    use crate::i18n::Text;

    pub const USAGE: Text = Text::new("Utilisation :", "Usage:");
    // clap writes a colon right after a heading; French puts a space before it.
    pub const COMMANDS: Text = Text::new("Commandes ", "Commands");
    pub const ARGUMENTS: Text = Text::new("Arguments ", "Arguments");
    pub const OPTIONS: Text = Text::new("Options ", "Options");
    pub const OPTIONS_PLACEHOLDER: Text = Text::new("[OPTIONS]", "[OPTIONS]");
    pub const COMMAND_PLACEHOLDER: Text = Text::new("COMMANDE", "COMMAND");
    pub const MAN_NAME: Text = Text::new("NOM", "NAME");
    pub const DEFAULT: Text = Text::new("par défaut :", "default:");
    pub const POSSIBLE: Text = Text::new("valeurs possibles :", "possible values:");
}

/// The kinds of usage errors, with what they name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UsageError {
    UnknownArgument(String),
    UnknownSubcommand(String),
    Missing(Vec<String>),
    MissingSubcommand,
    InvalidValue { value: String, arg: String, possible: Vec<String> },
    ValueRejected { value: String, arg: String, expected: &'static str },
    EmptyValue(String),
    Conflict { arg: String, other: String },
    Repeated(String),
    WrongNumberOfValues(String),
    NotUtf8,
    Other,
}

/// One usage error, on one line, without the `error:` prefix.
pub fn usage_error(lang: Lang, error: &UsageError) -> String {
    use UsageError as U;
    let fr = lang == Lang::Fr;
    match error {
        U::UnknownArgument(arg) if fr => format!("argument inattendu '{arg}'"),
        U::UnknownArgument(arg) => format!("unexpected argument '{arg}'"),
        U::UnknownSubcommand(name) if fr => format!("sous-commande inconnue '{name}'"),
        U::UnknownSubcommand(name) => format!("unrecognized subcommand '{name}'"),
        U::Missing(args) if fr => format!("arguments obligatoires manquants : {}", args.join(", ")),
        U::Missing(args) => {
            format!("the following required arguments were not provided: {}", args.join(", "))
        }
        U::MissingSubcommand if fr => "une sous-commande est nécessaire".to_string(),
        U::MissingSubcommand => "a subcommand is required".to_string(),
        U::InvalidValue { value, arg, possible } if fr => {
            format!("valeur invalide '{value}' pour '{arg}' (valeurs possibles : {})", possible.join(", "))
        }
        U::InvalidValue { value, arg, possible } => {
            format!("invalid value '{value}' for '{arg}' (possible values: {})", possible.join(", "))
        }
        U::ValueRejected { value, arg, expected } if fr => {
            format!("valeur invalide '{value}' pour '{arg}' : {expected}")
        }
        U::ValueRejected { value, arg, expected } => {
            format!("invalid value '{value}' for '{arg}': {expected}")
        }
        U::EmptyValue(arg) if fr => format!("une valeur est requise pour '{arg}'"),
        U::EmptyValue(arg) => format!("a value is required for '{arg}'"),
        U::Conflict { arg, other } if fr => format!("'{arg}' ne peut pas être utilisé avec '{other}'"),
        U::Conflict { arg, other } => format!("'{arg}' cannot be used with '{other}'"),
        U::Repeated(arg) if fr => format!("'{arg}' ne peut être donné qu'une fois"),
        U::Repeated(arg) => format!("'{arg}' cannot be used multiple times"),
        U::WrongNumberOfValues(arg) if fr => format!("nombre de valeurs incorrect pour '{arg}'"),
        U::WrongNumberOfValues(arg) => format!("wrong number of values for '{arg}'"),
        U::NotUtf8 if fr => "un argument n'est pas de l'UTF-8 valide".to_string(),
        U::NotUtf8 => "an argument is not valid UTF-8".to_string(),
        U::Other if fr => "ligne de commande invalide".to_string(),
        U::Other => "invalid command line".to_string(),
    }
}

pub const ERROR: Text = Text::new("erreur :", "error:");
pub const TIP_SIMILAR: Text =
    Text::new("  astuce : une valeur proche existe :", "  tip: a similar one exists:");
pub const MORE: Text = Text::new("Pour en savoir plus : « --help ».", "For more information, try '--help'.");

/// What a value of an argument must look like, by argument id.
pub fn expected_value(lang: Lang, id: &str) -> &'static str {
    let (fr, en) = match id {
        "date" => ("une date AAAA-MM-JJ est attendue", "a date YYYY-MM-DD is expected"),
        "kind" => {
            ("condition, astuce ou temoignage est attendu", "condition, astuce or temoignage is expected")
        }
        "lang" => ("fr ou en est attendu", "fr or en is expected"),
        "seed" => ("un nombre entier positif est attendu", "a positive whole number is expected"),
        _ => ("un nombre entier positif est attendu", "a positive whole number is expected"),
    };
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

/// Which folder `cafe list` shows, and why.
pub fn sessions_folder(lang: Lang, dir: &Path, origin: SessionsOrigin) -> String {
    let why = match (lang, origin) {
        (Lang::Fr, SessionsOrigin::Given) => "dossier demandé",
        (Lang::En, SessionsOrigin::Given) => "folder asked for",
        (Lang::Fr, SessionsOrigin::Environment) => "CAFE_DIR",
        (Lang::En, SessionsOrigin::Environment) => "CAFE_DIR",
        (Lang::Fr, SessionsOrigin::CurrentFolder) => "dossier sessions du dossier courant",
        (Lang::En, SessionsOrigin::CurrentFolder) => "sessions folder of the current folder",
        (Lang::Fr, SessionsOrigin::DataFolder) => "dossier de données",
        (Lang::En, SessionsOrigin::DataFolder) => "data folder",
    };
    match lang {
        Lang::Fr => format!("Sessions de {} ({why})", dir.display()),
        Lang::En => format!("Sessions in {} ({why})", dir.display()),
    }
}

/// The demo session was put in the new sessions folder.
pub fn demo_installed(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Fr => format!("Première utilisation : session de démonstration installée ({})", path.display()),
        Lang::En => format!("First run: demo session installed ({})", path.display()),
    }
}

/// The sessions folder could not be created.
pub fn sessions_folder_failed(lang: Lang, dir: &Path, err: &std::io::Error) -> String {
    match lang {
        Lang::Fr => format!(
            "{}: impossible de créer le dossier des sessions ({})",
            dir.display(),
            io_error(lang, err)
        ),
        Lang::En => format!("{}: cannot create the sessions folder ({})", dir.display(), io_error(lang, err)),
    }
}

/// A user's knowledge file was not used.
pub fn asset_ignored(lang: Lang, error: &AssetError) -> String {
    let detail = match error {
        AssetError::Store(e) => store_error(lang, e),
        AssetError::Invalid { path, message } => format!("{}: {message}", path.display()),
    };
    match lang {
        Lang::Fr => format!("{detail} — les valeurs par défaut sont utilisées"),
        Lang::En => format!("{detail} — the defaults are used"),
    }
}

/// `cafe assets export` wrote the defaults.
pub fn assets_exported(lang: Lang, dir: &Path, data: Option<&Path>) -> String {
    let place = data.map(|d| d.display().to_string());
    match (lang, place) {
        (Lang::Fr, Some(data)) => format!(
            "Fichiers par défaut écrits dans {}; modifiés puis placés dans {data}, ils remplacent les valeurs par défaut.",
            dir.display()
        ),
        (Lang::En, Some(data)) => format!(
            "Default files written to {}; edited and put in {data}, they replace the defaults.",
            dir.display()
        ),
        (Lang::Fr, None) => format!("Fichiers par défaut écrits dans {}.", dir.display()),
        (Lang::En, None) => format!("Default files written to {}.", dir.display()),
    }
}

/// `cafe help NAME` for a name that is no subcommand.
pub fn unknown_command(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("sous-commande inconnue '{name}' (cafe --help les liste)"),
        Lang::En => format!("unknown subcommand '{name}' (cafe --help lists them)"),
    }
}

/// Standard output could not be written.
pub fn output_failed(lang: Lang, err: &std::io::Error) -> String {
    match lang {
        Lang::Fr => format!("écriture impossible ({})", io_error(lang, err)),
        Lang::En => format!("cannot write ({})", io_error(lang, err)),
    }
}
