//! What the setup screen remembers (the selected row and column, the field being
//! edited) and its rows: the session's fields, then one row per table.

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
}

pub const FIELDS: [Field; 9] = [
    Field::Title,
    Field::Date,
    Field::Place,
    Field::Facilitator,
    Field::Rounds,
    Field::RoundMinutes,
    Field::MoveMinutes,
    Field::HarvestMinutes,
    Field::AutoAdvance,
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
}

/// What a row of the screen is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Field(Field),
    /// A table, by its position in the list.
    Table(usize),
}

pub fn row_of(index: usize) -> Row {
    FIELDS.get(index).map_or_else(|| Row::Table(index - FIELDS.len()), |f| Row::Field(*f))
}
