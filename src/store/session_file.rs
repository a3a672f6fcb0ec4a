//! Sessions on disk: pretty RON with `version` first, loaded with located errors and
//! saved atomically with a backup of the previous version. Reading a session replays
//! its journal (see [`super::journal`]); changing one goes through
//! [`super::writer`].

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::atomic::{write_atomic, write_new};
use super::journal;
use super::lock::SessionLock;
use crate::domain::repair::Repairs;
use crate::domain::session::{FORMAT_VERSION, Session};

/// The largest session file read (a café of a thousand tables holds far less); a larger
/// file, or a device that never ends, is refused before being read.
pub const MAX_SESSION_BYTES: u64 = 64 * 1024 * 1024;

/// Why a session could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}:{column}: {message}")]
    Parse { path: PathBuf, line: usize, column: usize, message: String },
    #[error("{path}: format version {found} is newer than this program's ({supported})")]
    NewerVersion { path: PathBuf, found: u32, supported: u32 },
    #[error("{path}:{line}:{column}: not valid UTF-8")]
    NotUtf8 { path: PathBuf, line: usize, column: usize },
    #[error("{path}: UTF-16 text")]
    Utf16 { path: PathBuf },
    #[error("{path}: {size} bytes, more than {limit}")]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error("{path}: not a regular file")]
    NotAFile { path: PathBuf },
    #[error("{path}: read-only")]
    ReadOnly { path: PathBuf },
    #[error("{path}:{line}: {message}")]
    BadJournal { path: PathBuf, line: usize, message: String },
    #[error("{path}:{line}: proposal id {id} appears twice")]
    DuplicateId { path: PathBuf, line: usize, id: u64 },
    #[error("{path}: {message}")]
    Serialize { path: PathBuf, message: String },
    #[error("{path}: the file already exists")]
    AlreadyExists { path: PathBuf },
    #[error("{path}:{line}:{column}: {message}")]
    BadFamilies { path: PathBuf, line: usize, column: usize, message: String },
    #[error("{path}: no family")]
    NoFamilies { path: PathBuf },
}

impl StoreError {
    /// Whether the file is in a state this program must not write over (it does not
    /// load, a newer program wrote it, it is read-only): a program holding the session
    /// stops writing to it, where a failed write (a full disk) is worth trying again.
    pub fn stops_writing(&self) -> bool {
        use StoreError as E;
        match self {
            E::Parse { .. }
            | E::NewerVersion { .. }
            | E::NotUtf8 { .. }
            | E::Utf16 { .. }
            | E::TooLarge { .. }
            | E::NotAFile { .. }
            | E::ReadOnly { .. }
            | E::BadJournal { .. }
            | E::DuplicateId { .. } => true,
            E::Io { .. }
            | E::Serialize { .. }
            | E::AlreadyExists { .. }
            | E::BadFamilies { .. }
            | E::NoFamilies { .. } => false,
        }
    }
}

#[derive(Deserialize)]
struct VersionProbe {
    version: u32,
}

/// Reads a session: its file, then its journal replayed over it. A file that is not a
/// session gives its line and column; nothing is ever written.
pub fn load(path: &Path) -> Result<Session, StoreError> {
    load_repaired(path).map(|(session, _)| session)
}

/// [`load`], with what was cleaned from the session as it was read (see
/// [`crate::domain::repair`]) so that the user can be told.
pub fn load_repaired(path: &Path) -> Result<(Session, Repairs), StoreError> {
    let real = real_path(path);
    let _lock = SessionLock::shared(&real);
    let (mut session, _) = read_snapshot(path, &real)?;
    replay_journal(path, &real, &mut session, journal::Position::default())?;
    let repairs = session.repair(chrono::Utc::now());
    Ok((session, repairs))
}

/// The file a path names: symlinks are followed, so that a session reached through a
/// link is written in place, the link kept.
pub fn real_path(path: &Path) -> PathBuf {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link { fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()) } else { path.to_path_buf() }
}

/// What identifies one version of a session file: a full write renames a new file
/// into place, a hand edit changes the size or the time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileVersion {
    len: u64,
    modified: Option<std::time::SystemTime>,
    #[cfg(unix)]
    inode: (u64, u64),
}

impl FileVersion {
    pub fn of(metadata: &fs::Metadata) -> FileVersion {
        FileVersion {
            len: metadata.len(),
            modified: metadata.modified().ok(),
            #[cfg(unix)]
            inode: {
                use std::os::unix::fs::MetadataExt;
                (metadata.dev(), metadata.ino())
            },
        }
    }

    /// The version of the file at `real` now, if it is there.
    pub fn now(real: &Path) -> Option<FileVersion> {
        fs::metadata(real).ok().map(|m| FileVersion::of(&m))
    }
}

/// Reads and parses the session file itself (without its journal). `shown` is the
/// path as the user gave it, used in messages; `real` the file read.
pub fn read_snapshot(shown: &Path, real: &Path) -> Result<(Session, FileVersion), StoreError> {
    let io = |source| StoreError::Io { path: shown.to_path_buf(), source };
    let mut file = fs::File::open(real).map_err(io)?;
    let metadata = file.metadata().map_err(io)?;
    if !metadata.is_file() {
        return Err(StoreError::NotAFile { path: shown.to_path_buf() });
    }
    if metadata.len() > MAX_SESSION_BYTES {
        return Err(StoreError::TooLarge {
            path: shown.to_path_buf(),
            size: metadata.len(),
            limit: MAX_SESSION_BYTES,
        });
    }
    let mut bytes = Vec::new();
    file.by_ref().take(MAX_SESSION_BYTES + 1).read_to_end(&mut bytes).map_err(io)?;
    let text = decode(shown, &bytes)?;
    let session = parse(shown, text)?;
    check_unique_ids(shown, text, &session)?;
    Ok((session, FileVersion::of(&metadata)))
}

/// Replays the journal from `from` over `session`; a damaged line is refused, located.
pub fn replay_journal(
    shown: &Path,
    real: &Path,
    session: &mut Session,
    from: journal::Position,
) -> Result<journal::Position, StoreError> {
    journal::replay(real, session, from).map_err(|e| match e {
        journal::ReadError::Io(source) => StoreError::Io { path: journal::journal_path(shown), source },
        journal::ReadError::Bad { line, message } => {
            StoreError::BadJournal { path: journal::journal_path(shown), line, message }
        }
    })
}

/// The text of a session (or families) file: UTF-8, with or without a byte-order mark. Invalid
/// UTF-8 is located at its first bad byte; UTF-16 is named as such.
pub(crate) fn decode<'a>(path: &Path, bytes: &'a [u8]) -> Result<&'a str, StoreError> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(StoreError::Utf16 { path: path.to_path_buf() });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.trim_start_matches('\u{feff}')),
        Err(e) => {
            let good = &bytes[..e.valid_up_to()];
            let line = good.iter().filter(|b| **b == b'\n').count() + 1;
            let line_start = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
            let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
            Err(StoreError::NotUtf8 { path: path.to_path_buf(), line, column })
        }
    }
}

/// Refuses a file where two proposals share an id (a hand edit, a bad copy and paste):
/// a deletion or a decision would then name both. Located at the second one.
fn check_unique_ids(path: &Path, text: &str, session: &Session) -> Result<(), StoreError> {
    let mut seen = std::collections::HashSet::new();
    let Some(twice) = session.proposals.iter().map(|p| p.id.0).find(|id| !seen.insert(*id)) else {
        return Ok(());
    };
    let line = text
        .lines()
        .enumerate()
        .filter(|(_, l)| {
            let l = l.trim_start();
            l.strip_prefix("id:").is_some_and(|rest| rest.trim().trim_end_matches(',') == twice.to_string())
        })
        .nth(1)
        .map_or(1, |(index, _)| index + 1);
    Err(StoreError::DuplicateId { path: path.to_path_buf(), line, id: twice })
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
pub fn unescape_apostrophes(text: &str) -> String {
    text.replace("\\'", "'")
}

/// Writes a whole session atomically, keeping the previous file as `NAME.ron.bak`,
/// then removes its journal (now folded in). `shown` names the file in messages;
/// `real` is written. Changes to an existing session go through
/// [`super::writer::SessionFile`], which calls this under the session's lock.
pub fn write_whole(shown: &Path, real: &Path, session: &Session) -> Result<(), StoreError> {
    let text = to_text(session)
        .map_err(|e| StoreError::Serialize { path: shown.to_path_buf(), message: e.to_string() })?;
    write_atomic(real, text.as_bytes(), true)
        .map_err(|source| StoreError::Io { path: shown.to_path_buf(), source })?;
    journal::remove(real).map_err(|source| StoreError::Io { path: journal::journal_path(shown), source })
}

/// Writes a whole session to `path` under its lock, whatever the file held (used to
/// prepare files; a program changing a session uses [`super::writer::update_session`]).
pub fn save(path: &Path, session: &Session) -> Result<(), StoreError> {
    let real = real_path(path);
    let _lock = SessionLock::exclusive(&real)
        .map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
    write_whole(path, &real, session)
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
