//! The screens of the app, all of one shape: a folder with `state.rs` (what the screen
//! remembers, `…State`: plain data that imports nothing of the app), `update.rs` (its
//! `update` for its own [`crate::tui::action`] enum) and `view.rs` (its `render`); the
//! keymap binds its keys under its own [`crate::tui::keymap::Context`].
//!
//! Adding a screen: a variant in [`Screen`], a folder here, a state field in
//! [`crate::tui::app::OpenSession`], an action enum in `action.rs`, a context and its
//! bindings in `keymap/table.rs`, and one line in `render_body` (`view/mod.rs`) and in
//! `update.rs`.

pub mod capture;
pub mod export;
pub mod harvest;
pub mod home;
pub mod participants;
pub mod run;
pub mod setup;

use crate::i18n::Text;
use crate::i18n::tui as t;

/// Which screen is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Screen {
    /// The sessions of the folder.
    Home,
    /// Description, schedule and tables of the open session.
    Setup,
    /// The projector view: the big clock.
    Run,
    /// Typing what the tables propose.
    Capture,
    /// Writing the synthèse and the proposals to files.
    Export,
    /// Who comes (typed or pasted) and the rotation plan (F6, not a tab).
    Participants,
    /// The synthèse: the families side by side, merges, splits, votes, charts.
    Harvest,
}

impl Screen {
    /// The screens of an open session, in the order of their tabs.
    pub const SESSION_SCREENS: [Screen; 6] =
        [Screen::Setup, Screen::Run, Screen::Capture, Screen::Export, Screen::Participants, Screen::Harvest];

    /// The tab label.
    pub fn title(self) -> Text {
        match self {
            Screen::Home => t::SCREEN_HOME,
            Screen::Setup => t::SCREEN_SETUP,
            Screen::Run => t::SCREEN_RUN,
            Screen::Capture => t::SCREEN_CAPTURE,
            Screen::Export => t::SCREEN_EXPORT,
            Screen::Participants => crate::i18n::plan::SCREEN_PARTICIPANTS,
            Screen::Harvest => crate::i18n::harvest::SCREEN,
        }
    }
}
