//! The families a new session copies: `assets/families.ron` of the current folder when
//! there is one (the user may edit it), else the copy compiled into the binary, so that
//! `cafe` works from any folder.

use std::path::{Path, PathBuf};

use super::session_file::StoreError;
use crate::domain::Family;

pub use crate::domain::family::{FAMILIES_RON, default_families};

/// Where a user's own families live, relative to the current folder.
pub const FAMILIES_PATH: &str = "assets/families.ron";

/// Parses a families file; `path` is only used in messages.
pub fn parse_families(path: &Path, text: &str) -> Result<Vec<Family>, StoreError> {
    let text = text.trim_start_matches('\u{feff}');
    let families: Vec<Family> = ron::from_str(text).map_err(|e| {
        let (line, column) = super::session_file::error_position(text, &e);
        StoreError::BadFamilies { path: path.to_path_buf(), line, column, message: e.code.to_string() }
    })?;
    if families.is_empty() {
        return Err(StoreError::NoFamilies { path: path.to_path_buf() });
    }
    Ok(families)
}

/// Reads a families file.
pub fn load_families(path: &Path) -> Result<Vec<Family>, StoreError> {
    let bytes = std::fs::read(path).map_err(|source| StoreError::Io { path: path.to_path_buf(), source })?;
    let text = super::session_file::decode(path, &bytes)?;
    parse_families(path, text)
}

/// The families for a session created from folder `dir`: `dir/assets/families.ron` if
/// it exists (a broken one is an error, never silently replaced), else the shipped ones.
pub fn families_for_new_session(dir: &Path) -> Result<Vec<Family>, StoreError> {
    let path: PathBuf = dir.join(FAMILIES_PATH);
    if path.exists() { load_families(&path) } else { Ok(default_families()) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_families_parse() {
        let families = parse_families(Path::new(FAMILIES_PATH), FAMILIES_RON).expect("families parse");
        assert_eq!(families.len(), 3);
        assert_eq!(families.iter().map(|f| f.number).collect::<Vec<_>>(), vec![1, 2, 3]);
        assert!(families.iter().all(|f| !f.conditions.is_empty() && !f.astuces.is_empty()));
        assert_eq!(default_families(), families);
    }

    #[test]
    fn broken_families_are_located() {
        let err = parse_families(Path::new("f.ron"), "[\n  (number: 1,\n   id: 3)\n]").expect_err("bad id");
        assert!(matches!(err, StoreError::BadFamilies { line: 3, .. }), "{err:?}");
        assert!(matches!(parse_families(Path::new("f.ron"), "[]"), Err(StoreError::NoFamilies { .. })));
    }
}
