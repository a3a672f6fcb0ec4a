//! `cafe synth INPUT... [--format F] [--variant final|travail] [--sources] [-o FILE|-]
//! [--force]`: the synthèse of sessions (`.ron`) or notes (`.md`, `.csv`), combined when
//! there are several, exported through [`crate::export`] (the same pipeline as the
//! app's F5). The format follows `-o`'s extension unless `--format` says it (a
//! conflicting pair is an error); `-o -` or no `-o` is standard output, where a closed
//! pipe ends quietly; a file is written through `store::export_file`, which refuses
//! sessions, the inputs, folders and special files, and replaces a file only with
//! `--force`.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use chrono::Utc;

use super::UserError;
use crate::cli::SynthArgs;
use crate::domain::{Kind, Session};
use crate::export::document::cluster_label;
use crate::export::{self, Format, Options, SynthesisDocument, inputs};
use crate::i18n::{self, Lang};
use crate::store::export_file::{check_destination, write_export};
use crate::store::{self, notes};
use crate::synth::Engine;

/// Where the export goes (`None`: standard output) and in which format.
fn destination(args: &SynthArgs, lang: Lang) -> Result<(Option<PathBuf>, Format), UserError> {
    let file = args.output.clone().filter(|p| p.as_os_str() != "-");
    let Some(path) = file else { return Ok((None, args.format.unwrap_or(Format::Md))) };
    let shown = path.display().to_string();
    match (args.format, Format::of_path(&path)) {
        (Some(format), Some(named)) if format != named => {
            let extension = path.extension().map(|e| e.to_string_lossy().into_owned()).unwrap_or_default();
            Err(UserError(i18n::export::format_conflict(lang, &shown, format.extension(), &extension)))
        }
        (Some(format), _) | (None, Some(format)) => Ok((Some(path), format)),
        (None, None) => Err(UserError(i18n::export::format_unknown(lang, &shown))),
    }
}

/// Runs `cafe synth`.
pub fn run(args: &SynthArgs, lang: Lang) -> Result<(), UserError> {
    if let Some(path) = args.output.as_ref().filter(|p| p.as_os_str() != "-") {
        // Refused places are said before any work; an existing file is checked at writing.
        if let Err(reason) = check_destination(path, &args.inputs, true) {
            return Err(UserError(i18n::export::refused(lang, &path.display().to_string(), reason, false)));
        }
    }
    let (output, format) = destination(args, lang)?;
    if output.is_none() && !format.is_text() && std::io::stdout().is_terminal() {
        return Err(UserError(i18n::export::binary_to_terminal(lang, format.label())));
    }
    let mut sessions: Vec<(Session, String)> = Vec::new();
    for path in &args.inputs {
        let session = load_input(path, lang)?;
        let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        sessions.push((session, stem));
    }
    let named: Vec<(&Session, String)> = sessions.iter().map(|(s, stem)| (s, stem.clone())).collect();
    let labels = inputs::labels(&named, lang);
    let refs: Vec<(String, &Session)> = labels.into_iter().zip(sessions.iter().map(|(s, _)| s)).collect();
    let knowledge = store::assets::knowledge();
    let engine = match refs.first() {
        Some((_, session)) => knowledge.engine_for(session),
        None => Engine::with(&knowledge.families, knowledge.compiled.clone(), knowledge.settings.clone()),
    };
    let synthesis = engine.synthesize_many(&refs);
    // The engine's cache holds an analysis of every proposal: it is freed on another
    // core while the export is written rather than delaying the end of the command.
    std::thread::spawn(move || drop(engine));
    if synthesis.all_groups().next().is_none() {
        eprintln!("cafe: {}", i18n::synth::NO_PROPOSALS.get(lang));
    }
    for dropped in &synthesis.dropped {
        let ids: Vec<String> = dropped.proposals.iter().map(|p| cluster_label(*p)).collect();
        eprintln!("cafe: {}", i18n::synth::dropped(lang, dropped.decision, dropped.reason, &ids.join(", ")));
    }
    let document = SynthesisDocument::new(&synthesis, &refs);
    for same in inputs::same_events(&document) {
        let (a, b) = (document.input_label(same.a as u32), document.input_label(same.b as u32));
        eprintln!("cafe: {}", export::printable(&i18n::export::same_event(lang, a, b, same.shared)));
    }
    let options = Options { sources: args.sources, ..Options::new(lang, args.variant) };
    let bytes = export::export(&synthesis, &refs, format, options)
        .map_err(|e| UserError(i18n::synth::export_failed(lang, &e.to_string())))?;
    match output {
        Some(path) => write_export(&path, &bytes, &args.inputs, args.force)
            .map_err(|e| UserError(i18n::export::write_error(lang, &path.display().to_string(), &e, false))),
        None => write_stdout(&bytes, lang),
    }
}

/// Writes to standard output; a reader that went away (`| head`) is not an error.
fn write_stdout(bytes: &[u8], lang: Lang) -> Result<(), UserError> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(UserError(i18n::synth::export_failed(lang, &i18n::errors::io_error(lang, &e)))),
        Ok(()) => Ok(()),
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
