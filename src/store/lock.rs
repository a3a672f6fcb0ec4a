//! One writer at a time: an OS lock on a sidecar file beside each session
//! (`.NAME.ron.lock`), taken exclusively to change the session and shared to read it.
//! The lock is released when the [`SessionLock`] is dropped, and by the OS when the
//! process dies, so a crash never leaves a session locked.
//!
//! The lock is on a separate file because the session file itself is replaced by a
//! rename on every full write: a lock on it would be a lock on a file already gone.

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

use fs4::fs_std::FileExt;

/// The lock file of a session: `.NAME.ron.lock` in the same folder.
pub fn lock_path(session: &Path) -> PathBuf {
    super::atomic::sidecar_path(session, "lock")
}

/// A held lock on a session; dropping it releases the lock.
#[derive(Debug)]
pub struct SessionLock {
    file: File,
}

impl SessionLock {
    /// Waits until no other program reads or writes the session, then holds it.
    pub fn exclusive(session: &Path) -> std::io::Result<SessionLock> {
        let file = open(session)?;
        FileExt::lock_exclusive(&file)?;
        Ok(SessionLock { file })
    }

    /// Waits until no program writes the session; others may read meanwhile. `None`
    /// when the lock file cannot be made (a read-only folder): the session is then read
    /// without it, which is safe because every write replaces files by renaming.
    pub fn shared(session: &Path) -> Option<SessionLock> {
        let file = open(session).ok()?;
        FileExt::lock_shared(&file).ok()?;
        Some(SessionLock { file })
    }
}

impl Drop for SessionLock {
    fn drop(&mut self) {
        let _ = FileExt::unlock(&self.file);
    }
}

fn open(session: &Path) -> std::io::Result<File> {
    OpenOptions::new().create(true).truncate(false).read(true).write(true).open(lock_path(session))
}
