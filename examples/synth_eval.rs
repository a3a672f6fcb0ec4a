//! Measures the synthèse on a labelled set: `cargo run --release --example synth_eval
//! [FILE.tsv]`. Prints B-cubed and family accuracy for the shipped settings and for the
//! alternatives recorded in BENCHMARKS.md (section `synth`). Other modes: `--grid`
//! (blend weights × threshold), `--dump` (groups with the vocabulary terms that matched),
//! `--pair I J` (one pair of rows), `--generate N OUT.ron` (a synthetic session),
//! `--fired SEED.txt` (vocabulary terms firing on the set), `--french-stems LIST OUT`
//! (the French stems asset); `--families FILE.ron` measures a café with other families;
//! `--vocabulary FILE.ron` reads the vocabulary from a file instead of the compiled one
//! (to measure an edit without rebuilding); `--quick` prints the shipped line only.

use cafe_savoir::store::families::default_families;
use cafe_savoir::synth::quality::{parse_tsv, score, session_of};
use cafe_savoir::synth::similarity::Settings;
use cafe_savoir::synth::vocabulary::Vocabulary;
use cafe_savoir::synth::{Engine, similarity};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(pos) = args.iter().position(|a| a == "--resynth") {
        // `--resynth N`: N captures into a 500-proposal session, each followed by a
        // re-synthesis with the same engine (what the app does); prints the mean time.
        let count: usize = args[pos + 1].parse().expect("count");
        let families = default_families();
        let mut session = cafe_savoir::synth::generate::session(500, 42, families.clone());
        let engine = Engine::new(&families);
        let _ = engine.synthesize(&session);
        let mut rng = cafe_savoir::synth::generate::Rng::new(7);
        let now = chrono::Utc::now();
        let start = std::time::Instant::now();
        for _ in 0..count {
            let text = cafe_savoir::synth::generate::proposal_text(&mut rng);
            let _ = session.add_proposal(3, 2, cafe_savoir::domain::Kind::Condition, &text, now);
            std::hint::black_box(engine.synthesize(&session));
        }
        println!("mean re-synthesis: {:?}", start.elapsed() / count.max(1) as u32);
        let start = std::time::Instant::now();
        let engine = Engine::new(&families);
        println!("Engine::new: {:?}", start.elapsed());
        std::hint::black_box(engine);
        return;
    }
    if let Some(pos) = args.iter().position(|a| a == "--french-stems") {
        // `--french-stems WORDLIST OUT`: the stems (folded, French Snowball) of a word
        // list, one per line, sorted, only those the typo corrector could touch; written
        // deflate-compressed (how `assets/french-stems.txt.deflate` is made).
        let list = std::fs::read_to_string(&args[pos + 1]).expect("word list readable");
        let analyzer = Vocabulary::empty().analyzer;
        let mut stems: Vec<String> = list
            .lines()
            .map(cafe_savoir::synth::normalize::fold)
            .filter(|w| w.chars().all(char::is_alphabetic))
            .map(|w| analyzer.stem(&w))
            .filter(|s| s.chars().count() >= cafe_savoir::synth::vocabulary::TYPO_MIN_LENGTH)
            .collect();
        stems.sort();
        stems.dedup();
        let text = stems.join("\n");
        let packed = miniz_oxide::deflate::compress_to_vec(text.as_bytes(), 10);
        std::fs::write(&args[pos + 2], packed).expect("written");
        println!("{} stems, {} bytes of text", stems.len(), text.len());
        return;
    }
    if let Some(pos) = args.iter().position(|a| a == "--generate") {
        // `--generate N OUT.ron`: a session of N synthetic proposals, for end-to-end timing.
        let count: usize = args[pos + 1].parse().expect("count");
        let session = cafe_savoir::synth::generate::session(count, 42, default_families());
        cafe_savoir::store::save(std::path::Path::new(&args[pos + 2]), &session).expect("saved");
        return;
    }
    let path = args.iter().find(|a| a.ends_with(".tsv")).cloned().unwrap_or("tests/fixtures/dev.tsv".into());
    let text = std::fs::read_to_string(&path).expect("labelled set readable");
    let rows = parse_tsv(&text);
    // `--families FILE.ron`: the families of another café (default: the seed's).
    let families = match args.iter().position(|a| a == "--families") {
        Some(pos) => {
            let path = std::path::Path::new(&args[pos + 1]);
            let text = std::fs::read_to_string(path).expect("families readable");
            cafe_savoir::store::families::parse_families(path, &text).expect("families parse")
        }
        None => default_families(),
    };
    let session = session_of(&rows, families.clone());
    let shipped = Settings::shipped();
    // `--vocabulary FILE.ron`: the vocabulary to measure (default: the compiled one).
    let vocabulary = match args.iter().position(|a| a == "--vocabulary") {
        Some(pos) => {
            let text = std::fs::read_to_string(&args[pos + 1]).expect("vocabulary readable");
            Vocabulary::parse(&text).expect("vocabulary compiles")
        }
        None => Vocabulary::shipped(),
    };
    if let Some(pos) = args.iter().position(|a| a == "--pair") {
        let a: usize = args[pos + 1].parse().expect("row");
        let b: usize = args[pos + 2].parse().expect("row");
        let engine = Engine::with(&families, vocabulary.clone(), shipped.clone());
        let (ta, tb) = (&rows[a - 1].text, &rows[b - 1].text);
        let (fa, fb) = (engine.features(ta), engine.features(tb));
        println!("{ta}\n{tb}\nsim={:.3}", engine.similarity(ta, tb));
        println!("concepts {:?}\n         {:?}", fa.concepts, fb.concepts);
        println!("words {:?}\n      {:?}", fa.stems, fb.stems);
        println!(
            "terms {:?}\n      {:?}",
            engine.vocabulary().terms_in(ta),
            engine.vocabulary().terms_in(tb)
        );
        return;
    }
    if let Some(pos) = args.iter().position(|a| a == "--fired") {
        // `--fired SEED.txt [FILE.tsv]`: every vocabulary term that fires on the labelled
        // set, with how many rows and how many lines of the seed document it fires on
        // (terms firing only on the labelled set deserve a second look).
        let seed = std::fs::read_to_string(&args[pos + 1]).expect("seed readable");
        let mut counts: std::collections::BTreeMap<(String, String), (usize, usize)> = Default::default();
        for row in &rows {
            for key in vocabulary.terms_in(&row.text) {
                counts.entry(key).or_default().0 += 1;
            }
        }
        for line in seed.lines() {
            for key in vocabulary.terms_in(line) {
                if let Some(entry) = counts.get_mut(&key) {
                    entry.1 += 1;
                }
            }
        }
        let show_rows = args.iter().any(|a| a == "--rows");
        for ((concept, term), (count, seed)) in counts {
            println!("{count}\t{seed}\t{concept}\t{term}");
            if show_rows && seed == 0 {
                for row in rows
                    .iter()
                    .filter(|r| vocabulary.terms_in(&r.text).contains(&(concept.clone(), term.clone())))
                {
                    println!("\t\t\t\t| {}", row.text);
                }
            }
        }
        return;
    }
    if args.iter().any(|a| a == "--dump") {
        let engine = Engine::with(&families, vocabulary.clone(), shipped.clone());
        let synthesis = engine.synthesize(&session);
        for group in &synthesis.conditions {
            println!(
                "== {:?} f={:?} {:.2} {:?} {:?}",
                group.anchor, group.family, group.confidence, group.status, group.explanation.shared_concepts
            );
            for id in &group.members {
                let row = &rows[id.0 as usize - 1];
                let concepts: Vec<String> = engine
                    .vocabulary()
                    .terms_in(&row.text)
                    .iter()
                    .map(|(c, t)| format!("{c}<{t}>"))
                    .collect();
                println!("   {} {:?} t{} {} {:?}", row.cluster, row.families, row.table, row.text, concepts);
            }
        }
        for s in &synthesis.suggestions {
            println!("suggest {:?} {:?} {:.2} {:?}", s.a, s.b, s.similarity, s.shared_concepts);
        }
        return;
    }
    let mut variants: Vec<(String, Settings, Vocabulary)> =
        vec![("shipped".into(), shipped.clone(), vocabulary.clone())];
    let quick = args.iter().any(|a| a == "--quick");
    if args.iter().any(|a| a == "--grid") {
        for (c, w, g) in [
            (0.6f32, 0.3f32, 0.1f32),
            (0.6, 0.4, 0.0),
            (0.5, 0.3, 0.2),
            (0.7, 0.2, 0.1),
            (0.7, 0.3, 0.0),
            (0.5, 0.4, 0.1),
            (0.8, 0.1, 0.1),
        ] {
            for t in [0.4f32, 0.45, 0.5, 0.55] {
                let settings = Settings {
                    merge_threshold: t,
                    concept_weight: c,
                    word_weight: w,
                    char_weight: g,
                    ..shipped.clone()
                };
                let engine = Engine::with(&families, Vocabulary::shipped(), settings);
                let synthesis = engine.synthesize(&session);
                let s = score(&rows, &synthesis);
                println!(
                    "c={c} w={w} g={g} t={t}: P={:.3} R={:.3} F1={:.3} family={:.3}",
                    s.precision, s.recall, s.f1, s.family_accuracy
                );
            }
        }
        return;
    }
    if !quick {
        variants.extend(alternatives(&shipped));
    }
    for (name, settings, vocabulary) in variants {
        let engine = Engine::with(&families, vocabulary, settings);
        let synthesis = engine.synthesize(&session);
        let s = score(&rows, &synthesis);
        println!(
            "{name:45} P={:.3} R={:.3} F1={:.3} family={:.3} groups={}",
            s.precision,
            s.recall,
            s.f1,
            s.family_accuracy,
            synthesis.conditions.len()
        );
        if name == "shipped" && args.iter().any(|a| a == "--confident") {
            // Families given without « à valider »: how many, and how many wrong.
            let (mut sure, mut wrong) = (0, 0);
            for group in synthesis.conditions.iter().filter(|g| g.status == cafe_savoir::synth::Status::Auto)
            {
                sure += 1;
                let ok = |id: &cafe_savoir::domain::ProposalId| {
                    group.family.is_some_and(|f| rows[id.0 as usize - 1].families.contains(&f))
                };
                wrong +=
                    usize::from(group.members.iter().filter(|id| ok(id)).count() * 2 < group.members.len());
            }
            println!("{:45} {sure} groups sure of their family, {wrong} of them wrong", "confident");
        }
    }
    let _ = similarity::dot;
}

/// The alternatives to the shipped settings recorded in BENCHMARKS.md.
fn alternatives(shipped: &Settings) -> Vec<(String, Settings, Vocabulary)> {
    let mut variants = Vec::new();
    for floor in [0.05f32, 0.2, 0.31, 0.4] {
        let settings = Settings { pair_floor: floor, ..shipped.clone() };
        variants.push((format!("pair floor {floor}"), settings, Vocabulary::shipped()));
    }
    for o in [0.0f32, 0.25, 0.5, 0.75] {
        for t in [0.4f32, 0.45, 0.5, 0.55, 0.6] {
            let settings = Settings { merge_threshold: t, concept_overlap: o, ..shipped.clone() };
            variants.push((format!("overlap {o} threshold {t}"), settings, Vocabulary::shipped()));
        }
    }
    for t in [0.25f32, 0.3, 0.35, 0.4, 0.45, 0.5] {
        variants.push((
            format!("threshold {t}"),
            Settings { merge_threshold: t, ..shipped.clone() },
            Vocabulary::shipped(),
        ));
    }
    variants.push((
        "words only (no concepts, no trigrams)".into(),
        Settings { concept_weight: 0.0, char_weight: 0.0, ..shipped.clone() },
        Vocabulary::shipped(),
    ));
    variants.push(("words + trigrams, no vocabulary".into(), shipped.clone(), Vocabulary::empty()));
    variants.push((
        "concepts only".into(),
        Settings { word_weight: 0.0, char_weight: 0.0, ..shipped.clone() },
        Vocabulary::shipped(),
    ));
    variants
}
