//! What the capture screen remembers: the tab (table), the kind and text being typed,
//! the selected proposal, the undo steps and the live hints; and which proposals a tab
//! shows.

use chrono::{DateTime, Utc};

use crate::domain::{Kind, Proposal, ProposalId, Session};
use crate::tui::widgets::LineInput;

/// Where the keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    /// The text field (typing).
    #[default]
    Input,
    /// The list of proposals (single-letter keys).
    List,
}

/// A change to the proposals that can be undone.
#[derive(Debug, Clone, PartialEq)]
pub enum Undo {
    /// A proposal was added.
    Added(ProposalId),
    /// A proposal was deleted from this position.
    Removed { proposal: Proposal, index: usize },
    /// A proposal was changed; this is how it was.
    Changed(Proposal),
}

/// What the capture screen remembers.
#[derive(Debug, Clone, PartialEq)]
pub struct CaptureState {
    /// 0 is every table; `n` is the `n`-th table of the list.
    pub tab: usize,
    /// The round chosen by hand, instead of the clock's.
    pub round_override: Option<u32>,
    /// The kind of the next proposal.
    pub kind: Kind,
    pub input: LineInput,
    pub focus: Focus,
    /// The selected row of the list.
    pub selected: usize,
    /// The proposal being edited in the text field.
    pub editing: Option<ProposalId>,
    pub undo: Vec<Undo>,
    /// What the synthèse engine makes of the text being typed.
    pub hint: Option<Hint>,
    /// The text changed since the hints were computed.
    pub hint_stale: bool,
}

/// Live hints while typing, from the synthèse engine.
#[derive(Debug, Clone, PartialEq)]
pub struct Hint {
    /// The family it would choose, its confidence, and whether it would ask the room.
    pub family: Option<u8>,
    pub confidence: f32,
    pub to_validate: bool,
    /// The closest condition already said at another table, and how close.
    pub nearest: Option<(ProposalId, f32)>,
}

impl CaptureState {
    /// On the first table, the list's last proposal selected.
    pub fn new(session: &Session, _now: DateTime<Utc>) -> CaptureState {
        let tab = usize::from(!session.tables.is_empty());
        let mut state = CaptureState {
            tab,
            round_override: None,
            kind: Kind::Condition,
            input: LineInput::default(),
            focus: Focus::Input,
            selected: 0,
            editing: None,
            undo: Vec::new(),
            hint: None,
            hint_stale: false,
        };
        state.select_last(session);
        state
    }

    /// The table number of the current tab (none on the all-tables tab).
    pub fn table(&self, session: &Session) -> Option<u32> {
        self.tab.checked_sub(1).and_then(|i| session.tables.get(i)).map(|t| t.number)
    }

    /// The round new proposals go to.
    pub fn round(&self, session: &Session) -> u32 {
        self.round_override.unwrap_or_else(|| session.current_round())
    }

    pub fn select_last(&mut self, session: &Session) {
        self.selected = visible(session, self.tab).len().saturating_sub(1);
    }

    /// The selected proposal's id.
    pub fn selected_id(&self, session: &Session) -> Option<ProposalId> {
        visible(session, self.tab).get(self.selected).map(|p| p.id)
    }
}

/// The proposals shown on a tab, in order: by table (in the list's order), round, id.
pub fn visible(session: &Session, tab: usize) -> Vec<&Proposal> {
    let position = |number: u32| session.tables.iter().position(|t| t.number == number).unwrap_or(usize::MAX);
    let table = tab.checked_sub(1).and_then(|i| session.tables.get(i)).map(|t| t.number);
    let mut list: Vec<&Proposal> =
        session.proposals.iter().filter(|p| table.is_none_or(|n| p.table == n)).collect();
    list.sort_by_key(|p| (position(p.table), p.round, p.id));
    list
}
