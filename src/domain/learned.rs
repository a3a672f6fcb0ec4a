//! What the guided review taught the synthèse during one session: wordings the room
//! said mean the same (as one another, or as a concept the vocabulary knows), wordings
//! it said do not, and the family of a concept as the room chose it. Saved in the session file (and, when the facilitator
//! promotes it, in the user's vocabulary file), so that later captures using the same
//! words join the right condition. Terms are kept as the participants wrote them
//! (folded words), never as stems: they are analysed again whenever a vocabulary is
//! built from them.

use serde::{Deserialize, Serialize};

/// Wordings that mean the same thing for this session (« ouvrir les livres » ≈
/// « transparence budgets »), with the family the room gave them, if any.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Equivalence {
    /// Two or more terms, each one or a few words; sorted, without duplicates.
    pub terms: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub family: Option<u8>,
}

/// Two wordings the room said are not the same: they are never made equivalent.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Distinct {
    pub a: String,
    pub b: String,
}

/// The family the room chose for a concept of the vocabulary (by its id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConceptFamily {
    pub concept: String,
    pub family: u8,
}

/// A wording the room said means the same as a concept the vocabulary already knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConceptTerm {
    pub concept: String,
    pub term: String,
}

/// Everything learned from the review's answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Learned {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub equivalences: Vec<Equivalence>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub distinct: Vec<Distinct>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub families: Vec<ConceptFamily>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<ConceptTerm>,
}

/// Longest term learned from one answer, in words: longer differences are sentences,
/// not wordings of one idea, and would only match their own proposal.
pub const MAX_TERM_WORDS: usize = 2;

impl Learned {
    pub fn is_empty(&self) -> bool {
        self == &Learned::default()
    }

    /// Makes the terms `a` and `b` equivalent, joining the equivalences that already
    /// hold either of them. Refused (returns false) when the room said they differ, when
    /// a side is empty or too long, or when nothing new is learned.
    pub fn learn_same(&mut self, a: &str, b: &str) -> bool {
        let (a, b) = (normalise_term(a), normalise_term(b));
        if a.is_empty() || b.is_empty() || a == b || !short(&a) || !short(&b) || self.are_distinct(&a, &b) {
            return false;
        }
        let holding: Vec<usize> = (0..self.equivalences.len())
            .filter(|i| self.equivalences[*i].terms.iter().any(|t| *t == a || *t == b))
            .collect();
        if holding.len() == 1 && [&a, &b].iter().all(|t| self.equivalences[holding[0]].terms.contains(t)) {
            return false;
        }
        let mut joined = Equivalence { terms: vec![a, b], family: None };
        for i in holding.iter().rev() {
            let old = self.equivalences.remove(*i);
            joined.terms.extend(old.terms);
            joined.family = joined.family.or(old.family);
        }
        joined.terms.sort();
        joined.terms.dedup();
        self.equivalences.push(joined);
        true
    }

    /// Records that `a` and `b` do not mean the same; an equivalence holding both is
    /// withdrawn (the room's last word wins).
    pub fn learn_distinct(&mut self, a: &str, b: &str) -> bool {
        let (a, b) = (normalise_term(a), normalise_term(b));
        if a.is_empty() || b.is_empty() || a == b {
            return false;
        }
        self.equivalences.retain(|e| !(e.terms.contains(&a) && e.terms.contains(&b)));
        let pair = if a <= b { Distinct { a, b } } else { Distinct { a: b, b: a } };
        if self.distinct.contains(&pair) {
            return false;
        }
        self.distinct.push(pair);
        true
    }

    /// Did the room say these two terms differ?
    pub fn are_distinct(&self, a: &str, b: &str) -> bool {
        self.distinct.iter().any(|d| (d.a == a && d.b == b) || (d.a == b && d.b == a))
    }

    /// Adds `term` to the known concept `concept`. Refused (false) when the term is
    /// empty, too long, or already there.
    pub fn learn_term(&mut self, concept: &str, term: &str) -> bool {
        let term = normalise_term(term);
        if term.is_empty()
            || !short(&term)
            || self.terms.iter().any(|t| t.concept == concept && t.term == term)
        {
            return false;
        }
        self.terms.push(ConceptTerm { concept: concept.to_string(), term });
        true
    }

    /// Gives the concept `concept` the family `family` (replacing an earlier choice).
    pub fn learn_family(&mut self, concept: &str, family: u8) -> bool {
        if self.families.iter().any(|f| f.concept == concept && f.family == family) {
            return false;
        }
        self.families.retain(|f| f.concept != concept);
        self.families.push(ConceptFamily { concept: concept.to_string(), family });
        true
    }

    /// Gives the equivalence holding `term` the family `family`.
    pub fn learn_equivalence_family(&mut self, term: &str, family: u8) -> bool {
        let term = normalise_term(term);
        match self.equivalences.iter_mut().find(|e| e.terms.contains(&term)) {
            Some(e) if e.family != Some(family) => {
                e.family = Some(family);
                true
            }
            _ => false,
        }
    }

    /// Adds everything `other` learned (for promoting a session's answers to the user's
    /// vocabulary file); returns how many entries were new.
    pub fn absorb(&mut self, other: &Learned) -> usize {
        let mut added = 0;
        for d in &other.distinct {
            added += usize::from(self.learn_distinct(&d.a, &d.b));
        }
        for e in &other.equivalences {
            for pair in e.terms.windows(2) {
                added += usize::from(self.learn_same(&pair[0], &pair[1]));
            }
            if let (Some(family), Some(first)) = (e.family, e.terms.first()) {
                added += usize::from(self.learn_equivalence_family(first, family));
            }
        }
        for f in &other.families {
            added += usize::from(self.learn_family(&f.concept, f.family));
        }
        for t in &other.terms {
            added += usize::from(self.learn_term(&t.concept, &t.term));
        }
        added
    }

    /// The number of things learned.
    pub fn len(&self) -> usize {
        self.equivalences.len() + self.distinct.len() + self.families.len() + self.terms.len()
    }
}

/// Lower case, single spaces.
fn normalise_term(term: &str) -> String {
    term.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

fn short(term: &str) -> bool {
    term.split_whitespace().count() <= MAX_TERM_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equivalences_join_transitively_and_distinct_terms_never_join() {
        let mut l = Learned::default();
        assert!(l.learn_same("livres ouverts", "transparence"));
        assert!(l.learn_same("Transparence", "budgets  clairs"));
        assert_eq!(l.equivalences.len(), 1);
        assert_eq!(l.equivalences[0].terms, vec!["budgets clairs", "livres ouverts", "transparence"]);
        assert!(!l.learn_same("transparence", "livres ouverts"));
        assert!(l.learn_distinct("transparence", "budgets clairs"));
        assert!(l.equivalences.is_empty());
        assert!(!l.learn_same("budgets clairs", "transparence"));
        assert!(!l.learn_same("un deux trois", "six"));
    }

    #[test]
    fn families_and_absorbing() {
        let mut session = Learned::default();
        session.learn_same("fric", "argent");
        session.learn_equivalence_family("fric", 3);
        session.learn_family("transparence", 2);
        let mut user = Learned::default();
        assert_eq!(user.absorb(&session), 3);
        assert_eq!(user.absorb(&session), 0);
        assert_eq!(user.equivalences[0].family, Some(3));
        assert!(user.learn_family("transparence", 3));
        assert_eq!(user.families.len(), 1);
    }
}
