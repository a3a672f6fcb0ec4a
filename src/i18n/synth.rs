//! User-facing strings of the `synth` module, in French and English.

use super::{Lang, Text};
use crate::synth::{DecisionKind, DropReason, Status};

pub const TO_VALIDATE: Text = Text::new("à valider", "to confirm");
pub const NO_PROPOSALS: Text = Text::new(
    "aucune proposition dans les entrées : la synthèse est vide",
    "no proposal in the inputs: the synthèse is empty",
);

/// The status of a family, as shown to the room.
pub fn status(lang: Lang, status: Status) -> &'static str {
    match status {
        Status::Auto => Text::new("automatique", "automatic").get(lang),
        Status::ToValidate => TO_VALIDATE.get(lang),
        Status::Decided => Text::new("choisie", "chosen").get(lang),
    }
}

/// A decision that no longer applies, in words.
pub fn dropped(lang: Lang, kind: DecisionKind, reason: DropReason, proposals: &str) -> String {
    let what = match kind {
        DecisionKind::Merge => Text::new("fusion", "merge"),
        DecisionKind::Split => Text::new("séparation", "split"),
        DecisionKind::Rejected => Text::new("suggestion refusée", "rejected suggestion"),
        DecisionKind::Family => Text::new("choix de famille", "family choice"),
        DecisionKind::Wording => Text::new("formulation", "wording"),
        DecisionKind::Exclusion => Text::new("exclusion", "exclusion"),
        DecisionKind::Votes => Text::new("votes", "votes"),
    }
    .get(lang);
    let why = match reason {
        DropReason::MissingProposal => {
            Text::new("une proposition n'existe plus", "a proposal no longer exists")
        }
        DropReason::Contradicted => Text::new("contredit une autre décision", "contradicts another decision"),
        DropReason::DifferentKinds => Text::new(
            "réunirait une condition et une astuce ou un témoignage",
            "would merge a condition with a tip or a testimony",
        ),
        DropReason::UnknownFamily => Text::new("famille inconnue", "unknown family"),
    }
    .get(lang);
    match lang {
        Lang::Fr => format!("décision abandonnée ({what} {proposals}) : {why}"),
        Lang::En => format!("decision dropped ({what} {proposals}): {why}"),
    }
}

/// An input that could not be read.
pub fn unreadable_input(lang: Lang, path: &str, detail: &str) -> String {
    match lang {
        Lang::Fr => format!("{path} : {detail}"),
        Lang::En => format!("{path}: {detail}"),
    }
}

/// An input whose extension is neither .ron, .md nor .csv.
pub fn unknown_input(lang: Lang, path: &str) -> String {
    match lang {
        Lang::Fr => format!("{path} : type d'entrée inconnu (session .ron ou notes .md, .csv attendues)"),
        Lang::En => format!("{path}: unknown input type (expected a .ron session or .md, .csv notes)"),
    }
}

/// The export could not be produced or written.
pub fn export_failed(lang: Lang, detail: &str) -> String {
    match lang {
        Lang::Fr => format!("impossible d'écrire la synthèse : {detail}"),
        Lang::En => format!("could not write the synthèse: {detail}"),
    }
}

/// A proposal of notes the session refused (e.g. an empty text after cleaning).
pub fn bad_note(lang: Lang, path: &str, line: usize, detail: &str) -> String {
    match lang {
        Lang::Fr => format!("{path}, ligne {line} : {detail}"),
        Lang::En => format!("{path}, line {line}: {detail}"),
    }
}
