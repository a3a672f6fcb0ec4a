//! Routing: the contexts in force (popup, focused text input, screen, global keys), the
//! action of a key or of any terminal event, and the bindings the help bar shows.

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, MouseButton, MouseEvent, MouseEventKind,
};

use super::keys::{Binding, Context, Key};
use super::table::bindings;
use crate::tui::action::{Action, HarvestAction};
use crate::tui::app::{App, Popup};
use crate::tui::screens::Screen;
use crate::tui::screens::capture::state::Focus;
use crate::tui::screens::harvest::state::HarvestTab;

/// The contexts in force, in routing order, and whether unbound keys go to a text input.
pub fn contexts(app: &App) -> (Vec<Context>, bool) {
    use Context as C;
    let mut out = vec![C::Always];
    match &app.popup {
        Some(Popup::Help { .. }) => {
            out.insert(0, C::Help);
            return (out, false);
        }
        Some(Popup::Confirm { .. }) => {
            out.insert(0, C::Confirm);
            return (out, false);
        }
        Some(Popup::Ask { .. }) => {
            out.insert(0, C::Ask);
            return (out, true);
        }
        Some(Popup::PasteLines { .. }) => {
            out.insert(0, C::PasteLines);
            return (out, false);
        }
        None => {}
    }
    if app.open.is_some() {
        out.push(C::Session);
    }
    let typing = match (app.screen, app.open.as_ref()) {
        (Screen::Setup, Some(open)) if open.setup.editing.is_some() => Some(C::SetupEditing),
        (Screen::Capture, Some(open)) if open.capture.focus == Focus::Input => Some(C::CaptureInput),
        (Screen::Participants, Some(open))
            if open.participants.focus == crate::tui::screens::participants::state::Focus::Input =>
        {
            Some(C::ParticipantsInput)
        }
        _ => None,
    };
    if let Some(context) = typing {
        out.insert(0, context);
        return (out, true);
    }
    let screen = match app.screen {
        Screen::Home => C::Home,
        Screen::Setup => C::Setup,
        Screen::Run => C::Run,
        Screen::Capture => C::CaptureList,
        Screen::Export => C::Export,
        Screen::Participants => C::ParticipantsList,
        Screen::Harvest => {
            let view = match app.open.as_ref().map(|o| &o.harvest) {
                Some(state) if state.opened.is_some() => C::HarvestDetail,
                Some(state) if state.tab == HarvestTab::Queue => C::HarvestQueue,
                Some(state) if state.tab == HarvestTab::Chart => C::HarvestChart,
                _ => C::HarvestBoard,
            };
            out.insert(0, C::Harvest);
            view
        }
    };
    out.insert(0, screen);
    out.push(C::Global);
    (out, false)
}

/// The action of a key, following the routing order.
pub fn route_key(app: &App, event: KeyEvent) -> Option<Action> {
    if !matches!(event.kind, KeyEventKind::Press | KeyEventKind::Repeat) {
        return None;
    }
    let key = Key::of_event(&event);
    let (contexts, typing) = contexts(app);
    // One rule for the whole app: where text can be typed, printable keys type. A list
    // beside a text field takes its commands from Ctrl, arrows and function keys; a
    // letter there starts the text (`qualité` never quits, `des` never deletes).
    if printable(&key) && letters_type(&contexts) {
        return Some(Action::Input(event));
    }
    for context in &contexts {
        if let Some(binding) = bindings().iter().find(|b| b.context == *context && b.keys.contains(&key)) {
            // A digit binding passes its digit.
            if let (Action::Harvest(HarvestAction::SetFamily(_)), KeyCode::Char(c)) =
                (&binding.action, key.code)
                && let Some(digit) = c.to_digit(10)
            {
                return Some(Action::Harvest(HarvestAction::SetFamily(digit as u8)));
            }
            return Some(binding.action.clone());
        }
    }
    typing.then_some(Action::Input(event))
}

/// A list beside a text field is in force: its letters type.
fn letters_type(contexts: &[Context]) -> bool {
    contexts.iter().any(|c| matches!(c, Context::CaptureList | Context::ParticipantsList))
}

/// A key that writes a character (no Ctrl nor Alt).
fn printable(key: &Key) -> bool {
    matches!(key.code, KeyCode::Char(_))
        && !key.modifiers.intersects(
            ratatui::crossterm::event::KeyModifiers::CONTROL | ratatui::crossterm::event::KeyModifiers::ALT,
        )
}

/// The action of any terminal event.
///
/// While the terminal is too small to draw the app (the screen only says so), no key,
/// click or paste acts on what cannot be seen; only `Ctrl+C` (quit) does.
pub fn route_event(app: &App, event: Event) -> Option<Action> {
    match event {
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        Event::Key(key) if app.too_small() => (Key::of_event(&key) == Key::ctrl('c')).then_some(Action::Quit),
        _ if app.too_small() => None,
        Event::Key(key) => route_key(app, key),
        Event::Paste(text) => Some(Action::Paste(text)),
        Event::Mouse(mouse) => route_mouse(mouse),
        Event::FocusGained | Event::FocusLost => None,
    }
}

fn route_mouse(mouse: MouseEvent) -> Option<Action> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
        MouseEventKind::ScrollDown => Some(Action::Scroll { down: true, column, row }),
        MouseEventKind::ScrollUp => Some(Action::Scroll { down: false, column, row }),
        _ => None,
    }
}

/// The bindings of the help bar, for the contexts in force.
pub fn help_bar(app: &App) -> Vec<&'static Binding> {
    let (contexts, _) = contexts(app);
    let projector = app.projector;
    // Where letters type, a key that is a letter does nothing else: it is not offered.
    let typing = letters_type(&contexts);
    contexts
        .iter()
        .flat_map(|c| bindings().iter().filter(move |b| b.context == *c && b.in_bar))
        .filter(|b| !projector || b.action.allowed_in_projector())
        .filter(|b| app.phones.on.is_some() || !b.action.needs_phone_capture())
        .filter(|b| !typing || b.keys.first().is_some_and(|k| !printable(k)))
        .collect()
}
