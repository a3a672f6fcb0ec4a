//! What a session carries of its own besides its families: the words the synthèse
//! document opens with (its title and introduction) and the words of the session's
//! topic it adds to the vocabulary. Both are kept in the session file, so an old session
//! keeps what it was made with whatever the user's vocabulary becomes.

use serde::{Deserialize, Serialize};

/// The synthèse document's own words. Empty fields fall back to the session's title
/// and to no introduction.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct DocumentText {
    /// The document's title (e.g. « Conditions favorables au partenariat »).
    #[serde(default)]
    pub title: String,
    /// The paragraph under the title: what the café was about, for whom.
    #[serde(default)]
    pub intro: String,
}

impl DocumentText {
    pub fn is_empty(&self) -> bool {
        self.title.is_empty() && self.intro.is_empty()
    }
}

/// An abbreviation of the session's topic and what it stands for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedAbbreviation {
    pub short: String,
    pub long: String,
    /// Also recognised in lower case.
    #[serde(default)]
    pub lowercase: bool,
}

/// A concept of the session's topic: new, or more words for a concept of the vocabulary
/// with the same `id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddedConcept {
    pub id: String,
    /// What the room sees in explanations (a new concept without one shows its id).
    #[serde(default)]
    pub label: String,
    /// Families of a new concept, most likely first.
    #[serde(default)]
    pub families: Vec<u8>,
    /// Terms that name the concept clearly.
    #[serde(default)]
    pub terms: Vec<String>,
    /// Terms that only hint at it.
    #[serde(default)]
    pub weak: Vec<String>,
}

/// The words a session adds to the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct VocabularyAdditions {
    #[serde(default)]
    pub abbreviations: Vec<AddedAbbreviation>,
    /// Words frequent in every proposal of this topic, that count for little.
    #[serde(default)]
    pub generic: Vec<String>,
    #[serde(default)]
    pub concepts: Vec<AddedConcept>,
}

impl VocabularyAdditions {
    pub fn is_empty(&self) -> bool {
        self.abbreviations.is_empty() && self.generic.is_empty() && self.concepts.is_empty()
    }
}
