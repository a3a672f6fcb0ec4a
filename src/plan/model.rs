//! The planning problem in index form: who the people are (organisation, hosted table),
//! the tables and rounds, and how many travellers each table seats in each round. Bad
//! input is refused here, before any planning, with a [`PlanError`].
//!
//! Sizes: with `P` people at `T` tables, every table seats `⌊P/T⌋` or `⌈P/T⌉` people
//! in every round. Tables whose hosts alone fill a large seat must be large; the other
//! large seats rotate from round to round so that every table receives about the same
//! number of travellers over the café, which leaves room for everyone to visit different
//! tables.

use std::collections::BTreeMap;

use crate::domain::Participant;
use crate::domain::participant::name_key;

/// Why a plan cannot even be attempted. Messages are rendered by
/// [`crate::i18n::plan::plan_error`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("the session has no table")]
    NoTables,
    #[error("the session has no round")]
    NoRounds,
    #[error("nobody to seat")]
    NoParticipants,
    #[error("{hosts} hosts for {tables} tables")]
    MoreHostsThanTables { hosts: usize, tables: usize },
    #[error("{name} hosts table {table}, which does not exist")]
    NoSuchTable { name: String, table: u32 },
    #[error("participant {position} has no name")]
    EmptyName { position: usize },
    #[error("{name} is listed twice")]
    DuplicateName { name: String },
}

/// A validated planning problem, every person and table by index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Instance {
    /// Table numbers; a table's index in this list is its index everywhere else.
    pub tables: Vec<u32>,
    pub rounds: usize,
    /// The table index each host stays at, `None` for travellers.
    pub host_table: Vec<Option<usize>>,
    /// An organisation id per person; `None` when the organisation is not given.
    pub organisation: Vec<Option<usize>>,
    /// People who move between rounds, by index.
    pub travellers: Vec<usize>,
    /// `capacity[r][t]`: travellers table `t` seats in round `r` (hosts not counted).
    pub capacity: Vec<Vec<usize>>,
    /// Times a traveller may sit at the same table: 1 while rounds ≤ tables.
    pub visits_allowed: usize,
    /// Set when the hosts make balanced table sizes impossible.
    pub crowded_tables: Option<CrowdedTables>,
}

/// Why the hosts make balanced table sizes impossible.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CrowdedTables {
    /// A table's hosts alone outnumber the largest balanced table.
    TooManyHosts {
        table: u32,
        hosts: usize,
        /// The largest size a table may have for sizes to differ by at most one.
        largest: usize,
    },
    /// These tables' hosts fill a large table each, but only `large` tables can be large.
    TooFewLargeTables { tables: Vec<u32>, large: usize, largest: usize },
}

/// A normalised organisation key: case, accents and spacing do not matter.
pub fn organisation_key(organisation: &str) -> String {
    crate::text::strip_accents(organisation)
        .chars()
        .flat_map(char::to_lowercase)
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Checks the people of a café against its tables: names present and distinct, hosts
/// of existing tables, no more hosts than tables.
pub fn validate(people: &[Participant], tables: &[u32], rounds: usize) -> Result<(), PlanError> {
    if tables.is_empty() {
        return Err(PlanError::NoTables);
    }
    if rounds == 0 {
        return Err(PlanError::NoRounds);
    }
    if people.is_empty() {
        return Err(PlanError::NoParticipants);
    }
    let mut seen = BTreeMap::new();
    for (index, person) in people.iter().enumerate() {
        let key = name_key(&person.name);
        if key.is_empty() {
            return Err(PlanError::EmptyName { position: index + 1 });
        }
        if seen.insert(key, index).is_some() {
            return Err(PlanError::DuplicateName { name: person.name.trim().to_string() });
        }
        if let Some(table) = person.host_of
            && !tables.contains(&table)
        {
            return Err(PlanError::NoSuchTable { name: person.name.trim().to_string(), table });
        }
    }
    let hosts = people.iter().filter(|p| p.host_of.is_some()).count();
    if hosts > tables.len() {
        return Err(PlanError::MoreHostsThanTables { hosts, tables: tables.len() });
    }
    Ok(())
}

impl Instance {
    /// Validates the people and lays out the problem: organisations, hosts and the
    /// number of travellers each table seats in each round.
    pub fn new(people: &[Participant], tables: &[u32], rounds: usize) -> Result<Instance, PlanError> {
        validate(people, tables, rounds)?;
        let mut table_numbers = tables.to_vec();
        table_numbers.sort_unstable();
        table_numbers.dedup();
        let table_count = table_numbers.len();
        let host_table: Vec<Option<usize>> = people
            .iter()
            .map(|p| p.host_of.and_then(|n| table_numbers.iter().position(|&t| t == n)))
            .collect();
        let mut organisation_ids = BTreeMap::new();
        let organisation = people
            .iter()
            .map(|p| {
                let key = organisation_key(&p.organisation);
                if key.is_empty() {
                    return None;
                }
                let next = organisation_ids.len();
                Some(*organisation_ids.entry(key).or_insert(next))
            })
            .collect();
        let travellers = (0..people.len()).filter(|&p| host_table[p].is_none()).collect();
        let mut hosts = vec![0usize; table_count];
        for table in host_table.iter().flatten() {
            hosts[*table] += 1;
        }
        let (capacity, crowded_tables) = capacities(people.len(), &hosts, rounds, &table_numbers);
        Ok(Instance {
            tables: table_numbers,
            rounds,
            host_table,
            organisation,
            travellers,
            capacity,
            visits_allowed: rounds.div_ceil(table_count).max(1),
            crowded_tables,
        })
    }

    pub fn people(&self) -> usize {
        self.host_table.len()
    }

    pub fn table_count(&self) -> usize {
        self.tables.len()
    }

    /// Hosts of each table.
    pub fn hosts_per_table(&self) -> Vec<usize> {
        let mut hosts = vec![0; self.table_count()];
        for table in self.host_table.iter().flatten() {
            hosts[*table] += 1;
        }
        hosts
    }

    /// Whether the rule "nobody visits the same table twice" applies (rounds ≤ tables).
    pub fn visit_rule_applies(&self) -> bool {
        self.rounds <= self.table_count()
    }

    /// Size of table `t` in round `r`, hosts included.
    pub fn size(&self, round: usize, table: usize, hosts: &[usize]) -> usize {
        self.capacity[round][table] + hosts[table]
    }
}

/// The travellers each table seats in each round, and the crowded table, if any.
fn capacities(
    people: usize,
    hosts: &[usize],
    rounds: usize,
    tables: &[u32],
) -> (Vec<Vec<usize>>, Option<CrowdedTables>) {
    let table_count = hosts.len();
    let small = people / table_count;
    let large_count = people % table_count;
    let largest = if large_count > 0 { small + 1 } else { small };
    let crowded = hosts
        .iter()
        .enumerate()
        .filter(|&(_, &h)| h > largest)
        .max_by_key(|&(t, &h)| (h, std::cmp::Reverse(t)))
        .map(|(t, &h)| CrowdedTables::TooManyHosts { table: tables[t], hosts: h, largest });
    let must_be_large: Vec<bool> = hosts.iter().map(|&h| large_count > 0 && h == small + 1).collect();
    let forced_large = must_be_large.iter().filter(|&&b| b).count();
    let crowded = crowded.or_else(|| {
        (forced_large > large_count).then(|| CrowdedTables::TooFewLargeTables {
            tables: (0..table_count).filter(|&t| must_be_large[t]).map(|t| tables[t]).collect(),
            large: large_count,
            largest,
        })
    });
    if crowded.is_some() {
        return (vec![water_fill(people, hosts); rounds], crowded);
    }
    let mut received = vec![0usize; table_count];
    let mut capacity = Vec::with_capacity(rounds);
    for round in 0..rounds {
        let mut sizes = vec![small; table_count];
        let mut large: Vec<usize> = (0..table_count).filter(|&t| must_be_large[t]).collect();
        let mut others: Vec<usize> = (0..table_count).filter(|&t| !must_be_large[t]).collect();
        // The tables that received the fewest travellers so far take the large seats;
        // ties rotate with the round so that no table is always the small one.
        others.sort_by_key(|&t| {
            (received[t] + small - hosts[t], (t + table_count - round % table_count) % table_count)
        });
        large.extend(others.into_iter().take(large_count - forced_large));
        for t in large {
            sizes[t] = small + 1;
        }
        let round_capacity: Vec<usize> = sizes.iter().zip(hosts).map(|(s, h)| s - h).collect();
        for (t, c) in round_capacity.iter().enumerate() {
            received[t] += c;
        }
        capacity.push(round_capacity);
    }
    (capacity, None)
}

/// Sizes as even as the hosts allow: each table holds at least its hosts, the
/// travellers fill the least crowded tables first.
fn water_fill(people: usize, hosts: &[usize]) -> Vec<usize> {
    let mut sizes = hosts.to_vec();
    let mut travellers = people.saturating_sub(hosts.iter().sum());
    while travellers > 0 {
        let Some((t, _)) = sizes.iter().enumerate().min_by_key(|&(t, &s)| (s, t)) else { break };
        sizes[t] += 1;
        travellers -= 1;
    }
    sizes.iter().zip(hosts).map(|(s, h)| s - h).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(name: &str, organisation: &str, host_of: Option<u32>) -> Participant {
        Participant { name: name.into(), organisation: organisation.into(), host_of }
    }

    #[test]
    fn bad_input_is_refused() {
        let people = vec![person("A", "x", None), person("B", "y", None)];
        assert_eq!(Instance::new(&people, &[], 3), Err(PlanError::NoTables));
        assert_eq!(Instance::new(&people, &[1], 0), Err(PlanError::NoRounds));
        let empty = vec![person("A", "", None), person("  ", "", None)];
        assert_eq!(Instance::new(&empty, &[1], 1), Err(PlanError::EmptyName { position: 2 }));
        let twice = vec![person("Marie  Tremblay", "", None), person("marie tremblay", "", None)];
        assert_eq!(
            Instance::new(&twice, &[1], 1),
            Err(PlanError::DuplicateName { name: "marie tremblay".into() })
        );
        let ghost = vec![person("A", "", Some(4))];
        assert_eq!(
            Instance::new(&ghost, &[1, 2], 1),
            Err(PlanError::NoSuchTable { name: "A".into(), table: 4 })
        );
        let hosts = vec![person("A", "", Some(1)), person("B", "", Some(1))];
        assert_eq!(
            Instance::new(&hosts, &[1], 1),
            Err(PlanError::MoreHostsThanTables { hosts: 2, tables: 1 })
        );
    }

    #[test]
    fn sizes_differ_by_at_most_one_and_large_seats_rotate() {
        let people: Vec<Participant> = (0..69)
            .map(|i| person(&format!("P{i}"), "", if i < 8 { Some(i as u32 + 1) } else { None }))
            .collect();
        let instance = Instance::new(&people, &[1, 2, 3, 4, 5, 6, 7, 8], 3).expect("valid");
        let hosts = instance.hosts_per_table();
        for round in 0..3 {
            let sizes: Vec<usize> = (0..8).map(|t| instance.size(round, t, &hosts)).collect();
            assert_eq!(sizes.iter().sum::<usize>(), 69);
            assert!(sizes.iter().all(|&s| s == 8 || s == 9), "{sizes:?}");
        }
        let received: Vec<usize> = (0..8).map(|t| (0..3).map(|r| instance.capacity[r][t]).sum()).collect();
        let spread = received.iter().max().unwrap() - received.iter().min().unwrap();
        assert!(spread <= 1, "{received:?}");
        assert!(instance.crowded_tables.is_none());
    }

    #[test]
    fn organisations_ignore_case_accents_and_spacing() {
        assert_eq!(
            organisation_key("  Maison  des Jeunes de l'Île "),
            organisation_key("maison des jeunes de l'ile")
        );
    }

    #[test]
    fn crowded_hosts_are_detected() {
        // Three people at three tables seat one each, but table 1 has two co-hosts.
        let people = vec![person("A", "", Some(1)), person("B", "", Some(1)), person("C", "", None)];
        let instance = Instance::new(&people, &[1, 2, 3], 1).expect("valid");
        assert_eq!(
            instance.crowded_tables,
            Some(CrowdedTables::TooManyHosts { table: 1, hosts: 2, largest: 1 })
        );
        assert_eq!(instance.capacity[0].iter().sum::<usize>(), 1);
        // Seven people at six tables: one table of two, but tables 1 and 2 have two hosts each.
        let mut people: Vec<Participant> = (0..7).map(|i| person(&format!("P{i}"), "", None)).collect();
        for (i, table) in [1, 1, 2, 2].into_iter().enumerate() {
            people[i].host_of = Some(table);
        }
        let instance = Instance::new(&people, &[1, 2, 3, 4, 5, 6], 2).expect("valid");
        assert_eq!(
            instance.crowded_tables,
            Some(CrowdedTables::TooFewLargeTables { tables: vec![1, 2], large: 1, largest: 2 })
        );
    }
}
