//! The app's remembered preferences (the theme, the sound of the clock's events), in a
//! small RON file: `settings.ron` of
//! the user's config folder when the app is started from the command line (see
//! `store::home`), `.cafe-settings.ron` of the sessions folder for an app built
//! directly (tests stay inside their temp folders). A missing or broken file gives the
//! defaults (a broken one is left as it is until a preference changes). Reading and
//! writing the file is [`crate::tui::perform`]'s.

use serde::{Deserialize, Serialize};

use super::effect::SoundEvent;
use super::theme::ThemeKind;

/// The preferences.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default)]
    pub theme: ThemeKind,
    #[serde(default)]
    pub sound: Sound,
}

/// What the clock's events sound like: the terminal bell, and a command per event run
/// by `sh -c` (as termdown's `--exec-cmd`), e.g. `paplay ~/gong.oga`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sound {
    /// Ring the terminal bell.
    #[serde(default = "yes")]
    pub bell: bool,
    /// Run at the end of a phase.
    #[serde(default)]
    pub end_command: Option<String>,
    /// Run at the warning, a few minutes before the end of a round.
    #[serde(default)]
    pub warning_command: Option<String>,
}

fn yes() -> bool {
    true
}

impl Default for Sound {
    fn default() -> Sound {
        Sound { bell: true, end_command: None, warning_command: None }
    }
}

impl Sound {
    /// The command run for `event`, if one is set.
    pub fn command(&self, event: SoundEvent) -> Option<&str> {
        match event {
            SoundEvent::PhaseEnd => self.end_command.as_deref(),
            SoundEvent::Warning => self.warning_command.as_deref(),
        }
        .map(str::trim)
        .filter(|c| !c.is_empty())
    }
}

impl Settings {
    /// The settings a file's text holds; defaults when it does not parse.
    pub fn from_text(text: &str) -> Settings {
        ron::from_str(text).unwrap_or_default()
    }

    /// The text of the settings file.
    pub fn to_text(&self) -> Result<String, String> {
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::new()).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_default_on_garbage() {
        let light = Settings {
            theme: ThemeKind::Light,
            sound: Sound { bell: false, end_command: Some("paplay gong.oga".into()), warning_command: None },
        };
        assert_eq!(Settings::from_text(&light.to_text().expect("written")), light);
        assert_eq!(Settings::from_text("(theme: Purple"), Settings::default());
        assert_eq!(Settings::from_text(""), Settings::default());
        assert_eq!(Settings::from_text("(theme: Light)").sound, Sound::default(), "older files");
    }
}
