//! Speed of the exports (`src/export/`): the synthèse of a generated session of 500 and
//! 5,000 proposals, computed once, then written in every format (the document synthèse
//! in Markdown, HTML, DOCX; the workbook; CSV, JSON, RON).
//! `cargo bench --bench export`; numbers in BENCHMARKS.md, section `export`.

use divan::Bencher;

use cafe_savoir::export::{Format, Options, Variant, export};
use cafe_savoir::i18n::Lang;
use cafe_savoir::store::families::default_families;
use cafe_savoir::synth::{Engine, generate};

fn main() {
    divan::main();
}

const FORMATS: [&str; 7] = ["md", "html", "docx", "xlsx", "csv", "json", "ron"];

fn format(name: &str) -> Format {
    Format::ALL.into_iter().find(|f| f.extension() == name).unwrap_or(Format::Md)
}

#[divan::bench(args = FORMATS, sample_count = 10)]
fn export_500(bencher: Bencher, name: &str) {
    run(bencher, 500, name);
}

#[divan::bench(args = FORMATS, sample_count = 5)]
fn export_5000(bencher: Bencher, name: &str) {
    run(bencher, 5_000, name);
}

fn run(bencher: Bencher, count: usize, name: &str) {
    let families = default_families();
    let session = generate::session(count, 42, families.clone());
    let synthesis = Engine::new(&families).synthesize(&session);
    let inputs = [(session.title.clone(), &session)];
    let options = Options::new(Lang::Fr, Variant::Travail);
    bencher.bench(|| divan::black_box(export(&synthesis, &inputs, format(name), options)));
}
