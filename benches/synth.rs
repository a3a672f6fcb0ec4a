//! Speed of the synthèse on realistic synthetic proposals (`synth::generate`):
//! a cold synthèse of 500 and 5,000 proposals (features computed), and the
//! re-synthesis the app runs after each capture: one proposal added to a 500-proposal
//! session, with the engine (and its cache) kept across captures; and the
//! re-synthesis after an answer that taught a word.
//! `cargo bench --bench synth`; numbers in BENCHMARKS.md, section `synth`.

use chrono::{TimeZone, Utc};
use divan::Bencher;

use cafe_savoir::domain::Kind;
use cafe_savoir::store::families::default_families;
use cafe_savoir::synth::review::learn::engine_succeeding;
use cafe_savoir::synth::{Engine, generate};

fn main() {
    divan::main();
}

#[divan::bench(args = [500, 5_000], sample_count = 10)]
fn synthesize_cold(bencher: Bencher, count: usize) {
    let families = default_families();
    let session = generate::session(count, 42, families.clone());
    bencher.bench(|| {
        let engine = Engine::new(&families);
        divan::black_box(engine.synthesize(&session))
    });
}

#[divan::bench(sample_count = 50)]
fn resynthesize_after_one_capture_500(bencher: Bencher) {
    let families = default_families();
    let mut session = generate::session(500, 42, families.clone());
    let engine = Engine::new(&families);
    let _ = engine.synthesize(&session);
    let now = Utc.timestamp_opt(1_542_200_000, 0).single().unwrap_or_default();
    let mut rng = generate::Rng::new(7);
    bencher.bench_local(|| {
        let text = generate::proposal_text(&mut rng);
        let _ = session.add_proposal(3, 2, Kind::Condition, &text, now);
        divan::black_box(engine.synthesize(&session))
    });
}

#[divan::bench(sample_count = 50)]
fn live_hint_classify_and_nearest_500(bencher: Bencher) {
    let families = default_families();
    let session = generate::session(500, 42, families.clone());
    let engine = Engine::new(&families);
    let _ = engine.synthesize(&session);
    bencher.bench_local(|| {
        let guess = engine.classify("Pas d'agenda caché entre les partenaires");
        let nearest = engine.nearest(&session, "Pas d'agenda caché entre les partenaires", 1);
        divan::black_box((guess, nearest))
    });
}

/// The re-synthesis after an answer that taught the session a word (a new equivalence
/// of two words of the proposals each time): the engine takes over from the previous
/// one (`Engine::succeeding`), only the proposals using those words are analysed again.
#[divan::bench(sample_count = 50)]
fn resynthesize_after_learning_500(bencher: Bencher) {
    let families = default_families();
    let mut session = generate::session(500, 42, families.clone());
    let mut engine = Engine::new(&families);
    let _ = engine.synthesize(&session);
    let mut pairs = generate::word_pairs(&session).into_iter().cycle();
    bencher.bench_local(|| {
        if let Some((a, b)) = pairs.next() {
            session.learned.learn_same(&a, &b);
        }
        engine = engine_succeeding(&engine, &families, &session.learned);
        divan::black_box(engine.synthesize(&session))
    });
}
