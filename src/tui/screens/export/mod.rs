//! The export screen: the synthèse in every format of `cafe synth` (HTML, Word,
//! Markdown, the working version, workbook, CSV, JSON, RON) and the raw proposals as
//! Markdown or CSV notes (which `cafe import` reads back), and the printable table
//! cards (QR code and address of each table's phone page, phone capture on), into
//! `exports/` beside the session file or to a path typed in (an existing file is
//! replaced only once confirmed); it says where it wrote.
//!
//! `state` holds what the screen remembers, `update` what its keys do, `view` draws it.

pub mod state;
pub mod update;
pub mod view;
