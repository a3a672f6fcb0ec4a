//! `cafe plan` end to end: a real session file in a temporary folder, the real binary.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use cafe_savoir::domain::Session;
use cafe_savoir::store;
use predicates::prelude::*;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/participants_69.csv")
}

fn session_file(dir: &Path, tables: u32, rounds: u32) -> PathBuf {
    let path = dir.join("cafe.ron");
    let mut session =
        Session::new("Café du savoir — essai", Vec::new(), tables.max(1), rounds, 20).expect("session");
    // A hand-edited file may have no table at all.
    session.tables.truncate(tables as usize);
    store::save(&path, &session).expect("saved");
    path
}

fn cafe() -> Command {
    let mut cmd = Command::cargo_bin("cafe").expect("binary");
    cmd.env("LANG", "fr_CA.UTF-8").env_remove("LC_ALL").env_remove("LC_MESSAGES");
    cmd
}

#[test]
fn csv_itineraries_and_the_plan_is_stored() {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = session_file(dir.path(), 8, 3);
    let output = cafe()
        .args([
            "plan",
            session.to_str().unwrap(),
            "--participants",
            fixture().to_str().unwrap(),
            "--format",
            "csv",
        ])
        .assert()
        .success()
        .stderr(predicate::str::contains("Toutes les règles strictes sont respectées"))
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(output).expect("utf-8");
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("name,organisation,round,table"));
    assert_eq!(lines.count(), 69 * 3);

    let stored = store::load(&session).expect("loads");
    assert_eq!(stored.participants.len(), 69);
    let plan = stored.rotation.expect("plan stored");
    assert_eq!(plan.seats.len(), 69);
    assert_eq!(plan.seed, cafe_savoir::plan::DEFAULT_SEED);
    // The tables took their hosts' names.
    assert!(stored.tables.iter().all(|t| !t.host.is_empty()));
    // Planning again gives the same plan and leaves the file as it was.
    let before = std::fs::read(&session).expect("read");
    cafe().args(["plan", session.to_str().unwrap(), "--format", "csv"]).assert().success();
    assert_eq!(std::fs::read(&session).expect("read"), before);
}

#[test]
fn markdown_plan_in_english_with_numbered_people() {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = session_file(dir.path(), 4, 2);
    cafe()
        .args(["--lang", "en", "plan", session.to_str().unwrap(), "--count", "18", "--seed", "7"])
        .assert()
        .success()
        .stdout(predicate::str::contains("# Rotation plan — Café du savoir — essai"))
        .stdout(predicate::str::contains("## Round 2"))
        .stdout(predicate::str::contains("| Participant 18 |"))
        .stdout(predicate::str::contains("Every hard rule holds."));
    let stored = store::load(&session).expect("loads");
    assert_eq!(stored.participant_count, Some(18));
    assert_eq!(stored.rotation.expect("plan").seed, 7);
}

fn refused(dir: &Path, csv: &str, tables: u32, expected: &str) {
    let session = session_file(dir, tables, 3);
    let participants = dir.join("people.csv");
    std::fs::write(&participants, csv).expect("write");
    let before = std::fs::read(&session).expect("read");
    cafe()
        .args(["plan", session.to_str().unwrap(), "--participants", participants.to_str().unwrap()])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(expected))
        .stderr(predicate::str::contains("rien n'a été écrit"));
    assert_eq!(std::fs::read(&session).expect("read"), before, "the session was changed");
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    refused(dir.path(), "name,organisation,host_of\nA,x,1\nB,y,9\n", 3, "table 9, qui n'existe pas");
    refused(dir.path(), "name,organisation,host_of\nA,x,1\nB,y,1\nC,z,2\n", 2, "plus d'hôtes que de tables");
    refused(dir.path(), "name,organisation\nA,x\n,y\n", 3, "ligne 3 : nom vide");
    refused(dir.path(), "name,organisation\nA,x\nB,y\na,z\n", 3, "« a » figure déjà à la ligne 2");
    refused(dir.path(), "nom;organisme;hote_de\nA;x;trois\n", 3, "numéro de table invalide « trois »");
    refused(dir.path(), "name,organisation\nA,x\nB,y\n", 0, "aucune table");
}

/// Text as a French Excel saves it: Windows-1252, one byte per accented letter.
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '’' => 0x92,
            c => u8::try_from(u32::from(c)).expect("a Latin-1 letter"),
        })
        .collect()
}

#[test]
fn a_french_excel_file_is_read_by_import_and_by_plan_alike() {
    let dir = tempfile::tempdir().expect("tempdir");
    let session = session_file(dir.path(), 3, 2);
    let notes = dir.path().join("notes.csv");
    std::fs::write(&notes, windows_1252("Table;Texte;Tour\n1;Reconnaître l’expérience des aînés;1\n"))
        .expect("notes written");
    cafe().args(["import", session.to_str().unwrap(), notes.to_str().unwrap()]).assert().success();
    let participants = dir.path().join("participants.csv");
    std::fs::write(
        &participants,
        windows_1252(
            "Nom;Organisme;Hôte de\nHélène Côté;Maison d’entraide;1\nFrançois Bélanger;Café-école;\n\
             Zoé Lévesque;Carrefour jeunesse;2\nJérôme Ouellet;Maison d’entraide;\n",
        ),
    )
    .expect("participants written");
    cafe()
        .args(["plan", session.to_str().unwrap(), "--participants", participants.to_str().unwrap()])
        .assert()
        .success()
        .stdout(predicate::str::contains("Hélène Côté"));
    let stored = store::load(&session).expect("loads");
    assert_eq!(stored.proposals[0].text, "Reconnaître l’expérience des aînés");
    let names: Vec<&str> = stored.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Hélène Côté", "François Bélanger", "Zoé Lévesque", "Jérôme Ouellet"]);
    assert_eq!(stored.participants[0].organisation, "Maison d’entraide");
    assert_eq!(stored.participants[2].host_of, Some(2));
}

#[test]
fn a_participants_error_names_its_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    refused(dir.path(), "name,organisation\nA,x\n,y\n", 3, "people.csv: ligne 3 : nom vide");
}
