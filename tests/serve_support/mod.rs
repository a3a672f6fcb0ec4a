//! Shared helper of the tests that run the phones' server: one started on loopback for a
//! session file, as `cafe serve` would, without the signal handling.
#![allow(dead_code)]

use std::path::Path;
use std::sync::mpsc;

use cafe_savoir::serve::{PhoneEvent, ServeConfig, Server};

/// The server for the session at `path`, on 127.0.0.1 at `port` (0: any free port),
/// telling `events` what the phones changed.
pub fn start_on_loopback(path: &Path, port: u16, events: Option<mpsc::Sender<PhoneEvent>>) -> Server {
    Server::start(ServeConfig {
        session: path.to_path_buf(),
        bind: Some("127.0.0.1".parse().expect("address")),
        port,
        stop_on_signal: false,
        events,
    })
    .expect("server started")
}
