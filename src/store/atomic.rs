//! Atomic file replacement: write a temporary file in the same folder, fsync it, keep
//! the previous version as `NAME.bak`, then rename over the target. A failure at any
//! step leaves the previous file as it was, and no temporary file behind.
//!
//! Temporary files are named after their target (`.NAME.XXXXXX.tmp`), so that what a
//! crash leaves behind can be told apart and dealt with by [`leftovers`]: one backup is
//! kept per file, never more.
//!
//! [`write_atomic_with`] takes a hook called at each [`Step`]; tests use it to make a
//! write fail halfway (a real `std::io::Error` between the temporary write and the
//! rename), which a read-only folder cannot do when the tests run as root.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The backup path of `path`: `NAME.ron` → `NAME.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// A hidden file beside `path` named after it: `NAME.ron` → `.NAME.ron.SUFFIX`.
pub fn sidecar_path(path: &Path, suffix: &str) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.{suffix}"))
}

/// The prefix of the temporary files written for `path`.
fn temp_prefix(path: &Path) -> String {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    format!(".{name}.")
}

/// What a crash left beside `path`: temporary files of its writes, not yet renamed.
#[derive(Debug, Default)]
pub struct Leftovers {
    /// Temporary copies of the new contents (complete or not).
    pub contents: Vec<PathBuf>,
    /// Temporary backups (links to an older version; always safe to remove).
    pub backups: Vec<PathBuf>,
}

/// The temporary files of writes to `path` still in its folder.
pub fn leftovers(path: &Path) -> Leftovers {
    let dir = parent_dir(path);
    let prefix = temp_prefix(path);
    let mut found = Leftovers::default();
    let Ok(entries) = fs::read_dir(&dir) else { return found };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name.strip_prefix(&prefix) else { continue };
        // `rest` is the random part and the suffix: `XXXXXX.tmp` or `XXXXXX.bak.tmp`.
        if rest.ends_with(".bak.tmp") {
            found.backups.push(entry.path());
        } else if rest.ends_with(".tmp") && !rest.contains('/') {
            found.contents.push(entry.path());
        }
    }
    found
}

/// The points of a write where [`write_atomic_with`] calls its hook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The backup's temporary file (a hard link to the current version, or a synced
    /// copy of it) is made, not yet renamed.
    BackupWritten,
    /// The new contents' temporary file is written and synced, not yet renamed.
    TempWritten,
}

/// Writes `contents` to `path` atomically. When `keep_backup` and the file exists, its
/// previous contents are first copied (atomically too) to [`backup_path`].
pub fn write_atomic(path: &Path, contents: &[u8], keep_backup: bool) -> std::io::Result<()> {
    write_atomic_with(path, contents, keep_backup, &mut |_| Ok(()))
}

/// [`write_atomic`], calling `hook` at each [`Step`]; an error from the hook aborts the
/// write there, as a failing disk would.
pub fn write_atomic_with(
    path: &Path,
    contents: &[u8],
    keep_backup: bool,
    hook: &mut dyn FnMut(Step) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = parent_dir(path);
    // A replaced file keeps its permissions (and so does its backup).
    let permissions = fs::metadata(path).ok().filter(|m| m.is_file()).map(|m| m.permissions());
    if keep_backup && path.exists() {
        backup(path, &dir, permissions.clone(), hook)?;
    }
    let tmp = write_temp(path, &dir, contents, permissions)?;
    hook(Step::TempWritten)?;
    tmp.persist(path).map_err(|e| e.error)?;
    sync_dir(&dir);
    Ok(())
}

/// Writes `contents` to `path` only if no file exists there yet (the check and the
/// creation are one step, so a file created meanwhile is never overwritten).
pub fn write_new(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = parent_dir(path);
    let tmp = write_temp(path, &dir, contents, None)?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    sync_dir(&dir);
    Ok(())
}

/// Makes `NAME.bak` the current version of `path`, atomically. The new version is
/// always written to a new file renamed over `path`, so the current file's contents
/// never change afterwards: a hard link to it is a backup that costs no copy. Where
/// hard links are not available the contents are copied.
fn backup(
    path: &Path,
    dir: &Path,
    permissions: Option<fs::Permissions>,
    hook: &mut dyn FnMut(Step) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let target = backup_path(path);
    let link = tempfile::Builder::new()
        .prefix(&temp_prefix(path))
        .suffix(".bak.tmp")
        .make_in(dir, |tmp| fs::hard_link(path, tmp));
    match link {
        Ok(link) => {
            hook(Step::BackupWritten)?;
            link.persist(&target).map_err(|e| e.error)?;
        }
        Err(_) => {
            let previous = fs::read(path)?;
            let tmp = write_temp(path, dir, &previous, permissions)?;
            hook(Step::BackupWritten)?;
            tmp.persist(&target).map_err(|e| e.error)?;
        }
    }
    Ok(())
}

pub(crate) fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A synced temporary file in `dir`, removed when dropped unless persisted. It gets
/// `permissions` when given, else those of a newly created file (`0o666` less the
/// umask) rather than the temporary file's private `0o600`.
fn write_temp(
    target: &Path,
    dir: &Path,
    contents: &[u8],
    permissions: Option<fs::Permissions>,
) -> std::io::Result<tempfile::NamedTempFile> {
    let mut builder = tempfile::Builder::new();
    let prefix = temp_prefix(target);
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(fs::Permissions::from_mode(0o666));
    }
    let mut tmp = builder.tempfile_in(dir)?;
    if let Some(permissions) = permissions {
        tmp.as_file().set_permissions(permissions)?;
    }
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    Ok(tmp)
}

/// Makes a rename durable; not every platform lets a folder be opened, hence no error.
pub(crate) fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}
