//! The families that conditions are mapped onto (three in the CDC de Laval document).

use serde::{Deserialize, Serialize};

/// The text of `assets/families.ron` as shipped (compiled in, so `cafe` works from any
/// folder).
pub const FAMILIES_RON: &str = include_str!("../../assets/families.ron");

/// The three families of the CDC de Laval document, as shipped.
pub fn default_families() -> Vec<Family> {
    // The asset is checked by a test; an invalid edit shows up there, not at run time.
    ron::from_str(FAMILIES_RON).unwrap_or_default()
}

/// A family of conditions favorables, with the seed document's own conditions and
/// astuces, used both for display and as vocabulary when classifying proposals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Family {
    /// 1-based number shown to users and written in exports.
    pub number: u8,
    /// Short stable identifier (`interet`, `connaissance`, `equite`).
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub title_en: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub conditions: Vec<String>,
    #[serde(default)]
    pub astuces: Vec<String>,
}

impl Family {
    /// The title in the requested language, falling back to the French one.
    pub fn title_in(&self, english: bool) -> &str {
        if english && !self.title_en.is_empty() { &self.title_en } else { &self.title }
    }
}
