//! The guided review: its ranking (no question an earlier answer settles, transitivity
//! of the answers), what answers teach, `cafe review` / `cafe decide` as real
//! processes on real files, and the review in the app's synthèse screen answered by
//! keys.

mod tui_support;

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use cafe_savoir::domain::{Kind, Learned, ProposalId, Session};
use cafe_savoir::store::families::default_families;
use cafe_savoir::store::load;
use cafe_savoir::synth::quality::{parse_tsv, session_of};
use cafe_savoir::synth::review::answer::{Decision, decide};
use cafe_savoir::synth::review::graph::COMMON_FLOOR;
use cafe_savoir::synth::review::{Ask, engine_for, review};
use predicates::str::contains;

fn dev_session() -> Session {
    let text = std::fs::read_to_string(fixture("dev.tsv")).expect("dev set");
    session_of(&parse_tsv(&text), default_families())
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn p(n: u64) -> ProposalId {
    ProposalId(n)
}

/// Answers `count` questions with `answer`, checking after each that no question the
/// answers so far settle comes back.
fn answer_many(session: &mut Session, count: usize, answer: impl Fn(&Ask) -> Decision) {
    let families = default_families();
    let mut apart: Vec<(ProposalId, ProposalId)> = Vec::new();
    let mut placed: Vec<ProposalId> = Vec::new();
    for _ in 0..count {
        let engine = engine_for(&families, &session.learned, &Learned::default());
        let synthesis = engine.synthesize(session);
        let questions = review(&engine, session, &synthesis).questions;
        for q in &questions {
            match &q.ask {
                Ask::Same { a, b, .. } => {
                    let (ga, gb) = (synthesis.group_of(*a).expect("a"), synthesis.group_of(*b).expect("b"));
                    assert_ne!(ga.anchor, gb.anchor, "never asks about one condition");
                    for (x, y) in &apart {
                        let settled = (ga.members.contains(x) && gb.members.contains(y))
                            || (ga.members.contains(y) && gb.members.contains(x));
                        assert!(!settled, "{a}/{b} settled by the answer {x} ≠ {y}");
                    }
                }
                Ask::Place { proposal, .. } => assert!(!placed.contains(proposal), "{proposal} placed"),
                Ask::Family { proposal, .. } => {
                    // A family chosen stays with its condition, even when the proposal
                    // that carried the choice moves out.
                    let group = synthesis.group_of(*proposal).expect("group");
                    assert_ne!(
                        group.status,
                        cafe_savoir::synth::Status::Decided,
                        "family of {proposal} chosen"
                    );
                }
            }
        }
        let Some(first) = questions.first() else { break };
        let decision = answer(&first.ask);
        match &decision {
            Decision::Apart(a, b) => apart.push((*a, *b)),
            Decision::Move(a, _) | Decision::Alone(a) => placed.push(*a),
            _ => {}
        }
        decide(&engine, session, &synthesis, &decision).expect("recorded");
    }
}

#[test]
fn no_question_comes_back_once_an_answer_settles_it() {
    let mut session = dev_session();
    answer_many(&mut session, 25, |ask| match ask {
        Ask::Same { a, b, .. } => Decision::Apart(*a, *b),
        Ask::Place { proposal, .. } => Decision::Alone(*proposal),
        Ask::Family { proposal, suggested, .. } => Decision::Family(*proposal, suggested.unwrap_or(1)),
    });
    assert!(session.decisions.rejected.len() + session.decisions.splits.len() > 0);
}

#[test]
fn the_demo_session_asks_first_about_conditions_that_have_something_in_common() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/cafe-du-savoir-14-novembre-2018.ron");
    let session = load(&path).expect("demo session");
    let engine = engine_for(&session.families, &session.learned, &Learned::default());
    let synthesis = engine.synthesize(&session);
    let questions = review(&engine, &session, &synthesis).questions;
    let first = questions.first().expect("a question");
    let proposal = |id: ProposalId| session.proposal(id).expect("known proposal");
    assert_eq!(proposal(first.first()).kind, Kind::Condition, "{first:?}");
    for q in &questions {
        match &q.ask {
            Ask::Same { a, b, .. } => assert_eq!(proposal(*a).kind, proposal(*b).kind),
            Ask::Place { proposal: id, candidates } => {
                for c in candidates.iter().filter(|c| !c.current) {
                    assert_eq!(proposal(c.proposal).kind, proposal(*id).kind);
                    let similarity = engine.similarity(&proposal(*id).text, &proposal(c.proposal).text);
                    assert!(similarity >= COMMON_FLOOR, "{id} and {} have nothing in common", c.proposal);
                }
            }
            Ask::Family { .. } => {}
        }
    }
}

#[test]
fn a_lone_proposal_left_alone_keeps_its_family() {
    let mut session = dev_session();
    let families = default_families();
    let engine = engine_for(&families, &Learned::default(), &Learned::default());
    let synthesis = engine.synthesize(&session);
    let lone = review(&engine, &session, &synthesis)
        .questions
        .into_iter()
        .find_map(|q| match q.ask {
            Ask::Place { proposal, .. }
                if synthesis.group_of(proposal).is_some_and(|g| g.members.len() == 1) =>
            {
                Some(proposal)
            }
            _ => None,
        })
        .expect("a lone proposal to place");
    let family = if synthesis.group_of(lone).and_then(|g| g.family) == Some(2) { 3 } else { 2 };
    decide(&engine, &mut session, &synthesis, &Decision::Family(lone, family)).expect("family");
    let synthesis = engine.synthesize(&session);
    decide(&engine, &mut session, &synthesis, &Decision::Alone(lone)).expect("alone");
    let synthesis = engine.synthesize(&session);
    let group = synthesis.group_of(lone).expect("group");
    assert_eq!((group.members.len(), group.family), (1, Some(family)));
    let decided =
        synthesis.conditions.iter().filter(|g| g.status == cafe_savoir::synth::Status::Decided).count();
    assert_eq!(decided, 1, "the choice went to another condition");
}

#[test]
fn a_yes_carries_earlier_answers_over_to_the_whole_condition() {
    // a ≠ c, then a = b: b and c are never asked about (transitivity).
    let mut session = Session::new("t", default_families(), 3, 1, 20).expect("session");
    let now = chrono::Utc::now();
    for (table, text) in [
        (1, "Transparence sur les budgets de chacun"),
        (2, "Transparence des budgets entre partenaires"),
        (3, "Transparence sur les objectifs cachés"),
    ] {
        session.add_proposal(table, 1, Kind::Condition, text, now).expect("added");
    }
    let families = default_families();
    let engine = engine_for(&families, &Learned::default(), &Learned::default());
    let synthesis = engine.synthesize(&session);
    decide(&engine, &mut session, &synthesis, &Decision::Apart(p(1), p(3))).expect("apart");
    let synthesis = engine.synthesize(&session);
    decide(&engine, &mut session, &synthesis, &Decision::Same(p(1), p(2))).expect("same");
    let synthesis = engine.synthesize(&session);
    let group = synthesis.group_of(p(1)).expect("group");
    assert!(group.members.contains(&p(2)) && !group.members.contains(&p(3)));
    for q in review(&engine, &session, &synthesis).questions {
        if let Ask::Same { a, b, .. } = q.ask {
            assert!(!([a, b].contains(&p(3)) && [a, b].iter().any(|x| [p(1), p(2)].contains(x))), "{a} {b}");
        }
    }
}

#[test]
fn questions_are_ranked_by_worth_and_answers_raise_the_scores() {
    let text = std::fs::read_to_string(fixture("dev.tsv")).expect("dev set");
    let rows = parse_tsv(&text);
    let mut session = session_of(&rows, default_families());
    let families = default_families();
    let engine = engine_for(&families, &Learned::default(), &Learned::default());
    let synthesis = engine.synthesize(&session);
    let found = review(&engine, &session, &synthesis);
    assert!(found.questions.windows(2).all(|w| w[0].worth >= w[1].worth));
    assert_eq!(found.progress.left, found.questions.len());
    let before = cafe_savoir::synth::quality::score(&rows, &synthesis);
    let cluster = |id: &ProposalId| rows[id.0 as usize - 1].cluster.clone();
    answer_many(&mut session, 20, |ask| match ask {
        Ask::Same { a, b, .. } if cluster(a) == cluster(b) => Decision::Same(*a, *b),
        Ask::Same { a, b, .. } => Decision::Apart(*a, *b),
        Ask::Place { proposal, candidates } => {
            match candidates.iter().find(|c| cluster(&c.proposal) == cluster(proposal)) {
                Some(c) => Decision::Move(*proposal, c.proposal),
                None => Decision::Alone(*proposal),
            }
        }
        Ask::Family { proposal, .. } => {
            Decision::Family(*proposal, rows[proposal.0 as usize - 1].families[0])
        }
    });
    let engine = engine_for(&families, &session.learned, &Learned::default());
    let after = cafe_savoir::synth::quality::score(&rows, &engine.synthesize(&session));
    // Floors a little below what 20 answers reach (BENCHMARKS.md, « guided review »).
    assert!(after.f1 > before.f1 + 0.03 && after.f1 >= 0.93, "{before:?} → {after:?}");
    assert!(after.family_accuracy >= 0.97, "{before:?} → {after:?}");
    assert_eq!(review(&engine, &session, &engine.synthesize(&session)).progress.answered, 20);
}

#[test]
fn a_same_answer_teaches_the_session_and_a_later_capture_joins() {
    let mut session = Session::new("t", default_families(), 3, 1, 20).expect("session");
    let now = chrono::Utc::now();
    session.add_proposal(1, 1, Kind::Condition, "Plus de fric pour les groupes", now).expect("added");
    session.add_proposal(2, 1, Kind::Condition, "Plus d'argent pour les groupes", now).expect("added");
    let families = default_families();
    let engine = engine_for(&families, &Learned::default(), &Learned::default());
    let synthesis = engine.synthesize(&session);
    decide(&engine, &mut session, &synthesis, &Decision::Same(p(1), p(2))).expect("same");
    // « argent » names a concept of the vocabulary: « fric » becomes one of its terms.
    assert_eq!(session.learned.terms.len(), 1, "{:?}", session.learned);
    assert_eq!(session.learned.terms[0].term, "fric");
    let taught = engine_for(&families, &session.learned, &Learned::default());
    let (x, y) = ("Trouver du fric", "Trouver de l'argent");
    let (before, after) = (engine.similarity(x, y), taught.similarity(x, y));
    assert!(after > before, "{before} → {after}");
    // Saved with the session, read back by an old-style file without the field.
    let text = cafe_savoir::store::session_file::to_text(&session).expect("text");
    assert!(text.contains("learned"));
    let old = cafe_savoir::store::session_file::to_text(&Session { learned: Learned::default(), ..session })
        .expect("text");
    assert!(!old.contains("learned"));
    assert!(cafe_savoir::store::session_file::parse(Path::new("old.ron"), &old).is_ok());
}

// ---- the command line ----

/// `cafe` in `dir`, whose data and config folders are inside `dir` (never the user's).
fn cafe(dir: &Path) -> Command {
    let mut cmd = cargo_bin_cmd!("cafe");
    cmd.current_dir(dir).env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG");
    cmd.env_remove("CAFE_DIR").env("HOME", dir);
    cmd.env("XDG_DATA_HOME", dir.join(".data")).env("XDG_CONFIG_HOME", dir.join(".config"));
    cmd
}

/// A session of the dev set's proposals, imported by the real commands.
fn dev_file(dir: &Path) -> PathBuf {
    std::fs::copy(fixture("dev-notes.md"), dir.join("notes.md")).expect("notes");
    cafe(dir).args(["new", "s.ron", "--title", "Essai", "--tables", "8"]).assert().success();
    cafe(dir).args(["import", "s.ron", "notes.md"]).assert().success();
    dir.join("s.ron")
}

fn stdout(cmd: &mut Command) -> String {
    String::from_utf8(cmd.assert().success().get_output().stdout.clone()).expect("UTF-8")
}

#[test]
fn review_prints_the_header_and_the_questions_best_first() {
    let dir = tempfile::tempdir().expect("temp");
    dev_file(dir.path());
    let out = stdout(cafe(dir.path()).args(["review", "s.ron", "--limit", "5"]));
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let header: Vec<String> = reader.headers().expect("header").iter().map(String::from).collect();
    assert_eq!(header, ["question", "kind", "a", "b", "family", "text_a", "text_b"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 5);
    for (i, row) in rows.iter().enumerate() {
        assert_eq!(row[0], (i + 1).to_string());
        assert!(["same", "place", "family"].contains(&&row[1]), "{row:?}");
        assert!(row[2].starts_with('p') && !row[5].is_empty());
        match &row[1] {
            "same" => assert!(row[3].starts_with('p') && !row[6].is_empty()),
            "place" => assert!(row[3].split('|').all(|b| b.starts_with('p'))),
            _ => assert!(row[3].is_empty()),
        }
    }
    let json = stdout(cafe(dir.path()).args(["review", "s.ron", "--format", "json", "--limit", "2"]));
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(value["questions"].as_array().map(Vec::len), Some(2));
    assert!(value["progress"]["left"].as_u64().unwrap_or(0) >= 2);
}

#[test]
fn review_prints_the_header_only_when_nothing_is_left() {
    let dir = tempfile::tempdir().expect("temp");
    cafe(dir.path()).args(["new", "s.ron", "--title", "Essai", "--tables", "2"]).assert().success();
    cafe(dir.path())
        .args(["add", "s.ron", "--table", "1", "Transparence sur les budgets"])
        .assert()
        .success();
    cafe(dir.path()).args(["decide", "s.ron", "family", "p1", "3"]).assert().success();
    let out = stdout(cafe(dir.path()).args(["review", "s.ron"]));
    assert_eq!(out, "question,kind,a,b,family,text_a,text_b\n");
}

#[test]
fn decide_records_each_verb_and_says_what_changed() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dev_file(dir.path());
    let run = |args: &[&str]| stdout(cafe(dir.path()).arg("decide").arg("s.ron").args(args));
    assert!(run(&["same", "p1", "p2"]).contains("Décision enregistrée"));
    assert!(run(&["apart", "p3", "p4"]).contains("Décision enregistrée"));
    run(&["move", "p5", "p6"]);
    run(&["alone", "p7"]);
    assert!(run(&["family", "p9", "3"]).contains("famille"));
    assert!(run(&["wording", "p10", "Une", "formulation"]).contains("« Une formulation »"));
    assert!(run(&["exclude", "p11"]).contains("écartée"));
    assert!(run(&["vote", "p12", "2"]).contains("2 votes"));
    run(&["vote", "p12", "-1"]);
    let english = stdout(cafe(dir.path()).args(["--lang", "en", "decide", "s.ron", "same", "p20", "21"]));
    assert!(english.contains("Decision recorded"), "{english}");
    let session = load(&path).expect("session");
    let d = &session.decisions;
    assert!(d.merges.iter().any(|m| (m.a, m.b) == (p(1), p(2))));
    assert!(d.merges.iter().any(|m| (m.a, m.b) == (p(5), p(6))));
    assert!(d.merges.iter().any(|m| (m.a, m.b) == (p(20), p(21))));
    assert!(d.rejected.iter().any(|r| (r.a, r.b) == (p(3), p(4))));
    assert!(d.splits.iter().any(|s| s.proposal == p(7)));
    assert!(d.families.iter().any(|f| f.proposal == p(9) && f.family == 3));
    assert!(d.wordings.iter().any(|w| w.proposal == p(10) && w.text == "Une formulation"));
    assert_eq!(d.exclusions, vec![p(11)]);
    assert_eq!(d.votes[0].votes, 1);
    // Never undone by a re-synthesis: a new capture keeps every decision.
    cafe(dir.path()).args(["add", "s.ron", "--table", "2", "Budget transparent"]).assert().success();
    let out = stdout(cafe(dir.path()).args(["synth", "s.ron", "--format", "csv"]));
    assert!(out.contains("Une formulation"));
    assert_eq!(&load(&path).expect("session").decisions, d);
}

#[test]
fn decide_refuses_an_unknown_id_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dev_file(dir.path());
    let before = std::fs::read(&path).expect("file");
    for args in [
        vec!["same", "p1", "p999"],
        vec!["move", "p999", "p1"],
        vec!["alone", "p999"],
        vec!["family", "p1", "7"],
        vec!["exclude", "nimporte"],
    ] {
        let output =
            cafe(dir.path()).arg("decide").arg("s.ron").args(&args).assert().code(1).get_output().clone();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
        assert!(stderr.contains("rien n'a changé"), "{stderr}");
    }
    cafe(dir.path())
        .args(["--lang", "en", "decide", "s.ron", "apart", "p1", "p999"])
        .assert()
        .code(1)
        .stderr(contains("there is no proposal p999"));
    assert_eq!(std::fs::read(&path).expect("file"), before);
}

#[test]
fn promote_adds_the_learned_vocabulary_to_the_users_file() {
    let dir = tempfile::tempdir().expect("temp");
    cafe(dir.path()).args(["new", "s.ron", "--title", "Essai", "--tables", "2"]).assert().success();
    cafe(dir.path())
        .args(["add", "s.ron", "--table", "1", "Plus de fric pour les groupes"])
        .assert()
        .success();
    cafe(dir.path())
        .args(["add", "s.ron", "--table", "2", "Plus d'argent pour les groupes"])
        .assert()
        .success();
    cafe(dir.path()).args(["decide", "s.ron", "same", "p1", "p2"]).assert().success().stdout(contains("≈"));
    cafe(dir.path()).args(["review", "s.ron", "--promote"]).assert().success().stderr(contains("1 élément"));
    let path = dir.path().join(".data/cafe/vocabulary.ron");
    let user = std::fs::read_to_string(&path).expect("user file");
    assert!(user.contains("\"fric\""), "{user}");
    // The next run reads it: a new session joins the two wordings without any answer.
    cafe(dir.path()).args(["new", "t.ron", "--title", "Suite", "--tables", "2"]).assert().success();
    for (table, text) in [("1", "Trouver du fric"), ("2", "Trouver de l'argent")] {
        cafe(dir.path()).args(["add", "t.ron", "--table", table, text]).assert().success();
    }
    let csv = cafe(dir.path()).args(["synth", "t.ron", "--format", "csv"]).assert().success();
    let text = String::from_utf8_lossy(&csv.get_output().stdout).into_owned();
    let clusters: Vec<&str> = text.lines().skip(1).filter_map(|row| row.split(',').next()).collect();
    assert_eq!(clusters, vec!["p1", "p1"], "one condition for both wordings: {text}");
    // A broken file is located and left as it is.
    std::fs::write(&path, "(\n  version: 1,\n  abbreviations: [oops],\n)").expect("broken");
    cafe(dir.path())
        .args(["review", "s.ron", "--promote"])
        .assert()
        .code(1)
        .stderr(contains("vocabulary.ron:3:"));
    assert_eq!(
        std::fs::read_to_string(&path).expect("kept"),
        "(\n  version: 1,\n  abbreviations: [oops],\n)"
    );
}

// ---- the app ----

use cafe_savoir::tui::app::{App, Status};
use cafe_savoir::tui::screens::Screen;
use cafe_savoir::tui::screens::harvest::state::HarvestTab;
use ratatui::crossterm::event::KeyCode;

fn key(app: &mut App, c: char) {
    tui_support::code(app, KeyCode::Char(c), tui_support::t0());
}

fn question(app: &App) -> Option<cafe_savoir::synth::review::Question> {
    app.open.as_ref().expect("open").harvest.question().cloned()
}

fn saved(app: &App) -> Session {
    load(&app.open.as_ref().expect("open").path).expect("saved session loads")
}

/// The demo session's review, answered with `o`, `n`, digits and `p`, then undone.
#[test]
fn the_app_asks_one_question_at_a_time_and_records_each_answer() {
    let dir = tempfile::tempdir().expect("temp");
    let demo = load(Path::new("sessions/cafe-du-savoir-14-novembre-2018.ron")).expect("demo");
    let mut app = tui_support::app_with(demo, Screen::Harvest, dir.path());
    key(&mut app, 'v');
    assert_eq!(app.open.as_ref().expect("open").harvest.tab, HarvestTab::Queue);
    let screen = tui_support::frame(&app, 160, 45);
    assert!(screen.contains("Revue guidée") && screen.contains("reste"), "{screen}");
    let mut answered = 0;
    let mut seen = Vec::new();
    for _ in 0..12 {
        let Some(q) = question(&app) else { break };
        assert!(!seen.contains(&(q.kind(), q.first())), "asked twice: {q:?}");
        seen.push((q.kind(), q.first()));
        let before = app.open.as_ref().expect("open").session.decisions.clone();
        match &q.ask {
            Ask::Same { a, b, .. } => {
                key(&mut app, 'n');
                assert!(saved(&app).decisions.rejected.iter().any(|p| p.contains(*a) && p.contains(*b)));
            }
            Ask::Place { proposal, candidates } => {
                if candidates.len() > 1 {
                    key(&mut app, '2');
                    assert!(saved(&app).decisions.merges.iter().any(|m| m.contains(*proposal)));
                } else {
                    key(&mut app, 'n');
                    assert!(saved(&app).decisions.splits.iter().any(|s| s.proposal == *proposal));
                }
            }
            Ask::Family { proposal, .. } => {
                key(&mut app, '3');
                let synthesis = &app.open.as_ref().expect("open").harvest.synthesis;
                assert_eq!(synthesis.group_of(*proposal).expect("group").family, Some(3));
            }
        }
        assert_ne!(saved(&app).decisions, before, "each answer is saved");
        answered += 1;
        assert!(matches!(&app.status, Some(Status::Info(m)) if m.contains("Décision enregistrée")));
    }
    assert!(answered >= 5);
    let progress = app.open.as_ref().expect("open").harvest.review.progress;
    assert_eq!(progress.answered, answered);
    // « passer » shows the next question without recording anything.
    let skipped = question(&app).expect("more to ask");
    let before = saved(&app).decisions;
    key(&mut app, 'p');
    assert_ne!(question(&app).map(|q| (q.kind(), q.first())), Some((skipped.kind(), skipped.first())));
    assert_eq!(saved(&app).decisions, before);
    // Every answer can be undone, back to the start.
    for _ in 0..answered {
        key(&mut app, 'u');
    }
    assert!(saved(&app).decisions.is_empty());
    assert!(saved(&app).learned.is_empty());
}

#[test]
fn the_app_says_when_nothing_is_left_to_check() {
    let dir = tempfile::tempdir().expect("temp");
    let mut session = Session::new("t", default_families(), 2, 1, 20).expect("session");
    session
        .add_proposal(1, 1, Kind::Condition, "Transparence sur les budgets", tui_support::t0())
        .expect("added");
    session.decisions.set_family(p(1), 3);
    let mut app = tui_support::app_with(session, Screen::Harvest, dir.path());
    key(&mut app, 'v');
    assert!(tui_support::frame(&app, 80, 24).contains("Plus de question"));
    key(&mut app, 'o');
    // It says what is left to do by hand: the condition only one table proposed.
    assert!(
        matches!(&app.status, Some(Status::Info(m)) if m.contains("Plus de question") && m.contains("1 condition(s) d'une seule table")),
        "{:?}",
        app.status
    );
}

#[test]
fn the_app_keeps_what_the_review_learned_for_the_next_cafes() {
    let dir = tempfile::tempdir().expect("temp");
    let mut session = Session::new("t", default_families(), 2, 1, 20).expect("session");
    for (table, text) in [(1, "Plus de fric pour les groupes"), (2, "Plus d'argent pour les groupes")] {
        session.add_proposal(table, 1, Kind::Condition, text, tui_support::t0()).expect("added");
    }
    let mut app = tui_support::app_with(session, Screen::Harvest, dir.path());
    key(&mut app, 'P');
    assert!(matches!(&app.status, Some(Status::Info(m)) if m.contains("Rien d'appris")));
    // « oui » to the two proposals: « fric » is learned, then kept with P.
    let engine = engine_for(&default_families(), &Learned::default(), &Learned::default());
    let open = app.open.as_mut().expect("open");
    decide(&engine, &mut open.session, &open.harvest.synthesis.clone(), &Decision::Same(p(1), p(2)))
        .expect("same");
    app.data_dir = Some(dir.path().join("data"));
    key(&mut app, 'P');
    assert!(matches!(&app.status, Some(Status::Info(m)) if m.contains("1 élément")), "{:?}", app.status);
    let user = std::fs::read_to_string(dir.path().join("data/vocabulary.ron")).expect("user file");
    assert!(user.contains("\"fric\""), "{user}");
}

#[test]
fn a_session_opened_in_the_app_uses_what_earlier_cafes_kept() {
    let dir = tempfile::tempdir().expect("temp");
    let mut kept = Learned::default();
    let shipped = cafe_savoir::synth::vocabulary::Vocabulary::shipped();
    assert!(cafe_savoir::synth::review::learn::learn_same(&shipped, &mut kept, "fric", "argent"));
    // Kept by an earlier version, in the former file of the sessions folder.
    let former = ron::to_string(&kept).expect("serialised");
    std::fs::write(dir.path().join(".cafe-vocabulary.ron"), former).expect("kept");
    let path = dir.path().join("cafe.ron");
    cafe_savoir::store::save(&path, &tui_support::session()).expect("saved");
    let file = cafe_savoir::store::SessionFile::open(&path).expect("opened");
    let mut app = App::new(
        dir.path().to_path_buf(),
        cafe_savoir::i18n::Lang::Fr,
        cafe_savoir::tui::settings::Settings::default(),
        false,
        tui_support::t0(),
    );
    tui_support::act(
        &mut app,
        cafe_savoir::tui::action::Action::Loaded { path, result: Ok(Box::new(file)) },
        tui_support::t0(),
    );
    let open = app.open.as_ref().expect("open");
    assert_eq!(open.user_learned, kept);
    let plain = engine_for(&default_families(), &Learned::default(), &Learned::default());
    let (x, y) = ("Trouver du fric", "Trouver de l'argent");
    assert!(open.engine.similarity(x, y) > plain.similarity(x, y));
}
