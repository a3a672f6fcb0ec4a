//! User-facing strings of the exports (`export`, `cafe synth -o`, the app's F5): the
//! document synthèse's headings, legend, counts and lines, and the messages about
//! where an export may be written, in French and English.

use super::{Lang, Text};
use crate::store::export_file::{ExportFileError, Refused};

pub const DOC_TITLE: Text =
    Text::new("Les conditions favorables — document synthèse", "Conditions favorables — synthesis document");
pub const WORKING_COPY: Text = Text::new("Version de travail (pour l'équipe)", "Working version (for staff)");
pub const CONDITIONS: Text = Text::new("Conditions favorables", "Enabling conditions");
pub const ASTUCES: Text = Text::new("Astuces", "Tips");
pub const TEMOIGNAGES: Text = Text::new("Témoignages", "Testimonies");
pub const UNCLASSIFIED: Text = Text::new("Sans famille", "Without a family");
pub const RECAP: Text =
    Text::new("Récapitulatif des conditions favorables", "Summary of the enabling conditions");
pub const LEGEND: Text = Text::new("Légende", "Legend");
pub const LEFT_OUT: Text = Text::new("Propositions écartées", "Proposals left out");
pub const NOTICES: Text = Text::new("À savoir", "Please note");
pub use super::synth::TO_VALIDATE;
pub const NONE: Text = Text::new("(aucune condition)", "(no condition)");
pub const LEGEND_CHECK: Text =
    Text::new("condition favorable retenue par les tables", "an enabling condition the tables put forward");
pub const LEGEND_TABLES: Text = Text::new(
    "nombre de tables qui l'ont proposée, et leurs numéros",
    "how many tables put it forward, and which",
);
pub const LEGEND_VOTES: Text = Text::new("votes de la salle", "votes of the room");
pub const LEGEND_QUOTE: Text = Text::new(
    "témoignage cité tel qu'il a été dit, avec sa table",
    "a testimony quoted as it was said, with its table",
);
pub const LEGEND_TO_VALIDATE: Text =
    Text::new("la famille est à confirmer par l'équipe", "the family is to be confirmed by staff");
pub const LEGEND_SOURCES: Text = Text::new(
    "les propositions des tables derrière la condition",
    "the tables' proposals behind the condition",
);
pub const SHEET_CONDITIONS: Text = Text::new("Conditions", "Conditions");
pub const SHEET_PROPOSALS: Text = Text::new("Propositions", "Proposals");
pub const COLUMNS_CONDITIONS: [Text; 8] = [
    Text::new("Famille", "Family"),
    Text::new("Titre de la famille", "Family title"),
    Text::new("Condition", "Condition"),
    Text::new("Tables (nombre)", "Tables (count)"),
    Text::new("Votes", "Votes"),
    Text::new("Statut", "Status"),
    Text::new("Tables", "Tables"),
    Text::new("Écartée", "Left out"),
];
pub const COLUMNS_PROPOSALS: [Text; 6] = [
    Text::new("Id", "Id"),
    Text::new("Table", "Table"),
    Text::new("Tour", "Round"),
    Text::new("Type", "Kind"),
    Text::new("Texte", "Text"),
    Text::new("Condition", "Condition"),
];
pub const YES: Text = Text::new("oui", "yes");
pub const NO: Text = Text::new("non", "no");

fn plural(n: usize) -> &'static str {
    if n > 1 { "s" } else { "" }
}

/// « 8 tables, 3 tours, 120 propositions » (and « 69 participants de 52 organisations »).
pub fn counts(
    lang: Lang,
    tables: usize,
    rounds: u32,
    proposals: usize,
    people: usize,
    organisations: usize,
) -> String {
    let rounds = rounds as usize;
    let mut line = match lang {
        Lang::Fr => format!(
            "{tables} table{}, {rounds} tour{}, {proposals} proposition{}",
            plural(tables),
            plural(rounds),
            plural(proposals)
        ),
        Lang::En => format!(
            "{tables} table{}, {rounds} round{}, {proposals} proposal{}",
            plural(tables),
            plural(rounds),
            plural(proposals)
        ),
    };
    if people > 0 {
        line.push_str(&match (lang, organisations) {
            (Lang::Fr, 0) => format!(" · {people} participant{}", plural(people)),
            (Lang::En, 0) => format!(" · {people} participant{}", plural(people)),
            (Lang::Fr, o) => {
                format!(" · {people} participant{} de {o} organisation{}", plural(people), plural(o))
            }
            (Lang::En, o) => {
                format!(" · {people} participant{} from {o} organisation{}", plural(people), plural(o))
            }
        });
    }
    line
}

/// « 45 conditions favorables en 3 familles ».
pub fn conditions_count(lang: Lang, conditions: usize, families: usize) -> String {
    match lang {
        Lang::Fr => format!(
            "{conditions} condition{} favorable{} en {families} famille{}",
            plural(conditions),
            plural(conditions),
            plural(families)
        ),
        Lang::En => format!(
            "{conditions} enabling condition{} in {families} famil{}",
            plural(conditions),
            if families > 1 { "ies" } else { "y" }
        ),
    }
}

/// « 3 tables : 1, 4, 7 » or « 1 table : 3 ».
pub fn tables_line(lang: Lang, count: usize, tables: &str) -> String {
    match lang {
        Lang::Fr => format!("{count} table{} : {tables}", plural(count)),
        Lang::En => format!("{count} table{}: {tables}", plural(count)),
    }
}

/// « table 3 » (of a quote).
pub fn table(lang: Lang, table: u32) -> String {
    match lang {
        Lang::Fr | Lang::En => format!("table {table}"),
    }
}

/// « 4 votes ».
pub fn votes(lang: Lang, votes: u32) -> String {
    let s = if votes > 1 { "s" } else { "" };
    match lang {
        Lang::Fr | Lang::En => format!("{votes} vote{s}"),
    }
}

/// « table 3, tour 2 » (with the input's name when several are combined).
pub fn origin(lang: Lang, input: &str, table: u32, round: u32) -> String {
    let prefix = if input.is_empty() { String::new() } else { format!("{input}, ") };
    match lang {
        Lang::Fr => format!("{prefix}table {table}, tour {round}"),
        Lang::En => format!("{prefix}table {table}, round {round}"),
    }
}

/// Two inputs that look like the same café given twice.
pub fn same_event(lang: Lang, a: &str, b: &str, shared: usize) -> String {
    match lang {
        Lang::Fr => format!(
            "« {a} » et « {b} » semblent être le même café ({shared} proposition{} en commun) : \
             leurs propositions sont comptées deux fois",
            plural(shared)
        ),
        Lang::En => format!(
            "“{a}” and “{b}” look like the same café ({shared} proposal{} in common): \
             their proposals are counted twice",
            plural(shared)
        ),
    }
}

/// A status for spreadsheets.
pub fn status(lang: Lang, status: crate::synth::Status) -> &'static str {
    super::synth::status(lang, status)
}

/// Where an export may not be written, and why; `in_app` words the way out for the
/// app (a confirmation) rather than the command line (`--force`).
pub fn refused(lang: Lang, path: &str, reason: Refused, in_app: bool) -> String {
    let why = match reason {
        Refused::Exists if in_app => Text::new(
            "le fichier existe déjà : confirmer pour le remplacer",
            "the file already exists: confirm to replace it",
        ),
        Refused::Exists => Text::new(
            "le fichier existe déjà (--force pour le remplacer)",
            "the file already exists (--force replaces it)",
        ),
        Refused::Session => Text::new(
            "c'est un fichier de session : une exportation ne le remplace jamais",
            "it is a session file: an export never replaces it",
        ),
        Refused::Input => {
            Text::new("c'est une des entrées de la synthèse", "it is one of the synthèse's inputs")
        }
        Refused::Folder => Text::new("c'est un dossier", "it is a folder"),
        Refused::Special => Text::new(
            "ce n'est pas un fichier ordinaire (périphérique, tube…)",
            "it is not a regular file (device, pipe…)",
        ),
    }
    .get(lang);
    match lang {
        Lang::Fr => format!("{path} : exportation refusée, {why}"),
        Lang::En => format!("{path}: export refused, {why}"),
    }
}

/// Replace an existing export?
pub fn confirm_replace(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Fr => format!("{path} existe déjà. Le remplacer ?"),
        Lang::En => format!("{path} already exists. Replace it?"),
    }
}

/// A failed export write, in words.
pub fn write_error(lang: Lang, path: &str, error: &ExportFileError, in_app: bool) -> String {
    match error {
        ExportFileError::Refused(reason) => refused(lang, path, *reason, in_app),
        ExportFileError::Io(e) => format!("{path}: {}", super::errors::io_error(lang, e)),
    }
}

/// `--format` and the extension of `-o` disagree.
pub fn format_conflict(lang: Lang, path: &str, format: &str, extension: &str) -> String {
    match lang {
        Lang::Fr => format!("{path} : l'extension .{extension} ne correspond pas à --format {format}"),
        Lang::En => format!("{path}: the extension .{extension} does not match --format {format}"),
    }
}

/// `-o` has no extension that names a format and `--format` is missing.
pub fn format_unknown(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Fr => format!(
            "{path} : format inconnu ; choisir --format (md, html, docx, xlsx, csv, json, ron) \
             ou une de ces extensions"
        ),
        Lang::En => format!(
            "{path}: unknown format; choose --format (md, html, docx, xlsx, csv, json, ron) \
             or one of these extensions"
        ),
    }
}

/// DOCX or XLSX asked for a terminal.
pub fn binary_to_terminal(lang: Lang, format: &str) -> String {
    match lang {
        Lang::Fr => format!("le format {format} n'est pas du texte : l'écrire dans un fichier avec -o"),
        Lang::En => format!("the {format} format is not text: write it to a file with -o"),
    }
}

/// What the export screen's HTML file is.
pub const SCREEN_HTML: Text = Text::new(
    "le document synthèse, à ouvrir ou imprimer en PDF",
    "the synthesis document, to open or print to PDF",
);
/// What the export screen's Word file is.
pub const SCREEN_DOCX: Text =
    Text::new("le document synthèse, à retoucher dans Word", "the synthesis document, to edit in Word");
/// What the export screen's working HTML file is.
pub const SCREEN_TRAVAIL: Text = Text::new(
    "version de travail : à valider, écartées, sources",
    "working version: to confirm, left out, sources",
);
/// What the export screen's workbook is.
pub const SCREEN_XLSX: Text =
    Text::new("classeur : conditions et propositions", "workbook: conditions and proposals");
/// The export screen's group of the working version.
pub const STAFF: Text = Text::new("Équipe", "Staff");
