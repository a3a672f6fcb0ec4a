//! What the run screen remembers (the phase whose end rang or warned, the clock moves
//! that can be undone, the rotation's toggles and pages turned), and where the
//! travellers go in a round. What was left of phases skipped is the clock's own, saved
//! with the session.

use crate::domain::Session;
use crate::domain::clock::{Clock, PhaseKind};
use crate::i18n::Lang;
use crate::plan::{self};

/// What the run screen remembers between frames.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunState {
    /// The phase whose end has already rung the bell.
    pub rang_for_phase: Option<usize>,
    /// The phase whose warning (a few minutes before the end) has already sounded.
    pub warned_for_phase: Option<usize>,
    /// The clock before each move by hand, most recent last (Ctrl+Z / `u` undoes one).
    pub clock_undo: Vec<Clock>,
    /// Where everyone goes between rounds.
    pub rotation: RotationState,
}

/// How many clock moves can be undone.
pub const CLOCK_UNDO_STEPS: usize = 50;

/// Seconds a page stays on screen while the clock runs.
pub const PAGE_SECONDS: i64 = 8;

/// What the rotation view remembers: toggles and page turns apply to one phase only,
/// so the next phase starts with its own default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RotationState {
    /// The phase in which `r` was pressed (an odd number of times).
    pub toggled_in_phase: Option<usize>,
    /// Pages turned by hand, and in which phase.
    pub pages_turned: (usize, i64),
}

/// One traveller's destination.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Destination {
    pub name: String,
    pub table: u32,
}

/// Where the travellers sit in `round` (1-based), by name, when the stored plan fits the
/// session.
pub fn destinations(session: &Session, lang: Lang, round: usize) -> Option<Vec<Destination>> {
    let rotation = session.rotation.as_ref()?;
    if !plan::plan_fits(session, rotation) || round == 0 {
        return None;
    }
    let people = crate::i18n::plan::people(lang, session);
    let mut list: Vec<Destination> = people
        .iter()
        .zip(&rotation.seats)
        .filter(|(person, _)| person.host_of.is_none())
        .filter_map(|(person, seats)| {
            Some(Destination { name: person.name.clone(), table: *seats.get(round - 1)? })
        })
        .collect();
    list.sort_by_cached_key(|d| (plan::model::organisation_key(&d.name), d.name.clone()));
    Some(list)
}

impl RotationState {
    /// The round whose seating the run screen shows now in `session`, if any.
    pub fn round_shown(&self, session: &Session) -> Option<usize> {
        let phase = session.clock.current(&session.schedule)?;
        let toggled = self.toggled_in_phase == Some(session.clock.phase);
        let round = match phase.kind {
            PhaseKind::Move(r) if !toggled => r as usize + 1,
            PhaseKind::Round(r) if toggled => r as usize,
            _ => return None,
        };
        destinations(session, Lang::Fr, round).map(|_| round)
    }
}
