//! The headline of a group: which wording stands for the group in the synthèse and in
//! the document members read. It is always someone's own words (a member's text, or
//! the seed document's condition when the group says it strongly), never a rewrite;
//! a wording the facilitator typed replaces it later and always wins
//! (`decisions::Plan::apply_to_group`).
//!
//! Among the members, a complete, calm sentence is preferred: no exclamation marks, no
//! shouting in capitals, at least a few words; then one without a misspelt word (one
//! the typo corrector reads as another, « parternariat », or typed without the accents
//! the vocabulary writes, « egal »). Among those, the member
//! closest to the others wins (the sum of its similarities), then the shortest, then the
//! first in alphabetical order, so the choice is deterministic.

use super::Engine;
use crate::domain::Kind;

/// A condition is worded as the seed's own condition when the group's members are on
/// average at least this similar to it.
const SEED_MATCH: f32 = 0.6;

/// Fewer words than this do not make a sentence a member can read on its own.
const MIN_WORDS: usize = 3;

/// The headline among `candidates` (text, closeness to the rest of the group), or the
/// seed condition `closest_seed` when the members match it strongly (conditions only:
/// astuces and témoignages keep their participants' words).
pub fn choose<'a>(
    engine: &Engine,
    kind: Kind,
    candidates: impl IntoIterator<Item = (&'a str, f64)>,
    closest_seed: Option<&str>,
) -> String {
    let candidates: Vec<(&str, f64)> = candidates.into_iter().collect();
    if kind == Kind::Condition
        && candidates.len() > 1
        && let Some(seed) = closest_seed
    {
        let mean = candidates.iter().map(|(text, _)| engine.similarity(text, seed)).sum::<f32>()
            / candidates.len() as f32;
        if mean >= SEED_MATCH {
            return seed.to_string();
        }
    }
    // (calm, well spelt): the higher the better.
    let mut best: Option<((bool, bool), f64, &str)> = None;
    for (text, closeness) in candidates {
        let rank = (is_calm(text), engine.features(text).misspelt == 0);
        let better = match best {
            None => true,
            Some((best_rank, best_closeness, current)) => {
                rank > best_rank
                    || (rank == best_rank
                        && (closeness > best_closeness + 1e-6
                            || ((closeness - best_closeness).abs() <= 1e-6
                                && (text.chars().count(), text) < (current.chars().count(), current))))
            }
        };
        if better {
            best = Some((rank, closeness, text));
        }
    }
    best.map_or_else(String::new, |(_, _, text)| text.to_string())
}

/// A complete, calm sentence: a few words, no `!`, not written in capitals.
pub fn is_calm(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let letters: Vec<char> = text.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.iter().filter(|c| c.is_uppercase()).count();
    let shouting = letters.len() >= 4 && capitals * 2 > letters.len();
    words >= MIN_WORDS && !text.contains('!') && !shouting
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::family::default_families;

    #[test]
    fn a_calm_sentence_wins_over_a_closer_shout() {
        let engine = Engine::new(&default_families());
        let chosen = choose(
            &engine,
            Kind::Condition,
            [("Moins de paperasse!!", 3.0), ("Réduire la paperasse des redditions de comptes", 1.0)],
            None,
        );
        assert_eq!(chosen, "Réduire la paperasse des redditions de comptes");
    }

    #[test]
    fn shouting_and_fragments_are_not_calm() {
        assert!(!is_calm("LA PAPERASSE NOUS TUE"));
        assert!(!is_calm("Paperasse"));
        assert!(!is_calm("La reddition de comptes, ça nous tue!"));
        assert!(is_calm("Une reddition de comptes simple et adaptée"));
    }

    #[test]
    fn a_well_spelt_sentence_wins_over_a_closer_misspelt_one() {
        let engine = Engine::new(&default_families());
        assert_eq!(engine.features("Pas de parternariat juste pour faire du partenariat").misspelt, 1);
        assert_eq!(engine.features("Un partenariat doit avoir une raison d'être claire").misspelt, 0);
        let texts = [
            ("Pas de parternariat juste pour faire du partenariat", 3.0),
            ("Un partenariat doit avoir une raison d'être claire", 1.0),
        ];
        assert_eq!(
            choose(&engine, Kind::Condition, texts, None),
            "Un partenariat doit avoir une raison d'être claire"
        );
        // A word typed without the accents the vocabulary writes counts as misspelt; a
        // final « é » does not (« engage » is a word too).
        assert_eq!(engine.features("Relation d'egal a egal").misspelt, 2);
        assert_eq!(engine.features("On s'engage avec nos partenaires").misspelt, 0);
        let texts = [("Relation d'egal a egal", 2.0), ("Relation d'égal à égal entre partenaires", 1.0)];
        assert_eq!(choose(&engine, Kind::Condition, texts, None), "Relation d'égal à égal entre partenaires");
        // Calm still comes first: a misspelt calm sentence beats a well-spelt shout.
        let texts = [("Pas de parternariat pour rien", 1.0), ("Des partenariats utiles!!", 3.0)];
        assert_eq!(choose(&engine, Kind::Condition, texts, None), "Pas de parternariat pour rien");
    }

    #[test]
    fn among_calm_sentences_the_closest_then_the_shortest_wins() {
        let engine = Engine::new(&default_families());
        let texts = [("Se connaître avant de commencer", 1.0), ("Bien se connaître entre partenaires", 1.0)];
        assert_eq!(choose(&engine, Kind::Astuce, texts, None), "Se connaître avant de commencer");
        let texts = [("Se connaître avant de commencer", 1.0), ("Bien se connaître entre partenaires", 2.0)];
        assert_eq!(choose(&engine, Kind::Astuce, texts, None), "Bien se connaître entre partenaires");
    }

    #[test]
    fn a_testimony_is_never_replaced_by_the_seed() {
        let engine = Engine::new(&default_families());
        let seed = "Le partenariat doit être en accord avec notre mission";
        let quote = [("Le partenariat doit être en accord avec notre mission", 1.0)];
        assert_eq!(choose(&engine, Kind::Temoignage, quote, Some("autre chose")), quote[0].0);
        let group = [(seed, 1.0), ("Un partenariat en accord avec notre mission", 1.0)];
        assert_eq!(choose(&engine, Kind::Condition, group, Some(seed)), seed);
    }
}
