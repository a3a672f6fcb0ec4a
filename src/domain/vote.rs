//! Dot voting from the participants' phones on the synthèse's conditions: the vote of a
//! session ([`VoteSession`]: open or closed, the dots each ballot holds, the secret of
//! the voting address) and its anonymous ballots. A ballot is a random id the server
//! gives a phone, never a name; each holds at most `dots` dots, which can be moved
//! while the vote is open. Every dot lands in the synthèse's votes through the same
//! rule as the facilitator's (`Decisions::vote`), keyed by the condition's stable
//! proposal id; the rules that change a vote are in [`super::voting`].
//!
//! Without accounts, « one budget per phone » is one budget per ballot: a phone that
//! clears its storage gets a new ballot. [`MAX_BALLOTS`] bounds what that can add.

use serde::{Deserialize, Serialize};

use super::proposal::ProposalId;

/// Dots a ballot holds unless the facilitator says otherwise.
pub const DEFAULT_DOTS: u32 = 3;
/// Fewest and most dots a ballot may hold.
pub const MIN_DOTS: u32 = 1;
pub const MAX_DOTS: u32 = 10;
/// Most ballots one vote gives (a café's room, with room for phones that start over).
pub const MAX_BALLOTS: usize = 300;

/// The vote of a session (`Session::vote`; absent until a vote is first opened).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VoteSession {
    /// The secret in the voting address; kept when the vote is closed and opened again.
    pub token: String,
    /// Phones may vote.
    pub open: bool,
    /// Dots each ballot holds.
    pub dots: u32,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ballots: Vec<Ballot>,
}

/// One phone's ballot: a random id and where its dots are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ballot {
    pub id: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub dots: Vec<BallotDots>,
}

/// The dots a ballot gave one condition (by the proposal id the phone was shown).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotDots {
    pub proposal: ProposalId,
    pub dots: u32,
}

/// Why a vote change was refused; the session is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum VoteError {
    #[error("no vote is open")]
    NotOpen,
    #[error("a ballot holds {MIN_DOTS} to {MAX_DOTS} dots, not {0}")]
    DotsOutOfRange(u32),
    #[error("unknown ballot")]
    UnknownBallot,
    #[error("the vote has its {0} ballots already")]
    BallotsFull(usize),
    #[error("all {0} dots are placed")]
    BudgetSpent(u32),
    #[error("proposal {0} is not a condition")]
    NotACondition(ProposalId),
    #[error("a ballot id is already in use")]
    DuplicateBallot,
}

impl Ballot {
    /// Dots placed on `proposal`.
    pub fn dots_on(&self, proposal: ProposalId) -> u32 {
        self.dots.iter().find(|d| d.proposal == proposal).map_or(0, |d| d.dots)
    }

    /// Dots placed in all.
    pub fn placed(&self) -> u32 {
        self.dots.iter().fold(0, |sum, d| sum.saturating_add(d.dots))
    }
}

impl VoteSession {
    /// The ballot `id`, when this vote gave it.
    pub fn ballot(&self, id: &str) -> Option<&Ballot> {
        self.ballots.iter().find(|b| b.id == id)
    }

    /// Dots placed by every ballot.
    pub fn placed(&self) -> u32 {
        self.ballots.iter().fold(0, |sum, b| sum.saturating_add(b.placed()))
    }
}

/// Checks a number of dots per ballot.
pub fn check_dots(dots: u32) -> Result<u32, VoteError> {
    if (MIN_DOTS..=MAX_DOTS).contains(&dots) { Ok(dots) } else { Err(VoteError::DotsOutOfRange(dots)) }
}
