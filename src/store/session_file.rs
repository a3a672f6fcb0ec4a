//! Sessions on disk: pretty RON with `version` first, loaded with located errors and
//! saved atomically with a backup of the previous version.

use std::fs;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::atomic::write_atomic;
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
    if let Ok(probe) = ron::from_str::<VersionProbe>(text)
        && probe.version > FORMAT_VERSION
    {
        return Err(StoreError::NewerVersion {
            path: path.to_path_buf(),
            found: probe.version,
            supported: FORMAT_VERSION,
        });
    }
    ron::from_str::<Session>(text).map_err(|e| StoreError::Parse {
        path: path.to_path_buf(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    })
}

/// The text a session is saved as (pretty RON, `version` first).
pub fn to_text(session: &Session) -> Result<String, ron::Error> {
    let config = ron::ser::PrettyConfig::new().depth_limit(8).indentor("  ".to_string());
    ron::ser::to_string_pretty(session, config).map(|text| text + "\n")
}

/// Saves a session atomically, keeping the previous file as `NAME.ron.bak`.
pub fn save(path: &Path, session: &Session) -> Result<(), StoreError> {
    let text = to_text(session)
        .map_err(|e| StoreError::Serialize { path: path.to_path_buf(), message: e.to_string() })?;
    write_atomic(path, text.as_bytes(), true)
        .map_err(|source| StoreError::Io { path: path.to_path_buf(), source })
}
