//! Drawing the whole app: title bar, the active screen, the message line and the help
//! bar, then the popup on top. Reads the app only (plus recording clickable regions);
//! `App::now` is the time shown, so a fixed clock gives a fixed frame.
//!
//! `chrome` draws the lines around every screen, `popups` the questions, `help` the
//! list of keys; each screen draws itself (`screens::…::view`).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

mod chrome;
mod help;
mod popups;

use crate::i18n::tui as t;
use crate::tui::app::{App, Popup};
use crate::tui::screens::{self, Screen};

pub use crate::tui::app::{MIN_HEIGHT, MIN_WIDTH};

/// Draws the app into a buffer covering `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    app.hits.borrow_mut().clear();
    buf.set_style(area, app.theme.base());
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let message = t::too_small(app.lang, area.width, area.height, MIN_WIDTH, MIN_HEIGHT);
        let y = area.y + area.height / 2;
        let row = Rect { y, height: area.height.saturating_sub(area.height / 2), ..area };
        Paragraph::new(Line::styled(message, app.theme.warn()))
            .centered()
            .wrap(Wrap { trim: true })
            .render(row, buf);
        app.theme.fill_defaults(buf, area);
        return;
    }
    let [title, body, status, help] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    chrome::render_title_bar(app, title, buf);
    let body = Rect { x: body.x + 1, width: body.width.saturating_sub(2), ..body };
    // A file that cannot take the app's changes: a banner that stays above the screen.
    let body = match app.open.as_ref().and_then(|open| open.not_writable.as_deref()) {
        Some(reason) => {
            let [banner, rest] = Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(body);
            Paragraph::new(Line::styled(t::not_writable_banner(app.lang, reason), app.theme.error()))
                .wrap(Wrap { trim: true })
                .render(banner, buf);
            rest
        }
        None => body,
    };
    render_body(app, body, buf);
    chrome::render_status(app, status, buf);
    chrome::render_help_bar(app, help, buf);
    match &app.popup {
        Some(Popup::Help { scroll }) => help::render(app, *scroll, area, buf),
        Some(Popup::Confirm { message, .. }) => popups::render_confirm(app, message, area, buf),
        Some(Popup::Ask { question, input, .. }) => popups::render_ask(app, question, input, area, buf),
        Some(Popup::PasteLines { lines, .. }) => popups::render_paste(app, lines, area, buf),
        None => {}
    }
    // Widgets drawn on scratch buffers or cleared areas leave default colours behind.
    app.theme.fill_defaults(buf, area);
}

/// The active screen. A new screen adds its line here.
fn render_body(app: &App, area: Rect, buf: &mut Buffer) {
    match app.screen {
        Screen::Home => screens::home::view::render(app, area, buf),
        Screen::Setup => screens::setup::view::render(app, area, buf),
        Screen::Run => screens::run::view::render(app, area, buf),
        Screen::Capture => screens::capture::view::render(app, area, buf),
        Screen::Export => screens::export::view::render(app, area, buf),
        Screen::Participants => screens::participants::view::render(app, area, buf),
        Screen::Harvest => screens::harvest::view::render(app, area, buf),
    }
}

/// The frame as text, one line per row (for tests and the README captures).
pub fn to_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut line = String::new();
        let mut skip = 0;
        for x in area.left()..area.right() {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let symbol = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
            line.push_str(symbol);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}
