//! What changes between two compiled vocabularies (what the guided review taught or an
//! undo took back): the stems of the terms one has and the other has not, so that an
//! engine taking over from another keeps the analysis of every text they cannot touch.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{TYPO_MIN_LENGTH, Term, Vocabulary, VocabularyFile, one_edit_apart};

/// What changed between two vocabularies of the same basis: the stems of the terms
/// that one has and the other has not. A text none of whose stems (nor the stems of its
/// words, function words included) is one of them or one typo away from a long one
/// reads the same under both (see [`Vocabulary::change_to`]).
#[derive(Debug, Clone, Default)]
pub struct VocabularyChange {
    /// Keys ([`stem_key`]) of every part of a changed term.
    parts: FxHashSet<u64>,
    /// The parts long enough for the typo corrector.
    long_parts: Vec<String>,
}

impl VocabularyChange {
    /// Nothing changed.
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// Can the change alter how a text is read? `lexicon`: the keys ([`stem_key`]) of the text's
    /// content stems and of the stems of all its words; `stems`: its content stems.
    pub fn touches(&self, lexicon: &[u64], stems: &[String]) -> bool {
        lexicon.iter().any(|h| self.parts.contains(h))
            || stems.iter().any(|stem| {
                stem.chars().count() >= TYPO_MIN_LENGTH
                    && self.long_parts.iter().any(|part| part == stem || one_edit_apart(part, stem))
            })
    }
}

/// The key of a stem in a text's lexicon and in a [`VocabularyChange`].
pub fn stem_key(stem: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(stem)
}

/// A vocabulary change touching this many stems is not worth sorting out: every text is
/// read again.
const MAX_CHANGED_PARTS: usize = 256;

impl Vocabulary {
    /// What changes in the reading of texts from this vocabulary to `next`: `None` when
    /// every text may read differently (another analyzer or generic words, or terms in
    /// another order), else the stems of the terms only one of them has (see
    /// [`VocabularyChange::touches`]).
    pub fn change_to(&self, next: &Vocabulary) -> Option<VocabularyChange> {
        if self.basis != next.basis || self.for_its_own_sake != next.for_its_own_sake {
            return None;
        }
        fn counts(terms: &[Term]) -> FxHashMap<TermKey<'_>, usize> {
            let mut counts: FxHashMap<TermKey<'_>, usize> = FxHashMap::default();
            for term in terms {
                *counts.entry(TermKey::of(term)).or_default() += 1;
            }
            counts
        }
        // Each side's terms split into those the other has too (as many times) and the
        // changed ones.
        fn split<'a>(
            terms: &'a [Term],
            other: &FxHashMap<TermKey<'_>, usize>,
        ) -> (Vec<TermKey<'a>>, Vec<&'a Term>) {
            let mut quota = other.clone();
            let (mut kept, mut changed) = (Vec::new(), Vec::new());
            for term in terms {
                match quota.get_mut(&TermKey::of(term)) {
                    Some(n) if *n > 0 => {
                        *n -= 1;
                        kept.push(TermKey::of(term));
                    }
                    _ => changed.push(term),
                }
            }
            (kept, changed)
        }
        let (kept_before, changed_before) = split(&self.terms, &counts(&next.terms));
        let (kept_after, changed_after) = split(&next.terms, &counts(&self.terms));
        // The terms both have must come in the same order: the order breaks ties
        // between matches.
        if kept_before != kept_after {
            return None;
        }
        let mut change = VocabularyChange::default();
        for term in changed_before.into_iter().chain(changed_after) {
            for part in &term.parts {
                if change.parts.insert(stem_key(part)) && part.chars().count() >= TYPO_MIN_LENGTH {
                    change.long_parts.push(part.clone());
                }
            }
        }
        (change.parts.len() <= MAX_CHANGED_PARTS).then_some(change)
    }
}

/// What identifies a compiled term when two vocabularies are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct TermKey<'a> {
    concept: usize,
    text: &'a str,
    weight: u32,
    literal: bool,
    parts: &'a [String],
}

impl<'a> TermKey<'a> {
    fn of(term: &'a Term) -> TermKey<'a> {
        TermKey {
            concept: term.concept,
            text: &term.text,
            weight: term.weight.to_bits(),
            literal: term.literal,
            parts: &term.parts,
        }
    }
}

/// The parts of a vocabulary file that shape how every word is read (the analyzer and
/// the generic words): two vocabularies with the same basis differ only by their terms.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct Basis {
    pub(super) abbreviations: Vec<(String, String, bool)>,
    pub(super) distinct_stems: Vec<(String, String)>,
    pub(super) generic: Vec<String>,
}

impl Basis {
    pub(super) fn of(file: &VocabularyFile) -> Basis {
        Basis {
            abbreviations: file
                .abbreviations
                .iter()
                .map(|a| (a.short.clone(), a.long.clone(), a.lowercase))
                .collect(),
            distinct_stems: file.distinct_stems.clone(),
            generic: file.generic.clone(),
        }
    }
}
