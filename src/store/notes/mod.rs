//! Notes import: proposals typed up after the café, as Markdown (`# Table 3 — Question`
//! headings, list items or plain lines, in `markdown.rs`) or CSV
//! (`table,text[,round,kind,theme,host]`, in `csv.rs`), decoded and split by the one
//! reader of user files ([`crate::store::reader`]), and added to a session by one rule
//! (`apply.rs`). A malformed file is refused as a whole, with its line number, and
//! nothing is imported from it.
//!
//! Markdown details: a heading `Table N` (any level, optionally followed by `—`, `-`,
//! `:` or `.` and a theme) starts a table; a line `Hôte : Nom` under it names its host;
//! a heading `Tour N` / `Round N` sets the round and a heading `Conditions`, `Astuces`
//! or `Témoignages` sets the kind of the items that follow (headings nest by level, see
//! [`parse_markdown_notes`]). Each list item (`-`, `*`, `+`, `•`, `1.`, `1)`), quoted
//! line (`>`) or non-empty plain line is one proposal; an indented line right after one
//! continues it. Rules (`---`) and one-line HTML comments are skipped. Other headings
//! before the first table (a document title) are ignored.

mod apply;
mod csv;
mod markdown;

use std::path::{Path, PathBuf};

use crate::domain::Kind;
use crate::store::reader::decode;

pub use apply::{AppliedNotes, NotesRefused};
pub use csv::{parse_csv, parse_csv_notes};
pub use markdown::{parse_markdown, parse_markdown_notes};

/// One proposal read from notes, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteEntry {
    /// 1-based line number in the notes file.
    pub line: usize,
    pub table: u32,
    /// The theme given in the table's heading, if any.
    pub theme: Option<String>,
    pub round: Option<u32>,
    pub kind: Option<Kind>,
    pub text: String,
}

/// Why notes could not be read; always located.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NotesError {
    #[error("line {line}: text before any `# Table N` heading")]
    TextBeforeTable { line: usize },
    #[error("line {line}: bad table number `{found}`")]
    BadTable { line: usize, found: String },
    #[error("line {line}: bad round `{found}`")]
    BadRound { line: usize, found: String },
    #[error("line {line}: unknown kind `{found}`")]
    BadKind { line: usize, found: String },
    #[error("line {line}: empty text")]
    EmptyText { line: usize },
    #[error("line {line}: the CSV header needs `table` and `text` columns")]
    MissingColumns { line: usize },
    #[error("line {line}: {message}")]
    Csv { line: usize, message: String },
    #[error("not valid text")]
    NotText,
    #[error("unknown notes format (expected .md or .csv)")]
    UnknownFormat,
}

impl NotesError {
    /// The line the error is on, when there is one.
    pub fn line(&self) -> Option<usize> {
        match self {
            NotesError::TextBeforeTable { line }
            | NotesError::BadTable { line, .. }
            | NotesError::BadRound { line, .. }
            | NotesError::BadKind { line, .. }
            | NotesError::EmptyText { line }
            | NotesError::MissingColumns { line }
            | NotesError::Csv { line, .. } => Some(*line),
            NotesError::NotText | NotesError::UnknownFormat => None,
        }
    }
}

/// Why a notes file could not be read: the file itself, or what is in it.
#[derive(Debug, thiserror::Error)]
pub enum NotesReadError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: {error}", path.display())]
    Notes { path: PathBuf, error: NotesError },
}

/// Reads and parses a notes file, its format chosen by its extension.
pub fn read_notes(path: &Path) -> Result<Notes, NotesReadError> {
    let notes_error = |error| NotesReadError::Notes { path: path.to_path_buf(), error };
    let format = NotesFormat::of_path(path).ok_or_else(|| notes_error(NotesError::UnknownFormat))?;
    let bytes =
        std::fs::read(path).map_err(|source| NotesReadError::Io { path: path.to_path_buf(), source })?;
    parse_notes(&bytes, format).map_err(notes_error)
}

/// The two notes formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotesFormat {
    Markdown,
    Csv,
}

impl NotesFormat {
    /// The format of a file by its extension (`.md`, `.markdown`, `.txt` → Markdown).
    pub fn of_path(path: &Path) -> Option<NotesFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "md" | "markdown" | "txt" => Some(NotesFormat::Markdown),
            "csv" => Some(NotesFormat::Csv),
            _ => None,
        }
    }
}

/// Parses notes from raw bytes in the given format (proposals only; see
/// [`parse_notes`] for the tables' themes and hosts too).
pub fn parse_bytes(bytes: &[u8], format: NotesFormat) -> Result<Vec<NoteEntry>, NotesError> {
    parse_notes(bytes, format).map(|notes| notes.entries)
}

/// A table as the notes describe it: its heading's theme and the host named under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteTable {
    /// Line of the first heading naming this table.
    pub line: usize,
    pub number: u32,
    pub theme: Option<String>,
    pub host: Option<String>,
}

/// Everything read from one notes file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Notes {
    pub entries: Vec<NoteEntry>,
    /// The tables named in the notes, in order of first appearance.
    pub tables: Vec<NoteTable>,
}

impl Notes {
    /// Records a table's theme and host; the first non-empty value wins.
    pub(super) fn note_table(
        &mut self,
        line: usize,
        number: u32,
        theme: Option<String>,
        host: Option<String>,
    ) {
        match self.tables.iter_mut().find(|t| t.number == number) {
            Some(table) => {
                if table.theme.is_none() {
                    table.theme = theme;
                }
                if table.host.is_none() {
                    table.host = host;
                }
            }
            None => self.tables.push(NoteTable { line, number, theme, host }),
        }
    }
}

/// Parses notes from raw bytes in the given format, with the tables they describe.
pub fn parse_notes(bytes: &[u8], format: NotesFormat) -> Result<Notes, NotesError> {
    let text = decode(bytes).map_err(|_| NotesError::NotText)?;
    match format {
        NotesFormat::Markdown => parse_markdown_notes(&text),
        NotesFormat::Csv => parse_csv_notes(&text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_headings_items_and_continuations() {
        let notes = "\u{feff}# Café du 14 novembre\r\n\r\n## Table 3 — Reconnaissance\r\n- Première idée\r\n  qui continue\r\n2. Deuxième\r\nTroisième sans puce\r\n### Astuces\r\n* Une astuce\r\n# Table 4\r\n## Tour 2\r\n- Au tour deux\r\n";
        let entries = parse_bytes(notes.as_bytes(), NotesFormat::Markdown).expect("valid notes");
        let texts: Vec<(u32, &str)> = entries.iter().map(|e| (e.table, e.text.as_str())).collect();
        assert_eq!(
            texts,
            vec![
                (3, "Première idée qui continue"),
                (3, "Deuxième"),
                (3, "Troisième sans puce"),
                (3, "Une astuce"),
                (4, "Au tour deux")
            ]
        );
        assert_eq!(entries[0].theme.as_deref(), Some("Reconnaissance"));
        assert_eq!(entries[3].kind, Some(Kind::Astuce));
        assert_eq!(entries[4].round, Some(2));
        assert_eq!(entries[0].line, 4);
    }

    #[test]
    fn markdown_errors_are_located() {
        assert_eq!(parse_markdown("- orphan"), Err(NotesError::TextBeforeTable { line: 1 }));
        assert_eq!(
            parse_markdown("# Table 1\n- ok\n# Table x\n"),
            Err(NotesError::BadTable { line: 3, found: "x".into() })
        );
    }

    #[test]
    fn csv_with_optional_columns() {
        let notes = "Table,Text,Round,Kind\r\n1,\"Avec, une virgule\",2,astuce\r\n2,Simple,,\r\n";
        let entries = parse_bytes(notes.as_bytes(), NotesFormat::Csv).expect("valid csv");
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].text, "Avec, une virgule");
        assert_eq!(entries[0].round, Some(2));
        assert_eq!(entries[0].kind, Some(Kind::Astuce));
        assert_eq!(entries[1].line, 3);
    }

    #[test]
    fn csv_errors_are_located() {
        assert_eq!(parse_csv("texte\nx\n"), Err(NotesError::MissingColumns { line: 1 }));
        assert_eq!(
            parse_csv("table,text\n1,ok\nzz,bad\n"),
            Err(NotesError::BadTable { line: 3, found: "zz".into() })
        );
        assert_eq!(parse_csv("table,text\n1,\n"), Err(NotesError::EmptyText { line: 2 }));
    }
}
