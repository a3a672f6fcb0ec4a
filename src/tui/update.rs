//! The pure heart of the app: `update(&mut App, Action, now) -> Vec<Effect>`. It never
//! reads the clock (time is passed in) and never touches a file: it asks for effects.
//!
//! Architecture invariant: every change to the open session goes through
//! [`session_changed`], which schedules the save; nothing
//! typed can be left unsaved.

use chrono::{DateTime, Utc};

use super::action::{Action, CaptureAction, PopupAction, SetupAction};
use super::app::{App, OpenSession, Popup, Prompt, SaveState, Status};
use super::effect::Effect;
use super::phones::PhonesOn;
use super::screens::capture::{self, state::Focus};
use super::screens::{Screen, export, harvest, home, participants, run, setup};
use crate::i18n::tui as t;
use crate::store::assets::families_for_new_session;

/// Applies an action at time `now`; returns the effects to perform.
pub fn update(app: &mut App, action: Action, now: DateTime<Utc>) -> Vec<Effect> {
    app.now = now;
    let mut effects = Vec::new();
    let mut visible = true;
    if app.projector && !action.allowed_in_projector() {
        return effects;
    }
    match action {
        Action::Quit => quit(app, &mut effects),
        Action::QuitAnyway => leave(app, &mut effects),
        Action::CloseAnyway => close(app, &mut effects),
        Action::SaveElsewhere => {
            if app.open.is_some() {
                app.popup = Some(Popup::Ask {
                    prompt: Prompt::SaveElsewhere,
                    question: t::ASK_SAVE_ELSEWHERE.get(app.lang).to_string(),
                    input: Box::default(),
                });
            }
        }
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
        // A projector window shows the clock as the file has it: it reads the file
        // again and never rings nor moves the clock itself.
        Action::Tick if app.projector => effects.extend([Effect::Follow, Effect::FollowPhones]),
        Action::Tick => visible = run::update::tick(app, now, &mut effects),
        Action::Followed(result) => match (result, app.open.as_mut()) {
            (Ok(session), Some(open)) => {
                open.session = *session;
                app.status = None;
                // A table's renewed token: its new code.
                if let Some(on) = app.phones.on.as_mut()
                    && let Ok(address) = on.address.parse()
                {
                    *on = PhonesOn::serving(&open.session, address);
                }
            }
            (Err(message), _) => app.status = Some(Status::Error(t::not_followed(app.lang, &message))),
            (Ok(_), None) => {}
        },
        Action::PhonesFollowed(address) => {
            app.phones.on = match (address, app.open.as_ref()) {
                (Some(address), Some(open)) => Some(PhonesOn::serving(&open.session, address)),
                _ => None,
            };
        }
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
        Action::Saved(result) => saved(app, result, now),
        Action::PhonesStarted(Ok(started)) => {
            let on_line = crate::i18n::serve::phones_on(app.lang, &started.on.address);
            app.status = Some(match &started.unpublished {
                Some(why) => Status::Error(format!("{on_line} — {why}")),
                None => Status::Info(on_line),
            });
            app.phones.on = Some(started.on);
            app.phones.unpublished = started.unpublished;
            app.phones.counts.clear();
            app.phones.refused = 0;
            // The tables' new addresses were written to the file: take them in.
            effects.push(Effect::Save);
        }
        Action::PhoneTokenDrawn { table, token } => run::renew::drawn(app, table, token, &mut effects),
        Action::PhonesStarted(Err(message)) => app.status = Some(Status::Error(message)),
        Action::PhonesStopped => {
            app.phones.on = None;
            app.phones.unpublished = None;
            app.status = Some(Status::Info(crate::i18n::serve::PHONES_OFF.get(app.lang).to_string()));
        }
        Action::PhoneChanged { table, refused } => {
            *app.phones.counts.entry(table).or_default() += 1;
            app.phones.refused = refused;
            // The phone's change is on disk: the save merges it into the app's copy.
            if !effects.contains(&Effect::Save) {
                effects.push(Effect::Save);
            }
        }
        Action::PhoneVoted { refused } => {
            app.phones.refused = refused;
            // The dots are on disk: the save merges them into the app's synthèse.
            if !effects.contains(&Effect::Save) {
                effects.push(Effect::Save);
            }
        }
        Action::VoteToken { dots, token } => harvest::vote::opened(app, dots, token, &mut effects),
        Action::StoppedWriting(reason) => {
            if let Some(open) = app.open.as_mut() {
                open.save = SaveState::Failed(reason.clone());
                open.not_writable = Some(reason.clone());
                app.status = Some(Status::Error(reason));
            }
        }
        Action::SavedElsewhere { path, result } => match (result, app.open.as_mut()) {
            (Ok(file), Some(open)) => {
                open.path = path;
                open.file = std::cell::RefCell::new(Some(*file));
                open.not_writable = None;
                open.save = SaveState::Saved(now);
                app.status =
                    Some(Status::Info(t::saved_elsewhere(app.lang, &open.path.display().to_string())));
            }
            (Err(message), Some(_)) => app.status = Some(Status::Error(message)),
            (_, None) => {}
        },
        Action::Scanned(entries) => {
            app.home.selected = app.home.selected.min(entries.len().saturating_sub(1));
            app.home.entries = entries;
            app.home.scanned = true;
        }
        Action::Loaded { path, result } => match result {
            Ok(file) => {
                app.status = None;
                app.open = Some(opened(app.lang, path, *file, now, &mut app.status));
                app.screen = Screen::Run;
                effects.push(Effect::ReadUserVocabulary);
            }
            Err(message) => app.status = Some(Status::Error(message)),
        },
        Action::Created { path, result } => match result {
            Ok(file) => {
                app.status = Some(Status::Info(t::created(app.lang, &path.display().to_string())));
                app.open = Some(opened(app.lang, path, *file, now, &mut app.status));
                app.screen = Screen::Setup;
                effects.push(Effect::ReadUserVocabulary);
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
        Action::ExportExists(path) => export::update::ask_replace(app, path),
        Action::ReplaceExport(path) => export::update::replace(app, path, &mut effects),
        Action::UserVocabulary(result) => match (result, app.open.as_mut()) {
            (Ok(learned), Some(open)) => {
                if *learned != open.user_learned {
                    open.user_learned = *learned;
                    crate::tui::screens::harvest::review::rebuild_engine(open);
                    open.harvest.refresh(&open.engine, &open.session, app.lang);
                }
            }
            (Err(message), _) => app.status = Some(Status::Error(message)),
            (Ok(_), None) => {}
        },
        Action::Promoted(result) => {
            app.status = Some(match result {
                Ok(message) => Status::Info(message),
                Err(message) => Status::Error(message),
            });
        }
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

/// `q` / Ctrl+C: quit at once when nothing would be lost or stopped, else ask (changes
/// not on disk, a round running, typed text not saved). The same key again on the
/// question quits. Leaving cleanly folds the journal into the file (not a projector
/// window, which never writes).
fn quit(app: &mut App, effects: &mut Vec<Effect>) {
    if let Some(Popup::Confirm { on_yes, .. }) = &app.popup
        && **on_yes == Action::QuitAnyway
    {
        return leave(app, effects);
    }
    if app.open.as_ref().is_some_and(|open| !open.is_saved()) && !app.projector {
        return ask_before_leaving(app, Action::QuitAnyway);
    }
    match quit_reason(app) {
        Some(reason) => {
            app.popup = Some(Popup::Confirm {
                message: t::confirm_quit(app.lang, reason),
                on_yes: Box::new(Action::QuitAnyway),
            })
        }
        None => leave(app, effects),
    }
}

/// Quits: the journal of the open session is folded into its file (a reader replays it
/// anyway, so a failure loses nothing), then the app ends.
fn leave(app: &mut App, effects: &mut Vec<Effect>) {
    if let Some(open) = app.open.as_ref()
        && !app.projector
    {
        effects.push(Effect::Fold(open.path.clone()));
    }
    app.should_quit = true;
}

/// Why quitting now deserves a question, if it does.
fn quit_reason(app: &App) -> Option<t::QuitReason> {
    if app.projector {
        return None;
    }
    let open = app.open.as_ref()?;
    let typed = |input: &super::widgets::LineInput| !input.text().trim().is_empty();
    let typing = match &app.popup {
        Some(Popup::Ask { input, .. }) => typed(input),
        _ => false,
    } || open.setup.editing.as_ref().is_some_and(typed)
        || typed(&open.capture.input)
        || typed(&open.participants.input);
    if typing {
        return Some(t::QuitReason::TypedText);
    }
    let session = &open.session;
    match session.clock.current(&session.schedule).map(|p| p.kind) {
        Some(crate::domain::PhaseKind::Round(_)) if session.clock.is_running() => {
            Some(t::QuitReason::RoundRunning)
        }
        _ => None,
    }
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
    let typing = quit_reason(app) == Some(t::QuitReason::TypedText);
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
            if !open.is_saved() {
                ask_before_leaving(app, Action::CloseAnyway);
            } else if typing {
                app.popup = Some(Popup::Confirm {
                    message: t::CONFIRM_LEAVE.get(app.lang).to_string(),
                    on_yes: Box::new(Action::CloseAnyway),
                });
            } else {
                effects.push(Effect::Fold(open.path.clone()));
                close(app, effects);
            }
        }
    }
}

/// Leaves the open session for the home screen.
fn close(app: &mut App, effects: &mut Vec<Effect>) {
    app.open = None;
    app.screen = Screen::Home;
    app.status = None;
    effects.push(Effect::Scan);
}

/// Leaving would lose changes that are not on disk: ask first.
fn ask_before_leaving(app: &mut App, on_yes: Action) {
    app.popup = Some(Popup::Confirm {
        message: t::LEAVE_UNSAVED.get(app.lang).to_string(),
        on_yes: Box::new(on_yes),
    });
}

/// A session just read from (or created as) `file`: open, with a banner when the file
/// may not be written and a word on what was cleaned from it.
fn opened(
    lang: crate::i18n::Lang,
    path: std::path::PathBuf,
    file: crate::store::SessionFile,
    now: DateTime<Utc>,
    status: &mut Option<Status>,
) -> OpenSession {
    let repairs = file.repairs();
    let read_only = file.is_read_only();
    let mut open = OpenSession::from_file(path, file, now);
    if read_only {
        // Nothing is unsaved yet: the banner says that changes will not be written.
        open.not_writable = Some(t::READ_ONLY.get(lang).to_string());
    }
    if !repairs.is_empty() {
        *status = Some(Status::Info(crate::i18n::errors::repairs_note(lang, &open.path, &repairs)));
    }
    open
}

/// The result of a save: the session as on disk (with what other programs added), the
/// app's new proposals under the ids the file gave them.
fn saved(app: &mut App, result: Result<super::action::Saved, String>, now: DateTime<Utc>) {
    let Some(open) = app.open.as_mut() else { return };
    match result {
        Ok(saved) => {
            // The app's proposals under the ids the file has them now.
            let mut mine: std::collections::HashSet<u64> =
                open.session.proposals.iter().map(|p| p.id.0).collect();
            for renamed in &saved.renamed {
                mine.remove(&renamed.from.0);
            }
            mine.extend(saved.renamed.iter().map(|r| r.to.0));
            let taken = saved.session.proposals.iter().filter(|p| !mine.contains(&p.id.0)).count();
            for renamed in &saved.renamed {
                capture::update::renamed(open, renamed.from, renamed.to);
                if let (Some(Status::Info(message)), Some(p)) =
                    (app.status.as_mut(), saved.session.proposal(renamed.to))
                    && let Some(rest) =
                        message.strip_prefix(&t::saved_proposal(app.lang, renamed.from.0, p.table, p.round))
                {
                    *message =
                        format!("{}{rest}", t::saved_proposal(app.lang, renamed.to.0, p.table, p.round));
                }
            }
            let votes_changed = open.session.decisions.votes != saved.session.decisions.votes;
            open.session = *saved.session;
            open.not_writable = None;
            // Dots placed from phones show on the synthèse at once.
            if votes_changed {
                harvest::update::refresh(open, app.lang);
            }
            if open.save == SaveState::Pending || matches!(open.save, SaveState::Failed(_)) {
                open.save = SaveState::Saved(now);
            }
            // What came in from another program is said after what the user just did.
            if taken > 0 {
                let news = t::taken_from_disk(app.lang, taken);
                match app.status.as_mut() {
                    Some(Status::Info(message)) => *message = format!("{message} {news}"),
                    Some(Status::Error(_)) => {}
                    None => app.status = Some(Status::Info(news)),
                }
            }
        }
        Err(message) => {
            open.save = SaveState::Failed(message.clone());
            app.status = Some(Status::Error(message));
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
    // A letter typed in a list beside a text field starts the text there.
    if app.popup.is_none()
        && let Some(open) = app.open.as_mut()
    {
        match app.screen {
            Screen::Capture => open.capture.focus = Focus::Input,
            Screen::Participants => open.participants.focus = participants::state::Focus::Input,
            _ => {}
        }
    }
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
    } else if let Some(lines) = several_lines_for_capture(app, text) {
        app.popup = Some(Popup::PasteLines { lines, text: text.to_string() });
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

/// The non-empty lines of a block pasted in capture, when there are several (and no
/// proposal is being edited): each may become a proposal.
fn several_lines_for_capture(app: &App, text: &str) -> Option<Vec<String>> {
    let open = app.open.as_ref()?;
    if app.popup.is_some() || app.screen != Screen::Capture || open.capture.editing.is_some() {
        return None;
    }
    let lines: Vec<String> =
        text.lines().map(crate::domain::session::clean_text).filter(|l| !l.is_empty()).collect();
    (lines.len() > 1).then_some(lines)
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
        (
            Some(Popup::Help { scroll }),
            scrolling @ (PopupAction::Up
            | PopupAction::Down
            | PopupAction::PageUp
            | PopupAction::PageDown
            | PopupAction::Top
            | PopupAction::Bottom),
        ) => {
            let (page, max) = app.help_view.get();
            let page = page.saturating_sub(1).max(1);
            let scroll = match scrolling {
                PopupAction::Up => scroll.saturating_sub(1),
                PopupAction::Down => scroll.saturating_add(1),
                PopupAction::PageUp => scroll.saturating_sub(page),
                PopupAction::PageDown => scroll.saturating_add(page),
                PopupAction::Top => 0,
                _ => max,
            };
            app.popup = Some(Popup::Help { scroll: scroll.min(max) });
        }
        (Some(Popup::PasteLines { lines, .. }), PopupAction::Confirm) => {
            capture::update::add_lines(app, &lines, now, effects);
        }
        (Some(Popup::PasteLines { text, .. }), PopupAction::Alternative) => {
            if let Some(open) = app.open.as_mut() {
                open.capture.focus = Focus::Input;
                open.capture.input.paste(&text);
                open.capture.hint_stale = true;
            }
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
        (
            Some(other),
            PopupAction::Up
            | PopupAction::Down
            | PopupAction::PageUp
            | PopupAction::PageDown
            | PopupAction::Top
            | PopupAction::Bottom
            | PopupAction::Alternative,
        ) => app.popup = Some(other),
        (Some(_), PopupAction::Cancel) => {}
        (Some(Popup::Help { .. }), PopupAction::Confirm) => {}
    }
}

/// A path as typed, with `~` and `$HOME` (or any `$VAR` / `${VAR}`) expanded as a shell
/// would; an unknown variable is an error rather than a folder named after it.
pub fn expand_path(typed: &str) -> Result<std::path::PathBuf, String> {
    shellexpand::full(typed).map(|p| std::path::PathBuf::from(p.as_ref())).map_err(|e| e.to_string())
}

/// A path typed in a question popup, expanded ([`expand_path`]); a relative one goes
/// beside the session's file, not where the app was started (which a launcher may have
/// chosen).
fn typed_target(app: &App, typed: &str) -> Result<std::path::PathBuf, String> {
    let lang = app.lang;
    let path = typed.trim();
    if path.is_empty() {
        return Err(t::EMPTY_PATH.get(lang).to_string());
    }
    let expanded = expand_path(path).map_err(|e| t::bad_path(lang, path, &e))?;
    let folder = app.open.as_ref().and_then(|open| open.path.parent().map(std::path::Path::to_path_buf));
    Ok(match folder {
        Some(folder) if expanded.is_relative() => folder.join(expanded),
        _ => expanded,
    })
}

/// Acts on the value typed in a question popup; an error keeps the popup open.
fn answer(app: &mut App, prompt: &Prompt, typed: &str, effects: &mut Vec<Effect>) -> Result<(), String> {
    let lang = app.lang;
    match prompt {
        Prompt::NewSession => {
            let session = crate::domain::Session::new(typed, families_for_new_session(), 4, 3, 20)
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
        Prompt::RenewPhoneAddress => run::renew::answer(app, typed),
        Prompt::VoteDots => harvest::vote::answer_dots(app, typed, effects),
        Prompt::SaveElsewhere => {
            let target = typed_target(app, typed)?;
            effects.push(Effect::SaveElsewhere(target));
            Ok(())
        }
        Prompt::ExportPath => {
            let target = typed_target(app, typed)?;
            if let Some(open) = app.open.as_ref() {
                effects.push(Effect::Export {
                    files: vec![open.export.file()],
                    target: Some(target),
                    replace: false,
                });
            }
            Ok(())
        }
    }
}
