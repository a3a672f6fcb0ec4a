//! Atomic file replacement: write a temporary file in the same folder, fsync it, keep
//! the previous version as `NAME.bak`, then rename over the target. A failure at any
//! step leaves the previous file as it was.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The backup path of `path`: `NAME.ron` → `NAME.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Writes `contents` to `path` atomically. When `keep_backup` and the file exists, its
/// previous contents are first copied (atomically too) to [`backup_path`].
pub fn write_atomic(path: &Path, contents: &[u8], keep_backup: bool) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if keep_backup && path.exists() {
        let previous = fs::read(path)?;
        replace(&dir, &backup_path(path), &previous)?;
    }
    replace(&dir, path, contents)
}

fn replace(dir: &Path, target: &Path, contents: &[u8]) -> std::io::Result<()> {
    let mut tmp = tempfile::Builder::new().prefix(".cafe-").suffix(".tmp").tempfile_in(dir)?;
    tmp.write_all(contents)?;
    tmp.as_file().sync_all()?;
    tmp.persist(target).map_err(|e| e.error)?;
    // Make the rename itself durable; not every platform lets a folder be opened.
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}
