//! The setup screen: title, date, place, facilitator; rounds and their durations, move
//! and harvest time, auto-advance; tables added, edited, reordered and removed. Every
//! value is checked when it is validated: a refused value leaves the session unchanged,
//! stays in the field to be corrected, and the message says why.
//!
//! `state` holds what the screen remembers, `update` what its keys do, `view` draws it.

pub mod state;
pub mod update;
pub mod view;
