//! Explanations: the concepts (or, failing that, the words) that the members of a
//! group share, so that the room can see why proposals were put together.

use std::collections::BTreeMap;

use super::similarity::Features;
use super::vocabulary::Vocabulary;

/// The concepts shared by at least two of these items (all of them for a lone item),
/// most shared first, each with the words that named it (`transparence : « agenda
/// caché », « cartes sur table »`); when no concept is shared, the shared words.
pub fn shared_concepts(items: &[&Features], vocabulary: &Vocabulary) -> Vec<String> {
    let needed = if items.len() > 1 { 2 } else { 1 };
    let mut concept_counts: BTreeMap<u64, usize> = BTreeMap::new();
    for features in items {
        for (concept, _) in &features.concepts {
            *concept_counts.entry(*concept).or_default() += 1;
        }
    }
    let mut concepts: Vec<(u64, usize)> = concept_counts.into_iter().filter(|(_, n)| *n >= needed).collect();
    concepts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let labels: Vec<String> = concepts
        .iter()
        .filter_map(|(c, _)| vocabulary.concepts.get(*c as usize).map(|e| (c, e.label.clone())))
        .take(5)
        .map(|(c, label)| {
            // The words of the proposals that named the concept.
            let mut words: Vec<&str> = Vec::new();
            for features in items {
                for (concept, term) in &features.terms {
                    if concept == c && !words.contains(&term.as_str()) {
                        words.push(term);
                    }
                }
            }
            words.truncate(2);
            if words.is_empty() {
                label
            } else {
                let quoted: Vec<String> = words.iter().map(|w| format!("« {w} »")).collect();
                format!("{label} : {}", quoted.join(", "))
            }
        })
        .collect();
    if !labels.is_empty() || items.len() < 2 {
        return labels;
    }
    shared_words(items, vocabulary)
}

/// The content words shared by at least two items, as a participant first wrote them.
fn shared_words(items: &[&Features], vocabulary: &Vocabulary) -> Vec<String> {
    let mut counts: BTreeMap<u64, (usize, String)> = BTreeMap::new();
    for features in items {
        for (hash, stem, written) in &features.surface {
            if vocabulary.is_generic(stem) || super::normalize::is_negation(stem) {
                continue;
            }
            let entry = counts.entry(*hash).or_insert_with(|| (0, written.clone()));
            entry.0 += 1;
        }
    }
    let mut words: Vec<(usize, String)> = counts.into_values().filter(|(n, _)| *n >= 2).collect();
    words.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    words.into_iter().map(|(_, w)| format!("« {w} »")).take(5).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::similarity::Settings;

    #[test]
    fn shared_words_are_quoted_as_written() {
        let (vocabulary, settings) = (Vocabulary::empty(), Settings::shipped());
        let a = Features::of("Des Cueillettes de pommes", &vocabulary, &settings);
        let b = Features::of("la cueillette des pommes", &vocabulary, &settings);
        let shared = shared_concepts(&[&a, &b], &vocabulary);
        assert_eq!(shared, vec!["« Cueillettes »".to_string(), "« pommes »".to_string()]);
    }
}
