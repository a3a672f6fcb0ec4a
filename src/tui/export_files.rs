//! The files of the export screen (F5): the synthèse in every format of
//! [`crate::export::Format`] (the same pipeline as `cafe synth`), the document synthèse
//! also in its *travail* variant, the raw proposals as notes that `cafe import`
//! reads back, and the printable table cards (each table's phone address). Pure: names and bytes only; [`crate::tui::perform`] writes them through
//! `store::export_file`, which never replaces a session, a folder or a special file,
//! and replaces an existing file only once the facilitator has confirmed.

use std::path::{Path, PathBuf};

use crate::domain::Session;
use crate::export::cards::to_cards_html;
use crate::export::notes::{NotesFormat, notes};
use crate::export::{self, Format, Options, Variant};
use crate::i18n::Lang;
use crate::synth::Engine;

/// A file of the export screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportEntry {
    /// The synthèse in a format, for members (`Final`) or staff (`Travail`).
    Synthesis(Format, Variant),
    /// The raw proposals as notes.
    Proposals(NotesFormat),
    /// The printable table cards (HTML): each table's question and phone address.
    TableCards,
}

impl ExportEntry {
    pub const ALL: [ExportEntry; 11] = [
        ExportEntry::Synthesis(Format::Html, Variant::Final),
        ExportEntry::Synthesis(Format::Docx, Variant::Final),
        ExportEntry::Synthesis(Format::Md, Variant::Final),
        ExportEntry::Synthesis(Format::Html, Variant::Travail),
        ExportEntry::Synthesis(Format::Xlsx, Variant::Final),
        ExportEntry::Synthesis(Format::Csv, Variant::Final),
        ExportEntry::Synthesis(Format::Json, Variant::Final),
        ExportEntry::Synthesis(Format::Ron, Variant::Final),
        ExportEntry::Proposals(NotesFormat::Markdown),
        ExportEntry::Proposals(NotesFormat::Csv),
        ExportEntry::TableCards,
    ];

    /// The end of the file name: `-synthese.md`, `-travail.html`, `-propositions.csv`.
    pub fn suffix(self) -> String {
        match self {
            ExportEntry::Synthesis(format, Variant::Final) => format!("-synthese.{}", format.extension()),
            ExportEntry::Synthesis(format, Variant::Travail) => format!("-travail.{}", format.extension()),
            ExportEntry::Proposals(NotesFormat::Markdown) => "-propositions.md".into(),
            ExportEntry::Proposals(NotesFormat::Csv) => "-propositions.csv".into(),
            ExportEntry::TableCards => "-cartes-tables.html".into(),
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ExportEntry::Synthesis(format, _) => format.label(),
            ExportEntry::Proposals(NotesFormat::Markdown) => "Markdown",
            ExportEntry::Proposals(NotesFormat::Csv) => "CSV",
            ExportEntry::TableCards => "HTML",
        }
    }
}

/// `exports/NAME-synthese.md` (…) beside the session file `NAME.ron`.
pub fn default_export_path(session_path: &Path, file: ExportEntry) -> PathBuf {
    let stem = session_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "session".into());
    let dir = session_path.parent().map(Path::to_path_buf).unwrap_or_default();
    dir.join("exports").join(format!("{stem}{}", file.suffix()))
}

/// The bytes of an export; `engine` makes the synthèse (built once per session);
/// `addresses` are the tables' phone addresses while phone capture is on (the cards
/// need them).
pub fn export_bytes(
    session: &Session,
    engine: &Engine,
    file: ExportEntry,
    lang: Lang,
    addresses: Option<&[(u32, String)]>,
) -> Result<Vec<u8>, String> {
    match file {
        ExportEntry::TableCards => match addresses {
            Some(addresses) => Ok(to_cards_html(session, addresses, lang).into_bytes()),
            None => Err(crate::i18n::cards::NEED_PHONES.get(lang).to_string()),
        },
        ExportEntry::Synthesis(format, variant) => {
            let inputs = [(session.title.clone(), session)];
            export::export(&engine.synthesize(session), &inputs, format, Options::new(lang, variant))
                .map_err(|e| e.to_string())
        }
        ExportEntry::Proposals(format) => notes(session, format).map_err(|e| e.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Kind;
    use crate::store::families::default_families;
    use crate::store::notes::parse_bytes;
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
        let mut s = session();
        // The round's question goes with its heading and reads back.
        s.schedule.round_questions = vec!["Pourquoi s'engager ?".into()];
        let engine = Engine::new(&s.families);
        for format in [NotesFormat::Markdown, NotesFormat::Csv] {
            let bytes =
                export_bytes(&s, &engine, ExportEntry::Proposals(format), Lang::Fr, None).expect("export");
            let entries = parse_bytes(&bytes, format).expect("notes parse");
            let got: Vec<_> = entries.iter().map(|e| (e.table, e.round, e.kind, e.text.clone())).collect();
            let mut want: Vec<_> =
                s.proposals.iter().map(|p| (p.table, Some(p.round), Some(p.kind), p.text.clone())).collect();
            if format == NotesFormat::Markdown {
                want.sort_by_key(|w| (w.0, w.1));
            }
            assert_eq!(got, want, "{format:?}");
            if format == NotesFormat::Markdown {
                let text = String::from_utf8_lossy(&bytes);
                assert!(text.contains("### Tour 1 — Pourquoi s'engager ?\n"), "{text}");
            }
        }
    }

    #[test]
    fn every_file_of_the_screen_is_produced() {
        let s = session();
        let engine = Engine::new(&s.families);
        let addresses = [(1, "http://10.0.0.2:8737/t/a".to_string()), (2, "http://10.0.0.2:8737/t/b".into())];
        for file in ExportEntry::ALL {
            let bytes = export_bytes(&s, &engine, file, Lang::Fr, Some(&addresses)).expect("export");
            assert!(!bytes.is_empty(), "{file:?}");
        }
        let needs =
            export_bytes(&s, &engine, ExportEntry::TableCards, Lang::Fr, None).expect_err("no address");
        assert!(needs.contains("saisie par téléphone"), "{needs}");
        let ron =
            export_bytes(&s, &engine, ExportEntry::Synthesis(Format::Ron, Variant::Final), Lang::Fr, None)
                .expect("ron");
        let document = export::document::from_ron(&String::from_utf8_lossy(&ron)).expect("parses back");
        assert_eq!(document.to_synthesis().all_groups().map(|g| g.members.len()).sum::<usize>(), 4);
    }
}
