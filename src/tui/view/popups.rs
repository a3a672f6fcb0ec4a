//! Popups drawn over the screen: a yes/no question and a question with a text field.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use crate::i18n::tui as t;
use crate::tui::action::{Action, PopupAction};
use crate::tui::app::App;
use crate::tui::widgets::{LineInput, fit};

/// A yes/no question.
pub fn render_confirm(app: &App, message: &str, area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (app.lang, &app.theme);
    let popup = area.centered(Constraint::Length(64), Constraint::Length(7));
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

/// A pasted block of lines: one proposal per line, or one?
pub fn render_paste(app: &App, lines: &[String], area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (app.lang, &app.theme);
    let shown = lines.len().min(5);
    let popup = area.centered(Constraint::Length(72), Constraint::Length(7 + shown as u16));
    Clear.render(popup, buf);
    let block = Block::bordered().title(format!(" {} ", t::PASTE_TITLE.get(lang))).border_style(theme.warn());
    let inner = block.inner(popup);
    block.style(theme.base()).render(popup, buf);
    let mut text = vec![Line::styled(t::paste_question(lang, lines.len()), theme.accent()), Line::default()];
    let width = inner.width.saturating_sub(4) as usize;
    text.extend(
        lines.iter().take(shown).map(|l| Line::styled(format!("  • {}", fit(l, width)), theme.base())),
    );
    if lines.len() > shown {
        text.push(Line::styled(format!("  +{}", lines.len() - shown), theme.warn()));
    }
    text.push(Line::default());
    text.push(Line::styled(
        format!(
            "[{}] {}    [1] {}    [{}] {}",
            t::KEY_ENTER.get(lang),
            t::K_ONE_PER_LINE.get(lang),
            t::K_ONE_PROPOSAL.get(lang),
            t::KEY_ESC.get(lang),
            t::K_CANCEL.get(lang)
        ),
        theme.accent(),
    ));
    Paragraph::new(text).render(inner, buf);
}

/// A question with a text field.
pub fn render_ask(app: &App, question: &str, input: &LineInput, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let popup = area.centered(Constraint::Length(72), Constraint::Length(5));
    Clear.render(popup, buf);
    let block =
        Block::bordered().title(format!(" {question} ")).border_style(theme.accent()).style(theme.base());
    input.render(popup, buf, block, theme.base(), theme.cursor());
}
