//! The `?` popup: the rule of the keys, then every key of every context, generated from
//! the keymap; it scrolls (↑ ↓, PgPréc PgSuiv, Début Fin, the wheel) and says `+N` when
//! lines are hidden.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use crate::i18n::tui as t;
use crate::tui::app::App;
use crate::tui::keymap::{Context, bindings};
use crate::tui::widgets::{fit, more_marker, wrap};

/// The lines of the key list: a heading per context, then `keys  description`.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let (lang, theme) = (app.lang, &app.theme);
    // The rule of the keys first, wrapped to the popup's width so that nothing is cut.
    let mut lines: Vec<Line<'static>> =
        wrap(t::HELP_FOOTER.get(lang), 72).into_iter().map(|l| Line::styled(l, theme.muted())).collect();
    lines.push(Line::default());
    let mut last: Option<&'static str> = None;
    for binding in bindings() {
        let heading = binding.context.title().get(lang);
        if binding.context == Context::Help {
            continue;
        }
        if last != Some(heading) {
            if last.is_some() {
                lines.push(Line::default());
            }
            lines.push(Line::styled(heading.to_string(), theme.accent()));
            last = Some(heading);
        }
        lines.push(Line::from(vec![
            Span::styled(format!("  {}", fit(&binding.keys_label(lang), 22)), theme.warn()),
            Span::styled(format!(" {}", binding.description.get(lang)), theme.base()),
        ]));
    }
    lines
}

/// Draws the key list over the screen.
pub fn render(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    let popup = area.centered(Constraint::Length(76), Constraint::Length(area.height.saturating_sub(2)));
    Clear.render(popup, buf);
    let block = Block::bordered()
        .title(format!(" {} ", t::HELP_TITLE.get(app.lang)))
        .border_style(app.theme.accent())
        .style(app.theme.base());
    let lines = lines(app);
    let visible = popup.height.saturating_sub(2);
    let max_scroll = (lines.len() as u16).saturating_sub(visible);
    app.help_view.set((visible, max_scroll));
    let total = lines.len();
    let scroll = scroll.min(max_scroll);
    Paragraph::new(lines).block(block).scroll((scroll, 0)).render(popup, buf);
    let inner =
        Rect { x: popup.x + 1, y: popup.y + 1, width: popup.width.saturating_sub(2), height: visible };
    more_marker(inner, scroll as usize, (visible as usize).min(total), total, app.theme.warn(), buf);
}
