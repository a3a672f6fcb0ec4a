//! `cafe new`, `import`, `add`, `list` and `show`: sessions without the full-screen app.
//!
//! Every command that changes a session loads it (a file that does not load is never
//! written over), applies the whole change to a copy, and saves only if every part of
//! the change was accepted: an import is all-or-nothing across all its notes files.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};

use super::UserError;
use crate::cli::{AddArgs, NewArgs};
use crate::domain::repair::count_controls;
use crate::domain::session::clean_text;
use crate::domain::{Kind, PhaseKind, Session, SessionError};
use crate::i18n::errors::{controls_removed, notes_read_error, repairs_note, session_error, store_error};
use crate::i18n::{Lang, session as msg};
use crate::store::assets::families_for_new_session;
use crate::store::home::Home;
use crate::store::names::session_path_for;
use crate::store::notes::{AppliedNotes, Notes, read_notes};
use crate::store::session_file::{load_repaired, save_new};
use crate::store::{StoreError, UpdateError, load, update_session};

fn store_err(lang: Lang) -> impl Fn(StoreError) -> UserError {
    move |err| UserError(store_error(lang, &err))
}

fn session_err(lang: Lang) -> impl Fn(SessionError) -> UserError {
    move |err| UserError(session_error(lang, &err))
}

/// A change refused by the store or by the change itself, in the user's language.
fn update_err<E>(lang: Lang, refused: impl Fn(E) -> UserError) -> impl Fn(UpdateError<E>) -> UserError {
    move |err| match err {
        UpdateError::Store(err) => store_err(lang)(err),
        UpdateError::Refused(err) => refused(err),
    }
}

/// `cafe new SESSION.ron --title T [--tables N] [--rounds R] [--minutes M] …`
pub fn new(args: &NewArgs, lang: Lang) -> Result<(), UserError> {
    let families = families_for_new_session();
    let mut session = Session::new(&args.title, families, args.tables, args.rounds, args.minutes)
        .map_err(session_err(lang))?;
    session.date = Some(args.date.unwrap_or_else(|| chrono::Local::now().date_naive()));
    session.place = clean_text(args.place.as_deref().unwrap_or_default());
    session.facilitator = clean_text(args.facilitator.as_deref().unwrap_or_default());
    session.set_move_and_harvest(args.move_minutes, args.harvest_minutes).map_err(session_err(lang))?;
    let path = new_session_path(&args.session, &session.title);
    save_new(&path, &session).map_err(store_err(lang))?;
    let rounds = session.schedule.round_minutes.len();
    println!("{}", msg::created(lang, &path, session.tables.len(), rounds, args.minutes));
    Ok(())
}

/// The file `cafe new` writes: the path given, or, when it names a folder (an existing
/// one, or one written with a trailing `/`), a safe file name made from the title in it.
fn new_session_path(given: &Path, title: &str) -> PathBuf {
    let names_folder =
        given.is_dir() || given.as_os_str().to_string_lossy().ends_with(std::path::MAIN_SEPARATOR);
    if names_folder { session_path_for(given, title) } else { given.to_path_buf() }
}

/// `cafe import SESSION.ron NOTES...`: every notes file is read and checked first;
/// the session is saved once, only if all of them are accepted.
pub fn import(session_path: &Path, notes_paths: &[PathBuf], lang: Lang) -> Result<(), UserError> {
    // Refuse a session that does not load before reading any notes.
    load(session_path).map_err(store_err(lang))?;
    let mut parsed: Vec<(&Path, Notes)> = Vec::new();
    for path in notes_paths {
        let notes = read_notes(path).map_err(|e| {
            UserError(format!("{}; {}", notes_read_error(lang, &e), msg::nothing_imported(lang)))
        })?;
        if notes.entries.is_empty() {
            return Err(UserError(format!(
                "{}; {}",
                msg::no_proposals_in(lang, path),
                msg::nothing_imported(lang)
            )));
        }
        parsed.push((path, notes));
    }
    let (report, _) =
        update_session(session_path, |session| apply_notes(session, &parsed, lang))
            .map_err(update_err(lang, |detail| {
                UserError(format!("{detail}; {}", msg::nothing_imported(lang)))
            }))?;
    for (number, question) in &report.created {
        println!("{}", msg::table_created(lang, *number, question));
    }
    for number in &report.completed {
        println!("{}", msg::table_completed(lang, *number));
    }
    println!("{}", msg::imported(lang, report.total, session_path, parsed.len()));
    if report.controls > 0 {
        println!("{}", controls_removed(lang, report.controls));
    }
    for (table, n) in &report.per_table {
        println!("{}", msg::added_at_table(lang, *table, *n));
    }
    Ok(())
}

/// Adds every parsed notes file to `session` by the one rule of [`AppliedNotes`];
/// returns the first refusal, located in its notes file, in the user's language.
fn apply_notes(session: &mut Session, parsed: &[(&Path, Notes)], lang: Lang) -> Result<AppliedNotes, String> {
    let mut report = AppliedNotes::default();
    let now = Utc::now();
    for (path, notes) in parsed {
        report
            .apply(session, notes, now)
            .map_err(|refused| msg::located(path, refused.line, &session_error(lang, &refused.error)))?;
    }
    Ok(report)
}

/// `cafe add SESSION.ron --table N [--round R] [--kind K] TEXT`: the round defaults to
/// the clock's current round, the clock caught up to now as the app would.
pub fn add(args: &AddArgs, lang: Lang) -> Result<(), UserError> {
    let text = args.text.join(" ");
    let now = Utc::now();
    let ((id, round), _) = update_session(&args.session, |session| {
        session.catch_up_clock(now);
        let round = args.round.unwrap_or_else(|| session.current_round());
        session.add_proposal(args.table, round, args.kind, &text, now).map(|id| (id, round))
    })
    .map_err(update_err(lang, session_err(lang)))?;
    let removed = count_controls(&text);
    if removed > 0 {
        println!(
            "{} ({})",
            msg::added(lang, &id.to_string(), args.table, round, args.kind),
            controls_removed(lang, removed)
        );
    } else {
        println!("{}", msg::added(lang, &id.to_string(), args.table, round, args.kind));
    }
    Ok(())
}

/// One `.ron` file of a folder, loaded or not.
struct Listed {
    path: PathBuf,
    modified: Option<std::time::SystemTime>,
    session: Result<Session, StoreError>,
}

impl Listed {
    /// The session's own date, else the day the file was last written.
    fn sort_date(&self) -> Option<NaiveDate> {
        let session_date = self.session.as_ref().ok().and_then(|s| s.date);
        session_date.or_else(|| self.modified.map(|m| chrono::DateTime::<Utc>::from(m).date_naive()))
    }
}

/// `cafe list [DIR]`: the sessions of a folder (the sessions home when none is given,
/// named on stderr), newest first (by the session's date, then by when the file was
/// written). A file that does not load is listed with its located error; the others
/// are still listed.
pub fn list(home: &Home, lang: Lang) -> Result<(), UserError> {
    let dir = home.sessions.as_path();
    if let Some(demo) = home.install_demo().map_err(|e| UserError(msg::not_a_folder(lang, dir, &e)))? {
        eprintln!("{}", crate::i18n::cli::demo_installed(lang, &demo));
    }
    eprintln!("{}", crate::i18n::cli::sessions_folder(lang, dir, home.origin));
    let files = crate::store::session_file::session_files(dir)
        .map_err(|e| UserError(msg::not_a_folder(lang, dir, &e)))?;
    if files.is_empty() {
        println!("{}", msg::no_sessions(lang, dir));
        return Ok(());
    }
    let mut listed: Vec<Listed> = files
        .into_iter()
        .map(|path| Listed {
            modified: crate::store::folders::last_written(&path),
            session: load(&path),
            path,
        })
        .collect();
    listed.sort_by(|a, b| {
        b.sort_date().cmp(&a.sort_date()).then(b.modified.cmp(&a.modified)).then(a.path.cmp(&b.path))
    });
    for item in &listed {
        println!("{}", list_line(lang, item));
    }
    Ok(())
}

fn list_line(lang: Lang, item: &Listed) -> String {
    match &item.session {
        Ok(session) => {
            let date = session.date.map_or_else(|| msg::NO_DATE.get(lang).to_string(), |d| d.to_string());
            format!(
                "{date:<10}  {:<10}  {:<16}  {}  ({})",
                msg::tables(lang, session.tables.len()),
                msg::proposals(lang, session.proposals.len()),
                clean_text(&session.title),
                item.path.display()
            )
        }
        Err(err) => format!("{:<10}  {}", msg::BROKEN.get(lang), store_error(lang, err)),
    }
}

/// `cafe show SESSION.ron`: a readable summary, the clock caught up to now as the app
/// would (nothing is written).
pub fn show(path: &Path, lang: Lang) -> Result<(), UserError> {
    let (mut session, repairs) = load_repaired(path).map_err(store_err(lang))?;
    if !repairs.is_empty() {
        eprintln!("cafe: {}", repairs_note(lang, path, &repairs));
    }
    let now = Utc::now();
    session.catch_up_clock(now);
    print!("{}", summary(&session, now, lang));
    Ok(())
}

/// The text `cafe show` prints. Every text from the file goes through [`clean_text`],
/// so that a hand-edited file cannot send control sequences to the terminal.
pub fn summary(session: &Session, now: DateTime<Utc>, lang: Lang) -> String {
    let mut out = String::new();
    let title = clean_text(&session.title);
    let _ = writeln!(out, "{title}");
    let _ = writeln!(out, "{}", "=".repeat(title.chars().count().clamp(3, 80)));
    if let Some(date) = session.date {
        let _ = writeln!(out, "{}", msg::field(lang, msg::DATE, &msg::date(lang, date)));
    }
    if !session.place.is_empty() {
        let _ = writeln!(out, "{}", msg::field(lang, msg::PLACE, &clean_text(&session.place)));
    }
    if !session.facilitator.is_empty() {
        let _ = writeln!(out, "{}", msg::field(lang, msg::FACILITATOR, &clean_text(&session.facilitator)));
    }
    let schedule = &session.schedule;
    let plan = msg::schedule(lang, &schedule.round_minutes, schedule.move_minutes, schedule.harvest_minutes);
    let _ = writeln!(out, "{}", msg::field(lang, msg::SCHEDULE, &plan));
    if let Some(line) = clock_line(session, now, lang) {
        let _ = writeln!(out, "{line}");
    }
    if !session.families.is_empty() {
        let names: Vec<String> = session
            .families
            .iter()
            .map(|f| format!("{}. {}", f.number, clean_text(f.title_in(lang.is_english()))))
            .collect();
        let _ = writeln!(out, "{}", msg::field(lang, msg::FAMILIES, &names.join(" · ")));
    }
    for table in &session.tables {
        let _ = writeln!(out);
        let question = clean_text(&table.question);
        let question = if question.is_empty() { msg::NO_QUESTION.get(lang) } else { &question };
        let name = clean_text(&table.name);
        let name = if name.is_empty() { String::new() } else { format!(" ({name})") };
        let _ = writeln!(out, "Table {}{name} — {question}", table.number);
        if !table.host.is_empty() {
            let _ = writeln!(out, "  {}", msg::field(lang, msg::HOST, &clean_text(&table.host)));
        }
        write_proposals(&mut out, session, table.number, lang);
    }
    let orphans: Vec<u32> = {
        let mut numbers: Vec<u32> =
            session.proposals.iter().map(|p| p.table).filter(|n| session.table(*n).is_none()).collect();
        numbers.sort_unstable();
        numbers.dedup();
        numbers
    };
    if !orphans.is_empty() {
        let _ = writeln!(out, "\n{}", msg::UNKNOWN_TABLES.get(lang));
        for number in orphans {
            let _ = writeln!(out, "Table {number}");
            write_proposals(&mut out, session, number, lang);
        }
    }
    let per_kind: Vec<(Kind, usize)> =
        Kind::ALL.iter().map(|k| (*k, session.proposals.iter().filter(|p| p.kind == *k).count())).collect();
    let _ = writeln!(out, "\n{}", msg::totals(lang, session.proposals.len(), &per_kind));
    out
}

/// The proposals of one table, by round then kind, in the order they were captured.
fn write_proposals(out: &mut String, session: &Session, table: u32, lang: Lang) {
    let mut rounds: Vec<u32> =
        session.proposals.iter().filter(|p| p.table == table).map(|p| p.round).collect();
    rounds.sort_unstable();
    rounds.dedup();
    if rounds.is_empty() {
        let _ = writeln!(out, "  {}", msg::NO_PROPOSALS_YET.get(lang));
        return;
    }
    for round in rounds {
        let _ = writeln!(out, "  {}", msg::round_heading(lang, round));
        for kind in Kind::ALL {
            let items: Vec<String> = session
                .proposals
                .iter()
                .filter(|p| p.table == table && p.round == round && p.kind == kind)
                .map(|p| clean_text(&p.text))
                .collect();
            if items.is_empty() {
                continue;
            }
            let _ = writeln!(out, "    {} ({})", msg::kind_plural(lang, kind), items.len());
            for text in items {
                let _ = writeln!(out, "      - {text}");
            }
        }
    }
}

/// Where the clock stands, when it has been used.
fn clock_line(session: &Session, now: DateTime<Utc>, lang: Lang) -> Option<String> {
    let clock = &session.clock;
    if clock.phase == 0 && clock.remaining_ms.is_none() && !clock.is_running() {
        return None;
    }
    let phase = clock.current(&session.schedule).map(|p| p.kind).unwrap_or(PhaseKind::Harvest);
    let seconds = clock.seconds_left(&session.schedule, now);
    let remaining = format!("{}:{:02}", seconds / 60, seconds % 60);
    Some(msg::clock_line(lang, &msg::clock_phase(lang, phase), &remaining, clock.is_running()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_running_clock_shows_the_time_left_now() {
        let mut session = Session::new("Essai", Vec::new(), 2, 3, 20).expect("valid session");
        let schedule = session.schedule.clone();
        let now = Utc::now();
        session.clock.start(&schedule, now - chrono::Duration::minutes(5));
        let line = clock_line(&session, now, Lang::Fr).expect("the clock was used");
        assert!(line.contains("14:5") || line.contains("15:00"), "{line}");
        assert!(line.contains("en marche"), "{line}");
    }
}
