//! `cafe synth INPUT... [--format ron|md|csv|json] [-o FILE]`: the synthèse of sessions
//! (`.ron`) or notes (`.md`, `.csv`), combined when there are several, exported.

use std::path::Path;

use chrono::Utc;

use crate::cli::{SynthArgs, SynthFormat, UserError};
use crate::domain::{Kind, Session};
use crate::i18n::{self, Lang};
use crate::store::{self, notes};
use crate::synth::export::{self, SynthesisDocument};
use crate::synth::{Engine, Synthesis};

/// Runs `cafe synth`.
pub fn run(args: &SynthArgs, lang: Lang) -> Result<(), UserError> {
    let mut inputs: Vec<(String, Session)> = Vec::new();
    for path in &args.inputs {
        let session = load_input(path, lang)?;
        inputs.push((label_of(path, &session, args.inputs.len()), session));
    }
    let refs: Vec<(String, &Session)> = inputs.iter().map(|(l, s)| (l.clone(), s)).collect();
    let knowledge = store::assets::knowledge();
    let engine = match refs.first() {
        Some((_, session)) => knowledge.engine_for(session),
        None => Engine::with(&knowledge.families, knowledge.compiled.clone(), knowledge.settings.clone()),
    };
    let synthesis = engine.synthesize_many(&refs);
    if synthesis.all_groups().next().is_none() {
        eprintln!("cafe: {}", i18n::synth::NO_PROPOSALS.get(lang));
    }
    for dropped in &synthesis.dropped {
        let ids: Vec<String> = dropped.proposals.iter().map(|p| export::cluster_label(*p)).collect();
        eprintln!("cafe: {}", i18n::synth::dropped(lang, dropped.decision, dropped.reason, &ids.join(", ")));
    }
    let text = render(&synthesis, &refs, args.format, lang)?;
    match &args.output {
        Some(path) => store::write_atomic(path, text.as_bytes(), false).map_err(|e| {
            UserError(i18n::synth::export_failed(
                lang,
                &format!("{}: {}", path.display(), i18n::errors::io_error(lang, &e)),
            ))
        }),
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(text.as_bytes())
                .map_err(|e| UserError(i18n::synth::export_failed(lang, &i18n::errors::io_error(lang, &e))))
        }
    }
}

/// The export text in the chosen format.
pub fn render(
    synthesis: &Synthesis,
    inputs: &[(String, &Session)],
    format: SynthFormat,
    lang: Lang,
) -> Result<String, UserError> {
    let failed = |e: &dyn std::fmt::Display| UserError(i18n::synth::export_failed(lang, &e.to_string()));
    match format {
        SynthFormat::Csv => export::to_csv(synthesis, inputs).map_err(|e| failed(&e)),
        SynthFormat::Ron => {
            export::to_ron(&SynthesisDocument::new(synthesis, inputs)).map_err(|e| failed(&e))
        }
        SynthFormat::Json => {
            export::to_json(&SynthesisDocument::new(synthesis, inputs)).map_err(|e| failed(&e))
        }
        SynthFormat::Md => Ok(export::to_markdown(&SynthesisDocument::new(synthesis, inputs), lang)),
    }
}

/// How an input is named in a combined synthèse: its file name when there are several.
fn label_of(path: &Path, session: &Session, count: usize) -> String {
    if count > 1 {
        path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| session.title.clone())
    } else {
        session.title.clone()
    }
}

/// Reads a session (`.ron`) or notes (`.md`, `.csv`, `.txt`) into a session.
pub fn load_input(path: &Path, lang: Lang) -> Result<Session, UserError> {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if ext.as_deref() == Some("ron") {
        return store::load(path).map_err(|e| UserError(i18n::errors::store_error(lang, &e)));
    }
    if notes::NotesFormat::of_path(path).is_none() {
        return Err(UserError(i18n::synth::unknown_input(lang, &path.display().to_string())));
    }
    let notes = notes::read_notes(path).map_err(|e| UserError(i18n::errors::notes_read_error(lang, &e)))?;
    session_from_notes(path, &notes, lang)
}

/// A session holding the proposals of notes: the tables the notes name (with their
/// theme and host), as many rounds as the notes mention (at least one); proposals
/// without a kind are conditions.
pub fn session_from_notes(path: &Path, notes: &notes::Notes, lang: Lang) -> Result<Session, UserError> {
    let title = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let title = if title.trim().is_empty() { "notes".to_string() } else { title };
    let rounds = notes.entries.iter().filter_map(|e| e.round).max().unwrap_or(1).max(1);
    let session_error = |e: crate::domain::SessionError| UserError(i18n::errors::session_error(lang, &e));
    let families = store::assets::knowledge().families.clone();
    let mut session = Session::new(&title, families, 1, rounds, 20).map_err(session_error)?;
    // Only the tables of the notes.
    session.tables.clear();
    let now = Utc::now();
    for entry in &notes.entries {
        if session.table(entry.table).is_none() {
            let named = notes.tables.iter().find(|t| t.number == entry.table);
            let theme = named.and_then(|t| t.theme.clone()).unwrap_or_default();
            session.add_table(entry.table, &theme).map_err(session_error)?;
            if let (Some(table), Some(host)) =
                (session.table_mut(entry.table), named.and_then(|t| t.host.clone()))
            {
                table.host = host;
            }
        }
        session
            .add_proposal(
                entry.table,
                entry.round.unwrap_or(1),
                entry.kind.unwrap_or(Kind::Condition),
                &entry.text,
                now,
            )
            .map_err(|e| {
                UserError(i18n::synth::bad_note(
                    lang,
                    &path.display().to_string(),
                    entry.line,
                    &i18n::errors::session_error(lang, &e),
                ))
            })?;
    }
    Ok(session)
}
