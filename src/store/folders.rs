//! Folders and file dates for the commands: making the sessions folder, and when a file
//! was last written (to sort sessions that carry no date of their own).

use std::path::Path;
use std::time::SystemTime;

/// Makes `dir` and its parents if they are missing.
pub fn ensure_folder(dir: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)
}

/// When the file at `path` was last written, if the system can tell.
pub fn last_written(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}
