//! Draws the setup screen: the session's fields, the tables, and the field being
//! edited.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::state::{FIELDS, Row, TABLE_COLUMNS, round_question_row, row_of};
use crate::i18n::tui as t;
use crate::tui::action::{Action, SetupAction};
use crate::tui::app::App;
use crate::tui::widgets::{fit, more_marker, window};

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
    let rounds = session.schedule.round_minutes.len() as u16;
    let (fields_area, tables_area, questions_area) = if wide {
        let [l, r] = Layout::horizontal([Constraint::Length(60), Constraint::Min(0)]).spacing(2).areas(main);
        let [fields, _, questions] = Layout::vertical([
            Constraint::Length(FIELDS.len() as u16 + 1),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(l);
        (fields, r, questions)
    } else {
        let [left, right] =
            Layout::horizontal([Constraint::Fill(1), Constraint::Fill(1)]).spacing(1).areas(main);
        let [top, bottom] =
            Layout::vertical([Constraint::Length(FIELDS.len() as u16 + 1), Constraint::Min(0)]).areas(main);
        // Beside the fields when there is room, else under the tables.
        if left.width >= 30 && rounds < FIELDS.len() as u16 {
            let fields = Rect { width: left.width, ..top };
            let questions = Rect { x: right.x, width: right.width, ..top };
            (fields, bottom, questions)
        } else {
            let [tables, questions] =
                Layout::vertical([Constraint::Min(3), Constraint::Length(rounds + 1)]).areas(bottom);
            (top, tables, questions)
        }
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

    render_round_questions(app, questions_area, buf);

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
    let selected_table = selected_table.filter(|i| *i < session.tables.len());
    let rows = window(session.tables.len(), selected_table.unwrap_or(0), list.height as usize);
    let (first, shown) = (rows.start, rows.len());
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

    more_marker(list, first, shown, session.tables.len(), theme.warn(), buf);

    if let Some(input) = &state.editing {
        let what = match row_of(state.row, session) {
            Row::Field(field) => field.label().get(lang).to_string(),
            Row::Table(index) => format!(
                "{} {} · {}",
                t::TABLE.get(lang),
                session.tables.get(index).map_or(0, |t| t.number),
                TABLE_COLUMNS[state.column.min(3)].get(lang)
            ),
            Row::RoundQuestion(round) => t::round_question_label(lang, round + 1),
        };
        let block =
            Block::bordered().title(format!(" {} ", t::editing(lang, &what))).border_style(theme.accent());
        input.render(edit_area, buf, block, theme.base(), theme.cursor());
    }
}

/// The World Café question of each round, one row each.
fn render_round_questions(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(open) = app.open.as_ref() else { return };
    let (lang, theme) = (app.lang, &app.theme);
    let session = &open.session;
    if area.height == 0 {
        return;
    }
    Paragraph::new(Line::styled(
        fit(t::ROUND_QUESTIONS_HEADING.get(lang), area.width as usize),
        theme.accent(),
    ))
    .render(Rect { height: 1, ..area }, buf);
    let label_w = 8;
    let rounds = session.schedule.round_minutes.len();
    let mut shown = 0;
    for round in 0..rounds {
        let y = area.y + 1 + round as u16;
        if y >= area.bottom() {
            break;
        }
        shown += 1;
        let row = Rect { y, height: 1, ..area };
        let index = round_question_row(session, round);
        let selected = open.setup.row == index;
        let value = session.schedule.round_question(round as u32 + 1).unwrap_or("—");
        let value_w = (row.width as usize).saturating_sub(label_w + 1);
        let line = Line::from(vec![
            Span::styled(fit(&t::round_question_label(lang, round + 1), label_w), theme.muted()),
            Span::raw(" "),
            Span::styled(fit(value, value_w), if selected { theme.selected() } else { theme.base() }),
        ]);
        Paragraph::new(line).render(row, buf);
        app.hit(row, Action::Setup(SetupAction::Select(index)));
    }
    let list = Rect { y: area.y + 1, height: area.height - 1, ..area };
    more_marker(list, 0, shown, rounds, theme.warn(), buf);
}
