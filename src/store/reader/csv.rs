//! CSV tables as spreadsheets write them: the separator is whichever of `,`, `;` (a
//! French locale) or tab appears most in the header line outside quotes; CRLF is
//! tolerated; a column is found by any of its names, whatever their case, accents or
//! spacing (`Hôte de` = `hote_de`); blank rows are skipped; every row and every error
//! carries the 1-based line it starts on.

/// A CSV file that is not a table; located by line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct CsvError {
    pub line: usize,
    pub message: String,
}

/// One non-blank row, its fields trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRow {
    /// 1-based line the row starts on.
    pub line: usize,
    fields: Vec<String>,
}

impl CsvRow {
    /// The field in `column`, trimmed; empty when the column or the field is missing.
    pub fn get(&self, column: Option<usize>) -> &str {
        column.and_then(|i| self.fields.get(i)).map_or("", |field| field.trim())
    }

    /// The field in `column`, when it is there and not blank.
    pub fn non_empty(&self, column: Option<usize>) -> Option<&str> {
        Some(self.get(column)).filter(|field| !field.is_empty())
    }
}

/// A whole CSV file: its header and its rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvTable {
    headers: Vec<String>,
    pub rows: Vec<CsvRow>,
}

impl CsvTable {
    /// The first column whose header is one of `names` (given folded: lower case, no
    /// accents, `_` for anything not a letter or digit).
    pub fn column(&self, names: &[&str]) -> Option<usize> {
        self.headers.iter().position(|header| names.contains(&header_key(header).as_str()))
    }
}

/// A header cell folded for matching: ` Hôte de ` → `hote_de`.
pub fn header_key(cell: &str) -> String {
    crate::text::strip_accents(cell.trim())
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() { c } else { '_' })
        .collect()
}

/// Reads a CSV table. With `same_length`, a row with more or fewer fields than the
/// header is an error; without it, missing fields read as empty.
pub fn read_csv(text: &str, same_length: bool) -> Result<CsvTable, CsvError> {
    // The csv reader miscounts lines (on CRLF input, after blank lines); line numbers
    // are computed from byte offsets instead.
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let newlines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(!same_length)
        .delimiter(sniff_delimiter(&text))
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| CsvError { line: 1, message: e.to_string() })?;
    let headers = headers.iter().map(str::to_string).collect();
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| CsvError {
            line: e.position().map_or(1, |p| line_at(&text, &newlines, p.byte())),
            message: e.to_string(),
        })?;
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        let line = record.position().map_or(1, |p| line_at(&text, &newlines, p.byte()));
        rows.push(CsvRow { line, fields: record.iter().map(str::to_string).collect() });
    }
    Ok(CsvTable { headers, rows })
}

/// The separator of a CSV file, from its header line: `,`, `;` or a tab — whichever
/// appears most outside quotes; ties keep the comma.
fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for byte in header.bytes() {
        if byte == b'"' {
            quoted = !quoted;
        } else if !quoted && let Some(entry) = counts.iter_mut().find(|(d, _)| *d == byte) {
            entry.1 += 1;
        }
    }
    counts.iter().fold((b',', 0), |best, &(d, n)| if n > best.1 { (d, n) } else { best }).0
}

/// The 1-based line of the record starting at byte `offset` of `text`, given the
/// offsets of every `\n`. The reader places a record after blank lines at the first
/// blank line, so these are skipped.
fn line_at(text: &str, newlines: &[usize], offset: u64) -> usize {
    let offset = usize::try_from(offset).unwrap_or(usize::MAX).min(text.len());
    let blank = text.as_bytes()[offset..].iter().take_while(|b| **b == b'\n').count();
    newlines.partition_point(|&n| n < offset + blank) + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separators_aliases_and_lines() {
        let table =
            read_csv("\u{feff}Nom;Hôte de\r\n\r\n\"Roy; Luc\";3\r\nAnne\r\n", false).expect("a table");
        assert_eq!(table.column(&["name", "nom"]), Some(0));
        assert_eq!(table.column(&["hote_de"]), Some(1));
        let found: Vec<(usize, &str, &str)> =
            table.rows.iter().map(|r| (r.line, r.get(Some(0)), r.get(Some(1)))).collect();
        assert_eq!(found, vec![(3, "Roy; Luc", "3"), (4, "Anne", "")]);
        assert_eq!(read_csv("a\tb\n1\t2\n", true).expect("tabs").rows[0].get(Some(1)), "2");
    }

    #[test]
    fn a_row_of_the_wrong_length_is_located() {
        let err = read_csv("a,b\n1,2\n\n3\n", true).expect_err("short row");
        assert_eq!(err.line, 4);
    }
}
