//! First seatings, before the local search: the planner's greedy construction, and two
//! baselines it is measured against (a random seating and the simple "move to the next
//! free table" rule a facilitator applies by hand).
//!
//! The greedy follows the idea of Triska and Musliu ("An effective greedy heuristic for
//! the social golfer problem", 2012) that a good start matters to local search: round
//! after round, the most constrained traveller (fewest tables left to discover) is
//! seated first, at the table where they add the least conflict: no table visited
//! again, then no colleague, then the fewest people already met; ties go to the table
//! with the most free seats, so that tables fill evenly.
//!
//! Every function returns `seats[r][p]`, a table index, with hosts at their tables and
//! exactly `capacity[r][t]` travellers at table `t` in round `r`.

use super::model::Instance;
use super::rng::Rng;
use super::search::Seating;

/// The planner's greedy seating.
pub fn greedy(instance: &Instance, rng: &mut Rng) -> Vec<Vec<usize>> {
    let mut seating = Seating::with_hosts(instance);
    let tables = instance.table_count();
    for round in 0..instance.rounds {
        let mut free = instance.capacity[round].clone();
        let mut order = instance.travellers.clone();
        rng.shuffle(&mut order);
        order.sort_by_key(|&p| (0..tables).filter(|&t| free[t] > 0 && !seating.has_visited(p, t)).count());
        for person in order {
            let mut best: Option<(i64, std::cmp::Reverse<usize>, usize)> = None;
            for table in (0..tables).filter(|&t| free[t] > 0) {
                let key =
                    (seating.placement_cost(round, person, table), std::cmp::Reverse(free[table]), table);
                if best.is_none_or(|b| key < b) {
                    best = Some(key);
                }
            }
            if let Some((_, _, table)) = best {
                seating.place(round, person, table);
                free[table] -= 1;
            }
        }
    }
    seating.into_seats()
}

/// A random seating that keeps the hosts and the table sizes.
pub fn random(instance: &Instance, rng: &mut Rng) -> Vec<Vec<usize>> {
    let mut seats = hosts_only(instance);
    for (row, capacities) in seats.iter_mut().zip(&instance.capacity) {
        let mut order = instance.travellers.clone();
        rng.shuffle(&mut order);
        let mut order = order.into_iter();
        for (table, &capacity) in capacities.iter().enumerate() {
            for person in order.by_ref().take(capacity) {
                row[person] = table;
            }
        }
    }
    seats
}

/// The rule applied by hand: in list order, each traveller takes the next table after
/// the one they just left that still has room and that they have not visited yet (or
/// the next one with room when every table has been visited).
pub fn next_free_table(instance: &Instance) -> Vec<Vec<usize>> {
    let tables = instance.table_count();
    let mut seats = hosts_only(instance);
    let mut visited = vec![vec![false; tables]; instance.people()];
    for round in 0..instance.rounds {
        let mut free = instance.capacity[round].clone();
        for (index, &person) in instance.travellers.iter().enumerate() {
            let start = if round == 0 { index % tables } else { (seats[round - 1][person] + 1) % tables };
            let ring = (0..tables).map(|k| (start + k) % tables);
            let table = ring
                .clone()
                .find(|&t| free[t] > 0 && !visited[person][t])
                .or_else(|| ring.clone().find(|&t| free[t] > 0));
            if let Some(table) = table {
                seats[round][person] = table;
                free[table] -= 1;
                visited[person][table] = true;
            }
        }
    }
    seats
}

/// Hosts at their tables; travellers provisionally at table 0.
fn hosts_only(instance: &Instance) -> Vec<Vec<usize>> {
    let row: Vec<usize> = instance.host_table.iter().map(|h| h.unwrap_or(0)).collect();
    vec![row; instance.rounds]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Participant;

    fn instance() -> Instance {
        let people: Vec<Participant> = (0..30)
            .map(|i| Participant {
                name: format!("P{i}"),
                organisation: format!("O{}", i / 3),
                host_of: (i < 4).then_some(i as u32 + 1),
            })
            .collect();
        Instance::new(&people, &[1, 2, 3, 4], 3).expect("valid")
    }

    fn assert_sizes_and_hosts(instance: &Instance, seats: &[Vec<usize>]) {
        let hosts = instance.hosts_per_table();
        for (round, row) in seats.iter().enumerate() {
            for (table, &capacity) in instance.capacity[round].iter().enumerate() {
                let seated = row.iter().filter(|&&t| t == table).count();
                assert_eq!(seated, capacity + hosts[table]);
            }
            for (person, host) in instance.host_table.iter().enumerate() {
                if let Some(table) = host {
                    assert_eq!(row[person], *table);
                }
            }
        }
    }

    #[test]
    fn every_construction_keeps_hosts_and_sizes() {
        let instance = instance();
        let mut rng = Rng::new(1);
        assert_sizes_and_hosts(&instance, &greedy(&instance, &mut rng));
        assert_sizes_and_hosts(&instance, &random(&instance, &mut rng));
        assert_sizes_and_hosts(&instance, &next_free_table(&instance));
    }

    #[test]
    fn greedy_is_better_than_random() {
        let instance = instance();
        let mut rng = Rng::new(5);
        let greedy = Seating::from_seats(&instance, &greedy(&instance, &mut rng)).cost();
        let random = Seating::from_seats(&instance, &random(&instance, &mut rng)).cost();
        assert!(greedy < random, "{greedy} !< {random}");
    }
}
