//! Per-proposal features and the similarity between two proposals: a blend of
//! concept-level similarity (the domain vocabulary), word-level similarity (stems, with
//! generic words weighing little) and character-level similarity (trigrams of the
//! folded text, for spelling variants and typos). Every vector is normalised once, so
//! a similarity is a few sorted merges; features depend on the text alone, so they are
//! cached by text across re-syntheses.

use serde::{Deserialize, Serialize};

use super::normalize::{duplicate_key, fold, is_negation};
use super::vocabulary::Vocabulary;

/// The tunable settings of the synthèse (`assets/synth.ron`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Settings {
    pub merge_threshold: f32,
    pub suggest_threshold: f32,
    pub concept_weight: f32,
    pub word_weight: f32,
    pub char_weight: f32,
    pub generic_weight: f32,
    pub pair_floor: f32,
    /// How much of the concept similarity is the overlap coefficient (a proposal whose
    /// concepts include the other's counts as the same) rather than the cosine.
    #[serde(default)]
    pub concept_overlap: f32,
    pub family_margin: f32,
    pub family_min_confidence: f32,
    pub max_suggestions: usize,
}

/// The text of `assets/synth.ron` as shipped.
pub const SETTINGS_RON: &str = include_str!("../../assets/synth.ron");

impl Default for Settings {
    fn default() -> Self {
        Settings {
            merge_threshold: 0.40,
            suggest_threshold: 0.25,
            concept_weight: 0.6,
            word_weight: 0.3,
            char_weight: 0.1,
            generic_weight: 0.15,
            pair_floor: 0.31,
            concept_overlap: 0.0,
            family_margin: 0.15,
            family_min_confidence: 0.45,
            max_suggestions: 60,
        }
    }
}

impl Settings {
    /// The shipped settings (checked by a test; the defaults if the file were broken).
    pub fn shipped() -> Settings {
        Settings::parse(SETTINGS_RON).unwrap_or_default()
    }

    /// Settings from the text of a settings file (the error carries its position).
    pub fn parse(text: &str) -> Result<Settings, ron::error::SpannedError> {
        ron::from_str(text)
    }
}

/// A sparse vector: sorted keys with weights, normalised to length 1 (or empty).
pub type Sparse = Vec<(u64, f32)>;

/// What is compared about one proposal.
#[derive(Debug, Clone, PartialEq)]
pub struct Features {
    /// Number given by the engine's cache (0 when not cached): two cached features with
    /// the same serial are the same text, so their similarities can be cached too.
    pub serial: u64,
    /// Duplicates share this key: their content stems, in order (or, for a text made
    /// only of function words, its folded words).
    pub key: String,
    /// Concept indexes into the vocabulary, with weights (normalised).
    pub concepts: Sparse,
    /// The same with the raw weights (1 for a clear term, less for a hint).
    pub concepts_raw: Sparse,
    /// The participant's words that named each concept (concept index, words).
    pub terms: Vec<(u64, String)>,
    /// Stem hashes with weights (normalised).
    pub words: Sparse,
    /// Character trigram hashes (normalised).
    pub grams: Sparse,
    /// Each stem hash with its stem and the first word it came from, as written (for
    /// explanations).
    pub surface: Vec<(u64, String, String)>,
    /// The stems in order.
    pub stems: Vec<String>,
    /// How many words are misspelt: read by the typo corrector as another
    /// (« parternariat ») or typed without the accents the vocabulary writes (« egal »).
    pub misspelt: usize,
}

impl Features {
    /// Analyses one text.
    pub fn of(text: &str, vocabulary: &Vocabulary, settings: &Settings) -> Features {
        Features::with_lexicon(text, vocabulary, settings).0
    }

    /// Analyses one text, and gives the keys of its content stems and of the stems of
    /// all its words (sorted, [`super::vocabulary::stem_key`]), which say which vocabulary changes can touch it
    /// ([`super::vocabulary::VocabularyChange::touches`]).
    pub fn with_lexicon(text: &str, vocabulary: &Vocabulary, settings: &Settings) -> (Features, Vec<u64>) {
        // Very long texts: the first 2,000 characters say what the proposal is about.
        let text: String = text.chars().take(2_000).collect();
        let analysed = vocabulary.analyse(&text);
        let mut lexicon: Vec<u64> =
            analysed.stems.iter().chain(&analysed.phrase).map(|s| super::vocabulary::stem_key(s)).collect();
        lexicon.sort_unstable();
        lexicon.dedup();
        let (hits, named) = vocabulary.concepts_and_terms(&analysed);
        let misspelt = vocabulary.misspelt(&analysed.stems)
            + text
                .split(|c: char| !c.is_alphabetic())
                .filter(|w| super::vocabulary::lacks_accents(w))
                .count();
        let stems = analysed.stems;
        let written = analysed.stems_written;
        let terms: Vec<(u64, String)> = named.into_iter().map(|(c, t)| (c as u64, t)).collect();
        let mut concepts_raw: Sparse = hits.iter().map(|h| (h.concept as u64, h.weight)).collect();
        concepts_raw.sort_by_key(|(k, _)| *k);
        let concepts: Sparse = normalise(concepts_raw.clone());
        let mut words = Vec::new();
        let mut surface = Vec::new();
        for (stem, word) in stems.iter().zip(&written) {
            let weight = if is_negation(stem) {
                0.3
            } else if vocabulary.is_generic(stem) {
                settings.generic_weight
            } else {
                1.0
            };
            let hash = hash(stem);
            words.push((hash, weight));
            if !surface.iter().any(|(h, _, _)| *h == hash) {
                surface.push((hash, stem.clone(), word.clone()));
            }
        }
        let words = normalise(words);
        let grams = normalise(trigrams(&text).into_iter().map(|g| (g, 1.0)).collect());
        // Duplicates: the same content words in the same order, whatever the case,
        // accents, punctuation, emoji, stopwords or generic words around them
        // (« Il faut des objectifs communs!! » = « Des objectifs communs »).
        let content: Vec<&str> =
            stems.iter().filter(|s| !vocabulary.is_generic(s)).map(String::as_str).collect();
        let key = if content.is_empty() { duplicate_key(&text) } else { content.join(" ") };
        (
            Features {
                serial: 0,
                key,
                concepts,
                concepts_raw,
                terms,
                words,
                grams,
                surface,
                stems,
                misspelt,
            },
            lexicon,
        )
    }

    /// Does this proposal name any concept of the vocabulary?
    pub fn has_concepts(&self) -> bool {
        !self.concepts.is_empty()
    }
}

/// Similarity of two proposals in [0, 1].
pub fn similarity(a: &Features, b: &Features, settings: &Settings) -> f32 {
    if !a.key.is_empty() && a.key == b.key {
        return 1.0;
    }
    let words = dot(&a.words, &b.words);
    let grams = dot(&a.grams, &b.grams);
    if a.has_concepts() && b.has_concepts() {
        let cosine = dot(&a.concepts, &b.concepts);
        let concepts = if settings.concept_overlap > 0.0 {
            let overlap = overlap(&a.concepts_raw, &b.concepts_raw);
            settings.concept_overlap * overlap + (1.0 - settings.concept_overlap) * cosine
        } else {
            cosine
        };
        let total = settings.concept_weight + settings.word_weight + settings.char_weight;
        (settings.concept_weight * concepts + settings.word_weight * words + settings.char_weight * grams)
            / total.max(f32::EPSILON)
    } else {
        let total = settings.word_weight + settings.char_weight;
        (settings.word_weight * words + settings.char_weight * grams) / total.max(f32::EPSILON)
    }
}

/// Dot product of two sorted sparse vectors.
pub fn dot(a: &[(u64, f32)], b: &[(u64, f32)]) -> f32 {
    let (mut i, mut j, mut sum) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                sum += a[i].1 * b[j].1;
                i += 1;
                j += 1;
            }
        }
    }
    sum.clamp(0.0, 1.0)
}

/// Overlap coefficient of two weighted sets: shared weight over the smaller total.
pub fn overlap(a: &[(u64, f32)], b: &[(u64, f32)]) -> f32 {
    let (mut i, mut j, mut shared) = (0, 0, 0.0f32);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += a[i].1.min(b[j].1);
                i += 1;
                j += 1;
            }
        }
    }
    let total_a: f32 = a.iter().map(|(_, w)| w).sum();
    let total_b: f32 = b.iter().map(|(_, w)| w).sum();
    let smaller = total_a.min(total_b);
    if smaller > 0.0 { (shared / smaller).clamp(0.0, 1.0) } else { 0.0 }
}

/// Sorts, merges equal keys (summing weights) and scales to length 1.
pub fn normalise(mut v: Vec<(u64, f32)>) -> Sparse {
    v.sort_by_key(|(k, _)| *k);
    let mut out: Sparse = Vec::with_capacity(v.len());
    for (k, w) in v {
        match out.last_mut() {
            Some((last, total)) if *last == k => *total += w,
            _ => out.push((k, w)),
        }
    }
    let norm = out.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
    if norm > 0.0 {
        for (_, w) in &mut out {
            *w /= norm;
        }
    } else {
        out.clear();
    }
    out
}

/// Trigrams of the folded letters of each content word (with word boundaries), hashed.
fn trigrams(text: &str) -> Vec<u64> {
    let folded = fold(text);
    let mut out = Vec::new();
    for word in folded
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 2 && !super::normalize::is_stopword(w))
    {
        let chars: Vec<char> = std::iter::once(' ').chain(word.chars()).chain(std::iter::once(' ')).collect();
        for window in chars.windows(3) {
            let gram: String = window.iter().collect();
            out.push(hash(&gram));
        }
    }
    out
}

/// FNV-1a, 64 bits: a stable hash (the same on every machine and every run).
pub fn hash(text: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.as_bytes() {
        h ^= u64::from(*byte);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_settings_parse() {
        let settings: Settings = ron::from_str(SETTINGS_RON).expect("assets/synth.ron parses");
        assert!(settings.suggest_threshold < settings.merge_threshold);
    }

    #[test]
    fn paraphrases_are_closer_than_unrelated_proposals() {
        let v = Vocabulary::shipped();
        let s = Settings::shipped();
        let f = |t: &str| Features::of(t, &v, &s);
        let transparency = f("Transparence entre partenaires");
        let hidden = f("Pas d'agenda caché");
        let fees = f("Financement récurrent à la mission");
        assert!(similarity(&transparency, &hidden, &s) > similarity(&transparency, &fees, &s));
        assert_eq!(similarity(&f("PAS D'AGENDA CACHÉ!!"), &hidden, &s), 1.0);
    }
}
