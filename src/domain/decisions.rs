//! The facilitator's synthesis decisions, stored in the session and keyed by stable
//! proposal ids, so that re-running the synthèse after new proposals arrive never undoes
//! one. A condition is designated by any proposal it contains (its "anchor").

use serde::{Deserialize, Serialize};

use super::proposal::ProposalId;

/// Two proposals that a decision ties together or keeps apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Pair {
    pub a: ProposalId,
    pub b: ProposalId,
}

impl Pair {
    /// The pair with its smaller id first, so that `(a, b)` and `(b, a)` compare equal.
    pub fn new(a: ProposalId, b: ProposalId) -> Pair {
        if a <= b { Pair { a, b } } else { Pair { a: b, b: a } }
    }

    pub fn contains(&self, id: ProposalId) -> bool {
        self.a == id || self.b == id
    }
}

/// A proposal split out of the condition it was in: it stays apart from each proposal
/// listed, whatever the similarity says.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Split {
    pub proposal: ProposalId,
    pub apart_from: Vec<ProposalId>,
}

/// The family the facilitator chose for the condition containing `proposal`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FamilyChoice {
    pub proposal: ProposalId,
    pub family: u8,
}

/// A wording the facilitator wrote for the condition containing `proposal`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Wording {
    pub proposal: ProposalId,
    pub text: String,
}

/// Dot votes given to the condition containing `proposal`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Votes {
    pub proposal: ProposalId,
    pub votes: u32,
}

/// Every decision the facilitator took on the synthèse.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Decisions {
    /// Proposals put in the same condition (a merge, or an accepted suggestion).
    #[serde(default)]
    pub merges: Vec<Pair>,
    /// Proposals split out of their condition.
    #[serde(default)]
    pub splits: Vec<Split>,
    /// Merge suggestions the facilitator rejected: the two stay apart.
    #[serde(default)]
    pub rejected: Vec<Pair>,
    #[serde(default)]
    pub families: Vec<FamilyChoice>,
    #[serde(default)]
    pub wordings: Vec<Wording>,
    /// Conditions left out of the synthèse (by any member proposal).
    #[serde(default)]
    pub exclusions: Vec<ProposalId>,
    #[serde(default)]
    pub votes: Vec<Votes>,
}

impl Decisions {
    pub fn is_empty(&self) -> bool {
        self == &Decisions::default()
    }

    /// Puts `a` and `b` in the same condition (a merge, or an accepted suggestion).
    /// Any earlier decision keeping them apart is withdrawn.
    pub fn merge(&mut self, a: ProposalId, b: ProposalId) {
        if a == b {
            return;
        }
        let pair = Pair::new(a, b);
        self.rejected.retain(|p| *p != pair);
        for split in &mut self.splits {
            if split.proposal == a {
                split.apart_from.retain(|x| *x != b);
            } else if split.proposal == b {
                split.apart_from.retain(|x| *x != a);
            }
        }
        self.splits.retain(|s| !s.apart_from.is_empty());
        if !self.merges.contains(&pair) {
            self.merges.push(pair);
        }
    }

    /// Takes `proposal` out of its condition: it stays apart from each of `others`
    /// (the other members of the condition it was in). Earlier merges tying it to one
    /// of them are withdrawn.
    pub fn split(&mut self, proposal: ProposalId, others: &[ProposalId]) {
        let others: Vec<ProposalId> = others.iter().copied().filter(|o| *o != proposal).collect();
        if others.is_empty() {
            return;
        }
        self.merges.retain(|p| !(p.contains(proposal) && others.iter().any(|o| p.contains(*o))));
        match self.splits.iter_mut().find(|s| s.proposal == proposal) {
            Some(split) => {
                for other in others {
                    if !split.apart_from.contains(&other) {
                        split.apart_from.push(other);
                    }
                }
            }
            None => self.splits.push(Split { proposal, apart_from: others }),
        }
    }

    /// Rejects a merge suggestion: `a` and `b` stay apart.
    pub fn reject(&mut self, a: ProposalId, b: ProposalId) {
        if a == b {
            return;
        }
        let pair = Pair::new(a, b);
        self.merges.retain(|p| *p != pair);
        if !self.rejected.contains(&pair) {
            self.rejected.push(pair);
        }
    }

    /// Chooses the family of the condition containing `proposal`. Earlier choices
    /// keyed by the same proposal are replaced.
    pub fn set_family(&mut self, proposal: ProposalId, family: u8) {
        self.families.retain(|f| f.proposal != proposal);
        self.families.push(FamilyChoice { proposal, family });
    }

    /// Removes the family choices keyed by any of these proposals (back to automatic).
    pub fn clear_family(&mut self, members: &[ProposalId]) {
        self.families.retain(|f| !members.contains(&f.proposal));
    }

    /// Sets the wording of the condition containing `proposal`; an empty text removes
    /// the facilitator's wording (back to the automatic one).
    pub fn set_wording(&mut self, proposal: ProposalId, text: &str) {
        self.wordings.retain(|w| w.proposal != proposal);
        let text = text.trim();
        if !text.is_empty() {
            self.wordings.push(Wording { proposal, text: text.to_string() });
        }
    }

    /// Leaves the condition containing `proposal` out of the synthèse.
    pub fn exclude(&mut self, proposal: ProposalId) {
        if !self.exclusions.contains(&proposal) {
            self.exclusions.push(proposal);
        }
    }

    /// Brings a condition back: removes the exclusions keyed by any of its members.
    pub fn include(&mut self, members: &[ProposalId]) {
        self.exclusions.retain(|p| !members.contains(p));
    }

    /// Adds `delta` dot votes (negative to remove) to the condition containing
    /// `proposal`; a count never goes below zero.
    pub fn vote(&mut self, proposal: ProposalId, delta: i32) {
        let current = self.votes.iter().find(|v| v.proposal == proposal).map_or(0, |v| v.votes);
        let next = if delta >= 0 {
            current.saturating_add(delta.unsigned_abs())
        } else {
            current.saturating_sub(delta.unsigned_abs())
        };
        self.votes.retain(|v| v.proposal != proposal);
        if next > 0 {
            self.votes.push(Votes { proposal, votes: next });
        }
    }

    /// Every proposal id a decision refers to.
    pub fn referenced(&self) -> Vec<ProposalId> {
        let mut ids: Vec<ProposalId> = Vec::new();
        for p in self.merges.iter().chain(&self.rejected) {
            ids.extend([p.a, p.b]);
        }
        for s in &self.splits {
            ids.push(s.proposal);
            ids.extend(&s.apart_from);
        }
        ids.extend(self.families.iter().map(|f| f.proposal));
        ids.extend(self.wordings.iter().map(|w| w.proposal));
        ids.extend(&self.exclusions);
        ids.extend(self.votes.iter().map(|v| v.proposal));
        ids.sort();
        ids.dedup();
        ids
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(n: u64) -> ProposalId {
        ProposalId(n)
    }

    #[test]
    fn a_later_decision_replaces_the_contradicting_earlier_one() {
        let mut d = Decisions::default();
        d.reject(p(1), p(2));
        d.merge(p(2), p(1));
        assert!(d.rejected.is_empty());
        assert_eq!(d.merges, vec![Pair::new(p(1), p(2))]);
        d.split(p(1), &[p(2), p(3)]);
        assert!(d.merges.is_empty());
        d.merge(p(1), p(3));
        assert_eq!(d.splits[0].apart_from, vec![p(2)]);
    }

    #[test]
    fn votes_family_wording_and_exclusion() {
        let mut d = Decisions::default();
        d.vote(p(1), 3);
        d.vote(p(1), -5);
        assert!(d.votes.is_empty());
        d.vote(p(1), 2);
        assert_eq!(d.votes[0].votes, 2);
        d.set_family(p(1), 2);
        d.set_family(p(1), 3);
        assert_eq!(d.families, vec![FamilyChoice { proposal: p(1), family: 3 }]);
        d.set_wording(p(1), "  Nouvelle formulation ");
        assert_eq!(d.wordings[0].text, "Nouvelle formulation");
        d.set_wording(p(1), "");
        assert!(d.wordings.is_empty());
        d.exclude(p(4));
        d.include(&[p(4), p(5)]);
        assert!(d.exclusions.is_empty());
        assert_eq!(d.referenced(), vec![p(1)]);
    }
}
