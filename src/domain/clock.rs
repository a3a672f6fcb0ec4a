//! The round timer: which phase the workshop is in (a round, the move between rounds,
//! the harvest) and how much time is left. Pure: every function takes `now`.
//!
//! The persisted state is enough to resume after the session is reopened: a running
//! clock stores when it last started and what remained then, and what was left of each
//! phase the facilitator left by hand, so that going back to it gives that time back.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::schedule::Schedule;

/// What happens during a phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum PhaseKind {
    /// Tables talk (1-based round number).
    Round(u32),
    /// People move to their next table, after the given round.
    Move(u32),
    /// The plenary harvest of the synthèse.
    Harvest,
}

/// One timed phase of the workshop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phase {
    pub kind: PhaseKind,
    pub duration_ms: i64,
}

/// The phases of a schedule in order: round 1, move, round 2, move, …, last round,
/// harvest. A move phase of zero minutes is left out.
pub fn phases(schedule: &Schedule) -> Vec<Phase> {
    let mut out = Vec::new();
    let count = schedule.round_minutes.len();
    for (i, minutes) in schedule.round_minutes.iter().enumerate() {
        let round = i as u32 + 1;
        out.push(Phase { kind: PhaseKind::Round(round), duration_ms: minutes_ms(*minutes) });
        if i + 1 < count && schedule.move_minutes > 0 {
            out.push(Phase { kind: PhaseKind::Move(round), duration_ms: minutes_ms(schedule.move_minutes) });
        }
    }
    out.push(Phase { kind: PhaseKind::Harvest, duration_ms: minutes_ms(schedule.harvest_minutes) });
    out
}

fn minutes_ms(minutes: u32) -> i64 {
    i64::from(minutes) * 60_000
}

/// Whole seconds of `remaining_ms`, rounded up; 0 once overdue.
pub fn seconds_left(remaining_ms: i64) -> i64 {
    if remaining_ms <= 0 { 0 } else { remaining_ms.saturating_add(999) / 1000 }
}

/// The clock's persisted state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Clock {
    /// Index into [`phases`].
    pub phase: usize,
    /// When the clock was last started or resumed; `None` while stopped or paused.
    #[serde(default)]
    pub running_since: Option<DateTime<Utc>>,
    /// Milliseconds left at `running_since` (or now, when paused); `None` before the
    /// phase was ever started, meaning its whole duration is left.
    #[serde(default)]
    pub remaining_ms: Option<i64>,
    /// What was left of each phase left by hand before its end (milliseconds, by
    /// phase), given back when the facilitator moves back to it. Kept by what the phase
    /// is rather than by its index, so that a change of schedule cannot hand a round's
    /// time to a move.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub left_in_phase: BTreeMap<PhaseKind, i64>,
}

impl Clock {
    /// Is the countdown running?
    pub fn is_running(&self) -> bool {
        self.running_since.is_some()
    }

    /// Milliseconds left in the current phase at `now` (negative once overdue).
    pub fn remaining_ms(&self, schedule: &Schedule, now: DateTime<Utc>) -> i64 {
        let base = self.remaining_ms.unwrap_or_else(|| self.current(schedule).map_or(0, |p| p.duration_ms));
        match self.running_since {
            Some(since) => base.saturating_sub((now - since).num_milliseconds().max(0)),
            None => base,
        }
    }

    /// Whole seconds left in the current phase at `now`, rounded up (a clock showing
    /// `00:00` has ended); 0 once overdue. Every display of the time left uses this.
    pub fn seconds_left(&self, schedule: &Schedule, now: DateTime<Utc>) -> i64 {
        seconds_left(self.remaining_ms(schedule, now))
    }

    /// The current phase, if the schedule has one at this index.
    pub fn current(&self, schedule: &Schedule) -> Option<Phase> {
        phases(schedule).get(self.phase).copied()
    }

    /// Starts or resumes the countdown. Does nothing if it is already running.
    pub fn start(&mut self, schedule: &Schedule, now: DateTime<Utc>) {
        if self.running_since.is_none() {
            self.remaining_ms = Some(self.remaining_ms(schedule, now));
            self.running_since = Some(now);
        }
    }

    /// Pauses the countdown, keeping what is left.
    pub fn pause(&mut self, schedule: &Schedule, now: DateTime<Utc>) {
        if self.running_since.is_some() {
            self.remaining_ms = Some(self.remaining_ms(schedule, now));
            self.running_since = None;
        }
    }

    /// Adds (or with a negative value removes) time from the current phase.
    /// The remaining time never goes below zero through an adjustment.
    pub fn adjust(&mut self, schedule: &Schedule, now: DateTime<Utc>, delta_ms: i64) {
        let left = self.remaining_ms(schedule, now);
        self.remaining_ms = Some(left.saturating_add(delta_ms).max(0));
        if self.running_since.is_some() {
            self.running_since = Some(now);
        }
    }

    /// Goes to the phase at `index` (clamped to the schedule), stopped at its full
    /// duration unless `keep_running`, in which case it starts at `now`.
    pub fn go_to(&mut self, schedule: &Schedule, index: usize, now: DateTime<Utc>, keep_running: bool) {
        let last = phases(schedule).len().saturating_sub(1);
        self.phase = index.min(last);
        self.remaining_ms = None;
        self.running_since = None;
        if keep_running {
            self.start(schedule, now);
        }
    }

    /// Next phase, by hand; returns false when already at the last one. What was left
    /// of the phase left is kept, and the next phase gets back what it had left if it
    /// was left by hand before.
    pub fn next(&mut self, schedule: &Schedule, now: DateTime<Utc>, keep_running: bool) -> bool {
        if self.phase + 1 >= phases(schedule).len() {
            return false;
        }
        self.move_by_hand(schedule, self.phase + 1, now, keep_running);
        true
    }

    /// Goes to the phase at `index` by hand (see [`Clock::next`]).
    fn move_by_hand(&mut self, schedule: &Schedule, index: usize, now: DateTime<Utc>, keep_running: bool) {
        if let Some(left) = self.remaining_ms.map(|_| self.remaining_ms(schedule, now))
            && let Some(phase) = self.current(schedule)
        {
            self.left_in_phase.insert(phase.kind, left.max(0));
        }
        self.go_to(schedule, index, now, false);
        if let Some(kept) = self.current(schedule).and_then(|phase| self.left_in_phase.remove(&phase.kind)) {
            self.remaining_ms = Some(kept);
        }
        if keep_running {
            self.start(schedule, now);
        }
    }

    /// Brings a running clock up to `now` when the schedule advances by itself: each
    /// phase that has ended is followed by the next, started at the moment the previous
    /// one ended, until the current phase has time left or the last phase is reached.
    /// Does nothing to a stopped clock or a schedule that waits for the facilitator.
    /// Returns whether the phase changed.
    pub fn catch_up(&mut self, schedule: &Schedule, now: DateTime<Utc>) -> bool {
        if !schedule.auto_advance || !self.is_running() {
            return false;
        }
        let last = phases(schedule).len().saturating_sub(1);
        let mut advanced = false;
        loop {
            let left = self.remaining_ms(schedule, now);
            if left > 0 || self.phase >= last {
                return advanced;
            }
            let ended_at = now + chrono::Duration::milliseconds(left);
            self.go_to(schedule, self.phase + 1, ended_at, true);
            advanced = true;
        }
    }

    /// Previous phase, by hand, stopped; returns false when already at the first one.
    /// What was left is kept and given back as by [`Clock::next`].
    pub fn previous(&mut self, schedule: &Schedule, now: DateTime<Utc>) -> bool {
        if self.phase == 0 {
            return false;
        }
        self.move_by_hand(schedule, self.phase - 1, now, false);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn schedule() -> Schedule {
        Schedule {
            round_minutes: vec![20, 20, 20],
            move_minutes: 2,
            harvest_minutes: 30,
            ..Schedule::default()
        }
    }

    fn at(secs: i64) -> DateTime<Utc> {
        Utc.timestamp_opt(1_542_200_000 + secs, 0).single().expect("valid time")
    }

    #[test]
    fn phases_interleave_moves_and_end_with_harvest() {
        let kinds: Vec<PhaseKind> = phases(&schedule()).iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            vec![
                PhaseKind::Round(1),
                PhaseKind::Move(1),
                PhaseKind::Round(2),
                PhaseKind::Move(2),
                PhaseKind::Round(3),
                PhaseKind::Harvest
            ]
        );
    }

    #[test]
    fn running_pausing_and_resuming_keeps_the_remaining_time() {
        let s = schedule();
        let mut c = Clock::default();
        assert_eq!(c.remaining_ms(&s, at(0)), 20 * 60_000);
        c.start(&s, at(0));
        assert_eq!(c.remaining_ms(&s, at(60)), 19 * 60_000);
        c.pause(&s, at(60));
        assert_eq!(c.remaining_ms(&s, at(600)), 19 * 60_000);
        c.start(&s, at(600));
        assert_eq!(c.remaining_ms(&s, at(660)), 18 * 60_000);
        c.adjust(&s, at(660), 60_000);
        assert_eq!(c.remaining_ms(&s, at(660)), 19 * 60_000);
        c.adjust(&s, at(660), -100 * 60_000);
        assert_eq!(c.remaining_ms(&s, at(660)), 0);
    }

    #[test]
    fn extreme_values_of_a_hand_edited_file_do_not_overflow() {
        let s = schedule();
        let mut c = Clock {
            phase: 0,
            running_since: Some(at(-1_000_000_000)),
            remaining_ms: Some(i64::MIN),
            ..Clock::default()
        };
        assert_eq!(c.remaining_ms(&s, at(1_000_000_000)), i64::MIN);
        c.adjust(&s, at(0), i64::MAX);
        c.adjust(&s, at(0), i64::MAX);
        assert!(c.remaining_ms(&s, at(0)) >= 0);
        let far = Clock { phase: usize::MAX, ..Clock::default() };
        assert_eq!(far.remaining_ms(&s, at(0)), 0);
    }

    #[test]
    fn catching_up_follows_every_phase_that_ended_meanwhile() {
        let s = Schedule { auto_advance: true, ..schedule() };
        let mut c = Clock::default();
        c.start(&s, at(0));
        // Round 1 (20 min), move (2), round 2 (20), move (2): 45 min is 1 min into round 3.
        assert!(c.catch_up(&s, at(45 * 60)));
        assert_eq!(c.current(&s).map(|p| p.kind), Some(PhaseKind::Round(3)));
        assert_eq!(c.remaining_ms(&s, at(45 * 60)), 19 * 60_000);
        assert!(!c.catch_up(&s, at(45 * 60)), "already caught up");
        // Long after the end, the harvest stays, overdue.
        assert!(c.catch_up(&s, at(10 * 3600)));
        assert_eq!(c.current(&s).map(|p| p.kind), Some(PhaseKind::Harvest));
        assert!(c.remaining_ms(&s, at(10 * 3600)) < 0);
        let mut waiting = Clock::default();
        waiting.start(&schedule(), at(0));
        assert!(!waiting.catch_up(&schedule(), at(45 * 60)), "the facilitator moves on by hand");
        assert_eq!(waiting.phase, 0);
    }

    #[test]
    fn a_phase_left_by_hand_gets_its_time_back_and_the_file_keeps_it() {
        let s = schedule();
        let mut c = Clock::default();
        c.start(&s, at(0));
        assert!(c.next(&s, at(4 * 60), true));
        assert_eq!(c.left_in_phase.get(&PhaseKind::Round(1)), Some(&(16 * 60_000)));
        assert_eq!(c.remaining_ms(&s, at(4 * 60 + 30)), 90_000, "the move runs from its start");
        let text = ron::to_string(&c).expect("writes");
        let read: Clock = ron::from_str(&text).expect("reads");
        assert_eq!(read, c);
        let mut c = read;
        assert!(c.previous(&s, at(5 * 60)));
        assert_eq!(c.remaining_ms(&s, at(6 * 60)), 16 * 60_000, "stopped, with what it had left");
        assert_eq!(c.left_in_phase.get(&PhaseKind::Move(1)), Some(&60_000));
        let older: Clock = ron::from_str("(phase: 2, remaining_ms: Some(5000))").expect("reads");
        assert!(older.left_in_phase.is_empty());
    }

    #[test]
    fn next_and_previous_stay_in_bounds() {
        let s = schedule();
        let mut c = Clock::default();
        assert!(!c.previous(&s, at(0)));
        for _ in 0..5 {
            assert!(c.next(&s, at(0), false));
        }
        assert!(!c.next(&s, at(0), false));
        assert_eq!(c.current(&s).map(|p| p.kind), Some(PhaseKind::Harvest));
    }
}
