//! Phone capture end to end: a real server on 127.0.0.1 and a real HTTP client; what
//! the phones send is read back from the session file.

use std::collections::HashSet;
use std::io::{BufRead, BufReader};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;

mod serve_support;
use serve_support::{send, start_on_loopback};

use cafe_savoir::domain::{Kind, Session};
use cafe_savoir::serve::api::{MAX_PROPOSAL_BYTES, TableView};
use cafe_savoir::serve::token::renew_token;
use cafe_savoir::serve::{PhoneEvent, Server, table_addresses};
use cafe_savoir::store::{load, save, update_session};

fn new_session(dir: &Path, tables: u32) -> PathBuf {
    let path = dir.join("cafe.ron");
    let mut session = Session::new("Essai", Vec::new(), tables, 3, 20).expect("valid session");
    if let Some(table) = session.table_mut(3) {
        table.question = "Qu'est-ce qui aide à <apprendre> ?".into();
    }
    save(&path, &session).expect("saved");
    path
}

/// The API address of each table, by table number.
fn api_of(server: &Server, path: &Path, table: u32) -> String {
    let session = load(path).expect("loads");
    let (_, page) = table_addresses(&session, server.address())
        .into_iter()
        .find(|(number, _)| *number == table)
        .expect("the table has an address");
    page.replace("/t/", "/api/")
}

fn proposal(text: &str, kind: &str) -> Option<String> {
    Some(serde_json::json!({ "text": text, "kind": kind }).to_string())
}

#[test]
fn a_table_adds_edits_and_deletes_its_proposals_and_each_is_on_disk() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_session(dir.path(), 4);
    let (events, heard) = mpsc::channel();
    let server = start_on_loopback(&path, 0, Some(events));
    let api = api_of(&server, &path, 3);

    let (status, body) = send("POST", &format!("{api}/proposals"), proposal("Un lieu <calme>", "Astuce"));
    assert_eq!(status, 201, "{body}");
    let view: TableView = serde_json::from_str(&body).expect("json");
    assert_eq!(view.table, 3);
    assert_eq!(view.question, "Qu'est-ce qui aide à <apprendre> ?");
    let id = view.proposals[0].id;
    // On disk as soon as the phone is answered.
    let on_disk = load(&path).expect("loads");
    let stored = on_disk.proposals.iter().find(|p| p.id.0 == id).expect("on disk");
    assert_eq!(
        (stored.table, stored.round, stored.kind, stored.text.as_str()),
        (3, 1, Kind::Astuce, "Un lieu <calme>")
    );
    assert_eq!(heard.try_recv().ok(), Some(PhoneEvent::Changed { table: 3, proposal: stored.id }));

    // The same proposal sent again (its answer was lost) is not added twice.
    let (status, body) = send("POST", &format!("{api}/proposals"), proposal("Un lieu <calme>", "Astuce"));
    assert_eq!(status, 201);
    assert_eq!(serde_json::from_str::<TableView>(&body).expect("json").proposals.len(), 1);

    let (status, _) =
        send("PUT", &format!("{api}/proposals/{id}"), proposal("Un lieu calme et clair", "Condition"));
    assert_eq!(status, 200);
    let edited = load(&path).expect("loads").proposals.into_iter().find(|p| p.id.0 == id).expect("kept");
    assert_eq!(
        (edited.text.as_str(), edited.kind, edited.edition),
        ("Un lieu calme et clair", Kind::Condition, 1)
    );

    let (status, body) = send("GET", &api, None);
    assert_eq!(status, 200);
    assert_eq!(
        serde_json::from_str::<TableView>(&body).expect("json").proposals[0].text,
        "Un lieu calme et clair"
    );

    let (status, _) = send("DELETE", &format!("{api}/proposals/{id}"), None);
    assert_eq!(status, 200);
    let after = load(&path).expect("loads");
    assert!(after.proposals.is_empty());
    assert!(after.deleted.iter().any(|d| d.0 == id));
    // An empty proposal is refused and changes nothing.
    let (status, body) = send("POST", &format!("{api}/proposals"), proposal("  \t ", "Condition"));
    assert_eq!(status, 422, "{body}");
    assert!(body.contains("la proposition est vide"), "{body}");
    assert!(load(&path).expect("loads").proposals.is_empty());
    server.stop();
}

#[test]
fn a_wrong_or_renewed_token_is_refused_and_counted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_session(dir.path(), 3);
    let server = start_on_loopback(&path, 0, None);
    let table_1 = api_of(&server, &path, 1);
    let table_2 = api_of(&server, &path, 2);
    let base = format!("http://{}", server.address());

    let (status, body) = send("POST", &format!("{table_1}/proposals"), proposal("À la table 1", "Condition"));
    assert_eq!(status, 201);
    let id = serde_json::from_str::<TableView>(&body).expect("json").proposals[0].id;

    assert_eq!(send("GET", &format!("{base}/api/0123456789abcdefghjkmnpqrs"), None).0, 404);
    assert_eq!(send("GET", &format!("{base}/api/not-a-token"), None).0, 404);
    assert_eq!(send("GET", &format!("{base}/t/not-a-token"), None).0, 404);
    // Another table's token can neither change nor delete table 1's proposal.
    assert_eq!(send("PUT", &format!("{table_2}/proposals/{id}"), proposal("pris", "Condition")).0, 403);
    assert_eq!(send("DELETE", &format!("{table_2}/proposals/{id}"), None).0, 403);
    assert_eq!(send("GET", &table_2, None).1.matches("\"id\"").count(), 0, "table 2 does not see table 1");

    // Renewed by the facilitator: the old address stops working at once.
    update_session(&path, |session| renew_token(session, 1)).expect("renewed");
    let (status, body) = send("POST", &format!("{table_1}/proposals"), proposal("Trop tard", "Condition"));
    assert_eq!(status, 404);
    assert!(body.contains("demandez la nouvelle adresse"), "{body}");
    let renewed = api_of(&server, &path, 1);
    assert_ne!(renewed, table_1);
    assert_eq!(send("POST", &format!("{renewed}/proposals"), proposal("À temps", "Condition")).0, 201);

    let texts: Vec<String> = load(&path).expect("loads").proposals.into_iter().map(|p| p.text).collect();
    assert_eq!(texts, ["À la table 1", "À temps"]);
    assert_eq!(server.refused(), 6);
    server.stop();
}

#[test]
fn oversized_proposals_and_requests_are_refused_with_413() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_session(dir.path(), 2);
    let server = start_on_loopback(&path, 0, None);
    let api = api_of(&server, &path, 1);

    let long = "é".repeat(MAX_PROPOSAL_BYTES / 2 + 1);
    let (status, body) = send("POST", &format!("{api}/proposals"), proposal(&long, "Condition"));
    assert_eq!(status, 413);
    assert!(body.contains("4 Ko"), "{body}");
    let huge = format!("{{\"text\":\"x\",\"kind\":\"Condition\",\"pad\":\"{}\"}}", "x".repeat(20 * 1024));
    assert_eq!(send("POST", &format!("{api}/proposals"), Some(huge)).0, 413);
    let just_fits = "a".repeat(MAX_PROPOSAL_BYTES);
    assert_eq!(send("POST", &format!("{api}/proposals"), proposal(&just_fits, "Condition")).0, 201);
    assert_eq!(load(&path).expect("loads").proposals.len(), 1);
    assert_eq!(send("POST", &format!("{api}/proposals"), Some("{not json".into())).0, 400);
    server.stop();
}

#[test]
fn a_token_sending_too_fast_is_slowed_down_with_429_and_others_are_not() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_session(dir.path(), 2);
    let server = start_on_loopback(&path, 0, None);
    let api = api_of(&server, &path, 1);
    let statuses: Vec<u16> = (0..100).map(|_| send("GET", &api, None).0).collect();
    assert!(statuses.contains(&429), "{statuses:?}");
    assert_eq!(statuses[0], 200);
    assert_eq!(send("GET", &api_of(&server, &path, 2), None).0, 200, "table 2 has its own budget");
    server.stop();
}

#[test]
fn eight_tables_sending_twenty_proposals_at_once_all_land_at_their_tables() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_session(dir.path(), 8);
    let server = start_on_loopback(&path, 0, None);
    let apis: Vec<(u32, String)> = (1..=8).map(|t| (t, api_of(&server, &path, t))).collect();
    std::thread::scope(|scope| {
        for (table, api) in &apis {
            scope.spawn(move || {
                for n in 0..20 {
                    let text = format!("Table {table}, proposition {n}");
                    let (status, body) =
                        send("POST", &format!("{api}/proposals"), proposal(&text, "Condition"));
                    assert_eq!(status, 201, "{body}");
                }
            });
        }
    });
    server.stop();
    let session = load(&path).expect("loads");
    assert_eq!(session.proposals.len(), 160);
    let ids: HashSet<_> = session.proposals.iter().map(|p| p.id).collect();
    assert_eq!(ids.len(), 160, "distinct ids");
    for p in &session.proposals {
        assert!(p.text.starts_with(&format!("Table {},", p.table)), "{} at table {}", p.text, p.table);
    }
    assert!(!dir.path().join("cafe.ron.journal").exists(), "folded into the file when stopped");
}

#[test]
fn the_server_stops_when_asked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_session(dir.path(), 2);
    let server = start_on_loopback(&path, 0, None);
    let address = server.address();
    assert!(TcpStream::connect(address).is_ok());
    server.stop();
    assert!(TcpStream::connect(address).is_err(), "nothing listens any more");
}

#[test]
fn cafe_serve_prints_each_tables_address_and_stops_on_sigterm() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_session(dir.path(), 3);
    let mut child = Command::new(env!("CARGO_BIN_EXE_cafe"))
        .args(["serve", "cafe.ron", "--bind", "127.0.0.1", "--port", "0", "--lang", "en", "--renew", "2"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .spawn()
        .expect("cafe serve runs");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let mut addresses = Vec::new();
    let first = lines.next().expect("a line").expect("a line");
    assert_eq!(first, "Table 2: new address (the old one no longer works).");
    for line in lines.by_ref() {
        let line = line.expect("a line");
        if line.starts_with("Ctrl+C") {
            break;
        }
        if let Some(url) = line.trim().strip_prefix("Table ").and_then(|l| l.split_once(": ")).map(|(_, u)| u)
        {
            addresses.push(url.to_string());
        }
    }
    assert_eq!(addresses.len(), 3, "{addresses:?}");
    let api = addresses[1].replace("/t/", "/api/");
    let (status, page) = send("GET", &addresses[1], None);
    assert_eq!(status, 200);
    assert!(page.contains("Table 2"));
    assert_eq!(send("POST", &format!("{api}/proposals"), proposal("Du temps", "Temoignage")).0, 201);
    // Its address beside the session, for a projector window, while it serves.
    let published = cafe_savoir::store::phones_address::read(&path).expect("published");
    assert!(addresses[1].starts_with(&format!("http://{published}/t/")), "{published}");

    let killed = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().expect("kill runs");
    assert!(killed.success());
    let status = child.wait().expect("cafe serve ends");
    assert!(status.success(), "{status:?}");
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    assert!(rest.iter().any(|l| l.starts_with("Phone capture stopped")), "{rest:?}");
    assert!(!cafe_savoir::store::phones_address::phones_address_path(&path).exists());
    let session = load(&path).expect("loads");
    assert_eq!(session.proposals[0].table, 2);
    assert!(session.tables.iter().all(|t| t.phone_token.len() == 26));
}

#[test]
fn renewing_a_missing_table_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_session(dir.path(), 3);
    let before = std::fs::read_to_string(&path).expect("readable");
    let output = Command::new(env!("CARGO_BIN_EXE_cafe"))
        .args(["serve", "cafe.ron", "--renew", "9", "--lang", "fr"])
        .current_dir(dir.path())
        .output()
        .expect("cafe serve runs");
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "cafe: la table 9 n'existe pas\n");
    assert_eq!(std::fs::read_to_string(&path).expect("readable"), before);
}
