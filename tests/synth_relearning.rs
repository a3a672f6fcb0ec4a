//! An engine that takes over from the previous one when the guided review teaches (or
//! an undo unlearns) a word keeps the analyses the new words cannot change: its
//! syntheses and features must be exactly those of an engine built afresh with the same
//! vocabulary, on generated sessions and words learned from their proposals.

use proptest::prelude::*;

use cafe_savoir::domain::{Learned, Session};
use cafe_savoir::store::families::default_families;
use cafe_savoir::synth::review::learn::{self, engine_succeeding, vocabulary_with};
use cafe_savoir::synth::similarity::Settings;
use cafe_savoir::synth::vocabulary::Vocabulary;
use cafe_savoir::synth::{Engine, generate};

/// One thing the room teaches or takes back, drawn from two random numbers.
#[derive(Debug, Clone, Copy)]
enum Lesson {
    /// « oui »: the words that differ between two proposals mean the same.
    Same(u64, u64),
    /// A word of one proposal and two words of another mean the same.
    SameLonger(u64, u64),
    /// A family for a concept of the vocabulary.
    Family(u64, u64),
    /// « non » after a « oui »: an equivalence withdrawn.
    Distinct(u64),
    /// An undo: the last equivalence forgotten.
    Undo,
}

fn lesson() -> impl Strategy<Value = Lesson> {
    prop_oneof![
        3 => (any::<u64>(), any::<u64>()).prop_map(|(a, b)| Lesson::Same(a, b)),
        2 => (any::<u64>(), any::<u64>()).prop_map(|(a, b)| Lesson::SameLonger(a, b)),
        1 => (any::<u64>(), any::<u64>()).prop_map(|(a, b)| Lesson::Family(a, b)),
        1 => any::<u64>().prop_map(Lesson::Distinct),
        1 => Just(Lesson::Undo),
    ]
}

/// The words of a proposal long enough to mean something.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 4)
        .map(str::to_lowercase)
        .collect()
}

fn pick<T: Clone>(items: &[T], r: u64) -> Option<T> {
    (!items.is_empty()).then(|| items[(r % items.len() as u64) as usize].clone())
}

fn teach(learned: &mut Learned, shipped: &Vocabulary, session: &Session, lesson: Lesson) {
    let texts: Vec<&str> = session.proposals.iter().map(|p| p.text.as_str()).collect();
    let word_of = |r: u64| pick(&texts, r).and_then(|t| pick(&words(t), r >> 17));
    match lesson {
        Lesson::Same(a, b) => {
            if let (Some(x), Some(y)) = (word_of(a), word_of(b)) {
                learn::learn_same(shipped, learned, &x, &y);
            }
        }
        Lesson::SameLonger(a, b) => {
            let pair = pick(&texts, a).map(words).filter(|w| w.len() >= 2).map(|w| {
                let i = (a >> 9) as usize % (w.len() - 1);
                format!("{} {}", w[i], w[i + 1])
            });
            if let (Some(x), Some(y)) = (pair, word_of(b)) {
                learned.learn_same(&x, &y);
            }
        }
        Lesson::Family(a, b) => {
            if let Some(concept) = pick(&shipped.concepts, a) {
                learned.learn_family(&concept.id, (b % 3) as u8 + 1);
            }
        }
        Lesson::Distinct(a) => {
            if let Some(terms) = pick(&learned.equivalences, a).map(|e| e.terms)
                && terms.len() >= 2
            {
                learned.learn_distinct(&terms[0], &terms[1]);
            }
        }
        Lesson::Undo => {
            learned.equivalences.pop();
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn an_engine_taking_over_synthesises_like_a_new_one(
        seed in any::<u64>(),
        count in 30usize..90,
        lessons in prop::collection::vec(lesson(), 1..5),
    ) {
        let families = default_families();
        let session = generate::session(count, seed, families.clone());
        let shipped = Vocabulary::shipped();
        let mut learned = Learned::default();
        let mut kept = Engine::new(&families);
        let _ = kept.synthesize(&session);
        for lesson in lessons {
            teach(&mut learned, &shipped, &session, lesson);
            kept = engine_succeeding(&kept, &families, &learned);
            let fresh = Engine::with(&families, vocabulary_with(&learned), Settings::shipped());
            prop_assert_eq!(kept.synthesize(&session), fresh.synthesize(&session), "{:?}", learned);
            for proposal in &session.proposals {
                let (mut a, mut b) = ((*kept.features(&proposal.text)).clone(), (*fresh.features(&proposal.text)).clone());
                (a.serial, b.serial) = (0, 0);
                prop_assert_eq!(a, b, "{}", proposal.text);
            }
        }
    }
}
