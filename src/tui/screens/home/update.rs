//! What the keys of the home screen do: select, open, create, duplicate, trash and
//! refresh sessions.

use super::state::SessionEntry;
use crate::i18n::tui as t;
use crate::tui::action::{Action, HomeAction};
use crate::tui::app::{App, Popup, Prompt, Status};
use crate::tui::effect::Effect;
use crate::tui::widgets::LineInput;

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
