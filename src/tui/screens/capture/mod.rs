//! The capture screen: one tab per table plus a tab with every table, the current
//! round preselected from the clock; what is typed becomes a proposal on Enter (saved
//! at once). Proposals can be edited, given another kind, moved to another table and
//! deleted; every such change can be undone.
//!
//! `state` holds what the screen remembers, `update` what its keys do, `view` draws it.

pub mod state;
pub mod update;
pub mod view;
