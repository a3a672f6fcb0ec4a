//! The participants screen (F6): typing who comes, one line each — `name, organisation,
//! table hosted` (the last two optional; `;` or a tab also separate) — or pasting many
//! lines at once from a spreadsheet; editing and removing them; and planning the
//! rotation (`p`), whose quality report is shown below the list. Any change to the
//! people drops the stored plan, made for others. Bad input changes nothing and keeps
//! what was typed.
//!
//! `state` holds what the screen remembers, `update` what its keys do, `view` draws it.

pub mod state;
pub mod update;
pub mod view;
