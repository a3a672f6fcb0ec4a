//! Draws the capture screen: the table tabs, the proposals of the tab, the field being
//! typed and the live hints under it.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::state::{Focus, visible};
use crate::domain::Kind;
use crate::i18n::Text;
use crate::i18n::tui as t;
use crate::tui::action::{Action, CaptureAction};
use crate::tui::app::{App, OpenSession};
use crate::tui::widgets::{fit, window};

/// The name of a kind.
pub fn kind_name(kind: Kind) -> Text {
    match kind {
        Kind::Condition => t::KIND_CONDITION,
        Kind::Astuce => t::KIND_ASTUCE,
        Kind::Temoignage => t::KIND_TEMOIGNAGE,
    }
}

/// Draws the capture screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(open) = app.open.as_ref() else { return };
    let (lang, theme) = (app.lang, &app.theme);
    let session = &open.session;
    let state = &open.capture;
    let [tabs_area, question_area, list_area, hint_area, input_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(4),
    ])
    .areas(area);

    // Tabs: all tables, then one per table.
    let count = |number: Option<u32>| {
        session.proposals.iter().filter(|p| number.is_none_or(|n| p.table == n)).count()
    };
    let long = area.width as usize >= 12 * (session.tables.len() + 1) + 10;
    let mut labels = vec![format!(" {} ({}) ", t::ALL_TABLES.get(lang), count(None))];
    for table in &session.tables {
        labels.push(if long {
            format!(" {} {} ({}) ", t::TABLE_SHORT.get(lang), table.number, count(Some(table.number)))
        } else {
            format!(" {} ", table.number)
        });
    }
    let mut x = tabs_area.x;
    let mut shown = 0;
    for (i, label) in labels.iter().enumerate() {
        let width = unicode_width::UnicodeWidthStr::width(label.as_str()) as u16;
        // When the tabs left do not all fit, room is kept for their `+N`.
        let rest: u16 =
            labels[i..].iter().map(|l| unicode_width::UnicodeWidthStr::width(l.as_str()) as u16 + 1).sum();
        let reserve = if x + rest > tabs_area.right() + 1 { 7 } else { 0 };
        if x + width + reserve > tabs_area.right() {
            break;
        }
        shown += 1;
        let cell = Rect { x, width, ..tabs_area };
        let style = if i == state.tab { theme.selected() } else { theme.muted() };
        Paragraph::new(Span::styled(label.clone(), style)).render(cell, buf);
        app.hit(cell, Action::Capture(CaptureAction::SelectTab(i)));
        x += width + 1;
    }
    crate::tui::widgets::more_marker(tabs_area, 0, shown, labels.len(), theme.warn(), buf);

    // The question of the table.
    let question = match state.table(session).and_then(|n| session.table(n)) {
        Some(table) => {
            let q = if table.question.is_empty() { t::NO_QUESTION.get(lang) } else { &table.question };
            let name = if table.name.is_empty() { String::new() } else { format!(" · {}", table.name) };
            format!("{} {}{name} — {q}", t::TABLE.get(lang), table.number)
        }
        None => t::ALL_TABLES_HINT.get(lang).to_string(),
    };
    Paragraph::new(Line::styled(fit(&question, question_area.width as usize), theme.accent()))
        .render(question_area, buf);

    // The proposals.
    let list = visible(session, state.tab);
    if list.is_empty() {
        Paragraph::new(t::NO_PROPOSALS_YET.get(lang))
            .style(theme.muted())
            .wrap(Wrap { trim: true })
            .render(list_area, buf);
    }
    let rows = window(list.len(), state.selected, list_area.height as usize);
    let (first, shown) = (rows.start, rows.len());
    for (offset, index) in rows.enumerate() {
        let proposal = list[index];
        let row = Rect { y: list_area.y + offset as u16, height: 1, ..list_area };
        let selected = index == state.selected;
        let table = if state.tab == 0 {
            format!("{}{} · ", t::TABLE_SHORT.get(lang), proposal.table)
        } else {
            String::new()
        };
        let prefix = format!(
            " {table}{} {} · {} ",
            t::ROUND.get(lang),
            proposal.round,
            fit(kind_name(proposal.kind).get(lang), 10)
        );
        let text_w = (row.width as usize).saturating_sub(prefix.chars().count());
        let style = if selected && state.focus == Focus::List {
            theme.selected()
        } else if selected {
            theme.accent()
        } else {
            theme.base()
        };
        let line = Line::from(vec![
            Span::styled(prefix, theme.muted()),
            Span::styled(fit(&proposal.text, text_w), style),
        ]);
        Paragraph::new(line).render(row, buf);
        app.hit(row, Action::Capture(CaptureAction::SelectItem(index)));
    }

    crate::tui::widgets::more_marker(list_area, first, shown, list.len(), theme.warn(), buf);
    render_hint(app, open, hint_area, buf);

    // The text field.
    let round = state.round(session);
    let round_label = if state.round_override.is_some() {
        format!("{} {round} ({})", t::ROUND.get(lang), t::BY_HAND.get(lang))
    } else {
        format!("{} {round}", t::ROUND.get(lang))
    };
    let title = match (state.editing, state.table(session)) {
        (Some(id), _) => {
            format!(" {} {id} · {} ", t::EDITING_PROPOSAL.get(lang), kind_name(state.kind).get(lang))
        }
        (None, Some(table)) => format!(
            " {} · {} {table} · {round_label} · {} ",
            t::NEW_PROPOSAL.get(lang),
            t::TABLE.get(lang),
            kind_name(state.kind).get(lang)
        ),
        (None, None) => format!(" {} ", t::CHOOSE_TABLE.get(lang)),
    };
    // In the list with nothing typed, the field shows the selected proposal whole (its
    // row may cut it).
    let selected = state.selected_id(session).and_then(|id| session.proposal(id));
    if let (Focus::List, true, Some(proposal)) = (state.focus, state.input.is_empty(), selected) {
        let title = format!(" {} ", t::whole_proposal(lang, proposal.id.0, proposal.table, proposal.round));
        let block = Block::bordered().title(title).border_style(theme.border());
        Paragraph::new(proposal.text.as_str())
            .style(theme.base())
            .wrap(Wrap { trim: true })
            .block(block)
            .render(input_area, buf);
        app.hit(input_area, Action::Capture(CaptureAction::FocusInput));
        return;
    }
    let border = if state.focus == Focus::Input { theme.accent() } else { theme.border() };
    let block = Block::bordered().title(title).border_style(border);
    let cursor = if state.focus == Focus::Input { theme.cursor() } else { theme.base() };
    state.input.render(input_area, buf, block, theme.base(), cursor);
    app.hit(input_area, Action::Capture(CaptureAction::FocusInput));
}

/// `Famille probable : 2 · Connaissance et reconnaissance (72 %) · Proche, table 3 : « … »`
fn render_hint(app: &App, open: &OpenSession, area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (app.lang, &app.theme);
    let Some(hint) = &open.capture.hint else { return };
    let mut spans = Vec::new();
    match hint.family.and_then(|n| open.session.families.iter().find(|f| f.number == n)) {
        Some(family) => {
            spans.push(Span::styled(format!(" {} ", t::HINT_FAMILY.get(lang)), theme.muted()));
            spans.push(Span::styled(
                format!(
                    "{} · {} ({} %)",
                    family.number,
                    family.title_in(lang.is_english()),
                    (hint.confidence * 100.0).round() as u32
                ),
                theme.accent(),
            ));
            if hint.to_validate {
                spans.push(Span::styled(format!(" — {}", t::HINT_TO_VALIDATE.get(lang)), theme.warn()));
            }
        }
        None => spans.push(Span::styled(format!(" {}", t::HINT_NO_FAMILY.get(lang)), theme.muted())),
    }
    spans.push(Span::styled("   ", theme.base()));
    match hint.nearest.and_then(|(id, score)| open.session.proposal(id).map(|p| (p, score))) {
        Some((proposal, score)) => spans.push(Span::styled(
            t::hint_close(lang, proposal.table, &proposal.text, (score * 100.0).round() as u32),
            theme.base(),
        )),
        None => spans.push(Span::styled(t::HINT_NOTHING_CLOSE.get(lang), theme.muted())),
    }
    let width: usize = spans.iter().map(|s| unicode_width::UnicodeWidthStr::width(s.content.as_ref())).sum();
    if width > area.width as usize {
        // Cut the end (the nearest proposal's text) to the width.
        let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
        Paragraph::new(Line::styled(fit(&text, area.width as usize), theme.base())).render(area, buf);
    } else {
        Paragraph::new(Line::from(spans)).render(area, buf);
    }
}
