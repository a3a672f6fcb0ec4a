//! The setup screen: title, date, place, facilitator; rounds and their durations, move
//! and harvest time, auto-advance; tables added, edited, reordered and removed. Every
//! value is checked when it is validated: a refused value leaves the session unchanged,
//! stays in the field to be corrected, and the message says why.

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use crate::domain::clock::phases;
use crate::domain::session::clean_text;
use crate::domain::{Session, SessionError};
use crate::i18n::errors::session_error;
use crate::i18n::tui as t;
use crate::i18n::{Lang, Text};
use crate::tui::action::{Action, SetupAction};
use crate::tui::app::session_changed;
use crate::tui::app::{App, Status};
use crate::tui::effect::Effect;
use crate::tui::widgets::{LineInput, fit, window};

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

fn row_of(index: usize) -> Row {
    FIELDS.get(index).map_or_else(|| Row::Table(index - FIELDS.len()), |f| Row::Field(*f))
}

/// Applies a setup key.
pub fn update(app: &mut App, action: SetupAction, now: DateTime<Utc>, effects: &mut Vec<Effect>) {
    let lang = app.lang;
    let Some(open) = app.open.as_mut() else { return };
    let rows = FIELDS.len() + open.session.tables.len();
    let state = &mut open.setup;
    match action {
        SetupAction::Up => state.row = state.row.saturating_sub(1),
        SetupAction::Down => state.row = (state.row + 1).min(rows.saturating_sub(1)),
        SetupAction::Left => state.column = state.column.saturating_sub(1),
        SetupAction::Right => state.column = (state.column + 1).min(TABLE_COLUMNS.len() - 1),
        SetupAction::Select(row) => {
            if row < rows {
                if state.row == row && state.editing.is_none() {
                    update(app, SetupAction::Edit, now, effects);
                } else {
                    state.row = row;
                }
            }
        }
        SetupAction::Edit => match row_of(state.row) {
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
        },
        SetupAction::Commit => {
            let Some(input) = state.editing.as_ref() else { return };
            let value = input.text();
            let result = match row_of(state.row) {
                Row::Field(field) => apply_field(&mut open.session, field, &value, now, lang),
                Row::Table(index) => apply_table(&mut open.session, index, state.column, &value, lang),
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
            let Row::Table(index) = row_of(state.row) else {
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
            let Row::Table(index) = row_of(state.row) else {
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

/// Draws the setup screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(open) = app.open.as_ref() else { return };
    let (lang, theme) = (app.lang, &app.theme);
    let session = &open.session;
    let state = &open.setup;
    let editing_height = if state.editing.is_some() { 3 } else { 0 };
    let [main, edit_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(editing_height)]).areas(area);
    let wide = main.width >= 140;
    let (fields_area, tables_area) = if wide {
        let [l, r] = Layout::horizontal([Constraint::Length(60), Constraint::Min(0)]).spacing(2).areas(main);
        (l, r)
    } else {
        let [top, bottom] =
            Layout::vertical([Constraint::Length(FIELDS.len() as u16 + 1), Constraint::Min(0)]).areas(main);
        (top, bottom)
    };

    // The session's fields.
    let label_w = 24;
    Paragraph::new(Line::styled(t::SESSION_HEADING.get(lang), theme.accent()))
        .render(Rect { height: 1, ..fields_area }, buf);
    for (i, field) in FIELDS.iter().enumerate() {
        let y = fields_area.y + 1 + i as u16;
        if y >= fields_area.bottom() {
            break;
        }
        let row = Rect { y, height: 1, ..fields_area };
        let selected = state.row == i;
        let value_w = (row.width as usize).saturating_sub(label_w + 1);
        let line = Line::from(vec![
            Span::styled(fit(field.label().get(lang), label_w), theme.muted()),
            Span::raw(" "),
            Span::styled(
                fit(&field.value(session, lang), value_w),
                if selected { theme.selected() } else { theme.base() },
            ),
        ]);
        Paragraph::new(line).render(row, buf);
        app.hit(row, Action::Setup(SetupAction::Select(i)));
    }

    // The tables.
    let [heading, header, list] =
        Layout::vertical([Constraint::Length(1), Constraint::Length(1), Constraint::Min(0)])
            .areas(tables_area);
    Paragraph::new(Line::styled(t::tables_heading(lang, session.tables.len()), theme.accent()))
        .render(heading, buf);
    let width = tables_area.width as usize;
    let number_w = 6;
    let name_w = (width / 6).clamp(8, 24);
    let host_w = (width / 6).clamp(8, 24);
    let question_w = width.saturating_sub(number_w + name_w + host_w + 3);
    let widths = [number_w, name_w, question_w, host_w];
    let head: Vec<Span> = TABLE_COLUMNS
        .iter()
        .zip(widths)
        .map(|(c, w)| Span::styled(format!("{} ", fit(c.get(lang), w.saturating_sub(1))), theme.muted()))
        .collect();
    Paragraph::new(Line::from(head)).render(header, buf);
    let selected_table = state.row.checked_sub(FIELDS.len());
    let rows = window(session.tables.len(), selected_table.unwrap_or(0), list.height as usize);
    for (offset, index) in rows.enumerate() {
        let table = &session.tables[index];
        let row = Rect { y: list.y + offset as u16, height: 1, ..list };
        let cells =
            [table.number.to_string(), table.name.clone(), table.question.clone(), table.host.clone()];
        let spans: Vec<Span> = cells
            .iter()
            .zip(widths)
            .enumerate()
            .map(|(column, (cell, w))| {
                let style = if selected_table == Some(index) && state.column == column {
                    theme.selected()
                } else if selected_table == Some(index) {
                    theme.accent()
                } else {
                    theme.base()
                };
                Span::styled(format!("{} ", fit(cell, w.saturating_sub(1))), style)
            })
            .collect();
        Paragraph::new(Line::from(spans)).render(row, buf);
        app.hit(row, Action::Setup(SetupAction::Select(FIELDS.len() + index)));
    }

    if let Some(input) = &state.editing {
        let what = match row_of(state.row) {
            Row::Field(field) => field.label().get(lang).to_string(),
            Row::Table(index) => format!(
                "{} {} · {}",
                t::TABLE.get(lang),
                session.tables.get(index).map_or(0, |t| t.number),
                TABLE_COLUMNS[state.column.min(3)].get(lang)
            ),
        };
        let block =
            Block::bordered().title(format!(" {} ", t::editing(lang, &what))).border_style(theme.accent());
        input.render(edit_area, buf, block, theme.base(), theme.cursor());
    }
}
