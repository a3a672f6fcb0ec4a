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
}
