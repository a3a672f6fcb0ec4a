//! What the setup screen remembers (the selected row and column, the field being
//! edited) and its rows: the session's fields, then one row per table, then the World
//! Café question of each round.

use crate::domain::Session;
use crate::i18n::tui as t;
use crate::i18n::{Lang, Text};
use crate::tui::widgets::LineInput;

/// The session's own fields, in screen order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Title,
    Date,
    Place,
    Facilitator,
    Rounds,
    RoundMinutes,
    MoveMinutes,
    HarvestMinutes,
    AutoAdvance,
    WarningMinutes,
}

pub const FIELDS: [Field; 10] = [
    Field::Title,
    Field::Date,
    Field::Place,
    Field::Facilitator,
    Field::Rounds,
    Field::RoundMinutes,
    Field::MoveMinutes,
    Field::HarvestMinutes,
    Field::AutoAdvance,
    Field::WarningMinutes,
];

/// The columns of a table row.
pub const TABLE_COLUMNS: [Text; 4] = [t::COL_NUMBER, t::COL_NAME, t::COL_QUESTION, t::COL_HOST];

impl Field {
    pub fn label(self) -> Text {
        match self {
            Field::Title => t::F_TITLE,
            Field::Date => t::F_DATE,
            Field::Place => t::F_PLACE,
            Field::Facilitator => t::F_FACILITATOR,
            Field::Rounds => t::F_ROUNDS,
            Field::RoundMinutes => t::F_ROUND_MINUTES,
            Field::MoveMinutes => t::F_MOVE_MINUTES,
            Field::HarvestMinutes => t::F_HARVEST_MINUTES,
            Field::AutoAdvance => t::F_AUTO_ADVANCE,
            Field::WarningMinutes => t::F_WARNING_MINUTES,
        }
    }

    /// The field's value as shown and as first put in the text field.
    pub fn value(self, session: &Session, lang: Lang) -> String {
        let schedule = &session.schedule;
        match self {
            Field::Title => session.title.clone(),
            Field::Date => session.date.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_default(),
            Field::Place => session.place.clone(),
            Field::Facilitator => session.facilitator.clone(),
            Field::Rounds => schedule.rounds().to_string(),
            Field::RoundMinutes => {
                let first = schedule.round_minutes.first().copied().unwrap_or(0);
                if schedule.round_minutes.iter().all(|m| *m == first) {
                    first.to_string()
                } else {
                    schedule.round_minutes.iter().map(u32::to_string).collect::<Vec<_>>().join(", ")
                }
            }
            Field::MoveMinutes => schedule.move_minutes.to_string(),
            Field::HarvestMinutes => schedule.harvest_minutes.to_string(),
            Field::AutoAdvance => {
                if schedule.auto_advance { t::YES.get(lang) } else { t::NO.get(lang) }.to_string()
            }
            Field::WarningMinutes => schedule.warning_minutes.to_string(),
        }
    }
}

/// What the setup screen remembers.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SetupState {
    /// The selected row: a field, then the tables.
    pub row: usize,
    /// The selected column on a table row.
    pub column: usize,
    /// The value being typed, when a field is being edited.
    pub editing: Option<LineInput>,
    /// The field row ← comes back to from the tables.
    pub last_field_row: usize,
}

/// What a row of the screen is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Field(Field),
    /// A table, by its position in the list.
    Table(usize),
    /// The question of a round (0-based).
    RoundQuestion(usize),
}

/// What the row at `index` is in `session`.
pub fn row_of(index: usize, session: &Session) -> Row {
    let tables = session.tables.len();
    match FIELDS.get(index) {
        Some(field) => Row::Field(*field),
        None if index < FIELDS.len() + tables => Row::Table(index - FIELDS.len()),
        None => Row::RoundQuestion(index - FIELDS.len() - tables),
    }
}

/// The number of rows: fields, tables, round questions.
pub fn row_count(session: &Session) -> usize {
    FIELDS.len() + session.tables.len() + session.schedule.round_minutes.len()
}

/// The row of the question of `round` (0-based).
pub fn round_question_row(session: &Session, round: usize) -> usize {
    FIELDS.len() + session.tables.len() + round
}
