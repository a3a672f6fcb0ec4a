//! The files the export screen writes from a session's proposals: RON and JSON (the
//! whole session), Markdown and CSV in the notes format that `cafe import` reads back
//! (so an export can be merged into another session). Text generation is pure; only
//! [`write_exports`] touches the disk, atomically.

use std::path::{Path, PathBuf};

use crate::domain::{Kind, Session};
use crate::store::write_atomic;

/// A file format of the export screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Ron,
    Markdown,
    Csv,
    Json,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 4] =
        [ExportFormat::Ron, ExportFormat::Markdown, ExportFormat::Csv, ExportFormat::Json];

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Ron => "ron",
            ExportFormat::Markdown => "md",
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::Ron => "RON",
            ExportFormat::Markdown => "Markdown",
            ExportFormat::Csv => "CSV",
            ExportFormat::Json => "JSON",
        }
    }
}

/// `exports/NAME.EXT` beside the session file `NAME.ron`.
pub fn default_export_path(session_path: &Path, format: ExportFormat) -> PathBuf {
    let stem = session_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "session".into());
    let dir = session_path.parent().map(Path::to_path_buf).unwrap_or_default();
    dir.join("exports").join(format!("{stem}.{}", format.extension()))
}

/// The text of an export.
pub fn export_text(session: &Session, format: ExportFormat) -> Result<String, String> {
    match format {
        ExportFormat::Ron => crate::store::session_file::to_text(session).map_err(|e| e.to_string()),
        ExportFormat::Json => {
            serde_json::to_string_pretty(session).map(|s| s + "\n").map_err(|e| e.to_string())
        }
        ExportFormat::Markdown => Ok(markdown(session)),
        ExportFormat::Csv => csv(session),
    }
}

fn kind_heading(kind: Kind) -> &'static str {
    match kind {
        Kind::Condition => "Conditions",
        Kind::Astuce => "Astuces",
        Kind::Temoignage => "Témoignages",
    }
}

/// `# Session — title`, then `## Table N — question`, `### Tour R`, `#### Conditions`
/// and one list item per proposal.
fn markdown(session: &Session) -> String {
    let mut out = format!("# Session — {}\n", session.title);
    for table in &session.tables {
        let proposals: Vec<_> = session.proposals.iter().filter(|p| p.table == table.number).collect();
        if proposals.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## Table {}", table.number));
        if !table.question.is_empty() {
            out.push_str(&format!(" — {}", table.question));
        }
        out.push('\n');
        for round in 1..=session.schedule.rounds() {
            let in_round: Vec<_> = proposals.iter().filter(|p| p.round == round).collect();
            if in_round.is_empty() {
                continue;
            }
            out.push_str(&format!("\n### Tour {round}\n"));
            for kind in Kind::ALL {
                let items: Vec<_> = in_round.iter().filter(|p| p.kind == kind).collect();
                if items.is_empty() {
                    continue;
                }
                out.push_str(&format!("\n#### {}\n\n", kind_heading(kind)));
                for p in items {
                    out.push_str(&format!("- {}\n", p.text));
                }
            }
        }
    }
    out
}

/// `table,round,kind,text`, one row per proposal.
fn csv(session: &Session) -> Result<String, String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(["table", "round", "kind", "text"]).map_err(|e| e.to_string())?;
    for p in &session.proposals {
        writer
            .write_record([
                p.table.to_string(),
                p.round.to_string(),
                p.kind.as_str().to_string(),
                p.text.clone(),
            ])
            .map_err(|e| e.to_string())?;
    }
    let bytes = writer.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// Writes each format, to `target` (a file, or a folder for several formats) or into
/// `exports/` beside the session; returns the files written.
pub fn write_exports(
    session: &Session,
    session_path: &Path,
    formats: &[ExportFormat],
    target: Option<&Path>,
) -> Result<Vec<PathBuf>, String> {
    let mut written = Vec::new();
    for format in formats {
        let default = default_export_path(session_path, *format);
        let path = match target {
            Some(target) if target.is_dir() || formats.len() > 1 => {
                target.join(default.file_name().unwrap_or_default())
            }
            Some(target) => target.to_path_buf(),
            None => default,
        };
        let text = export_text(session, *format)?;
        if let Some(dir) = path.parent()
            && !dir.as_os_str().is_empty()
        {
            std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        write_atomic(&path, text.as_bytes(), false).map_err(|e| format!("{}: {e}", path.display()))?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::notes::{NotesFormat, parse_bytes};
    use chrono::Utc;

    fn session() -> Session {
        let mut s = Session::new("Essai", Vec::new(), 2, 2, 20).expect("session");
        s.tables[0].question = "Qu'est-ce qui aide ?".into();
        let now = Utc::now();
        s.add_proposal(1, 1, Kind::Condition, "Se connaître, vraiment", now).expect("added");
        s.add_proposal(1, 2, Kind::Astuce, "Un « dîner » 🙂 ensemble", now).expect("added");
        s.add_proposal(2, 1, Kind::Temoignage, "On s'est sentis \"écoutés\"", now).expect("added");
        s
    }

    #[test]
    fn markdown_and_csv_read_back_as_notes() {
        let s = session();
        for format in [ExportFormat::Markdown, ExportFormat::Csv] {
            let text = export_text(&s, format).expect("export");
            let notes_format =
                if format == ExportFormat::Csv { NotesFormat::Csv } else { NotesFormat::Markdown };
            let entries = parse_bytes(text.as_bytes(), notes_format).expect("notes parse");
            let got: Vec<_> = entries.iter().map(|e| (e.table, e.round, e.kind, e.text.clone())).collect();
            let want: Vec<_> =
                s.proposals.iter().map(|p| (p.table, Some(p.round), Some(p.kind), p.text.clone())).collect();
            assert_eq!(got, want, "{format:?}");
        }
    }

    #[test]
    fn ron_export_is_a_session() {
        let s = session();
        let text = export_text(&s, ExportFormat::Ron).expect("export");
        let back = crate::store::session_file::parse(Path::new("x.ron"), &text).expect("parses");
        assert_eq!(back, s);
    }
}
