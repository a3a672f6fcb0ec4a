//! What `update` asks the outside world to do, as plain data: save the session, read
//! the folder, load, create, duplicate and trash session files, write exports and
//! settings, sound the clock's events. [`crate::tui::perform`] does it.
//!
//! Architecture invariant: this module imports nothing of the app but the names of the
//! export files, so every screen can ask for effects without knowing how they are done.

use std::path::PathBuf;

use super::export_files::ExportEntry;
use crate::domain::Session;

/// A side effect requested by `update`.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// Write the open session's changes to its file, merged with what other programs
    /// wrote meanwhile (under the session's lock).
    Save,
    /// Fold the journal of the session file left (a clean exit): the file alone then
    /// holds everything.
    Fold(PathBuf),
    /// Save the open session as a new file (its own file cannot be written).
    SaveElsewhere(PathBuf),
    /// Read the sessions folder.
    Scan,
    /// Read a session file.
    Load(PathBuf),
    /// Write a new session file in the sessions folder, under a free name from `stem`.
    Create { stem: String, session: Box<Session> },
    /// Copy a session as a template (same tables and schedule, no proposals).
    Duplicate { source: PathBuf, title: String },
    /// Move a session file (and its backup) into `.trash/`.
    Trash(PathBuf),
    /// Write exports of the open session (a typed `target` that exists is replaced only
    /// when `replace`: the facilitator confirmed).
    Export { files: Vec<ExportEntry>, target: Option<PathBuf>, replace: bool },
    /// Read the open session's file again if it changed (a projector window follows
    /// the facilitator's).
    Follow,
    /// Read again where the facilitator's window serves phones, if it does (a
    /// projector window draws the tables' codes while it does).
    FollowPhones,
    /// Remember the settings.
    SaveSettings,
    /// Read the user's vocabulary file of the sessions folder (what earlier cafés'
    /// reviews taught), for the open session's engine.
    ReadUserVocabulary,
    /// Add what the open session's review learned to the user's vocabulary file of the
    /// sessions folder.
    PromoteVocabulary,
    /// Turn phone capture on (`true`: serve the open session to the tables' phones) or
    /// off.
    Phones(bool),
    /// Draw a new secret for this table's phone address (randomness from the system).
    NewPhoneToken(u32),
    /// Make the secret of the voting address for a vote of this many dots per phone.
    VoteToken(u32),
    /// Ring the terminal bell.
    Bell,
    /// Sound a clock event: the bell and the event's command, as the settings say.
    Sound(SoundEvent),
}

/// The clock's events that make a sound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SoundEvent {
    /// A phase reached zero.
    PhaseEnd,
    /// A round is a few minutes from its end.
    Warning,
}
