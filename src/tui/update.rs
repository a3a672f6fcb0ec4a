//! The pure heart of the app: `update(&mut App, Action, now) -> Vec<Effect>`. It never
//! reads the clock (time is passed in) and never touches a file: it asks for effects.
//!
//! Architecture invariant: every change to the open session goes through
//! [`session_changed`], which schedules the save; nothing
//! typed can be left unsaved.

use chrono::{DateTime, Utc};

use super::action::{Action, CaptureAction, PopupAction, SetupAction};
use super::app::{App, OpenSession, Popup, Prompt, SaveState, Status, session_changed};
use super::effect::Effect;
use super::screens::capture::{self, state::Focus};
use super::screens::{Screen, export, harvest, home, participants, run, setup};
use crate::i18n::tui as t;
use crate::store::families::default_families;

/// Applies an action at time `now`; returns the effects to perform.
pub fn update(app: &mut App, action: Action, now: DateTime<Utc>) -> Vec<Effect> {
    app.now = now;
    let mut effects = Vec::new();
    let mut visible = true;
    match action {
        Action::Quit => app.should_quit = true,
        Action::Back => back(app, &mut effects),
        Action::ToggleHelp => {
            app.popup = match app.popup {
                Some(Popup::Help { .. }) => None,
                _ => Some(Popup::Help { scroll: 0 }),
            }
        }
        Action::ToggleTheme => {
            app.settings.theme = app.settings.theme.toggled();
            app.theme.kind = app.settings.theme;
            effects.push(Effect::SaveSettings);
        }
        Action::Go(screen) => go(app, screen),
        Action::Tick => visible = run::update::tick(app, now, &mut effects),
        Action::Idle => {
            visible = false;
            if let Some(open) = app.open.as_mut()
                && open.capture.hint_stale
            {
                capture::update::refresh_hint(open);
                visible = true;
            }
        }
        Action::Resize { width, height } => app.size = (width, height),
        Action::Input(key) => input(app, key),
        Action::Paste(text) => paste(app, &text, &mut effects),
        Action::Click { column, row } => {
            if let Some(action) = app.hit_at(column, row) {
                return update(app, action, now);
            }
            visible = false;
        }
        Action::Scroll { down, .. } => {
            if let Some(action) = scroll(app, down) {
                return update(app, action, now);
            }
            visible = false;
        }
        Action::Home(action) => home::update::update(app, action, &mut effects),
        Action::Setup(action) => setup::update::update(app, action, now, &mut effects),
        Action::Run(action) => run::update::update(app, action, now, &mut effects),
        Action::Capture(action) => capture::update::update(app, action, now, &mut effects),
        Action::Export(action) => export::update::update(app, action, &mut effects),
        Action::Participants(action) => participants::update::update(app, action, &mut effects),
        Action::Harvest(action) => harvest::update::update(app, action, &mut effects),
        Action::Popup(action) => popup(app, action, now, &mut effects),
        Action::TrashSession(path) => effects.push(Effect::Trash(path)),
        Action::DiskText(text) => {
            visible = false;
            if let Some(open) = app.open.as_mut() {
                open.disk_text = text;
            }
        }
        Action::ChangedOnDisk { text, proposals } => {
            if let Some(open) = app.open.as_mut() {
                open.disk_text = Some(text);
                let mut taken = 0;
                for p in proposals {
                    if open.session.table(p.table).is_none() {
                        let _ = open.session.add_table(p.table, "");
                    }
                    let round = p.round.clamp(1, open.session.schedule.rounds().max(1));
                    if open.session.add_proposal(p.table, round, p.kind, &p.text, p.captured_at).is_ok() {
                        taken += 1;
                    }
                }
                app.status = Some(Status::Info(t::taken_from_disk(app.lang, taken)));
                session_changed(open, &mut effects);
            }
        }
        Action::Saved(result) => {
            if let Some(open) = app.open.as_mut() {
                match result {
                    Ok(text) => {
                        open.disk_text = Some(text);
                        if open.save == SaveState::Pending || matches!(open.save, SaveState::Failed(_)) {
                            open.save = SaveState::Saved(now);
                        }
                    }
                    Err(message) => {
                        open.save = SaveState::Failed(message.clone());
                        app.status = Some(Status::Error(message));
                    }
                }
            }
        }
        Action::Scanned(entries) => {
            app.home.selected = app.home.selected.min(entries.len().saturating_sub(1));
            app.home.entries = entries;
            app.home.scanned = true;
        }
        Action::Loaded { path, result } => match result {
            Ok(session) => {
                app.open = Some(OpenSession::new(path, *session, now));
                app.screen = Screen::Run;
                app.status = None;
                effects.push(Effect::ReadDiskText);
            }
            Err(message) => app.status = Some(Status::Error(message)),
        },
        Action::Created { path, result } => match result {
            Ok(session) => {
                app.status = Some(Status::Info(t::created(app.lang, &path.display().to_string())));
                app.open = Some(OpenSession::new(path, *session, now));
                app.screen = Screen::Setup;
                effects.push(Effect::ReadDiskText);
            }
            Err(message) => app.status = Some(Status::Error(message)),
        },
        Action::Trashed(result) => match result {
            Ok(path) => {
                app.status = Some(Status::Info(t::trashed(app.lang, &path.display().to_string())));
                effects.push(Effect::Scan);
            }
            Err(message) => app.status = Some(Status::Error(message)),
        },
        Action::Exported(result) => match result {
            Ok(paths) => {
                let list = paths.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
                app.status = Some(Status::Info(t::written_to(app.lang, &list)));
                if let Some(open) = app.open.as_mut() {
                    open.export.written = paths;
                }
            }
            Err(message) => app.status = Some(Status::Error(t::export_failed(app.lang, &message))),
        },
        Action::SettingsSaved(result) => {
            if let Err(message) = result {
                app.status = Some(Status::Error(t::settings_not_saved(app.lang, &message)));
            }
        }
    }
    if visible {
        app.dirty = true;
    }
    effects
}

fn go(app: &mut App, screen: Screen) {
    if app.open.is_none() && screen != Screen::Home {
        return;
    }
    app.screen = screen;
    app.status = None;
    if screen == Screen::Capture
        && let Some(open) = app.open.as_mut()
    {
        open.capture.focus = Focus::Input;
    }
    if screen == Screen::Harvest
        && let Some(open) = app.open.as_mut()
    {
        harvest::update::refresh(open, app.lang);
    }
}

/// Esc: close the popup, cancel the edit, else leave the screen (a session screen goes
/// back to the home screen, which is read again).
fn back(app: &mut App, effects: &mut Vec<Effect>) {
    if app.popup.take().is_some() {
        return;
    }
    if let Some(open) = app.open.as_mut() {
        if open.setup.editing.take().is_some() {
            app.status = None;
            return;
        }
        if app.screen == Screen::Harvest && harvest::update::back(open) {
            app.status = None;
            return;
        }
        if app.screen != Screen::Home {
            app.open = None;
            app.screen = Screen::Home;
            app.status = None;
            effects.push(Effect::Scan);
        }
    }
}

/// The focused text field, if any.
fn focused_input(app: &mut App) -> Option<&mut super::widgets::LineInput> {
    match app.popup {
        Some(Popup::Ask { ref mut input, .. }) => return Some(input),
        Some(_) => return None,
        None => {}
    }
    let open = app.open.as_mut()?;
    match app.screen {
        Screen::Setup => open.setup.editing.as_mut(),
        Screen::Capture if open.capture.focus == Focus::Input => Some(&mut open.capture.input),
        Screen::Participants if open.participants.focus == participants::state::Focus::Input => {
            Some(&mut open.participants.input)
        }
        _ => None,
    }
}

fn input(app: &mut App, key: ratatui::crossterm::event::KeyEvent) {
    if let Some(field) = focused_input(app) {
        field.key(key);
    }
    refresh_capture_hint(app);
}

/// Typing in the capture field makes the hints stale; they are refreshed when the keys
/// stop arriving ([`Action::Idle`]), so a fast typist or a paste never waits for them.
fn refresh_capture_hint(app: &mut App) {
    if app.screen == Screen::Capture
        && app.popup.is_none()
        && let Some(open) = app.open.as_mut()
    {
        open.capture.hint_stale = true;
    }
}

fn paste(app: &mut App, text: &str, effects: &mut Vec<Effect>) {
    if app.popup.is_none() && app.screen == Screen::Participants {
        participants::update::paste(app, text, effects);
    } else if let Some(field) = focused_input(app) {
        field.paste(text);
    } else if app.screen == Screen::Capture
        && let Some(open) = app.open.as_mut()
    {
        // Pasting while the list has the focus still lands in the text field.
        open.capture.focus = Focus::Input;
        open.capture.input.paste(text);
    }
    refresh_capture_hint(app);
}

fn scroll(app: &App, down: bool) -> Option<Action> {
    use super::action::{ExportAction, HarvestAction, HomeAction, ParticipantsAction};
    if let Some(Popup::Help { .. }) = app.popup {
        return Some(Action::Popup(if down { PopupAction::Down } else { PopupAction::Up }));
    }
    if app.popup.is_some() {
        return None;
    }
    Some(match app.screen {
        Screen::Home => Action::Home(if down { HomeAction::Down } else { HomeAction::Up }),
        Screen::Setup => Action::Setup(if down { SetupAction::Down } else { SetupAction::Up }),
        Screen::Capture => Action::Capture(if down { CaptureAction::Down } else { CaptureAction::Up }),
        Screen::Export => Action::Export(if down { ExportAction::Down } else { ExportAction::Up }),
        Screen::Participants => {
            Action::Participants(if down { ParticipantsAction::Down } else { ParticipantsAction::Up })
        }
        Screen::Harvest => Action::Harvest(if down { HarvestAction::Down } else { HarvestAction::Up }),
        Screen::Run => return None,
    })
}

fn popup(app: &mut App, action: PopupAction, now: DateTime<Utc>, effects: &mut Vec<Effect>) {
    match (app.popup.take(), action) {
        (None, _) => {}
        (Some(Popup::Help { scroll }), PopupAction::Up) => {
            app.popup = Some(Popup::Help { scroll: scroll.saturating_sub(1) });
        }
        (Some(Popup::Help { scroll }), PopupAction::Down) => {
            app.popup = Some(Popup::Help { scroll: scroll.saturating_add(1) });
        }
        (Some(Popup::Confirm { on_yes, .. }), PopupAction::Confirm) => {
            effects.extend(update(app, *on_yes, now));
        }
        (Some(Popup::Ask { prompt, question, input }), PopupAction::Confirm) => {
            let typed = input.text();
            let result = answer(app, &prompt, &typed, effects);
            if let Err(message) = result {
                app.status = Some(Status::Error(message));
                app.popup = Some(Popup::Ask { prompt, question, input });
            }
        }
        (Some(other), PopupAction::Up | PopupAction::Down) => app.popup = Some(other),
        (Some(_), PopupAction::Cancel) => {}
        (Some(Popup::Help { .. }), PopupAction::Confirm) => {}
    }
}

/// Acts on the value typed in a question popup; an error keeps the popup open.
fn answer(app: &mut App, prompt: &Prompt, typed: &str, effects: &mut Vec<Effect>) -> Result<(), String> {
    let lang = app.lang;
    match prompt {
        Prompt::NewSession => {
            let session = crate::domain::Session::new(typed, default_families(), 4, 3, 20)
                .map_err(|e| crate::i18n::errors::session_error(lang, &e))?;
            let stem = crate::store::safe_file_name(&session.title);
            effects.push(Effect::Create { stem, session: Box::new(session) });
            Ok(())
        }
        Prompt::Duplicate(source) => {
            let title = crate::domain::session::clean_text(typed);
            if title.is_empty() {
                return Err(crate::i18n::errors::session_error(
                    lang,
                    &crate::domain::SessionError::EmptyTitle,
                ));
            }
            effects.push(Effect::Duplicate { source: source.clone(), title });
            Ok(())
        }
        Prompt::MoveProposal(id) => capture::update::move_to_table(app, *id, typed, effects),
        Prompt::Wording(id) => harvest::update::answer_wording(app, *id, typed, effects),
        Prompt::Family(id) => harvest::update::answer_family(app, *id, typed, effects),
        Prompt::ExportPath => {
            let path = typed.trim();
            if path.is_empty() {
                return Err(t::EMPTY_PATH.get(lang).to_string());
            }
            if let Some(open) = app.open.as_ref() {
                effects.push(Effect::Export {
                    formats: vec![open.export.format()],
                    target: Some(std::path::PathBuf::from(path)),
                });
            }
            Ok(())
        }
    }
}
