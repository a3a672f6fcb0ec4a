//! Sessions on disk: pretty RON with `version` first, loaded with located errors and
//! saved atomically with a backup of the previous version.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::atomic::{write_atomic, write_new};
use crate::domain::session::{FORMAT_VERSION, Session};

/// Why a session could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}:{column}: {message}")]
    Parse { path: PathBuf, line: usize, column: usize, message: String },
    #[error("{path}: format version {found} is newer than this program's ({supported})")]
    NewerVersion { path: PathBuf, found: u32, supported: u32 },
    #[error("{path}: not valid UTF-8")]
    NotUtf8 { path: PathBuf },
    #[error("{path}: {message}")]
    Serialize { path: PathBuf, message: String },
    #[error("{path}: the file already exists")]
    AlreadyExists { path: PathBuf },
    #[error("{path}:{line}:{column}: {message}")]
    BadFamilies { path: PathBuf, line: usize, column: usize, message: String },
    #[error("{path}: no family")]
    NoFamilies { path: PathBuf },
    #[error("{path}: the file changed since it was read")]
    ChangedMeanwhile { path: PathBuf },
}

#[derive(Deserialize)]
struct VersionProbe {
    version: u32,
}

/// Reads a session. A file that is not a session gives its line and column.
pub fn load(path: &Path) -> Result<Session, StoreError> {
    load_for_update(path).map(|(session, _)| session)
}

/// What a session file held when it was read, to check before saving over it that no
/// one else (the full-screen app, another command) wrote it meanwhile.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snapshot(Vec<u8>);

/// Reads a session to change it: the session and a [`Snapshot`] for [`save_checked`].
pub fn load_for_update(path: &Path) -> Result<(Session, Snapshot), StoreError> {
    let bytes = fs::read(path).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
    let text = std::str::from_utf8(&bytes).map_err(|_| StoreError::NotUtf8 { path: path.to_path_buf() })?;
    let session = parse(path, text.trim_start_matches('\u{feff}'))?;
    Ok((session, Snapshot(bytes)))
}

/// Parses the text of a session file; `path` is only used in messages.
///
/// The version is checked before anything else: first at the top of the file (cheap),
/// then, should the file not parse, by reading only its `version` field, so that a file
/// written by a newer program says so instead of reporting a syntax error.
pub fn parse(path: &Path, text: &str) -> Result<Session, StoreError> {
    let newer =
        |found: u32| StoreError::NewerVersion { path: path.to_path_buf(), found, supported: FORMAT_VERSION };
    if let Some(found) = scan_version(text).filter(|v| *v > FORMAT_VERSION) {
        return Err(newer(found));
    }
    match ron::from_str::<Session>(text) {
        Ok(session) if session.version > FORMAT_VERSION => Err(newer(session.version)),
        Ok(session) => Ok(session),
        Err(e) => {
            if let Ok(probe) = ron::from_str::<VersionProbe>(text)
                && probe.version > FORMAT_VERSION
            {
                return Err(newer(probe.version));
            }
            let (line, column) = error_position(text, &e);
            Err(StoreError::Parse { path: path.to_path_buf(), line, column, message: e.code.to_string() })
        }
    }
}

/// Where a RON error is, as an editor counts (1-based line and column, in characters):
/// RON's span starts on the white space before the offending token, so that white
/// space is skipped.
pub fn error_position(text: &str, error: &ron::error::SpannedError) -> (usize, usize) {
    let (line, column) = (error.span.start.line.max(1), error.span.start.col.max(1));
    for (index, line_text) in text.lines().enumerate().skip(line - 1) {
        let skip = if index + 1 == line { column - 1 } else { 0 };
        if let Some(offset) = line_text.chars().enumerate().skip(skip).find(|(_, c)| !c.is_whitespace()) {
            return (index + 1, offset.0 + 1);
        }
    }
    // Only white space up to the end: the error is at the end of the file.
    (line, column)
}

/// The `version: N` at the top of a file that does not parse as a whole (a newer
/// program may have written syntax this one does not know).
fn scan_version(text: &str) -> Option<u32> {
    let body = text.trim_start().strip_prefix('(')?;
    let body = body.trim_start().strip_prefix("version")?;
    let body = body.trim_start().strip_prefix(':')?.trim_start();
    let digits: String = body.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

/// The text a session is saved as (pretty RON, `version` first).
pub fn to_text(session: &Session) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new().depth_limit(8).indentor("  ".to_string());
    ron::ser::to_string_pretty(session, config).map(|text| unescape_apostrophes(&text) + "\n")
}

/// RON escapes `'` inside strings as `\'`, which is valid but makes every French
/// sentence harder to read; inside a double-quoted string a bare `'` means the same.
/// RON escapes every `'` and every `\\`, so a `\` right before a `'` is always that
/// quote's own escape, and dropping it is exact. (A session holds no `char` values,
/// the only other place where `\'` could appear.)
fn unescape_apostrophes(text: &str) -> String {
    text.replace("\\'", "'")
}

/// Saves a session atomically, keeping the previous file as `NAME.ron.bak`.
pub fn save(path: &Path, session: &Session) -> Result<(), StoreError> {
    let text = to_text(session)
        .map_err(|e| StoreError::Serialize { path: path.to_path_buf(), message: e.to_string() })?;
    write_atomic(path, text.as_bytes(), true)
        .map_err(|source| StoreError::Io { path: path.to_path_buf(), source })
}

/// Saves a session read with [`load_for_update`], unless the file changed since: then
/// nothing is written and [`StoreError::ChangedMeanwhile`] says so.
pub fn save_checked(path: &Path, session: &Session, read: &Snapshot) -> Result<(), StoreError> {
    let now = fs::read(path).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
    if now != read.0 {
        return Err(StoreError::ChangedMeanwhile { path: path.to_path_buf() });
    }
    save(path, session)
}

/// Saves a new session, refusing to replace any file already at `path`. Missing
/// parent folders are created.
pub fn save_new(path: &Path, session: &Session) -> Result<(), StoreError> {
    let io = |source: std::io::Error| {
        if source.kind() == std::io::ErrorKind::AlreadyExists {
            StoreError::AlreadyExists { path: path.to_path_buf() }
        } else {
            StoreError::Io { path: path.to_path_buf(), source }
        }
    };
    if fs::symlink_metadata(path).is_ok() {
        return Err(StoreError::AlreadyExists { path: path.to_path_buf() });
    }
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
    }
    let text = to_text(session)
        .map_err(|e| StoreError::Serialize { path: path.to_path_buf(), message: e.to_string() })?;
    write_new(path, text.as_bytes()).map_err(io)
}

/// The session files of a folder: `*.ron`, not hidden (temporary files of an atomic
/// write start with a dot), not backups.
pub fn session_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let hidden = path.file_name().and_then(|n| n.to_str()).is_none_or(|n| n.starts_with('.'));
        let is_ron = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron"));
        if is_ron && !hidden && path.is_file() {
            files.push(path);
        }
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apostrophes_are_written_plainly_and_read_back() {
        let escaped = ron::to_string(&"l'a \\' \\\\'").expect("serialises");
        let plain = unescape_apostrophes(&escaped);
        assert!(plain.starts_with("\"l'a "), "{plain}");
        assert_eq!(ron::from_str::<String>(&plain).expect("parses"), "l'a \\' \\\\'");
    }

    #[test]
    fn errors_point_at_the_offending_token() {
        let at = |text: &str| match parse(Path::new("s.ron"), text) {
            Err(StoreError::Parse { line, column, .. }) => (line, column),
            other => panic!("{other:?}"),
        };
        assert_eq!(at("(\n  version: 1,\n  title: Café,\n)"), (3, 10));
        assert_eq!(at("(\n  version: 1, place: \"é à\", title: Café,\n)"), (2, 36));
        assert_eq!(at("(\n  version: 1,\n  title:\n\n    Café,\n)"), (5, 5));
        assert_eq!(at("x"), (1, 1));
    }

    #[test]
    fn the_version_is_found_even_in_a_file_that_does_not_parse() {
        assert_eq!(scan_version("(\n  version: 7,\n  title: NewSyntax!"), Some(7));
        assert_eq!(scan_version("  ( version:12 "), Some(12));
        assert_eq!(scan_version("(title: \"x\", version: 2)"), None);
        assert_eq!(scan_version("garbage"), None);
    }
}
