//! The one way to change a session on disk. Every change — a command, the full-screen
//! app, any later program — takes the session's lock, reads what is on disk (the file
//! and its journal), applies the change to that, makes it durable, then releases the
//! lock: two programs never write the same session at once, and neither loses what the
//! other wrote. Proposal ids are given under the lock, so never twice.
//!
//! A change that touches only proposals is one fsynced journal line per proposal: its
//! cost does not grow with the session. Any other change, every [`FOLD_EVERY`] journal
//! lines, and [`SessionFile::fold`] (a clean exit) write the whole file atomically with
//! its backup and remove the journal.
//!
//! A file that stops loading, or that a newer program wrote, is never written over: the
//! change is refused with the reason, and the caller keeps its copy. A read-only file
//! is never written either.

use std::fs;
use std::path::{Path, PathBuf};

use super::atomic::{backup_path, leftovers};
use super::journal::{self, Position};
use super::lock::SessionLock;
use super::session_file::{FileVersion, StoreError, read_snapshot, real_path, replay_journal, write_whole};
use crate::domain::Session;
use crate::domain::merge::{Renamed, merge_renaming};
use crate::domain::repair::Repairs;

/// How many journal lines are kept before they are folded into the session file.
pub const FOLD_EVERY: usize = 256;

/// A change refused by the caller's own rule, or a session that could not be read or
/// written.
#[derive(Debug)]
pub enum UpdateError<E> {
    Store(StoreError),
    Refused(E),
}

impl<E> From<StoreError> for UpdateError<E> {
    fn from(err: StoreError) -> Self {
        UpdateError::Store(err)
    }
}

/// Changes the session at `path` with `change`, under its lock, and writes the whole
/// file (a one-shot command leaves no journal behind). Nothing is written when
/// `change` refuses. Returns what `change` returned and the session as written.
pub fn update_session<T, E>(
    path: &Path,
    change: impl FnOnce(&mut Session) -> Result<T, E>,
) -> Result<(T, Session), UpdateError<E>> {
    let mut file = SessionFile::open(path)?;
    file.fold_every = 1;
    let value = file.update(change)?;
    Ok((value, file.known))
}

/// A session file held open by a program: what it last read or wrote there, to read
/// only what changed since.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionFile {
    /// The path as the user gave it (in messages).
    shown: PathBuf,
    /// The file written (symlinks followed).
    real: PathBuf,
    /// The session as on disk after the last read or write.
    known: Session,
    version: Option<FileVersion>,
    journal: Position,
    read_only: bool,
    fold_every: usize,
    /// What was cleaned from the session when it was last read whole.
    repairs: Repairs,
}

impl SessionFile {
    /// Opens a session: recovers what a crash left beside it, then reads it. A file
    /// whose permissions forbid writing is opened read-only.
    pub fn open(path: &Path) -> Result<SessionFile, StoreError> {
        let real = real_path(path);
        let read_only = fs::metadata(&real).is_ok_and(|m| m.permissions().readonly());
        let _lock = if read_only {
            SessionLock::shared(&real)
        } else {
            let lock = SessionLock::exclusive(&real).ok();
            if lock.is_some() {
                recover_leftovers(&real);
            }
            lock
        };
        let (known, version, journal, repairs) = read_all(path, &real)?;
        Ok(SessionFile {
            repairs,
            shown: path.to_path_buf(),
            real,
            known,
            version: Some(version),
            journal,
            read_only,
            fold_every: FOLD_EVERY,
        })
    }

    /// The session as on disk after the last read or write.
    pub fn session(&self) -> &Session {
        &self.known
    }

    pub fn path(&self) -> &Path {
        &self.shown
    }

    /// What was cleaned from the session when it was last read whole.
    pub fn repairs(&self) -> Repairs {
        self.repairs
    }

    /// Whether the file's permissions forbid writing it (it is then never written).
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Applies `change` to the session as it is on disk now, under the lock, and makes
    /// the result durable before returning it. Nothing is written when `change` refuses
    /// or the file cannot be read.
    pub fn update<T, E>(
        &mut self,
        change: impl FnOnce(&mut Session) -> Result<T, E>,
    ) -> Result<T, UpdateError<E>> {
        if self.read_only {
            return Err(UpdateError::Store(StoreError::ReadOnly { path: self.shown.clone() }));
        }
        let _lock = self.lock()?;
        self.refresh()?;
        let mut changed = self.known.clone();
        let value = change(&mut changed).map_err(UpdateError::Refused)?;
        self.persist(changed)?;
        Ok(value)
    }

    /// Saves `mine`, a copy of the session changed since it was read from this file:
    /// its changes are merged with what other programs wrote meanwhile (see
    /// [`crate::domain::merge`]). Returns the ids of `mine`'s new proposals that another
    /// program had given meanwhile, and what they became; [`SessionFile::session`] is
    /// then the session as on disk.
    pub fn save_merged(&mut self, mine: &Session) -> Result<Vec<Renamed>, StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly { path: self.shown.clone() });
        }
        let _lock = self.lock()?;
        // The copy `mine` started from is what this file last held; it is only copied
        // when another program changed the file since.
        let base = self.changed_on_disk().then(|| self.known.clone());
        self.refresh()?;
        let (merged, renamed) = merge_renaming(base.as_ref().unwrap_or(&self.known), mine, &self.known);
        self.persist(merged)?;
        Ok(renamed)
    }

    /// Reads what other programs wrote since the last read or write, under the lock.
    pub fn refresh_now(&mut self) -> Result<&Session, StoreError> {
        let _lock = SessionLock::shared(&self.real);
        self.refresh()?;
        Ok(&self.known)
    }

    /// Folds the journal into the session file (on a clean exit): the file alone then
    /// holds everything.
    pub fn fold(&mut self) -> Result<(), StoreError> {
        if self.read_only || !journal::journal_path(&self.real).exists() {
            return Ok(());
        }
        let _lock = self.lock()?;
        self.refresh()?;
        self.write_whole()
    }

    fn lock(&self) -> Result<SessionLock, StoreError> {
        SessionLock::exclusive(&self.real)
            .map_err(|source| StoreError::Io { path: self.shown.clone(), source })
    }

    /// Whether the file or its journal changed since this program last read or wrote.
    fn changed_on_disk(&self) -> bool {
        let journal_len = fs::metadata(journal::journal_path(&self.real)).map_or(0, |m| m.len());
        FileVersion::now(&self.real) != self.version || journal_len != self.journal.bytes
    }

    /// Brings `known` up to date with the disk: only the new journal lines when the
    /// session file is the one read last, else everything.
    fn refresh(&mut self) -> Result<(), StoreError> {
        let now = FileVersion::now(&self.real);
        let journal_len = fs::metadata(journal::journal_path(&self.real)).map_or(0, |m| m.len());
        if now.is_some() && now == self.version && journal_len >= self.journal.bytes {
            self.journal = replay_journal(&self.shown, &self.real, &mut self.known, self.journal)?;
            Ok(())
        } else {
            self.reload()
        }
    }

    fn reload(&mut self) -> Result<(), StoreError> {
        let (session, version, journal, repairs) = read_all(&self.shown, &self.real)?;
        self.repairs = repairs;
        self.known = session;
        self.version = Some(version);
        self.journal = journal;
        Ok(())
    }

    /// Makes `changed` durable: journal lines when only proposals changed, else (or
    /// when the journal is long enough) the whole file.
    fn persist(&mut self, changed: Session) -> Result<(), StoreError> {
        let entries = journal::entries_between(&self.known, &changed);
        self.known = changed;
        match entries {
            Some(entries) if entries.is_empty() => Ok(()),
            Some(entries) if self.journal.lines + entries.len() < self.fold_every => {
                self.journal = journal::append(&self.real, self.journal, &entries)
                    .map_err(|source| StoreError::Io { path: journal::journal_path(&self.shown), source })?;
                Ok(())
            }
            _ => self.write_whole(),
        }
    }

    fn write_whole(&mut self) -> Result<(), StoreError> {
        write_whole(&self.shown, &self.real, &self.known)?;
        self.version = FileVersion::now(&self.real);
        self.journal = Position::default();
        Ok(())
    }
}

/// The session file with its whole journal replayed over it, cleaned.
fn read_all(shown: &Path, real: &Path) -> Result<(Session, FileVersion, Position, Repairs), StoreError> {
    let (mut session, version) = read_snapshot(shown, real)?;
    let journal = replay_journal(shown, real, &mut session, Position::default())?;
    let repairs = session.repair(chrono::Utc::now());
    Ok((session, version, journal, repairs))
}

/// Deals with the temporary files a crash left beside a session (called under its
/// lock, so none of them is being written): a complete session newer than the file
/// replaces it (the file kept as its backup); anything else is removed.
fn recover_leftovers(real: &Path) {
    let found = leftovers(real);
    for backup in found.backups {
        let _ = fs::remove_file(backup);
    }
    let current = fs::metadata(real).and_then(|m| m.modified()).ok();
    for temp in found.contents {
        let modified = fs::metadata(&temp).and_then(|m| m.modified()).ok();
        let newer = matches!((modified, current), (Some(t), Some(c)) if t > c);
        let complete = read_snapshot(&temp, &temp).is_ok();
        if newer && complete {
            let _ = fs::remove_file(backup_path(real));
            let _ = fs::hard_link(real, backup_path(real));
            if fs::rename(&temp, real).is_ok() {
                continue;
            }
        }
        let _ = fs::remove_file(temp);
    }
}
