//! The whole state of the app: which screen is shown, the open session with its save
//! state and per-screen states, the popup, the message line and the settings. Pure data:
//! changed only by `update`, drawn by `view`.

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Offset, Utc};
use ratatui::layout::Rect;

use super::action::Action;
use super::effect::Effect;
use super::phones::{PhoneLink, PhonesState};
use super::screens::Screen;
use super::screens::capture::state::CaptureState;
use super::screens::export::state::ExportState;
use super::screens::harvest::state::HarvestState;
use super::screens::home::state::HomeState;
use super::screens::participants::state::ParticipantsState;
use super::screens::run::state::RunState;
use super::screens::setup::state::SetupState;
use super::settings::Settings;
use super::theme::Theme;
use super::widgets::LineInput;
use crate::domain::{ProposalId, Session};
use crate::i18n::Lang;
use crate::store::SessionFile;
use crate::synth::Engine;

/// Where the open session stands with respect to its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// The file holds every change (saved at that time).
    Saved(DateTime<Utc>),
    /// A change is being written.
    Pending,
    /// The last write failed; the next change tries again.
    Failed(String),
}

/// The session being worked on, with its file and the state of each of its screens.
#[derive(Debug, Clone)]
pub struct OpenSession {
    pub path: PathBuf,
    pub session: Session,
    pub save: SaveState,
    pub setup: SetupState,
    pub run: RunState,
    pub capture: CaptureState,
    pub export: ExportState,
    pub participants: ParticipantsState,
    pub harvest: HarvestState,
    /// The synthèse engine for this session's families (hints while typing, exports).
    pub engine: Arc<Engine>,
    /// The session's file as the store holds it open (what was last read or written
    /// there); `None` until first read. Only the code that performs effects uses it.
    pub file: RefCell<Option<SessionFile>>,
    /// Why the file cannot be written, shown in a banner that stays until a save
    /// succeeds (`None`: the file takes every change).
    pub not_writable: Option<String>,
    /// What earlier cafés' reviews taught (the user's vocabulary file of the sessions
    /// folder), read once the session is open; part of `engine`.
    pub user_learned: crate::domain::Learned,
}

impl OpenSession {
    /// The session held by `file`, opened.
    pub fn from_file(path: PathBuf, file: SessionFile, now: DateTime<Utc>) -> OpenSession {
        let mut open = OpenSession::new(path, file.session().clone(), now);
        open.file = RefCell::new(Some(file));
        open
    }

    /// Whether every change is on disk.
    pub fn is_saved(&self) -> bool {
        matches!(self.save, SaveState::Saved(_))
    }

    pub fn new(path: PathBuf, session: Session, now: DateTime<Utc>) -> OpenSession {
        let capture = CaptureState::new(&session, now);
        OpenSession {
            engine: Arc::new(crate::store::assets::engine_for(&session)),
            file: RefCell::new(None),
            not_writable: None,
            user_learned: crate::domain::Learned::default(),
            path,
            session,
            save: SaveState::Saved(now),
            setup: SetupState::default(),
            run: RunState::default(),
            capture,
            export: ExportState::default(),
            participants: ParticipantsState::default(),
            harvest: HarvestState::default(),
        }
    }
}

/// Marks the open session as changed and schedules its save.
pub fn session_changed(open: &mut OpenSession, effects: &mut Vec<Effect>) {
    open.save = SaveState::Pending;
    if !effects.contains(&Effect::Save) {
        effects.push(Effect::Save);
    }
}

/// What a question popup is asking for.
#[derive(Debug, Clone, PartialEq)]
pub enum Prompt {
    /// The title of a new session.
    NewSession,
    /// The title of a copy of the session at this path.
    Duplicate(PathBuf),
    /// The table a proposal moves to.
    MoveProposal(ProposalId),
    /// The file an export is written to.
    ExportPath,
    /// A new file for the open session, whose own file cannot be written.
    SaveElsewhere,
    /// The new wording of the synthèse condition containing this proposal.
    Wording(ProposalId),
    /// The family of the synthèse condition containing this proposal.
    Family(ProposalId),
    /// The table whose phone address is renewed.
    RenewPhoneAddress,
    /// The dots each phone gets in the vote being opened.
    VoteDots,
}

/// A window over the screen; it gets the keys first.
#[derive(Debug, Clone, PartialEq)]
pub enum Popup {
    /// The full list of keys.
    Help { scroll: u16 },
    /// A yes/no question; `on_yes` runs when confirmed.
    Confirm { message: String, on_yes: Box<Action> },
    /// A value to type.
    Ask { prompt: Prompt, question: String, input: Box<LineInput> },
    /// A pasted block of several lines in capture: one proposal per line, or one?
    PasteLines { lines: Vec<String>, text: String },
}

/// The message line under the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    Info(String),
    Error(String),
}

/// A clickable region recorded while drawing, and the action a click there performs.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    pub area: Rect,
    pub action: Action,
}

/// The app.
#[derive(Debug)]
pub struct App {
    pub lang: Lang,
    pub theme: Theme,
    pub settings: Settings,
    /// Where the settings are remembered (`.cafe-settings.ron` in the sessions folder).
    pub settings_path: PathBuf,
    /// The folder of the home screen.
    pub sessions_dir: PathBuf,
    /// The user's data folder, where the learned vocabulary is kept for the next cafés
    /// (none until the command line gives it).
    pub data_dir: Option<PathBuf>,
    pub screen: Screen,
    pub home: HomeState,
    pub open: Option<OpenSession>,
    pub popup: Option<Popup>,
    pub status: Option<Status>,
    /// The time of the last update; drawing uses it, so a fixed clock gives fixed frames.
    pub now: DateTime<Utc>,
    /// The local time zone's offset, for times shown (UTC unless the loop sets it).
    pub utc_offset: chrono::FixedOffset,
    /// Terminal size (columns, rows).
    pub size: (u16, u16),
    pub should_quit: bool,
    /// Something changed since the last draw.
    pub dirty: bool,
    /// Clickable regions of the last frame.
    pub hits: RefCell<Vec<Hit>>,
    /// A projector window (`cafe open --projector`): the run view only, read-only,
    /// following the session file as the facilitator's window writes it.
    pub projector: bool,
    /// The help list's rows on screen and its largest scroll, as last drawn.
    pub help_view: std::cell::Cell<(u16, u16)>,
    /// « Saisie par téléphone »: what is shown of it.
    pub phones: PhonesState,
    /// The phone server while it runs (only `perform` and the loop touch it).
    pub phone_link: RefCell<Option<PhoneLink>>,
}

/// Name of the settings file in the sessions folder.
pub const SETTINGS_FILE: &str = ".cafe-settings.ron";

/// Smallest usable terminal.
pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

impl App {
    /// Whether the terminal is too small to draw the app (the screen then only says so).
    pub fn too_small(&self) -> bool {
        self.size.0 < MIN_WIDTH || self.size.1 < MIN_HEIGHT
    }

    /// The app on the home screen of `sessions_dir`.
    pub fn new(
        sessions_dir: PathBuf,
        lang: Lang,
        settings: Settings,
        no_color: bool,
        now: DateTime<Utc>,
    ) -> App {
        let settings_path = sessions_dir.join(SETTINGS_FILE);
        App {
            lang,
            theme: Theme::new(settings.theme, no_color),
            settings,
            settings_path,
            sessions_dir,
            data_dir: None,
            screen: Screen::Home,
            home: HomeState::default(),
            open: None,
            popup: None,
            status: None,
            now,
            utc_offset: Utc.fix(),
            size: (80, 24),
            should_quit: false,
            dirty: true,
            hits: RefCell::new(Vec::new()),
            help_view: std::cell::Cell::new((20, u16::MAX)),
            projector: false,
            phones: PhonesState::default(),
            phone_link: RefCell::new(None),
        }
    }

    /// Remembers the preferences in `path` (the config folder's file) rather than in the
    /// sessions folder, and takes `settings`, read from there.
    pub fn use_settings(&mut self, path: PathBuf, settings: Settings) {
        self.theme = Theme::new(settings.theme, self.theme.no_color);
        self.settings = settings;
        self.settings_path = path;
    }

    /// The app with `session` (read from `path`) open on `screen`.
    pub fn with_session(mut self, path: &Path, session: Session, screen: Screen) -> App {
        self.open = Some(OpenSession::new(path.to_path_buf(), session, self.now));
        self.screen = screen;
        if screen == Screen::Harvest
            && let Some(open) = self.open.as_mut()
        {
            open.harvest.refresh(&open.engine, &open.session, self.lang);
        }
        self
    }

    /// The open session, if any.
    pub fn session(&self) -> Option<&Session> {
        self.open.as_ref().map(|o| &o.session)
    }

    /// Records a clickable region of the frame being drawn.
    pub fn hit(&self, area: Rect, action: Action) {
        self.hits.borrow_mut().push(Hit { area, action });
    }

    /// The action under a cell of the last frame (the last drawn region wins).
    pub fn hit_at(&self, column: u16, row: u16) -> Option<Action> {
        let position = ratatui::layout::Position { x: column, y: row };
        self.hits.borrow().iter().rev().find(|h| h.area.contains(position)).map(|h| h.action.clone())
    }

    /// Milliseconds until something on screen changes by itself (the clock's next
    /// second), or `None` when nothing moves: the loop then sleeps until an event.
    pub fn next_change_in_ms(&self, now: DateTime<Utc>) -> Option<u64> {
        let open = self.open.as_ref()?;
        if self.projector {
            // The file is read again every half second, whatever the clock does.
            return Some(500);
        }
        let clock = &open.session.clock;
        if !clock.is_running() {
            return None;
        }
        let remaining = clock.remaining_ms(&open.session.schedule, now);
        let to_next_second = remaining.rem_euclid(1000);
        let wait = if to_next_second == 0 { 1000 } else { to_next_second };
        Some(wait as u64 + 5)
    }
}
