//! The chart view of the Synthèse screen, for the room to look at rather than read:
//! the support of each condition (horizontal bars, most supported first, coloured by
//! family), the proposals per family, and the proposals per table (vertical bars).
//! Everything is drawn from the synthèse already computed; nothing is computed again.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Bar, BarChart, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::domain::Session;
use crate::i18n::harvest as t;
use crate::synth::{Group, Synthesis};
use crate::tui::app::{App, OpenSession};
use crate::tui::widgets::fit;
use crate::tui::widgets::meter::meter;

/// One bar: its label, value, the text written after it and its style.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub label: String,
    pub value: usize,
    pub text: String,
    pub style: Style,
}

/// The kept conditions, most supported first (then most voted).
pub fn support_items(app: &App, synthesis: &Synthesis) -> Vec<Item> {
    let theme = &app.theme;
    let mut groups: Vec<&Group> = synthesis.conditions.iter().filter(|g| !g.excluded).collect();
    groups
        .sort_by(|a, b| b.support.cmp(&a.support).then(b.votes.cmp(&a.votes)).then(a.anchor.cmp(&b.anchor)));
    groups
        .into_iter()
        .map(|g| {
            let votes = if g.votes > 0 { format!(" ●{}", g.votes) } else { String::new() };
            Item {
                label: g.wording.clone(),
                value: g.support,
                text: format!("{}{votes}", g.support),
                style: g.family.map_or_else(|| theme.warn(), |n| theme.family(n)),
            }
        })
        .collect()
}

/// Proposals of the kept conditions per family (and those still to classify).
pub fn family_items(app: &App, session: &Session, synthesis: &Synthesis) -> Vec<Item> {
    let (lang, theme) = (app.lang, &app.theme);
    let kept = || synthesis.conditions.iter().filter(|g| !g.excluded);
    let mut items: Vec<Item> = session
        .families
        .iter()
        .map(|f| {
            let value: usize = kept().filter(|g| g.family == Some(f.number)).map(|g| g.members.len()).sum();
            Item {
                label: format!("{} · {}", f.number, f.title_in(lang.is_english())),
                value,
                text: value.to_string(),
                style: theme.family(f.number),
            }
        })
        .collect();
    let unclassified: usize = kept()
        .filter(|g| g.family.is_none_or(|n| !session.families.iter().any(|f| f.number == n)))
        .map(|g| g.members.len())
        .sum();
    if unclassified > 0 {
        items.push(Item {
            label: t::UNCLASSIFIED.get(lang).to_string(),
            value: unclassified,
            text: unclassified.to_string(),
            style: theme.warn(),
        });
    }
    items
}

/// Proposals (of every kind) per table, in the order of the tables.
pub fn table_items(app: &App, session: &Session) -> Vec<Item> {
    session
        .tables
        .iter()
        .map(|table| {
            let value = session.proposals.iter().filter(|p| p.table == table.number).count();
            Item {
                label: format!("{}", table.number),
                value,
                text: value.to_string(),
                style: app.theme.accent(),
            }
        })
        .collect()
}

/// Draws the three charts: side by side on wide terminals, stacked otherwise.
pub fn render(app: &App, open: &OpenSession, area: Rect, buf: &mut Buffer) {
    let session = &open.session;
    let synthesis = &open.harvest.synthesis;
    let support = support_items(app, synthesis);
    let families = family_items(app, session, synthesis);
    let tables = table_items(app, session);
    let max_support = session.tables.len().max(1);
    if area.width >= 120 {
        let [left, right] = Layout::horizontal([Constraint::Percentage(58), Constraint::Percentage(42)])
            .spacing(2)
            .areas(area);
        let families_height = (families.len() as u16 * 3 + 1).min(right.height / 2);
        let [top, bottom] = Layout::vertical([Constraint::Length(families_height), Constraint::Min(3)])
            .spacing(1)
            .areas(right);
        hbars(app, t::CHART_SUPPORT.get(app.lang), &support, max_support, left, buf);
        let max_family = families.iter().map(|i| i.value).max().unwrap_or(1);
        hbars(app, t::CHART_FAMILIES.get(app.lang), &families, max_family, top, buf);
        vbars(app, t::CHART_TABLES.get(app.lang), &tables, bottom, buf);
    } else {
        let lower = (families.len() as u16 + 1).max(7).min(area.height / 2);
        let [top, bottom] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(lower)]).spacing(1).areas(area);
        let [families_area, tables_area] =
            Layout::horizontal([Constraint::Percentage(50), Constraint::Percentage(50)])
                .spacing(2)
                .areas(bottom);
        hbars(app, t::CHART_SUPPORT.get(app.lang), &support, max_support, top, buf);
        let max_family = families.iter().map(|i| i.value).max().unwrap_or(1);
        hbars(app, t::CHART_FAMILIES.get(app.lang), &families, max_family, families_area, buf);
        vbars(app, t::CHART_TABLES.get(app.lang), &tables, tables_area, buf);
    }
}

/// Draws a chart's title on the first row of `area` and returns the rows below it.
fn chart_title(app: &App, title: &str, area: Rect, buf: &mut Buffer) -> Rect {
    let title_row = Rect { height: 1, ..area };
    Paragraph::new(Span::styled(
        fit(title, area.width as usize),
        app.theme.accent().add_modifier(Modifier::BOLD),
    ))
    .render(title_row, buf);
    Rect { y: area.y + 1, height: area.height.saturating_sub(1), ..area }
}

/// A titled list of horizontal bars. With room to spare, each bar is thicker and
/// followed by a blank line; what does not fit is counted on the last line.
fn hbars(app: &App, title: &str, items: &[Item], max: usize, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    if area.height == 0 {
        return;
    }
    let body = chart_title(app, title, area, buf);
    let rows = body.height as usize;
    if items.is_empty() || rows == 0 {
        return;
    }
    let per_item = (rows / items.len()).clamp(1, 3);
    // With room, a bar two rows thick and a blank row after it.
    let bar_rows = if per_item >= 2 { per_item - 1 } else { 1 };
    let mut shown = rows / per_item;
    if shown < items.len() {
        // Keep the last row to say how many more there are.
        shown = (rows.saturating_sub(1)) / per_item;
    }
    let shown = shown.min(items.len());
    let width = body.width as usize;
    let longest = items.iter().map(|i| i.label.width()).max().unwrap_or(0);
    let label_width = longest.min(width / 2).max(4);
    let text_width = items.iter().map(|i| i.text.width()).max().unwrap_or(0) + 1;
    let bar_width = width.saturating_sub(label_width + text_width + 2).max(1);
    for (index, item) in items.iter().take(shown).enumerate() {
        let y = body.y + (index * per_item) as u16;
        for r in 0..bar_rows {
            let row = Rect { y: y + r as u16, height: 1, ..body };
            let label = if r == 0 { fit(&item.label, label_width) } else { " ".repeat(label_width) };
            let text = if r == 0 { item.text.clone() } else { String::new() };
            Paragraph::new(Line::from(vec![
                Span::styled(label, theme.base()),
                Span::raw(" "),
                Span::styled(meter(item.value, max, bar_width, false), item.style),
                Span::styled(format!(" {text}"), theme.base().add_modifier(Modifier::BOLD)),
            ]))
            .render(row, buf);
        }
    }
    if shown < items.len() {
        let row = Rect { y: body.bottom() - 1, height: 1, ..body };
        Paragraph::new(Span::styled(t::more_conditions(app.lang, items.len() - shown), theme.muted()))
            .render(row, buf);
    }
}

/// A titled chart of vertical bars (one per table), values on top, labels below.
fn vbars(app: &App, title: &str, items: &[Item], area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    if area.height < 3 || items.is_empty() {
        return;
    }
    let body = chart_title(app, title, area, buf);
    let n = items.len() as u16;
    let bar_width = ((body.width + 1) / n).saturating_sub(1).clamp(1, 7);
    let gap = if bar_width >= 3 { 1 } else { u16::from(body.width >= n * (bar_width + 1)) };
    let bars: Vec<Bar> = items
        .iter()
        .map(|i| {
            Bar::default()
                .value(i.value as u64)
                .label(Line::from(if bar_width >= 7 {
                    format!("{} {}", t::TABLE_SHORT.get(app.lang), i.label)
                } else {
                    i.label.clone()
                }))
                .text_value(i.text.clone())
                .style(i.style)
                .value_style(theme.selected())
        })
        .collect();
    let max = items.iter().map(|i| i.value).max().unwrap_or(1).max(1) as u64;
    BarChart::vertical(bars)
        .bar_width(bar_width)
        .bar_gap(gap)
        .max(max)
        .label_style(theme.base())
        .render(body, buf);
}
