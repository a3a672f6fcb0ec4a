//! Draws the home screen: the list of sessions and the keys to act on them.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::i18n::tui as t;
use crate::tui::action::{Action, HomeAction};
use crate::tui::app::App;
use crate::tui::widgets::{fit, window};

/// Draws the home screen.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (app.lang, &app.theme);
    let home = &app.home;
    let [heading, header, list] =
        Layout::vertical([Constraint::Length(2), Constraint::Length(1), Constraint::Min(0)]).areas(area);
    Paragraph::new(vec![
        Line::from(vec![
            Span::styled(t::SESSIONS_IN.get(lang), theme.accent()),
            Span::styled(format!(" {}", app.sessions_dir.display()), theme.base()),
        ]),
        Line::default(),
    ])
    .render(heading, buf);

    if home.scanned && home.entries.is_empty() {
        Paragraph::new(t::NO_SESSIONS.get(lang))
            .style(theme.muted())
            .wrap(Wrap { trim: true })
            .render(list, buf);
        return;
    }
    let width = area.width as usize;
    let date_w = 10;
    let tables_w = 7;
    let proposals_w = 13;
    let file_w = (width / 4).clamp(12, 40);
    let title_w = width.saturating_sub(date_w + tables_w + proposals_w + file_w + 5);
    let head = format!(
        " {} {} {} {} {}",
        fit(t::COL_DATE.get(lang), date_w),
        fit(t::COL_TITLE.get(lang), title_w),
        fit(t::COL_TABLES.get(lang), tables_w),
        fit(t::COL_PROPOSALS.get(lang), proposals_w),
        fit(t::COL_FILE.get(lang), file_w),
    );
    Paragraph::new(Line::styled(head, theme.muted())).render(header, buf);

    let rows = window(home.entries.len(), home.selected, list.height as usize);
    let (first, shown) = (rows.start, rows.len());
    for (offset, index) in rows.enumerate() {
        let entry = &home.entries[index];
        let row = Rect { y: list.y + offset as u16, height: 1, ..list };
        let line = match &entry.summary {
            Ok(summary) => {
                let date =
                    summary.date.map(|d| d.format("%Y-%m-%d").to_string()).unwrap_or_else(|| "—".into());
                Line::styled(
                    format!(
                        " {} {} {} {} {}",
                        fit(&date, date_w),
                        fit(&summary.title, title_w),
                        fit(&summary.tables.to_string(), tables_w),
                        fit(&summary.proposals.to_string(), proposals_w),
                        fit(&entry.file_name(), file_w),
                    ),
                    if index == home.selected { theme.selected() } else { theme.base() },
                )
            }
            Err(message) => Line::styled(
                format!(" {}", fit(&format!("⚠ {message}"), width.saturating_sub(1))),
                if index == home.selected { theme.selected() } else { theme.error() },
            ),
        };
        Paragraph::new(line).render(row, buf);
        app.hit(row, Action::Home(HomeAction::Select(index)));
    }
    crate::tui::widgets::more_marker(list, first, shown, home.entries.len(), app.theme.warn(), buf);
}
