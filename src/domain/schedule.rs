//! The timing of the workshop: the length of each round, of the moves between tables
//! and of the harvest. The clock reads it; the session stores it.

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
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule {
            round_minutes: vec![20, 20, 20],
            move_minutes: 2,
            harvest_minutes: 30,
            auto_advance: false,
        }
    }
}

impl Schedule {
    pub fn rounds(&self) -> u32 {
        self.round_minutes.len() as u32
    }
}
