//! Rotation planning: who sits at which table each round, so that everyone meets the
//! most new people. Hosts stay at their table; table sizes differ by at most one; nobody
//! visits the same table twice (while rounds ≤ tables); then colleagues sit apart; then
//! the fewest people meet again. This is the social golfer problem with hosts: a greedy
//! construction ([`construct`]) then a tabu search on the conflicts ([`search`]), with a
//! [`report`] of the result against lower bounds.
//!
//! Architecture invariant: pure and deterministic for a given seed; no IO.

pub mod construct;
pub mod model;
pub mod report;
pub mod rng;
pub mod search;

use crate::domain::{Participant, RotationPlan, Session};

pub use model::{CrowdedTables, Instance, PlanError};
pub use report::{Breach, Reason, Report, Rule};
pub use search::{Effort, SearchStats};

/// The seed used when none is given, so that the same session gives the same plan.
pub const DEFAULT_SEED: u64 = 2018;

/// A plan and its quality report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub plan: RotationPlan,
    pub report: Report,
    pub search: SearchStats,
}

/// The people to seat: the session's participants, or, when only their count is
/// known, numbered people named by the caller (`Participant 12` in the user's
/// language).
pub fn people(session: &Session, numbered: impl Fn(u32) -> String) -> Vec<Participant> {
    if !session.participants.is_empty() {
        return session.participants.clone();
    }
    (1..=session.participant_count.unwrap_or(0))
        .map(|n| Participant { name: numbered(n), organisation: String::new(), host_of: None })
        .collect()
}

/// Replaces the participants of a session. A table without a host name takes the name
/// of the person who hosts it; a stored plan is dropped when the people change, since
/// it was made for others.
pub fn set_participants(session: &mut Session, participants: Vec<Participant>) {
    for person in &participants {
        if let Some(table) = person.host_of.and_then(|n| session.table_mut(n))
            && table.host.trim().is_empty()
        {
            table.host = person.name.clone();
        }
    }
    if session.participants != participants {
        session.rotation = None;
    }
    session.participants = participants;
}

/// Plans the rotation of a session's people over its tables and rounds. Names play no
/// part in seating: people known only by their count are seated by number.
pub fn plan_session(session: &Session, seed: u64, effort: Effort) -> Result<Planned, PlanError> {
    let tables: Vec<u32> = session.tables.iter().map(|t| t.number).collect();
    plan(&people(session, by_number), &tables, session.schedule.rounds() as usize, seed, effort)
}

/// The name of a person known only by their number, for seating.
fn by_number(n: u32) -> String {
    format!("#{n}")
}

/// Plans who sits where: `plan.seats[p][r]` is the table number of `people[p]` in round
/// `r + 1`. Refuses bad input; a plan that breaks a hard rule says which and why in its
/// report.
pub fn plan(
    people: &[Participant],
    tables: &[u32],
    rounds: usize,
    seed: u64,
    effort: Effort,
) -> Result<Planned, PlanError> {
    let instance = Instance::new(people, tables, rounds)?;
    let mut rng = rng::Rng::new(seed);
    let first = construct::greedy(&instance, &mut rng);
    let target = target_cost(&instance);
    let (seats, search) = search::improve(&instance, first, target, effort, &mut rng);
    Ok(Planned {
        plan: to_plan(&instance, &seats, seed),
        report: Report::evaluate(&instance, &seats),
        search,
    })
}

/// The cost of a plan at every lower bound: where the search may stop.
fn target_cost(instance: &Instance) -> i64 {
    let organisation = report::organisation_lower_bound(instance);
    let encounters = report::encounter_lower_bound(instance, &instance.hosts_per_table(), organisation == 0);
    organisation as i64 * search::ORGANISATION_WEIGHT + encounters as i64
}

/// Turns `seats[r][p]` (table indices) into the stored plan (table numbers per person).
pub fn to_plan(instance: &Instance, seats: &[Vec<usize>], seed: u64) -> RotationPlan {
    let seats =
        (0..instance.people()).map(|p| seats.iter().map(|row| instance.tables[row[p]]).collect()).collect();
    RotationPlan { seed, seats }
}

/// Whether a stored plan still fits the session: one row per person, one existing table
/// per round, hosts at their tables, and table sizes as even as the current tables allow
/// (a table added or removed since the plan was made shows there).
pub fn plan_fits(session: &Session, plan: &RotationPlan) -> bool {
    let people = people(session, by_number);
    let rounds = session.schedule.rounds() as usize;
    let tables: Vec<u32> = session.tables.iter().map(|t| t.number).collect();
    let shape_fits = plan.seats.len() == people.len()
        && !people.is_empty()
        && plan.seats.iter().all(|row| row.len() == rounds && row.iter().all(|t| tables.contains(t)));
    if !shape_fits {
        return false;
    }
    let hosts_stay = people
        .iter()
        .zip(&plan.seats)
        .all(|(person, row)| person.host_of.is_none_or(|table| row.iter().all(|&t| t == table)));
    let Ok(instance) = Instance::new(&people, &tables, rounds) else { return false };
    let host_counts = instance.hosts_per_table();
    let spread =
        |sizes: &[usize]| sizes.iter().copied().max().unwrap_or(0) - sizes.iter().copied().min().unwrap_or(0);
    let allowed = (0..rounds)
        .map(|r| spread(&(0..tables.len()).map(|t| instance.size(r, t, &host_counts)).collect::<Vec<_>>()))
        .max()
        .unwrap_or(0)
        .max(1);
    let sizes_fit = (0..rounds).all(|r| {
        let sizes: Vec<usize> =
            instance.tables.iter().map(|&t| plan.seats.iter().filter(|row| row[r] == t).count()).collect();
        spread(&sizes) <= allowed
    });
    hosts_stay && sizes_fit
}

#[cfg(test)]
mod tests {
    use super::*;

    fn café(people: usize, tables: u32) -> (Vec<Participant>, Vec<u32>) {
        let list = (0..people)
            .map(|i| Participant {
                name: format!("Personne {i}"),
                organisation: format!("Org {}", i % (people / 2).max(1)),
                host_of: (i < tables as usize).then_some(i as u32 + 1),
            })
            .collect();
        (list, (1..=tables).collect())
    }

    #[test]
    fn same_seed_same_plan() {
        let (people, tables) = café(30, 4);
        let effort = Effort { max_evaluations: 300_000, stall_iterations: 200 };
        let a = plan(&people, &tables, 3, 9, effort).expect("plan");
        let b = plan(&people, &tables, 3, 9, effort).expect("plan");
        assert_eq!(a, b);
        assert!(a.report.hard_rules_hold(), "{:?}", a.report.breaches);
        assert_eq!(a.report.organisation_pairs, a.report.organisation_lower_bound);
    }

    #[test]
    fn count_only_sessions_get_numbered_people() {
        let mut session = Session::new("Café", Vec::new(), 3, 2, 20).expect("session");
        session.participant_count = Some(10);
        let planned = plan_session(&session, 1, Effort::default()).expect("plan");
        assert_eq!(planned.plan.seats.len(), 10);
        assert!(plan_fits(&session, &planned.plan));
        // A table added since: the plan no longer fits.
        session.add_table(4, "").expect("added");
        assert!(!plan_fits(&session, &planned.plan));
        assert_eq!(people(&session, |n| format!("P{n}"))[11 - 2].name, "P10");
    }
}
