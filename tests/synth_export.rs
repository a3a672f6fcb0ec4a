//! Exports of the synthèse: RON and JSON parse back into the same synthèse, CSV has
//! PRODUCT.md's header and one row per proposal, Markdown reads like the seed's
//! « Conditions favorables » page; `cafe synth` end to end on notes and sessions.

use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;
use cafe_savoir::domain::{ProposalId, Session};
use cafe_savoir::i18n::Lang;
use cafe_savoir::store::families::default_families;
use cafe_savoir::synth::export::{self, SynthesisDocument};
use cafe_savoir::synth::{Engine, generate};
use predicates::str::contains;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn demo() -> Session {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/cafe-du-savoir-14-novembre-2018.ron");
    cafe_savoir::store::load(&path).expect("demo session loads")
}

fn decided(mut session: Session) -> Session {
    let ids: Vec<ProposalId> = session.proposals.iter().map(|p| p.id).collect();
    session.decisions.merge(ids[0], ids[1]);
    session.decisions.set_family(ids[2], 2);
    session.decisions.set_wording(ids[3], "Une formulation « choisie », avec des \"guillemets\"");
    session.decisions.vote(ids[4], 3);
    session.decisions.exclude(ids[5]);
    session.decisions.set_family(ProposalId(999_999), 1);
    session
}

#[test]
fn ron_and_json_exports_parse_back_into_the_same_synthesis() {
    for session in [decided(demo()), decided(generate::session(300, 7, default_families()))] {
        let engine = Engine::new(&session.families);
        let synthesis = engine.synthesize(&session);
        assert!(!synthesis.dropped.is_empty(), "the decision on a missing proposal is reported");
        let inputs = [(session.title.clone(), &session)];
        let document = SynthesisDocument::new(&synthesis, &inputs);
        let ron_text = export::to_ron(&document).expect("RON export");
        let back = export::from_ron(&ron_text).expect("RON export parses");
        assert_eq!(back, document);
        assert_eq!(back.to_synthesis(), synthesis);
        let json_text = export::to_json(&document).expect("JSON export");
        let back = export::from_json(&json_text).expect("JSON export parses");
        assert_eq!(back.to_synthesis(), synthesis);
    }
}

#[test]
fn csv_has_the_documented_header_and_one_row_per_proposal() {
    let session = demo();
    let synthesis = Engine::new(&session.families).synthesize(&session);
    let text = export::to_csv(&synthesis, &[(String::new(), &session)]).expect("CSV export");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_string).collect();
    assert_eq!(header.join(","), "cluster,family,canonical,support,table,round,kind,text");
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), session.proposals.len());
    for row in &rows {
        let group =
            synthesis.all_groups().find(|g| export::cluster_label(g.anchor) == row[0]).expect("cluster");
        assert_eq!(row[3].parse::<usize>().expect("support"), group.support);
    }
}

#[test]
fn markdown_is_the_document_synthese_in_french_or_english() {
    let session = decided(demo());
    let synthesis = Engine::new(&session.families).synthesize(&session);
    let document = SynthesisDocument::new(&synthesis, &[(session.title.clone(), &session)]);
    let fr = export::to_markdown(&document, Lang::Fr);
    assert!(fr.contains("## Conditions favorables"));
    assert!(fr.contains("### 1. Intérêt de participation et objectifs communs"));
    assert!(fr.contains("### 3. Rapports équitables et coconstruction"));
    assert!(fr.contains("- ✓ **"));
    assert!(fr.contains("Une formulation « choisie »"));
    assert!(fr.contains("3 votes"));
    assert!(fr.contains("## Propositions écartées"));
    assert!(fr.contains("14 novembre 2018, Centre communautaire Saint-Joseph"), "date and place");
    let en = export::to_markdown(&document, Lang::En);
    assert!(en.contains("### 2. Knowledge and recognition"));
    assert!(en.contains("14 November 2018"));
    assert!(en.contains("round"));
}

#[test]
fn cafe_synth_on_notes_writes_the_csv_the_scorer_reads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("s.csv");
    cargo_bin_cmd!("cafe")
        .env("LANG", "fr_CA.UTF-8")
        .args(["synth", fixture("dev-notes.md").to_str().expect("path"), "--format", "csv", "-o"])
        .arg(&out)
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).expect("output written");
    assert!(text.starts_with("cluster,family,canonical,support,table,round,kind,text\n"));
    assert_eq!(text.lines().count(), 132);
}

#[test]
fn cafe_synth_combines_sessions_and_notes() {
    let demo_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/cafe-du-savoir-14-novembre-2018.ron");
    let output = cargo_bin_cmd!("cafe")
        .args(["synth", "--lang", "en", "--format", "md"])
        .arg(&demo_path)
        .arg(fixture("dev-notes.csv"))
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("Knowledge and recognition"));
    assert!(text.contains("dev-notes "), "tables are told apart by input: {text}");
}

#[test]
fn cafe_synth_refuses_bad_inputs_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("notes.pdf");
    std::fs::write(&bad, "x").expect("written");
    cargo_bin_cmd!("cafe")
        .env("LANG", "fr_CA.UTF-8")
        .arg("synth")
        .arg(&bad)
        .assert()
        .code(1)
        .stderr(contains("type d'entrée inconnu"));
    let notes = dir.path().join("notes.md");
    std::fs::write(&notes, "- avant toute table\n").expect("written");
    cargo_bin_cmd!("cafe")
        .args(["synth", "--lang", "en"])
        .arg(&notes)
        .assert()
        .code(1)
        .stderr(contains("notes.md:1"));
}
