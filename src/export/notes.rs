//! A session's raw proposals in the notes formats that `cafe import` reads back
//! (Markdown headings per table, round and kind; or CSV `table,round,kind,text`), so
//! that one café's proposals can be merged into another session. Texts are kept as
//! typed (import reads them back unchanged), control characters made visible.

use super::{ExportError, printable};
use crate::domain::{Kind, Session};
pub use crate::store::notes::NotesFormat;

fn kind_heading(kind: Kind) -> &'static str {
    match kind {
        Kind::Condition => "Conditions",
        Kind::Astuce => "Astuces",
        Kind::Temoignage => "Témoignages",
    }
}

/// The proposals of `session` as notes.
pub fn notes(session: &Session, format: NotesFormat) -> Result<Vec<u8>, ExportError> {
    match format {
        NotesFormat::Markdown => Ok(markdown(session).into_bytes()),
        NotesFormat::Csv => csv(session).map_err(|e| ExportError(e.to_string())),
    }
}

/// `# Session — title`, then `## Table N — question`, `### Tour R` (`— the round's
/// question` when it has one), `#### Conditions` and one list item per proposal.
fn markdown(session: &Session) -> String {
    let one_line = |text: &str| printable(text).split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = format!("# Session — {}\n", one_line(&session.title));
    for table in &session.tables {
        let proposals: Vec<_> = session.proposals.iter().filter(|p| p.table == table.number).collect();
        if proposals.is_empty() {
            continue;
        }
        out.push_str(&format!("\n## Table {}", table.number));
        if !table.question.is_empty() {
            out.push_str(&format!(" — {}", one_line(&table.question)));
        }
        out.push('\n');
        for round in 1..=session.schedule.rounds() {
            let in_round: Vec<_> = proposals.iter().filter(|p| p.round == round).collect();
            if in_round.is_empty() {
                continue;
            }
            match session.schedule.round_question(round) {
                Some(question) => out.push_str(&format!("\n### Tour {round} — {}\n", one_line(question))),
                None => out.push_str(&format!("\n### Tour {round}\n")),
            }
            for kind in Kind::ALL {
                let items: Vec<_> = in_round.iter().filter(|p| p.kind == kind).collect();
                if items.is_empty() {
                    continue;
                }
                out.push_str(&format!("\n#### {}\n\n", kind_heading(kind)));
                for p in items {
                    out.push_str(&format!("- {}\n", one_line(&p.text)));
                }
            }
        }
    }
    out
}

/// `table,round,kind,text`, one row per proposal.
fn csv(session: &Session) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(["table", "round", "kind", "text"])?;
    for p in &session.proposals {
        writer.write_record([
            p.table.to_string().as_str(),
            p.round.to_string().as_str(),
            p.kind.as_str(),
            &printable(&p.text),
        ])?;
    }
    writer.into_inner().map_err(|e| csv::Error::from(e.into_error()))
}
