//! Local search on the conflicts, after Dotú and Van Hentenryck ("Scheduling social
//! golfers locally", CPAIOR 2005): the only move swaps two travellers who sit at
//! different tables in the same round, so hosts and table sizes never change; a move
//! must involve a traveller in conflict (a table visited again, a colleague at the same
//! table, or someone met before); the best non-tabu swap is taken even when it makes
//! things worse, a swapped traveller may not go back to the table they left for a few
//! iterations (random tenure), a tabu move is allowed when it beats the best plan
//! found (aspiration), and after a long stall the search restarts from the best plan
//! with a few random swaps.
//!
//! The cost is lexicographic, through weights: repeated table visits first, then
//! same-organisation co-seatings, then repeated encounters. The search stops at the
//! lower bound or when its budget of evaluated swaps is spent, never on a clock, so the
//! plan depends only on the seed.

use super::model::Instance;
use super::rng::Rng;

/// Weight of one repeated table visit (a broken hard rule).
pub const VISIT_WEIGHT: i64 = 1 << 40;
/// Weight of one pair of colleagues at the same table in one round.
pub const ORGANISATION_WEIGHT: i64 = 1 << 20;

/// Marks a person not yet seated in a round.
const UNSEATED: usize = usize::MAX;

/// How much work the search may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Effort {
    /// Swaps evaluated before giving up on reaching the lower bound.
    pub max_evaluations: u64,
    /// Iterations without a better plan before restarting from the best one.
    pub stall_iterations: usize,
}

impl Default for Effort {
    fn default() -> Self {
        Effort { max_evaluations: 6_000_000, stall_iterations: 400 }
    }
}

/// What the search did, for the benchmarks and the curious.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SearchStats {
    pub iterations: u64,
    pub evaluations: u64,
    /// Whether the search stopped because it reached the lower bounds.
    pub reached_bound: bool,
}

/// A (possibly partial) seating with the counters that make a swap's cost cheap to
/// compute: meetings per pair, visits per person and table, colleagues per table.
#[derive(Debug, Clone)]
pub struct Seating<'a> {
    instance: &'a Instance,
    people: usize,
    tables: usize,
    organisations: usize,
    /// `seat[r][p]`: table index of person `p` in round `r`.
    seat: Vec<Vec<usize>>,
    /// `members[r][t]`: the people at table `t` in round `r`.
    members: Vec<Vec<Vec<usize>>>,
    /// `position[r][p]`: where `p` is in `members[r][seat[r][p]]`.
    position: Vec<Vec<usize>>,
    meetings: Vec<u16>,
    visits: Vec<u16>,
    colleagues: Vec<u16>,
    repeated_visits: usize,
    organisation_pairs: usize,
    repeated_encounters: usize,
}

impl<'a> Seating<'a> {
    /// Hosts at their tables, everyone else not yet seated.
    pub fn with_hosts(instance: &'a Instance) -> Seating<'a> {
        let people = instance.people();
        let tables = instance.table_count();
        let rounds = instance.rounds;
        let organisations = instance.organisation.iter().flatten().max().map_or(0, |&o| o + 1);
        let mut seating = Seating {
            instance,
            people,
            tables,
            organisations,
            seat: vec![vec![UNSEATED; people]; rounds],
            members: vec![vec![Vec::new(); tables]; rounds],
            position: vec![vec![0; people]; rounds],
            meetings: vec![0; people * people],
            visits: vec![0; people * tables],
            colleagues: vec![0; rounds * tables * organisations.max(1)],
            repeated_visits: 0,
            organisation_pairs: 0,
            repeated_encounters: 0,
        };
        for round in 0..rounds {
            for person in 0..people {
                if let Some(table) = instance.host_table[person] {
                    seating.place(round, person, table);
                }
            }
        }
        seating
    }

    /// A complete seating, `seats[r][p]` being a table index.
    pub fn from_seats(instance: &'a Instance, seats: &[Vec<usize>]) -> Seating<'a> {
        let mut seating = Seating::with_hosts(instance);
        for (round, row) in seats.iter().enumerate() {
            for &person in &instance.travellers {
                seating.place(round, person, row[person]);
            }
        }
        seating
    }

    pub fn seats(&self) -> &[Vec<usize>] {
        &self.seat
    }

    pub fn into_seats(self) -> Vec<Vec<usize>> {
        self.seat
    }

    /// Travellers seated at a table in a round so far.
    pub fn seated_travellers(&self, round: usize, table: usize) -> usize {
        self.members[round][table].iter().filter(|&&p| self.instance.host_table[p].is_none()).count()
    }

    pub fn has_visited(&self, person: usize, table: usize) -> bool {
        self.visits[person * self.tables + table] > 0
    }

    /// The weighted cost: repeated visits, then colleagues together, then encounters.
    pub fn cost(&self) -> i64 {
        self.repeated_visits as i64 * VISIT_WEIGHT
            + self.organisation_pairs as i64 * ORGANISATION_WEIGHT
            + self.repeated_encounters as i64
    }

    fn colleague_slot(&self, round: usize, table: usize, organisation: usize) -> usize {
        (round * self.tables + table) * self.organisations + organisation
    }

    fn meetings_of(&self, a: usize, b: usize) -> u16 {
        self.meetings[a * self.people + b]
    }

    fn add_meeting(&mut self, a: usize, b: usize, change: i32) {
        let before = self.meetings[a * self.people + b];
        let after = (i32::from(before) + change) as u16;
        self.meetings[a * self.people + b] = after;
        self.meetings[b * self.people + a] = after;
        self.repeated_encounters = self.repeated_encounters + usize::from(after.saturating_sub(1))
            - usize::from(before.saturating_sub(1));
    }

    /// The weighted cost of seating `person` at `table` in `round`, given who sits there.
    pub fn placement_cost(&self, round: usize, person: usize, table: usize) -> i64 {
        let allowed = self.instance.visits_allowed as u16;
        let mut cost = 0;
        if self.visits[person * self.tables + table] >= allowed {
            cost += VISIT_WEIGHT;
        }
        if let Some(organisation) = self.instance.organisation[person] {
            cost += i64::from(self.colleagues[self.colleague_slot(round, table, organisation)])
                * ORGANISATION_WEIGHT;
        }
        for &other in &self.members[round][table] {
            if self.meetings_of(person, other) >= 1 {
                cost += 1;
            }
        }
        cost
    }

    /// Seats a person (not yet seated in this round) at a table.
    pub fn place(&mut self, round: usize, person: usize, table: usize) {
        debug_assert_eq!(self.seat[round][person], UNSEATED);
        let allowed = self.instance.visits_allowed as u16;
        if self.instance.host_table[person].is_none() {
            let visits = &mut self.visits[person * self.tables + table];
            if *visits >= allowed {
                self.repeated_visits += 1;
            }
            *visits += 1;
        }
        if let Some(organisation) = self.instance.organisation[person] {
            let slot = self.colleague_slot(round, table, organisation);
            self.organisation_pairs += usize::from(self.colleagues[slot]);
            self.colleagues[slot] += 1;
        }
        for i in 0..self.members[round][table].len() {
            let other = self.members[round][table][i];
            self.add_meeting(person, other, 1);
        }
        self.seat[round][person] = table;
        self.position[round][person] = self.members[round][table].len();
        self.members[round][table].push(person);
    }

    /// The change of cost if travellers `a` and `b` (at different tables) swap seats in
    /// `round`.
    pub fn swap_delta(&self, round: usize, a: usize, b: usize) -> i64 {
        let table_a = self.seat[round][a];
        let table_b = self.seat[round][b];
        let allowed = self.instance.visits_allowed as u16;
        let visits = |p: usize, t: usize| self.visits[p * self.tables + t];
        let mut repeated_visits = 0i64;
        repeated_visits -= i64::from(visits(a, table_a) > allowed) + i64::from(visits(b, table_b) > allowed);
        repeated_visits +=
            i64::from(visits(a, table_b) >= allowed) + i64::from(visits(b, table_a) >= allowed);
        let organisation_a = self.instance.organisation[a];
        let organisation_b = self.instance.organisation[b];
        let mut pairs = 0i64;
        if organisation_a != organisation_b {
            let count = |t: usize, o: usize| i64::from(self.colleagues[self.colleague_slot(round, t, o)]);
            if let Some(o) = organisation_a {
                pairs += count(table_b, o) - (count(table_a, o) - 1);
            }
            if let Some(o) = organisation_b {
                pairs += count(table_a, o) - (count(table_b, o) - 1);
            }
        }
        let mut encounters = 0i64;
        for &x in &self.members[round][table_a] {
            if x != a {
                encounters -= i64::from(self.meetings_of(a, x) >= 2);
                encounters += i64::from(self.meetings_of(b, x) >= 1);
            }
        }
        for &y in &self.members[round][table_b] {
            if y != b {
                encounters -= i64::from(self.meetings_of(b, y) >= 2);
                encounters += i64::from(self.meetings_of(a, y) >= 1);
            }
        }
        repeated_visits * VISIT_WEIGHT + pairs * ORGANISATION_WEIGHT + encounters
    }

    /// Swaps the seats of travellers `a` and `b` in `round`.
    pub fn swap(&mut self, round: usize, a: usize, b: usize) {
        let table_a = self.seat[round][a];
        let table_b = self.seat[round][b];
        self.unseat(round, a);
        self.unseat(round, b);
        self.place(round, a, table_b);
        self.place(round, b, table_a);
    }

    fn unseat(&mut self, round: usize, person: usize) {
        let table = self.seat[round][person];
        let index = self.position[round][person];
        self.members[round][table].swap_remove(index);
        if let Some(&moved) = self.members[round][table].get(index) {
            self.position[round][moved] = index;
        }
        self.seat[round][person] = UNSEATED;
        for i in 0..self.members[round][table].len() {
            let other = self.members[round][table][i];
            self.add_meeting(person, other, -1);
        }
        if let Some(organisation) = self.instance.organisation[person] {
            let slot = self.colleague_slot(round, table, organisation);
            self.colleagues[slot] -= 1;
            self.organisation_pairs -= usize::from(self.colleagues[slot]);
        }
        let allowed = self.instance.visits_allowed as u16;
        if self.instance.host_table[person].is_none() {
            let visits = &mut self.visits[person * self.tables + table];
            *visits -= 1;
            if *visits >= allowed {
                self.repeated_visits -= 1;
            }
        }
    }

    /// Whether a traveller is part of a conflict in a round.
    fn in_conflict(&self, round: usize, person: usize) -> bool {
        let table = self.seat[round][person];
        if usize::from(self.visits[person * self.tables + table]) > self.instance.visits_allowed {
            return true;
        }
        if let Some(o) = self.instance.organisation[person]
            && self.colleagues[self.colleague_slot(round, table, o)] > 1
        {
            return true;
        }
        self.members[round][table].iter().any(|&x| x != person && self.meetings_of(person, x) >= 2)
    }
}

/// Improves a complete seating until its cost reaches `target` or the effort is spent;
/// returns the best seating found (`seats[r][p]` = table index).
pub fn improve(
    instance: &Instance,
    seats: Vec<Vec<usize>>,
    target: i64,
    effort: Effort,
    rng: &mut Rng,
) -> (Vec<Vec<usize>>, SearchStats) {
    let travellers = &instance.travellers;
    if travellers.len() < 2 || instance.table_count() < 2 {
        let reached_bound = Seating::from_seats(instance, &seats).cost() <= target;
        return (seats, SearchStats { reached_bound, ..SearchStats::default() });
    }
    let mut current = Seating::from_seats(instance, &seats);
    let mut best_cost = current.cost();
    let mut best = seats;
    let rounds = instance.rounds;
    let tables = instance.table_count();
    let mut tabu_until = vec![0u64; rounds * instance.people() * tables];
    let tabu_slot = |r: usize, p: usize, t: usize| (r * instance.people() + p) * tables + t;
    let max_tenure = 10 + travellers.len() / 8;
    let mut evaluations = 0u64;
    let mut stall = 0usize;
    let mut iteration = 0u64;
    const CANDIDATES: usize = 24;
    let mut conflicts = Vec::new();
    while best_cost > target && evaluations < effort.max_evaluations {
        iteration += 1;
        conflicts.clear();
        for round in 0..rounds {
            for &p in travellers {
                if current.in_conflict(round, p) {
                    conflicts.push((round, p));
                }
            }
        }
        if conflicts.is_empty() {
            break;
        }
        if conflicts.len() > CANDIDATES {
            for i in 0..CANDIDATES {
                let j = i + rng.below(conflicts.len() - i);
                conflicts.swap(i, j);
            }
            conflicts.truncate(CANDIDATES);
        }
        let cost = current.cost();
        let mut chosen: Option<(usize, usize, usize)> = None;
        let mut chosen_delta = i64::MAX;
        let mut ties = 0usize;
        for &(round, a) in &conflicts {
            let table_a = current.seat[round][a];
            for &b in travellers {
                let table_b = current.seat[round][b];
                if table_b == table_a {
                    continue;
                }
                evaluations += 1;
                let delta = current.swap_delta(round, a, b);
                let tabu = tabu_until[tabu_slot(round, a, table_b)] > iteration
                    || tabu_until[tabu_slot(round, b, table_a)] > iteration;
                if tabu && cost + delta >= best_cost {
                    continue;
                }
                if delta < chosen_delta {
                    chosen_delta = delta;
                    chosen = Some((round, a, b));
                    ties = 1;
                } else if delta == chosen_delta {
                    ties += 1;
                    if rng.below(ties) == 0 {
                        chosen = Some((round, a, b));
                    }
                }
            }
        }
        let (round, a, b) = match chosen {
            Some(mv) => mv,
            None => {
                let (round, a) = conflicts[rng.below(conflicts.len())];
                let b = travellers[rng.below(travellers.len())];
                if current.seat[round][a] == current.seat[round][b] {
                    continue;
                }
                (round, a, b)
            }
        };
        let (table_a, table_b) = (current.seat[round][a], current.seat[round][b]);
        current.swap(round, a, b);
        tabu_until[tabu_slot(round, a, table_a)] = iteration + rng.between(2, max_tenure) as u64;
        tabu_until[tabu_slot(round, b, table_b)] = iteration + rng.between(2, max_tenure) as u64;
        let cost = current.cost();
        if cost < best_cost {
            best_cost = cost;
            best.clone_from(&current.seat);
            stall = 0;
        } else {
            stall += 1;
        }
        if stall > effort.stall_iterations {
            stall = 0;
            current = Seating::from_seats(instance, &best);
            tabu_until.iter_mut().for_each(|t| *t = 0);
            for _ in 0..3 {
                let round = rng.below(rounds);
                let a = travellers[rng.below(travellers.len())];
                let b = travellers[rng.below(travellers.len())];
                if current.seat[round][a] != current.seat[round][b] {
                    current.swap(round, a, b);
                }
            }
        }
    }
    (best, SearchStats { iterations: iteration, evaluations, reached_bound: best_cost <= target })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Participant;

    fn instance(people: usize, tables: u32, rounds: usize) -> Instance {
        let people: Vec<Participant> = (0..people)
            .map(|i| Participant {
                name: format!("P{i}"),
                organisation: format!("O{}", i % 5),
                host_of: (i < tables as usize).then_some(i as u32 + 1),
            })
            .collect();
        let tables: Vec<u32> = (1..=tables).collect();
        Instance::new(&people, &tables, rounds).expect("valid")
    }

    /// The incremental counters agree with a seating rebuilt from scratch after swaps.
    #[test]
    fn swap_delta_matches_recomputed_cost() {
        let instance = instance(23, 4, 3);
        let mut rng = Rng::new(3);
        let seats = super::super::construct::random(&instance, &mut rng);
        let mut seating = Seating::from_seats(&instance, &seats);
        for _ in 0..300 {
            let round = rng.below(3);
            let a = instance.travellers[rng.below(instance.travellers.len())];
            let b = instance.travellers[rng.below(instance.travellers.len())];
            if seating.seat[round][a] == seating.seat[round][b] {
                continue;
            }
            let before = seating.cost();
            let delta = seating.swap_delta(round, a, b);
            seating.swap(round, a, b);
            assert_eq!(seating.cost(), before + delta);
            let rebuilt = Seating::from_seats(&instance, seating.seats());
            assert_eq!(rebuilt.cost(), seating.cost());
        }
    }

    /// The search's counters agree with the report, which recomputes from scratch.
    #[test]
    fn seating_cost_agrees_with_the_report() {
        let instance = instance(31, 4, 3);
        let mut rng = Rng::new(8);
        let seats = super::super::construct::random(&instance, &mut rng);
        let report = super::super::report::Report::evaluate(&instance, &seats);
        let expected = report.repeated_visits as i64 * VISIT_WEIGHT
            + report.organisation_pairs as i64 * ORGANISATION_WEIGHT
            + report.repeated_encounters as i64;
        assert_eq!(Seating::from_seats(&instance, &seats).cost(), expected);
    }

    #[test]
    fn search_never_makes_the_plan_worse() {
        let instance = instance(40, 5, 4);
        let mut rng = Rng::new(11);
        let seats = super::super::construct::random(&instance, &mut rng);
        let before = Seating::from_seats(&instance, &seats).cost();
        let effort = Effort { max_evaluations: 200_000, stall_iterations: 100 };
        let (improved, _) = improve(&instance, seats, 0, effort, &mut rng);
        let after = Seating::from_seats(&instance, &improved).cost();
        assert!(after < before, "{after} !< {before}");
    }
}
