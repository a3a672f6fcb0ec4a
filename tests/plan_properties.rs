//! Property tests of the planner on random cafés (tables 2–12, rounds 1–6, 4–200
//! people, random hosts and organisations): every hard rule holds, or the report names
//! the rule that does not, and a rule named broken is really broken. The rules are
//! checked here from the plan itself.

use std::collections::BTreeSet;

use cafe_savoir::domain::Participant;
use cafe_savoir::plan::{self, Effort, Rule};
use proptest::prelude::*;

#[derive(Debug, Clone)]
struct Cafe {
    people: Vec<Participant>,
    tables: u32,
    rounds: usize,
}

fn cafe() -> impl Strategy<Value = Cafe> {
    (2u32..=12, 1usize..=6, 4usize..=200).prop_flat_map(|(tables, rounds, count)| {
        let hosts = proptest::collection::vec(proptest::option::weighted(0.3, 1..=tables), count);
        let organisations = proptest::collection::vec(0..(count / 2 + 1), count);
        (Just(tables), Just(rounds), hosts, organisations).prop_map(
            |(tables, rounds, hosts, organisations)| {
                // At most one host per table, and no more hosts than tables.
                let mut hosted = BTreeSet::new();
                let people = hosts
                    .iter()
                    .zip(&organisations)
                    .enumerate()
                    .map(|(i, (host, organisation))| Participant {
                        name: format!("Personne {i}"),
                        organisation: format!("Organisme {organisation}"),
                        host_of: host.filter(|t| hosted.insert(*t)),
                    })
                    .collect();
                Cafe { people, tables, rounds }
            },
        )
    })
}

/// The hard rules the plan breaks, checked from the seats alone.
fn broken_rules(cafe: &Cafe, seats: &[Vec<u32>]) -> BTreeSet<&'static str> {
    let mut broken = BTreeSet::new();
    for (person, row) in cafe.people.iter().zip(seats) {
        if let Some(table) = person.host_of
            && row.iter().any(|&t| t != table)
        {
            broken.insert("hosts");
        }
        if person.host_of.is_none() && cafe.rounds <= cafe.tables as usize {
            let distinct: BTreeSet<u32> = row.iter().copied().collect();
            if distinct.len() < row.len() {
                broken.insert("visits");
            }
        }
    }
    for round in 0..cafe.rounds {
        let sizes: Vec<usize> =
            (1..=cafe.tables).map(|t| seats.iter().filter(|row| row[round] == t).count()).collect();
        if sizes.iter().max().unwrap() - sizes.iter().min().unwrap() > 1 {
            broken.insert("sizes");
        }
    }
    broken
}

fn rule_name(rule: Rule) -> &'static str {
    match rule {
        Rule::HostsStay => "hosts",
        Rule::SizesWithinOne => "sizes",
        Rule::NoRepeatedVisit => "visits",
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    #[test]
    fn hard_rules_hold_or_are_reported(cafe in cafe(), seed in any::<u64>()) {
        let tables: Vec<u32> = (1..=cafe.tables).collect();
        let effort = Effort { max_evaluations: 150_000, stall_iterations: 200 };
        let planned = plan::plan(&cafe.people, &tables, cafe.rounds, seed, effort).expect("valid café");
        let seats = &planned.plan.seats;
        prop_assert_eq!(seats.len(), cafe.people.len());
        prop_assert!(seats.iter().all(|row| row.len() == cafe.rounds && row.iter().all(|t| tables.contains(t))));
        let reported: BTreeSet<&str> = planned.report.breaches.iter().map(|b| rule_name(b.rule)).collect();
        prop_assert_eq!(broken_rules(&cafe, seats), reported);
        // One host per table here: hosts always stay and sizes always balance.
        prop_assert!(!planned.report.breaches.iter().any(|b| b.rule != Rule::NoRepeatedVisit));
    }
}

#[test]
fn crowded_co_hosts_are_reported_with_the_reason() {
    // Seven people at six tables seat one table of two; tables 1 and 2 have two hosts each.
    let people: Vec<Participant> = (0..7)
        .map(|i| Participant {
            name: format!("P{i}"),
            organisation: String::new(),
            host_of: [Some(1), Some(1), Some(2), Some(2)].get(i).copied().flatten(),
        })
        .collect();
    let planned = plan::plan(&people, &[1, 2, 3, 4, 5, 6], 2, 1, Effort::default()).expect("plan");
    let rules: Vec<Rule> = planned.report.breaches.iter().map(|b| b.rule).collect();
    assert_eq!(rules, vec![Rule::SizesWithinOne]);
    let message =
        cafe_savoir::i18n::plan::breach(cafe_savoir::i18n::Lang::Fr, &planned.report.breaches[0], &[]);
    assert!(message.contains("1, 2"), "{message}");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any text as a participants file: a list or a located refusal, never a panic.
    #[test]
    fn participants_files_never_panic(text in "(name|nom|organisation|host_of|[a-zé ,;\"\t\r\n0-9-])*") {
        if let Ok(people) = cafe_savoir::store::participants::parse_participants(&text) {
            prop_assert!(!people.is_empty());
            prop_assert!(people.iter().all(|p| !p.name.trim().is_empty()));
        }
    }
}
