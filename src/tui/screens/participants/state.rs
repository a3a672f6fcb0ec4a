//! What the participants screen remembers: the focus, the selected person and the
//! line being typed.

use crate::tui::widgets::LineInput;

/// Where the keys go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    /// The text field (typing a participant).
    #[default]
    Input,
    /// The list (single-letter keys).
    List,
}

/// What the participants screen remembers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParticipantsState {
    pub input: LineInput,
    pub focus: Focus,
    pub selected: usize,
    /// The participant being edited in the text field.
    pub editing: Option<usize>,
    /// The quality report of the last plan made here (cleared when people change).
    pub report: Vec<String>,
}
