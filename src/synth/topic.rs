//! The topic words of the day: a word or a concept named by more than a quarter of a
//! session's proposals (« bénévoles » at a café about volunteers), or a concept that
//! every family of the café names (« citoyens » at a café about mobilising citizens),
//! says what the café is about, not what a proposal says, so it weighs less when
//! proposals are compared and classified. Computed per synthèse from the proposals of
//! one kind and the café's families; features are damped, never renormalised, so a
//! proposal that only names the topic stays weak.

use super::similarity::{Features, Sparse, hash};

/// Share of the proposals above which a word or concept is a topic word.
const TOPIC_SHARE: f64 = 0.25;

/// Fewer proposals than this say nothing about the topic of the day.
const TOPIC_MIN_PROPOSALS: usize = 16;

/// What a topic word or concept still weighs (against 1).
const TOPIC_WEIGHT: f32 = 0.3;

/// The topic words and concepts of a set of proposals (sorted keys).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Topic {
    concepts: Vec<u64>,
    words: Vec<u64>,
}

impl Topic {
    /// The topic of these proposals (one entry per proposal, duplicates included).
    pub fn of(proposals: &[&Features]) -> Topic {
        if proposals.len() < TOPIC_MIN_PROPOSALS {
            return Topic::default();
        }
        let limit = (proposals.len() as f64 * TOPIC_SHARE).floor() as usize;
        let frequent = |keys: &mut dyn FnMut(&Features) -> Vec<u64>| {
            let mut counts: std::collections::HashMap<u64, usize> = std::collections::HashMap::new();
            for features in proposals {
                for key in keys(features) {
                    *counts.entry(key).or_default() += 1;
                }
            }
            let mut keys: Vec<u64> = counts.into_iter().filter(|(_, n)| *n > limit).map(|(k, _)| k).collect();
            keys.sort_unstable();
            keys
        };
        Topic {
            concepts: frequent(&mut |f| f.concepts.iter().map(|(k, _)| *k).collect()),
            words: frequent(&mut |f| f.words.iter().map(|(k, _)| *k).collect()),
        }
    }

    /// The same topic with these concepts too (sorted or not): those every family of
    /// the café names, whatever the number of proposals.
    pub fn with_concepts(mut self, concepts: &[u64]) -> Topic {
        self.concepts.extend_from_slice(concepts);
        self.concepts.sort_unstable();
        self.concepts.dedup();
        self
    }

    /// No topic word: the features are used as they are.
    pub fn is_empty(&self) -> bool {
        self.concepts.is_empty() && self.words.is_empty()
    }

    /// A stable number for this topic (0 for none), to key cached similarities.
    pub fn signature(&self) -> u64 {
        if self.is_empty() {
            return 0;
        }
        let text: Vec<String> = self
            .concepts
            .iter()
            .map(|c| format!("c{c}"))
            .chain(self.words.iter().map(|w| format!("w{w}")))
            .collect();
        hash(&text.join(" ")).max(1)
    }

    /// Does this proposal name a topic word or concept?
    pub fn touches(&self, features: &Features) -> bool {
        features.concepts.iter().any(|(k, _)| self.concepts.binary_search(k).is_ok())
            || features.words.iter().any(|(k, _)| self.words.binary_search(k).is_ok())
    }

    /// The features with the topic words and concepts weighing less.
    pub fn damp(&self, features: &Features) -> Features {
        let damp = |vector: &Sparse, topic: &[u64]| -> Sparse {
            vector
                .iter()
                .map(|(k, w)| (*k, if topic.binary_search(k).is_ok() { w * TOPIC_WEIGHT } else { *w }))
                .collect()
        };
        Features {
            concepts: damp(&features.concepts, &self.concepts),
            concepts_raw: damp(&features.concepts_raw, &self.concepts),
            words: damp(&features.words, &self.words),
            ..features.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::similarity::{Settings, similarity};
    use crate::synth::vocabulary::Vocabulary;

    #[test]
    fn a_word_in_most_proposals_weighs_less() {
        let (vocabulary, settings) = (Vocabulary::shipped(), Settings::shipped());
        let mut texts: Vec<String> =
            (0..20).map(|i| format!("Les bénévoles et la cueillette numéro {i} de pommes")).collect();
        texts.push("Remercier les bénévoles".into());
        texts.push("Des horaires souples pour les bénévoles".into());
        let features: Vec<Features> = texts.iter().map(|t| Features::of(t, &vocabulary, &settings)).collect();
        let refs: Vec<&Features> = features.iter().collect();
        let topic = Topic::of(&refs);
        assert!(!topic.is_empty() && topic.signature() != 0);
        let (thanks, hours) = (&features[20], &features[21]);
        assert!(topic.touches(thanks));
        let before = similarity(thanks, hours, &settings);
        let after = similarity(&topic.damp(thanks), &topic.damp(hours), &settings);
        assert!(after < before, "{after} < {before}");
        assert!(Topic::of(&refs[..10]).is_empty());
    }
}
