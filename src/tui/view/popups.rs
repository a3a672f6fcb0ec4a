//! Popups drawn over the screen: a yes/no question and a question with a text field.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use crate::i18n::tui as t;
use crate::tui::action::{Action, PopupAction};
use crate::tui::app::App;
use crate::tui::widgets::{LineInput, centered};

/// A yes/no question.
pub fn render_confirm(app: &App, message: &str, area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (app.lang, &app.theme);
    let popup = centered(area, 64, 7);
    Clear.render(popup, buf);
    let block =
        Block::bordered().title(format!(" {} ", t::CONFIRM_TITLE.get(lang))).border_style(theme.warn());
    let inner = block.inner(popup);
    block.style(theme.base()).render(popup, buf);
    let buttons = format!("[o] {}    [n] {}", t::K_YES.get(lang), t::K_NO.get(lang));
    Paragraph::new(vec![
        Line::styled(message.to_string(), theme.base()),
        Line::default(),
        Line::styled(buttons, theme.accent()),
    ])
    .wrap(Wrap { trim: true })
    .render(inner, buf);
    if inner.height > 0 {
        let row = Rect { y: inner.bottom() - 1, height: 1, ..inner };
        let half = row.width / 2;
        app.hit(Rect { width: half, ..row }, Action::Popup(PopupAction::Confirm));
        app.hit(Rect { x: row.x + half, width: row.width - half, ..row }, Action::Popup(PopupAction::Cancel));
    }
}

/// A question with a text field.
pub fn render_ask(app: &App, question: &str, input: &LineInput, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let popup = centered(area, 72, 5);
    Clear.render(popup, buf);
    let block =
        Block::bordered().title(format!(" {question} ")).border_style(theme.accent()).style(theme.base());
    input.render(popup, buf, block, theme.base(), theme.cursor());
}
