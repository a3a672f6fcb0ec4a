//! The user's vocabulary across cafés. What the guided review learned and the
//! facilitator chose to keep is promoted into the user's own vocabulary file,
//! `vocabulary.ron` in their data folder — the file the engine reads at start in place
//! of the shipped vocabulary ([`super::assets`]): learned wordings become terms of the
//! concepts they were taught for, or concepts of their own; the families the room chose
//! come first. The file is merged with what is there (the shipped vocabulary when there
//! is none), checked by compiling it, and written atomically with a backup; a file that
//! does not read is reported (file:line:column) and never written over. The room's
//! « not the same » answers belong to their session and are not promoted.
//!
//! `.cafe-vocabulary.ron` in the sessions folder, where earlier versions kept promoted
//! answers, is still read (never written): what it holds keeps applying to every
//! session of that folder.

use std::path::{Path, PathBuf};

use crate::domain::Learned;
use crate::synth::vocabulary::{ConceptEntry, Source, VOCABULARY_RON, Vocabulary, VocabularyFile};

/// The former file's name in the sessions folder (read only).
pub const USER_VOCABULARY_FILE: &str = ".cafe-vocabulary.ron";

/// The user's vocabulary file's name in their data folder.
pub const VOCABULARY_FILE: &str = "vocabulary.ron";

/// Concepts promoted from the review's equivalences have ids starting with this.
pub const KEPT_PREFIX: &str = "garde-";

/// Why the user's vocabulary could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum VocabularyFileError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}:{column}: {message}")]
    Parse { path: PathBuf, line: usize, column: usize, message: String },
    /// The file reads but is not a vocabulary the engine can use.
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
    /// The platform gives no data folder to keep the vocabulary in.
    #[error("no data folder")]
    NoDataFolder,
}

/// The former vocabulary file for the sessions of the folder holding `session`.
pub fn path_for(session: &Path) -> PathBuf {
    let dir = session.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    dir.join(USER_VOCABULARY_FILE)
}

/// Reads the former vocabulary file; a missing file is an empty vocabulary.
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

/// Adds `learned` to the user's vocabulary file in `data` (created from the shipped
/// vocabulary if missing); returns how many entries were new and the file's path.
/// A file that does not read, or would not compile, is left untouched.
pub fn promote(data: Option<&Path>, learned: &Learned) -> Result<(usize, PathBuf), VocabularyFileError> {
    let data = data.ok_or(VocabularyFileError::NoDataFolder)?;
    let path = data.join(VOCABULARY_FILE);
    let mut file = read_vocabulary(&path)?;
    let added = merge(&mut file, learned);
    if added == 0 {
        return Ok((0, path));
    }
    Vocabulary::compile(file.clone())
        .map_err(|e| VocabularyFileError::Invalid { path: path.clone(), message: e.to_string() })?;
    let config = ron::ser::PrettyConfig::new().indentor("  ".to_string());
    let text = ron::ser::to_string_pretty(&file, config)
        .map_err(|e| VocabularyFileError::Invalid { path: path.clone(), message: e.to_string() })?;
    let io = |source| VocabularyFileError::Io { path: path.clone(), source };
    std::fs::create_dir_all(data).map_err(io)?;
    super::write_atomic(&path, format!("{text}\n").as_bytes(), true).map_err(io)?;
    Ok((added, path))
}

/// The user's vocabulary file, or the shipped vocabulary when there is none.
fn read_vocabulary(path: &Path) -> Result<VocabularyFile, VocabularyFileError> {
    let located = |e: super::StoreError| match e {
        super::StoreError::Parse { path, line, column, message } => {
            VocabularyFileError::Parse { path, line, column, message }
        }
        super::StoreError::NotUtf8 { path, line, column } => {
            VocabularyFileError::Parse { path, line, column, message: "UTF-8".to_string() }
        }
        other => VocabularyFileError::Invalid { path: path.to_path_buf(), message: other.to_string() },
    };
    let Some(text) = super::assets::read_user_file(path).map_err(located)? else {
        return ron::from_str(VOCABULARY_RON)
            .map_err(|e| VocabularyFileError::Invalid { path: path.to_path_buf(), message: e.to_string() });
    };
    super::assets::parse_vocabulary(path, &text).map(|(file, _)| file).map_err(|e| match e {
        super::assets::AssetError::Store(e) => located(e),
        super::assets::AssetError::Invalid { path, message } => {
            VocabularyFileError::Invalid { path, message }
        }
    })
}

/// Adds what the review learned to a vocabulary file; returns how many entries were
/// new. A wording taught for a known concept becomes one of its terms; an equivalence
/// joins the concept that already holds one of its wordings, else becomes a concept of
/// its own; a family chosen for a concept goes first in its list.
fn merge(file: &mut VocabularyFile, learned: &Learned) -> usize {
    let mut added = 0;
    let add_term = |concept: &mut ConceptEntry, term: &str, added: &mut usize| {
        if !concept.terms.iter().chain(&concept.weak).any(|t| t == term) {
            concept.terms.push(term.to_string());
            *added += 1;
        }
    };
    for taught in &learned.terms {
        if let Some(concept) = file.concepts.iter_mut().find(|c| c.id == taught.concept) {
            add_term(concept, &taught.term, &mut added);
        }
    }
    for equivalence in &learned.equivalences {
        let holder = file
            .concepts
            .iter_mut()
            .find(|c| c.id.starts_with(KEPT_PREFIX) && equivalence.terms.iter().any(|t| c.terms.contains(t)));
        match holder {
            Some(concept) => {
                for term in &equivalence.terms {
                    add_term(concept, term, &mut added);
                }
            }
            None => {
                let number =
                    (1..).find(|n| !file.concepts.iter().any(|c| c.id == format!("{KEPT_PREFIX}{n}")));
                file.concepts.push(ConceptEntry {
                    id: format!("{KEPT_PREFIX}{}", number.unwrap_or_default()),
                    label: equivalence.terms.join(" ≈ "),
                    families: equivalence.family.into_iter().collect(),
                    source: Source::Sector,
                    terms: equivalence.terms.clone(),
                    weak: Vec::new(),
                });
                added += 1;
            }
        }
    }
    for choice in &learned.families {
        if let Some(concept) = file.concepts.iter_mut().find(|c| c.id == choice.concept)
            && concept.families.first() != Some(&choice.family)
        {
            concept.families.retain(|f| *f != choice.family);
            concept.families.insert(0, choice.family);
            added += 1;
        }
    }
    added
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn promoting_merges_into_the_users_vocabulary_once_and_a_broken_file_is_left_alone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = dir.path().join("data");
        let mut learned = Learned::default();
        learned.learn_same("fric", "pognon");
        learned.learn_family("transparence", 2);
        let (added, path) = promote(Some(&data), &learned).expect("written");
        assert_eq!((added, path.clone()), (2, data.join(VOCABULARY_FILE)));
        assert_eq!(promote(Some(&data), &learned).expect("unchanged").0, 0);
        // The engine reads it as the user's vocabulary.
        let (knowledge, problems) = crate::store::assets::Knowledge::load(&data);
        assert!(problems.is_empty(), "{problems:?}");
        let kept = knowledge.vocabulary.concepts.iter().find(|c| c.id == "garde-1").expect("kept concept");
        assert_eq!(kept.terms, vec!["fric".to_string(), "pognon".to_string()]);
        let transparence =
            knowledge.vocabulary.concepts.iter().find(|c| c.id == "transparence").expect("known");
        assert_eq!(transparence.families.first(), Some(&2));
        // A later café's equivalence sharing a wording joins the kept concept.
        let mut later = Learned::default();
        later.learn_same("pognon", "oseille");
        assert_eq!(promote(Some(&data), &later).expect("written").0, 1);
        let (knowledge, _) = crate::store::assets::Knowledge::load(&data);
        let kept = knowledge.vocabulary.concepts.iter().find(|c| c.id == "garde-1").expect("kept concept");
        assert!(kept.terms.contains(&"oseille".to_string()));
        assert!(crate::store::atomic::backup_path(&path).exists(), "the previous file is backed up");
        // A broken file is located and never written over.
        std::fs::write(&path, "(\n  version: 1,\n  abbreviations: [oops],\n)").expect("broken");
        let mut more = Learned::default();
        more.learn_same("bidous", "sous");
        assert!(matches!(promote(Some(&data), &more), Err(VocabularyFileError::Parse { line: 3, .. })));
        assert_eq!(
            std::fs::read_to_string(&path).expect("kept"),
            "(\n  version: 1,\n  abbreviations: [oops],\n)"
        );
        assert!(matches!(promote(None, &more), Err(VocabularyFileError::NoDataFolder)));
    }

    #[test]
    fn the_former_file_is_still_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = path_for(&dir.path().join("cafe.ron"));
        assert_eq!(load(&path).expect("missing is empty"), Learned::default());
        std::fs::write(&path, "(equivalences: [(terms: [\"argent\", \"fric\"])])").expect("written");
        assert_eq!(load(&path).expect("read").equivalences.len(), 1);
        std::fs::write(&path, "(equivalences: [oops").expect("broken");
        assert!(matches!(load(&path), Err(VocabularyFileError::Parse { line: 1, .. })));
    }
}
