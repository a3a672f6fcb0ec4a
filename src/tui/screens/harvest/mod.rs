//! The Synthèse screen: the conditions grouped by the engine, in their families side by
//! side (stacked on narrow terminals), each with its support and votes; an opened
//! condition with its original wordings and why they were put together; the guided
//! review ([`review`]: one question at a time, the most useful first); astuces and
//! témoignages apart; the charts for the room ([`charts`]).
//!
//! Every change the room asks for (merge, split, family, wording, exclusion, votes,
//! accepted or rejected suggestion) is a decision stored in `session.decisions`, saved
//! at once, and followed by a re-synthesis with the session's one [`crate::synth::Engine`].
//! Each change pushes a copy of the decisions before it, so any of them can be undone.
//!
//! Architecture invariant: this screen never groups proposals itself; what it shows is
//! `engine.synthesize(session)` as of the last change, and what it changes is
//! `session.decisions` only (never a proposal).
//!
//! `state` holds what the screen remembers, `update` changes it, `view` draws the tabs
//! and hands each view to its own file: `board`, `detail`, `review`, `charts`.

mod board;
pub mod charts;
mod detail;
mod labels;
pub mod review;
pub mod state;
pub mod update;
pub mod view;
pub mod vote;
