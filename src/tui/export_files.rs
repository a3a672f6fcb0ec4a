//! The files the export screen writes: the synthèse (RON, Markdown « document
//! synthèse », CSV, JSON) through the synthèse's own exports, and the raw proposals in
//! the notes format that `cafe import` reads back (Markdown and CSV), so that one café's
//! proposals can be merged into another session. Pure: names and texts only;
//! [`crate::tui::perform`] writes them.

use std::path::{Path, PathBuf};

use crate::domain::{Kind, Session};
use crate::i18n::Lang;
use crate::synth::Engine;
use crate::synth::export::{self as synth_export, SynthesisDocument};

/// A file of the export screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// The synthèse as RON, for other tools.
    SynthesisRon,
    /// The « document synthèse » members read.
    SynthesisMarkdown,
    /// One row per proposal with its condition and family, for a spreadsheet.
    SynthesisCsv,
    /// The synthèse as JSON.
    SynthesisJson,
    /// The proposals by table and round, as Markdown notes.
    ProposalsMarkdown,
    /// The proposals, one CSV row each, as notes.
    ProposalsCsv,
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 6] = [
        ExportFormat::SynthesisRon,
        ExportFormat::SynthesisMarkdown,
        ExportFormat::SynthesisCsv,
        ExportFormat::SynthesisJson,
        ExportFormat::ProposalsMarkdown,
        ExportFormat::ProposalsCsv,
    ];

    /// The end of the file name: `-synthese.md`.
    pub fn suffix(self) -> &'static str {
        match self {
            ExportFormat::SynthesisRon => "-synthese.ron",
            ExportFormat::SynthesisMarkdown => "-synthese.md",
            ExportFormat::SynthesisCsv => "-synthese.csv",
            ExportFormat::SynthesisJson => "-synthese.json",
            ExportFormat::ProposalsMarkdown => "-propositions.md",
            ExportFormat::ProposalsCsv => "-propositions.csv",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ExportFormat::SynthesisRon | ExportFormat::SynthesisJson => {
                if self == ExportFormat::SynthesisRon { "RON" } else { "JSON" }
            }
            ExportFormat::SynthesisMarkdown | ExportFormat::ProposalsMarkdown => "Markdown",
            ExportFormat::SynthesisCsv | ExportFormat::ProposalsCsv => "CSV",
        }
    }

    /// Whether the file holds the synthèse (else the raw proposals).
    pub fn is_synthesis(self) -> bool {
        !matches!(self, ExportFormat::ProposalsMarkdown | ExportFormat::ProposalsCsv)
    }
}

/// `exports/NAME-synthese.md` (…) beside the session file `NAME.ron`.
pub fn default_export_path(session_path: &Path, format: ExportFormat) -> PathBuf {
    let stem = session_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "session".into());
    let dir = session_path.parent().map(Path::to_path_buf).unwrap_or_default();
    dir.join("exports").join(format!("{stem}{}", format.suffix()))
}

/// The text of an export; `engine` makes the synthèse (built once per session).
pub fn export_text(
    session: &Session,
    engine: &Engine,
    format: ExportFormat,
    lang: Lang,
) -> Result<String, String> {
    let inputs = [(session.title.clone(), session)];
    let document = || SynthesisDocument::new(&engine.synthesize(session), &inputs);
    match format {
        ExportFormat::SynthesisRon => synth_export::to_ron(&document()).map_err(|e| e.to_string()),
        ExportFormat::SynthesisJson => synth_export::to_json(&document()).map_err(|e| e.to_string()),
        ExportFormat::SynthesisMarkdown => Ok(synth_export::to_markdown(&document(), lang)),
        ExportFormat::SynthesisCsv => {
            synth_export::to_csv(&engine.synthesize(session), &inputs).map_err(|e| e.to_string())
        }
        ExportFormat::ProposalsMarkdown => Ok(markdown(session)),
        ExportFormat::ProposalsCsv => csv(session),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::families::default_families;
    use crate::store::notes::{NotesFormat, parse_bytes};
    use chrono::Utc;

    fn session() -> Session {
        let mut s = Session::new("Essai", default_families(), 2, 2, 20).expect("session");
        s.tables[0].question = "Qu'est-ce qui aide ?".into();
        let now = Utc::now();
        s.add_proposal(1, 1, Kind::Condition, "Se connaître, vraiment", now).expect("added");
        s.add_proposal(1, 2, Kind::Astuce, "Un « dîner » 🙂 ensemble", now).expect("added");
        s.add_proposal(2, 1, Kind::Temoignage, "On s'est sentis \"écoutés\"", now).expect("added");
        s.add_proposal(2, 2, Kind::Condition, "Bien se connaître entre partenaires", now).expect("added");
        s
    }

    #[test]
    fn proposals_read_back_as_notes() {
        let s = session();
        let engine = Engine::new(&s.families);
        for format in [ExportFormat::ProposalsMarkdown, ExportFormat::ProposalsCsv] {
            let text = export_text(&s, &engine, format, Lang::Fr).expect("export");
            let notes_format =
                if format == ExportFormat::ProposalsCsv { NotesFormat::Csv } else { NotesFormat::Markdown };
            let entries = parse_bytes(text.as_bytes(), notes_format).expect("notes parse");
            let got: Vec<_> = entries.iter().map(|e| (e.table, e.round, e.kind, e.text.clone())).collect();
            let mut want: Vec<_> =
                s.proposals.iter().map(|p| (p.table, Some(p.round), Some(p.kind), p.text.clone())).collect();
            if format == ExportFormat::ProposalsMarkdown {
                want.sort_by_key(|w| (w.0, w.1));
            }
            assert_eq!(got, want, "{format:?}");
        }
    }

    #[test]
    fn synthesis_exports_hold_every_proposal() {
        let s = session();
        let engine = Engine::new(&s.families);
        let ron = export_text(&s, &engine, ExportFormat::SynthesisRon, Lang::Fr).expect("ron");
        let document = synth_export::from_ron(&ron).expect("parses back");
        assert_eq!(document.to_synthesis().all_groups().map(|g| g.members.len()).sum::<usize>(), 4);
        let csv = export_text(&s, &engine, ExportFormat::SynthesisCsv, Lang::Fr).expect("csv");
        assert!(csv.starts_with("cluster,family,canonical,support,table,round,kind,text"));
        assert_eq!(csv.lines().count(), 5);
        let md = export_text(&s, &engine, ExportFormat::SynthesisMarkdown, Lang::Fr).expect("md");
        assert!(md.contains("Se connaître"));
        let json = export_text(&s, &engine, ExportFormat::SynthesisJson, Lang::Fr).expect("json");
        assert!(synth_export::from_json(&json).is_ok());
    }
}
