//! The CDC-sized café of the issue: 69 people from 52 organisations, 8 tables with one
//! host each, 3 rounds. Every hard rule holds, no colleagues sit together, and repeated
//! encounters are at the lower bound (or within 2 of it). Checked here from the plan
//! itself, not from the planner's own report.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use cafe_savoir::domain::Participant;
use cafe_savoir::plan::{self, Effort};
use cafe_savoir::store::participants::read_participants;

fn fixture() -> Vec<Participant> {
    read_participants(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/participants_69.csv"))
        .expect("fixture reads")
}

#[test]
fn fixture_is_a_realistic_cdc_cafe() {
    let people = fixture();
    assert_eq!(people.len(), 69);
    let mut organisations: BTreeMap<&str, usize> = BTreeMap::new();
    for p in &people {
        *organisations.entry(p.organisation.as_str()).or_default() += 1;
    }
    assert_eq!(organisations.len(), 52);
    assert!(organisations.values().all(|&n| n <= 4));
    assert!(organisations.values().filter(|&&n| n >= 2).count() >= 5);
    let hosted: BTreeSet<u32> = people.iter().filter_map(|p| p.host_of).collect();
    assert_eq!(hosted, (1..=8).collect());
}

#[test]
fn cdc_cafe_meets_every_rule_at_the_lower_bound() {
    let people = fixture();
    let tables: Vec<u32> = (1..=8).collect();
    let planned = plan::plan(&people, &tables, 3, plan::DEFAULT_SEED, Effort::default()).expect("plan");
    let seats = &planned.plan.seats;
    assert_eq!(seats.len(), 69);

    for (person, row) in people.iter().zip(seats) {
        assert_eq!(row.len(), 3);
        match person.host_of {
            Some(table) => assert!(row.iter().all(|&t| t == table), "{} left their table", person.name),
            None => {
                let distinct: BTreeSet<u32> = row.iter().copied().collect();
                assert_eq!(distinct.len(), 3, "{} visits a table twice: {row:?}", person.name);
            }
        }
    }

    let mut meetings: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    for round in 0..3 {
        let mut at_table: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
        for (p, row) in seats.iter().enumerate() {
            at_table.entry(row[round]).or_default().push(p);
        }
        let sizes: Vec<usize> = tables.iter().map(|t| at_table.get(t).map_or(0, Vec::len)).collect();
        assert!(sizes.iter().max().unwrap() - sizes.iter().min().unwrap() <= 1, "round {round}: {sizes:?}");
        for members in at_table.values() {
            for (i, &a) in members.iter().enumerate() {
                for &b in &members[i + 1..] {
                    assert_ne!(
                        people[a].organisation, people[b].organisation,
                        "{} and {} are colleagues at the same table",
                        people[a].name, people[b].name
                    );
                    *meetings.entry((a, b)).or_default() += 1;
                }
            }
        }
    }
    let repeated: usize = meetings.values().map(|m| m - 1).sum();
    assert_eq!(repeated, planned.report.repeated_encounters);
    assert_eq!(planned.report.encounter_lower_bound, 10, "see the report module for the derivation");
    assert!(repeated <= planned.report.encounter_lower_bound + 2, "{repeated} repeated encounters");
    assert!(planned.report.pairs_met_again <= planned.report.pairs_lower_bound + 2);
    assert_eq!(planned.report.pairs_lower_bound, 5);
    assert!(planned.report.hard_rules_hold());
    assert_eq!(planned.report.organisation_pairs, 0);
}
