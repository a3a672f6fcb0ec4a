//! Every string of the app's Synthèse screen (board, opened condition, « à valider »
//! queue, charts), in French and English.

use super::{Lang, Text, is_plural, pick, plural_s};

pub const SCREEN: Text = Text::new("Synthèse", "Synthèse");
pub const CTX_BOARD: Text = Text::new("Synthèse — les familles", "Synthèse — the families");
pub const CTX_DETAIL: Text = Text::new("Synthèse — une condition ouverte", "Synthèse — an opened condition");
pub const CTX_QUEUE: Text = Text::new("Synthèse — revue guidée", "Synthèse — guided review");
pub const CTX_CHART: Text = Text::new("Synthèse — graphiques", "Synthèse — charts");

// Tabs.
pub const TAB_CONDITIONS: Text = Text::new("Conditions", "Conditions");
pub const TAB_OTHERS: Text = Text::new("Astuces et témoignages", "Tips and testimonies");
pub const TAB_QUEUE: Text = Text::new("Revue", "Review");
pub const TAB_CHART: Text = Text::new("Graphiques", "Charts");

// Keys.
pub const K_OPEN: Text = Text::new("Ouvrir", "Open");
pub const K_MARK: Text = Text::new("Marquer", "Mark");
pub const K_MERGE: Text = Text::new("Fusionner ici", "Merge here");
pub const K_SPLIT: Text = Text::new("Séparer", "Split out");
pub const K_FAMILY: Text = Text::new("Famille", "Family");
pub const K_FAMILY_DIGIT: Text = Text::new("Mettre dans la famille n°", "Put in family number");
pub const K_WORDING: Text = Text::new("Reformuler", "Reword");
pub const K_EXCLUDE: Text = Text::new("Écarter", "Leave out");
pub const K_VOTE_UP: Text = Text::new("+1 vote", "+1 vote");
pub const K_VOTE_DOWN: Text = Text::new("−1 vote", "−1 vote");
pub const K_UNDO: Text = Text::new("Annuler", "Undo");
pub const K_NEXT_TAB: Text = Text::new("Vue", "View");
pub const K_PREVIOUS_TAB: Text = Text::new("Vue précédente", "Previous view");
pub const K_QUEUE: Text = Text::new("Revue guidée", "Guided review");
pub const K_CHART: Text = Text::new("Graphiques", "Charts");
pub const K_ACCEPT: Text = Text::new("Oui, ou la réponse choisie", "Yes, or the chosen answer");
pub const K_REJECT: Text = Text::new("Non (ou : seule)", "No (or: on its own)");
pub const K_PREVIOUS_FAMILY: Text = Text::new("Famille précédente", "Previous family");
pub const K_NEXT_FAMILY: Text = Text::new("Famille suivante", "Next family");

// Board.
pub const UNCLASSIFIED: Text = Text::new("À classer", "To classify");
pub const ASTUCES: Text = Text::new("Astuces", "Tips (astuces)");
pub const TEMOIGNAGES: Text = Text::new("Témoignages", "Testimonies (témoignages)");
pub const NONE: Text = Text::new("(aucune)", "(none)");
pub const EXCLUDED_TAG: Text = Text::new("écartée", "left out");
pub const NO_PROPOSALS: Text = Text::new(
    "Pas encore de proposition à synthétiser : saisissez-les d'abord (F4).",
    "No proposal to synthesise yet: capture them first (F4).",
);
pub const LEGEND: Text = Text::new(
    "◆ marquée · ? à valider · ✓ famille choisie · ✎ reformulée · ● votes",
    "◆ marked · ? to confirm · ✓ family chosen · ✎ reworded · ● votes",
);

pub fn summary(
    lang: Lang,
    proposals: usize,
    conditions: usize,
    astuces: usize,
    temoignages: usize,
) -> String {
    pick(
        lang,
        format!(
            "{proposals} proposition{} → {conditions} condition{} · {astuces} astuce{} · {temoignages} témoignage{}",
            plural_s(Lang::Fr, proposals),
            plural_s(Lang::Fr, conditions),
            plural_s(Lang::Fr, astuces),
            plural_s(Lang::Fr, temoignages)
        ),
        format!(
            "{proposals} proposal{} → {conditions} condition{} · {astuces} tip{} · {temoignages} testimon{}",
            plural_s(Lang::En, proposals),
            plural_s(Lang::En, conditions),
            plural_s(Lang::En, astuces),
            if is_plural(Lang::En, temoignages) { "ies" } else { "y" }
        ),
    )
}

/// « 4 tables ».
pub fn tables(lang: Lang, support: usize) -> String {
    format!("{support} table{}", plural_s(lang, support))
}

/// « 4 tables (1, 3, 6, 8) ».
pub fn tables_list(lang: Lang, support: usize, list: &str) -> String {
    format!("{} ({list})", tables(lang, support))
}

pub fn marked(lang: Lang, wording: &str) -> String {
    pick(
        lang,
        format!("◆ marquée : « {wording} » — choisissez où la fusionner, puis f"),
        format!("◆ marked: “{wording}” — pick where to merge it, then f"),
    )
}

pub fn dropped_count(lang: Lang, count: usize) -> String {
    pick(
        lang,
        format!(
            "⚠ {count} décision{} abandonnée{} (voir À valider)",
            plural_s(Lang::Fr, count),
            plural_s(Lang::Fr, count)
        ),
        format!("⚠ {count} decision{} dropped (see To confirm)", plural_s(Lang::En, count)),
    )
}

// Opened condition.
pub const CONDITION: Text = Text::new("Condition", "Condition");
pub const ASTUCE: Text = Text::new("Astuce", "Tip");
pub const TEMOIGNAGE: Text = Text::new("Témoignage", "Testimony");
pub const SUPPORT: Text = Text::new("Soutien", "Support");
pub const VOTES: Text = Text::new("Votes", "Votes");
pub const FAMILY: Text = Text::new("Famille", "Family");
pub const NO_FAMILY: Text = Text::new("à classer", "to classify");
pub const CHOSEN: Text = Text::new("choisie par l'animation", "chosen by the facilitator");
pub const WHY: Text = Text::new("Regroupées parce qu'elles parlent de", "Grouped because they speak of");
pub const WHY_ALONE: Text = Text::new("Thèmes repérés", "Themes found");
pub const NOTHING_SHARED: Text = Text::new("(rien de commun repéré)", "(nothing in common found)");
pub const CLOSEST_SEED: Text = Text::new(
    "Condition du document de référence la plus proche",
    "Closest condition of the reference document",
);
pub const REWORDED: Text = Text::new("✎ formulation de l'animation", "✎ the facilitator's wording");
pub const EXCLUDED_NOTE: Text = Text::new(
    "Écartée de la synthèse — x pour la réintégrer.",
    "Left out of the synthèse — x to bring it back.",
);

pub fn wordings(lang: Lang, count: usize) -> String {
    pick(
        lang,
        format!("Formulations d'origine ({count}) — s sépare la proposition choisie"),
        format!("Original wordings ({count}) — s splits the selected proposal out"),
    )
}

pub fn origin(lang: Lang, table: u32, round: u32) -> String {
    pick(lang, format!("table {table}, tour {round}"), format!("table {table}, round {round}"))
}

pub fn confidence(lang: Lang, status: &str, percent: u32) -> String {
    pick(lang, format!("{status} (confiance {percent} %)"), format!("{status} (confidence {percent}%)"))
}

// Guided review tab (its questions: `i18n::review`).
pub const DROPPED_HEADING: Text = Text::new("Décisions abandonnées", "Dropped decisions");

// Charts.
pub const CHART_SUPPORT: Text =
    Text::new("Soutien de chaque condition (tables)", "Support of each condition (tables)");
pub const CHART_FAMILIES: Text = Text::new("Propositions par famille", "Proposals per family");
pub const CHART_TABLES: Text = Text::new("Propositions par table", "Proposals per table");
pub const TABLE_SHORT: Text = Text::new("Table", "Table");

pub fn more_conditions(lang: Lang, count: usize) -> String {
    pick(lang, format!("… et {count} autre{}", plural_s(Lang::Fr, count)), format!("… and {count} more"))
}

// Questions and messages.
pub const ASK_WORDING: Text = Text::new(
    "Nouvelle formulation (vide : revenir à l'automatique)",
    "New wording (empty: back to the automatic one)",
);

pub fn ask_family(lang: Lang, choices: &str) -> String {
    pick(lang, format!("Famille ({choices})"), format!("Family ({choices})"))
}

pub fn bad_family(lang: Lang, value: &str, choices: &str) -> String {
    pick(
        lang,
        format!("famille inconnue « {value} » : tapez {choices}"),
        format!("unknown family `{value}`: type {choices}"),
    )
}

pub const NOTHING_SELECTED: Text = Text::new("Aucune condition choisie.", "No condition selected.");
pub const MARK_FIRST: Text = Text::new(
    "Marquez d'abord une condition (Espace), puis choisissez où la fusionner.",
    "Mark a condition first (Space), then pick where to merge it.",
);
pub const SAME_GROUP: Text = Text::new(
    "C'est la condition marquée : choisissez-en une autre pour la fusion.",
    "This is the marked condition: pick another one to merge into.",
);
pub const DIFFERENT_KINDS: Text = Text::new(
    "Une condition, une astuce et un témoignage ne se fusionnent pas entre eux.",
    "A condition, a tip and a testimony cannot be merged together.",
);
pub const ALONE: Text =
    Text::new("Une seule proposition ici : rien à séparer.", "Only one proposal here: nothing to split.");
pub const ONLY_CONDITIONS: Text =
    Text::new("Seules les conditions ont une famille.", "Only conditions have a family.");
pub const NO_VOTE_TO_REMOVE: Text = Text::new("Aucun vote à retirer.", "No vote to remove.");
pub const NOTHING_TO_UNDO: Text = Text::new("Rien à annuler.", "Nothing to undo.");
pub const UNCHANGED: Text = Text::new("Rien n'a changé.", "Nothing changed.");
pub const UNMARKED: Text = Text::new("Marque retirée.", "Mark removed.");

// What each decision did (also the undo labels).
pub const DID_MERGE: Text = Text::new("fusion", "merge");
pub const DID_SPLIT: Text = Text::new("séparation", "split");
pub const DID_FAMILY: Text = Text::new("changement de famille", "family change");
pub const DID_WORDING: Text = Text::new("reformulation", "rewording");
pub const DID_EXCLUDE: Text = Text::new("mise à l'écart", "leaving out");
pub const DID_INCLUDE: Text = Text::new("réintégration", "bringing back");
pub const DID_VOTE: Text = Text::new("vote", "vote");

pub fn done(lang: Lang, what: Text) -> String {
    pick(
        lang,
        format!("Fait : {} — enregistré (u pour annuler).", what.get(lang)),
        format!("Done: {} — saved (u to undo).", what.get(lang)),
    )
}

pub fn undone(lang: Lang, what: Text) -> String {
    pick(lang, format!("Annulé : {}.", what.get(lang)), format!("Undone: {}.", what.get(lang)))
}
