//! A proposal: one thing a table said, with its stable id, table, round and kind.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Stable identifier of a proposal inside its session. Never reused: the session keeps
/// a counter, so decisions keyed by ids stay valid when proposals are added or deleted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ProposalId(pub u64);

impl std::fmt::Display for ProposalId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "p{}", self.0)
    }
}

/// What a table produced: a condition favorable, a practical tip or a testimony.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
pub enum Kind {
    #[default]
    Condition,
    Astuce,
    Temoignage,
}

impl Kind {
    pub const ALL: [Kind; 3] = [Kind::Condition, Kind::Astuce, Kind::Temoignage];

    /// The spelling used on the command line and in CSV notes (`condition`, `astuce`,
    /// `temoignage`); accents and case are tolerated when parsing.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Condition => "condition",
            Kind::Astuce => "astuce",
            Kind::Temoignage => "temoignage",
        }
    }

    /// Parses `condition`, `astuce`, `témoignage` (with or without accent, any case,
    /// English `tip` and `testimony` too). Returns `None` for anything else.
    pub fn parse(text: &str) -> Option<Kind> {
        let folded: String = text.trim().to_lowercase().replace(['é', 'É'], "e");
        match folded.as_str() {
            "condition" | "conditions" | "c" => Some(Kind::Condition),
            "astuce" | "astuces" | "tip" | "tips" | "a" => Some(Kind::Astuce),
            "temoignage" | "temoignages" | "testimony" | "testimonies" | "t" => Some(Kind::Temoignage),
            _ => None,
        }
    }

    /// The next kind in the cycle condition → astuce → témoignage → condition.
    pub fn next(self) -> Kind {
        match self {
            Kind::Condition => Kind::Astuce,
            Kind::Astuce => Kind::Temoignage,
            Kind::Temoignage => Kind::Condition,
        }
    }
}

impl std::str::FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Kind::parse(s).ok_or_else(|| s.to_string())
    }
}

/// One proposal as captured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Proposal {
    pub id: ProposalId,
    /// The table's number (not its index).
    pub table: u32,
    /// 1-based round number.
    pub round: u32,
    #[serde(default)]
    pub kind: Kind,
    pub text: String,
    pub captured_at: DateTime<Utc>,
    /// How many times the proposal was changed after its capture: when two copies of a
    /// session both hold it, the higher edition is the later one.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub edition: u32,
}

fn is_zero(edition: &u32) -> bool {
    *edition == 0
}
