//! Load and save times of session files at a realistic size (500 proposals: a big café)
//! and a large one (5,000: many cafés combined). `save` is the whole atomic write: the
//! backup copy, the temporary file, fsync and rename; `to_text` and `parse` isolate the
//! RON work. `capture` is one proposal typed in the app and made durable: the lock,
//! the merge with the file, one fsynced journal line (and, every `FOLD_EVERY`
//! captures, the whole file: it is in the mean, not the median).
//!
//! Run with `cargo bench --bench store`.

use std::path::PathBuf;

use cafe_savoir::domain::merge::merge;
use cafe_savoir::domain::{Kind, Session};
use cafe_savoir::store::families::default_families;
use cafe_savoir::store::journal::entries_between;
use cafe_savoir::store::session_file::{parse, to_text};
use cafe_savoir::store::{SessionFile, load, save};
use chrono::{TimeZone, Utc};

fn main() {
    divan::main();
}

const SIZES: [usize; 2] = [500, 5_000];

const WORDS: [&str; 16] = [
    "partenariat",
    "mission",
    "l'autonomie",
    "reconnaissance",
    "« confiance »",
    "financement",
    "coconstruction",
    "équitable",
    "CA et AGA",
    "délais",
    "transparence",
    "organismes communautaires",
    "rôles",
    "entente écrite",
    "mise en œuvre",
    "écoute",
];

/// A session of 8 tables and 3 rounds with `count` proposals of 6 to 20 words.
fn session_with(count: usize) -> Session {
    let mut session =
        Session::new("Café du savoir — banc d'essai", default_families(), 8, 3, 20).expect("valid session");
    let start = Utc.with_ymd_and_hms(2018, 11, 14, 13, 0, 0).single().expect("valid time");
    for i in 0..count {
        let length = 6 + i % 15;
        let text: Vec<&str> = (0..length).map(|w| WORDS[(i * 7 + w * 3) % WORDS.len()]).collect();
        let table = (i % 8) as u32 + 1;
        let round = (i / 8 % 3) as u32 + 1;
        let kind = Kind::ALL[i % 5 % 3];
        let at = start + chrono::Duration::seconds(i as i64 * 7);
        session.add_proposal(table, round, kind, &text.join(" "), at).expect("valid proposal");
    }
    session
}

/// A saved session of `count` proposals in a fresh temporary folder.
fn saved(count: usize) -> (tempfile::TempDir, PathBuf, Session) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("bench.ron");
    let session = session_with(count);
    save(&path, &session).expect("saved");
    (dir, path, session)
}

#[divan::bench(args = SIZES)]
fn load_file(bencher: divan::Bencher, count: usize) {
    let (_dir, path, _) = saved(count);
    bencher.bench(|| load(divan::black_box(&path)).expect("loads"));
}

#[divan::bench(args = SIZES)]
fn save_file(bencher: divan::Bencher, count: usize) {
    let (_dir, path, session) = saved(count);
    bencher.bench(|| save(divan::black_box(&path), divan::black_box(&session)).expect("saves"));
}

#[divan::bench(args = SIZES)]
fn capture(bencher: divan::Bencher, count: usize) {
    let (_dir, path, _) = saved(count);
    let mut file = SessionFile::open(&path).expect("opens");
    let mut mine = file.session().clone();
    let now = Utc.with_ymd_and_hms(2018, 11, 14, 15, 0, 0).single().expect("valid time");
    bencher.bench_local(|| {
        mine.add_proposal(3, 2, Kind::Condition, "Une proposition de plus, saisie à la table", now)
            .expect("valid proposal");
        file.save_merged(divan::black_box(&mine)).expect("saved");
        mine.clone_from(file.session());
    });
}

/// The part of `capture` that does not wait for the disk: merging the app's copy
/// with the file's and finding the journal lines to write.
#[divan::bench(args = SIZES)]
fn capture_in_memory(bencher: divan::Bencher, count: usize) {
    let base = session_with(count);
    let mut mine = base.clone();
    let now = Utc.with_ymd_and_hms(2018, 11, 14, 15, 0, 0).single().expect("valid time");
    mine.add_proposal(3, 2, Kind::Condition, "Une proposition de plus", now).expect("valid proposal");
    bencher.bench(|| {
        let merged = merge(divan::black_box(&base), divan::black_box(&mine), &base);
        entries_between(&base, &merged).expect("only proposals changed")
    });
}

#[divan::bench(args = SIZES)]
fn parse_text(bencher: divan::Bencher, count: usize) {
    let text = to_text(&session_with(count)).expect("serialises");
    let path = PathBuf::from("bench.ron");
    bencher.bench(|| parse(&path, divan::black_box(&text)).expect("parses"));
}

#[divan::bench(args = SIZES)]
fn to_text_only(bencher: divan::Bencher, count: usize) {
    let session = session_with(count);
    bencher.bench(|| to_text(divan::black_box(&session)).expect("serialises"));
}
