//! What the keys of the setup screen do: move, edit and validate a field or a table
//! cell (a refused value changes nothing and says why), add, remove and reorder tables.

use chrono::{DateTime, NaiveDate, Utc};

use super::state::{FIELDS, Field, Row, TABLE_COLUMNS, row_count, row_of};
use crate::domain::clock::phases;
use crate::domain::session::clean_text;
use crate::domain::{Session, SessionError};
use crate::i18n::Lang;
use crate::i18n::errors::session_error;
use crate::i18n::tui as t;
use crate::tui::action::SetupAction;
use crate::tui::app::session_changed;
use crate::tui::app::{App, Status};
use crate::tui::effect::{Effect, SoundEvent};
use crate::tui::widgets::LineInput;

/// Applies a setup key.
pub fn update(app: &mut App, action: SetupAction, now: DateTime<Utc>, effects: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(open) = app.open.as_mut() else { return };
    let rows = row_count(&open.session);
    let state = &mut open.setup;
    match action {
        SetupAction::Up => state.row = state.row.saturating_sub(1),
        SetupAction::Down => state.row = (state.row + 1).min(rows.saturating_sub(1)),
        // ← → go across: from a field to the tables, along a table's cells, and from a
        // table's first cell back to the field left.
        SetupAction::Left => match row_of(state.row, &open.session) {
            Row::Table(_) if state.column > 0 => state.column -= 1,
            Row::Table(_) | Row::RoundQuestion(_) => state.row = state.last_field_row.min(FIELDS.len() - 1),
            Row::Field(_) => {}
        },
        SetupAction::Right => match row_of(state.row, &open.session) {
            Row::Field(_) if !open.session.tables.is_empty() => {
                state.last_field_row = state.row;
                state.row = FIELDS.len();
                state.column = 0;
            }
            Row::Table(_) => state.column = (state.column + 1).min(TABLE_COLUMNS.len() - 1),
            Row::Field(_) | Row::RoundQuestion(_) => {}
        },
        SetupAction::TestSound => {
            let sound = &app.settings.sound;
            app.status =
                Some(Status::Info(t::sound_tested(lang, sound.bell, sound.command(SoundEvent::PhaseEnd))));
            effects.push(Effect::Sound(SoundEvent::PhaseEnd));
        }
        SetupAction::Select(row) => {
            if row < rows {
                if state.row == row && state.editing.is_none() {
                    update(app, SetupAction::Edit, now, effects);
                } else {
                    state.row = row;
                }
            }
        }
        SetupAction::Edit => match row_of(state.row, &open.session) {
            Row::Field(Field::AutoAdvance) => {
                open.session.schedule.auto_advance = !open.session.schedule.auto_advance;
                session_changed(open, effects);
            }
            Row::Field(field) => state.editing = Some(LineInput::new(&field.value(&open.session, lang))),
            Row::Table(index) => {
                if let Some(table) = open.session.tables.get(index) {
                    let value = match state.column {
                        0 => table.number.to_string(),
                        1 => table.name.clone(),
                        2 => table.question.clone(),
                        _ => table.host.clone(),
                    };
                    state.editing = Some(LineInput::new(&value));
                }
            }
            Row::RoundQuestion(round) => {
                let value = open.session.schedule.round_questions.get(round).cloned().unwrap_or_default();
                state.editing = Some(LineInput::new(&value));
            }
        },
        SetupAction::Commit => {
            let Some(input) = state.editing.as_ref() else { return };
            let value = input.text();
            let result = match row_of(state.row, &open.session) {
                Row::Field(field) => apply_field(&mut open.session, field, &value, now, lang),
                Row::Table(index) => apply_table(&mut open.session, index, state.column, &value, lang),
                Row::RoundQuestion(round) => {
                    set_round_question(&mut open.session, round, &value);
                    Ok(())
                }
            };
            match result {
                Ok(()) => {
                    open.setup.editing = None;
                    app.status = None;
                    session_changed(open, effects);
                }
                Err(message) => app.status = Some(Status::Error(message)),
            }
        }
        SetupAction::AddTable => {
            let number = open.session.tables.iter().map(|t| t.number).max().unwrap_or(0) + 1;
            let order: Vec<u32> = open.session.tables.iter().map(|t| t.number).collect();
            match open.session.add_table(number, "") {
                Ok(()) => {
                    // Keep the facilitator's order; the new table goes last.
                    open.session
                        .tables
                        .sort_by_key(|t| order.iter().position(|n| *n == t.number).unwrap_or(usize::MAX));
                    open.setup.row = FIELDS.len() + open.session.tables.len() - 1;
                    open.setup.column = 2;
                    session_changed(open, effects);
                }
                Err(err) => app.status = Some(Status::Error(session_error(lang, &err))),
            }
        }
        SetupAction::RemoveTable => {
            let Row::Table(index) = row_of(state.row, &open.session) else {
                app.status = Some(Status::Info(t::SELECT_A_TABLE.get(lang).to_string()));
                return;
            };
            let Some(table) = open.session.tables.get(index) else { return };
            let number = table.number;
            let count = open.session.proposals.iter().filter(|p| p.table == number).count();
            if count > 0 {
                app.status = Some(Status::Error(t::table_has_proposals(lang, number, count)));
            } else if open.session.tables.len() == 1 {
                app.status = Some(Status::Error(t::LAST_TABLE.get(lang).to_string()));
            } else {
                open.session.tables.remove(index);
                open.setup.row = open.setup.row.min(FIELDS.len() + open.session.tables.len() - 1);
                app.status = Some(Status::Info(t::table_removed(lang, number)));
                session_changed(open, effects);
            }
        }
        SetupAction::MoveTableUp | SetupAction::MoveTableDown => {
            let Row::Table(index) = row_of(state.row, &open.session) else {
                app.status = Some(Status::Info(t::SELECT_A_TABLE.get(lang).to_string()));
                return;
            };
            let target =
                if action == SetupAction::MoveTableUp { index.checked_sub(1) } else { Some(index + 1) };
            if let Some(target) = target.filter(|t| *t < open.session.tables.len()) {
                open.session.tables.swap(index, target);
                open.setup.row = FIELDS.len() + target;
                session_changed(open, effects);
            }
        }
    }
}

fn parse_minutes(lang: Lang, text: &str, min: u32) -> Result<u32, String> {
    match text.trim().parse::<u32>() {
        Ok(n) if n >= min && n <= 600 => Ok(n),
        _ => Err(t::bad_minutes(lang, text.trim(), min)),
    }
}

/// Checks and applies a session field. On error nothing changes.
pub fn apply_field(
    session: &mut Session,
    field: Field,
    value: &str,
    now: DateTime<Utc>,
    lang: Lang,
) -> Result<(), String> {
    let value = value.trim();
    let schedule_before = session.schedule.clone();
    match field {
        Field::Title => {
            let title = clean_text(value);
            if title.is_empty() {
                return Err(session_error(lang, &SessionError::EmptyTitle));
            }
            session.title = title;
        }
        Field::Date => {
            session.date = if value.is_empty() {
                None
            } else {
                Some(
                    NaiveDate::parse_from_str(value, "%Y-%m-%d")
                        .or_else(|_| NaiveDate::parse_from_str(value, "%d/%m/%Y"))
                        .map_err(|_| t::bad_date(lang, value))?,
                )
            };
        }
        Field::Place => session.place = clean_text(value),
        Field::Facilitator => session.facilitator = clean_text(value),
        Field::Rounds => {
            let rounds = match value.parse::<u32>() {
                Ok(n) if (1..=20).contains(&n) => n,
                _ => return Err(t::bad_rounds(lang, value)),
            };
            if let Some(used) = session.proposals.iter().map(|p| p.round).filter(|r| *r > rounds).max() {
                return Err(t::round_has_proposals(lang, used));
            }
            let last = session.schedule.round_minutes.last().copied().unwrap_or(20);
            session.schedule.round_minutes.resize(rounds as usize, last);
        }
        Field::RoundMinutes => {
            let parts: Vec<&str> = value.split([',', ';', ' ']).filter(|p| !p.trim().is_empty()).collect();
            let minutes =
                parts.iter().map(|p| parse_minutes(lang, p, 1)).collect::<Result<Vec<u32>, String>>()?;
            let rounds = session.schedule.round_minutes.len();
            session.schedule.round_minutes = match minutes.len() {
                1 => vec![minutes[0]; rounds],
                n if n == rounds => minutes,
                _ => return Err(t::minutes_count(lang, rounds)),
            };
        }
        Field::MoveMinutes => session.schedule.move_minutes = parse_minutes(lang, value, 0)?,
        Field::HarvestMinutes => session.schedule.harvest_minutes = parse_minutes(lang, value, 1)?,
        Field::AutoAdvance => session.schedule.auto_advance = !session.schedule.auto_advance,
        Field::WarningMinutes => {
            session.schedule.warning_minutes = match value.parse::<u32>() {
                Ok(n) if n <= 60 => n,
                _ => return Err(t::bad_warning_minutes(lang, value)),
            }
        }
    }
    if session.schedule != schedule_before {
        // A new schedule: keep the phase if it still exists, else the last one.
        let last = phases(&session.schedule).len().saturating_sub(1);
        if session.clock.phase > last {
            session.clock.go_to(&session.schedule, last, now, false);
        }
    }
    Ok(())
}

/// Sets the question of `round` (0-based); the list grows as needed and loses its
/// empty tail, so a session without questions stays without.
pub fn set_round_question(session: &mut Session, round: usize, value: &str) {
    let questions = &mut session.schedule.round_questions;
    if questions.len() <= round {
        questions.resize(round + 1, String::new());
    }
    questions[round] = clean_text(value);
    while questions.last().is_some_and(|q| q.is_empty()) {
        questions.pop();
    }
}

/// Checks and applies one cell of a table. A new number carries the table's proposals.
pub fn apply_table(
    session: &mut Session,
    index: usize,
    column: usize,
    value: &str,
    lang: Lang,
) -> Result<(), String> {
    let Some(old_number) = session.tables.get(index).map(|t| t.number) else { return Ok(()) };
    match column {
        0 => {
            let number = value.trim().parse::<u32>().map_err(|_| t::bad_table_number(lang, value.trim()))?;
            if number == 0 {
                return Err(session_error(lang, &SessionError::TableZero));
            }
            if number != old_number && session.table(number).is_some() {
                return Err(session_error(lang, &SessionError::DuplicateTable(number)));
            }
            for proposal in session.proposals.iter_mut().filter(|p| p.table == old_number) {
                proposal.table = number;
            }
            session.tables[index].number = number;
        }
        1 => session.tables[index].name = clean_text(value),
        2 => session.tables[index].question = clean_text(value),
        _ => session.tables[index].host = clean_text(value),
    }
    Ok(())
}
