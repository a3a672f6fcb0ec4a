//! Dot voting from phones at its busiest: the moment the facilitator opens the vote,
//! 100 phones take a ballot at once and place their 3 dots on the synthèse's conditions
//! of a café of 200 proposals. Measures how long a phone waits for its ballot (the
//! synthèse computed for the page) and for each dot's acknowledgement — the dot being
//! on disk by then (lock, whole session file written and fsynced) — prints the 50th,
//! 90th, 99th percentiles and the longest wait, and checks the totals on disk.
//!
//! Run with `cargo bench --bench vote`. `place_one_dot` (divan) is one dot placed and
//! taken back on a quiet server.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

#[path = "../tests/serve_support/mod.rs"]
mod serve_support;
use serve_support::{agent, start_on_loopback};

use cafe_savoir::domain::family::default_families;
use cafe_savoir::serve::Server;
use cafe_savoir::serve::token::new_token;
use cafe_savoir::serve::vote::{VoteView, voting_address};
use cafe_savoir::store::{SessionFile, load, save};

const PHONES: usize = 100;
const DOTS: u32 = 3;
const PROPOSALS: usize = 200;

fn main() {
    rush();
    divan::main();
}

/// A café of 200 proposals served on 127.0.0.1 with its vote open; the voting address.
fn served(dir: &Path) -> (Server, PathBuf, String) {
    let path = dir.join("cafe.ron");
    let session = cafe_savoir::synth::generate::session(PROPOSALS, 7, default_families());
    save(&path, &session).expect("saved");
    let server = start_on_loopback(&path, 0, None);
    let token = new_token().expect("random");
    let mut file = SessionFile::open(&path).expect("opens");
    file.update(|s| s.open_vote(&token, DOTS)).expect("opened");
    let page = voting_address(file.session(), server.address()).expect("open");
    (server, path, page)
}

/// A new ballot; a phone sent back by the rate limit (every phone of the bench shares
/// 127.0.0.1, in a room each has its own address) tries again as the page does.
fn take_ballot(agent: &ureq::Agent, page: &str) -> (VoteView, Duration, usize) {
    let mut refused = 0;
    loop {
        let sent = Instant::now();
        let mut answer = agent.post(&format!("{page}/ballots")).send_empty().expect("answers");
        let wait = sent.elapsed();
        match answer.status().as_u16() {
            201 => {
                let body = answer.body_mut().read_to_string().expect("body");
                return (serde_json::from_str(&body).expect("json"), wait, refused);
            }
            429 => {
                refused += 1;
                std::thread::sleep(Duration::from_millis(250));
            }
            other => panic!("a ballot was refused: {other}"),
        }
    }
}

fn place(agent: &ureq::Agent, page: &str, ballot: &str, condition: u64, dots: u32) -> u16 {
    agent
        .put(&format!("{page}/ballots/{ballot}/dots/{condition}"))
        .header("Content-Type", "application/json")
        .send(format!(r#"{{"dots":{dots}}}"#))
        .map(|r| r.status().as_u16())
        .unwrap_or(0)
}

fn rush() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (server, path, page) = served(dir.path());
    let started = Instant::now();
    let phones: Vec<_> = (0..PHONES)
        .map(|phone| {
            let page = page.clone();
            std::thread::spawn(move || {
                let agent = agent();
                let (view, ballot_wait, refused) = take_ballot(&agent, &page);
                let conditions = view.conditions.len();
                assert!(conditions > 0, "conditions to vote on");
                let mut waits = Vec::new();
                for dot in 0..DOTS as usize {
                    let condition = view.conditions[(phone * 7 + dot * 13) % conditions].id;
                    let sent = Instant::now();
                    let status = place(&agent, &page, &view.ballot, condition, 1);
                    waits.push(sent.elapsed());
                    assert_eq!(status, 200, "a dot was refused");
                }
                (ballot_wait, refused, waits, conditions)
            })
        })
        .collect();
    let mut ballots = Vec::new();
    let mut dots = Vec::new();
    let mut refused = 0;
    let mut shown = 0;
    for phone in phones {
        let (ballot, r, waits, conditions) = phone.join().expect("phone");
        shown = conditions;
        ballots.push(ballot);
        refused += r;
        dots.extend(waits);
    }
    let elapsed = started.elapsed();
    let session = load(&path).expect("loads");
    let on_disk: u32 = session.decisions.votes.iter().map(|v| v.votes).sum();
    let vote = session.vote.as_ref().expect("vote");
    assert_eq!(
        (vote.ballots.len(), vote.placed(), on_disk),
        (PHONES, PHONES as u32 * DOTS, PHONES as u32 * DOTS)
    );
    println!(
        "vote rush: {PHONES} phones × {DOTS} dots on a café of {PROPOSALS} proposals ({shown} conditions shown), all in {:.1} s",
        elapsed.as_secs_f64()
    );
    println!(
        "  ballots {} / dots on disk {on_disk} (exact); ballot requests sent back by the shared-address rate limit: {refused}",
        vote.ballots.len()
    );
    println!("  ballot (page's first read): {}", percentiles(&mut ballots));
    println!("  dot acknowledgement: {}", percentiles(&mut dots));
    server.stop();
}

fn percentiles(waits: &mut [Duration]) -> String {
    waits.sort();
    let at = |q: f64| waits[((waits.len() as f64 * q).ceil() as usize).clamp(1, waits.len()) - 1];
    format!(
        "p50 {:.1} ms · p90 {:.1} ms · p99 {:.1} ms · max {:.1} ms",
        ms(at(0.50)),
        ms(at(0.90)),
        ms(at(0.99)),
        ms(waits[waits.len() - 1])
    )
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// One dot placed and taken back (two acknowledgements, each on disk) on a quiet
/// server.
#[divan::bench(sample_count = 50, sample_size = 1)]
fn place_one_dot(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (server, _, page) = served(dir.path());
    let agent = agent();
    let (view, _, _) = take_ballot(&agent, &page);
    let condition = view.conditions[0].id;
    let mut toggle = 0;
    bencher.bench_local(|| {
        toggle = 1 - toggle;
        assert_eq!(place(&agent, &page, &view.ballot, condition, toggle), 200);
    });
    server.stop();
}
