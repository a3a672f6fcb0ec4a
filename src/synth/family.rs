//! The family of a condition, with a confidence: evidence from the concepts of the
//! vocabulary and from the words of each family's description and seed conditions
//! (`families.ron`). With the seed's families, each concept votes for the families the
//! vocabulary ties it to; with a café's own families (another topic), that table means
//! nothing, so concepts vote for the families whose title, description and example
//! conditions name them. When the evidence is thin or two families are close, the
//! condition is marked « à valider » instead of guessed silently. Also finds the seed
//! condition closest to a group, for explanations.

use super::similarity::{Features, Settings, Sparse, dot, normalise};
use super::vocabulary::Vocabulary;
use super::{Explanation, Status};
use crate::domain::Family;

/// A family guess for a text or a group.
#[derive(Debug, Clone, PartialEq)]
pub struct FamilyGuess {
    pub family: Option<u8>,
    pub confidence: f32,
    pub status: Status,
    pub explanation: Explanation,
}

/// One seed condition (or astuce) with its family and features.
#[derive(Debug, Clone)]
struct SeedText {
    family: u8,
    text: String,
    words: Sparse,
}

/// What the classifier knows about the families.
#[derive(Debug, Clone, Default)]
pub struct FamilyModel {
    numbers: Vec<u8>,
    /// Words of each family's title, description, conditions and astuces.
    profiles: Vec<Sparse>,
    /// Concepts named by each family's texts (used for a café's own families).
    concept_profiles: Vec<Sparse>,
    /// The families are the seed's: the vocabulary's concept → family table holds.
    seed_families: bool,
    seeds: Vec<SeedText>,
    /// Concepts every family's texts name (sorted).
    shared_concepts: Vec<u64>,
}

/// How much the concept evidence counts against the word evidence.
const CONCEPT_EVIDENCE: f32 = 1.0;
const PROFILE_EVIDENCE: f32 = 1.5;
const SEED_EVIDENCE: f32 = 0.6;

/// Below this much evidence for the best family, nothing is sure (« à valider »).
const MIN_EVIDENCE: f32 = 0.3;

/// The same for a café's own families, where no vocabulary table backs the guess.
const MIN_EVIDENCE_OWN_FAMILIES: f32 = 0.7;

/// Are these the seed document's families (same numbers and identifiers)?
fn are_seed_families(families: &[Family]) -> bool {
    let seed = crate::domain::family::default_families();
    !families.is_empty()
        && families.len() == seed.len()
        && families.iter().zip(&seed).all(|(a, b)| a.number == b.number && a.id == b.id)
}

impl FamilyModel {
    /// The model of these families; `features` analyses a text (the engine's cache).
    pub fn new(families: &[Family], features: &dyn Fn(&str) -> std::sync::Arc<Features>) -> FamilyModel {
        let mut model = FamilyModel { seed_families: are_seed_families(families), ..FamilyModel::default() };
        for family in families {
            model.numbers.push(family.number);
            let mut all = format!("{} {}", family.title, family.description);
            for text in family.conditions.iter().chain(&family.astuces) {
                all.push(' ');
                all.push_str(text);
                model.seeds.push(SeedText {
                    family: family.number,
                    text: text.clone(),
                    words: features(text).words.clone(),
                });
            }
            let profile = features(&all);
            // Profiles use plain word presence so that long descriptions do not drown
            // their rarer words.
            let words = profile.words.iter().map(|(k, _)| (*k, 1.0)).collect();
            model.profiles.push(normalise(words));
            model.concept_profiles.push(profile.concepts.clone());
        }
        // With the seed's families, the vocabulary's table already says which concept
        // belongs where; a café's own families only have their texts.
        if let [first, rest @ ..] = model.concept_profiles.as_slice()
            && !rest.is_empty()
            && !model.seed_families
        {
            model.shared_concepts = first
                .iter()
                .map(|(k, _)| *k)
                .filter(|k| rest.iter().all(|profile| profile.iter().any(|(c, _)| c == k)))
                .collect();
        }
        model
    }

    /// The concepts named by the texts of every family of a café's own (at least two
    /// families): they say what the café is about, not which family a proposal belongs
    /// to. Empty with the seed's families.
    pub fn concepts_of_every_family(&self) -> &[u64] {
        &self.shared_concepts
    }

    /// The families known, in order.
    pub fn numbers(&self) -> &[u8] {
        &self.numbers
    }

    /// Guesses the family of a set of proposals (one or more members of a group).
    pub fn guess(&self, members: &[&Features], vocabulary: &Vocabulary, settings: &Settings) -> FamilyGuess {
        let mut scores = vec![0.0f32; self.numbers.len()];
        let position = |number: u8| self.numbers.iter().position(|n| *n == number);
        // Concepts: each member's concepts vote for their families.
        let mut concept_counts: Vec<(usize, f32)> = Vec::new();
        for features in members {
            for (concept, weight) in &features.concepts {
                let index = *concept as usize;
                match concept_counts.iter_mut().find(|(c, _)| *c == index) {
                    Some((_, w)) => *w += weight,
                    None => concept_counts.push((index, *weight)),
                }
                if !self.seed_families {
                    continue;
                }
                if let Some(entry) = vocabulary.concepts.get(index) {
                    for (rank, number) in entry.families.iter().enumerate() {
                        if let Some(p) = position(*number) {
                            let share = if rank == 0 { 1.0 } else { 0.5 };
                            scores[p] += CONCEPT_EVIDENCE * share * weight / members.len() as f32;
                        }
                    }
                }
            }
        }
        // A café's own families: concepts vote for the families whose texts name them.
        if !self.seed_families {
            let concepts = concept_centroid(members);
            for (p, profile) in self.concept_profiles.iter().enumerate() {
                scores[p] += CONCEPT_EVIDENCE * dot(&concepts, profile);
            }
        }
        // Words: closeness to each family's profile and to its nearest seed text.
        let centroid = centroid(members);
        for (p, profile) in self.profiles.iter().enumerate() {
            scores[p] += PROFILE_EVIDENCE * dot(&centroid, profile);
        }
        let closest = self.closest_seed_index(&centroid);
        if let Some((index, similarity)) = closest
            && let Some(p) = position(self.seeds[index].family)
        {
            scores[p] += SEED_EVIDENCE * similarity;
        }
        let total: f32 = scores.iter().sum();
        let mut order: Vec<usize> = (0..scores.len()).collect();
        order.sort_by(|a, b| scores[*b].total_cmp(&scores[*a]).then(a.cmp(b)));
        let (family, confidence, status) = match order.first() {
            Some(&best) if total > 0.05 => {
                let share = scores[best] / total;
                let second = order.get(1).map_or(0.0, |&s| scores[s] / total);
                let sure = share >= settings.family_min_confidence
                    && share - second >= settings.family_margin
                    && scores[best]
                        >= if self.seed_families { MIN_EVIDENCE } else { MIN_EVIDENCE_OWN_FAMILIES };
                (Some(self.numbers[best]), share, if sure { Status::Auto } else { Status::ToValidate })
            }
            _ => (None, 0.0, Status::ToValidate),
        };
        concept_counts.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let shared_concepts = concept_counts
            .iter()
            .filter_map(|(c, _)| vocabulary.concepts.get(*c).map(|e| e.label.clone()))
            .collect();
        let closest_seed = closest.filter(|(_, s)| *s > 0.1).map(|(i, _)| self.seeds[i].text.clone());
        FamilyGuess { family, confidence, status, explanation: Explanation { shared_concepts, closest_seed } }
    }

    /// The seed text closest to these words, with its similarity.
    fn closest_seed_index(&self, words: &Sparse) -> Option<(usize, f32)> {
        let mut best: Option<(usize, f32)> = None;
        for (index, seed) in self.seeds.iter().enumerate() {
            let s = dot(words, &seed.words);
            if s > 0.0 && best.is_none_or(|(_, b)| s > b) {
                best = Some((index, s));
            }
        }
        best
    }

    /// The seed condition closest to a set of proposals.
    pub fn closest_seed(&self, members: &[&Features]) -> Option<String> {
        self.closest_seed_index(&centroid(members))
            .filter(|(_, s)| *s > 0.1)
            .map(|(i, _)| self.seeds[i].text.clone())
    }
}

/// The normalised sum of the members' concept vectors.
fn concept_centroid(members: &[&Features]) -> Sparse {
    normalise(members.iter().flat_map(|f| f.concepts.iter().copied()).collect())
}

/// The normalised sum of the members' word vectors.
fn centroid(members: &[&Features]) -> Sparse {
    let mut all: Vec<(u64, f32)> = Vec::new();
    for features in members {
        all.extend(features.words.iter().copied());
    }
    normalise(all)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::family::default_families;

    fn own_family(number: u8, title: &str, description: &str) -> Family {
        Family {
            number,
            id: format!("f{number}"),
            title: title.into(),
            title_en: String::new(),
            description: description.into(),
            conditions: Vec::new(),
            astuces: Vec::new(),
        }
    }

    #[test]
    fn a_concept_every_own_family_names_is_the_topic_not_a_family() {
        let (vocabulary, settings) = (Vocabulary::shipped(), Settings::shipped());
        let families = vec![
            own_family(1, "Rejoindre les citoyens", "Aller vers les citoyens, un repas servi."),
            own_family(2, "Pouvoir d'agir des citoyens", "Former des leaders parmi les citoyens."),
            own_family(3, "Garder les citoyens", "Une ambiance conviviale pour les citoyens."),
        ];
        let analyse = |text: &str| std::sync::Arc::new(Features::of(text, &vocabulary, &settings));
        let model = FamilyModel::new(&families, &analyse);
        let citizens = Features::of("les citoyens", &vocabulary, &settings);
        let food = Features::of("un repas", &vocabulary, &settings);
        let shared = model.concepts_of_every_family();
        assert!(citizens.concepts.iter().all(|(c, _)| shared.contains(c)), "{shared:?}");
        assert!(food.concepts.iter().all(|(c, _)| !shared.contains(c)));
        // The seed's families keep the vocabulary's own table: nothing is damped.
        let seed = FamilyModel::new(&default_families(), &analyse);
        assert!(seed.concepts_of_every_family().is_empty());
    }
}
