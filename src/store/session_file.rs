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
}

#[derive(Deserialize)]
struct VersionProbe {
    version: u32,
}

/// Reads a session. A file that is not a session gives its line and column.
pub fn load(path: &Path) -> Result<Session, StoreError> {
    let bytes = fs::read(path).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
    let text = String::from_utf8(bytes).map_err(|_| StoreError::NotUtf8 { path: path.to_path_buf() })?;
    parse(path, text.trim_start_matches('\u{feff}'))
}

/// Parses the text of a session file; `path` is only used in messages.
pub fn parse(path: &Path, text: &str) -> Result<Session, StoreError> {
    let version =
        ron::from_str::<VersionProbe>(text).map(|probe| probe.version).ok().or_else(|| scan_version(text));
    if let Some(found) = version
        && found > FORMAT_VERSION
    {
        return Err(StoreError::NewerVersion { path: path.to_path_buf(), found, supported: FORMAT_VERSION });
    }
    ron::from_str::<Session>(text).map_err(|e| StoreError::Parse {
        path: path.to_path_buf(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })
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
/// sentence harder to read. Inside a double-quoted string a bare `'` means the same, so
/// the escape is dropped. (A session holds no `char` values, the only other place
/// where `\'` could appear.)
fn unescape_apostrophes(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('\'') => out.push('\''),
                Some(next) => {
                    out.push(c);
                    out.push(next);
                }
                None => out.push(c),
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Saves a session atomically, keeping the previous file as `NAME.ron.bak`.
pub fn save(path: &Path, session: &Session) -> Result<(), StoreError> {
    let text = to_text(session)
        .map_err(|e| StoreError::Serialize { path: path.to_path_buf(), message: e.to_string() })?;
    write_atomic(path, text.as_bytes(), true)
        .map_err(|source| StoreError::Io { path: path.to_path_buf(), source })
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
        fs::create_dir_all(parent).map_err(io)?;
    }
    let text = to_text(session)
        .map_err(|e| StoreError::Serialize { path: path.to_path_buf(), message: e.to_string() })?;
    write_new(path, text.as_bytes()).map_err(io)
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
    fn the_version_is_found_even_in_a_file_that_does_not_parse() {
        assert_eq!(scan_version("(\n  version: 7,\n  title: NewSyntax!"), Some(7));
        assert_eq!(scan_version("  ( version:12 "), Some(12));
        assert_eq!(scan_version("(title: \"x\", version: 2)"), None);
        assert_eq!(scan_version("garbage"), None);
    }
}
