//! Rotation planning: quality of the planner against a random seating and the "next
//! free table" rule, then timings (divan), on the CDC-sized café (69 people from 52
//! organisations, 8 tables with one host each, 3 rounds) and on a large one.
//!
//! Run with `cargo bench --bench plan`.

use std::path::Path;

use cafe_savoir::domain::Participant;
use cafe_savoir::plan::{self, Effort, Instance, Report, construct, rng::Rng};
use cafe_savoir::store::participants::read_participants;

fn cdc_people() -> Vec<Participant> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/participants_69.csv");
    read_participants(&path).expect("fixture")
}

fn large_people() -> Vec<Participant> {
    (0..200)
        .map(|i| Participant {
            name: format!("Personne {i}"),
            organisation: format!("Organisme {}", i % 140),
            host_of: (i < 12).then_some(i as u32 + 1),
        })
        .collect()
}

fn row(label: &str, report: &Report, micros: Option<u128>, evaluations: Option<u64>) {
    println!(
        "| {label} | {} | {} | {} ({}) | {} ({}) | {} | {:.1} | {} | {} |",
        report.repeated_visits,
        report.organisation_pairs,
        report.repeated_encounters,
        report.encounter_lower_bound,
        report.pairs_met_again,
        report.pairs_lower_bound,
        report.size_spread,
        report.mean_people_met(),
        micros.map_or("–".to_string(), |m| format!("{:.1} ms", m as f64 / 1000.0)),
        evaluations.map_or("–".to_string(), |e| e.to_string()),
    )
}

fn compare(title: &str, people: &[Participant], tables: u32, rounds: usize) {
    let table_numbers: Vec<u32> = (1..=tables).collect();
    let instance = Instance::new(people, &table_numbers, rounds).expect("valid");
    println!("\n{title}\n");
    println!(
        "| seating | repeated visits | colleague pairs | repeated encounters (bound) | pairs meeting again (bound) | size spread | people met (mean) | time | swaps evaluated |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    let mut rng = Rng::new(plan::DEFAULT_SEED);
    row("random", &Report::evaluate(&instance, &construct::random(&instance, &mut rng)), None, None);
    row("next free table", &Report::evaluate(&instance, &construct::next_free_table(&instance)), None, None);
    let mut rng = Rng::new(plan::DEFAULT_SEED);
    row("greedy only", &Report::evaluate(&instance, &construct::greedy(&instance, &mut rng)), None, None);
    for seed in [plan::DEFAULT_SEED, 1, 2] {
        let start = std::time::Instant::now();
        let planned = plan::plan(people, &table_numbers, rounds, seed, Effort::default()).expect("plan");
        let elapsed = start.elapsed().as_micros();
        row(
            &format!("planner (seed {seed})"),
            &planned.report,
            Some(elapsed),
            Some(planned.search.evaluations),
        );
    }
}

fn main() {
    compare("CDC café: 69 people, 52 organisations, 8 tables, 3 rounds", &cdc_people(), 8, 3);
    compare("Large café: 200 people, 140 organisations, 12 tables, 6 rounds", &large_people(), 12, 6);
    divan::main();
}

#[divan::bench(sample_count = 10)]
fn plan_cdc_69_people_8_tables_3_rounds(bencher: divan::Bencher) {
    let people = cdc_people();
    let tables: Vec<u32> = (1..=8).collect();
    bencher.bench(|| plan::plan(&people, &tables, 3, plan::DEFAULT_SEED, Effort::default()));
}

#[divan::bench(sample_count = 5)]
fn plan_200_people_12_tables_6_rounds(bencher: divan::Bencher) {
    let people = large_people();
    let tables: Vec<u32> = (1..=12).collect();
    bencher.bench(|| plan::plan(&people, &tables, 6, plan::DEFAULT_SEED, Effort::default()));
}
