//! The words of the keymap: a key with its modifiers, the contexts where bindings
//! apply, and a binding (keys, action, description, whether the help bar shows it).

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::harvest as ts;
use crate::i18n::tui as t;
use crate::i18n::{Lang, Text};
use crate::tui::action::Action;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Everywhere, even while typing.
    Always,
    /// While a session is open, even while typing (screen tabs).
    Session,
    /// Everywhere except while typing.
    Global,
    Help,
    Confirm,
    Ask,
    /// The question of a pasted block of lines.
    PasteLines,
    Home,
    Setup,
    SetupEditing,
    Run,
    CaptureInput,
    CaptureList,
    Export,
    ParticipantsInput,
    ParticipantsList,
    /// The synthèse's families (and the astuces and témoignages).
    HarvestBoard,
    /// An opened condition of the synthèse.
    HarvestDetail,
    /// The synthèse's queue « à valider ».
    HarvestQueue,
    /// The synthèse's charts.
    HarvestChart,
    /// Every view of the synthèse.
    Harvest,
}

impl Context {
    /// The heading of this context in the `?` list.
    pub fn title(self) -> Text {
        match self {
            Context::Always => t::CTX_ALWAYS,
            Context::Global => t::CTX_GLOBAL,
            Context::Session => t::CTX_SESSION,
            Context::Help => t::CTX_HELP,
            Context::Confirm | Context::Ask => t::CTX_POPUP,
            Context::PasteLines => t::CTX_PASTE,
            Context::Home => t::SCREEN_HOME,
            Context::Setup => t::SCREEN_SETUP,
            Context::SetupEditing => t::CTX_SETUP_EDITING,
            Context::Run => t::SCREEN_RUN,
            Context::CaptureInput => t::CTX_CAPTURE_INPUT,
            Context::CaptureList => t::CTX_CAPTURE_LIST,
            Context::Export => t::SCREEN_EXPORT,
            Context::ParticipantsInput => crate::i18n::plan::CTX_PARTICIPANTS_INPUT,
            Context::ParticipantsList => crate::i18n::plan::CTX_PARTICIPANTS_LIST,
            Context::HarvestBoard => ts::CTX_BOARD,
            Context::HarvestDetail => ts::CTX_DETAIL,
            Context::HarvestQueue => ts::CTX_QUEUE,
            Context::HarvestChart => ts::CTX_CHART,
            Context::Harvest => ts::SCREEN,
        }
    }
}

/// A key with its modifiers (Shift is ignored on characters: `K` is `K`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    pub const fn plain(code: KeyCode) -> Key {
        Key { code, modifiers: KeyModifiers::NONE }
    }

    pub const fn ch(c: char) -> Key {
        Key::plain(KeyCode::Char(c))
    }

    pub const fn ctrl(c: char) -> Key {
        Key { code: KeyCode::Char(c), modifiers: KeyModifiers::CONTROL }
    }

    pub const fn shift(code: KeyCode) -> Key {
        Key { code, modifiers: KeyModifiers::SHIFT }
    }

    /// The key of an event, normalised for matching.
    pub fn of_event(event: &KeyEvent) -> Key {
        let mut modifiers =
            event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match event.code {
            KeyCode::Char(c) => {
                modifiers.remove(KeyModifiers::SHIFT);
                if modifiers.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            KeyCode::BackTab => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Key { code, modifiers }
    }

    /// How the key is written in the help (`Ctrl+T`, `Entrée`, `F2`).
    pub fn label(&self, lang: Lang) -> String {
        let name = match self.code {
            KeyCode::Enter => t::KEY_ENTER.get(lang).to_string(),
            KeyCode::Esc => t::KEY_ESC.get(lang).to_string(),
            KeyCode::Char(' ') => t::KEY_SPACE.get(lang).to_string(),
            KeyCode::Delete => t::KEY_DELETE.get(lang).to_string(),
            KeyCode::Backspace => t::KEY_BACKSPACE.get(lang).to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => format!("{}+Tab", t::KEY_SHIFT.get(lang)),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::PageUp => t::KEY_PAGE_UP.get(lang).to_string(),
            KeyCode::PageDown => t::KEY_PAGE_DOWN.get(lang).to_string(),
            KeyCode::Home => t::KEY_HOME.get(lang).to_string(),
            KeyCode::End => t::KEY_END.get(lang).to_string(),
            KeyCode::Char(c) if self.modifiers.contains(KeyModifiers::CONTROL) => {
                c.to_ascii_uppercase().to_string()
            }
            KeyCode::Char(c) => c.to_string(),
            other => format!("{other:?}"),
        };
        let mut label = String::new();
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            label.push_str("Ctrl+");
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            label.push_str("Alt+");
        }
        if self.modifiers.contains(KeyModifiers::SHIFT) {
            label.push_str(t::KEY_SHIFT.get(lang));
            label.push('+');
        }
        label.push_str(&name);
        label
    }
}

/// One row of the keymap.
#[derive(Debug, Clone)]
pub struct Binding {
    pub context: Context,
    pub keys: Vec<Key>,
    pub action: Action,
    pub description: Text,
    /// Shown in the help bar (everything is in the `?` list).
    pub in_bar: bool,
}

impl Binding {
    /// The keys as written in the help (`n / →`).
    pub fn keys_label(&self, lang: Lang) -> String {
        self.keys.iter().map(|k| k.label(lang)).collect::<Vec<_>>().join(" / ")
    }

    /// The first key, for the help bar.
    pub fn short_label(&self, lang: Lang) -> String {
        self.keys.first().map(|k| k.label(lang)).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_is_ignored_on_characters_and_ctrl_is_case_blind() {
        let upper = KeyEvent::new(KeyCode::Char('K'), KeyModifiers::SHIFT);
        assert_eq!(Key::of_event(&upper), Key::ch('K'));
        let ctrl = KeyEvent::new(KeyCode::Char('T'), KeyModifiers::CONTROL | KeyModifiers::SHIFT);
        assert_eq!(Key::of_event(&ctrl), Key::ctrl('t'));
        assert_eq!(Key::ctrl('t').label(Lang::Fr), "Ctrl+T");
        assert_eq!(Key::plain(KeyCode::Enter).label(Lang::Fr), "Entrée");
    }
}
