//! Answers the guided review from a labelled set as a careful facilitator would, and
//! prints B-cubed F1 and family accuracy after 0, 10, 20, 40 and 60 answers:
//! `cargo run --release --example review_oracle [FILE.tsv] [--families F.ron] [--bare]
//! [--no-learning]`.
//!
//! The facilitator answers « oui » when the two proposals have the same label, moves a
//! proposal to the candidate condition holding a proposal with its label (or leaves it
//! alone when none does), and picks the family most of the condition's proposals
//! accept. With `--later` the review runs while only tables 1–4 are captured and the
//! scores are those of the whole set once tables 5–8 arrive (with and without what the
//! answers taught). With `--no-learning` the answers are recorded but teach no vocabulary;
//! `--no-learned-words` and `--no-learned-families` leave out one half of the lessons;
//! `--misses` ends with each label spread over several conditions, its fragments and how
//! similar each is to the label's largest one. The counts after each checkpoint are the
//! questions asked by kind (same/place/family) and those whose answer changed the groups
//! or a family.
//! `--families F.ron` sets the session up with another topic's families (in the format
//! of `assets/families.ron`). `--bare` runs the engine without the concepts of its
//! vocabulary (words and character trigrams only, plus what the answers teach), which
//! mimics wording the vocabulary has never seen.

use cafe_savoir::domain::{Family, Learned, ProposalId, Session};
use cafe_savoir::store::families::{default_families, load_families};
use cafe_savoir::synth::quality::{Labelled, parse_tsv, score, session_of};
use cafe_savoir::synth::review::answer::{Decision, decide};
use cafe_savoir::synth::review::learn::add_learned;
use cafe_savoir::synth::review::{Ask, Candidate, Question, engine_for, review};
use cafe_savoir::synth::similarity::Settings;
use cafe_savoir::synth::vocabulary::{VOCABULARY_RON, Vocabulary, VocabularyFile};
use cafe_savoir::synth::{Engine, Synthesis};

const CHECKPOINTS: [usize; 5] = [0, 10, 20, 40, 60];

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.iter().find(|a| a.ends_with(".tsv")).cloned().unwrap_or("tests/fixtures/dev.tsv".into());
    let learning = !args.iter().any(|a| a == "--no-learning");
    let learn_same = !args.iter().any(|a| a == "--no-learned-words");
    let learn_families = !args.iter().any(|a| a == "--no-learned-families");
    let verbose = args.iter().any(|a| a == "--verbose");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let rows = parse_tsv(&text);
    let bare = args.iter().any(|a| a == "--bare");
    let families = match args.iter().position(|a| a == "--families").and_then(|i| args.get(i + 1)) {
        Some(file) => load_families(std::path::Path::new(file)).unwrap_or_else(|e| panic!("{e}")),
        None => default_families(),
    };
    let engine_for = |families: &[Family], learned: &Learned, user: &Learned| {
        if bare { bare_engine(families, learned) } else { engine_for(families, learned, user) }
    };
    let full = session_of(&rows, families.clone());
    let mut session = full.clone();
    // `--later`: the review runs while only tables 1–4 are captured; the scores are
    // those of the whole set once tables 5–8 arrive, with and without what was learned.
    let later = args.iter().any(|a| a == "--later");
    if later {
        session.proposals.retain(|p| p.table <= 4);
    }
    let mut engine = engine_for(&families, &session.learned, &Learned::default());
    let mut synthesis = engine.synthesize(&session);
    let mut answers = 0;
    let mut kinds = [0usize; 3];
    // Answers that changed the groups or a family, by kind.
    let mut changed = [0usize; 3];
    println!(
        "{path}: {} proposals{}{}",
        rows.len(),
        if learning { "" } else { " (no learning)" },
        if bare { " (bare: no concepts)" } else { "" }
    );
    println!("answers  bcubed_f1  family_acc  left  (same/place/family)");
    let mut slowest = std::time::Duration::ZERO;
    loop {
        if CHECKPOINTS.contains(&answers) {
            let progress = review(&engine, &session, &synthesis).progress;
            let s = if later {
                let whole = Session { proposals: full.proposals.clone(), ..session.clone() };
                let without = Session { learned: Learned::default(), ..whole.clone() };
                let plain = engine_for(&families, &Learned::default(), &Learned::default());
                let s0 = score(&rows, &plain.synthesize(&without));
                print!("  without learning {:.3} {:.3} | ", s0.f1, s0.family_accuracy);
                score(&rows, &engine.synthesize(&whole))
            } else {
                score(&rows, &synthesis)
            };
            println!(
                "{answers:>7}  {:>9.3}  {:>10.3}  {:>4}  ({}/{}/{} changed {}/{}/{})  P {:.3} R {:.3}",
                s.f1,
                s.family_accuracy,
                progress.left,
                kinds[0],
                kinds[1],
                kinds[2],
                changed[0],
                changed[1],
                changed[2],
                s.precision,
                s.recall
            );
        }
        if answers >= *CHECKPOINTS.last().unwrap_or(&0) {
            break;
        }
        let start = std::time::Instant::now();
        let questions = review(&engine, &session, &synthesis).questions;
        slowest = slowest.max(start.elapsed());
        let Some(question) = questions.first() else {
            println!("nothing left to ask after {answers} answers");
            if !later {
                let s = score(&rows, &synthesis);
                println!("{answers:>7}  {:>9.3}  {:>10.3}", s.f1, s.family_accuracy);
            }
            break;
        };
        let decision = answer(question, &rows, &synthesis);
        let kind = match question.ask {
            Ask::Same { .. } => 0,
            Ask::Place { .. } => 1,
            Ask::Family { .. } => 2,
        };
        kinds[kind] += 1;
        if verbose {
            println!("  {:?} (worth {:.2}) → {decision:?}", question.ask, question.worth);
        }
        let before = session.learned.clone();
        if let Err(refused) = decide(&engine, &mut session, &synthesis, &decision) {
            println!("refused: {refused:?}");
            break;
        }
        if !learning {
            session.learned = before.clone();
        }
        if !learn_same {
            session.learned.equivalences = before.equivalences.clone();
            session.learned.distinct = before.distinct.clone();
        }
        if !learn_families {
            session.learned.families = before.families.clone();
        }
        if session.learned != before {
            engine = engine_for(&families, &session.learned, &Learned::default());
        }
        let shape_before = shape(&synthesis);
        synthesis = engine.synthesize(&session);
        if shape(&synthesis) != shape_before {
            changed[kind] += 1;
        }
        answers += 1;
    }
    if verbose {
        println!("learned: {:#?}", session.learned);
        for group in synthesis.all_groups() {
            let clusters: Vec<&str> = group.members.iter().map(|m| row(&rows, *m).cluster.as_str()).collect();
            if clusters.iter().any(|c| *c != clusters[0]) {
                let texts: Vec<&str> = group.members.iter().map(|m| row(&rows, *m).text.as_str()).collect();
                println!("mixed group {clusters:?}: {texts:?}");
            }
        }
    }
    if args.iter().any(|a| a == "--misses") {
        misses(&rows, &synthesis, &engine);
    }
    println!("slowest next question: {slowest:?}");
}

/// Each label spread over several groups: its fragments, and how similar each fragment
/// is to the label's largest group (best pair, average).
fn misses(rows: &[Labelled], synthesis: &Synthesis, engine: &Engine) {
    let mut labels: Vec<&str> = rows.iter().map(|r| r.cluster.as_str()).collect();
    labels.sort();
    labels.dedup();
    for label in labels {
        let mut fragments: Vec<Vec<ProposalId>> = Vec::new();
        for group in synthesis.all_groups() {
            let ids: Vec<ProposalId> =
                group.members.iter().copied().filter(|m| row(rows, *m).cluster == label).collect();
            if !ids.is_empty() {
                fragments.push(ids);
            }
        }
        if fragments.len() < 2 {
            continue;
        }
        fragments.sort_by_key(|f| std::cmp::Reverse(f.len()));
        println!("== {label}: {:?}", fragments.iter().map(Vec::len).collect::<Vec<_>>());
        let main = &fragments[0];
        for m in main {
            println!("   * {}", row(rows, *m).text);
        }
        for fragment in &fragments[1..] {
            for id in fragment {
                let sims: Vec<f32> = main
                    .iter()
                    .map(|m| engine.similarity(&row(rows, *id).text, &row(rows, *m).text))
                    .collect();
                let best = sims.iter().copied().fold(0.0f32, f32::max);
                let mean = sims.iter().sum::<f32>() / sims.len() as f32;
                println!("   - {:.2}/{:.2} {}", best, mean, row(rows, *id).text);
            }
        }
    }
}

/// An engine whose vocabulary has no concepts (abbreviations, generic words and stems
/// kept), plus what the answers taught.
fn bare_engine(families: &[Family], learned: &Learned) -> Engine {
    let mut file: VocabularyFile = ron::from_str(VOCABULARY_RON).expect("the shipped vocabulary reads");
    file.concepts.clear();
    file.for_its_own_sake = None;
    add_learned(&mut file, learned);
    let vocabulary = Vocabulary::compile(file).expect("a vocabulary without concepts compiles");
    Engine::with(families, vocabulary, Settings::shipped())
}

/// The groups (members, sorted) and their families: what an answer may change.
fn shape(synthesis: &Synthesis) -> Vec<(Vec<ProposalId>, Option<u8>)> {
    let mut groups: Vec<(Vec<ProposalId>, Option<u8>)> = synthesis
        .all_groups()
        .map(|g| {
            let mut members = g.members.clone();
            members.sort();
            (members, g.family)
        })
        .collect();
    groups.sort();
    groups
}

fn row(rows: &[Labelled], id: ProposalId) -> &Labelled {
    &rows[id.0 as usize - 1]
}

/// The answer a careful facilitator gives, from the labels.
fn answer(question: &Question, rows: &[Labelled], synthesis: &Synthesis) -> Decision {
    match &question.ask {
        Ask::Same { a, b, .. } => {
            if row(rows, *a).cluster == row(rows, *b).cluster {
                Decision::Same(*a, *b)
            } else {
                Decision::Apart(*a, *b)
            }
        }
        Ask::Place { proposal, candidates } => {
            // The candidate condition holding most proposals of its label (its own
            // condition when tied), else alone.
            let cluster = &row(rows, *proposal).cluster;
            let holding = |c: &Candidate| {
                let members = synthesis.group_of(c.proposal).map(|g| g.members.clone()).unwrap_or_default();
                members.iter().filter(|m| **m != *proposal && row(rows, **m).cluster == *cluster).count()
            };
            let best = candidates
                .iter()
                .map(|c| (holding(c), c.current, c))
                .filter(|(n, _, _)| *n > 0)
                .max_by_key(|(n, current, _)| (*n, *current));
            match best {
                Some((_, _, c)) => Decision::Move(*proposal, c.proposal),
                None => Decision::Alone(*proposal),
            }
        }
        Ask::Family { proposal, suggested, .. } => {
            let members = synthesis.group_of(*proposal).map(|g| g.members.clone()).unwrap_or_default();
            let mut best = (0usize, suggested.unwrap_or(1));
            for family in 1..=3u8 {
                let count = members.iter().filter(|m| row(rows, **m).families.contains(&family)).count();
                if count > best.0 || (count == best.0 && Some(family) == *suggested) {
                    best = (count, family);
                }
            }
            Decision::Family(*proposal, best.1)
        }
    }
}
