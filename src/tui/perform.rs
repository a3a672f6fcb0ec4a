//! Performs the effects `update` asks for: saves the session, reads the folder, loads,
//! creates, duplicates and trashes session files, writes exports and settings. Each
//! result comes back as an [`Action`].
//!
//! Architecture invariant: this is the only part of the app that does IO (besides
//! drawing); `update` stays pure and is tested without a disk or a terminal.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};

use super::action::{Action, Saved};
use super::app::{App, OpenSession};
use super::effect::Effect;
use super::export_files::{ExportEntry, default_export_path, export_bytes};
use super::phones::{PhoneLink, PhonesOn, PhonesStarted};
use super::screens::home::state::{SessionEntry, Summary, sort_entries};
use super::settings::Settings;
use crate::domain::Session;
use crate::export::Format;
use crate::i18n::Lang;
use crate::i18n::errors::{io_error, store_error};
use crate::i18n::export::write_error;
use crate::serve::{ServeConfig, Server};
use crate::store::export_file::{ExportFileError, Refused, create_folder, write_export};
use crate::store::{self, SessionFile, StoreError, write_atomic};

/// Performs an effect; returns the action that reports its result. A sound's bell is
/// left to the caller (the terminal loop rings it, tests count it); its command runs
/// here.
pub fn perform(app: &App, effect: Effect, now: DateTime<Utc>) -> Option<Action> {
    let lang = app.lang;
    match effect {
        Effect::Save => Some(save(app.open.as_ref()?, lang)),
        Effect::Fold(path) => {
            // A clean exit folds the journal into the file; a failure leaves the journal,
            // which every reader replays, so nothing is lost either way.
            if let Ok(mut file) = SessionFile::open(&path) {
                let _ = file.fold();
            }
            // Leaving the session closes phone capture.
            app.phone_link.borrow_mut().take().map(|_| Action::PhonesStopped)
        }
        Effect::SaveElsewhere(path) => {
            let open = app.open.as_ref()?;
            let result = create(&path, &open.session).map(Box::new).map_err(|e| store_error(lang, &e));
            Some(Action::SavedElsewhere { path, result })
        }
        Effect::Scan => Some(Action::Scanned(scan(&app.sessions_dir, lang))),
        Effect::Load(path) => {
            let result = SessionFile::open(&path).map(Box::new).map_err(|e| store_error(lang, &e));
            Some(Action::Loaded { path, result })
        }
        Effect::Create { stem, session } => {
            let path = free_path(&app.sessions_dir, &stem);
            let result = create(&path, &session).map(Box::new).map_err(|e| store_error(lang, &e));
            Some(Action::Created { path, result })
        }
        Effect::Duplicate { source, title } => {
            let session = match store::load(&source) {
                Ok(session) => session.template(&title),
                Err(err) => {
                    return Some(Action::Created { path: source, result: Err(store_error(lang, &err)) });
                }
            };
            let path = free_path(&app.sessions_dir, &store::safe_file_name(&session.title));
            let result = create(&path, &session).map(Box::new).map_err(|e| store_error(lang, &e));
            Some(Action::Created { path, result })
        }
        Effect::Trash(path) => Some(Action::Trashed(
            trash(&path, now).map_err(|e| format!("{}: {}", path.display(), io_error(lang, &e))),
        )),
        Effect::Export { files, target, replace } => {
            let open = app.open.as_ref()?;
            let addresses = app.phones.on.as_ref().map(|on| on.tables.as_slice());
            let written = write_exports(open, lang, addresses, &files, target.as_deref(), replace);
            Some(match written {
                Err(WriteFailure::Exists(path)) => Action::ExportExists(path),
                Err(WriteFailure::Failed(message)) => Action::Exported(Err(message)),
                Ok(paths) => Action::Exported(Ok(paths)),
            })
        }
        Effect::ReadUserVocabulary => {
            let path = app.sessions_dir.join(store::user_vocabulary::USER_VOCABULARY_FILE);
            let result = store::user_vocabulary::load(&path)
                .map(Box::new)
                .map_err(|e| crate::i18n::review::vocabulary_error(lang, &e));
            Some(Action::UserVocabulary(result))
        }
        Effect::PromoteVocabulary => {
            let open = app.open.as_ref()?;
            let result = store::user_vocabulary::promote(app.data_dir.as_deref(), &open.session.learned)
                .map(|(added, path)| crate::i18n::review::promoted(lang, added, &path))
                .map_err(|e| crate::i18n::review::vocabulary_error(lang, &e));
            Some(Action::Promoted(result))
        }
        Effect::Phones(true) => Some(Action::PhonesStarted(start_phones(app))),
        Effect::Phones(false) => {
            // Dropping the server stops it and waits for the requests under way.
            app.phone_link.borrow_mut().take();
            Some(Action::PhonesStopped)
        }
        Effect::NewPhoneToken(table) => {
            let token = crate::serve::token::new_token()
                .map_err(|_| crate::i18n::serve::NO_RANDOMNESS.get(lang).to_string());
            Some(Action::PhoneTokenDrawn { table, token })
        }
        Effect::VoteToken(dots) => Some(Action::VoteToken {
            dots,
            token: crate::serve::token::new_token()
                .map_err(|_| crate::i18n::serve::NO_RANDOMNESS.get(lang).to_string()),
        }),
        Effect::Bell => None,
        Effect::SaveSettings => Some(Action::SettingsSaved(save_settings(&app.settings, &app.settings_path))),
        Effect::Follow => {
            // `store::load` takes a shared lock and never writes: the facilitator's
            // window keeps the file to itself.
            let open = app.open.as_ref()?;
            match store::load(&open.path) {
                Ok(session) if session == open.session => None,
                Ok(session) => Some(Action::Followed(Ok(Box::new(session)))),
                Err(e) => Some(Action::Followed(Err(store_error(lang, &e)))),
            }
        }
        Effect::FollowPhones => {
            // The address the facilitator's window serves phones on, if it does: the
            // codes follow it as they follow the session's tokens.
            let open = app.open.as_ref()?;
            let address = store::phones_address::read(&open.path);
            let shown = app.phones.on.as_ref().map(|on| on.address.as_str());
            (address.map(|a| a.to_string()).as_deref() != shown).then_some(Action::PhonesFollowed(address))
        }
        Effect::Sound(event) => {
            if let Some(command) = app.settings.sound.command(event) {
                run_sound_command(command);
            }
            None
        }
    }
}

/// Starts serving the open session to the tables' phones, on this machine's address on
/// the local network.
fn start_phones(app: &App) -> Result<PhonesStarted, String> {
    let lang = app.lang;
    let open = app.open.as_ref().ok_or_else(String::new)?;
    let mut link = app.phone_link.borrow_mut();
    // Already on (a key pressed twice quickly): the same server.
    link.take();
    let (sender, events) = std::sync::mpsc::channel();
    let config = ServeConfig {
        session: open.path.clone(),
        bind: app.phones.bind,
        port: app.phones.port,
        stop_on_signal: false,
        events: Some(sender),
    };
    let server = Server::start(config).map_err(|err| err.message(lang))?;
    let session = store::load(&open.path).map_err(|e| store_error(lang, &e))?;
    let on = PhonesOn::serving(&session, server.address());
    // The phones work even when projector windows cannot be told where: the reason is
    // kept for the facilitator's screen.
    let (published, unpublished) =
        match store::phones_address::PublishedAddress::publish(&open.path, server.address()) {
            Ok(published) => (Some(published), None),
            Err(err) => (None, Some(crate::i18n::serve::address_not_published(lang, &err))),
        };
    *link = Some(PhoneLink { server, events, published });
    Ok(PhonesStarted { on, unpublished })
}

/// What the phones changed since last asked, as actions (the terminal loop asks often
/// while phone capture is on).
pub fn phone_events(app: &App) -> Vec<Action> {
    let link = app.phone_link.borrow();
    let Some(link) = link.as_ref() else { return Vec::new() };
    let refused = link.server.refused();
    link.events
        .try_iter()
        .map(|event| match event {
            crate::serve::PhoneEvent::Changed { table, .. } => Action::PhoneChanged { table, refused },
            crate::serve::PhoneEvent::Voted => Action::PhoneVoted { refused },
        })
        .collect()
}

/// Saves the open session's changes through the store: under the session's lock, merged
/// with what other programs wrote since the app last read or wrote the file, durable
/// before the result comes back. A file that cannot be written (it stopped loading, is
/// newer, is read-only) is left alone and the app is told to stop writing.
fn save(open: &OpenSession, lang: Lang) -> Action {
    let mut slot = open.file.borrow_mut();
    let file = match slot.take() {
        Some(file) => Ok(file),
        None => open_or_create(&open.path, &open.session),
    };
    let mut file = match file {
        Ok(file) => file,
        Err(err) => return refused(lang, &err),
    };
    let result = file.save_merged(&open.session);
    let action = match result {
        Ok(renamed) => Action::Saved(Ok(Saved { session: Box::new(file.session().clone()), renamed })),
        Err(err) => refused(lang, &err),
    };
    *slot = Some(file);
    action
}

/// The file of a session the app holds but never read (a session created in memory):
/// written new when missing, else opened.
fn open_or_create(path: &Path, session: &Session) -> Result<SessionFile, StoreError> {
    if std::fs::symlink_metadata(path).is_err() {
        return create(path, session);
    }
    SessionFile::open(path)
}

fn refused(lang: Lang, err: &StoreError) -> Action {
    let message = store_error(lang, err);
    if err.stops_writing() { Action::StoppedWriting(message) } else { Action::Saved(Err(message)) }
}

/// The sessions of a folder (every `*.ron` not starting with a dot), newest first; a
/// file that does not load is listed with its located error.
pub fn scan(dir: &Path, lang: Lang) -> Vec<SessionEntry> {
    let Ok(files) = store::session_file::session_files(dir) else { return Vec::new() };
    let mut entries: Vec<SessionEntry> = files
        .into_iter()
        .map(|path| {
            let modified =
                std::fs::metadata(&path).and_then(|m| m.modified()).ok().map(DateTime::<Utc>::from);
            let summary = store::load(&path)
                .map(|s| Summary {
                    title: s.title.clone(),
                    date: s.date,
                    tables: s.tables.len(),
                    proposals: s.proposals.len(),
                })
                .map_err(|e| store_error(lang, &e));
            SessionEntry { path, modified, summary }
        })
        .collect();
    sort_entries(&mut entries);
    entries
}

/// `DIR/STEM.ron`, or `STEM-2.ron`, `STEM-3.ron`… when taken.
fn free_path(dir: &Path, stem: &str) -> PathBuf {
    let first = dir.join(format!("{stem}.ron"));
    if !first.exists() {
        return first;
    }
    (2..).map(|n| dir.join(format!("{stem}-{n}.ron"))).find(|p| !p.exists()).unwrap_or(first)
}

/// Writes a new session file (never over an existing one) and opens it.
fn create(path: &Path, session: &Session) -> Result<SessionFile, StoreError> {
    store::session_file::save_new(path, session)?;
    SessionFile::open(path)
}

/// Moves a file, its backup and its journal into `.trash/` beside it; a name already in the trash
/// gets the time appended. Returns where the file went.
fn trash(path: &Path, now: DateTime<Utc>) -> std::io::Result<PathBuf> {
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let trash_dir = dir.join(".trash");
    std::fs::create_dir_all(&trash_dir)?;
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut target = trash_dir.join(&name);
    if target.exists() {
        target = trash_dir.join(format!("{}-{name}", now.format("%Y%m%d-%H%M%S")));
    }
    std::fs::rename(path, &target)?;
    let backup = store::atomic::backup_path(path);
    if backup.exists() {
        let _ = std::fs::rename(&backup, store::atomic::backup_path(&target));
    }
    // The journal goes with its session (a new session of the same name must not
    // replay it); the lock file is only a lock.
    let journal = store::journal::journal_path(path);
    if journal.exists() {
        let _ = std::fs::rename(&journal, store::journal::journal_path(&target));
    }
    let _ = std::fs::remove_file(store::lock::lock_path(path));
    Ok(target)
}

/// Why [`write_exports`] stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WriteFailure {
    /// This file exists: the facilitator must confirm before it is replaced.
    Exists(PathBuf),
    /// Anything else, in words.
    Failed(String),
}

/// Writes each file, to `target` (a file, or a folder for several) or into `exports/`
/// beside the session; returns the files written. The app's own `exports/` files are
/// replaced freely; a typed `target` that exists is replaced only when `replace`. A
/// typed file whose extension names a format gets the synthèse in that format. The
/// table cards carry `addresses`, the tables' phone addresses (phone capture on).
pub fn write_exports(
    open: &OpenSession,
    lang: Lang,
    addresses: Option<&[(u32, String)]>,
    files: &[ExportEntry],
    target: Option<&Path>,
    replace: bool,
) -> Result<Vec<PathBuf>, WriteFailure> {
    let (session, engine, session_path) = (&open.session, &open.engine, open.path.as_path());
    let mut written = Vec::new();
    for file in files {
        let default = default_export_path(session_path, *file);
        let path = match target {
            Some(target) if target.is_dir() || files.len() > 1 => {
                target.join(default.file_name().unwrap_or_default())
            }
            Some(target) => target.to_path_buf(),
            None => default,
        };
        // A typed file name's extension chooses the synthèse's format, as `-o` does.
        let file = match (file, target.and_then(Format::of_path)) {
            (ExportEntry::Synthesis(_, variant), Some(named)) if files.len() == 1 && !path.is_dir() => {
                ExportEntry::Synthesis(named, *variant)
            }
            _ => *file,
        };
        let bytes = export_bytes(session, engine, file, lang, addresses).map_err(WriteFailure::Failed)?;
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            create_folder(dir).map_err(|e| {
                WriteFailure::Failed(format!(
                    "{}: {}",
                    dir.display(),
                    crate::i18n::errors::io_error(lang, &e)
                ))
            })?;
        }
        let may_replace = replace || target.is_none();
        match write_export(&path, &bytes, &[session_path.to_path_buf()], may_replace) {
            Ok(()) => written.push(path),
            Err(ExportFileError::Refused(Refused::Exists)) => return Err(WriteFailure::Exists(path)),
            Err(e) => {
                return Err(WriteFailure::Failed(write_error(lang, &path.display().to_string(), &e, true)));
            }
        }
    }
    Ok(written)
}

/// Runs a sound command with `sh -c` in the background: the app never waits for it,
/// and a command that fails only fails to sound. A thread reaps it.
fn run_sound_command(command: &str) {
    use std::process::{Command, Stdio};
    let spawned = Command::new("sh")
        .arg("-c")
        .arg(command)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn();
    if let Ok(mut child) = spawned {
        std::thread::spawn(move || child.wait());
    }
}

/// Reads the settings; defaults when the file is missing or unreadable.
pub fn load_settings(path: &Path) -> Settings {
    std::fs::read_to_string(path).map(|text| Settings::from_text(&text)).unwrap_or_default()
}

/// Reads the settings of `path`, or of `earlier` (where earlier versions kept them)
/// while `path` does not exist.
pub fn load_settings_moved(path: &Path, earlier: &Path) -> Settings {
    load_settings(if path.exists() { path } else { earlier })
}

/// Writes the settings atomically.
fn save_settings(settings: &Settings, path: &Path) -> Result<(), String> {
    let text = settings.to_text()?;
    if let Some(dir) = path.parent()
        && !dir.as_os_str().is_empty()
    {
        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    }
    write_atomic(path, text.as_bytes(), false).map_err(|e| e.to_string())
}

/// Runs `update` on an action, then performs every effect and feeds its result back,
/// until nothing is left. Returns how many times the bell rang. The terminal loop and
/// the tests both drive the app through this.
pub fn dispatch(app: &mut App, action: Action, now: DateTime<Utc>) -> usize {
    let mut bells = 0;
    let mut queue = vec![action];
    while let Some(action) = queue.pop() {
        for effect in super::update::update(app, action, now) {
            if matches!(effect, Effect::Sound(_)) && app.settings.sound.bell {
                bells += 1;
            }
            if let Some(result) = perform(app, effect, now) {
                queue.insert(0, result);
            }
        }
    }
    bells
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::theme::ThemeKind;

    #[test]
    fn settings_survive_a_round_trip_and_a_broken_file_gives_the_defaults() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(".cafe-settings.ron");
        assert_eq!(load_settings(&path), Settings::default());
        save_settings(&Settings { theme: ThemeKind::Light, ..Settings::default() }, &path).expect("saved");
        assert_eq!(load_settings(&path).theme, ThemeKind::Light);
        std::fs::write(&path, "(theme: Purple").expect("written");
        assert_eq!(load_settings(&path), Settings::default());
    }
}
