//! Measures the synthèse on a labelled set: `cargo run --release --example synth_eval
//! [FILE.tsv] [--dump]`. Prints B-cubed and family accuracy for the shipped settings and
//! for the alternatives recorded in BENCHMARKS.md (section `synth`).

use cafe_savoir::store::families::default_families;
use cafe_savoir::synth::quality::{parse_tsv, score, session_of};
use cafe_savoir::synth::similarity::Settings;
use cafe_savoir::synth::vocabulary::Vocabulary;
use cafe_savoir::synth::{Engine, similarity};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.iter().find(|a| !a.starts_with("--")).cloned().unwrap_or("tests/fixtures/dev.tsv".into());
    let text = std::fs::read_to_string(&path).expect("labelled set readable");
    let rows = parse_tsv(&text);
    let families = default_families();
    let session = session_of(&rows, families.clone());
    let shipped = Settings::shipped();
    if args.iter().any(|a| a == "--dump") {
        let engine = Engine::new(&families);
        let synthesis = engine.synthesize(&session);
        for group in &synthesis.conditions {
            println!(
                "== {:?} f={:?} {:.2} {:?} {:?}",
                group.anchor, group.family, group.confidence, group.status, group.explanation.shared_concepts
            );
            for id in &group.members {
                let row = &rows[id.0 as usize - 1];
                let f = engine.features(&row.text);
                let concepts: Vec<String> = f
                    .concepts
                    .iter()
                    .map(|(c, _)| engine.vocabulary().concepts[*c as usize].id.clone())
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
        vec![("shipped".into(), shipped.clone(), Vocabulary::shipped())];
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
    }
    let _ = similarity::dot;
}
