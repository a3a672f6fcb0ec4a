//! The `?` popup: every key of every context, generated from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

use crate::i18n::tui as t;
use crate::tui::app::App;
use crate::tui::keymap::{Context, bindings};
use crate::tui::widgets::{centered, fit};

/// The lines of the key list: a heading per context, then `keys  description`.
pub fn lines(app: &App) -> Vec<Line<'static>> {
    let (lang, theme) = (app.lang, &app.theme);
    let mut lines = Vec::new();
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
    lines.push(Line::default());
    lines.push(Line::styled(t::HELP_FOOTER.get(lang).to_string(), theme.muted()));
    lines
}

/// Draws the key list over the screen.
pub fn render(app: &App, scroll: u16, area: Rect, buf: &mut Buffer) {
    let popup = centered(area, 76, area.height.saturating_sub(2));
    Clear.render(popup, buf);
    let block = Block::bordered()
        .title(format!(" {} ", t::HELP_TITLE.get(app.lang)))
        .border_style(app.theme.accent())
        .style(app.theme.base());
    let lines = lines(app);
    let visible = popup.height.saturating_sub(2);
    let max_scroll = (lines.len() as u16).saturating_sub(visible);
    Paragraph::new(lines).block(block).scroll((scroll.min(max_scroll), 0)).render(popup, buf);
}
