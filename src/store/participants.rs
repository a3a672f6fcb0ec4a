//! The participants file: CSV with a header `name,organisation[,host_of]` (French
//! headers `nom,organisme,hote_de` work too), one person per row, read by the one reader
//! of user files ([`crate::store::reader`]): any encoding a spreadsheet writes, `,`, `;`
//! or tab as separator. `host_of` is a table number (`3`, `Table 3`) or empty. A
//! malformed file is refused as a whole, with its line number, and nothing is imported
//! from it.

use std::path::{Path, PathBuf};

use crate::domain::Participant;
use crate::domain::participant::name_key;
use crate::store::reader::{decode, read_csv};

/// Why the people of a participants file could not be read; located by line where
/// possible.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParticipantsError {
    #[error("not valid text")]
    NotText,
    #[error("line {line}: the header needs a `name` column")]
    MissingColumns { line: usize },
    #[error("line {line}: {message}")]
    Csv { line: usize, message: String },
    #[error("line {line}: empty name")]
    EmptyName { line: usize },
    #[error("line {line}: {name} is already on line {first_line}")]
    DuplicateName { line: usize, first_line: usize, name: String },
    #[error("line {line}: bad table number `{found}`")]
    BadHost { line: usize, found: String },
    #[error("no participant in the file")]
    Empty,
}

/// Why a participants file could not be read: the file itself, or what is in it.
#[derive(Debug, thiserror::Error)]
pub enum ParticipantsReadError {
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{}: {error}", path.display())]
    Participants { path: PathBuf, error: ParticipantsError },
}

/// Reads a participants file.
pub fn read_participants(path: &Path) -> Result<Vec<Participant>, ParticipantsReadError> {
    let bytes = std::fs::read(path)
        .map_err(|source| ParticipantsReadError::Io { path: path.to_path_buf(), source })?;
    let in_file = |error| ParticipantsReadError::Participants { path: path.to_path_buf(), error };
    let text = decode(&bytes).map_err(|_| in_file(ParticipantsError::NotText))?;
    parse_participants(&text).map_err(in_file)
}

/// Parses the text of a participants file.
pub fn parse_participants(text: &str) -> Result<Vec<Participant>, ParticipantsError> {
    let table =
        read_csv(text, false).map_err(|e| ParticipantsError::Csv { line: e.line, message: e.message })?;
    let name_col = table
        .column(&["name", "nom", "participant", "participante", "personne", "prenom_nom", "nom_complet"])
        .ok_or(ParticipantsError::MissingColumns { line: 1 })?;
    let organisation_col = table.column(&["organisation", "organization", "organisme", "org", "employeur"]);
    let host_col = table.column(&[
        "host_of",
        "host",
        "hote",
        "hote_de",
        "hotesse",
        "hotesse_de",
        "anime",
        "anime_la_table",
    ]);
    let mut participants: Vec<Participant> = Vec::new();
    let mut first_lines: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for row in &table.rows {
        let line = row.line;
        let name = clean(row.get(Some(name_col)));
        if name.is_empty() {
            return Err(ParticipantsError::EmptyName { line });
        }
        if let Some(&first_line) = first_lines.get(&name_key(&name)) {
            return Err(ParticipantsError::DuplicateName { line, first_line, name });
        }
        first_lines.insert(name_key(&name), line);
        let host = row.get(host_col);
        let host_of = parse_host(host)
            .map_err(|BadHostTable| ParticipantsError::BadHost { line, found: host.to_string() })?;
        participants.push(Participant { name, organisation: clean(row.get(organisation_col)), host_of });
    }
    if participants.is_empty() {
        return Err(ParticipantsError::Empty);
    }
    Ok(participants)
}

/// One row of the itinerary file: where a person sits in one round.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItineraryRow<'a> {
    pub name: &'a str,
    pub organisation: &'a str,
    pub round: usize,
    pub table: u32,
}

/// The itineraries as CSV, header `name,organisation,round,table`, one row per person
/// and round (for name tags and mail merges).
pub fn itinerary_csv(rows: &[ItineraryRow<'_>]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut write = || -> Result<(), csv::Error> {
        writer.write_record(["name", "organisation", "round", "table"])?;
        for row in rows {
            writer.write_record([
                row.name,
                row.organisation,
                &row.round.to_string(),
                &row.table.to_string(),
            ])?;
        }
        writer.flush()?;
        Ok(())
    };
    // Writing to memory cannot fail.
    let _ = write();
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Spaces collapsed, control characters dropped.
fn clean(text: &str) -> String {
    crate::domain::session::clean_text(text)
}

/// A "host of" cell that is not a table number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadHostTable;

/// `""`, `-`, `non`, `no` → no table; `3`, `Table 3`, `T3` → table 3.
pub fn parse_host(text: &str) -> Result<Option<u32>, BadHostTable> {
    let folded = crate::store::reader::csv::header_key(text);
    if folded.is_empty() || matches!(folded.as_str(), "_" | "non" | "no" | "aucune" | "none") {
        return Ok(None);
    }
    let digits = folded.trim_start_matches("table").trim_start_matches('t').trim_start_matches('_');
    match digits.parse::<u32>() {
        Ok(n) if n > 0 => Ok(Some(n)),
        _ => Err(BadHostTable),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_names_organisations_and_hosts() {
        let text = "\u{feff}name,organisation,host_of\r\nMarie Tremblay,Maison des jeunes,2\r\n\r\nLuc Roy,CDC Laval,\r\nAnne Côté,, Table 5\r\n";
        let people = parse_participants(text).expect("valid");
        assert_eq!(people.len(), 3);
        assert_eq!(
            people[0],
            Participant {
                name: "Marie Tremblay".into(),
                organisation: "Maison des jeunes".into(),
                host_of: Some(2)
            }
        );
        assert_eq!(people[1].host_of, None);
        assert_eq!(people[2].host_of, Some(5));
        assert_eq!(people[2].organisation, "");
    }

    #[test]
    fn itineraries_are_quoted_csv() {
        let rows = [
            ItineraryRow { name: "Roy, Luc", organisation: "CDC", round: 1, table: 3 },
            ItineraryRow { name: "Anne", organisation: "", round: 2, table: 1 },
        ];
        assert_eq!(itinerary_csv(&rows), "name,organisation,round,table\n\"Roy, Luc\",CDC,1,3\nAnne,,2,1\n");
    }

    #[test]
    fn french_headers_and_semicolons() {
        let text = "Nom;Organisme;Hôte de\nMarie;Entraide;\nLuc;Entraide;T1\n";
        let people = parse_participants(text).expect("valid");
        assert_eq!(people[1].host_of, Some(1));
        assert_eq!(people[0].organisation, "Entraide");
    }

    #[test]
    fn bad_files_are_refused_with_their_line() {
        assert!(matches!(
            parse_participants("who,where\nA,B\n"),
            Err(ParticipantsError::MissingColumns { line: 1 })
        ));
        assert!(matches!(
            parse_participants("name,organisation\nA,x\n ,y\n"),
            Err(ParticipantsError::EmptyName { line: 3 })
        ));
        assert!(matches!(
            parse_participants("name\nMarie Roy\nLuc\nmarie  roy\n"),
            Err(ParticipantsError::DuplicateName { line: 4, first_line: 2, .. })
        ));
        assert!(matches!(
            parse_participants("name,host_of\nA,deux\n"),
            Err(ParticipantsError::BadHost { line: 2, .. })
        ));
        assert!(matches!(
            parse_participants("name,host_of\nA,0\n"),
            Err(ParticipantsError::BadHost { line: 2, .. })
        ));
        assert!(matches!(parse_participants("name,organisation\n"), Err(ParticipantsError::Empty)));
    }
}
