//! The board of the Synthèse screen: the families side by side (or stacked on narrow
//! terminals), or the astuces and témoignages, each condition with its support and
//! votes.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::labels::{family_style, flags, votes_label};
use super::state::{Column, columns, stacked};
use crate::domain::Kind;
use crate::i18n::harvest as t;
use crate::synth::Group;
use crate::tui::action::{Action, HarvestAction};
use crate::tui::app::{App, OpenSession};
use crate::tui::widgets::meter::meter;
use crate::tui::widgets::{fit, more_marker, window, wrap};

/// The families side by side (or stacked), or the astuces and témoignages.
pub(super) fn render_board(app: &App, open: &OpenSession, area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (app.lang, &app.theme);
    let state = &open.harvest;
    let cols = columns(&state.synthesis, &open.session, state.tab, lang);
    if cols.is_empty() {
        return;
    }
    let [board, legend] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    Paragraph::new(Line::styled(fit(t::LEGEND.get(lang), legend.width as usize), theme.muted()))
        .render(legend, buf);
    let tables = open.session.tables.len().max(1);
    if stacked(board.width, cols.len()) {
        render_stacked(app, open, &cols, tables, board, buf);
        return;
    }
    // The families share the width; « À classer » gets a narrower column.
    let widths: Vec<Constraint> = cols
        .iter()
        .map(|c| Constraint::Fill(if c.family.is_some() || cols.len() < 3 { 3 } else { 2 }))
        .collect();
    let areas = Layout::horizontal(widths).spacing(1).split(board);
    let heading = |column: &Column| {
        format!("{} ({})", column.heading, column.groups.iter().filter(|g| !g.excluded).count())
    };
    // Every column keeps the same room for its heading, so the conditions line up.
    let heading_rows = cols
        .iter()
        .zip(areas.iter())
        .map(|(column, area)| wrap(&heading(column), area.width.saturating_sub(2) as usize).len().min(2))
        .max()
        .unwrap_or(1) as u16;
    for (c, (column, column_area)) in cols.iter().zip(areas.iter()).enumerate() {
        let focused = c == state.column;
        let border = if focused { theme.accent() } else { theme.border() };
        let block = Block::bordered().border_style(border);
        let inner = block.inner(*column_area);
        block.render(*column_area, buf);
        // The family's name in full (on two lines if needed), then its conditions.
        let mut heading_lines = wrap(&heading(column), inner.width as usize);
        if heading_lines.len() > 2 {
            let rest = heading_lines[1..].join(" ");
            heading_lines.truncate(1);
            heading_lines.push(fit(&rest, inner.width as usize));
        }
        let heading_style = family_style(theme, column.family).add_modifier(Modifier::BOLD);
        for (i, line) in heading_lines.iter().enumerate() {
            let row = Rect { y: inner.y + i as u16, height: 1, ..inner };
            if row.y < inner.bottom() {
                Paragraph::new(Span::styled(line.clone(), heading_style)).render(row, buf);
            }
        }
        let skip = (heading_rows + 1).min(inner.height);
        let inner = Rect { y: inner.y + skip, height: inner.height - skip, ..inner };
        if column.groups.is_empty() {
            Paragraph::new(Span::styled(t::NONE.get(lang), theme.muted())).render(inner, buf);
            continue;
        }
        // Wordings wrapped on up to three lines (two when the column is full).
        let text_width = (inner.width as usize).saturating_sub(2);
        let wrapped: Vec<Vec<String>> = column.groups.iter().map(|g| wrap(&g.wording, text_width)).collect();
        let available = inner.height as usize;
        let total = |most: usize| wrapped.iter().map(|w| w.len().min(most) + 1).sum::<usize>();
        let most = if total(3) <= available { 3 } else { 2 };
        let heights: Vec<usize> = wrapped.iter().map(|w| w.len().min(most) + 1).collect();
        let selected = if focused { state.row.min(heights.len() - 1) } else { 0 };
        let mut first = 0;
        while first < selected && heights[first..=selected].iter().sum::<usize>() > available {
            first += 1;
        }
        let mut y = inner.y;
        let mut shown = 0;
        for index in first..column.groups.len() {
            let height = heights[index] as u16;
            if y + height > inner.bottom() {
                break;
            }
            shown += 1;
            let group = column.groups[index];
            let mut lines = wrapped[index].clone();
            if lines.len() > most {
                let rest = lines[most..].join(" ");
                lines.truncate(most);
                let last = format!("{} {rest}", lines[most - 1]);
                lines[most - 1] = fit(&last, text_width);
            }
            let item = Rect { y, height, ..inner };
            render_item(
                app,
                open,
                group,
                column.kind,
                &lines,
                tables,
                focused && index == state.row,
                item,
                buf,
            );
            app.hit(item, Action::Harvest(HarvestAction::Select { column: c, row: index }));
            y += height;
        }
        // How many conditions the column holds beyond what shows, on its bottom border.
        let border_row = Rect { y: column_area.bottom().saturating_sub(1), height: 1, ..inner };
        more_marker(border_row, first, shown, column.groups.len(), theme.warn(), buf);
    }
}

/// One condition in a column: its wording (already wrapped), then its bar, support,
/// votes and flags.
#[allow(clippy::too_many_arguments)]
fn render_item(
    app: &App,
    open: &OpenSession,
    group: &Group,
    kind: Kind,
    lines: &[String],
    tables: usize,
    selected: bool,
    area: Rect,
    buf: &mut Buffer,
) {
    let (lang, theme) = (app.lang, &app.theme);
    let width = area.width as usize;
    let marked = open.harvest.marked.is_some_and(|id| group.members.contains(&id));
    let mut style = if selected { theme.selected() } else { theme.base() };
    if group.excluded {
        style = style.patch(theme.muted()).add_modifier(Modifier::CROSSED_OUT);
    }
    for (i, text) in lines.iter().enumerate() {
        let y = area.y + i as u16;
        if y + 1 >= area.bottom() {
            break;
        }
        let pointer = if selected && i == 0 { "▸" } else { " " };
        let mark = if marked && i == 0 { "◆" } else { " " };
        let line = Line::from(vec![
            Span::styled(format!("{pointer}{mark}"), theme.warn()),
            Span::styled(fit(text, width.saturating_sub(2)), style),
        ]);
        Paragraph::new(line).render(Rect { y, height: 1, ..area }, buf);
    }
    if area.height < 2 {
        return;
    }
    let bar_width = (width / 4).clamp(4, 12);
    let mut spans = vec![
        Span::raw("  "),
        Span::styled(meter(group.support, tables, bar_width, true), family_style(theme, group.family)),
        Span::styled(format!(" {}", t::tables(lang, group.support)), theme.base()),
    ];
    if group.votes > 0 {
        spans.push(Span::styled(format!("  {}", votes_label(group.votes, 5)), theme.warn()));
    }
    let flags = flags(group, kind);
    if !flags.is_empty() {
        spans.push(Span::styled(format!("  {flags}"), theme.accent()));
    }
    if group.excluded {
        spans.push(Span::styled(format!("  {}", t::EXCLUDED_TAG.get(lang)), theme.muted()));
    }
    Paragraph::new(Line::from(spans)).render(Rect { y: area.bottom() - 1, height: 1, ..area }, buf);
}

/// The board as one list: a heading per family, one line per condition.
fn render_stacked(
    app: &App,
    open: &OpenSession,
    cols: &[Column],
    tables: usize,
    area: Rect,
    buf: &mut Buffer,
) {
    let (lang, theme) = (app.lang, &app.theme);
    let state = &open.harvest;
    // Rows: (column, None) for a heading, (column, Some(row)) for a condition.
    let mut rows: Vec<(usize, Option<usize>)> = Vec::new();
    let mut selected_at = 0;
    for (c, column) in cols.iter().enumerate() {
        rows.push((c, None));
        if column.groups.is_empty() && c == state.column {
            selected_at = rows.len() - 1;
        }
        for r in 0..column.groups.len() {
            if (c, r) == (state.column, state.row) {
                selected_at = rows.len();
            }
            rows.push((c, Some(r)));
        }
    }
    let height = area.height as usize;
    let mut range = window(rows.len(), selected_at, height);
    // Show the family's heading above its first condition.
    if state.row == 0 && range.start == selected_at && range.start > 0 {
        range = range.start - 1..(range.end - 1).max(range.start);
    }
    let width = area.width as usize;
    let right_width = 30.min(width / 2);
    for (offset, &(c, row)) in rows[range].iter().enumerate() {
        let line_area = Rect { y: area.y + offset as u16, height: 1, ..area };
        let column = &cols[c];
        match row {
            None => {
                let heading = format!(
                    "── {} ({}) ",
                    column.heading,
                    column.groups.iter().filter(|g| !g.excluded).count()
                );
                let mut line = fit(&heading, width);
                if column.groups.is_empty() {
                    line = fit(&format!("{heading} {}", t::NONE.get(lang)), width);
                }
                let style = family_style(theme, column.family).add_modifier(Modifier::BOLD);
                Paragraph::new(Span::styled(line, style)).render(line_area, buf);
            }
            Some(r) => {
                let group = column.groups[r];
                let selected = (c, r) == (state.column, state.row);
                let marked = state.marked.is_some_and(|id| group.members.contains(&id));
                let mut style = if selected { theme.selected() } else { theme.base() };
                if group.excluded {
                    style = style.patch(theme.muted()).add_modifier(Modifier::CROSSED_OUT);
                }
                let mut right = format!(" {} ", meter(group.support, tables, 6, true));
                let support = t::tables(lang, group.support);
                let votes = if group.votes > 0 { format!(" ●{}", group.votes) } else { String::new() };
                let tail = format!("{support}{votes} {}", flags(group, column.kind));
                right.push_str(&tail);
                let text_width = width.saturating_sub(2 + right_width);
                let line = Line::from(vec![
                    Span::styled(
                        format!("{}{}", if selected { "▸" } else { " " }, if marked { "◆" } else { " " }),
                        theme.warn(),
                    ),
                    Span::styled(fit(&group.wording, text_width), style),
                    Span::styled(fit(&right, right_width), family_style(theme, group.family)),
                ]);
                Paragraph::new(line).render(line_area, buf);
                app.hit(line_area, Action::Harvest(HarvestAction::Select { column: c, row: r }));
            }
        }
    }
}
