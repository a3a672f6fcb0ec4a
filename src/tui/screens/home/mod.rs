//! The home screen: the sessions of the folder, newest first, with their date, tables
//! and proposals; open, new, duplicate as a template, delete into `.trash/`. A file
//! that does not load is listed with its located error and can be neither opened nor
//! overwritten from here.
//!
//! `state` holds what the screen remembers, `update` what its keys do, `view` draws it.

pub mod state;
pub mod update;
pub mod view;
