//! User-facing strings of the `plan` module, in French and English: the rotation plan,
//! its quality report, the itineraries, and the errors of planning and of the
//! participants file.

use super::{Lang, Text, plural_s};
use crate::plan::{Breach, CrowdedTables, PlanError, Reason, Report, Rule};
use crate::store::participants::{ParticipantsError, ParticipantsReadError};

pub const TITLE: Text = Text::new("Plan de rotation", "Rotation plan");
pub const QUALITY: Text = Text::new("Qualité du plan", "Plan quality");
pub const ITINERARIES: Text = Text::new("Itinéraires", "Itineraries");
pub const NAME: Text = Text::new("Nom", "Name");
pub const ORGANISATION: Text = Text::new("Organisation", "Organisation");
pub const HOST: Text = Text::new("hôte", "host");
pub const SAVED: Text = Text::new("Plan enregistré dans la session", "Plan saved in the session");
pub const UNCHANGED: Text =
    Text::new("La session contenait déjà ce plan", "The session already held this plan");
pub const HARD_RULES_HOLD: Text =
    Text::new("Toutes les règles strictes sont respectées.", "Every hard rule holds.");
pub const NEXT_ROUND: Text = Text::new("Prochain tour : où va chacun", "Next round: where everyone goes");
pub const NO_PLAN: Text = Text::new(
    "Pas de participants : saisissez-les (F6) ou lancez « cafe plan --participants ».",
    "No participants: type them in (F6) or run `cafe plan --participants`.",
);

/// `Participant 12`: a person known only by number.
pub fn numbered(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Fr => format!("Participant {n}"),
        Lang::En => format!("Participant {n}"),
    }
}

/// The people of a session to show: its participants, or `Participant 1`, `Participant
/// 2`… when only their count is known.
pub fn people(lang: Lang, session: &crate::domain::Session) -> Vec<crate::domain::Participant> {
    crate::plan::people(session, |n| numbered(lang, n))
}

pub fn round(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Fr => format!("Tour {n}"),
        Lang::En => format!("Round {n}"),
    }
}

pub fn table(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Fr => format!("Table {n}"),
        Lang::En => format!("Table {n}"),
    }
}

/// `Table 3 — 9 personnes`.
pub fn table_heading(lang: Lang, n: u32, people: usize, name: &str) -> String {
    let name = if name.is_empty() { String::new() } else { format!(" « {name} »") };
    match lang {
        Lang::Fr => format!("Table {n}{name} — {people} personne{}", plural_s(lang, people)),
        Lang::En => format!(
            "Table {n}{name} — {people} {}",
            if super::is_plural(lang, people) { "people" } else { "person" }
        ),
    }
}

/// The header line of a plan: people, tables, rounds, seed.
pub fn summary(lang: Lang, people: usize, tables: usize, rounds: usize, seed: u64) -> String {
    match lang {
        Lang::Fr => format!("{people} personnes, {tables} tables, {rounds} tours (graine {seed})"),
        Lang::En => format!("{people} people, {tables} tables, {rounds} rounds (seed {seed})"),
    }
}

/// `Page 2/3` on the projector.
pub fn page(lang: Lang, page: usize, pages: usize) -> String {
    match lang {
        Lang::Fr => format!("Page {page}/{pages}"),
        Lang::En => format!("Page {page}/{pages}"),
    }
}

/// The name of a hard rule.
pub fn rule(lang: Lang, rule: Rule) -> &'static str {
    let text = match rule {
        Rule::HostsStay => Text::new("chaque hôte reste à sa table", "a host stays at their table"),
        Rule::SizesWithinOne => {
            Text::new("les tailles des tables diffèrent d'au plus un", "table sizes differ by at most one")
        }
        Rule::NoRepeatedVisit => {
            Text::new("personne ne revient à une table déjà visitée", "nobody visits the same table twice")
        }
    };
    text.get(lang)
}

/// A broken hard rule and why, in one sentence; `names` gives the people's names.
pub fn breach(lang: Lang, breach: &Breach, names: &[String]) -> String {
    let rule = rule(lang, breach.rule);
    let why = match (lang, &breach.reason) {
        (Lang::Fr, Reason::Crowded(CrowdedTables::TooManyHosts { table, hosts, largest })) => format!(
            "la table {table} a {hosts} hôtes, alors qu'une table ne peut compter plus de {largest} personnes"
        ),
        (Lang::En, Reason::Crowded(CrowdedTables::TooManyHosts { table, hosts, largest })) => {
            format!("table {table} has {hosts} hosts, but no table may seat more than {largest} people")
        }
        (Lang::Fr, Reason::Crowded(CrowdedTables::TooFewLargeTables { tables, large, largest })) => format!(
            "les hôtes remplissent à eux seuls {} tables de {largest} ({}), mais seules {large} tables peuvent avoir {largest} personnes",
            tables.len(),
            list(tables)
        ),
        (Lang::En, Reason::Crowded(CrowdedTables::TooFewLargeTables { tables, large, largest })) => format!(
            "hosts alone fill {} tables of {largest} ({}), but only {large} tables can seat {largest} people",
            tables.len(),
            list(tables)
        ),
        (Lang::Fr, Reason::TableSeatsTooMany { table, seats, travellers }) => format!(
            "au fil des tours, la table {table} doit accueillir {seats} places de voyageurs, mais il n'y a que {travellers} voyageurs"
        ),
        (Lang::En, Reason::TableSeatsTooMany { table, seats, travellers }) => format!(
            "over the rounds, table {table} seats {seats} travellers, but there are only {travellers} travellers"
        ),
        (Lang::Fr, Reason::NotFound { count }) => {
            format!(
                "aucun plan sans exception n'a été trouvé ({count} restent); il n'en existe peut-être pas"
            )
        }
        (Lang::En, Reason::NotFound { count }) => {
            format!("no plan without an exception was found ({count} remain); there may be none")
        }
        (Lang::Fr, Reason::HostMoved { person }) => {
            format!("{} change de table", names.get(*person).map_or("?", String::as_str))
        }
        (Lang::En, Reason::HostMoved { person }) => {
            format!("{} changes tables", names.get(*person).map_or("?", String::as_str))
        }
    };
    match lang {
        Lang::Fr => format!("Règle non respectée : {rule} — {why}."),
        Lang::En => format!("Rule not met: {rule} — {why}."),
    }
}

fn list(tables: &[u32]) -> String {
    tables.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
}

/// The quality report, one line per measure, broken rules first.
pub fn report_lines(lang: Lang, report: &Report, names: &[String]) -> Vec<String> {
    let mut lines: Vec<String> = report.breaches.iter().map(|b| breach(lang, b, names)).collect();
    if lines.is_empty() {
        lines.push(HARD_RULES_HOLD.get(lang).to_string());
    }
    let visits = if report.visit_rule_applies {
        match lang {
            Lang::Fr => format!("Retours à une table déjà visitée : {}", report.repeated_visits),
            Lang::En => format!("Repeated table visits: {}", report.repeated_visits),
        }
    } else {
        match lang {
            Lang::Fr => format!(
                "Plus de tours que de tables : chacun revient à une table ; retours au-delà du nécessaire : {}",
                report.repeated_visits
            ),
            Lang::En => format!(
                "More rounds than tables: everyone sees a table again; repeated visits beyond that: {}",
                report.repeated_visits
            ),
        }
    };
    lines.push(visits);
    lines.push(match lang {
        Lang::Fr => format!(
            "Collègues d'une même organisation à la même table : {} (minimum possible : {})",
            report.organisation_pairs, report.organisation_lower_bound
        ),
        Lang::En => format!(
            "Colleagues of the same organisation at the same table: {} (fewest possible: {})",
            report.organisation_pairs, report.organisation_lower_bound
        ),
    });
    lines.push(match lang {
        Lang::Fr => format!(
            "Rencontres répétées : {} (borne inférieure : {}) ; paires qui se revoient : {} (borne : {})",
            report.repeated_encounters,
            report.encounter_lower_bound,
            report.pairs_met_again,
            report.pairs_lower_bound
        ),
        Lang::En => format!(
            "Repeated encounters: {} (lower bound: {}); pairs meeting again: {} (bound: {})",
            report.repeated_encounters,
            report.encounter_lower_bound,
            report.pairs_met_again,
            report.pairs_lower_bound
        ),
    });
    lines.push(match lang {
        Lang::Fr => format!(
            "Taille des tables : de {} à {} personnes (écart maximal dans un tour : {})",
            report.smallest_table, report.largest_table, report.size_spread
        ),
        Lang::En => format!(
            "Table sizes: {} to {} people (largest difference within a round: {})",
            report.smallest_table, report.largest_table, report.size_spread
        ),
    });
    lines.push(match lang {
        Lang::Fr => format!(
            "Personnes différentes rencontrées : {:.1} en moyenne, au moins {}",
            report.mean_people_met(),
            report.fewest_people_met
        )
        .replace('.', ","),
        Lang::En => format!(
            "Different people met: {:.1} on average, at least {}",
            report.mean_people_met(),
            report.fewest_people_met
        ),
    });
    lines
}

/// Why planning could not even start.
pub fn plan_error(lang: Lang, err: &PlanError) -> String {
    use PlanError as E;
    match (lang, err) {
        (Lang::Fr, E::NoTables) => "la session n'a aucune table; ajoutez-en avant de planifier".into(),
        (Lang::En, E::NoTables) => "the session has no table; add some before planning".into(),
        (Lang::Fr, E::NoRounds) => "la session n'a aucun tour".into(),
        (Lang::En, E::NoRounds) => "the session has no round".into(),
        (Lang::Fr, E::NoParticipants) => {
            "aucun participant : donnez --participants FICHIER.csv ou --count N".into()
        }
        (Lang::En, E::NoParticipants) => "no participants: give --participants FILE.csv or --count N".into(),
        (Lang::Fr, E::MoreHostsThanTables { hosts, tables }) => {
            format!("{hosts} hôtes pour {tables} tables : il y a plus d'hôtes que de tables")
        }
        (Lang::En, E::MoreHostsThanTables { hosts, tables }) => {
            format!("{hosts} hosts for {tables} tables: there are more hosts than tables")
        }
        (Lang::Fr, E::NoSuchTable { name, table }) => {
            format!("{name} est hôte de la table {table}, qui n'existe pas")
        }
        (Lang::En, E::NoSuchTable { name, table }) => {
            format!("{name} hosts table {table}, which does not exist")
        }
        (Lang::Fr, E::EmptyName { position }) => format!("le participant n° {position} n'a pas de nom"),
        (Lang::En, E::EmptyName { position }) => format!("participant no. {position} has no name"),
        (Lang::Fr, E::DuplicateName { name }) => format!("« {name} » figure deux fois dans la liste"),
        (Lang::En, E::DuplicateName { name }) => format!("“{name}” is listed twice"),
    }
}

/// A participants file that could not be read, named first (`FILE: ligne 3 : …`).
pub fn participants_read_error(lang: Lang, err: &ParticipantsReadError) -> String {
    match err {
        ParticipantsReadError::Io { path, source } => {
            format!("{}: {}", path.display(), super::errors::io_error(lang, source))
        }
        ParticipantsReadError::Participants { path, error } => {
            format!("{}: {}", path.display(), participants_error(lang, error))
        }
    }
}

/// What is wrong in a participants list, located by line.
pub fn participants_error(lang: Lang, err: &ParticipantsError) -> String {
    use ParticipantsError as E;
    match (lang, err) {
        (Lang::Fr, E::NotText) => "texte illisible (UTF-8, UTF-16 ou Windows-1252 attendu)".into(),
        (Lang::En, E::NotText) => "unreadable text (UTF-8, UTF-16 or Windows-1252 expected)".into(),
        (Lang::Fr, E::MissingColumns { line }) => {
            format!("ligne {line} : l'en-tête doit avoir une colonne « name » (ou « nom »)")
        }
        (Lang::En, E::MissingColumns { line }) => format!("line {line}: the header needs a `name` column"),
        (Lang::Fr, E::Csv { line, message }) => format!("ligne {line} : CSV invalide ({message})"),
        (Lang::En, E::Csv { line, message }) => format!("line {line}: invalid CSV ({message})"),
        (Lang::Fr, E::EmptyName { line }) => format!("ligne {line} : nom vide"),
        (Lang::En, E::EmptyName { line }) => format!("line {line}: empty name"),
        (Lang::Fr, E::DuplicateName { line, first_line, name }) => {
            format!("ligne {line} : « {name} » figure déjà à la ligne {first_line}")
        }
        (Lang::En, E::DuplicateName { line, first_line, name }) => {
            format!("line {line}: “{name}” is already on line {first_line}")
        }
        (Lang::Fr, E::BadHost { line, found }) => {
            format!("ligne {line} : numéro de table invalide « {found} » (un nombre, ou vide)")
        }
        (Lang::En, E::BadHost { line, found }) => {
            format!("line {line}: bad table number `{found}` (a number, or empty)")
        }
        (Lang::Fr, E::Empty) => "le fichier ne contient aucun participant".into(),
        (Lang::En, E::Empty) => "the file holds no participant".into(),
    }
}

/// `Nothing was written` after an error.
pub fn nothing_written(lang: Lang, message: &str) -> String {
    match lang {
        Lang::Fr => format!("{message}; rien n'a été écrit"),
        Lang::En => format!("{message}; nothing was written"),
    }
}

/// `--count` given for a session that already lists its participants by name.
pub fn count_out_of_range(lang: Lang, count: u32, max: u32) -> String {
    match lang {
        Lang::Fr => format!("--count {count} : entre 1 et {max} participants"),
        Lang::En => format!("--count {count}: between 1 and {max} participants"),
    }
}

pub fn count_with_names(lang: Lang, named: usize) -> String {
    match lang {
        Lang::Fr => format!("la session nomme déjà {named} participants; --count ne sert que sans noms"),
        Lang::En => {
            format!("the session already names {named} participants; --count is only for unnamed ones")
        }
    }
}

pub const K_ROTATION: Text = Text::new("Où va chacun", "Who goes where");
pub const K_NEXT_PAGE: Text = Text::new("Page suivante", "Next page");
pub const K_PREVIOUS_PAGE: Text = Text::new("Page précédente", "Previous page");
pub const HOSTS_STAY: Text = Text::new("Les hôtes restent à leur table.", "Hosts stay at their table.");
pub const PLANNED: Text = Text::new(
    "Rotation planifiée et enregistrée dans la session",
    "Rotation planned and saved in the session",
);
pub const NOTHING_TO_SHOW: Text =
    Text::new("Pas de rotation à montrer pendant cette phase", "No rotation to show in this phase");

/// `Tour 2 — où va chacun`.
pub fn rotation_title(lang: Lang, round: usize) -> String {
    match lang {
        Lang::Fr => format!("Tour {round} — où va chacun"),
        Lang::En => format!("Round {round} — who goes where"),
    }
}

pub const SCREEN_PARTICIPANTS: Text = Text::new("Participants", "Participants");
pub const CTX_PARTICIPANTS_INPUT: Text = Text::new("Participants — en écrivant", "Participants — typing");
pub const CTX_PARTICIPANTS_LIST: Text = Text::new("Participants — la liste", "Participants — the list");
pub const K_ADD_PARTICIPANT: Text = Text::new("Ajouter", "Add");
pub const K_PLAN: Text = Text::new("Planifier la rotation", "Plan the rotation");
pub const K_EDIT_PARTICIPANT: Text = Text::new("Modifier", "Edit");
pub const K_REMOVE_PARTICIPANT: Text = Text::new("Retirer", "Remove");
pub const NEW_PARTICIPANT: Text = Text::new(
    "Nouveau participant : nom, organisation, table animée (facultatif)",
    "New participant: name, organisation, table hosted (optional)",
);
pub const HOST_COLUMN: Text = Text::new("Hôte", "Host");
pub const ROUNDS_COLUMN: Text = Text::new("Tables", "Tables");
pub const PLAN_CURRENT: Text = Text::new("Plan de rotation à jour", "Rotation plan up to date");
pub const PLAN_MISSING: Text = Text::new("Pas encore de plan (p : planifier)", "No plan yet (p: plan)");
pub const NO_PARTICIPANTS_YET: Text = Text::new(
    "Personne encore. Tapez « Nom, organisation, table » puis Entrée, ou collez plusieurs lignes d'un tableur.",
    "Nobody yet. Type “Name, organisation, table” then Enter, or paste several lines from a spreadsheet.",
);

/// `69 participants · 8 hôtes · 52 organisations`.
pub fn people_summary(lang: Lang, people: usize, hosts: usize, organisations: usize) -> String {
    match lang {
        Lang::Fr => format!(
            "{people} participant{} · {hosts} hôte{} · {organisations} organisation{}",
            plural_s(Lang::Fr, people),
            plural_s(Lang::Fr, hosts),
            plural_s(Lang::Fr, organisations)
        ),
        Lang::En => format!(
            "{people} participant{} · {hosts} host{} · {organisations} organisation{}",
            plural_s(Lang::En, people),
            plural_s(Lang::En, hosts),
            plural_s(Lang::En, organisations)
        ),
    }
}

/// The title of the text field while a participant is edited.
pub fn editing_participant(lang: Lang, number: usize) -> String {
    match lang {
        Lang::Fr => format!("Modifier le participant n° {number} : nom, organisation, table animée"),
        Lang::En => format!("Edit participant no. {number}: name, organisation, table hosted"),
    }
}

/// A typed table number that is not one.
pub fn bad_host_cell(lang: Lang, found: &str) -> String {
    match lang {
        Lang::Fr => format!("numéro de table invalide « {found} » (un nombre, ou rien)"),
        Lang::En => format!("bad table number “{found}” (a number, or nothing)"),
    }
}

/// A message about one pasted line.
pub fn on_line(lang: Lang, line: usize, message: &str) -> String {
    match lang {
        Lang::Fr => format!("ligne {line} : {message}; rien n'a été ajouté"),
        Lang::En => format!("line {line}: {message}; nothing was added"),
    }
}

pub fn confirm_remove(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("Retirer « {name} » de la liste ? Le plan de rotation sera à refaire."),
        Lang::En => format!("Remove “{name}” from the list? The rotation will need planning again."),
    }
}

pub fn removed(lang: Lang, name: &str) -> String {
    match lang {
        Lang::Fr => format!("« {name} » retiré de la liste"),
        Lang::En => format!("“{name}” removed from the list"),
    }
}

pub fn added(lang: Lang, count: usize) -> String {
    match lang {
        Lang::Fr => format!("{count} participants ajoutés"),
        Lang::En => format!("{count} participants added"),
    }
}
