//! The families: the copy compiled into the binary, the parsing of a families file, and
//! the families a new session copies (the user's own `families.ron` of the data folder
//! when there is one, see [`super::assets`]).

use std::path::Path;

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_families_parse() {
        let families = parse_families(Path::new("families.ron"), FAMILIES_RON).expect("families parse");
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
