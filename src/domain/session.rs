//! A café du savoir session: its description, tables, schedule, clock, proposals,
//! participants and synthesis decisions. Every mutation that can be refused returns a
//! [`SessionError`] and leaves the session unchanged.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use super::clock::{Clock, PhaseKind};
use super::decisions::Decisions;
use super::family::Family;
use super::knowledge::{DocumentText, VocabularyAdditions};
use super::learned::Learned;
use super::participant::{Participant, RotationPlan};
use super::proposal::{Kind, Proposal, ProposalId};
use super::schedule::Schedule;
use super::vote::VoteSession;

/// The version of the session file format this program writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// Most tables a new session can have (a café has 4–10; this is a typing guard).
pub const MAX_TABLES: u32 = 200;
/// Highest table number (the app shows three digits).
pub const MAX_TABLE_NUMBER: u32 = 999;
/// Most rounds a session can have.
pub const MAX_ROUNDS: u32 = 20;
/// Longest phase (round, move, harvest), in minutes.
pub const MAX_ROUND_MINUTES: u32 = 600;

/// One table of the café: it keeps its number and host while people rotate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    pub number: u32,
    #[serde(default)]
    pub name: String,
    /// The question or theme discussed at this table.
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub host: String,
    /// The secret in this table's phone address (`cafe serve`); empty until phone
    /// capture is first turned on. Renewing it cuts off the old address.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub phone_token: String,
}

/// Why a change to a session was refused. The messages are rendered in the user's
/// language by [`crate::i18n`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SessionError {
    #[error("empty title")]
    EmptyTitle,
    #[error("empty proposal")]
    EmptyText,
    #[error("no table {0}")]
    NoSuchTable(u32),
    #[error("table {0} already exists")]
    DuplicateTable(u32),
    #[error("table numbers start at 1")]
    TableZero,
    #[error("round {round} is outside 1..={rounds}")]
    NoSuchRound { round: u32, rounds: u32 },
    #[error("a round lasts at least one minute")]
    ZeroMinutes,
    #[error("a session has at least one round")]
    NoRounds,
    #[error("a session has at least one table")]
    NoTables,
    #[error("at most {0} tables")]
    TooManyTables(u32),
    #[error("table numbers go up to {0}")]
    TableNumberTooHigh(u32),
    #[error("at most {0} rounds")]
    TooManyRounds(u32),
    #[error("a round lasts at most {0} minutes")]
    TooLong(u32),
    #[error("no proposal {0}")]
    NoSuchProposal(ProposalId),
}

/// A whole café du savoir, as saved in one RON file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// File format version, checked before the rest is read.
    pub version: u32,
    pub title: String,
    #[serde(default)]
    pub date: Option<NaiveDate>,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub facilitator: String,
    /// The families, copied from `assets/families.ron` when the session was created so
    /// that an old session keeps its own.
    pub families: Vec<Family>,
    pub tables: Vec<Table>,
    pub schedule: Schedule,
    #[serde(default)]
    pub clock: Clock,
    #[serde(default)]
    pub proposals: Vec<Proposal>,
    /// The id the next proposal gets; ids are never reused.
    #[serde(default)]
    pub next_id: u64,
    /// The ids of deleted proposals (tombstones), sorted: a merge with a copy that still
    /// holds one of them never brings it back, and its id is never given again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<ProposalId>,
    #[serde(default)]
    pub decisions: Decisions,
    #[serde(default)]
    pub participants: Vec<Participant>,
    /// Number of participants when their names are not known.
    #[serde(default)]
    pub participant_count: Option<u32>,
    #[serde(default)]
    pub rotation: Option<RotationPlan>,
    /// What the guided review's answers taught the synthèse for this session.
    #[serde(default, skip_serializing_if = "Learned::is_empty")]
    pub learned: Learned,
    /// The synthèse document's title and introduction.
    #[serde(default, skip_serializing_if = "DocumentText::is_empty")]
    pub document: DocumentText,
    /// Words of this session's topic added to the vocabulary.
    #[serde(default, skip_serializing_if = "VocabularyAdditions::is_empty")]
    pub vocabulary: VocabularyAdditions,
    /// Dot voting from phones on the synthèse's conditions, once first opened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote: Option<VoteSession>,
}

impl Session {
    /// A new session with `tables` numbered tables and `rounds` rounds of `minutes`.
    pub fn new(
        title: &str,
        families: Vec<Family>,
        tables: u32,
        rounds: u32,
        minutes: u32,
    ) -> Result<Session, SessionError> {
        let title = clean_text(title);
        if title.is_empty() {
            return Err(SessionError::EmptyTitle);
        }
        if tables == 0 {
            return Err(SessionError::NoTables);
        }
        if rounds == 0 {
            return Err(SessionError::NoRounds);
        }
        if minutes == 0 {
            return Err(SessionError::ZeroMinutes);
        }
        if tables > MAX_TABLES {
            return Err(SessionError::TooManyTables(MAX_TABLES));
        }
        if rounds > MAX_ROUNDS {
            return Err(SessionError::TooManyRounds(MAX_ROUNDS));
        }
        if minutes > MAX_ROUND_MINUTES {
            return Err(SessionError::TooLong(MAX_ROUND_MINUTES));
        }
        Ok(Session {
            version: FORMAT_VERSION,
            title,
            date: None,
            place: String::new(),
            facilitator: String::new(),
            families,
            tables: (1..=tables)
                .map(|number| Table {
                    number,
                    name: String::new(),
                    question: String::new(),
                    host: String::new(),
                    phone_token: String::new(),
                })
                .collect(),
            schedule: Schedule { round_minutes: vec![minutes; rounds as usize], ..Schedule::default() },
            clock: Clock::default(),
            proposals: Vec::new(),
            next_id: 1,
            deleted: Vec::new(),
            decisions: Decisions::default(),
            participants: Vec::new(),
            participant_count: None,
            rotation: None,
            learned: Learned::default(),
            document: DocumentText::default(),
            vocabulary: VocabularyAdditions::default(),
            vote: None,
        })
    }

    pub fn table(&self, number: u32) -> Option<&Table> {
        self.tables.iter().find(|t| t.number == number)
    }

    pub fn table_mut(&mut self, number: u32) -> Option<&mut Table> {
        self.tables.iter_mut().find(|t| t.number == number)
    }

    /// Sets the minutes of the move between rounds and of the harvest.
    pub fn set_move_and_harvest(
        &mut self,
        move_minutes: u32,
        harvest_minutes: u32,
    ) -> Result<(), SessionError> {
        if move_minutes > MAX_ROUND_MINUTES || harvest_minutes > MAX_ROUND_MINUTES {
            return Err(SessionError::TooLong(MAX_ROUND_MINUTES));
        }
        self.schedule.move_minutes = move_minutes;
        self.schedule.harvest_minutes = harvest_minutes;
        Ok(())
    }

    /// Adds a table with this number, keeping tables sorted by number.
    pub fn add_table(&mut self, number: u32, question: &str) -> Result<(), SessionError> {
        if number == 0 {
            return Err(SessionError::TableZero);
        }
        if number > MAX_TABLE_NUMBER {
            return Err(SessionError::TableNumberTooHigh(MAX_TABLE_NUMBER));
        }
        if self.table(number).is_some() {
            return Err(SessionError::DuplicateTable(number));
        }
        if self.tables.len() >= MAX_TABLES as usize {
            return Err(SessionError::TooManyTables(MAX_TABLES));
        }
        self.tables.push(Table {
            number,
            name: String::new(),
            question: question.trim().to_string(),
            host: String::new(),
            phone_token: String::new(),
        });
        self.tables.sort_by_key(|t| t.number);
        Ok(())
    }

    /// The round the clock is in: the round of the current phase, the round just ended
    /// while people move, or the last round once the rounds are over (harvest).
    pub fn current_round(&self) -> u32 {
        let last = self.schedule.rounds().max(1);
        match self.clock.current(&self.schedule).map(|phase| phase.kind) {
            Some(PhaseKind::Round(round) | PhaseKind::Move(round)) => round.clamp(1, last),
            Some(PhaseKind::Harvest) | None => last,
        }
    }

    /// Brings the clock up to `now`: when the schedule advances by itself, every phase
    /// that ended while nothing was open follows the one before, as if the app had been
    /// open all along. Returns whether the phase changed. The app and the command line
    /// both read the clock through this, so they agree on the round and the time left.
    pub fn catch_up_clock(&mut self, now: DateTime<Utc>) -> bool {
        self.clock.catch_up(&self.schedule, now)
    }

    /// A copy to prepare a new café under `title`: same description, tables, schedule
    /// and families; no proposals, decisions, participants or clock.
    pub fn template(&self, title: &str) -> Session {
        Session {
            title: clean_text(title),
            date: None,
            clock: Clock::default(),
            proposals: Vec::new(),
            next_id: 1,
            deleted: Vec::new(),
            decisions: Decisions::default(),
            participants: Vec::new(),
            participant_count: None,
            rotation: None,
            vote: None,
            ..self.clone()
        }
    }

    pub fn proposal(&self, id: ProposalId) -> Option<&Proposal> {
        self.proposals.iter().find(|p| p.id == id)
    }

    /// Adds a proposal and returns its new id. The text is trimmed; an empty text, an
    /// unknown table or a round outside the schedule is refused.
    pub fn add_proposal(
        &mut self,
        table: u32,
        round: u32,
        kind: Kind,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<ProposalId, SessionError> {
        let text = clean_text(text);
        if text.is_empty() {
            return Err(SessionError::EmptyText);
        }
        if self.table(table).is_none() {
            return Err(SessionError::NoSuchTable(table));
        }
        let rounds = self.schedule.rounds();
        if round == 0 || round > rounds {
            return Err(SessionError::NoSuchRound { round, rounds });
        }
        let id = self.allocate_id();
        self.proposals.push(Proposal { id, table, round, kind, text, captured_at: now, edition: 0 });
        Ok(id)
    }

    /// Rewords a proposal and sets its kind; a change raises its edition, so that merges
    /// keep the latest wording. Refused, with nothing changed, on an empty text or an
    /// unknown id.
    pub fn edit_proposal(&mut self, id: ProposalId, text: &str, kind: Kind) -> Result<(), SessionError> {
        let text = clean_text(text);
        if text.is_empty() {
            return Err(SessionError::EmptyText);
        }
        let proposal =
            self.proposals.iter_mut().find(|p| p.id == id).ok_or(SessionError::NoSuchProposal(id))?;
        if proposal.text != text || proposal.kind != kind {
            proposal.text = text;
            proposal.kind = kind;
            proposal.edition = proposal.edition.saturating_add(1);
        }
        Ok(())
    }

    /// Removes a proposal and returns it (for undo); its id is remembered as deleted.
    pub fn remove_proposal(&mut self, id: ProposalId) -> Result<Proposal, SessionError> {
        let index = self.proposals.iter().position(|p| p.id == id).ok_or(SessionError::NoSuchProposal(id))?;
        self.remember_deleted(id);
        Ok(self.proposals.remove(index))
    }

    /// Adds `id` to the tombstones, which stay sorted (so that two copies holding the
    /// same deletions are equal).
    pub fn remember_deleted(&mut self, id: ProposalId) {
        if let Err(at) = self.deleted.binary_search(&id) {
            self.deleted.insert(at, id);
        }
    }

    /// The id the next proposal would get: above every id in use or deleted.
    pub fn next_free_id(&self) -> u64 {
        let ids = self.proposals.iter().map(|p| p.id).chain(self.deleted.iter().copied());
        let used_max = ids.map(|id| id.0).max().unwrap_or(0);
        self.next_id.max(used_max.saturating_add(1)).max(1)
    }

    pub(crate) fn allocate_id(&mut self) -> ProposalId {
        let id = self.next_free_id();
        self.next_id = id.saturating_add(1);
        ProposalId(id)
    }
}

/// Trims a proposal and replaces control characters (tabs, stray escapes) by spaces,
/// collapsing runs of white space, so that what is stored prints cleanly.
pub fn clean_text(text: &str) -> String {
    let replaced: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    replaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session() -> Session {
        Session::new("Essai", Vec::new(), 4, 3, 20).expect("valid session")
    }

    #[test]
    fn ids_are_never_reused() {
        let mut s = session();
        let now = Utc::now();
        let a = s.add_proposal(1, 1, Kind::Condition, "un", now).expect("added");
        let b = s.add_proposal(1, 1, Kind::Condition, "deux", now).expect("added");
        s.remove_proposal(b).expect("removed");
        let c = s.add_proposal(1, 1, Kind::Condition, "trois", now).expect("added");
        assert!(a < b && b < c);
    }

    #[test]
    fn bad_proposals_are_refused_and_change_nothing() {
        let mut s = session();
        let now = Utc::now();
        assert_eq!(s.add_proposal(9, 1, Kind::Condition, "x", now), Err(SessionError::NoSuchTable(9)));
        assert_eq!(
            s.add_proposal(1, 4, Kind::Condition, "x", now),
            Err(SessionError::NoSuchRound { round: 4, rounds: 3 })
        );
        assert_eq!(s.add_proposal(1, 1, Kind::Condition, " \t\u{1b} ", now), Err(SessionError::EmptyText));
        assert!(s.proposals.is_empty());
    }

    #[test]
    fn ids_from_a_hand_edited_file_never_overflow() {
        let mut s = session();
        let now = Utc::now();
        s.add_proposal(1, 1, Kind::Condition, "un", now).expect("added");
        s.proposals[0].id = ProposalId(u64::MAX);
        s.next_id = u64::MAX;
        assert!(s.add_proposal(1, 1, Kind::Condition, "deux", now).is_ok());
    }

    #[test]
    fn the_current_round_follows_the_clock() {
        let mut s = session();
        let now = Utc::now();
        assert_eq!(s.current_round(), 1);
        s.clock.next(&s.schedule.clone(), now, false);
        assert_eq!(s.current_round(), 1, "moving after round 1");
        s.clock.next(&s.schedule.clone(), now, false);
        assert_eq!(s.current_round(), 2);
        s.clock.go_to(&s.schedule.clone(), 99, now, false);
        assert_eq!(s.current_round(), 3, "harvest");
        s.clock.phase = 42;
        assert_eq!(s.current_round(), 3, "a clock beyond the schedule");
    }

    #[test]
    fn a_session_needs_tables_and_rounds() {
        assert_eq!(Session::new("x", Vec::new(), 0, 3, 20), Err(SessionError::NoTables));
        assert_eq!(Session::new("x", Vec::new(), 2, 0, 20), Err(SessionError::NoRounds));
        assert_eq!(Session::new(" \t\n", Vec::new(), 2, 3, 20), Err(SessionError::EmptyTitle));
        assert_eq!(
            Session::new(" Café\ndu  savoir ", Vec::new(), 2, 3, 20).map(|s| s.title),
            Ok("Café du savoir".into())
        );
        assert_eq!(
            Session::new("x", Vec::new(), u32::MAX, 3, 20),
            Err(SessionError::TooManyTables(MAX_TABLES))
        );
        assert_eq!(
            Session::new("x", Vec::new(), 2, u32::MAX, 20),
            Err(SessionError::TooManyRounds(MAX_ROUNDS))
        );
        assert_eq!(
            Session::new("x", Vec::new(), 2, 3, u32::MAX),
            Err(SessionError::TooLong(MAX_ROUND_MINUTES))
        );
        assert!(Session::new("x", Vec::new(), MAX_TABLES, MAX_ROUNDS, MAX_ROUND_MINUTES).is_ok());
    }

    #[test]
    fn control_characters_become_spaces() {
        assert_eq!(clean_text(" a\tb\u{7}c\r\n "), "a b c");
    }
}
