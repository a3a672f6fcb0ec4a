//! The app's remembered preferences (the theme), in a small RON file: `settings.ron` of
//! the user's config folder when the app is started from the command line (see
//! `store::home`), `.cafe-settings.ron` of the sessions folder for an app built
//! directly (tests stay inside their temp folders). A missing or broken file gives the
//! defaults (a broken one is left as it is until a preference changes). Reading and
//! writing the file is [`crate::tui::perform`]'s.

use serde::{Deserialize, Serialize};

use super::theme::ThemeKind;

/// The preferences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default)]
    pub theme: ThemeKind,
}

impl Settings {
    /// The settings a file's text holds; defaults when it does not parse.
    pub fn from_text(text: &str) -> Settings {
        ron::from_str(text).unwrap_or_default()
    }

    /// The text of the settings file.
    pub fn to_text(self) -> Result<String, String> {
        ron::ser::to_string_pretty(&self, ron::ser::PrettyConfig::new()).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_default_on_garbage() {
        let light = Settings { theme: ThemeKind::Light };
        assert_eq!(Settings::from_text(&light.to_text().expect("written")), light);
        assert_eq!(Settings::from_text("(theme: Purple"), Settings::default());
        assert_eq!(Settings::from_text(""), Settings::default());
    }
}
