//! The title bar (session, screen tabs, save state), the message line and the help bar
//! generated from the keymap. Every tab and every help-bar entry is also a button.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

use crate::i18n::tui as t;
use crate::tui::action::Action;
use crate::tui::app::{App, SaveState, Status};
use crate::tui::keymap;
use crate::tui::screens::{self, Screen};

/// `cafe · Title   F2 Préparer  F3 Animer …   ● enregistré 10:42:07`
pub fn render_title_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (app.lang, &app.theme);
    buf.set_style(area, theme.title_bar());
    // The save state first, right-aligned: it must always be visible.
    let mut right = area.right();
    if let Some(open) = &app.open {
        let (text, style) = match &open.save {
            _ if app.projector => (format!(" {} ", t::PROJECTOR.get(lang)), theme.title_bar()),
            SaveState::Saved(at) => (
                format!(
                    " ● {} {} ",
                    t::SAVED.get(lang),
                    at.with_timezone(&app.utc_offset).format("%H:%M:%S")
                ),
                theme.title_bar(),
            ),
            SaveState::Pending => (format!(" ○ {} ", t::SAVING.get(lang)), theme.title_bar()),
            SaveState::Failed(_) => (format!(" ✗ {} ", t::NOT_SAVED.get(lang)), theme.error()),
        };
        let width = (text.width() as u16).min(area.width);
        right = area.right() - width;
        Paragraph::new(Span::styled(text, style)).render(Rect { x: right, width, ..area }, buf);
        // The clock, on every screen, left of the save state.
        if let Some((text, mood)) = screens::run::view::compact_clock(&open.session, lang, app.now) {
            let width = (text.width() as u16).min(right.saturating_sub(area.x));
            right -= width;
            let cell = Rect { x: right, width, ..area };
            Paragraph::new(Span::styled(text, theme.clock_badge(mood))).render(cell, buf);
            app.hit(cell, Action::Go(Screen::Run));
        }
    }
    // Screen tabs (names in full when there is room), then the title in what is left.
    let wide = area.width >= 120;
    let tabs: Vec<(String, Screen)> = if app.open.is_some() && !app.projector {
        Screen::SESSION_SCREENS
            .iter()
            .map(|screen| {
                // The key comes from the keymap, so the tab says what works.
                let key = keymap::bindings()
                    .iter()
                    .find(|b| b.action == Action::Go(*screen))
                    .map(|b| b.short_label(lang))
                    .unwrap_or_default();
                let label = if wide || app.screen == *screen {
                    format!(" {key} {} ", screen.title().get(lang))
                } else {
                    format!(" {key} ")
                };
                (label, *screen)
            })
            .collect()
    } else {
        Vec::new()
    };
    let tabs_width: u16 = tabs.iter().map(|(l, _)| l.width() as u16).sum();
    let title = match app.session() {
        Some(session) => format!(" cafe · {} ", session.title),
        None => format!(" cafe · {} ", t::SCREEN_HOME.get(lang)),
    };
    let title_width = right.saturating_sub(area.x + tabs_width + 1) as usize;
    let title = crate::tui::widgets::fit(&title, title_width.min(title.width()));
    let mut x = area.x;
    let width = title.width() as u16;
    Paragraph::new(Span::styled(title, theme.title_bar())).render(Rect { x, width, ..area }, buf);
    x += width;
    for (label, screen) in tabs {
        let width = label.width() as u16;
        if x + width > right {
            break;
        }
        let cell = Rect { x, width, ..area };
        let style = if app.screen == screen { theme.selected() } else { theme.title_bar() };
        Paragraph::new(Span::styled(label, style)).render(cell, buf);
        app.hit(cell, Action::Go(screen));
        x += width;
    }
}

/// The message line: the last error or information.
pub fn render_status(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = &app.theme;
    let line = match &app.status {
        Some(Status::Error(message)) => Line::styled(format!(" ✗ {message}"), theme.error()),
        Some(Status::Info(message)) => Line::styled(format!(" {message}"), theme.ok()),
        None => Line::default(),
    };
    Paragraph::new(line).render(area, buf);
}

/// The help bar: the keys of the contexts in force, from the keymap; each is a button.
pub fn render_help_bar(app: &App, area: Rect, buf: &mut Buffer) {
    let (lang, theme) = (app.lang, &app.theme);
    let entry = |binding: &keymap::Binding| {
        let key = format!(" {} ", binding.short_label(lang));
        let desc = format!(" {} ", binding.description.get(lang));
        let width = (key.width() + desc.width()) as u16;
        (Line::from(vec![Span::styled(key, theme.key()), Span::styled(desc, theme.base())]), width)
    };
    let bindings = keymap::help_bar(app);
    // The key of the full list always shows, at the right end (`?`, or F1 while typing).
    let mut right = area.right();
    if let Some(help) = bindings.iter().rev().find(|b| b.action == Action::ToggleHelp) {
        let (line, width) = entry(help);
        if width <= area.width {
            right -= width;
            let cell = Rect { x: right, width, ..area };
            Paragraph::new(line).render(cell, buf);
            app.hit(cell, help.action.clone());
        }
    }
    let mut x = area.x;
    for binding in bindings.iter().filter(|b| b.action != Action::ToggleHelp) {
        let (line, width) = entry(binding);
        if x + width > right.saturating_sub(1) {
            break;
        }
        let cell = Rect { x, width, ..area };
        Paragraph::new(line).render(cell, buf);
        app.hit(cell, binding.action.clone());
        x += width + 1;
    }
}
