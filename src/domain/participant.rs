//! Participants and the rotation plan (who sits at which table each round).

use serde::{Deserialize, Serialize};

/// A person attending the café. Hosts stay at their table for every round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub name: String,
    #[serde(default)]
    pub organisation: String,
    /// The table number this person hosts, if any.
    #[serde(default)]
    pub host_of: Option<u32>,
}

/// The key two names are compared by, to find duplicates: case and spacing do not
/// matter (`Marie  Tremblay` = `marie tremblay`).
pub fn name_key(name: &str) -> String {
    name.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A stored rotation plan: for each participant (by index in `Session::participants`,
/// or by number when only a count is known), the table number of each round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct RotationPlan {
    /// Seed the planner used, so that the plan can be reproduced.
    pub seed: u64,
    /// `seats[p][r]` is the table number of participant `p` in round `r + 1`.
    pub seats: Vec<Vec<u32>>,
}
