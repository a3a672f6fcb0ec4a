//! The user's vocabulary file: what the guided review learned in past cafés and the
//! facilitator chose to keep (`.cafe-vocabulary.ron` in the sessions folder, beside the
//! sessions, like the app's settings). Read with located errors (a broken file is
//! reported and never written over) and written atomically with a backup.

use std::path::{Path, PathBuf};

use crate::domain::Learned;

/// The file's name in the sessions folder.
pub const USER_VOCABULARY_FILE: &str = ".cafe-vocabulary.ron";

/// Why the user's vocabulary could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum VocabularyFileError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}:{column}: {message}")]
    Parse { path: PathBuf, line: usize, column: usize, message: String },
}

/// The user's vocabulary file for the sessions of the folder holding `session`.
pub fn path_for(session: &Path) -> PathBuf {
    let dir = session.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    dir.join(USER_VOCABULARY_FILE)
}

/// Reads the user's vocabulary; a missing file is an empty vocabulary.
pub fn load(path: &Path) -> Result<Learned, VocabularyFileError> {
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Learned::default()),
        Err(source) => return Err(VocabularyFileError::Io { path: path.to_path_buf(), source }),
    };
    ron::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        let (line, column) = super::session_file::error_position(&text, &e);
        VocabularyFileError::Parse { path: path.to_path_buf(), line, column, message: e.code.to_string() }
    })
}

/// Adds `learned` to the user's vocabulary file (created if missing) and returns how
/// many entries were new. A file that does not load is left untouched.
pub fn promote(path: &Path, learned: &Learned) -> Result<usize, VocabularyFileError> {
    let mut user = load(path)?;
    let added = user.absorb(learned);
    if added == 0 {
        return Ok(0);
    }
    let config = ron::ser::PrettyConfig::new().indentor("  ".to_string());
    let text = ron::ser::to_string_pretty(&user, config).map_err(|e| VocabularyFileError::Parse {
        path: path.to_path_buf(),
        line: 1,
        column: 1,
        message: e.to_string(),
    })?;
    super::write_atomic(path, format!("{text}\n").as_bytes(), true)
        .map_err(|source| VocabularyFileError::Io { path: path.to_path_buf(), source })?;
    Ok(added)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn promoting_adds_once_and_a_broken_file_is_left_alone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = path_for(&dir.path().join("cafe.ron"));
        let mut learned = Learned::default();
        learned.learn_same("fric", "argent");
        assert_eq!(promote(&path, &learned).expect("written"), 1);
        assert_eq!(promote(&path, &learned).expect("unchanged"), 0);
        assert_eq!(load(&path).expect("read"), learned);
        std::fs::write(&path, "(equivalences: [oops").expect("broken");
        assert!(matches!(promote(&path, &learned), Err(VocabularyFileError::Parse { line: 1, .. })));
        assert_eq!(std::fs::read_to_string(&path).expect("kept"), "(equivalences: [oops");
    }
}
