//! Where the user's files live: the sessions folder, the preferences file and the
//! folder of the user's own knowledge (vocabulary, engine settings, families), found
//! with the `directories` crate in the platform's usual places, and the demo session
//! installed there on first run.
//!
//! The sessions folder is, in this order: the one given (`--dir` or `cafe list DIR`),
//! `CAFE_DIR`, a `sessions` folder in the current directory when it exists (so
//! `cargo run --release` in the repository opens the demo), else `sessions` in the
//! user's data folder (Linux `~/.local/share/cafe/sessions`, macOS
//! `~/Library/Application Support/cafe/sessions`, Windows
//! `%APPDATA%\cafe\data\sessions`). The preferences are `settings.ron` in the config
//! folder (Linux `~/.config/cafe`).

use std::path::{Path, PathBuf};

use directories::ProjectDirs;

use super::atomic::write_new;

/// The environment variable naming the sessions folder.
pub const CAFE_DIR: &str = "CAFE_DIR";

/// The sessions folder looked for in the current directory.
pub const LOCAL_SESSIONS: &str = "sessions";

/// Name of the preferences file in the config folder.
pub const SETTINGS_FILE: &str = "settings.ron";

/// The demo session, installed into the data folder on first run.
pub const DEMO_SESSION: &str = include_str!("../../sessions/cafe-du-savoir-14-novembre-2018.ron");

/// File name of the demo session.
pub const DEMO_FILE: &str = "cafe-du-savoir-14-novembre-2018.ron";

/// Why the sessions folder is the one it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionsOrigin {
    /// Given on the command line.
    Given,
    /// Named by `CAFE_DIR`.
    Environment,
    /// `./sessions` of the current directory.
    CurrentFolder,
    /// `sessions` in the user's data folder.
    DataFolder,
}

/// The user's folders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Home {
    /// The folder of the sessions.
    pub sessions: PathBuf,
    pub origin: SessionsOrigin,
    /// The user's data folder, where their own knowledge files are read (none when the
    /// platform gives no home folder).
    pub data: Option<PathBuf>,
    /// The preferences file.
    pub settings_file: PathBuf,
}

/// The platform's folders for this program.
fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "cafe")
}

impl Home {
    /// The folders for this process: `given`, then the environment, the current
    /// directory and the platform's folders.
    pub fn locate(given: Option<&Path>) -> Home {
        let from_env = std::env::var_os(CAFE_DIR).filter(|v| !v.is_empty()).map(PathBuf::from);
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        let dirs = project_dirs();
        Home::resolve(given, from_env.as_deref(), &cwd, dirs.as_ref().map(|d| (d.data_dir(), d.config_dir())))
    }

    /// The folders from explicit inputs: a given folder, `CAFE_DIR`'s value, the
    /// current directory and the platform's (data, config) folders.
    pub fn resolve(
        given: Option<&Path>,
        from_env: Option<&Path>,
        cwd: &Path,
        platform: Option<(&Path, &Path)>,
    ) -> Home {
        let local = cwd.join(LOCAL_SESSIONS);
        let (sessions, origin) = if let Some(dir) = given {
            (dir.to_path_buf(), SessionsOrigin::Given)
        } else if let Some(dir) = from_env {
            (dir.to_path_buf(), SessionsOrigin::Environment)
        } else if local.is_dir() || platform.is_none() {
            (PathBuf::from(LOCAL_SESSIONS), SessionsOrigin::CurrentFolder)
        } else if let Some((data, _)) = platform {
            (data.join("sessions"), SessionsOrigin::DataFolder)
        } else {
            (PathBuf::from(LOCAL_SESSIONS), SessionsOrigin::CurrentFolder)
        };
        let settings_file = match platform {
            Some((_, config)) => config.join(SETTINGS_FILE),
            None => sessions.join(format!(".cafe-{SETTINGS_FILE}")),
        };
        Home { sessions, origin, data: platform.map(|(data, _)| data.to_path_buf()), settings_file }
    }

    /// Makes the sessions folder ready for the home screen: the demo installed on first
    /// run (see [`Home::install_demo`]), the folder created when missing.
    pub fn prepare_sessions_folder(&self) -> std::io::Result<()> {
        self.install_demo()?;
        std::fs::create_dir_all(&self.sessions)
    }

    /// On first run (the data folder's sessions folder does not exist yet), creates it
    /// and puts the demo session in it. Returns the demo's path when it was installed.
    /// Any other sessions folder is left as it is.
    pub fn install_demo(&self) -> std::io::Result<Option<PathBuf>> {
        if self.origin != SessionsOrigin::DataFolder || self.sessions.exists() {
            return Ok(None);
        }
        std::fs::create_dir_all(&self.sessions)?;
        let path = self.sessions.join(DEMO_FILE);
        write_new(&path, DEMO_SESSION.as_bytes())?;
        Ok(Some(path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folder_given_wins_then_the_environment_then_the_current_folder() {
        let cwd = tempfile::tempdir().expect("temp dir");
        let data = cwd.path().join("data");
        let config = cwd.path().join("config");
        let platform = Some((data.as_path(), config.as_path()));
        let given = Home::resolve(Some(Path::new("x")), Some(Path::new("y")), cwd.path(), platform);
        assert_eq!((given.sessions.as_path(), given.origin), (Path::new("x"), SessionsOrigin::Given));
        let env = Home::resolve(None, Some(Path::new("y")), cwd.path(), platform);
        assert_eq!(env.origin, SessionsOrigin::Environment);
        let home = Home::resolve(None, None, cwd.path(), platform);
        assert_eq!((home.sessions, home.origin), (data.join("sessions"), SessionsOrigin::DataFolder));
        assert_eq!(home.settings_file, config.join(SETTINGS_FILE));
        std::fs::create_dir(cwd.path().join(LOCAL_SESSIONS)).expect("created");
        let local = Home::resolve(None, None, cwd.path(), platform);
        assert_eq!(local.origin, SessionsOrigin::CurrentFolder);
    }

    #[test]
    fn the_demo_is_installed_once_and_loads() {
        let dir = tempfile::tempdir().expect("temp dir");
        let data = dir.path().join("data");
        let config = dir.path().join("config");
        let home = Home::resolve(None, None, dir.path(), Some((&data, &config)));
        let demo = home.install_demo().expect("installed").expect("first run");
        let session = crate::store::load(&demo).expect("the demo loads");
        assert!(!session.proposals.is_empty());
        std::fs::remove_file(&demo).expect("removed");
        assert_eq!(home.install_demo().expect("second run"), None, "a removed demo stays removed");
    }
}
