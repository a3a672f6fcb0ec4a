//! The knowledge the synthèse works with — families, vocabulary and engine settings —
//! compiled into the binary as defaults and overridden, file by file, by the user's own
//! `families.ron`, `vocabulary.ron` and `synth.ron` in their data folder. A user file
//! that does not read is reported (file:line:column) and the default is used in its
//! place; nothing is ever written over it. `cafe assets export DIR` writes the defaults
//! out, to be edited.
//!
//! The knowledge of a run is read once, when the command line starts, and kept for the
//! whole process ([`use_knowledge`]); an engine for a session is that knowledge plus
//! the session's own families and vocabulary additions ([`engine_for`]).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::families::{FAMILIES_RON, default_families, parse_families};
use super::session_file::{StoreError, error_position};
use crate::domain::knowledge::VocabularyAdditions;
use crate::domain::{Family, Learned, Session};
use crate::synth::Engine;
use crate::synth::review::learn::add_learned;
use crate::synth::similarity::{SETTINGS_RON, Settings};
use crate::synth::vocabulary::{
    Abbreviation, ConceptEntry, Source, VOCABULARY_RON, Vocabulary, VocabularyFile,
};

/// The user's knowledge files, by name in the data folder, with their shipped text.
pub const ASSET_FILES: [(&str, &str); 3] =
    [("families.ron", FAMILIES_RON), ("vocabulary.ron", VOCABULARY_RON), ("synth.ron", SETTINGS_RON)];

/// Why a user's knowledge file was not used.
#[derive(Debug, thiserror::Error)]
pub enum AssetError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
}

/// Families, vocabulary and engine settings.
#[derive(Debug, Clone)]
pub struct Knowledge {
    pub families: Vec<Family>,
    pub vocabulary: VocabularyFile,
    /// `vocabulary`, compiled.
    pub compiled: Vocabulary,
    pub settings: Settings,
}

impl Knowledge {
    /// The knowledge compiled into the binary.
    pub fn shipped() -> Knowledge {
        let vocabulary: Option<VocabularyFile> = ron::from_str(VOCABULARY_RON).ok();
        let compiled = vocabulary.clone().and_then(|v| Vocabulary::compile(v).ok());
        let (vocabulary, compiled) = match (vocabulary, compiled) {
            (Some(file), Some(compiled)) => (file, compiled),
            // The shipped files are checked by tests; this only keeps a run going.
            _ => (empty_vocabulary(), Vocabulary::empty()),
        };
        Knowledge { families: default_families(), vocabulary, compiled, settings: Settings::shipped() }
    }

    /// The shipped knowledge with the user's files of `data` in place of the defaults.
    /// Each file that is missing gives the default silently; each that does not read
    /// gives the default and its error.
    pub fn load(data: &Path) -> (Knowledge, Vec<AssetError>) {
        let mut knowledge = Knowledge::shipped();
        let mut problems = Vec::new();
        let families = data.join(ASSET_FILES[0].0);
        match read_user_file(&families).map(|t| t.map(|text| parse_families(&families, &text))) {
            Ok(Some(Ok(families))) => knowledge.families = families,
            Ok(Some(Err(e))) | Err(e) => problems.push(AssetError::Store(e)),
            Ok(None) => {}
        }
        let vocabulary = data.join(ASSET_FILES[1].0);
        match read_user_file(&vocabulary).map(|t| t.map(|text| parse_vocabulary(&vocabulary, &text))) {
            Ok(Some(Ok((file, compiled)))) => {
                knowledge.vocabulary = file;
                knowledge.compiled = compiled;
            }
            Ok(Some(Err(e))) => problems.push(e),
            Err(e) => problems.push(AssetError::Store(e)),
            Ok(None) => {}
        }
        let settings = data.join(ASSET_FILES[2].0);
        match read_user_file(&settings).map(|t| t.map(|text| parse_ron::<Settings>(&settings, &text))) {
            Ok(Some(Ok(settings))) => knowledge.settings = settings,
            Ok(Some(Err(e))) | Err(e) => problems.push(AssetError::Store(e)),
            Ok(None) => {}
        }
        (knowledge, problems)
    }

    /// An engine for `session`: its own families (these when it has none) and this
    /// vocabulary with the session's additions.
    pub fn engine_for(&self, session: &Session) -> Engine {
        self.engine_learning(session, &Learned::default())
    }

    /// [`Knowledge::engine_for`], plus what the guided review taught: the session's
    /// `learned` words and families, and `user`, those the user kept for every café.
    pub fn engine_learning(&self, session: &Session, user: &Learned) -> Engine {
        let vocabulary = self.vocabulary_learning(session, user, &self.compiled);
        Engine::with(self.families_of(session), vocabulary, self.settings.clone())
    }

    /// [`Knowledge::engine_learning`] taking over from `previous`, the session's engine
    /// before an answer taught (or an undo unlearned) a word: only the proposals using
    /// the words that changed are analysed again ([`Engine::succeeding`]).
    pub fn engine_succeeding(&self, previous: &Engine, session: &Session, user: &Learned) -> Engine {
        let vocabulary = self.vocabulary_learning(session, user, previous.vocabulary());
        Engine::succeeding(previous, self.families_of(session), vocabulary, self.settings.clone())
    }

    /// The session's families, these when it has none.
    fn families_of<'a>(&'a self, session: &'a Session) -> &'a [Family] {
        if session.families.is_empty() { &self.families } else { &session.families }
    }

    /// This vocabulary with the session's additions and what the review taught (the
    /// session's and the user's), compiled reusing `previous`'s analysis.
    fn vocabulary_learning(&self, session: &Session, user: &Learned, previous: &Vocabulary) -> Vocabulary {
        if session.vocabulary.is_empty() && session.learned.is_empty() && user.is_empty() {
            return self.compiled.clone();
        }
        let mut file = with_additions(self.vocabulary.clone(), &session.vocabulary);
        let mut learned = user.clone();
        learned.absorb(&session.learned);
        add_learned(&mut file, &learned);
        Vocabulary::compile_reusing(file, previous).unwrap_or_else(|_| self.compiled.clone())
    }
}

static KNOWLEDGE: OnceLock<Knowledge> = OnceLock::new();

/// Makes `knowledge` the one of this process (the first call wins).
pub fn use_knowledge(knowledge: Knowledge) {
    let _ = KNOWLEDGE.set(knowledge);
}

/// The knowledge of this process: the one given to [`use_knowledge`], else the shipped.
pub fn knowledge() -> &'static Knowledge {
    KNOWLEDGE.get_or_init(Knowledge::shipped)
}

/// An engine for `session` with the knowledge of this process.
pub fn engine_for(session: &Session) -> Engine {
    knowledge().engine_for(session)
}

/// Writes the shipped knowledge files into `dir` (created if needed), for editing.
/// Refuses, writing nothing, when one of them is already there.
pub fn export_defaults(dir: &Path) -> Result<Vec<PathBuf>, StoreError> {
    let paths: Vec<PathBuf> = ASSET_FILES.iter().map(|(name, _)| dir.join(name)).collect();
    if let Some(existing) = paths.iter().find(|p| std::fs::symlink_metadata(p).is_ok()) {
        return Err(StoreError::AlreadyExists { path: existing.clone() });
    }
    std::fs::create_dir_all(dir).map_err(|source| StoreError::Io { path: dir.to_path_buf(), source })?;
    for (path, (_, text)) in paths.iter().zip(ASSET_FILES) {
        super::atomic::write_new(path, text.as_bytes())
            .map_err(|source| StoreError::Io { path: path.clone(), source })?;
    }
    Ok(paths)
}

/// The text of a user file, `None` when there is none.
pub(crate) fn read_user_file(path: &Path) -> Result<Option<String>, StoreError> {
    match std::fs::read(path) {
        Ok(bytes) => String::from_utf8(bytes)
            .map(|text| Some(text.trim_start_matches('\u{feff}').to_string()))
            .map_err(|e| {
                let (line, column) = utf8_position(e.as_bytes(), e.utf8_error().valid_up_to());
                StoreError::NotUtf8 { path: path.to_path_buf(), line, column }
            }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(StoreError::Io { path: path.to_path_buf(), source }),
    }
}

/// Line and column (1-based, in characters) of byte `at` of `bytes`.
fn utf8_position(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = String::from_utf8_lossy(&bytes[..at.min(bytes.len())]).into_owned();
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn parse_ron<T: serde::de::DeserializeOwned>(path: &Path, text: &str) -> Result<T, StoreError> {
    ron::from_str(text).map_err(|e| {
        let (line, column) = error_position(text, &e);
        StoreError::Parse { path: path.to_path_buf(), line, column, message: e.code.to_string() }
    })
}

/// Reads and compiles a vocabulary file.
pub fn parse_vocabulary(path: &Path, text: &str) -> Result<(VocabularyFile, Vocabulary), AssetError> {
    let file: VocabularyFile = parse_ron(path, text)?;
    let compiled = Vocabulary::compile(file.clone())
        .map_err(|e| AssetError::Invalid { path: path.to_path_buf(), message: e.to_string() })?;
    Ok((file, compiled))
}

fn empty_vocabulary() -> VocabularyFile {
    VocabularyFile {
        version: 1,
        abbreviations: Vec::new(),
        generic: Vec::new(),
        for_its_own_sake: None,
        distinct_stems: Vec::new(),
        concepts: Vec::new(),
    }
}

/// `file` with a session's additions: new abbreviations and generic words, new
/// concepts, and more terms for the concepts it already has (same `id`).
pub fn with_additions(mut file: VocabularyFile, additions: &VocabularyAdditions) -> VocabularyFile {
    for added in &additions.abbreviations {
        file.abbreviations.retain(|a| a.short != added.short);
        file.abbreviations.push(Abbreviation {
            short: added.short.clone(),
            long: added.long.clone(),
            lowercase: added.lowercase,
            source: Source::Sector,
        });
    }
    for word in &additions.generic {
        if !file.generic.contains(word) {
            file.generic.push(word.clone());
        }
    }
    for added in &additions.concepts {
        match file.concepts.iter_mut().find(|c| c.id == added.id) {
            Some(concept) => {
                concept.terms.extend(
                    added.terms.iter().filter(|t| !concept.terms.contains(t)).cloned().collect::<Vec<_>>(),
                );
                concept.weak.extend(
                    added.weak.iter().filter(|t| !concept.weak.contains(t)).cloned().collect::<Vec<_>>(),
                );
            }
            None => file.concepts.push(ConceptEntry {
                id: added.id.clone(),
                label: if added.label.trim().is_empty() { added.id.clone() } else { added.label.clone() },
                families: added.families.clone(),
                source: Source::Sector,
                terms: added.terms.clone(),
                weak: added.weak.clone(),
            }),
        }
    }
    file
}

/// The families a new session copies: the user's own when they read, else the shipped.
pub fn families_for_new_session() -> Vec<Family> {
    knowledge().families.clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::knowledge::AddedConcept;

    #[test]
    fn missing_user_files_give_the_shipped_knowledge() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (knowledge, problems) = Knowledge::load(dir.path());
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(knowledge.families, default_families());
        assert_eq!(knowledge.settings, Settings::shipped());
        assert!(!knowledge.vocabulary.concepts.is_empty());
    }

    #[test]
    fn a_broken_user_file_is_located_and_the_default_used() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::write(dir.path().join("vocabulary.ron"), "(\n  version: 1,\n  abbreviations: [oops],\n)")
            .expect("written");
        std::fs::write(dir.path().join("synth.ron"), "(merge_threshold: \"high\")").expect("written");
        let (knowledge, problems) = Knowledge::load(dir.path());
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(
            matches!(&problems[0], AssetError::Store(StoreError::Parse { line: 3, .. })),
            "{:?}",
            problems[0]
        );
        assert_eq!(knowledge.vocabulary.concepts.len(), Knowledge::shipped().vocabulary.concepts.len());
        assert_eq!(knowledge.settings, Settings::shipped());
    }

    #[test]
    fn exported_defaults_read_back_and_are_not_written_over() {
        let dir = tempfile::tempdir().expect("temp dir");
        let written = export_defaults(dir.path()).expect("exported");
        assert_eq!(written.len(), 3);
        let (_, problems) = Knowledge::load(dir.path());
        assert!(problems.is_empty(), "{problems:?}");
        assert!(matches!(export_defaults(dir.path()), Err(StoreError::AlreadyExists { .. })));
    }

    #[test]
    fn session_additions_extend_a_concept_or_add_one() {
        let base = Knowledge::shipped().vocabulary;
        let known = base.concepts[0].id.clone();
        let additions = VocabularyAdditions {
            concepts: vec![
                AddedConcept {
                    id: known.clone(),
                    label: String::new(),
                    families: vec![],
                    terms: vec!["mot ajouté".into()],
                    weak: vec![],
                },
                AddedConcept {
                    id: "jardin".into(),
                    label: "Jardin collectif".into(),
                    families: vec![1],
                    terms: vec!["potager".into()],
                    weak: vec![],
                },
            ],
            ..VocabularyAdditions::default()
        };
        let file = with_additions(base.clone(), &additions);
        assert_eq!(file.concepts.len(), base.concepts.len() + 1);
        let extended = file.concepts.iter().find(|c| c.id == known).expect("kept");
        assert!(extended.terms.contains(&"mot ajouté".to_string()));
        assert!(Vocabulary::compile(file).is_ok());
    }
}
