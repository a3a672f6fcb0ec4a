//! The synthèse: normalise French proposals, measure their similarity, group the
//! paraphrases across tables, map each group onto a family, and apply the facilitator's
//! decisions.
//!
//! Architecture invariant: no IO and no terminal here; the same proposals in any order
//! give the same synthèse.
