//! The app's remembered preferences (the theme), in a small RON file
//! `.cafe-settings.ron` in the sessions folder: it travels with the sessions, tests stay
//! inside their temp folders, and nothing is written anywhere else. A missing or broken
//! file gives the defaults (a broken one is left as it is until a preference changes).

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::theme::ThemeKind;

/// The preferences.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Settings {
    #[serde(default)]
    pub theme: ThemeKind,
}

impl Settings {
    /// Reads the settings; defaults when the file is missing or unreadable.
    pub fn load(path: &Path) -> Settings {
        std::fs::read_to_string(path).ok().and_then(|text| ron::from_str(&text).ok()).unwrap_or_default()
    }

    /// Writes the settings atomically.
    pub fn save(&self, path: &Path) -> Result<(), String> {
        let text =
            ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::new()).map_err(|e| e.to_string())?;
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
        crate::store::write_atomic(path, text.as_bytes(), false).map_err(|e| e.to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_round_trip_and_default_on_garbage() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(".cafe-settings.ron");
        assert_eq!(Settings::load(&path), Settings::default());
        Settings { theme: ThemeKind::Light }.save(&path).expect("saved");
        assert_eq!(Settings::load(&path).theme, ThemeKind::Light);
        std::fs::write(&path, "(theme: Purple").expect("written");
        assert_eq!(Settings::load(&path), Settings::default());
    }
}
