//! Messages for errors of the domain and the store, in both languages.

use super::Lang;
use crate::domain::SessionError;
use crate::store::StoreError;
use crate::store::notes::{NotesError, NotesReadError};

/// A refused change to a session, in the user's language.
pub fn session_error(lang: Lang, err: &SessionError) -> String {
    use SessionError as E;
    match (lang, err) {
        (Lang::Fr, E::EmptyTitle) => "le titre est vide".into(),
        (Lang::En, E::EmptyTitle) => "the title is empty".into(),
        (Lang::Fr, E::EmptyText) => "la proposition est vide".into(),
        (Lang::En, E::EmptyText) => "the proposal is empty".into(),
        (Lang::Fr, E::NoSuchTable(n)) => format!("la table {n} n'existe pas"),
        (Lang::En, E::NoSuchTable(n)) => format!("there is no table {n}"),
        (Lang::Fr, E::DuplicateTable(n)) => format!("la table {n} existe déjà"),
        (Lang::En, E::DuplicateTable(n)) => format!("table {n} already exists"),
        (Lang::Fr, E::TableZero) => "les numéros de table commencent à 1".into(),
        (Lang::En, E::TableZero) => "table numbers start at 1".into(),
        (Lang::Fr, E::NoSuchRound { round, rounds }) => {
            format!("le tour {round} n'existe pas (tours 1 à {rounds})")
        }
        (Lang::En, E::NoSuchRound { round, rounds }) => {
            format!("there is no round {round} (rounds 1 to {rounds})")
        }
        (Lang::Fr, E::ZeroMinutes) => "un tour dure au moins une minute".into(),
        (Lang::En, E::ZeroMinutes) => "a round lasts at least one minute".into(),
        (Lang::Fr, E::NoRounds) => "il faut au moins un tour".into(),
        (Lang::En, E::NoRounds) => "a session needs at least one round".into(),
        (Lang::Fr, E::NoTables) => "il faut au moins une table".into(),
        (Lang::En, E::NoTables) => "a session needs at least one table".into(),
        (Lang::Fr, E::TooManyTables(max)) => format!("au plus {max} tables"),
        (Lang::En, E::TooManyTables(max)) => format!("at most {max} tables"),
        (Lang::Fr, E::TooManyRounds(max)) => format!("au plus {max} tours"),
        (Lang::En, E::TooManyRounds(max)) => format!("at most {max} rounds"),
        (Lang::Fr, E::TooLong(max)) => {
            format!("un tour, un déplacement ou la récolte dure au plus {max} minutes")
        }
        (Lang::En, E::TooLong(max)) => format!("a round, a move or the harvest lasts at most {max} minutes"),
        (Lang::Fr, E::TableNumberTooHigh(max)) => format!("les numéros de table vont jusqu'à {max}"),
        (Lang::En, E::TableNumberTooHigh(max)) => format!("table numbers go up to {max}"),
        (Lang::Fr, E::NoSuchProposal(id)) => format!("la proposition {id} n'existe pas"),
        (Lang::En, E::NoSuchProposal(id)) => format!("there is no proposal {id}"),
    }
}

/// A session file that could not be read or written, with file, line and column.
pub fn store_error(lang: Lang, err: &StoreError) -> String {
    use StoreError as E;
    match (lang, err) {
        (Lang::Fr, E::Io { path, source }) => format!("{}: {}", path.display(), io_error(lang, source)),
        (Lang::En, E::Io { path, source }) => format!("{}: {}", path.display(), io_error(lang, source)),
        (Lang::Fr, E::Parse { path, line, column, message }) => format!(
            "{}:{line}:{column}: fichier de session illisible ({message}); le fichier n'a pas été modifié",
            path.display()
        ),
        (Lang::En, E::Parse { path, line, column, message }) => format!(
            "{}:{line}:{column}: unreadable session file ({message}); the file was left untouched",
            path.display()
        ),
        (Lang::Fr, E::NewerVersion { path, found, supported }) => format!(
            "{}: format de version {found}, plus récent que celui de ce programme ({supported}); mettez cafe à jour",
            path.display()
        ),
        (Lang::En, E::NewerVersion { path, found, supported }) => format!(
            "{}: format version {found} is newer than this program's ({supported}); update cafe",
            path.display()
        ),
        (Lang::Fr, E::NotUtf8 { path, line, column }) => format!(
            "{}:{line}:{column}: le fichier n'est pas en UTF-8 (premier octet invalide ici); le fichier n'a pas été modifié",
            path.display()
        ),
        (Lang::En, E::NotUtf8 { path, line, column }) => format!(
            "{}:{line}:{column}: the file is not UTF-8 (first bad byte here); the file was left untouched",
            path.display()
        ),
        (Lang::Fr, E::Utf16 { path }) => format!(
            "{}:1:1: le fichier est en UTF-16; enregistrez-le en UTF-8. Le fichier n'a pas été modifié",
            path.display()
        ),
        (Lang::En, E::Utf16 { path }) => {
            format!(
                "{}:1:1: the file is UTF-16; save it as UTF-8. The file was left untouched",
                path.display()
            )
        }
        (Lang::Fr, E::TooLarge { path, size, limit }) => format!(
            "{}: fichier de {} Mo, plus que les {} Mo qu'une session peut faire; il n'a pas été lu",
            path.display(),
            size / (1024 * 1024),
            limit / (1024 * 1024)
        ),
        (Lang::En, E::TooLarge { path, size, limit }) => format!(
            "{}: a {} MB file, more than the {} MB a session can be; it was not read",
            path.display(),
            size / (1024 * 1024),
            limit / (1024 * 1024)
        ),
        (Lang::Fr, E::NotAFile { path }) => {
            format!("{}: ce n'est pas un fichier ordinaire (dossier, périphérique…)", path.display())
        }
        (Lang::En, E::NotAFile { path }) => {
            format!("{}: not a regular file (a folder, a device…)", path.display())
        }
        (Lang::Fr, E::ReadOnly { path }) => {
            format!("{}: session en lecture seule; rien n'a été écrit", path.display())
        }
        (Lang::En, E::ReadOnly { path }) => {
            format!("{}: read-only session; nothing was written", path.display())
        }
        (Lang::Fr, E::BadJournal { path, line, message }) => format!(
            "{}:{line}: journal des saisies illisible ({message}); rien n'a été écrit",
            path.display()
        ),
        (Lang::En, E::BadJournal { path, line, message }) => {
            format!("{}:{line}: unreadable capture journal ({message}); nothing was written", path.display())
        }
        (Lang::Fr, E::DuplicateId { path, line, id }) => format!(
            "{}:{line}: l'identifiant de proposition {id} apparaît deux fois; donnez-en un autre à l'une des deux. Le fichier n'a pas été modifié",
            path.display()
        ),
        (Lang::En, E::DuplicateId { path, line, id }) => format!(
            "{}:{line}: proposal id {id} appears twice; give one of them another id. The file was left untouched",
            path.display()
        ),
        (Lang::Fr, E::Serialize { path, message }) => {
            format!("{}: impossible d'écrire la session ({message})", path.display())
        }
        (Lang::En, E::Serialize { path, message }) => {
            format!("{}: could not write the session ({message})", path.display())
        }
        (Lang::Fr, E::AlreadyExists { path }) => {
            format!("{}: le fichier existe déjà; il n'a pas été remplacé", path.display())
        }
        (Lang::En, E::AlreadyExists { path }) => {
            format!("{}: the file already exists; it was not replaced", path.display())
        }
        (Lang::Fr, E::BadFamilies { path, line, column, message }) => format!(
            "{}:{line}:{column}: fichier de familles illisible ({message}); corrigez-le ou supprimez-le",
            path.display()
        ),
        (Lang::En, E::BadFamilies { path, line, column, message }) => format!(
            "{}:{line}:{column}: unreadable families file ({message}); fix it or remove it",
            path.display()
        ),
        (Lang::Fr, E::NoFamilies { path }) => format!("{}: aucune famille dans le fichier", path.display()),
        (Lang::En, E::NoFamilies { path }) => format!("{}: the file holds no family", path.display()),
    }
}

/// An IO error, with the common cases in words.
pub fn io_error(lang: Lang, err: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    match (lang, err.kind()) {
        (Lang::Fr, K::NotFound) => "fichier ou dossier introuvable".into(),
        (Lang::En, K::NotFound) => "no such file or folder".into(),
        (Lang::Fr, K::PermissionDenied) => "permission refusée".into(),
        (Lang::En, K::PermissionDenied) => "permission denied".into(),
        (Lang::Fr, K::AlreadyExists) => "le fichier existe déjà".into(),
        (Lang::En, K::AlreadyExists) => "the file already exists".into(),
        (Lang::Fr, K::IsADirectory) => "c'est un dossier".into(),
        (Lang::En, K::IsADirectory) => "it is a folder".into(),
        (Lang::Fr, K::NotADirectory) => "un élément du chemin n'est pas un dossier".into(),
        (Lang::En, K::NotADirectory) => "part of the path is not a folder".into(),
        (Lang::Fr, K::StorageFull | K::QuotaExceeded) => "disque plein".into(),
        (Lang::En, K::StorageFull | K::QuotaExceeded) => "the disk is full".into(),
        (Lang::Fr, K::ReadOnlyFilesystem) => "disque en lecture seule".into(),
        (Lang::En, K::ReadOnlyFilesystem) => "read-only disk".into(),
        (Lang::Fr, K::FileTooLarge) => "fichier trop grand".into(),
        (Lang::En, K::FileTooLarge) => "file too large".into(),
        (Lang::Fr, K::InvalidData) => "données invalides".into(),
        (Lang::En, K::InvalidData) => "invalid data".into(),
        _ => err.to_string(),
    }
}

/// Malformed notes, located by line (`ligne 3 : …`).
pub fn notes_error(lang: Lang, err: &NotesError) -> String {
    match (lang, err.line()) {
        (Lang::Fr, Some(line)) => format!("ligne {line} : {}", notes_detail(lang, err)),
        (Lang::En, Some(line)) => format!("line {line}: {}", notes_detail(lang, err)),
        (_, None) => notes_detail(lang, err),
    }
}

/// Malformed notes, located as `FILE:LINE: …`.
pub fn located_notes_error(lang: Lang, path: &std::path::Path, err: &NotesError) -> String {
    match err.line() {
        Some(line) => format!("{}:{line}: {}", path.display(), notes_detail(lang, err)),
        None => format!("{}: {}", path.display(), notes_detail(lang, err)),
    }
}

/// What is wrong with notes, without the line.
fn notes_detail(lang: Lang, err: &NotesError) -> String {
    use NotesError as E;
    match (lang, err) {
        (Lang::Fr, E::TextBeforeTable { .. }) => "texte avant tout titre « # Table N »".into(),
        (Lang::En, E::TextBeforeTable { .. }) => "text before any `# Table N` heading".into(),
        (Lang::Fr, E::BadTable { found, .. }) => format!("numéro de table invalide « {found} »"),
        (Lang::En, E::BadTable { found, .. }) => format!("bad table number `{found}`"),
        (Lang::Fr, E::BadRound { found, .. }) => format!("numéro de tour invalide « {found} »"),
        (Lang::En, E::BadRound { found, .. }) => format!("bad round number `{found}`"),
        (Lang::Fr, E::BadKind { found, .. }) => {
            format!("type inconnu « {found} » (condition, astuce ou témoignage)")
        }
        (Lang::En, E::BadKind { found, .. }) => {
            format!("unknown kind `{found}` (condition, astuce or temoignage)")
        }
        (Lang::Fr, E::EmptyText { .. }) => "texte vide".into(),
        (Lang::En, E::EmptyText { .. }) => "empty text".into(),
        (Lang::Fr, E::MissingColumns { .. }) => {
            "l'en-tête CSV doit avoir les colonnes « table » et « text »".into()
        }
        (Lang::En, E::MissingColumns { .. }) => "the CSV header needs `table` and `text` columns".into(),
        (Lang::Fr, E::Csv { message, .. }) => format!("CSV invalide ({message})"),
        (Lang::En, E::Csv { message, .. }) => format!("invalid CSV ({message})"),
        (Lang::Fr, E::NotText) => "texte illisible (UTF-8, UTF-16 ou Windows-1252 attendu)".into(),
        (Lang::En, E::NotText) => "unreadable text (UTF-8, UTF-16 or Windows-1252 expected)".into(),
        (Lang::Fr, E::UnknownFormat) => "format de notes inconnu (.md ou .csv attendu)".into(),
        (Lang::En, E::UnknownFormat) => "unknown notes format (expected .md or .csv)".into(),
    }
}

/// A notes file that could not be read or parsed, located as `FILE:LINE: …`.
pub fn notes_read_error(lang: Lang, err: &NotesReadError) -> String {
    match err {
        NotesReadError::Io { path, source } => format!("{}: {}", path.display(), io_error(lang, source)),
        NotesReadError::Notes { path, error } => located_notes_error(lang, path, error),
    }
}

/// How many control characters were removed from a text typed or imported.
pub fn controls_removed(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Fr, 1) => "1 caractère de contrôle retiré".into(),
        (Lang::Fr, n) => format!("{n} caractères de contrôle retirés"),
        (Lang::En, 1) => "1 control character removed".into(),
        (Lang::En, n) => format!("{n} control characters removed"),
    }
}

/// What was fixed in a session as it was read (control characters, the clock).
pub fn repairs_note(lang: Lang, path: &std::path::Path, repairs: &crate::domain::repair::Repairs) -> String {
    let mut parts = Vec::new();
    if repairs.control_characters > 0 {
        parts.push(controls_removed(lang, repairs.control_characters));
    }
    if repairs.reattached > 0 {
        parts.push(match (lang, repairs.reattached) {
            (Lang::Fr, 1) => "1 proposition rattachée à sa table ou à un tour existant".to_string(),
            (Lang::Fr, n) => format!("{n} propositions rattachées à leur table ou à un tour existant"),
            (Lang::En, 1) => "1 proposal given its table or an existing round".to_string(),
            (Lang::En, n) => format!("{n} proposals given their table or an existing round"),
        });
    }
    if repairs.clock {
        parts.push(match lang {
            Lang::Fr => "horloge incohérente remise en ordre".to_string(),
            Lang::En => "a clock that made no sense was reset".to_string(),
        });
    }
    match lang {
        Lang::Fr => format!("{}: à la lecture : {}", path.display(), parts.join(" ; ")),
        Lang::En => format!("{}: on reading: {}", path.display(), parts.join("; ")),
    }
}
