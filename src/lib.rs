//! cafe — run a café du savoir (World Café) on a projector and harvest what the tables
//! said into a deduplicated synthèse mapped onto three families.
//!
//! See ARCHITECTURE.md for the map of the modules.

#![forbid(unsafe_code)]

pub mod cli;
pub mod commands;
pub mod domain;
pub mod export;
pub mod i18n;
pub mod plan;
pub mod serve;
pub mod store;
pub mod synth;
pub mod text;
pub mod tui;
