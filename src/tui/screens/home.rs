//! The home screen: the sessions of the folder, newest first, with their date, tables
//! and proposals; open, new, duplicate as a template, delete into `.trash/`. A file
//! that does not load is listed with its located error and can be neither opened nor
//! overwritten from here.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, Utc};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::i18n::tui as t;
use crate::tui::action::{Action, HomeAction};
use crate::tui::app::{App, Popup, Prompt, Status};
use crate::tui::effect::Effect;
use crate::tui::widgets::{LineInput, fit, window};

/// What the home screen knows of one session file.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionEntry {
    pub path: PathBuf,
    pub modified: Option<DateTime<Utc>>,
    /// The summary, or why the file does not load (file, line, column).
    pub summary: Result<Summary, String>,
}

/// The few facts shown per session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub title: String,
    pub date: Option<NaiveDate>,
    pub tables: usize,
    pub proposals: usize,
}

impl SessionEntry {
    /// The date a session is sorted by: its own date, else the day it was last saved.
    fn sort_date(&self) -> Option<NaiveDate> {
        self.summary.as_ref().ok().and_then(|s| s.date).or(self.modified.map(|m| m.date_naive()))
    }

    fn file_name(&self) -> String {
        self.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
    }
}

/// Newest first: by session date, then by modification time, then by name.
pub fn sort_entries(entries: &mut [SessionEntry]) {
    entries.sort_by(|a, b| {
        b.sort_date()
            .cmp(&a.sort_date())
            .then(b.modified.cmp(&a.modified))
            .then(a.file_name().cmp(&b.file_name()))
    });
}

/// The home screen's state.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HomeState {
    pub entries: Vec<SessionEntry>,
    pub selected: usize,
    /// The folder was read at least once.
    pub scanned: bool,
}

impl HomeState {
    pub fn selected_entry(&self) -> Option<&SessionEntry> {
        self.entries.get(self.selected)
    }
}

/// Applies a home key.
pub fn update(app: &mut App, action: HomeAction, effects: &mut Vec<Effect>) {
    let lang = app.lang;
    let home = &mut app.home;
    let count = home.entries.len();
    match action {
        HomeAction::Up => home.selected = home.selected.saturating_sub(1),
        HomeAction::Down => home.selected = (home.selected + 1).min(count.saturating_sub(1)),
        HomeAction::Select(index) => {
            if index < count {
                if home.selected == index {
                    update(app, HomeAction::Open, effects);
                } else {
                    home.selected = index;
                }
            }
        }
        HomeAction::Refresh => effects.push(Effect::Scan),
        HomeAction::Open => match home.selected_entry() {
            Some(SessionEntry { path, summary: Ok(_), .. }) => effects.push(Effect::Load(path.clone())),
            Some(SessionEntry { summary: Err(message), .. }) => {
                app.status = Some(Status::Error(message.clone()));
            }
            None => app.status = Some(Status::Info(t::NO_SESSION_SELECTED.get(lang).to_string())),
        },
        HomeAction::New => {
            app.popup = Some(Popup::Ask {
                prompt: Prompt::NewSession,
                question: t::ASK_NEW_TITLE.get(lang).to_string(),
                input: Box::new(LineInput::default()),
            });
        }
        HomeAction::Duplicate => match home.selected_entry() {
            Some(SessionEntry { path, summary: Ok(summary), .. }) => {
                let title = t::copy_of(lang, &summary.title);
                app.popup = Some(Popup::Ask {
                    prompt: Prompt::Duplicate(path.clone()),
                    question: t::ASK_DUPLICATE_TITLE.get(lang).to_string(),
                    input: Box::new(LineInput::new(&title)),
                });
            }
            Some(SessionEntry { summary: Err(message), .. }) => {
                app.status = Some(Status::Error(message.clone()));
            }
            None => app.status = Some(Status::Info(t::NO_SESSION_SELECTED.get(lang).to_string())),
        },
        HomeAction::Delete => {
            if let Some(entry) = home.selected_entry() {
                let name = match &entry.summary {
                    Ok(summary) => summary.title.clone(),
                    Err(_) => entry.file_name(),
                };
                app.popup = Some(Popup::Confirm {
                    message: t::confirm_trash(lang, &name),
                    on_yes: Box::new(Action::TrashSession(entry.path.clone())),
                });
            } else {
                app.status = Some(Status::Info(t::NO_SESSION_SELECTED.get(lang).to_string()));
            }
        }
    }
}

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
}
