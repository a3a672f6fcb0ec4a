//! User-facing strings of the session subcommands (`new`, `import`, `add`, `list`,
//! `show`), in French and English.

use std::path::Path;

use chrono::{Datelike, NaiveDate};

use super::{Lang, Text};
use crate::domain::Kind;

/// `1 proposition`, `2 propositions` (French counts 0 and 1 as singular).
fn count(lang: Lang, n: usize, singular: Text, plural: Text) -> String {
    format!("{n} {}", if super::is_plural(lang, n) { plural.get(lang) } else { singular.get(lang) })
}

pub fn proposals(lang: Lang, n: usize) -> String {
    count(lang, n, Text::new("proposition", "proposal"), Text::new("propositions", "proposals"))
}

pub fn tables(lang: Lang, n: usize) -> String {
    count(lang, n, Text::new("table", "table"), Text::new("tables", "tables"))
}

pub fn rounds(lang: Lang, n: usize) -> String {
    count(lang, n, Text::new("tour", "round"), Text::new("tours", "rounds"))
}

/// The kind as a heading, in the plural (`Conditions`, `Astuces`, `Témoignages`).
pub fn kind_plural(lang: Lang, kind: Kind) -> &'static str {
    match kind {
        Kind::Condition => Text::new("Conditions", "Conditions"),
        Kind::Astuce => Text::new("Astuces", "Tips (astuces)"),
        Kind::Temoignage => Text::new("Témoignages", "Testimonies (témoignages)"),
    }
    .get(lang)
}

/// The kind in running text, singular.
pub fn kind_name(lang: Lang, kind: Kind) -> &'static str {
    match kind {
        Kind::Condition => Text::new("condition", "condition"),
        Kind::Astuce => Text::new("astuce", "tip (astuce)"),
        Kind::Temoignage => Text::new("témoignage", "testimony (témoignage)"),
    }
    .get(lang)
}

/// A date in words: `14 novembre 2018`, `14 November 2018`.
pub fn date(lang: Lang, date: NaiveDate) -> String {
    const FR: [&str; 12] = [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = date.month0() as usize;
    match lang {
        Lang::Fr => {
            let day = if date.day() == 1 { "1er".to_string() } else { date.day().to_string() };
            format!("{day} {} {}", FR[month], date.year())
        }
        Lang::En => format!("{} {} {}", date.day(), EN[month], date.year()),
    }
}

// ---- cafe new ----

pub fn created(lang: Lang, path: &Path, table_count: usize, round_count: usize, minutes: u32) -> String {
    match lang {
        Lang::Fr => format!(
            "Session créée : {} ({}, {} de {minutes} min)",
            path.display(),
            tables(lang, table_count),
            rounds(lang, round_count)
        ),
        Lang::En => format!(
            "Session created: {} ({}, {} of {minutes} min)",
            path.display(),
            tables(lang, table_count),
            rounds(lang, round_count)
        ),
    }
}

pub fn current_dir_error(lang: Lang, err: &std::io::Error) -> String {
    match lang {
        Lang::Fr => format!("dossier courant inaccessible : {}", super::errors::io_error(lang, err)),
        Lang::En => format!("cannot read the current folder: {}", super::errors::io_error(lang, err)),
    }
}

// ---- cafe import ----

pub fn no_proposals_in(lang: Lang, path: &Path) -> String {
    match lang {
        Lang::Fr => format!(
            "{}: aucune proposition trouvée (titres « # Table N » suivis d'une ligne par proposition)",
            path.display()
        ),
        Lang::En => format!(
            "{}: no proposal found (`# Table N` headings followed by one line per proposal)",
            path.display()
        ),
    }
}

/// A refusal located in a notes file; `detail` is already in the user's language.
pub fn located(path: &Path, line: usize, detail: &str) -> String {
    format!("{}:{line}: {detail}", path.display())
}

pub fn nothing_imported(lang: Lang) -> &'static str {
    Text::new("rien n'a été importé", "nothing was imported").get(lang)
}

pub fn table_created(lang: Lang, number: u32, question: &str) -> String {
    match (lang, question.is_empty()) {
        (Lang::Fr, true) => format!("Table {number} créée (absente de la session)"),
        (Lang::En, true) => format!("Table {number} created (it was not in the session)"),
        (Lang::Fr, false) => format!("Table {number} créée (absente de la session) : « {question} »"),
        (Lang::En, false) => format!("Table {number} created (it was not in the session): “{question}”"),
    }
}

pub fn table_completed(lang: Lang, number: u32) -> String {
    match lang {
        Lang::Fr => format!("Table {number} : question ou hôte complétés d'après les notes"),
        Lang::En => format!("Table {number}: question or host filled in from the notes"),
    }
}

pub fn added_at_table(lang: Lang, number: u32, n: usize) -> String {
    match lang {
        Lang::Fr => {
            format!("  table {number} : {} ajoutée{}", proposals(lang, n), super::plural_s(lang, n))
        }
        Lang::En => format!("  table {number}: {} added", proposals(lang, n)),
    }
}

pub fn imported(lang: Lang, n: usize, session: &Path, files: usize) -> String {
    match lang {
        Lang::Fr => format!(
            "{} importée{} dans {} (depuis {} de notes)",
            proposals(lang, n),
            super::plural_s(lang, n),
            session.display(),
            count(lang, files, Text::new("fichier", ""), Text::new("fichiers", ""))
        ),
        Lang::En => format!(
            "{} imported into {} (from {})",
            proposals(lang, n),
            session.display(),
            count(lang, files, Text::new("", "notes file"), Text::new("", "notes files"))
        ),
    }
}

// ---- cafe add ----

pub fn added(lang: Lang, id: &str, table: u32, round: u32, kind: Kind) -> String {
    match lang {
        Lang::Fr => {
            format!("Proposition {id} ajoutée : table {table}, tour {round}, {}", kind_name(lang, kind))
        }
        Lang::En => format!("Proposal {id} added: table {table}, round {round}, {}", kind_name(lang, kind)),
    }
}

// ---- cafe list ----

pub fn no_sessions(lang: Lang, dir: &Path) -> String {
    match lang {
        Lang::Fr => format!("Aucune session (.ron) dans {}", dir.display()),
        Lang::En => format!("No session (.ron) in {}", dir.display()),
    }
}

pub fn not_a_folder(lang: Lang, dir: &Path, err: &std::io::Error) -> String {
    match lang {
        Lang::Fr => format!("{}: dossier illisible ({})", dir.display(), super::errors::io_error(lang, err)),
        Lang::En => {
            format!("{}: cannot read the folder ({})", dir.display(), super::errors::io_error(lang, err))
        }
    }
}

pub const NO_DATE: Text = Text::new("sans date", "no date");
pub const BROKEN: Text = Text::new("ILLISIBLE", "UNREADABLE");

// ---- cafe show ----

pub const DATE: Text = Text::new("Date", "Date");
pub const PLACE: Text = Text::new("Lieu", "Place");
pub const FACILITATOR: Text = Text::new("Animation", "Facilitator");
pub const SCHEDULE: Text = Text::new("Déroulement", "Schedule");
pub const FAMILIES: Text = Text::new("Familles", "Families");
pub const HOST: Text = Text::new("Hôte", "Host");
pub const NO_QUESTION: Text = Text::new("(question à préciser)", "(question to be set)");
pub const NO_PROPOSALS_YET: Text = Text::new("(aucune proposition)", "(no proposal yet)");
pub const UNKNOWN_TABLES: Text =
    Text::new("Propositions de tables absentes de la session", "Proposals of tables not in the session");

pub fn round_heading(lang: Lang, round: u32) -> String {
    match lang {
        Lang::Fr => format!("Tour {round}"),
        Lang::En => format!("Round {round}"),
    }
}

pub fn schedule(lang: Lang, round_minutes: &[u32], move_minutes: u32, harvest_minutes: u32) -> String {
    let all_same = round_minutes.windows(2).all(|w| w[0] == w[1]);
    let rounds_text = match (lang, all_same, round_minutes.first()) {
        (Lang::Fr, true, Some(m)) => format!("{} de {m} min", rounds(lang, round_minutes.len())),
        (Lang::En, true, Some(m)) => format!("{} of {m} min", rounds(lang, round_minutes.len())),
        _ => {
            let list: Vec<String> = round_minutes.iter().map(|m| format!("{m}")).collect();
            format!("{} ({} min)", rounds(lang, round_minutes.len()), list.join(" + "))
        }
    };
    match lang {
        Lang::Fr => format!(
            "{rounds_text}, {move_minutes} min pour changer de table, récolte de {harvest_minutes} min"
        ),
        Lang::En => {
            format!("{rounds_text}, {move_minutes} min to change tables, harvest of {harvest_minutes} min")
        }
    }
}

pub fn clock_phase(lang: Lang, phase: crate::domain::PhaseKind) -> String {
    use crate::domain::PhaseKind as P;
    match (lang, phase) {
        (Lang::Fr, P::Round(r)) => format!("tour {r}"),
        (Lang::En, P::Round(r)) => format!("round {r}"),
        (Lang::Fr, P::Move(r)) => format!("changement de table après le tour {r}"),
        (Lang::En, P::Move(r)) => format!("changing tables after round {r}"),
        (Lang::Fr, P::Harvest) => "récolte".into(),
        (Lang::En, P::Harvest) => "harvest".into(),
    }
}

pub fn clock_line(lang: Lang, phase: &str, remaining: &str, running: bool) -> String {
    match (lang, running) {
        (Lang::Fr, true) => format!("Horloge : {phase}, en marche ({remaining} restantes)"),
        (Lang::En, true) => format!("Clock: {phase}, running ({remaining} left)"),
        (Lang::Fr, false) => format!("Horloge : {phase}, arrêtée ({remaining} restantes)"),
        (Lang::En, false) => format!("Clock: {phase}, stopped ({remaining} left)"),
    }
}

/// `3 conditions`, `1 astuce`, `2 testimonies`.
pub fn kind_count(lang: Lang, kind: Kind, n: usize) -> String {
    match kind {
        Kind::Condition => {
            count(lang, n, Text::new("condition", "condition"), Text::new("conditions", "conditions"))
        }
        Kind::Astuce => count(lang, n, Text::new("astuce", "tip"), Text::new("astuces", "tips")),
        Kind::Temoignage => {
            count(lang, n, Text::new("témoignage", "testimony"), Text::new("témoignages", "testimonies"))
        }
    }
}

pub fn totals(lang: Lang, total: usize, per_kind: &[(Kind, usize)]) -> String {
    let parts: Vec<String> = per_kind.iter().map(|(kind, n)| kind_count(lang, *kind, *n)).collect();
    match lang {
        Lang::Fr => format!("Total : {} ({})", proposals(lang, total), parts.join(", ")),
        Lang::En => format!("Total: {} ({})", proposals(lang, total), parts.join(", ")),
    }
}

/// `label : value` with French typography (a space before the colon).
pub fn field(lang: Lang, label: Text, value: &str) -> String {
    match lang {
        Lang::Fr => format!("{} : {value}", label.get(lang)),
        Lang::En => format!("{}: {value}", label.get(lang)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_and_dates_read_naturally() {
        assert_eq!(proposals(Lang::Fr, 1), "1 proposition");
        assert_eq!(proposals(Lang::Fr, 0), "0 proposition");
        assert_eq!(proposals(Lang::En, 0), "0 proposals");
        assert_eq!(tables(Lang::En, 8), "8 tables");
        let d = NaiveDate::from_ymd_opt(2018, 11, 14).expect("valid date");
        assert_eq!(date(Lang::Fr, d), "14 novembre 2018");
        assert_eq!(date(Lang::En, d), "14 November 2018");
        let first = NaiveDate::from_ymd_opt(2019, 3, 1).expect("valid date");
        assert_eq!(date(Lang::Fr, first), "1er mars 2019");
    }
}
