//! Everything that touches files: sessions on disk (versioned RON, atomic writes with a
//! backup, a journal of captures, one writer at a time under a lock), notes import
//! (Markdown and CSV), safe file names, the user's folders (`home`) and the user's own
//! knowledge files (`assets`), and where phone capture listens (`phones_address`).
//!
//! Architecture invariant: only this module (and the exports of the synthèse) knows
//! file formats; a file that fails to load is never written over.

pub mod assets;
pub mod atomic;
pub mod export_file;
pub mod families;
pub mod folders;
pub mod home;
pub mod journal;
pub mod lock;
pub mod names;
pub mod notes;
pub mod participants;
pub mod phones_address;
pub mod reader;
pub mod session_file;
pub mod user_vocabulary;
pub mod writer;

pub use atomic::write_atomic;
pub use names::safe_file_name;
pub use session_file::{StoreError, load, save};
pub use writer::{SessionFile, UpdateError, update_session};
