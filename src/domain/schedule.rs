//! The timing of the workshop: the length of each round, of the moves between tables
//! and of the harvest, each round's World Café question and the warning before a
//! round's end. The clock reads it; the session stores it.

use serde::{Deserialize, Serialize};

/// The timing of the workshop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Schedule {
    /// Length of each round, in minutes (one entry per round).
    pub round_minutes: Vec<u32>,
    /// Time to move between tables, in minutes.
    pub move_minutes: u32,
    /// Time of the plenary harvest, in minutes.
    pub harvest_minutes: u32,
    /// Start the next phase by itself when the clock reaches zero.
    #[serde(default)]
    pub auto_advance: bool,
    /// The World Café question of each round (the same at every table), by round;
    /// missing or empty entries mean none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub round_questions: Vec<String>,
    /// Minutes before the end of a round when the clock warns (0: no warning).
    #[serde(default = "default_warning_minutes", skip_serializing_if = "is_default_warning")]
    pub warning_minutes: u32,
}

/// The warning comes two minutes before the end of a round unless set otherwise.
pub const DEFAULT_WARNING_MINUTES: u32 = 2;

fn default_warning_minutes() -> u32 {
    DEFAULT_WARNING_MINUTES
}

fn is_default_warning(minutes: &u32) -> bool {
    *minutes == DEFAULT_WARNING_MINUTES
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule {
            round_minutes: vec![20, 20, 20],
            move_minutes: 2,
            harvest_minutes: 30,
            auto_advance: false,
            round_questions: Vec::new(),
            warning_minutes: DEFAULT_WARNING_MINUTES,
        }
    }
}

impl Schedule {
    pub fn rounds(&self) -> u32 {
        self.round_minutes.len() as u32
    }

    /// The question of `round` (1-based), if one was set.
    pub fn round_question(&self, round: u32) -> Option<&str> {
        let index = usize::try_from(round).ok()?.checked_sub(1)?;
        self.round_questions.get(index).map(|q| q.trim()).filter(|q| !q.is_empty())
    }
}
