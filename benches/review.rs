//! Speed of the guided review on 500 realistic synthetic proposals
//! (`synth::generate`): the next question from a synthèse (the ranking alone), and a
//! whole answer — record it, synthesise again with the kept engine, rank the next
//! questions — which is what the facilitator waits for between two questions; also
//! the same after an answer that taught the session a word (the engine takes over
//! from the previous one with the new vocabulary), and, for comparison, with the
//! engine rebuilt from nothing.
//! `cargo bench --bench review`; numbers in BENCHMARKS.md, section `review`.

use divan::Bencher;

use cafe_savoir::domain::{Learned, Session};
use cafe_savoir::store::families::default_families;
use cafe_savoir::synth::generate;
use cafe_savoir::synth::review::answer::{Decision, decide};
use cafe_savoir::synth::review::learn::engine_succeeding;
use cafe_savoir::synth::review::{Ask, engine_for, review};

fn main() {
    divan::main();
}

fn session_500() -> Session {
    generate::session(500, 42, default_families())
}

#[divan::bench(sample_count = 30)]
fn next_question_500(bencher: Bencher) {
    let session = session_500();
    let engine = engine_for(&session.families, &Learned::default(), &Learned::default());
    let synthesis = engine.synthesize(&session);
    bencher.bench_local(|| divan::black_box(review(&engine, &session, &synthesis)));
}

/// « non » to the best question (or its family), then the next question.
#[divan::bench(sample_count = 30)]
fn answer_then_next_question_500(bencher: Bencher) {
    let mut session = session_500();
    let engine = engine_for(&session.families, &Learned::default(), &Learned::default());
    let mut synthesis = engine.synthesize(&session);
    let mut found = review(&engine, &session, &synthesis);
    bencher.bench_local(|| {
        let Some(question) = found.questions.first() else { return };
        let decision = match &question.ask {
            Ask::Same { a, b, .. } => Decision::Apart(*a, *b),
            Ask::Place { proposal, .. } => Decision::Alone(*proposal),
            Ask::Family { proposal, suggested, .. } => Decision::Family(*proposal, suggested.unwrap_or(1)),
        };
        let _ = decide(&engine, &mut session, &synthesis, &decision);
        session.learned = Learned::default();
        synthesis = engine.synthesize(&session);
        found = review(&engine, &session, &synthesis);
    });
}

/// An answer that taught a word (a new equivalence each time, words of the proposals):
/// the engine takes over from the previous one, only the proposals using the words are
/// analysed again, then the synthèse and the next question.
#[divan::bench(sample_count = 30)]
fn next_question_after_learning_500(bencher: Bencher) {
    let mut session = session_500();
    let mut engine = engine_for(&session.families, &Learned::default(), &Learned::default());
    let _ = engine.synthesize(&session);
    let mut lessons = cafe_savoir::synth::generate::word_pairs(&session).into_iter().cycle();
    bencher.bench_local(|| {
        if let Some((a, b)) = lessons.next() {
            session.learned.learn_same(&a, &b);
        }
        engine = engine_succeeding(&engine, &session.families, &session.learned);
        let synthesis = engine.synthesize(&session);
        divan::black_box(review(&engine, &session, &synthesis))
    });
}

/// The same answer with the engine built afresh (every proposal analysed again): what
/// the taking over saves.
#[divan::bench(sample_count = 10)]
fn next_question_after_learning_rebuilt_500(bencher: Bencher) {
    let mut session = session_500();
    session.learned.learn_same("fric", "argent");
    bencher.bench_local(|| {
        let engine = engine_for(&session.families, &session.learned, &Learned::default());
        let synthesis = engine.synthesize(&session);
        divan::black_box(review(&engine, &session, &synthesis))
    });
}
