//! Writing an export without destroying anything: where an export may go is checked
//! before a byte is written. A session file (any file that is, or looks like, a
//! session), the inputs of the synthèse (the session being exported included),
//! folders, devices, pipes and other special files are refused whatever the flag; an
//! existing file is replaced only when the caller says so (`--force`, or the app's
//! confirmation). The write itself is atomic (`write_atomic`).

use std::fs;
use std::io::Read as _;
use std::path::{Path, PathBuf};

use super::write_atomic;

/// Why an export may not be written to a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The file exists and replacing it was not allowed.
    Exists,
    /// It is a session file.
    Session,
    /// It is one of the synthèse's inputs.
    Input,
    /// It is a folder.
    Folder,
    /// It is a device, a pipe, a socket…
    Special,
}

/// What went wrong writing an export.
#[derive(Debug, thiserror::Error)]
pub enum ExportFileError {
    #[error("refused: {0:?}")]
    Refused(Refused),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Enough of a file to recognise a session by its first fields.
const SNIFF_BYTES: u64 = 16 * 1024;

/// Whether the file's text is a session's: RON whose first fields are a session's
/// (`version`, then `title`), or that names `next_id` and `proposals` early on.
fn looks_like_session(path: &Path) -> bool {
    let mut head = Vec::new();
    let Ok(file) = fs::File::open(path) else { return false };
    if file.take(SNIFF_BYTES).read_to_end(&mut head).is_err() {
        return false;
    }
    let text = String::from_utf8_lossy(&head);
    let fields: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//") && !l.starts_with("#!") && *l != "(")
        .take(2)
        .collect();
    let starts_as_session = fields.first().is_some_and(|l| l.starts_with("version:"))
        && fields.get(1).is_some_and(|l| l.starts_with("title:"));
    starts_as_session || (text.contains("next_id:") && text.contains("proposals:"))
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Checks that an export may be written to `path`: not one of `inputs`, not a session,
/// a folder or a special file, and not an existing file unless `replace`.
pub fn check_destination(path: &Path, inputs: &[PathBuf], replace: bool) -> Result<(), Refused> {
    if inputs.iter().any(|input| same_file(path, input)) {
        return Err(Refused::Input);
    }
    let Ok(metadata) = fs::metadata(path) else {
        // Nothing there (or a dangling link): a new file.
        return Ok(());
    };
    if metadata.is_dir() {
        return Err(Refused::Folder);
    }
    if !metadata.is_file() {
        return Err(Refused::Special);
    }
    if looks_like_session(path) {
        return Err(Refused::Session);
    }
    if !replace {
        return Err(Refused::Exists);
    }
    Ok(())
}

/// Writes an export to `path` (atomically, no backup) after [`check_destination`].
pub fn write_export(
    path: &Path,
    bytes: &[u8],
    inputs: &[PathBuf],
    replace: bool,
) -> Result<(), ExportFileError> {
    check_destination(path, inputs, replace).map_err(ExportFileError::Refused)?;
    write_atomic(path, bytes, false)?;
    Ok(())
}

/// Creates the folder an export goes into (`exports/` beside the session).
pub fn create_folder(dir: &Path) -> std::io::Result<()> {
    fs::create_dir_all(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_folders_devices_and_existing_files_are_refused() {
        let dir = tempfile::tempdir().expect("temp dir");
        let session = dir.path().join("s.ron");
        fs::write(&session, "(\n    version: 1,\n    title: \"Café\",\n)\n").expect("written");
        let other = dir.path().join("notes.txt");
        fs::write(&other, "x").expect("written");
        let new = dir.path().join("new.md");
        assert_eq!(check_destination(&session, &[], true), Err(Refused::Session));
        assert_eq!(check_destination(&other, std::slice::from_ref(&other), true), Err(Refused::Input));
        assert_eq!(check_destination(dir.path(), &[], true), Err(Refused::Folder));
        assert_eq!(check_destination(&other, &[], false), Err(Refused::Exists));
        assert_eq!(check_destination(&other, &[], true), Ok(()));
        assert_eq!(check_destination(&new, &[], false), Ok(()));
        #[cfg(unix)]
        assert_eq!(check_destination(Path::new("/dev/null"), &[], true), Err(Refused::Special));
        write_export(&new, b"ok", &[], false).expect("written");
        assert_eq!(fs::read(&new).expect("read"), b"ok");
        assert!(matches!(
            write_export(&session, b"x", &[], true),
            Err(ExportFileError::Refused(Refused::Session))
        ));
        assert!(fs::read_to_string(&session).expect("read").contains("version: 1"));
    }
}
