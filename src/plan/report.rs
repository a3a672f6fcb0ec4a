//! The quality report of a seating, recomputed from scratch (it never trusts the
//! search's counters): the hard rules and, when one is broken, which and why; repeated
//! table visits, same-organisation co-seatings, table sizes, repeated encounters and the
//! lower bounds they are compared with.
//!
//! Lower bounds (valid for the table sizes the planner chose, which are as even as the
//! hosts allow):
//!
//! - *colleagues*: in each round, each organisation's travellers are spread over the
//!   tables that seat travellers, one at a time at the table with the fewest of their
//!   colleagues (hosts included). For a convex cost this greedy spread is optimal, so
//!   no plan seats fewer colleagues together.
//! - *repeated encounters* (a pair meeting `m` times counts `m − 1`): the largest of
//!   (1) the number of meetings the table sizes force, `Σ C(size, 2)` over all tables
//!   and rounds, minus the number of pairs that can meet at all (hosts of different
//!   tables never meet, and, when no colleagues need to sit together, neither do
//!   colleagues); (2) half the sum, over people, of the meetings each person must have
//!   (`Σ (size − 1)` over the rounds, with the smallest table for a traveller) beyond the
//!   number of people they can meet; (3) `(rounds − 1)` for every pair of co-hosts, plus
//!   the pairs of travellers forced together again by the "no table twice" rule: in
//!   round `r`, the `c` travellers of a table all come from the *other* tables of any
//!   earlier round, so when `c` exceeds the number of those tables, some of them have
//!   already met (pigeonhole; fewest when spread evenly). On the CDC-sized café (69
//!   people, 8 tables with one host, 3 rounds), five tables seat 8 travellers in each
//!   round, who come from the 7 other tables: at least one pair per such table meets
//!   again in rounds 2 and 3, so no plan has fewer than 10 repeated encounters; bounds
//!   (1) and (2) give 0 there.

use super::model::{CrowdedTables, Instance};

/// The hard rules of a rotation plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// A host stays at their table in every round.
    HostsStay,
    /// Table sizes differ by at most one in every round.
    SizesWithinOne,
    /// Nobody visits the same table twice (while rounds ≤ tables).
    NoRepeatedVisit,
}

/// Why a hard rule is broken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The hosts make balanced sizes impossible.
    Crowded(CrowdedTables),
    /// Over the rounds, this table seats more travellers than there are travellers.
    TableSeatsTooMany { table: u32, seats: usize, travellers: usize },
    /// No plan without the breach was found (one may not exist); `count` breaches remain.
    NotFound { count: usize },
    /// A host was moved (never produced by the planner; reported for foreign plans).
    HostMoved { person: usize },
}

/// A broken hard rule and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Breach {
    pub rule: Rule,
    pub reason: Reason,
}

/// How good a seating is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub people: usize,
    pub travellers: usize,
    pub tables: usize,
    pub rounds: usize,
    /// Smallest and largest table over all rounds, hosts included.
    pub smallest_table: usize,
    pub largest_table: usize,
    /// Largest difference between two tables of the same round.
    pub size_spread: usize,
    /// Whether "nobody visits the same table twice" applies (rounds ≤ tables).
    pub visit_rule_applies: bool,
    /// Visits of a table by someone who already sat there (beyond the allowed number
    /// when there are more rounds than tables).
    pub repeated_visits: usize,
    /// Pairs of colleagues at the same table, summed over rounds.
    pub organisation_pairs: usize,
    pub organisation_lower_bound: usize,
    /// Extra meetings: a pair meeting `m` times counts `m − 1`.
    pub repeated_encounters: usize,
    /// Pairs that meet more than once.
    pub pairs_met_again: usize,
    /// Fewest pairs that must meet again: each pair absorbs at most `rounds − 1` of the
    /// repeated encounters of [`Report::encounter_lower_bound`].
    pub pairs_lower_bound: usize,
    pub encounter_lower_bound: usize,
    /// Fewest distinct people anyone meets.
    pub fewest_people_met: usize,
    /// Distinct people met, summed over everyone (divide by `people` for the mean).
    pub total_people_met: usize,
    pub breaches: Vec<Breach>,
}

impl Report {
    /// The report of a complete seating (`seats[r][p]` = table index).
    pub fn evaluate(instance: &Instance, seats: &[Vec<usize>]) -> Report {
        let people = instance.people();
        let tables = instance.table_count();
        let hosts = instance.hosts_per_table();
        let mut breaches = Vec::new();

        if let Some(person) = (0..people)
            .find(|&p| instance.host_table[p].is_some_and(|t| seats.iter().any(|row| row.get(p) != Some(&t))))
        {
            breaches.push(Breach { rule: Rule::HostsStay, reason: Reason::HostMoved { person } });
        }

        let (mut smallest, mut largest, mut spread) = (usize::MAX, 0, 0);
        for row in seats {
            let mut sizes = vec![0usize; tables];
            for &t in row {
                sizes[t] += 1;
            }
            let (low, high) =
                (sizes.iter().copied().min().unwrap_or(0), sizes.iter().copied().max().unwrap_or(0));
            smallest = smallest.min(low);
            largest = largest.max(high);
            spread = spread.max(high - low);
        }
        if spread > 1 {
            let reason = match &instance.crowded_tables {
                Some(crowded) => Reason::Crowded(crowded.clone()),
                None => Reason::NotFound { count: spread },
            };
            breaches.push(Breach { rule: Rule::SizesWithinOne, reason });
        }

        let mut visits = vec![0usize; people * tables];
        let mut meetings = vec![0u32; people * people];
        let mut organisation_pairs = 0;
        for row in seats {
            let mut members = vec![Vec::new(); tables];
            for (person, &table) in row.iter().enumerate() {
                members[table].push(person);
                if instance.host_table[person].is_none() {
                    visits[person * tables + table] += 1;
                }
            }
            for table_members in &members {
                for (i, &a) in table_members.iter().enumerate() {
                    for &b in &table_members[i + 1..] {
                        meetings[a * people + b] += 1;
                        let (oa, ob) = (instance.organisation[a], instance.organisation[b]);
                        if oa.is_some() && oa == ob {
                            organisation_pairs += 1;
                        }
                    }
                }
            }
        }
        let repeated_visits: usize = visits.iter().map(|&v| v.saturating_sub(instance.visits_allowed)).sum();
        let visit_rule_applies = instance.visit_rule_applies();
        if visit_rule_applies && repeated_visits > 0 {
            let travellers = instance.travellers.len();
            let overbooked = (0..tables)
                .map(|t| (t, instance.capacity.iter().map(|round| round[t]).sum::<usize>()))
                .find(|&(_, seats)| seats > travellers);
            let reason = match overbooked {
                Some((t, seats)) => {
                    Reason::TableSeatsTooMany { table: instance.tables[t], seats, travellers }
                }
                None => Reason::NotFound { count: repeated_visits },
            };
            breaches.push(Breach { rule: Rule::NoRepeatedVisit, reason });
        }

        let (mut repeated_encounters, mut pairs_met_again) = (0usize, 0usize);
        let mut met = vec![0usize; people];
        for a in 0..people {
            for b in a + 1..people {
                let m = meetings[a * people + b] as usize;
                if m > 0 {
                    met[a] += 1;
                    met[b] += 1;
                }
                if m > 1 {
                    repeated_encounters += m - 1;
                    pairs_met_again += 1;
                }
            }
        }
        let organisation_lower_bound = organisation_lower_bound(instance);
        let encounter_lower_bound = encounter_lower_bound(instance, &hosts, organisation_lower_bound == 0);
        Report {
            people,
            travellers: instance.travellers.len(),
            tables,
            rounds: instance.rounds,
            smallest_table: if seats.is_empty() { 0 } else { smallest },
            largest_table: largest,
            size_spread: spread,
            visit_rule_applies,
            repeated_visits,
            organisation_pairs,
            organisation_lower_bound,
            repeated_encounters,
            pairs_met_again,
            encounter_lower_bound,
            pairs_lower_bound: encounter_lower_bound.div_ceil(instance.rounds.saturating_sub(1).max(1)),
            fewest_people_met: met.iter().copied().min().unwrap_or(0),
            total_people_met: met.iter().sum(),
            breaches,
        }
    }

    /// Whether every hard rule holds.
    pub fn hard_rules_hold(&self) -> bool {
        self.breaches.is_empty()
    }

    /// Mean number of distinct people met.
    pub fn mean_people_met(&self) -> f64 {
        if self.people == 0 { 0.0 } else { self.total_people_met as f64 / self.people as f64 }
    }
}

/// Fewest colleague pairs any plan with these table sizes can have.
pub fn organisation_lower_bound(instance: &Instance) -> usize {
    let tables = instance.table_count();
    let organisations = instance.organisation.iter().flatten().max().map_or(0, |&o| o + 1);
    let mut travelling = vec![0usize; organisations];
    let mut hosting = vec![vec![0usize; tables]; organisations];
    for (person, organisation) in instance.organisation.iter().enumerate() {
        if let Some(o) = *organisation {
            match instance.host_table[person] {
                Some(t) => hosting[o][t] += 1,
                None => travelling[o] += 1,
            }
        }
    }
    let mut bound = 0;
    for capacity in &instance.capacity {
        for o in 0..organisations {
            let mut counts = hosting[o].clone();
            let mut room = capacity.clone();
            for _ in 0..travelling[o] {
                let Some(t) = (0..tables).filter(|&t| room[t] > 0).min_by_key(|&t| (counts[t], t)) else {
                    break;
                };
                counts[t] += 1;
                room[t] -= 1;
            }
            bound += counts.iter().map(|&c| c * c.saturating_sub(1) / 2).sum::<usize>();
        }
    }
    bound
}

/// Fewest pairs of travellers who must meet again when nobody visits a table twice: the
/// travellers at table `t` in round `r` all sat, in an earlier round `q`, at tables
/// other than `t` (among those that seated travellers in round `q`); when there are more
/// of them than such tables, some sat together in round `q` (pigeonhole), and the
/// fewest such pairs come from spreading them evenly. Each pair counts once per round
/// whatever the earlier round, so the best earlier round is taken, not the sum.
fn travellers_meeting_again(instance: &Instance) -> usize {
    if !instance.visit_rule_applies() || instance.visits_allowed != 1 {
        return 0;
    }
    let pairs = |n: usize| n * n.saturating_sub(1) / 2;
    let even_pairs = |items: usize, bins: usize| {
        if bins == 0 {
            return pairs(items);
        }
        let (per_bin, extra) = (items / bins, items % bins);
        extra * pairs(per_bin + 1) + (bins - extra) * pairs(per_bin)
    };
    let tables = instance.table_count();
    let mut bound = 0;
    for round in 1..instance.rounds {
        for table in 0..tables {
            let seated = instance.capacity[round][table];
            bound += (0..round)
                .map(|earlier| {
                    let sources =
                        (0..tables).filter(|&s| s != table && instance.capacity[earlier][s] > 0).count();
                    even_pairs(seated, sources)
                })
                .max()
                .unwrap_or(0);
        }
    }
    bound
}

/// Fewest repeated encounters any plan with these table sizes can have (see the module
/// documentation); `colleagues_apart` when plans at the colleague bound seat none together.
pub fn encounter_lower_bound(instance: &Instance, hosts: &[usize], colleagues_apart: bool) -> usize {
    let people = instance.people();
    let tables = instance.table_count();
    let rounds = instance.rounds;
    let pairs = |n: usize| n * n.saturating_sub(1) / 2;
    let sizes: Vec<Vec<usize>> =
        instance.capacity.iter().map(|round| round.iter().zip(hosts).map(|(c, h)| c + h).collect()).collect();
    let forced_meetings: usize = sizes.iter().flatten().map(|&s| pairs(s)).sum();

    // `apart[p]`: people `p` can never meet (hosts of other tables; colleagues, when
    // they are kept apart).
    let never_meet = |a: usize, b: usize| {
        let hosts_apart =
            matches!((instance.host_table[a], instance.host_table[b]), (Some(x), Some(y)) if x != y);
        let colleagues = colleagues_apart
            && instance.organisation[a].is_some()
            && instance.organisation[a] == instance.organisation[b];
        hosts_apart || colleagues
    };
    let apart: Vec<usize> =
        (0..people).map(|a| (0..people).filter(|&b| b != a && never_meet(a, b)).count()).collect();
    let meetable = pairs(people) as i64 - (apart.iter().sum::<usize>() / 2) as i64;
    let by_count = (forced_meetings as i64 - meetable).max(0) as usize;

    let smallest_with_room: Vec<usize> = (0..rounds)
        .map(|r| (0..tables).filter(|&t| instance.capacity[r][t] > 0).map(|t| sizes[r][t]).min().unwrap_or(1))
        .collect();
    let mut excess = 0usize;
    for (host_table, never_met) in instance.host_table.iter().zip(&apart) {
        let must_meet = match *host_table {
            Some(t) => (0..rounds).map(|r| sizes[r][t] - 1).sum::<usize>(),
            None => smallest_with_room.iter().map(|s| s.saturating_sub(1)).sum(),
        };
        excess += must_meet.saturating_sub(people - 1 - never_met);
    }
    let by_person = excess.div_ceil(2);
    let by_co_hosts = hosts.iter().map(|&h| pairs(h)).sum::<usize>() * rounds.saturating_sub(1);
    by_count.max(by_person).max(by_co_hosts + travellers_meeting_again(instance))
}
