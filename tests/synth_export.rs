//! Exports of the synthèse, end to end: RON and JSON parse back into the same synthèse;
//! CSV keeps its first eight columns and adds `id,status,votes,excluded`; the document
//! synthèse (Markdown, HTML, DOCX, XLSX) has the seed's shape in its final and travail
//! variants, quotes every témoignage once and verbatim, and escapes what a table typed
//! in every format; DOCX and XLSX are read back from their zip parts; HTML is rendered
//! by headless Chromium when it is installed; `cafe synth -o` never destroys a file.

mod browser_support;

use std::io::Read as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use assert_cmd::cargo::cargo_bin_cmd;
use cafe_savoir::domain::{Kind, ProposalId, Session};
use cafe_savoir::export::document::{self, SynthesisDocument, cluster_label};
use cafe_savoir::export::{Format, Options, Variant, export};
use cafe_savoir::i18n::Lang;
use cafe_savoir::store::families::default_families;
use cafe_savoir::synth::{Engine, Synthesis, generate};
use predicates::str::contains;

mod tui_support;

const INJECTION: &str = "*x* <b>gras</b> [l](http://x) \x1b]0;x\x07 fin";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn demo_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/cafe-du-savoir-14-novembre-2018.ron")
}

fn demo() -> Session {
    cafe_savoir::store::load(&demo_path()).expect("demo session loads")
}

fn decided(mut session: Session) -> Session {
    let ids: Vec<ProposalId> =
        session.proposals.iter().filter(|p| p.kind == Kind::Condition).map(|p| p.id).collect();
    session.decisions.merge(ids[0], ids[1]);
    session.decisions.set_family(ids[2], 2);
    session.decisions.set_wording(ids[3], "Une formulation « choisie », avec des \"guillemets\"");
    session.decisions.vote(ids[4], 3);
    session.decisions.exclude(ids[5]);
    session.decisions.set_family(ProposalId(999_999), 1);
    session
}

fn bytes(session: &Session, format: Format, variant: Variant, lang: Lang) -> Vec<u8> {
    let synthesis = Engine::new(&session.families).synthesize(session);
    export(&synthesis, &[(session.title.clone(), session)], format, Options::new(lang, variant))
        .expect("export")
}

fn text(session: &Session, format: Format, variant: Variant) -> String {
    String::from_utf8(bytes(session, format, variant, Lang::Fr)).expect("UTF-8")
}

/// The text of the XML parts of a zip archive (DOCX, XLSX), by part name.
fn zip_parts(bytes: &[u8]) -> Vec<(String, String)> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip archive");
    let mut parts = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("part");
        let mut text = String::new();
        if file.read_to_string(&mut text).is_ok() {
            parts.push((file.name().map(|n| n.to_string()).unwrap_or_default(), text));
        }
    }
    parts
}

fn part<'a>(parts: &'a [(String, String)], name: &str) -> &'a str {
    parts.iter().find(|(n, _)| n == name).map(|(_, t)| t.as_str()).unwrap_or_else(|| panic!("no part {name}"))
}

fn rounded(mut synthesis: Synthesis) -> Synthesis {
    for group in
        synthesis.conditions.iter_mut().chain(&mut synthesis.astuces).chain(&mut synthesis.temoignages)
    {
        group.confidence = (group.confidence * 100.0).round() / 100.0;
    }
    synthesis
}

#[test]
fn ron_and_json_exports_parse_back_into_the_same_synthesis() {
    for session in [decided(demo()), decided(generate::session(300, 7, default_families()))] {
        let engine = Engine::new(&session.families);
        let synthesis = engine.synthesize(&session);
        assert!(!synthesis.dropped.is_empty(), "the decision on a missing proposal is reported");
        let inputs = [(session.title.clone(), &session)];
        let doc = SynthesisDocument::new(&synthesis, &inputs);
        let ron_text = document::to_ron(&doc).expect("RON export");
        let back = document::from_ron(&ron_text).expect("RON export parses");
        assert_eq!(back, doc);
        assert_eq!(back.to_synthesis(), rounded(synthesis.clone()));
        let json_text = document::to_json(&doc).expect("JSON export");
        let back = document::from_json(&json_text).expect("JSON export parses");
        assert_eq!(back.to_synthesis(), rounded(synthesis));
    }
}

#[test]
fn the_ron_export_explains_itself() {
    let session = decided(demo());
    let ron = text(&session, Format::Ron, Variant::Final);
    assert!(!ron.contains("\\'"), "apostrophes are written plainly");
    assert!(ron.contains("l'"));
    for line in ron.lines().filter(|l| l.trim_start().starts_with("confidence:")) {
        let value = line.trim().trim_start_matches("confidence:").trim().trim_end_matches(',');
        assert!(value.split('.').nth(1).is_none_or(|d| d.len() <= 2), "two decimals: {line}");
    }
    for field in
        ["captured_at:", "question:", "host:", "description:", "decisions:", "changes:", "kind: Temoignage"]
    {
        assert!(ron.contains(field), "{field}");
    }
    assert!(
        ron.contains("Wording")
            && ron.contains("Merged")
            && ron.contains("Excluded")
            && ron.contains("Votes")
    );
    let doc = document::from_ron(&ron).expect("parses");
    for family in &doc.families {
        let ranks: Vec<usize> = family.conditions.iter().map(|g| g.rank).collect();
        assert_eq!(ranks, (1..=ranks.len()).collect::<Vec<_>>(), "ranks within the family");
    }
    assert_eq!(doc.inputs[0].participants, 69);
    assert_eq!(doc.inputs[0].organisations, 52);
}

#[test]
fn csv_keeps_its_first_eight_columns_and_adds_id_status_votes_excluded() {
    let session = decided(demo());
    let synthesis = Engine::new(&session.families).synthesize(&session);
    let csv_text = text(&session, Format::Csv, Variant::Final);
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    let header: Vec<String> = reader.headers().expect("header").iter().map(str::to_string).collect();
    assert_eq!(
        header.join(","),
        "cluster,family,canonical,support,table,round,kind,text,id,status,votes,excluded"
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), session.proposals.len());
    let mut ids: Vec<&str> = rows.iter().map(|r| &r[8]).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), session.proposals.len(), "one row per proposal id");
    for row in &rows {
        let group = synthesis.all_groups().find(|g| cluster_label(g.anchor) == row[0]).expect("cluster");
        assert_eq!(row[3].parse::<usize>().expect("support"), group.support);
        assert_eq!(row[10].parse::<u32>().expect("votes"), group.votes);
        assert_eq!(&row[11] == "true", group.excluded);
        assert!(["auto", "to_validate", "decided"].contains(&&row[9]));
    }
    assert!(rows.iter().any(|r| &r[11] == "true"), "the excluded condition is marked");
}

#[test]
fn the_document_has_the_seeds_shape_and_quotes_every_testimony_once() {
    let session = decided(demo());
    let quotes: Vec<&str> =
        session.proposals.iter().filter(|p| p.kind == Kind::Temoignage).map(|p| p.text.as_str()).collect();
    assert_eq!(quotes.len(), 16);
    let final_md = text(&session, Format::Md, Variant::Final);
    let travail_md = text(&session, Format::Md, Variant::Travail);
    for md in [&final_md, &travail_md] {
        assert_eq!(md.matches("\n> « ").count(), quotes.len(), "one quote per témoignage");
        for quote in &quotes {
            let inner = quote.trim().trim_start_matches('«').trim_end_matches('»').trim();
            let escaped = cafe_savoir::export::markdown::escape(inner);
            assert_eq!(md.matches(&format!("« {escaped} »")).count(), 1, "verbatim, once: {quote}");
        }
        assert!(!md.contains("« «"), "no doubled guillemets");
        assert!(!md.contains("tables 1") && !md.contains("1 tables"), "one table is singular");
        assert!(md.contains("## 1. Intérêt de participation et objectifs communs"));
        assert!(md.contains("### Astuces") && md.contains("### Témoignages"));
        assert!(md.contains("**Légende**") && md.contains("- ✓ — condition favorable"));
        assert!(md.contains("## Récapitulatif des conditions favorables"));
        assert!(md.contains("69 participants de 52 organisations"));
        assert!(md.contains("14 novembre 2018, Centre communautaire Saint-Joseph"));
        assert!(md.contains("Une formulation « choisie », avec des \"guillemets\""));
        assert!(md.contains("3 votes"));
    }
    let listed = final_md.split("## Récapitulatif").next().expect("body").matches("\n- ✓ **").count();
    assert!(
        final_md.contains(&format!("{listed} conditions favorables en 3 familles")),
        "the count is what is listed"
    );
    assert!(
        !final_md.contains("à valider") && !final_md.contains("écartées"),
        "the final variant is for members"
    );
    assert!(travail_md.contains("(à valider)") && travail_md.contains("## Propositions écartées"));
    assert!(travail_md.contains("↳"), "the travail variant shows sources");
    let en = String::from_utf8(bytes(&session, Format::Md, Variant::Final, Lang::En)).expect("UTF-8");
    assert!(en.contains("## 2. Knowledge and recognition") && en.contains("14 November 2018"));
}

fn session_with(texts: &[(Kind, &str)]) -> Session {
    let mut session = Session::new("Essai", default_families(), 3, 2, 20).expect("session");
    let now = chrono::Utc::now();
    for (i, (kind, text)) in texts.iter().enumerate() {
        session.add_proposal(1 + (i as u32 % 3), 1, *kind, text, now).expect("added");
    }
    session
}

#[test]
fn testimonies_are_never_merged_and_astuces_only_when_they_say_the_same() {
    let session = session_with(&[
        (Kind::Temoignage, "« Déjà entre guillemets »"),
        (Kind::Temoignage, "Sans guillemets"),
        (Kind::Temoignage, "Sans guillemets"),
        (Kind::Astuce, "Organiser un dîner pour se connaître"),
        (Kind::Astuce, "Organiser un dîner pour se connaître!"),
        (Kind::Astuce, "Écrire une entente claire dès le départ"),
    ]);
    let synthesis = Engine::new(&session.families).synthesize(&session);
    assert_eq!(synthesis.temoignages.len(), 3);
    assert!(synthesis.temoignages.iter().all(|g| g.members.len() == 1));
    assert_eq!(synthesis.astuces.len(), 2);
    let md = text(&session, Format::Md, Variant::Final);
    assert!(md.contains("> « Déjà entre guillemets »") && md.matches("> « Sans guillemets »").count() == 2);
}

#[test]
fn what_a_table_typed_is_escaped_in_every_format() {
    let session = session_with(&[
        (Kind::Condition, INJECTION),
        (Kind::Astuce, INJECTION),
        (Kind::Temoignage, INJECTION),
    ]);
    for format in Format::ALL {
        for variant in [Variant::Final, Variant::Travail] {
            let out = bytes(&session, format, variant, Lang::Fr);
            let readable: Vec<u8> = if format.is_text() {
                out.clone()
            } else {
                zip_parts(&out).into_iter().flat_map(|(_, t)| t.into_bytes()).collect()
            };
            assert!(!readable.contains(&0x1b), "no ESC byte in {format:?}");
            let readable = String::from_utf8_lossy(&readable);
            match format {
                Format::Md => assert!(readable.contains(r"\*x\* \<b>gras\</b> \[l\](http://x)")),
                Format::Html | Format::Docx | Format::Xlsx => {
                    assert!(readable.contains("&lt;b&gt;gras&lt;/b&gt;") && !readable.contains("<b>gras"))
                }
                Format::Csv | Format::Json | Format::Ron => assert!(readable.contains("*x* <b>gras</b>")),
            }
        }
    }
}

#[test]
fn docx_and_xlsx_read_back_with_their_parts_and_text() {
    let session = decided(demo());
    let docx = zip_parts(&bytes(&session, Format::Docx, Variant::Final, Lang::Fr));
    for name in ["[Content_Types].xml", "word/document.xml", "word/styles.xml", "_rels/.rels"] {
        assert!(docx.iter().any(|(n, _)| n == name), "{name}");
    }
    let body = part(&docx, "word/document.xml");
    assert!(body.contains("Intérêt de participation et objectifs communs"));
    assert!(body.contains("Heading1") && body.contains("Récapitulatif des conditions favorables"));
    assert!(body.contains("On nous a demandé une réponse pour le lendemain"));
    assert!(!body.contains("à valider"));
    let xlsx = zip_parts(&bytes(&session, Format::Xlsx, Variant::Final, Lang::Fr));
    let workbook = part(&xlsx, "xl/workbook.xml");
    assert!(workbook.contains("name=\"Conditions\"") && workbook.contains("name=\"Propositions\""));
    let strings = part(&xlsx, "xl/sharedStrings.xml");
    assert!(strings.contains("Une formulation « choisie »") && strings.contains("Intérêt de participation"));
    let xlsx = zip_parts(&bytes(&session, Format::Xlsx, Variant::Travail, Lang::Fr));
    let proposals = part(&xlsx, "xl/worksheets/sheet2.xml");
    assert_eq!(proposals.matches("<row ").count(), session.proposals.len() + 1);
}

#[test]
fn html_is_self_contained_and_renders_in_headless_chromium() {
    let session = demo();
    let html = text(&session, Format::Html, Variant::Final);
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("@media print"));
    for external in ["<link", "<script", "src=", "url(", "@import"] {
        assert!(!html.contains(external), "no external asset: {external}");
    }
    let Some(chromium) = browser_support::chromium_or_skip("the HTML export was") else {
        return;
    };
    browser_support::screenshot(chromium, &html, (900, 1270), "the page", "CAFE_SCREENSHOT");
}

#[test]
fn cafe_synth_on_notes_writes_the_csv_the_scorer_reads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("s.csv");
    cargo_bin_cmd!("cafe")
        .env("LANG", "fr_CA.UTF-8")
        .args(["synth", fixture("dev-notes.md").to_str().expect("path"), "-o"])
        .arg(&out)
        .assert()
        .success();
    let text = std::fs::read_to_string(&out).expect("output written");
    assert!(
        text.starts_with("cluster,family,canonical,support,table,round,kind,text,id,status,votes,excluded\n")
    );
    assert_eq!(text.lines().count(), 132);
}

#[test]
fn every_format_is_written_by_cafe_synth_and_follows_the_extension() {
    let dir = tempfile::tempdir().expect("temp dir");
    for format in Format::ALL {
        let out = dir.path().join(format!("synthese.{}", format.extension()));
        cargo_bin_cmd!("cafe")
            .args(["synth", "--lang", "en"])
            .arg(demo_path())
            .arg("-o")
            .arg(&out)
            .assert()
            .success();
        let written = std::fs::read(&out).expect("written");
        let expected = bytes(&demo(), format, Variant::Final, Lang::En);
        if format.is_text() {
            assert_eq!(written, expected, "{format:?}");
        } else {
            // Zip archives carry their time of writing in their properties.
            let content = |b: &[u8]| {
                zip_parts(b).into_iter().filter(|(name, _)| name != "docProps/core.xml").collect::<Vec<_>>()
            };
            assert_eq!(content(&written), content(&expected), "{format:?}");
        }
    }
    cargo_bin_cmd!("cafe")
        .args(["synth", "--lang", "en", "--format", "csv", "-o"])
        .arg(dir.path().join("x.md"))
        .arg(demo_path())
        .assert()
        .code(1)
        .stderr(contains("does not match --format csv"));
    cargo_bin_cmd!("cafe")
        .args(["synth", "--lang", "en", "-o"])
        .arg(dir.path().join("x.txt"))
        .arg(demo_path())
        .assert()
        .code(1)
        .stderr(contains("unknown format"));
}

#[test]
fn exports_cannot_destroy() {
    let dir = tempfile::tempdir().expect("temp dir");
    let session = dir.path().join("s.ron");
    std::fs::copy(demo_path(), &session).expect("copied");
    let other_session = dir.path().join("autre.json");
    std::fs::copy(demo_path(), &other_session).expect("copied");
    let existing = dir.path().join("existing.md");
    std::fs::write(&existing, "à garder").expect("written");
    let original = std::fs::read(&session).expect("read");
    let refused = |target: &Path, force: bool, message: &str| {
        let mut cmd = cargo_bin_cmd!("cafe");
        cmd.args(["synth", "--lang", "en"]).arg(&session).arg("-o").arg(target);
        if force {
            cmd.arg("--force");
        }
        cmd.assert().code(1).stderr(contains(message));
    };
    refused(&session, true, "one of the synthèse's inputs");
    refused(&other_session, true, "it is a session file");
    refused(&existing, false, "already exists (--force replaces it)");
    refused(dir.path(), true, "it is a folder");
    #[cfg(unix)]
    refused(Path::new("/dev/null"), true, "not a regular file");
    assert_eq!(std::fs::read(&session).expect("read"), original);
    assert_eq!(std::fs::read(&other_session).expect("read"), original);
    assert_eq!(std::fs::read_to_string(&existing).expect("read"), "à garder");
    assert!(!dir.path().join("s.ron.bak").exists());
    cargo_bin_cmd!("cafe")
        .args(["synth", "--format", "md", "--force", "-o"])
        .arg(&existing)
        .arg(&session)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&existing).expect("read").contains("## Récapitulatif"));
}

#[test]
fn standard_output_and_a_closed_pipe() {
    let out = cargo_bin_cmd!("cafe")
        .args(["synth", "--format", "ron", "-o", "-"])
        .arg(demo_path())
        .output()
        .expect("runs");
    assert!(out.status.success());
    assert!(document::from_ron(&String::from_utf8_lossy(&out.stdout)).is_ok());
    for _ in 0..3 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_cafe"))
            .args(["synth", "--format", "html", "--variant", "travail"])
            .arg(demo_path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawns");
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("ends");
        assert!(
            output.status.success(),
            "a closed pipe ends quietly: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
    }
}

#[test]
fn cafe_synth_output_carries_no_escape_byte() {
    let dir = tempfile::tempdir().expect("temp dir");
    let notes = dir.path().join("notes.csv");
    std::fs::write(
        &notes,
        format!("table,kind,text\n1,condition,\"{INJECTION}\"\n2,temoignage,\"{INJECTION}\"\n"),
    )
    .expect("written");
    for format in ["md", "csv", "json", "ron", "html"] {
        let out =
            cargo_bin_cmd!("cafe").args(["synth", "--format", format]).arg(&notes).output().expect("runs");
        assert!(out.status.success(), "{format}");
        assert!(!out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b), "{format}");
    }
}

#[test]
fn several_sessions_are_labelled_by_title_and_the_same_cafe_twice_is_said() {
    let notes =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/notes/cafe-du-savoir-14-novembre-2018.md");
    let output = cargo_bin_cmd!("cafe")
        .args(["synth", "--lang", "fr", "--format", "md"])
        .arg(demo_path())
        .arg(&notes)
        .output()
        .expect("runs");
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("semblent être le même café"), "{stderr}");
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.contains("semblent être le même café"), "the document says it too");
    let output = cargo_bin_cmd!("cafe")
        .args(["synth", "--lang", "en", "--format", "csv"])
        .arg(demo_path())
        .arg(fixture("dev-notes.csv"))
        .output()
        .expect("runs");
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains(",Café du savoir — Les défis du partenariat:1,"),
        "tables named by the session's title"
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let other = dir.path().join("autre-cafe.md");
    std::fs::write(&other, "# Table 1\n\n- Se voir plus souvent entre organismes\n").expect("written");
    let output = cargo_bin_cmd!("cafe")
        .args(["synth", "--lang", "en"])
        .arg(demo_path())
        .arg(&other)
        .output()
        .expect("runs");
    assert!(output.status.success());
    assert!(
        !String::from_utf8_lossy(&output.stderr).contains("same café"),
        "different cafés are not flagged"
    );
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

#[test]
fn the_readme_ron_example_is_a_document_that_parses() {
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).expect("README");
    let example = readme
        .split("```ron\n")
        .skip(1)
        .filter_map(|rest| rest.split("```").next())
        .find(|block| block.contains("inputs:"))
        .expect("the README's example of the synthèse export");
    let parsed = document::from_ron(example).expect("the README's example parses");
    assert_eq!(parsed.version, document::DOCUMENT_VERSION);
    assert_eq!(parsed.families[0].conditions[0].proposals[0].kind, Kind::Condition);
}

/// The app's « Vers un chemin… » (F5, `o`): the path typed in.
fn export_to(app: &mut cafe_savoir::tui::app::App, path: &Path) {
    use cafe_savoir::tui::action::{Action, ExportAction, PopupAction};
    use cafe_savoir::tui::app::{Popup, Prompt};
    tui_support::act(app, Action::Export(ExportAction::WriteTo), tui_support::t0());
    assert!(matches!(app.popup, Some(Popup::Ask { prompt: Prompt::ExportPath, .. })));
    app.popup = Some(Popup::Ask {
        prompt: Prompt::ExportPath,
        question: String::new(),
        input: Box::new(cafe_savoir::tui::widgets::LineInput::new(&path.display().to_string())),
    });
    tui_support::act(app, Action::Popup(PopupAction::Confirm), tui_support::t0());
}

#[test]
fn the_app_replaces_an_existing_file_only_once_confirmed_and_never_a_session() {
    use cafe_savoir::tui::action::{Action, PopupAction};
    use cafe_savoir::tui::app::{Popup, Status};
    use cafe_savoir::tui::screens::Screen;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = tui_support::app_with(demo(), Screen::Export, dir.path());
    let session_path = dir.path().join("cafe.ron");
    cafe_savoir::store::save(&session_path, &demo()).expect("saved");
    let original = std::fs::read(&session_path).expect("read");
    let other_session = dir.path().join("autre.ron");
    std::fs::write(&other_session, &original).expect("written");

    let existing = dir.path().join("a-garder.md");
    std::fs::write(&existing, "à garder").expect("written");
    export_to(&mut app, &existing);
    let Some(Popup::Confirm { message, .. }) = &app.popup else { panic!("a confirmation: {:?}", app.popup) };
    assert!(message.contains("existe déjà"));
    assert_eq!(
        std::fs::read_to_string(&existing).expect("read"),
        "à garder",
        "nothing written before the answer"
    );
    tui_support::act(&mut app, Action::Popup(PopupAction::Cancel), tui_support::t0());
    assert_eq!(std::fs::read_to_string(&existing).expect("read"), "à garder");
    export_to(&mut app, &existing);
    tui_support::act(&mut app, Action::Popup(PopupAction::Confirm), tui_support::t0());
    assert!(std::fs::read_to_string(&existing).expect("read").contains("# Les conditions favorables"));

    for session in [&session_path, &other_session] {
        export_to(&mut app, session);
        assert!(app.popup.is_none(), "no confirmation is offered for a session");
        assert!(matches!(&app.status, Some(Status::Error(m)) if m.contains("refusée")), "{:?}", app.status);
        assert_eq!(std::fs::read(session).expect("read"), original);
    }
}

#[test]
fn the_documents_title_and_introduction_come_from_the_session() {
    let mut session = demo();
    let usual = text(&session, Format::Md, Variant::Final);
    assert!(usual.starts_with("# Les conditions favorables"), "{}", &usual[..80]);
    session.document.title = "Nos conditions pour des partenariats gagnants".into();
    session.document.intro = "Ce que 52 organismes ont proposé le 14 novembre.".into();
    for format in [Format::Md, Format::Html] {
        let document = text(&session, format, Variant::Final);
        assert!(document.contains("Nos conditions pour des partenariats gagnants"), "{format:?}");
        assert!(document.contains("Ce que 52 organismes ont proposé le 14 novembre."), "{format:?}");
        assert!(!document.contains("Les conditions favorables — document synthèse"), "{format:?}");
    }
    let parts = zip_parts(&bytes(&session, Format::Docx, Variant::Final, Lang::Fr));
    let body = part(&parts, "word/document.xml");
    assert!(body.contains("Nos conditions pour des partenariats gagnants"));
    assert!(body.contains("Ce que 52 organismes ont proposé le 14 novembre."));
}

#[test]
fn the_round_questions_travel_in_the_ron_and_json_exports() {
    let mut session = demo();
    session.schedule.round_questions =
        vec!["Pourquoi s'engager ?".into(), String::new(), "Et ensuite ?".into()];
    let ron_text = text(&session, Format::Ron, Variant::Final);
    assert!(ron_text.contains("round_questions"), "the RON export names the round questions");
    assert!(ron_text.contains("Pourquoi s'engager ?") && ron_text.contains("Et ensuite ?"));
    let json = text(&session, Format::Json, Variant::Final);
    assert!(json.contains("\"round_questions\"") && json.contains("Et ensuite ?"));
}
