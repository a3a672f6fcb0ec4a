//! Turning the review's answers into vocabulary: the words that differ between two
//! proposals the room said are the same become one concept for the session, and a
//! family answer gives the group's main concept that family. [`vocabulary_with`] builds
//! the engine's vocabulary from the shipped one plus what was learned, so the ordinary
//! matching of terms (stems within a window, longest first) applies to learned terms
//! too.

use std::sync::OnceLock;

use crate::domain::learned::MAX_TERM_WORDS;
use crate::domain::{Family, Learned};
use crate::synth::Engine;
use crate::synth::normalize::{fold, is_negation};
use crate::synth::vocabulary::{ConceptEntry, Source, VOCABULARY_RON, Vocabulary, VocabularyFile};

/// Concept ids of learned equivalences start with this.
pub const LEARNED_PREFIX: &str = "appris-";

/// The shipped vocabulary with `learned` added: one concept per equivalence, and the
/// families the room chose for known concepts put first.
pub fn vocabulary_with(learned: &Learned) -> Vocabulary {
    vocabulary_learning(learned, None)
}

/// The engine after an answer taught (or an undo unlearned) a word: the shipped
/// vocabulary plus `learned`, taking over `previous`'s analyses where the words learned
/// do not change them ([`Engine::succeeding`]), so the next question does not wait for
/// every proposal to be read again.
pub fn engine_succeeding(previous: &Engine, families: &[Family], learned: &Learned) -> Engine {
    let vocabulary = vocabulary_learning(learned, Some(previous.vocabulary()));
    Engine::succeeding(previous, families, vocabulary, previous.settings().clone())
}

/// The shipped vocabulary plus `learned`, compiled reusing `previous`'s analysis.
fn vocabulary_learning(learned: &Learned, previous: Option<&Vocabulary>) -> Vocabulary {
    if learned.is_empty() && previous.is_none() {
        return Vocabulary::shipped();
    }
    // Parsed once: an answer that teaches a word builds the vocabulary again, and the
    // next question should not wait for the shipped file to be read again.
    static SHIPPED: OnceLock<Option<VocabularyFile>> = OnceLock::new();
    let Some(mut file) = SHIPPED.get_or_init(|| ron::from_str(VOCABULARY_RON).ok()).clone() else {
        return Vocabulary::shipped();
    };
    add_learned(&mut file, learned);
    let compiled = match previous {
        Some(previous) => Vocabulary::compile_reusing(file, previous),
        None => Vocabulary::compile(file),
    };
    compiled.unwrap_or_else(|_| Vocabulary::shipped())
}

/// Adds the learned concepts and family choices to a vocabulary file.
pub fn add_learned(file: &mut VocabularyFile, learned: &Learned) {
    for added in &learned.terms {
        if let Some(entry) = file.concepts.iter_mut().find(|c| c.id == added.concept)
            && !entry.terms.contains(&added.term)
        {
            entry.terms.push(added.term.clone());
        }
    }
    for choice in &learned.families {
        if let Some(entry) = file.concepts.iter_mut().find(|c| c.id == choice.concept) {
            entry.families.retain(|f| *f != choice.family);
            entry.families.insert(0, choice.family);
        }
    }
    for (index, equivalence) in learned.equivalences.iter().enumerate() {
        file.concepts.push(ConceptEntry {
            id: format!("{LEARNED_PREFIX}{}", index + 1),
            label: equivalence.terms.join(" ≈ "),
            families: equivalence.family.into_iter().collect(),
            // What the room said during the café: the closest kind of knowledge is
            // the sector's own usage.
            source: Source::Sector,
            terms: equivalence.terms.clone(),
            weak: Vec::new(),
        });
    }
}

/// Teaches that `a` and `b` (the words that differ between two proposals the room
/// said are the same) mean the same. A side that names a known concept lends it to the
/// other side (a new term of that concept, so the proposals that name it keep one
/// concept rather than two); when neither does, they become a new concept; when both
/// do, the vocabulary already has its say and nothing is learned.
pub fn learn_same(vocabulary: &Vocabulary, learned: &mut Learned, a: &str, b: &str) -> bool {
    let named = |term: &str| vocabulary.terms_in(term).into_iter().next().map(|(id, _)| id);
    match (named(a), named(b)) {
        (None, None) => learned.learn_same(a, b),
        (Some(concept), None) => lend(learned, &concept, b),
        (None, Some(concept)) => lend(learned, &concept, a),
        (Some(_), Some(_)) => false,
    }
}

/// Adds `term` to `concept`, or to the learned equivalence that concept stands for.
fn lend(learned: &mut Learned, concept: &str, term: &str) -> bool {
    let equivalence = concept
        .strip_prefix(LEARNED_PREFIX)
        .and_then(|n| n.parse::<usize>().ok())
        .and_then(|n| learned.equivalences.get(n.checked_sub(1)?))
        .and_then(|e| e.terms.first().cloned());
    match equivalence {
        Some(first) => learned.learn_same(&first, term),
        None => learned.learn_term(concept, term),
    }
}

/// The words of `a` whose stems `b` does not have, and those of `b` that `a` does not
/// have, in text order (folded), leaving out stopwords, negations and generic words.
/// `None` when a side has no such word or more than [`MAX_TERM_WORDS`].
pub fn differing_words(vocabulary: &Vocabulary, a: &str, b: &str) -> Option<(String, String)> {
    let words_a = content_words(vocabulary, a);
    let words_b = content_words(vocabulary, b);
    let only = |mine: &[(String, Vec<String>)], theirs: &[(String, Vec<String>)]| -> Vec<String> {
        mine.iter()
            .filter(|(_, stems)| !stems.iter().all(|s| theirs.iter().any(|(_, t)| t.contains(s))))
            .map(|(w, _)| w.clone())
            .collect()
    };
    let (only_a, only_b) = (only(&words_a, &words_b), only(&words_b, &words_a));
    let fits = |w: &[String]| !w.is_empty() && w.len() <= MAX_TERM_WORDS;
    (fits(&only_a) && fits(&only_b)).then(|| (only_a.join(" "), only_b.join(" ")))
}

/// Each content word of a text (folded) with its stems; abbreviations keep their
/// expansion's stems.
fn content_words(vocabulary: &Vocabulary, text: &str) -> Vec<(String, Vec<String>)> {
    let folded = fold(text);
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’' && c != '-') {
        if word.is_empty() {
            continue;
        }
        let stems: Vec<String> = vocabulary
            .analyzer
            .stems(word)
            .into_iter()
            .filter(|s| !is_negation(s) && !vocabulary.is_generic(s))
            .collect();
        if stems.is_empty() {
            continue;
        }
        let shown = fold(word);
        if !out.iter().any(|(w, _)| *w == shown) && folded.contains(&shown) {
            out.push((shown, stems));
        }
    }
    out
}

/// The main concept of a set of texts: the one named by most of them (weights summed),
/// by its id.
pub fn main_concept(
    vocabulary: &Vocabulary,
    features: &[&crate::synth::similarity::Features],
) -> Option<String> {
    let mut totals: Vec<(u64, f32)> = Vec::new();
    for f in features {
        for (concept, weight) in &f.concepts_raw {
            match totals.iter_mut().find(|(c, _)| c == concept) {
                Some((_, w)) => *w += weight,
                None => totals.push((*concept, *weight)),
            }
        }
    }
    totals.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    totals.first().and_then(|(c, _)| vocabulary.concepts.get(*c as usize)).map(|e| e.id.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::similarity::Settings;

    #[test]
    fn the_words_that_differ_become_one_concept_and_later_captures_join() {
        let shipped = Vocabulary::shipped();
        let (a, b) = differing_words(&shipped, "Ouvrir les livres comptables", "Ouvrir les coffres")
            .expect("short differences");
        assert_eq!(a, "livres comptables");
        assert_eq!(b, "coffres");
        let mut learned = Learned::default();
        assert!(learned.learn_same(&a, &b));
        let families = crate::domain::family::default_families();
        let before = Engine::new(&families);
        let after = Engine::with(&families, vocabulary_with(&learned), Settings::shipped());
        let (x, y) = ("Montrer nos livres comptables", "Les coffres de chacun");
        assert!(after.similarity(x, y) > before.similarity(x, y));
    }

    #[test]
    fn long_differences_teach_nothing() {
        let shipped = Vocabulary::shipped();
        let long = "Chaque organisme arrive avec ses membres, ses bénévoles, ses locaux et ses outils";
        assert!(differing_words(&shipped, long, "Budget commun").is_none());
    }
}
