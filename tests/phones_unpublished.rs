//! Phone capture when its address cannot be written beside the session (a read-only
//! folder, or here something in the way of `.NAME.ron.phones`, which the system
//! refuses even to an administrator): the phones keep working, and the facilitator's
//! screen says why projector windows show no codes, naming the file and the system's
//! reason, in French and in English; `cafe serve` says it on stderr.

mod tui_support;

use std::path::Path;

mod serve_support;
use serve_support::agent;

use cafe_savoir::i18n::Lang;
use cafe_savoir::store::phones_address::phones_address_path;
use cafe_savoir::tui::action::{Action, RunAction};
use cafe_savoir::tui::app::{App, Status};
use cafe_savoir::tui::perform::{dispatch, phone_events};
use chrono::Utc;
use tui_support::{frame, session};

/// The facilitator's window on a session whose address file cannot be written, phone
/// capture turned on (on this machine only, any free port).
fn serving_without_address(dir: &Path, lang: Lang) -> App {
    let path = dir.join("cafe.ron");
    cafe_savoir::store::save(&path, &session()).expect("saved");
    std::fs::create_dir(phones_address_path(&path)).expect("a folder in the way");
    let mut app = cafe_savoir::tui::session_app(&path, cafe_savoir::store::load(&path).expect("loads"), lang);
    app.phones.bind = Some(std::net::IpAddr::V4(std::net::Ipv4Addr::LOCALHOST));
    app.phones.port = 0;
    dispatch(&mut app, Action::Run(RunAction::TogglePhones), Utc::now());
    app
}

#[test]
fn the_facilitator_is_told_why_projectors_show_no_codes_and_the_phones_still_work() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = serving_without_address(dir.path(), Lang::Fr);
    let address_file = phones_address_path(&dir.path().join("cafe.ron")).display().to_string();
    let on = app.phones.on.clone().expect("phone capture is on all the same");
    match &app.status {
        Some(Status::Error(message)) => {
            assert!(message.starts_with("Saisie par téléphone ouverte sur http://"), "{message}");
            assert!(
                message.contains(&format!("impossible d'écrire {address_file} (c'est un dossier)")),
                "{message}"
            );
            assert!(message.contains("Les téléphones fonctionnent"), "{message}");
        }
        other => panic!("expected an error message, got {other:?}"),
    }
    // On the run screen, under the phones' header, for as long as it serves.
    app.size = (160, 60);
    let shown = frame(&app, 160, 60);
    assert!(shown.contains("Les fenêtres de projection n'afficheront pas les codes"), "{shown}");
    // At 80 columns the reason wraps rather than being cut.
    app.size = (80, 40);
    let narrow = frame(&app, 80, 40);
    assert!(narrow.contains("(c'est un dossier)") && narrow.contains("fonctionnent."), "{narrow}");

    // A phone's proposal still lands in the file, and the app hears of it (the server
    // tells the app before it answers the phone).
    let table_2 = on.tables[1].1.replace("/t/", "/api/");
    let agent = agent();
    let sent = agent.post(&format!("{table_2}/proposals")).header("Content-Type", "application/json");
    let answer =
        sent.send(r#"{"text":"Des pauses régulières","kind":"Astuce"}"#).expect("the server answers");
    assert_eq!(answer.status().as_u16(), 201);
    let on_disk = cafe_savoir::store::load(&dir.path().join("cafe.ron")).expect("loads");
    assert!(on_disk.proposals.iter().any(|p| p.text == "Des pauses régulières" && p.table == 2));
    for action in phone_events(&app) {
        dispatch(&mut app, action, Utc::now());
    }
    assert_eq!(app.phones.counts.get(&2), Some(&1));

    // Off: nothing left to explain.
    dispatch(&mut app, Action::Run(RunAction::TogglePhones), Utc::now());
    assert!(app.phones.on.is_none() && app.phones.unpublished.is_none());
    assert!(!frame(&app, 160, 60).contains("fenêtres de projection"));
}

#[test]
fn in_english_too() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = serving_without_address(dir.path(), Lang::En);
    let address_file = phones_address_path(&dir.path().join("cafe.ron")).display().to_string();
    let why = app.phones.unpublished.as_deref().expect("the reason is kept");
    assert_eq!(
        why,
        format!(
            "Projector windows will show no codes: could not write {address_file} (it is a folder). The phones work."
        )
    );
    assert!(matches!(&app.status, Some(Status::Error(m)) if m.starts_with("Phone capture open on http://")));
}

#[test]
fn cafe_serve_says_it_on_stderr_and_serves() {
    use std::io::{BufRead, BufReader, Read};
    use std::process::{Command, Stdio};

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("cafe.ron");
    cafe_savoir::store::save(&path, &session()).expect("saved");
    std::fs::create_dir(phones_address_path(&path)).expect("a folder in the way");
    let mut child = Command::new(env!("CARGO_BIN_EXE_cafe"))
        .args(["serve", "cafe.ron", "--bind", "127.0.0.1", "--port", "0", "--lang", "fr"])
        .current_dir(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("cafe serve runs");
    let mut lines = BufReader::new(child.stdout.take().expect("stdout")).lines();
    let mut addresses = Vec::new();
    for line in lines.by_ref().map_while(Result::ok) {
        if line.starts_with("Ctrl+C") {
            break;
        }
        if let Some((_, url)) = line.trim().strip_prefix("Table ").and_then(|l| l.split_once(" : ")) {
            addresses.push(url.to_string());
        }
    }
    assert_eq!(addresses.len(), 4, "{addresses:?}");
    let agent = agent();
    let answer = agent.get(&addresses[0]).call().expect("the server answers");
    assert_eq!(answer.status().as_u16(), 200, "the phones' pages are served");

    let killed = Command::new("kill").args(["-TERM", &child.id().to_string()]).status().expect("kill runs");
    assert!(killed.success());
    assert!(child.wait().expect("cafe serve ends").success());
    drop(lines);
    let mut stderr = String::new();
    child.stderr.take().expect("stderr").read_to_string(&mut stderr).expect("stderr reads");
    // The file as the command was given the session (here relative to its folder).
    assert_eq!(
        stderr,
        "Les fenêtres de projection n'afficheront pas les codes : impossible d'écrire .cafe.ron.phones \
         (c'est un dossier). Les téléphones fonctionnent.\n"
    );
}
