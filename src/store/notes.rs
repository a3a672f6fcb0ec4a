//! Notes import: proposals typed up after the café, as Markdown (`# Table 3 — Question`
//! headings, list items or plain lines) or CSV (`table,text[,round,kind,theme,host]`,
//! separated by `,`, `;` or tabs). UTF-8 with or without BOM, UTF-16 with BOM, or
//! Windows-1252; CRLF tolerated. A malformed file is refused as a whole, with its line
//! number, and nothing is imported from it.
//!
//! Markdown details: a heading `Table N` (any level, optionally followed by `—`, `-`,
//! `:` or `.` and a theme) starts a table; a line `Hôte : Nom` under it names its host;
//! a heading `Tour N` / `Round N` sets the round and a heading `Conditions`, `Astuces`
//! or `Témoignages` sets the kind of the items that follow (headings nest by level, see
//! [`parse_markdown_notes`]). Each list item (`-`, `*`, `+`, `•`, `1.`, `1)`), quoted
//! line (`>`) or non-empty plain line is one proposal; an indented line right after one
//! continues it. Rules (`---`) and one-line HTML comments are skipped. Other headings
//! before the first table (a document title) are ignored.

use std::path::{Path, PathBuf};

use crate::domain::Kind;

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
    #[error("not valid UTF-8")]
    NotUtf8,
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
            NotesError::NotUtf8 | NotesError::UnknownFormat => None,
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
    fn note_table(&mut self, line: usize, number: u32, theme: Option<String>, host: Option<String>) {
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
    let text = decode(bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    match format {
        NotesFormat::Markdown => parse_markdown_notes(text),
        NotesFormat::Csv => parse_csv_notes(text),
    }
}

/// The text of a notes file: UTF-8 (with or without BOM), UTF-16 with its BOM, or —
/// what Excel and Notepad write on a French Windows — Windows-1252, which is what a
/// file that is not UTF-8 almost always is.
pub fn decode(bytes: &[u8]) -> Result<std::borrow::Cow<'_, str>, NotesError> {
    use std::borrow::Cow;
    let utf16 = |bytes: &[u8], little: bool| {
        if !bytes.len().is_multiple_of(2) {
            return Err(NotesError::NotUtf8);
        }
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|pair| {
                if little {
                    u16::from_le_bytes([pair[0], pair[1]])
                } else {
                    u16::from_be_bytes([pair[0], pair[1]])
                }
            })
            .collect();
        String::from_utf16(&units).map(Cow::Owned).map_err(|_| NotesError::NotUtf8)
    };
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, false);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(_) => Ok(Cow::Owned(bytes.iter().map(|b| windows_1252(*b)).collect())),
    }
}

/// One byte of Windows-1252 (Latin-1 plus typographic signs in 0x80–0x9F).
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
        '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// Parses Markdown notes (proposals only).
pub fn parse_markdown(text: &str) -> Result<Vec<NoteEntry>, NotesError> {
    parse_markdown_notes(text).map(|notes| notes.entries)
}

/// A value set by a heading, with the heading's level (number of `#`) and line.
#[derive(Clone, Copy)]
struct Scoped<T> {
    value: T,
    level: usize,
    line: usize,
}

/// Parses Markdown notes with the tables they describe.
///
/// Headings nest by level: a table heading forgets a round set at its level or deeper
/// (so `# Tour 2` above `## Table 1` applies to the tables under it), a round heading
/// forgets a table set deeper than itself, and any heading forgets a kind set at its
/// level or deeper.
pub fn parse_markdown_notes(text: &str) -> Result<Notes, NotesError> {
    let mut notes = Notes::default();
    let mut table: Option<Scoped<u32>> = None;
    let mut theme: Option<String> = None;
    let mut round: Option<Scoped<u32>> = None;
    let mut kind: Option<Scoped<Kind>> = None;
    // Whether the previous non-blank line was a proposal that an indented line continues.
    let mut can_continue = false;
    for (index, line) in text.lines().enumerate() {
        let line_no = index + 1;
        let line = line.trim_end_matches('\r');
        let trimmed = line.trim();
        if trimmed.is_empty() || is_rule(trimmed) || is_comment(trimmed) {
            can_continue = false;
            continue;
        }
        if let Some((level, heading)) = heading_text(trimmed) {
            can_continue = false;
            if kind.is_some_and(|k| k.level >= level) {
                kind = None;
            }
            if let Some(rest) = strip_word(heading, &["table"]) {
                let (number, heading_theme) = split_number(strip_number_sign(rest));
                let number = parse_count(number)
                    .filter(|n| *n > 0)
                    .ok_or_else(|| NotesError::BadTable { line: line_no, found: number.to_string() })?;
                table = Some(Scoped { value: number, level, line: line_no });
                theme = heading_theme.clone();
                if round.is_some_and(|r| r.level >= level) {
                    round = None;
                }
                notes.note_table(line_no, number, heading_theme, None);
            } else if let Some(number) = round_number(heading) {
                // `Tour 2`, `Tour deux`, `2e tour`; a bad number (`Tour 0`, `Tour x2`) is
                // refused, while `Tour de table` is an ordinary sub-title.
                let number = parse_count(number)
                    .filter(|n| *n > 0)
                    .ok_or_else(|| NotesError::BadRound { line: line_no, found: number.to_string() })?;
                round = Some(Scoped { value: number, level, line: line_no });
                if table.is_some_and(|t| t.level > level) {
                    table = None;
                    theme = None;
                }
            } else if let Some(k) = kind_heading(heading) {
                kind = Some(Scoped { value: k, level, line: line_no });
            }
            continue;
        }
        // `Hôte : Nom` names the host only before the table's first proposal; later it
        // is a proposal like any other line.
        if let (Some(t), Some(host)) = (table, host_line(trimmed))
            && notes.entries.last().is_none_or(|last| last.line < t.line)
        {
            notes.note_table(line_no, t.value, None, Some(host.to_string()));
            can_continue = false;
            continue;
        }
        let indented = line.starts_with(' ') || line.starts_with('\t');
        let (is_item, body) = list_item(strip_quote(trimmed));
        if indented && !is_item && can_continue {
            if let Some(last) = notes.entries.last_mut() {
                last.text.push(' ');
                last.text.push_str(body.trim());
            }
            continue;
        }
        let Some(t) = table else {
            return Err(NotesError::TextBeforeTable { line: line_no });
        };
        let body = body.trim();
        if body.is_empty() {
            // A bare `-` or `1.` is an empty item; skip it rather than refuse the file.
            can_continue = false;
            continue;
        }
        notes.entries.push(NoteEntry {
            line: line_no,
            table: t.value,
            theme: theme.clone(),
            round: round.map(|r| r.value),
            kind: kind.map(|k| k.value),
            text: body.to_string(),
        });
        can_continue = true;
    }
    Ok(notes)
}

/// The level and text of a Markdown heading (`## Table 3` → (2, `Table 3`)).
fn heading_text(line: &str) -> Option<(usize, &str)> {
    let rest = line.trim_start_matches('#');
    let level = line.len() - rest.len();
    if level == 0 || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    Some((level, rest.trim().trim_end_matches('#').trim()))
}

/// A horizontal rule (`---`, `***`, `___`), which separates and says nothing.
fn is_rule(line: &str) -> bool {
    let compact: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    compact.len() >= 3
        && (compact.chars().all(|c| c == '-')
            || compact.chars().all(|c| c == '*')
            || compact.chars().all(|c| c == '_'))
}

/// A one-line HTML comment (`<!-- … -->`), which Markdown does not show.
fn is_comment(line: &str) -> bool {
    line.starts_with("<!--") && line.ends_with("-->")
}

/// `> quoted` → `quoted` (a témoignage is often typed as a quote).
fn strip_quote(line: &str) -> &str {
    match line.strip_prefix('>') {
        Some(rest) => rest.trim_start(),
        None => line,
    }
}

/// The number word of a round heading: `Tour 2`, `Round two`, `Tour n° 2 — après la
/// pause`, or the ordinal first: `2e tour`, `Deuxième tour`, `Second round`. `None`
/// when the heading is not about a round (`Tour de table`).
fn round_number(heading: &str) -> Option<&str> {
    const WORDS: [&str; 3] = ["tour", "round", "ronde"];
    let is_number = |word: &str| parse_count(word).is_some() || word.contains(|c: char| c.is_ascii_digit());
    if let Some(rest) = strip_word(heading, &WORDS) {
        return Some(split_number(strip_number_sign(rest)).0).filter(|number| is_number(number));
    }
    let mut words = heading.split_whitespace();
    let (first, second) = (words.next()?, words.next()?);
    let second = second.trim_end_matches([':', '.', '—', '–']);
    // Only an ordinal comes first (`Deuxième tour`), not `Un tour de table`.
    let lower = first.to_lowercase();
    let ordinal =
        parse_count(first).is_some() && lower.parse::<u32>().is_err() && !CARDINALS.contains(&lower.as_str());
    WORDS.iter().any(|w| second.eq_ignore_ascii_case(w)).then_some(first).filter(|_| ordinal)
}

/// Number words that count rather than order (`un tour de table` is not round 1).
const CARDINALS: [&str; 26] = [
    "zéro", "zero", "un", "une", "one", "deux", "two", "trois", "three", "quatre", "four", "cinq", "five",
    "six", "sept", "seven", "huit", "eight", "neuf", "nine", "dix", "ten", "onze", "eleven", "douze",
    "twelve",
];

/// A table or round number: digits, or a French or English word (`deux`, `trois`,
/// `deuxième`, `two`, `second`) up to twelve.
fn parse_count(word: &str) -> Option<u32> {
    if let Ok(n) = word.parse::<u32>() {
        return Some(n);
    }
    // Ordinals in figures: `2e`, `2ème`, `2nd`, `3rd`, `1er`, `1re`.
    let digits = word.find(|c: char| !c.is_ascii_digit()).unwrap_or(word.len());
    if digits > 0
        && ["e", "è", "ème", "eme", "er", "re", "ère", "st", "nd", "rd", "th"].contains(&&word[digits..])
    {
        return word[..digits].parse().ok();
    }
    const WORDS: [&[&str]; 13] = [
        &["zéro", "zero"],
        &["un", "une", "premier", "première", "one", "first"],
        &["deux", "deuxième", "second", "seconde", "two"],
        &["trois", "troisième", "three", "third"],
        &["quatre", "quatrième", "four", "fourth"],
        &["cinq", "cinquième", "five", "fifth"],
        &["six", "sixième", "sixth"],
        &["sept", "septième", "seven", "seventh"],
        &["huit", "huitième", "eight", "eighth"],
        &["neuf", "neuvième", "nine", "ninth"],
        &["dix", "dixième", "ten", "tenth"],
        &["onze", "onzième", "eleven", "eleventh"],
        &["douze", "douzième", "twelve", "twelfth"],
    ];
    let word = word.to_lowercase();
    WORDS.iter().position(|spellings| spellings.contains(&word.as_str())).map(|n| n as u32)
}

/// `n° 3`, `no 3`, `#3` → `3`.
fn strip_number_sign(rest: &str) -> &str {
    for sign in ["n°", "nº", "no.", "no ", "#"] {
        if let Some(after) = rest.strip_prefix(sign) {
            return after.trim_start();
        }
    }
    rest
}

/// A heading naming a kind: `Conditions`, `Conditions favorables`, `ASTUCES`,
/// `Témoignages :` — the first word decides.
fn kind_heading(heading: &str) -> Option<Kind> {
    let first = heading.split(|c: char| c.is_whitespace() || c == ':').next().unwrap_or("");
    let first = first.trim_matches(|c: char| !c.is_alphanumeric());
    if first.chars().count() < 3 {
        return None;
    }
    Kind::parse(first)
}

/// `Hôte : Marie`, `Hôtesse: Marie`, `Host: Marie`, `Animation : Marie` → `Marie`.
fn host_line(line: &str) -> Option<&str> {
    let line = line.trim_start_matches(['*', '_']);
    let (label, value) = line.split_once(':')?;
    let label = label.trim().trim_end_matches(['*', '_']).trim().to_lowercase();
    let value = value.trim().trim_start_matches(['*', '_']).trim();
    let is_host = matches!(
        label.as_str(),
        "hôte" | "hote" | "hôtesse" | "hotesse" | "host" | "hôte de table" | "hote de table"
    );
    (is_host && !value.is_empty()).then_some(value)
}

/// `word …` (case-insensitive) → the rest after the word, if the text starts with one of
/// the words followed by a space or the end.
fn strip_word<'a>(text: &'a str, words: &[&str]) -> Option<&'a str> {
    for word in words {
        if text.len() >= word.len()
            && text.is_char_boundary(word.len())
            && text[..word.len()].eq_ignore_ascii_case(word)
        {
            let rest = &text[word.len()..];
            if rest.is_empty() || rest.starts_with([' ', '\t']) {
                return Some(rest.trim());
            }
        }
    }
    None
}

/// `3 — Question` → (`3`, Some(`Question`)). Accepts `—`, `–`, `-`, `:`, `.` and `)` as
/// separators.
fn split_number(rest: &str) -> (&str, Option<String>) {
    let mut end = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    if end == 0 {
        // A number in words (`Table trois — …`), or not a number at all.
        end = rest.find(|c: char| c.is_whitespace() || "—–:.)".contains(c)).unwrap_or(rest.len());
    }
    let (number, after) = rest.split_at(end);
    let theme = after.trim().trim_start_matches(['—', '–', '-', ':', '.', ')']).trim();
    (number, if theme.is_empty() { None } else { Some(theme.to_string()) })
}

/// Recognises a list item marker and returns the item's text.
fn list_item(line: &str) -> (bool, &str) {
    for marker in ["- ", "* ", "+ ", "• "] {
        if let Some(rest) = line.strip_prefix(marker) {
            return (true, rest);
        }
    }
    if matches!(line, "-" | "*" | "+" | "•") {
        return (true, "");
    }
    let digits = line.find(|c: char| !c.is_ascii_digit()).unwrap_or(line.len());
    if digits > 0 {
        let after = &line[digits..];
        for marker in [". ", ") "] {
            if let Some(rest) = after.strip_prefix(marker) {
                return (true, rest);
            }
        }
        if after == "." || after == ")" {
            return (true, "");
        }
    }
    (false, line)
}

/// Parses CSV notes with a header naming at least `table` and `text` (proposals only).
pub fn parse_csv(text: &str) -> Result<Vec<NoteEntry>, NotesError> {
    parse_csv_notes(text).map(|notes| notes.entries)
}

/// Parses CSV notes with a header naming at least `table` and `text` (or `texte`), and
/// optionally `round` (`tour`), `kind` (`type`), `theme` (`thème`, `question`) and
/// `host` (`hôte`), in any order and any case.
pub fn parse_csv_notes(text: &str) -> Result<Notes, NotesError> {
    // The csv reader miscounts lines (on CRLF input, after blank lines); line numbers
    // are computed from byte offsets instead.
    let text = text.replace("\r\n", "\n");
    let newlines: Vec<usize> = text.match_indices('\n').map(|(i, _)| i).collect();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(false)
        .delimiter(sniff_delimiter(&text))
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| NotesError::Csv { line: 1, message: e.to_string() })?.clone();
    let column = |name: &str| headers.iter().position(|h| h.trim().eq_ignore_ascii_case(name));
    let (Some(table_col), Some(text_col)) = (column("table"), column("text").or_else(|| column("texte")))
    else {
        return Err(NotesError::MissingColumns { line: 1 });
    };
    let round_col = column("round").or_else(|| column("tour"));
    let kind_col = column("kind").or_else(|| column("type"));
    let theme_col = ["theme", "thème", "question"].into_iter().find_map(&column);
    let host_col = ["host", "hôte", "hote"].into_iter().find_map(&column);
    let mut notes = Notes::default();
    for record in reader.records() {
        let record = record.map_err(|e| NotesError::Csv {
            line: e.position().map_or(1, |p| line_at(&text, &newlines, p.byte())),
            message: e.to_string(),
        })?;
        let line = record.position().map_or(1, |p| line_at(&text, &newlines, p.byte()));
        if record.iter().all(|field| field.trim().is_empty()) {
            continue;
        }
        let field = |i: usize| record.get(i).unwrap_or("").trim();
        let table_text = field(table_col);
        let table_text = strip_word(table_text, &["table"]).unwrap_or(table_text);
        let table = table_text
            .parse::<u32>()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(|| NotesError::BadTable { line, found: field(table_col).to_string() })?;
        let round = match round_col.map(field).filter(|r| !r.is_empty()) {
            None => None,
            Some(r) => Some(
                r.parse::<u32>()
                    .ok()
                    .filter(|n| *n > 0)
                    .ok_or_else(|| NotesError::BadRound { line, found: r.to_string() })?,
            ),
        };
        let kind = match kind_col.map(field).filter(|k| !k.is_empty()) {
            None => None,
            Some(k) => {
                Some(Kind::parse(k).ok_or_else(|| NotesError::BadKind { line, found: k.to_string() })?)
            }
        };
        let text = field(text_col);
        if text.is_empty() {
            return Err(NotesError::EmptyText { line });
        }
        let optional = |col: Option<usize>| col.map(field).filter(|v| !v.is_empty()).map(str::to_string);
        let theme = optional(theme_col);
        notes.note_table(line, table, theme.clone(), optional(host_col));
        notes.entries.push(NoteEntry { line, table, theme, round, kind, text: text.to_string() });
    }
    Ok(notes)
}

/// The separator of a CSV file, from its header line: `,`, or `;` as a spreadsheet in
/// French writes it, or a tab — whichever appears most outside quotes.
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
    // Ties keep the comma (first), the format PRODUCT.md documents.
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
