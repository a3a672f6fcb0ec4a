//! The workshop's data: sessions, tables, the round plan and its clock, proposals,
//! families, the session's own words and the facilitator's synthesis decisions.
//!
//! Architecture invariant: nothing here does IO or knows about the terminal; time is
//! always passed in by the caller.

pub mod clock;
pub mod decisions;
pub mod family;
pub mod knowledge;
pub mod learned;
pub mod merge;
pub mod participant;
pub mod proposal;
pub mod repair;
pub mod schedule;
pub mod session;
pub mod vote;
pub mod voting;

pub use clock::{Clock, Phase, PhaseKind};
pub use decisions::Decisions;
pub use family::Family;
pub use knowledge::{DocumentText, VocabularyAdditions};
pub use learned::Learned;
pub use participant::{Participant, RotationPlan};
pub use proposal::{Kind, Proposal, ProposalId};
pub use schedule::Schedule;
pub use session::{Session, SessionError, Table};
pub use vote::{VoteError, VoteSession};
