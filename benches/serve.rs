//! Phone capture under a café's load: 8 tables each sending one proposal a second while
//! 100 phones hold the table page open (each asking for its table's list every 5
//! seconds, as the page does). Measures how long a phone waits for the acknowledgement
//! of a proposal — the proposal being on disk by then (lock, journal line, fsync) — and
//! prints the 50th, 90th, 99th percentiles and the longest wait.
//!
//! Run with `cargo bench --bench serve` (one minute; `CAFE_LOAD_SECONDS=N` to change).
//! `acknowledge_one` (divan) is one proposal acknowledged on a quiet server.

use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

#[path = "../tests/serve_support/mod.rs"]
mod serve_support;
use serve_support::{agent, start_on_loopback};

use cafe_savoir::domain::Session;
use cafe_savoir::serve::{Server, table_addresses};
use cafe_savoir::store::{load, save};

const TABLES: u32 = 8;
const PHONES: usize = 100;

fn main() {
    let seconds = std::env::var("CAFE_LOAD_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    café_load(Duration::from_secs(seconds));
    divan::main();
}

/// A session of 8 tables served on 127.0.0.1; each table's API address.
fn served(dir: &Path) -> (Server, Vec<String>) {
    let path = dir.join("cafe.ron");
    save(&path, &Session::new("Charge", Vec::new(), TABLES, 3, 20).expect("valid")).expect("saved");
    let server = start_on_loopback(&path, 0, None);
    let apis = table_addresses(&load(&path).expect("loads"), server.address())
        .into_iter()
        .map(|(_, url)| url.replace("/t/", "/api/"))
        .collect();
    (server, apis)
}

fn café_load(duration: Duration) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (server, apis) = served(dir.path());
    let stop = Arc::new(AtomicBool::new(false));
    let phones: Vec<_> = (0..PHONES)
        .map(|phone| {
            let api = apis[phone % apis.len()].clone();
            let stop = stop.clone();
            std::thread::spawn(move || {
                let agent = agent();
                // Spread the phones' refreshes over the 5 seconds.
                std::thread::sleep(Duration::from_millis(50 * phone as u64));
                let mut refused = 0;
                while !stop.load(Ordering::Relaxed) {
                    let status = agent.get(&api).call().map(|r| r.status().as_u16()).unwrap_or(0);
                    refused += usize::from(status != 200);
                    std::thread::sleep(Duration::from_secs(5));
                }
                refused
            })
        })
        .collect();
    let tables: Vec<_> = apis
        .iter()
        .enumerate()
        .map(|(table, api)| {
            let api = api.clone();
            std::thread::spawn(move || {
                let agent = agent();
                let start = Instant::now();
                std::thread::sleep(Duration::from_millis(125 * table as u64));
                let mut waits = Vec::new();
                let mut n = 0;
                while start.elapsed() < duration {
                    let body = format!(r#"{{"text":"Table {table}, proposition {n} : du temps pour se parler","kind":"Condition"}}"#);
                    let sent = Instant::now();
                    let status = agent
                        .post(&format!("{api}/proposals"))
                        .header("Content-Type", "application/json")
                        .send(body)
                        .map(|r| r.status().as_u16())
                        .unwrap_or(0);
                    let wait = sent.elapsed();
                    assert_eq!(status, 201, "a proposal was refused under load");
                    waits.push(wait);
                    n += 1;
                    std::thread::sleep(Duration::from_secs(1).saturating_sub(wait));
                }
                waits
            })
        })
        .collect();
    let mut waits: Vec<Duration> = tables.into_iter().flat_map(|t| t.join().expect("table")).collect();
    stop.store(true, Ordering::Relaxed);
    let refused: usize = phones.into_iter().map(|p| p.join().expect("phone")).sum();
    waits.sort();
    let at = |q: f64| waits[((waits.len() as f64 * q).ceil() as usize).clamp(1, waits.len()) - 1];
    let stored = load(&dir.path().join("cafe.ron")).expect("loads").proposals.len();
    println!(
        "café load: {TABLES} tables × 1 proposal/s for {}s, {PHONES} phones refreshing every 5 s",
        duration.as_secs()
    );
    println!(
        "  {} proposals acknowledged ({stored} on disk), phone refreshes refused: {refused}",
        waits.len()
    );
    println!(
        "  acknowledgement: p50 {:.1} ms · p90 {:.1} ms · p99 {:.1} ms · max {:.1} ms",
        ms(at(0.50)),
        ms(at(0.90)),
        ms(at(0.99)),
        ms(waits[waits.len() - 1])
    );
    server.stop();
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// One proposal acknowledged (on disk) on a quiet server; the tables take turns, so
/// that no token reaches the rate limit.
#[divan::bench(sample_count = 100, sample_size = 1)]
fn acknowledge_one(bencher: divan::Bencher) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (server, apis) = served(dir.path());
    let agent = agent();
    let mut n = 0u64;
    bencher.bench_local(|| {
        n += 1;
        let url = format!("{}/proposals", apis[n as usize % apis.len()]);
        let status = agent
            .post(&url)
            .header("Content-Type", "application/json")
            .send(format!(r#"{{"text":"Proposition {n}","kind":"Astuce"}}"#))
            .map(|r| r.status().as_u16())
            .unwrap_or(0);
        assert_eq!(status, 201);
    });
    server.stop();
}
