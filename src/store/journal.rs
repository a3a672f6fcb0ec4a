//! The journal beside a session (`NAME.ron.journal`): one line per change to a
//! proposal, appended and fsynced before the change is reported as saved. Writing one
//! line costs the same in a session of 50 proposals or 50,000, where rewriting the
//! whole file would not. The journal is replayed over the session file when it is read
//! and folded into it (then removed) on a clean exit and every few hundred changes.
//!
//! Each line is a JSON object: `{"Put":{…proposal…}}` (a proposal added or edited) or
//! `{"Delete":17}`. Replaying is idempotent — a put never lowers a proposal's edition
//! and never revives a deleted one — so a journal replayed twice, or over a session
//! file it was already folded into (a crash between the two steps of a fold), gives
//! the same session. A last line without its newline is a write cut short by a crash:
//! it was never reported as saved, so it is ignored and cut off before the next write.

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::domain::{Proposal, ProposalId, Session};

/// The journal of a session: `NAME.ron` → `NAME.ron.journal`.
pub fn journal_path(session: &Path) -> PathBuf {
    let mut name = session.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".journal");
    session.with_file_name(name)
}

/// One change to a proposal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Entry {
    Put(Proposal),
    Delete(ProposalId),
}

/// How far a journal has been read: bytes and complete lines.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Position {
    pub bytes: u64,
    pub lines: usize,
}

/// A journal line that is complete but not a change (edited by hand, or damaged).
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    Bad { line: usize, message: String },
}

/// Applies the journal's complete lines after `from` to `session`; returns where it
/// stopped (the end of the last complete line). A missing journal is an empty one.
pub fn replay(path: &Path, session: &mut Session, from: Position) -> Result<Position, ReadError> {
    let mut file = match File::open(journal_path(path)) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Position::default()),
        Err(e) => return Err(ReadError::Io(e)),
    };
    file.seek(SeekFrom::Start(from.bytes)).map_err(ReadError::Io)?;
    let mut bytes = Vec::new();
    file.read_to_end(&mut bytes).map_err(ReadError::Io)?;
    let mut position = from;
    let mut rest = bytes.as_slice();
    while let Some(end) = rest.iter().position(|b| *b == b'\n') {
        let line = &rest[..end];
        position.lines += 1;
        if !line.iter().all(u8::is_ascii_whitespace) {
            let entry: Entry = serde_json::from_slice(line)
                .map_err(|e| ReadError::Bad { line: position.lines, message: e.to_string() })?;
            apply(session, entry);
        }
        position.bytes += end as u64 + 1;
        rest = &rest[end + 1..];
    }
    Ok(position)
}

/// One change, applied so that replaying it again changes nothing.
pub fn apply(session: &mut Session, entry: Entry) {
    match entry {
        Entry::Put(proposal) => {
            if session.deleted.contains(&proposal.id) {
                return;
            }
            session.next_id = session.next_id.max(proposal.id.0.saturating_add(1));
            match session.proposals.iter_mut().find(|p| p.id == proposal.id) {
                Some(existing) if existing.edition <= proposal.edition => *existing = proposal,
                Some(_) => {}
                None => session.proposals.push(proposal),
            }
        }
        Entry::Delete(id) => {
            session.proposals.retain(|p| p.id != id);
            session.remember_deleted(id);
            session.next_id = session.next_id.max(id.0.saturating_add(1));
        }
    }
}

/// The journal entries that turn `before` into `after`, or `None` when something other
/// than proposals changed (then the whole session file is written instead).
pub fn entries_between(before: &Session, after: &Session) -> Option<Vec<Entry>> {
    if !same_but_proposals(before, after) {
        return None;
    }
    let mut entries = Vec::new();
    let before_by_id: std::collections::HashMap<ProposalId, &Proposal> =
        before.proposals.iter().map(|p| (p.id, p)).collect();
    for proposal in &after.proposals {
        if before_by_id.get(&proposal.id).is_none_or(|old| *old != proposal) {
            entries.push(Entry::Put(proposal.clone()));
        }
    }
    for id in after.deleted.iter().filter(|id| !before.deleted.contains(id)) {
        entries.push(Entry::Delete(*id));
    }
    // Replaying must give `after` exactly, in the same order: the proposals kept in
    // place, new ones at the end. Anything else (an undone deletion put back in its
    // place, a proposal gone without a tombstone) is written as a whole file.
    let undeleted = before.deleted.iter().any(|id| !after.deleted.contains(id));
    let kept = before.proposals.iter().map(|p| p.id).filter(|id| !after.deleted.contains(id));
    let added = after.proposals.iter().map(|p| p.id).filter(|id| !before_by_id.contains_key(id));
    let replayed_order = kept.chain(added);
    let same_order = replayed_order.eq(after.proposals.iter().map(|p| p.id));
    (same_order && !undeleted).then_some(entries)
}

/// Everything but the proposals, their tombstones and the id counter is equal.
fn same_but_proposals(a: &Session, b: &Session) -> bool {
    let Session {
        version,
        title,
        date,
        place,
        facilitator,
        families,
        tables,
        schedule,
        clock,
        proposals: _,
        next_id: _,
        deleted: _,
        decisions,
        participants,
        participant_count,
        rotation,
        learned,
        document,
        vocabulary,
        vote,
    } = a;
    *version == b.version
        && *title == b.title
        && *date == b.date
        && *place == b.place
        && *facilitator == b.facilitator
        && *families == b.families
        && *tables == b.tables
        && *schedule == b.schedule
        && *clock == b.clock
        && *decisions == b.decisions
        && *participants == b.participants
        && *participant_count == b.participant_count
        && *rotation == b.rotation
        && *learned == b.learned
        && *document == b.document
        && *vocabulary == b.vocabulary
        && *vote == b.vote
}

/// Appends `entries` after `at` (cutting off any incomplete line a crash left there)
/// and makes them durable before returning.
pub fn append(path: &Path, at: Position, entries: &[Entry]) -> std::io::Result<Position> {
    let journal = journal_path(path);
    let existed = journal.exists();
    let mut file = OpenOptions::new().create(true).truncate(false).read(true).write(true).open(&journal)?;
    if !existed {
        copy_permissions(path, &file);
    }
    if file.metadata()?.len() != at.bytes {
        file.set_len(at.bytes)?;
    }
    let mut text = String::new();
    for entry in entries {
        text.push_str(&serde_json::to_string(entry).map_err(std::io::Error::other)?);
        text.push('\n');
    }
    file.seek(SeekFrom::Start(at.bytes))?;
    file.write_all(text.as_bytes())?;
    file.sync_data()?;
    if !existed {
        super::atomic::sync_dir(&super::atomic::parent_dir(path));
    }
    Ok(Position { bytes: at.bytes + text.len() as u64, lines: at.lines + entries.len() })
}

/// The journal shares the session file's permissions (a session readable by a group
/// has its journal readable by it too).
fn copy_permissions(session: &Path, journal: &File) {
    if let Ok(metadata) = fs::metadata(session) {
        let _ = journal.set_permissions(metadata.permissions());
    }
}

/// Removes the journal once its changes are in the session file.
pub fn remove(path: &Path) -> std::io::Result<()> {
    match fs::remove_file(journal_path(path)) {
        Ok(()) => {
            super::atomic::sync_dir(&super::atomic::parent_dir(path));
            Ok(())
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}
