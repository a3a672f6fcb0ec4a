//! Shared helpers of the tests (and benchmarks) that run the phones' server: one started
//! on loopback for a session file, as `cafe serve` would, without the signal handling;
//! and a phone's request to it, in French.
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

/// An HTTP client that reads every status as an answer, not an error.
pub fn agent() -> ureq::Agent {
    ureq::Agent::config_builder().http_status_as_error(false).build().into()
}

/// Sends a request as a French phone (`Accept-Language: fr`, a JSON body when there is
/// one); returns the status and the body, whatever the status.
pub fn send(method: &str, url: &str, body: Option<String>) -> (u16, String) {
    let agent = agent();
    let json = "application/json";
    let response = match (method, body) {
        ("GET", _) => agent.get(url).header("Accept-Language", "fr").call(),
        ("DELETE", _) => agent.delete(url).header("Accept-Language", "fr").call(),
        ("POST", None) => agent.post(url).header("Accept-Language", "fr").send_empty(),
        ("POST", Some(body)) => {
            agent.post(url).header("Content-Type", json).header("Accept-Language", "fr").send(body)
        }
        ("PUT", Some(body)) => {
            agent.put(url).header("Content-Type", json).header("Accept-Language", "fr").send(body)
        }
        _ => panic!("unknown request {method}"),
    };
    let mut response = response.expect("the server answers");
    let status = response.status().as_u16();
    let text = response.body_mut().read_to_string().unwrap_or_default();
    (status, text)
}
