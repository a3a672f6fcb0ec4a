//! Markdown notes: `Table N` headings (any level, with a theme), `Hôte :` lines, round
//! and kind headings, and one proposal per list item, quote or plain line.

use super::{NoteEntry, Notes, NotesError};
use crate::domain::Kind;

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
pub(super) fn strip_word<'a>(text: &'a str, words: &[&str]) -> Option<&'a str> {
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
