//! Everything that can happen to the app, as data: one [`Action`] per key binding,
//! mouse gesture, clock tick or effect result. The keymap produces actions, `update`
//! consumes them; nothing else changes the app.
//!
//! Screen-specific actions live in their own enums so that adding a screen means adding
//! one variant here and one enum in its module.

use std::path::PathBuf;

use ratatui::crossterm::event::KeyEvent;

use super::screens::Screen;
use super::screens::harvest::state::HarvestTab;
use super::screens::home::state::SessionEntry;
use crate::domain::Session;
use crate::domain::merge::Renamed;
use crate::store::SessionFile;

/// A save that went through: the session as on disk, and the ids of the app's new
/// proposals that another program had given meanwhile.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    pub session: Box<Session>,
    pub renamed: Vec<Renamed>,
}

/// An action on the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Leave the app (asks first when a change is not on disk).
    Quit,
    /// Leave the app even though changes are not on disk (after the confirmation).
    QuitAnyway,
    /// Leave the session for the home screen even though changes are not on disk.
    CloseAnyway,
    /// Ask where to save the open session instead of its file (when the file cannot be
    /// written: unreadable, newer, read-only).
    SaveElsewhere,
    /// Back out of whatever is open: popup, edit, then the screen (to the home screen).
    Back,
    /// Open or close the full list of keys.
    ToggleHelp,
    /// Switch between the dark and the light theme (remembered).
    ToggleTheme,
    /// Go to a screen of the open session.
    Go(Screen),
    /// A second went by (the clock moves, the bell may ring).
    Tick,
    /// No event is waiting: do the work put off while keys were arriving (the hints of
    /// the capture screen), once per burst of typing or pasting.
    Idle,
    /// The terminal was resized.
    Resize { width: u16, height: u16 },
    /// A key for the focused text input.
    Input(KeyEvent),
    /// Text pasted into the terminal (bracketed paste).
    Paste(String),
    /// A mouse click at a cell.
    Click { column: u16, row: u16 },
    /// The mouse wheel, over a cell.
    Scroll { down: bool, column: u16, row: u16 },
    /// Home screen.
    Home(HomeAction),
    /// Setup screen.
    Setup(SetupAction),
    /// Run (projector) screen.
    Run(RunAction),
    /// Capture screen.
    Capture(CaptureAction),
    /// Export screen.
    Export(ExportAction),
    /// Participants screen.
    Participants(ParticipantsAction),
    /// Synthèse screen.
    Harvest(HarvestAction),
    /// The open popup (confirmation or question).
    Popup(PopupAction),
    /// Phone capture started (where, each table's address, and why projector windows
    /// cannot follow it if they cannot) or could not start (why).
    PhonesStarted(Result<super::phones::PhonesStarted, String>),
    /// Phone capture stopped: nothing listens any more.
    PhonesStopped,
    /// A table's phone changed one of its proposals (on disk already); `refused` is the
    /// server's count of refused requests.
    PhoneChanged { table: u32, refused: u64 },
    /// A new secret for this table's phone address was drawn (or why none could be).
    PhoneTokenDrawn { table: u32, token: Result<String, String> },
    /// A phone took a ballot or changed its dots (on disk already); `refused` as above.
    PhoneVoted { refused: u64 },
    /// The secret of a vote of `dots` per phone was made (or why it could not be).
    VoteToken { dots: u32, token: Result<String, String> },
    /// Move a session file to the trash (after the confirmation).
    TrashSession(PathBuf),
    /// Result of saving the open session: the session as now on disk (merged with what
    /// other programs wrote meanwhile), or why it could not be written.
    Saved(Result<Saved, String>),
    /// The open session's file can no longer be written (it stopped loading, a newer
    /// program wrote it, it is read-only): the app stops writing and says why.
    StoppedWriting(String),
    /// Result of reading the sessions folder.
    Scanned(Vec<SessionEntry>),
    /// Result of reading a session file.
    Loaded { path: PathBuf, result: Result<Box<SessionFile>, String> },
    /// Result of creating a session file (new or duplicate).
    Created { path: PathBuf, result: Result<Box<SessionFile>, String> },
    /// Result of saving the open session to another file: the app now works there.
    SavedElsewhere { path: PathBuf, result: Result<Box<SessionFile>, String> },
    /// Result of moving a session to the trash.
    Trashed(Result<PathBuf, String>),
    /// Result of an export: the files written.
    Exported(Result<Vec<PathBuf>, String>),
    /// The typed export path exists: ask before replacing it.
    ExportExists(PathBuf),
    /// The facilitator confirmed: replace this existing file with the selected export.
    ReplaceExport(PathBuf),
    /// The session as its file (and journal) hold it now, when it differs from the one
    /// shown (projector window), or why it could not be read.
    Followed(Result<Box<Session>, String>),
    /// Where the facilitator's window now serves phones (`None`: it does not), when
    /// that differs from what the projector window shows.
    PhonesFollowed(Option<std::net::SocketAddr>),
    /// Result of saving the settings.
    SettingsSaved(Result<(), String>),
    /// The user's vocabulary file as read (empty when there is none), or why it could
    /// not be read.
    UserVocabulary(Result<Box<crate::domain::Learned>, String>),
    /// Result of adding the session's learned vocabulary to the user's file: the
    /// message to show, or the error.
    Promoted(Result<String, String>),
}

impl Action {
    /// What a projector window does: quit, help, theme, turn the rotation's pages,
    /// follow the file; nothing that would change the session or leave the run view.
    pub fn allowed_in_projector(&self) -> bool {
        matches!(
            self,
            Action::Quit
                | Action::QuitAnyway
                | Action::ToggleHelp
                | Action::ToggleTheme
                | Action::Tick
                | Action::Idle
                | Action::Resize { .. }
                | Action::Click { .. }
                | Action::Scroll { .. }
                | Action::Popup(_)
                | Action::Run(RunAction::NextPage | RunAction::PreviousPage)
                | Action::Followed(_)
                | Action::PhonesFollowed(_)
                | Action::SettingsSaved(_)
        )
    }

    /// What only makes sense while phone capture is on (the help bar offers it then).
    pub fn needs_phone_capture(&self) -> bool {
        matches!(self, Action::Run(RunAction::RenewPhoneAddress | RunAction::RenewPhoneAddressOf(_)))
    }
}

/// Home screen: the sessions of the folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HomeAction {
    /// Select the previous session.
    Up,
    /// Select the next session.
    Down,
    /// Select a session by its position (mouse).
    Select(usize),
    /// Open the selected session.
    Open,
    /// Create a new session (asks its title).
    New,
    /// Copy the selected session as a template: same tables and schedule, no proposals.
    Duplicate,
    /// Move the selected session to the trash (asks first).
    Delete,
    /// Read the folder again.
    Refresh,
}

/// Setup screen: the session's description, schedule and tables.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupAction {
    Up,
    Down,
    Left,
    Right,
    /// Select a row (mouse).
    Select(usize),
    /// Edit the selected field (or toggle it).
    Edit,
    /// Validate the value being typed.
    Commit,
    /// Add a table with the next free number.
    AddTable,
    /// Remove the selected table (refused while it has proposals).
    RemoveTable,
    /// Move the selected table up the list.
    MoveTableUp,
    /// Move the selected table down the list.
    MoveTableDown,
    /// Sound the end of a phase as the room will hear it (bell and command).
    TestSound,
}

/// Run screen: the clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RunAction {
    /// Turn « Saisie par téléphone » on or off.
    TogglePhones,
    /// Ask which table's phone address to renew (while phone capture is on).
    RenewPhoneAddress,
    /// Renew this table's phone address (the answer to the confirmation): its phone
    /// loses access.
    RenewPhoneAddressOf(u32),
    /// Start, pause or resume the countdown.
    StartPause,
    /// One more minute.
    PlusMinute,
    /// One minute less.
    MinusMinute,
    /// The next phase (round, move, harvest); asks first while a round runs.
    NextPhase,
    /// The previous phase; asks first while a round runs.
    PreviousPhase,
    /// The next phase without asking (the answer to that question).
    NextPhaseNow,
    /// The previous phase without asking.
    PreviousPhaseNow,
    /// Undo the last move of the clock (start, pause, ±1 minute, next, previous).
    UndoClock,
    /// Show or hide where everyone goes (planning the rotation first if needed).
    ToggleRotation,
    /// The next page of the rotation.
    NextPage,
    /// The previous page of the rotation.
    PreviousPage,
}

/// Capture screen: typing what the tables propose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaptureAction {
    /// Next tab (table).
    NextTab,
    /// Previous tab.
    PreviousTab,
    /// Go to a tab by its position (mouse): 0 is all tables.
    SelectTab(usize),
    /// Save the proposal being typed (or the edit).
    Submit,
    /// Condition → astuce → témoignage.
    CycleKind,
    /// The next round for new proposals.
    CycleRound,
    /// Select the previous proposal in the list.
    Up,
    /// Select the next proposal in the list.
    Down,
    /// Select a proposal by its row (mouse).
    SelectItem(usize),
    /// Leave the text field for the list.
    FocusList,
    /// Back to the text field.
    FocusInput,
    /// Load the selected proposal in the text field to change it.
    Edit,
    /// Change the kind of the selected proposal.
    KindOfSelected,
    /// Move the selected proposal to another table (asks which).
    Move,
    /// Delete the selected proposal (undoable).
    Delete,
    /// Undo the last change to a proposal.
    Undo,
}

/// Export screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportAction {
    Up,
    Down,
    /// Select a format by its row (mouse).
    Select(usize),
    /// Write the selected format into `exports/` beside the session.
    Write,
    /// Write every format into `exports/`.
    WriteAll,
    /// Write the selected format to a path typed in.
    WriteTo,
}

/// Participants screen: who comes, and the rotation plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParticipantsAction {
    /// Add the typed participant (or save the edit).
    Submit,
    /// Leave the text field for the list.
    FocusList,
    /// Back to the text field.
    FocusInput,
    /// Select the previous participant.
    Up,
    /// Select the next participant.
    Down,
    /// Select a participant by its row (mouse).
    Select(usize),
    /// Load the selected participant in the text field to change it.
    Edit,
    /// Remove the selected participant (asks first).
    Delete,
    /// Remove the participant at this position (after the confirmation).
    Remove(usize),
    /// Plan the rotation and show its quality report.
    Plan,
}

/// The open popup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PopupAction {
    /// Yes / validate the typed value.
    Confirm,
    /// No / close.
    Cancel,
    /// The other answer of a two-answer question (a pasted block as one proposal).
    Alternative,
    /// Scroll up (help).
    Up,
    /// Scroll down (help).
    Down,
    /// A page up (help).
    PageUp,
    /// A page down (help).
    PageDown,
    /// To the top (help).
    Top,
    /// To the bottom (help).
    Bottom,
}

/// Synthèse screen: the families, an opened condition, the queue « à valider », charts.
/// Every change is a decision stored in the session (and can be undone).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HarvestAction {
    /// The previous condition (or original wording, or queue item).
    Up,
    /// The next condition (or original wording, or queue item).
    Down,
    /// The previous family (column).
    Left,
    /// The next family (column).
    Right,
    /// Select a condition of the board (mouse); on the selected one, open it.
    Select { column: usize, row: usize },
    /// Select an original wording of the opened condition (mouse).
    SelectMember(usize),
    /// Select an answer of the review's question (mouse).
    SelectQueue(usize),
    /// Show a view: conditions, astuces and témoignages, queue, charts.
    ShowTab(HarvestTab),
    /// The next view.
    NextTab,
    /// The previous view.
    PreviousTab,
    /// Open the selected condition: its original wordings and why they were merged.
    Open,
    /// Mark the selected condition to merge it into another (again: unmark).
    Mark,
    /// Merge the marked condition into the selected one.
    Merge,
    /// Split the selected original wording out of the opened condition.
    Split,
    /// Move the selected condition to another family (asks which).
    AskFamily,
    /// Move the selected condition to this family (the digit key pressed).
    SetFamily(u8),
    /// Reword the selected condition (asks the new wording).
    EditWording,
    /// Leave the selected condition out of the synthèse, or bring it back.
    ToggleExclude,
    /// One more dot vote for the selected condition.
    VoteUp,
    /// One dot vote less.
    VoteDown,
    /// Open dot voting from phones (asks the dots per phone), or close it (asks first).
    ToggleVote,
    /// Close dot voting from phones (confirmed).
    CloseVote,
    /// Answer the review's question: « oui », or the selected condition or family.
    Accept,
    /// Answer « non » (the two stay apart), or « seule » for a proposal to place.
    Reject,
    /// Keep what the review learned in this session for the next cafés (the user's
    /// vocabulary file of the sessions folder).
    PromoteVocabulary,
    /// Pass over the review's question (« passer »).
    Skip,
    /// Undo the last decision taken on this screen.
    Undo,
}
