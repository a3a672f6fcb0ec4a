//! CSV notes: a header naming at least `table` and `text`, one proposal per row, read
//! by the one CSV reader of user files.

use super::markdown::strip_word;
use super::{NoteEntry, Notes, NotesError};
use crate::domain::Kind;
use crate::store::reader::read_csv;

/// Parses CSV notes with a header naming at least `table` and `text` (proposals only).
pub fn parse_csv(text: &str) -> Result<Vec<NoteEntry>, NotesError> {
    parse_csv_notes(text).map(|notes| notes.entries)
}

/// Parses CSV notes with a header naming at least `table` and `text` (or `texte`), and
/// optionally `round` (`tour`), `kind` (`type`), `theme` (`thème`, `question`) and
/// `host` (`hôte`), in any order, case or accents. Every row must have as many fields
/// as the header.
pub fn parse_csv_notes(text: &str) -> Result<Notes, NotesError> {
    let table = read_csv(text, true).map_err(|e| NotesError::Csv { line: e.line, message: e.message })?;
    let (Some(table_col), Some(text_col)) = (table.column(&["table"]), table.column(&["text", "texte"]))
    else {
        return Err(NotesError::MissingColumns { line: 1 });
    };
    let round_col = table.column(&["round", "tour"]);
    let kind_col = table.column(&["kind", "type"]);
    let theme_col = table.column(&["theme", "question"]);
    let host_col = table.column(&["host", "hote"]);
    let mut notes = Notes::default();
    for row in &table.rows {
        let line = row.line;
        let table_text = row.get(Some(table_col));
        let number = strip_word(table_text, &["table"])
            .unwrap_or(table_text)
            .parse::<u32>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| NotesError::BadTable { line, found: table_text.to_string() })?;
        let round = match row.non_empty(round_col) {
            None => None,
            Some(r) => Some(
                r.parse::<u32>()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| NotesError::BadRound { line, found: r.to_string() })?,
            ),
        };
        let kind = match row.non_empty(kind_col) {
            None => None,
            Some(k) => {
                Some(Kind::parse(k).ok_or_else(|| NotesError::BadKind { line, found: k.to_string() })?)
            }
        };
        let text = row.get(Some(text_col));
        if text.is_empty() {
            return Err(NotesError::EmptyText { line });
        }
        let theme = row.non_empty(theme_col).map(str::to_string);
        notes.note_table(line, number, theme.clone(), row.non_empty(host_col).map(str::to_string));
        notes.entries.push(NoteEntry { line, table: number, theme, round, kind, text: text.to_string() });
    }
    Ok(notes)
}
