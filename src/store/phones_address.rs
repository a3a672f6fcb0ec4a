//! Where phone capture listens, written beside the session (`.NAME.ron.phones`) while
//! the app serves the tables' phones, so that a projector window on the same session
//! can draw the tables' codes too (it knows their tokens from the session file, not
//! the server's address).
//!
//! The serving app holds a shared OS lock on the file for as long as it serves, and
//! removes the file when it stops (dropping the [`PublishedAddress`]). A file left by
//! an app that crashed is held by no one (the OS drops a dead process's locks), so
//! [`read`] ignores it: a projector never shows the codes of a server that is gone.
//!
//! When the file cannot be written (a read-only folder, say), [`PublishError`] names it
//! and the system's reason: the phones work all the same, and the serving app says why
//! projector windows will show no codes.

use std::fs::File;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use fs4::fs_std::FileExt;

/// The address file of a session: `.NAME.ron.phones` in the same folder.
pub fn phones_address_path(session: &Path) -> PathBuf {
    super::atomic::sidecar_path(session, "phones")
}

/// The address file could not be written (or held): which file, and why.
#[derive(Debug)]
pub struct PublishError {
    pub path: PathBuf,
    pub source: std::io::Error,
}

/// The address of a running server, published beside its session; dropping it
/// withdraws the address (the file is removed).
#[derive(Debug)]
pub struct PublishedAddress {
    path: PathBuf,
    file: File,
}

impl PublishedAddress {
    /// Writes `address` beside `session` (atomically) and holds it while serving.
    pub fn publish(session: &Path, address: SocketAddr) -> Result<PublishedAddress, PublishError> {
        let path = phones_address_path(session);
        let held = super::write_atomic(&path, format!("{address}\n").as_bytes(), false)
            .and_then(|()| File::open(&path))
            .and_then(|file| FileExt::lock_shared(&file).map(|()| file));
        match held {
            Ok(file) => Ok(PublishedAddress { path, file }),
            Err(source) => Err(PublishError { path, source }),
        }
    }
}

impl Drop for PublishedAddress {
    fn drop(&mut self) {
        // Removed first, so that no reader finds it unlocked in between.
        let _ = std::fs::remove_file(&self.path);
        let _ = FileExt::unlock(&self.file);
    }
}

/// The address a running app serves `session`'s phones on; `None` when none does
/// (no file, a file no running app holds, or one that does not read as an address).
pub fn read(session: &Path) -> Option<SocketAddr> {
    let path = phones_address_path(session);
    let file = File::open(&path).ok()?;
    // Taking it exclusively succeeds only when no running app holds it.
    if FileExt::try_lock_exclusive(&file).ok()? {
        let _ = FileExt::unlock(&file);
        return None;
    }
    std::fs::read_to_string(&path).ok()?.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address() -> SocketAddr {
        "192.168.1.20:8737".parse().expect("an address")
    }

    #[test]
    fn published_while_held_and_removed_when_dropped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let session = dir.path().join("cafe.ron");
        assert_eq!(read(&session), None);
        let published = PublishedAddress::publish(&session, address()).expect("published");
        assert_eq!(phones_address_path(&session), dir.path().join(".cafe.ron.phones"));
        assert_eq!(read(&session), Some(address()));
        // Read again: reading leaves it published.
        assert_eq!(read(&session), Some(address()));
        drop(published);
        assert!(!phones_address_path(&session).exists());
        assert_eq!(read(&session), None);
        // No backup nor temporary file left beside the session.
        let names: Vec<_> = std::fs::read_dir(dir.path()).expect("folder").flatten().collect();
        assert!(names.is_empty(), "{names:?}");
    }

    #[test]
    fn a_file_no_running_app_holds_is_ignored() {
        // What an app that crashed while serving leaves behind.
        let dir = tempfile::tempdir().expect("temp dir");
        let session = dir.path().join("cafe.ron");
        std::fs::write(phones_address_path(&session), "192.168.1.20:8737\n").expect("written");
        assert_eq!(read(&session), None);
        // A new server publishes over it.
        let _published = PublishedAddress::publish(&session, address()).expect("published");
        assert_eq!(read(&session), Some(address()));
    }

    #[test]
    fn a_file_that_cannot_be_written_is_named_with_the_reason() {
        let dir = tempfile::tempdir().expect("temp dir");
        let session = dir.path().join("cafe.ron");
        // A folder where the file goes: the system refuses to write it, even as root.
        std::fs::create_dir(phones_address_path(&session)).expect("folder made");
        let err = PublishedAddress::publish(&session, address()).expect_err("cannot be written");
        assert_eq!(err.path, phones_address_path(&session));
        assert_eq!(err.source.kind(), std::io::ErrorKind::IsADirectory);
        assert_eq!(read(&session), None);
    }

    #[test]
    fn a_held_file_that_is_not_an_address_is_ignored() {
        let dir = tempfile::tempdir().expect("temp dir");
        let session = dir.path().join("cafe.ron");
        let published = PublishedAddress::publish(&session, address()).expect("published");
        std::fs::write(&published.path, "pas une adresse").expect("written");
        assert_eq!(read(&session), None);
    }
}
