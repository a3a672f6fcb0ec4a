//! A one-line text field on top of `ratatui-textarea`: accents, emoji and long lines
//! (soft-wrapped on screen), paste, and the usual editing keys. Enter never inserts a
//! line break: the keymap turns it into "validate" before the field sees it.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Widget};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

/// A single-line text field.
#[derive(Debug, Clone)]
pub struct LineInput {
    area: TextArea<'static>,
}

impl Default for LineInput {
    fn default() -> Self {
        LineInput::new("")
    }
}

impl PartialEq for LineInput {
    fn eq(&self, other: &Self) -> bool {
        self.text() == other.text()
    }
}

impl LineInput {
    /// A field holding `text`, with the cursor at its end.
    pub fn new(text: &str) -> LineInput {
        let mut area = TextArea::new(vec![one_line(text)]);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_cursor_line_style(Style::default());
        area.move_cursor(CursorMove::End);
        LineInput { area }
    }

    /// What is typed.
    pub fn text(&self) -> String {
        self.area.lines().join(" ")
    }

    pub fn is_empty(&self) -> bool {
        self.area.lines().iter().all(String::is_empty)
    }

    /// Replaces the text (the cursor goes to its end).
    pub fn set_text(&mut self, text: &str) {
        *self = LineInput::new(text);
    }

    pub fn clear(&mut self) {
        self.set_text("");
    }

    /// Feeds one key. Line breaks are refused; returns whether the text changed.
    pub fn key(&mut self, key: KeyEvent) -> bool {
        if matches!(key.code, KeyCode::Enter) {
            return false;
        }
        if matches!(key.code, KeyCode::Char('m' | 'j'))
            && key.modifiers.contains(ratatui::crossterm::event::KeyModifiers::CONTROL)
        {
            return false;
        }
        self.area.input(key)
    }

    /// Inserts pasted text at the cursor; line breaks and tabs become spaces.
    pub fn paste(&mut self, text: &str) -> bool {
        self.area.insert_str(one_line(text))
    }

    /// Draws the field inside `block` with the given text style.
    pub fn render(&self, area: Rect, buf: &mut Buffer, block: Block<'static>, style: Style, cursor: Style) {
        let mut field = self.area.clone();
        field.set_block(block);
        field.set_style(style);
        field.set_cursor_style(cursor);
        (&field).render(area, buf);
    }
}

/// Line breaks and tabs replaced by spaces (a proposal is one line).
fn one_line(text: &str) -> String {
    text.replace("\r\n", " ").replace(['\n', '\r', '\t'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn typing_accents_emoji_and_paste() {
        let mut input = LineInput::default();
        for c in "Écoute 🙂".chars() {
            input.key(key(KeyCode::Char(c)));
        }
        input.paste(" et\nrespect");
        assert_eq!(input.text(), "Écoute 🙂 et respect");
        input.key(key(KeyCode::Backspace));
        assert_eq!(input.text(), "Écoute 🙂 et respec");
        assert!(!input.key(key(KeyCode::Enter)));
        assert_eq!(input.text(), "Écoute 🙂 et respec");
    }
}
