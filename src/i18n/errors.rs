//! Messages for errors of the domain and the store, in both languages.

use super::Lang;
use crate::domain::SessionError;
use crate::store::StoreError;
use crate::store::notes::NotesError;

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
        (Lang::Fr, E::NotUtf8 { path }) => format!("{}: le fichier n'est pas en UTF-8", path.display()),
        (Lang::En, E::NotUtf8 { path }) => format!("{}: the file is not UTF-8", path.display()),
        (Lang::Fr, E::Serialize { path, message }) => {
            format!("{}: impossible d'écrire la session ({message})", path.display())
        }
        (Lang::En, E::Serialize { path, message }) => {
            format!("{}: could not write the session ({message})", path.display())
        }
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
        _ => err.to_string(),
    }
}

/// Malformed notes, located by line.
pub fn notes_error(lang: Lang, err: &NotesError) -> String {
    use NotesError as E;
    match (lang, err) {
        (Lang::Fr, E::TextBeforeTable { line }) => {
            format!("ligne {line} : texte avant tout titre « # Table N »")
        }
        (Lang::En, E::TextBeforeTable { line }) => {
            format!("line {line}: text before any `# Table N` heading")
        }
        (Lang::Fr, E::BadTable { line, found }) => {
            format!("ligne {line} : numéro de table invalide « {found} »")
        }
        (Lang::En, E::BadTable { line, found }) => format!("line {line}: bad table number `{found}`"),
        (Lang::Fr, E::BadRound { line, found }) => {
            format!("ligne {line} : numéro de tour invalide « {found} »")
        }
        (Lang::En, E::BadRound { line, found }) => format!("line {line}: bad round number `{found}`"),
        (Lang::Fr, E::BadKind { line, found }) => {
            format!("ligne {line} : type inconnu « {found} » (condition, astuce ou témoignage)")
        }
        (Lang::En, E::BadKind { line, found }) => {
            format!("line {line}: unknown kind `{found}` (condition, astuce or temoignage)")
        }
        (Lang::Fr, E::EmptyText { line }) => format!("ligne {line} : texte vide"),
        (Lang::En, E::EmptyText { line }) => format!("line {line}: empty text"),
        (Lang::Fr, E::MissingColumns { line }) => {
            format!("ligne {line} : l'en-tête CSV doit avoir les colonnes « table » et « text »")
        }
        (Lang::En, E::MissingColumns { line }) => {
            format!("line {line}: the CSV header needs `table` and `text` columns")
        }
        (Lang::Fr, E::Csv { line, message }) => format!("ligne {line} : CSV invalide ({message})"),
        (Lang::En, E::Csv { line, message }) => format!("line {line}: invalid CSV ({message})"),
        (Lang::Fr, E::NotUtf8) => "le fichier n'est pas en UTF-8".into(),
        (Lang::En, E::NotUtf8) => "the file is not UTF-8".into(),
        (Lang::Fr, E::UnknownFormat) => "format de notes inconnu (.md ou .csv attendu)".into(),
        (Lang::En, E::UnknownFormat) => "unknown notes format (expected .md or .csv)".into(),
    }
}
