//! User-facing strings of the guided review (`cafe review`, `cafe decide`, the
//! review in the app's synthèse screen), in French and English.

use std::path::Path;

use super::{Lang, Text};
use crate::synth::review::answer::{Changes, Lesson, Refused};

pub const ASK_SAME: Text = Text::new(
    "Ces deux propositions disent-elles la même chose ?",
    "Do these two proposals say the same thing?",
);
pub const ASK_PLACE: Text = Text::new("Où va cette proposition ?", "Where does this proposal belong?");
pub const ASK_FAMILY: Text = Text::new("Dans quelle famille ?", "In which family?");
pub const YES: Text = Text::new("oui", "yes");
pub const NO: Text = Text::new("non", "no");
pub const SKIP: Text = Text::new("passer", "skip");
pub const ALONE: Text = Text::new("seule", "on its own");
pub const HERE_NOW: Text = Text::new("(sa condition actuelle)", "(its condition now)");
/// Nothing left worth asking: what the engine can say, and what the facilitator can
/// still do by hand (`lone`: conditions only one table proposed).
pub fn nothing_left(lang: Lang, lone: usize) -> String {
    match (lang, lone) {
        (Lang::Fr, 0) => {
            "Plus de question : le moteur ne voit pas d'autre regroupement probable.".to_string()
        }
        (Lang::Fr, n) => format!(
            "Plus de question : le moteur ne voit pas d'autre regroupement probable. {n} condition(s) \
             d'une seule table peuvent encore en rejoindre une autre à la main (Espace pour marquer, \
             f pour fusionner ici)."
        ),
        (Lang::En, 0) => "No more questions: the engine sees no other likely grouping.".to_string(),
        (Lang::En, n) => format!(
            "No more questions: the engine sees no other likely grouping. {n} condition(s) from a \
             single table may still join another by hand (Space to mark, f to merge here)."
        ),
    }
}
pub const TITLE: Text = Text::new("Revue guidée", "Guided review");
pub const NO_FAMILY: Text = Text::new("sans famille", "no family");
pub const DID_ANSWER: Text = Text::new("réponse à la revue", "review answer");
pub const HINT: Text = Text::new(
    "o ou Entrée : oui / la réponse choisie · n : non (ou seule) · 1 2 3 : famille ou condition · p : passer · u : annuler",
    "o or Enter: yes / the chosen answer · n: no (or on its own) · 1 2 3: family or condition · p: skip · u: undo",
);
pub const K_SKIP: Text = Text::new("Passer la question", "Skip the question");
pub const K_PROMOTE: Text = Text::new(
    "Garder le vocabulaire appris pour les prochains cafés",
    "Keep the learned vocabulary for the next cafés",
);
pub const NOTHING_LEARNED: Text =
    Text::new("Rien d'appris dans cette session pour l'instant.", "Nothing learned in this session yet.");
pub const K_REVIEW: Text = Text::new("Revue guidée", "Guided review");

/// « table 3 ».
pub fn table(lang: Lang, number: u32) -> String {
    match lang {
        Lang::Fr => format!("table {number}"),
        Lang::En => format!("table {number}"),
    }
}

/// Why this question now: the chance that the answer changes the synthèse and how many
/// proposals it would move.
pub fn worth(lang: Lang, chance: f32, worth: f32) -> String {
    let percent = (chance * 100.0).round() as u32;
    match lang {
        Lang::Fr => format!(
            "Chance que la réponse change la synthèse : {percent} % · portée : {worth:.1} proposition(s)"
        ),
        Lang::En => {
            format!("Chance the answer changes the synthèse: {percent}% · reach: {worth:.1} proposal(s)")
        }
    }
}

/// The review tab's title: « Revue (12) ».
pub fn tab(lang: Lang, left: usize) -> String {
    match lang {
        Lang::Fr => format!("Revue ({left})"),
        Lang::En => format!("Review ({left})"),
    }
}

/// « 12 réponses · il reste 30 questions utiles, dont environ 8 changeront quelque
/// chose ».
pub fn progress(lang: Lang, answered: usize, left: usize, expected: f32) -> String {
    let expected = expected.round() as usize;
    match lang {
        Lang::Fr => format!(
            "{answered} réponse{} · reste {left} question{} utile{}, dont environ {expected} changer{} la synthèse",
            s(answered),
            s(left),
            s(left),
            if expected > 1 { "ont" } else { "a" }
        ),
        Lang::En => format!(
            "{answered} answer{} · {left} useful question{} left, about {expected} of which will change the synthèse",
            s(answered),
            s(left)
        ),
    }
}

/// The message of a refused decision.
pub fn refused(lang: Lang, refused: &Refused) -> String {
    match (lang, refused) {
        (Lang::Fr, Refused::UnknownProposal(id)) => {
            format!("la proposition {id} n'existe pas dans cette session; rien n'a changé")
        }
        (Lang::En, Refused::UnknownProposal(id)) => {
            format!("there is no proposal {id} in this session; nothing changed")
        }
        (Lang::Fr, Refused::UnknownFamily(n)) => format!("la famille {n} n'existe pas; rien n'a changé"),
        (Lang::En, Refused::UnknownFamily(n)) => format!("there is no family {n}; nothing changed"),
        (Lang::Fr, Refused::SameProposal(id)) => {
            format!("{id} est nommée deux fois : il faut deux propositions différentes; rien n'a changé")
        }
        (Lang::En, Refused::SameProposal(id)) => {
            format!("{id} is named twice: two different proposals are needed; nothing changed")
        }
        (Lang::Fr, Refused::DifferentKinds(a, b)) => {
            format!("{a} et {b} ne sont pas du même type (condition, astuce, témoignage); rien n'a changé")
        }
        (Lang::En, Refused::DifferentKinds(a, b)) => {
            format!("{a} and {b} are not of the same kind (condition, astuce, témoignage); nothing changed")
        }
    }
}

/// A proposal id that does not parse (`p12` or `12` expected).
pub fn bad_id(lang: Lang, text: &str) -> String {
    match lang {
        Lang::Fr => format!("« {text} » n'est pas un numéro de proposition (p12 ou 12); rien n'a changé"),
        Lang::En => format!("`{text}` is not a proposal number (p12 or 12); nothing changed"),
    }
}

/// What a decision changed.
pub fn changes(lang: Lang, changes: &Changes) -> Vec<String> {
    let mut lines = Vec::new();
    let moved = changes.regrouped.len();
    let (before, after) = (changes.conditions_before, changes.conditions_after);
    lines.push(match lang {
        Lang::Fr if moved == 0 => "Décision enregistrée; aucune proposition ne change de condition.".into(),
        Lang::En if moved == 0 => "Decision recorded; no proposal changes condition.".into(),
        Lang::Fr => format!(
            "Décision enregistrée; {moved} proposition{} change{} de condition ({before} → {after} conditions).",
            s(moved),
            if moved > 1 { "nt" } else { "" }
        ),
        Lang::En => format!(
            "Decision recorded; {moved} proposal{} change{} condition ({before} → {after} conditions).",
            s(moved),
            if moved > 1 { "" } else { "s" }
        ),
    });
    for (anchor, old, new) in &changes.families {
        let name = |f: &Option<u8>| f.map_or_else(|| NO_FAMILY.get(lang).to_string(), |n| n.to_string());
        lines.push(match lang {
            Lang::Fr => format!("Famille de la condition {anchor} : {} → {}.", name(old), name(new)),
            Lang::En => format!("Family of condition {anchor}: {} → {}.", name(old), name(new)),
        });
    }
    for (anchor, out) in &changes.excluded {
        lines.push(match (lang, out) {
            (Lang::Fr, true) => format!("La condition {anchor} est écartée de la synthèse."),
            (Lang::En, true) => format!("Condition {anchor} is left out of the synthèse."),
            (Lang::Fr, false) => format!("La condition {anchor} revient dans la synthèse."),
            (Lang::En, false) => format!("Condition {anchor} is back in the synthèse."),
        });
    }
    for (anchor, wording) in &changes.wordings {
        lines.push(match lang {
            Lang::Fr => format!("La condition {anchor} s'intitule « {wording} »."),
            Lang::En => format!("Condition {anchor} now reads “{wording}”."),
        });
    }
    for (anchor, votes) in &changes.votes {
        lines.push(match lang {
            Lang::Fr => format!("La condition {anchor} a {votes} vote{}.", s(*votes as usize)),
            Lang::En => format!("Condition {anchor} has {votes} vote{}.", s(*votes as usize)),
        });
    }
    lines
}

/// What an answer taught the session's vocabulary.
pub fn lesson(lang: Lang, lesson: &Lesson) -> String {
    match (lang, lesson) {
        (Lang::Fr, Lesson::Same(a, b)) => format!("Appris pour cette session : « {a} » ≈ « {b} »."),
        (Lang::En, Lesson::Same(a, b)) => format!("Learned for this session: “{a}” ≈ “{b}”."),
        (Lang::Fr, Lesson::Distinct(a, b)) => format!("Appris pour cette session : « {a} » ≠ « {b} »."),
        (Lang::En, Lesson::Distinct(a, b)) => format!("Learned for this session: “{a}” ≠ “{b}”."),
        (Lang::Fr, Lesson::Family(concept, n)) => {
            format!("Appris pour cette session : « {concept} » va dans la famille {n}.")
        }
        (Lang::En, Lesson::Family(concept, n)) => {
            format!("Learned for this session: “{concept}” goes in family {n}.")
        }
    }
}

/// After promoting the session's vocabulary to the user's file.
pub fn promoted(lang: Lang, added: usize, path: &Path) -> String {
    match lang {
        Lang::Fr => format!(
            "{added} élément{} du vocabulaire appris ajouté{} à {}",
            s(added),
            s(added),
            path.display()
        ),
        Lang::En => format!("{added} learned vocabulary item{} added to {}", s(added), path.display()),
    }
}

/// The user's vocabulary file could not be read or written.
pub fn vocabulary_file_error(lang: Lang, path: &Path, line: usize, column: usize, message: &str) -> String {
    match lang {
        Lang::Fr => format!(
            "{}:{line}:{column}: fichier de vocabulaire illisible ({message}); il n'a pas été modifié",
            path.display()
        ),
        Lang::En => format!(
            "{}:{line}:{column}: unreadable vocabulary file ({message}); it was left untouched",
            path.display()
        ),
    }
}

/// The user's vocabulary file could not be read or written (its path, and the line
/// and column when it does not parse).
pub fn vocabulary_error(lang: Lang, error: &crate::store::user_vocabulary::VocabularyFileError) -> String {
    use crate::store::user_vocabulary::VocabularyFileError as E;
    match error {
        E::Io { path, source } => format!("{}: {}", path.display(), super::errors::io_error(lang, source)),
        E::Parse { path, line, column, message } => {
            vocabulary_file_error(lang, path, *line, *column, message)
        }
        E::Invalid { path, message } => match lang {
            Lang::Fr => {
                format!("{}: vocabulaire inutilisable ({message}); il n'a pas été modifié", path.display())
            }
            Lang::En => format!("{}: unusable vocabulary ({message}); it was left untouched", path.display()),
        },
        E::NoDataFolder => match lang {
            Lang::Fr => "aucun dossier de données où garder le vocabulaire (dossier personnel introuvable)"
                .to_string(),
            Lang::En => "no data folder to keep the vocabulary in (no home folder found)".to_string(),
        },
    }
}

/// The `about` line of the review's subcommands and of `decide`'s verbs.
pub fn about(lang: Lang, command: &str) -> Option<&'static str> {
    let (fr, en) = match command {
        "review" => (
            "Les prochaines questions de la revue guidée, les plus utiles d'abord",
            "The next questions of the guided review, most useful first",
        ),
        "decide" => (
            "Enregistrer une réponse ou une décision sur la synthèse",
            "Record an answer or a decision on the synthèse",
        ),
        "decide.same" => ("A et B sont la même condition", "A and B are the same condition"),
        "decide.apart" => ("A et B ne sont pas la même condition", "A and B are not the same condition"),
        "decide.move" => ("A rejoint la condition de X", "A joins the condition of X"),
        "decide.alone" => ("A quitte sa condition et reste seule", "A leaves its condition and stands alone"),
        "decide.family" => ("La condition de A va dans la famille N", "The condition of A goes in family N"),
        "decide.wording" => ("Formuler la condition de A", "Word the condition of A"),
        "decide.exclude" => ("Écarter la condition de A de la synthèse", "Leave the condition of A out"),
        "decide.vote" => (
            "Ajouter N votes à la condition de A (négatif pour en retirer)",
            "Add N votes to the condition of A (negative to remove)",
        ),
        _ => return None,
    };
    Some(match lang {
        Lang::Fr => fr,
        Lang::En => en,
    })
}

/// The help of the review's arguments, by `subcommand.argument`.
pub fn arg_help(lang: Lang, key: &str) -> Option<&'static str> {
    let (fr, en) = match key {
        "review.session" | "decide.session" => ("Fichier de session (.ron)", "Session file (.ron)"),
        "review.limit" => ("Nombre de questions (0 : toutes)", "Number of questions (0: all)"),
        "review.format" => ("Format de sortie", "Output format"),
        "review.promote" => (
            "Ajouter le vocabulaire appris dans la session au fichier de vocabulaire de l'utilisateur",
            "Add the session's learned vocabulary to the user's vocabulary file",
        ),
        "a" => ("Proposition (p12 ou 12)", "Proposal (p12 or 12)"),
        "b" => ("Autre proposition", "Other proposal"),
        "x" => ("Proposition de la condition à rejoindre", "A proposal of the condition to join"),
        "n" => ("Nombre", "Number"),
        "text" => ("Texte de la formulation", "Text of the wording"),
        _ => return None,
    };
    Some(match lang {
        Lang::Fr => fr,
        Lang::En => en,
    })
}

fn s(n: usize) -> &'static str {
    if n > 1 { "s" } else { "" }
}
