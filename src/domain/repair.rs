//! What a session read from a file, or text typed or imported, is cleaned of before
//! use: control characters (C0 and C1, other than newline and tab) that could drive a
//! terminal or break a document, and a clock that does not make sense (a phase beyond
//! the schedule, a negative or absurd time left, a start in the future), and proposals
//! pointing to a table or a round the session does not have (the table is created, the
//! round brought into the schedule). Each repair is counted so that the user is told.

use chrono::{DateTime, Duration, Utc};

use super::clock::{Clock, phases};
use super::schedule::Schedule;
use super::session::Session;

/// The most time a phase can have left: a day (a hand-edited clock beyond that is
/// reset to the phase's own length).
const MAX_REMAINING_MS: i64 = 24 * 60 * 60 * 1000;

/// What [`Session::repair`] fixed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Repairs {
    /// Control characters removed from the session's texts.
    pub control_characters: usize,
    /// The clock was reset to something that makes sense.
    pub clock: bool,
    /// Proposals that pointed to a missing table (now created) or a round outside the
    /// schedule (now its nearest round).
    pub reattached: usize,
}

impl Repairs {
    pub fn is_empty(&self) -> bool {
        *self == Repairs::default()
    }
}

/// Whether `c` is a control character that has no place in a text (newline and tab
/// do).
pub fn is_stray_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// How many stray control characters `text` holds.
pub fn count_controls(text: &str) -> usize {
    text.chars().filter(|c| is_stray_control(*c)).count()
}

/// Removes the stray control characters of `text`; returns how many there were.
pub fn strip_controls(text: &mut String) -> usize {
    let count = count_controls(text);
    if count > 0 {
        text.retain(|c| !is_stray_control(c));
    }
    count
}

/// `text` with every stray control character written visibly (`\u{1b}`), for
/// messages that repeat what a file or a user gave.
pub fn escape_controls(text: &str) -> String {
    if count_controls(text) == 0 {
        return text.to_string();
    }
    text.chars()
        .map(|c| if is_stray_control(c) { c.escape_unicode().to_string() } else { c.to_string() })
        .collect()
}

impl Session {
    /// Cleans a session read from a file (see the module's documentation).
    pub fn repair(&mut self, now: DateTime<Utc>) -> Repairs {
        let mut removed = 0;
        let mut strip = |text: &mut String| removed += strip_controls(text);
        strip(&mut self.title);
        strip(&mut self.place);
        strip(&mut self.facilitator);
        for family in &mut self.families {
            strip(&mut family.title);
            strip(&mut family.title_en);
            strip(&mut family.description);
            family.conditions.iter_mut().for_each(&mut strip);
        }
        for table in &mut self.tables {
            strip(&mut table.name);
            strip(&mut table.question);
            strip(&mut table.host);
        }
        for proposal in &mut self.proposals {
            strip(&mut proposal.text);
        }
        for wording in &mut self.decisions.wordings {
            strip(&mut wording.text);
        }
        for person in &mut self.participants {
            strip(&mut person.name);
            strip(&mut person.organisation);
        }
        // Tombstones in order (a hand edit may have shuffled them): not worth a word.
        self.deleted.sort_unstable();
        self.deleted.dedup();
        let clock = self.clock.repair(&self.schedule, now);
        let reattached = self.reattach_proposals();
        Repairs { control_characters: removed, clock, reattached }
    }

    /// Gives every proposal a table and a round of the session; returns how many needed
    /// it. A table number that cannot be a table (0, above the limit) is left as it
    /// is: the proposal is then listed apart.
    fn reattach_proposals(&mut self) -> usize {
        let last_round = self.schedule.rounds().max(1);
        let mut count = 0;
        for index in 0..self.proposals.len() {
            let (table, round) = (self.proposals[index].table, self.proposals[index].round);
            let created = self.table(table).is_none() && self.add_table(table, "").is_ok();
            let clamped = round.clamp(1, last_round);
            if clamped != round {
                self.proposals[index].round = clamped;
            }
            if created || clamped != round {
                count += 1;
            }
        }
        count
    }
}

impl Clock {
    /// Resets what does not make sense; returns whether anything was.
    pub fn repair(&mut self, schedule: &Schedule, now: DateTime<Utc>) -> bool {
        let before = self.clone();
        let last = phases(schedule).len().saturating_sub(1);
        if self.phase > last {
            *self = Clock {
                phase: last,
                left_in_phase: std::mem::take(&mut self.left_in_phase),
                ..Clock::default()
            };
        }
        let kinds: Vec<_> = phases(schedule).iter().map(|phase| phase.kind).collect();
        self.left_in_phase.retain(|kind, left| kinds.contains(kind) && (0..=MAX_REMAINING_MS).contains(left));
        if let Some(left) = self.remaining_ms
            && !(0..=MAX_REMAINING_MS).contains(&left)
        {
            self.remaining_ms = if left < 0 && self.running_since.is_none() { Some(0) } else { None };
        }
        if self.running_since.is_some_and(|since| since > now + Duration::minutes(1)) {
            self.running_since = None;
        }
        *self != before
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Kind;
    use crate::domain::clock::PhaseKind;

    #[test]
    fn control_characters_are_removed_and_counted_newlines_and_tabs_kept() {
        let mut text = "a\u{1b}]0;x\u{7}b\n\tc\u{9b}".to_string();
        assert_eq!(strip_controls(&mut text), 3);
        assert_eq!(text, "a]0;xb\n\tc");
        assert_eq!(escape_controls("t\u{1b}[2J"), "t\\u{1b}[2J");
    }

    #[test]
    fn a_loaded_session_loses_its_control_characters_and_says_how_many() {
        let now = Utc::now();
        let mut s = Session::new("Essai", Vec::new(), 2, 3, 20).expect("valid session");
        s.add_proposal(1, 1, Kind::Condition, "propre", now).expect("added");
        s.proposals[0].text = "\u{1b}]0;titre\u{7}".into();
        s.title = "T\u{1b}[2J".into();
        assert_eq!(s.repair(now), Repairs { control_characters: 3, clock: false, reattached: 0 });
        assert_eq!((s.title.as_str(), s.proposals[0].text.as_str()), ("T[2J", "]0;titre"));
    }

    #[test]
    fn proposals_without_their_table_or_round_are_reattached() {
        let now = Utc::now();
        let mut s = Session::new("Essai", Vec::new(), 2, 3, 20).expect("valid session");
        s.add_proposal(1, 1, Kind::Condition, "un", now).expect("added");
        s.add_proposal(2, 2, Kind::Condition, "deux", now).expect("added");
        s.proposals[0].table = 7;
        s.proposals[1].round = 9;
        assert_eq!(s.repair(now).reattached, 2);
        assert!(s.table(7).is_some());
        assert_eq!(s.proposals[1].round, 3);
        assert_eq!(s.repair(now), Repairs::default(), "nothing left to repair");
    }

    #[test]
    fn a_clock_that_makes_no_sense_is_reset() {
        let now = Utc::now();
        let schedule = Schedule::default();
        let mut clock = Clock { phase: 99, remaining_ms: Some(5), ..Clock::default() };
        assert!(clock.repair(&schedule, now));
        assert_eq!(clock.phase, phases(&schedule).len() - 1);
        let mut negative = Clock { phase: 0, remaining_ms: Some(-774_000), ..Clock::default() };
        assert!(negative.repair(&schedule, now));
        assert_eq!(negative.remaining_ms(&schedule, now), 0);
        let mut future = Clock {
            phase: 0,
            running_since: Some(now + Duration::days(3)),
            remaining_ms: Some(60_000),
            ..Clock::default()
        };
        assert!(future.repair(&schedule, now));
        assert!(!future.is_running());
        let mut sound =
            Clock { phase: 1, running_since: Some(now), remaining_ms: Some(60_000), ..Clock::default() };
        sound.left_in_phase.insert(PhaseKind::Round(1), 90_000);
        assert!(!sound.repair(&schedule, now));
        let mut kept = sound.clone();
        kept.left_in_phase.insert(PhaseKind::Round(9), 60_000);
        kept.left_in_phase.insert(PhaseKind::Round(2), -1);
        assert!(kept.repair(&schedule, now), "time kept for no phase, or negative, is dropped");
        assert_eq!(kept, sound);
    }
}
