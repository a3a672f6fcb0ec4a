//! User-facing strings of dot voting from phones: the voting page, the server's answers
//! to it, the harvest screen's vote key, panel and messages, and `cafe serve`'s voting
//! line, in French and English.

use super::{Lang, Text, plural_s};
use crate::domain::vote::{MAX_DOTS, MIN_DOTS, VoteError};

/// Why a vote change was refused, for the phone or the facilitator.
pub fn vote_error(lang: Lang, err: &VoteError) -> String {
    match (lang, err) {
        (Lang::Fr, VoteError::NotOpen) => "Le vote est fermé.".into(),
        (Lang::En, VoteError::NotOpen) => "The vote is closed.".into(),
        (Lang::Fr, VoteError::DotsOutOfRange(n)) => {
            format!("Chaque téléphone a de {MIN_DOTS} à {MAX_DOTS} points, pas {n}.")
        }
        (Lang::En, VoteError::DotsOutOfRange(n)) => {
            format!("Each phone has {MIN_DOTS} to {MAX_DOTS} dots, not {n}.")
        }
        (Lang::Fr, VoteError::UnknownBallot) => {
            "Ce bulletin est inconnu : rechargez la page pour en recevoir un.".into()
        }
        (Lang::En, VoteError::UnknownBallot) => "Unknown ballot: reload the page to get one.".into(),
        (Lang::Fr, VoteError::BallotsFull(n)) => format!("Le vote a déjà ses {n} bulletins."),
        (Lang::En, VoteError::BallotsFull(n)) => format!("The vote has its {n} ballots already."),
        (Lang::Fr, VoteError::BudgetSpent(n)) => format!(
            "Vos {n} point{s} {sont} placé{s} : retirez-en un pour voter ailleurs.",
            s = plural_s(lang, *n as usize),
            sont = if super::is_plural(lang, *n as usize) { "sont" } else { "est" }
        ),
        (Lang::En, VoteError::BudgetSpent(n)) => format!(
            "Your {n} dot{s} {are} placed: take one back to vote elsewhere.",
            s = plural_s(lang, *n as usize),
            are = if super::is_plural(lang, *n as usize) { "are" } else { "is" }
        ),
        (Lang::Fr, VoteError::NotACondition(id)) => format!("{id} n'est pas une condition de la synthèse."),
        (Lang::En, VoteError::NotACondition(id)) => format!("{id} is not a condition of the synthèse."),
        (Lang::Fr, VoteError::DuplicateBallot) => "Ce bulletin existe déjà.".into(),
        (Lang::En, VoteError::DuplicateBallot) => "This ballot exists already.".into(),
    }
}

/// The address of a vote that is not open (closed, or not this session's).
pub const UNKNOWN_VOTE: Text = Text::new(
    "Pas de vote ouvert à cette adresse : demandez l'adresse du vote à l'animateur.",
    "No open vote at this address: ask the facilitator for the vote's address.",
);

pub const NOT_SAVED: Text = Text::new(
    "Le vote n'a pas pu être enregistré sur l'ordinateur de l'animateur : réessayez.",
    "The vote could not be saved on the facilitator's computer: try again.",
);

/// Every text of the voting page, by the key its script knows it by.
pub fn page_texts(lang: Lang) -> Vec<(&'static str, &'static str)> {
    let texts: [(&str, Text); 13] = [
        ("lang", Text::new("fr", "en")),
        ("title", Text::new("Vote à points", "Dot voting")),
        (
            "intro",
            Text::new(
                "Placez vos points sur les conditions qui comptent le plus pour vous.",
                "Place your dots on the conditions that matter most to you.",
            ),
        ),
        ("left", Text::new("Points restants : {left} sur {dots}", "Dots left: {left} of {dots}")),
        ("add", Text::new("+ point", "+ dot")),
        ("remove", Text::new("− point", "− dot")),
        ("mine", Text::new("Mes points : {n}", "My dots: {n}")),
        ("other", Text::new("Sans famille", "No family")),
        ("closed", Text::new("Le vote est fermé. Merci !", "The vote is closed. Thank you!")),
        ("offline", Text::new("Pas de réseau : réessayez.", "No network: try again.")),
        ("saved", Text::new("Enregistré ✓", "Saved ✓")),
        ("none", Text::new("Pas encore de condition.", "No condition yet.")),
        ("loading", Text::new("Chargement…", "Loading…")),
    ];
    texts.iter().map(|(key, text)| (*key, text.get(lang))).collect()
}

/// `cafe serve`: the voting address, when a vote is open.
pub fn voting_address(lang: Lang, url: &str, dots: u32) -> String {
    match lang {
        Lang::Fr => format!("  Vote à points ({dots} par téléphone) : {url}"),
        Lang::En => format!("  Dot voting ({dots} per phone): {url}"),
    }
}

/// The harvest screen's key.
pub const K_VOTE: Text = Text::new("Vote par téléphone", "Phone vote");

/// The question before closing the vote.
pub fn confirm_close(lang: Lang, ballots: usize, dots: u32) -> String {
    match lang {
        Lang::Fr => format!(
            "Fermer le vote ? {ballots} bulletin{s}, {dots} point{d} placé{d} ; les téléphones ne pourront plus voter.",
            s = plural_s(lang, ballots),
            d = plural_s(lang, dots as usize),
        ),
        Lang::En => format!(
            "Close the vote? {ballots} ballot{s}, {dots} dot{d} placed; phones will no longer vote.",
            s = plural_s(lang, ballots),
            d = plural_s(lang, dots as usize),
        ),
    }
}

/// The message once the vote is open.
pub fn opened(lang: Lang, url: &str, dots: u32) -> String {
    match lang {
        Lang::Fr => format!("Vote ouvert ({dots} points par téléphone) : {url}"),
        Lang::En => format!("Vote open ({dots} dots per phone): {url}"),
    }
}

pub const CLOSED: Text = Text::new(
    "Vote fermé : les points restent dans les votes de la synthèse.",
    "Vote closed: the dots stay in the synthèse's votes.",
);

/// The panel's title and counts.
pub const PANEL_TITLE: Text = Text::new("Vote par téléphone", "Phone vote");
pub fn panel_counts(lang: Lang, ballots: usize, placed: u32, dots: u32) -> String {
    match lang {
        Lang::Fr => format!(
            "{ballots} bulletin{s} · {placed} point{p} placé{p} · {dots} par téléphone",
            s = plural_s(lang, ballots),
            p = plural_s(lang, placed as usize),
        ),
        Lang::En => format!(
            "{ballots} ballot{s} · {placed} dot{p} placed · {dots} per phone",
            s = plural_s(lang, ballots),
            p = plural_s(lang, placed as usize),
        ),
    }
}
pub const PANEL_WAITING: Text = Text::new(
    "Le vote n'est pas servi : V pour le servir à nouveau.",
    "The vote is not served: V to serve it again.",
);

/// The question asking how many dots each phone gets.
pub const ASK_DOTS: Text = Text::new("Points par téléphone (1 à 10) :", "Dots per phone (1 to 10):");

/// Typed dots that are not a number.
pub fn not_a_number(lang: Lang, typed: &str) -> String {
    match lang {
        Lang::Fr => format!("« {typed} » n'est pas un nombre de points (de {MIN_DOTS} à {MAX_DOTS})."),
        Lang::En => format!("\"{typed}\" is not a number of dots ({MIN_DOTS} to {MAX_DOTS})."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_refusal_and_page_text_exists_in_both_languages() {
        assert_eq!(page_texts(Lang::En).len(), page_texts(Lang::Fr).len());
        let spent = vote_error(Lang::Fr, &VoteError::BudgetSpent(3));
        assert_eq!(spent, "Vos 3 points sont placés : retirez-en un pour voter ailleurs.");
        assert_eq!(
            vote_error(Lang::En, &VoteError::BudgetSpent(1)),
            "Your 1 dot is placed: take one back to vote elsewhere."
        );
    }
}
