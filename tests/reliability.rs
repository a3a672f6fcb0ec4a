//! Nothing acknowledged is ever lost: real `cafe` processes and real files, several
//! writers on one session, crashes left behind, files that cannot be read or written.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use cafe_savoir::domain::{Kind, ProposalId, Session};
use cafe_savoir::store::journal::journal_path;
use cafe_savoir::store::{SessionFile, StoreError, load, save};
use chrono::Utc;

fn cafe(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cafe"));
    cmd.current_dir(dir).env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG");
    cmd
}

fn new_session(dir: &Path) -> PathBuf {
    let path = dir.join("s.ron");
    save(&path, &Session::new("Essai", Vec::new(), 4, 3, 20).expect("valid session")).expect("saved");
    path
}

fn ids(session: &Session) -> Vec<u64> {
    let mut ids: Vec<u64> = session.proposals.iter().map(|p| p.id.0).collect();
    ids.sort_unstable();
    ids
}

#[test]
fn two_processes_adding_fifty_each_at_once_keep_all_hundred_under_distinct_ids() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_session(dir.path());
    let writers: Vec<std::thread::JoinHandle<usize>> = (1..=2)
        .map(|table| {
            let dir = dir.path().to_path_buf();
            std::thread::spawn(move || {
                (0..50)
                    .filter(|n| {
                        let text = format!("table {table} proposition {n}");
                        let status = cafe(&dir)
                            .args(["add", "s.ron", "--table", &table.to_string(), &text])
                            .output()
                            .expect("cafe runs");
                        status.status.success()
                    })
                    .count()
            })
        })
        .collect();
    let acknowledged: usize = writers.into_iter().map(|w| w.join().expect("writer")).sum();
    assert_eq!(acknowledged, 100);
    let session = load(&path).expect("loads");
    assert_eq!(ids(&session), (1..=100).collect::<Vec<u64>>());
    for table in 1..=2 {
        for n in 0..50 {
            let text = format!("table {table} proposition {n}");
            assert_eq!(session.proposals.iter().filter(|p| p.text == text).count(), 1, "{text}");
        }
    }
    // One backup, no temporary file, no journal left by one-shot commands.
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into())
        .collect();
    names.sort();
    assert_eq!(names, vec![".s.ron.lock", "s.ron", "s.ron.bak"]);
}

#[test]
fn a_capture_is_one_journal_line_read_back_by_every_reader_and_folded_on_exit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_session(dir.path());
    let before = fs::read(&path).expect("read");
    let mut file = SessionFile::open(&path).expect("opens");
    let id = file
        .update(|s| s.add_proposal(1, 1, Kind::Condition, "Une proposition", Utc::now()))
        .expect("captured");
    assert_eq!(fs::read(&path).expect("read"), before, "the session file itself is not rewritten");
    let journal = fs::read_to_string(journal_path(&path)).expect("journal");
    assert_eq!(journal.lines().count(), 1, "{journal}");
    assert_eq!(load(&path).expect("loads").proposal(id).map(|p| p.text.as_str()), Some("Une proposition"));
    // Another program's command sees it and keeps it.
    let out = cafe(dir.path()).args(["add", "s.ron", "--table", "2", "Une autre"]).output().expect("runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(!journal_path(&path).exists(), "the command folded the journal");
    let id2 =
        file.update(|s| s.add_proposal(3, 1, Kind::Astuce, "Une troisième", Utc::now())).expect("captured");
    assert_eq!(id2, ProposalId(3));
    file.fold().expect("folded");
    assert!(!journal_path(&path).exists());
    assert_eq!(ids(&load(&path).expect("loads")), vec![1, 2, 3]);
}

#[test]
fn a_line_cut_short_by_a_crash_is_ignored_then_cut_off() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_session(dir.path());
    let mut file = SessionFile::open(&path).expect("opens");
    file.update(|s| s.add_proposal(1, 1, Kind::Condition, "gardée", Utc::now())).expect("captured");
    let mut journal = fs::OpenOptions::new().append(true).open(journal_path(&path)).expect("journal");
    std::io::Write::write_all(&mut journal, b"{\"Put\":{\"id\":2,\"tab").expect("written");
    assert_eq!(ids(&load(&path).expect("loads")), vec![1]);
    let mut again = SessionFile::open(&path).expect("opens");
    again.update(|s| s.add_proposal(1, 1, Kind::Condition, "suivante", Utc::now())).expect("captured");
    assert_eq!(ids(&load(&path).expect("loads")), vec![1, 2]);
}

#[test]
fn a_deletion_made_here_stays_deleted_when_another_program_adds_meanwhile() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_session(dir.path());
    let mut file = SessionFile::open(&path).expect("opens");
    let mut mine = file.session().clone();
    for text in ["un", "deux", "trois"] {
        mine.add_proposal(1, 1, Kind::Condition, text, Utc::now()).expect("added");
    }
    file.save_merged(&mine).expect("saved");
    let mine = file.session().clone();
    let out = cafe(dir.path()).args(["add", "s.ron", "--table", "2", "d'ailleurs"]).output().expect("runs");
    assert!(out.status.success());
    let mut changed = mine.clone();
    changed.remove_proposal(ProposalId(2)).expect("removed");
    changed.proposals[0].text = "un, reformulé".into();
    changed.add_proposal(1, 1, Kind::Condition, "quatre", Utc::now()).expect("added");
    file.save_merged(&changed).expect("saved");
    let saved = file.session().clone();
    let on_disk = load(&path).expect("loads");
    assert_eq!(saved, on_disk);
    let texts: Vec<(u64, &str)> = on_disk.proposals.iter().map(|p| (p.id.0, p.text.as_str())).collect();
    assert_eq!(texts, vec![(1, "un, reformulé"), (3, "trois"), (4, "d'ailleurs"), (5, "quatre")]);
}

#[test]
fn a_file_that_stops_loading_is_never_written_over() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_session(dir.path());
    let mut file = SessionFile::open(&path).expect("opens");
    let broken = "(\n  version: 1,\n  title: Café sans guillemets,\n)\n";
    fs::write(&path, broken).expect("broken by hand");
    let result = file.update(|s| s.add_proposal(1, 1, Kind::Condition, "perdue ?", Utc::now()));
    assert!(matches!(result, Err(cafe_savoir::store::UpdateError::Store(StoreError::Parse { line: 3, .. }))));
    assert_eq!(fs::read_to_string(&path).expect("read"), broken);
    assert!(!journal_path(&path).exists());
    let newer = "(\n  version: 2,\n  title: \"Plus tard\",\n  nouveau: (),\n)\n";
    fs::write(&path, newer).expect("written by a newer program");
    let mine = file.session().clone();
    assert!(matches!(file.save_merged(&mine), Err(StoreError::NewerVersion { found: 2, .. })));
    let out = cafe(dir.path()).args(["add", "s.ron", "--table", "1", "x"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(fs::read_to_string(&path).expect("read"), newer);
}

#[cfg(unix)]
#[test]
fn a_read_only_session_is_read_but_never_written() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_session(dir.path());
    fs::set_permissions(&path, fs::Permissions::from_mode(0o444)).expect("chmod");
    let before = fs::read(&path).expect("read");
    let mut file = SessionFile::open(&path).expect("opens");
    assert!(file.is_read_only());
    let result = file.update(|s| s.add_proposal(1, 1, Kind::Condition, "x", Utc::now()));
    assert!(matches!(result, Err(cafe_savoir::store::UpdateError::Store(StoreError::ReadOnly { .. }))));
    let out = cafe(dir.path()).args(["add", "s.ron", "--table", "1", "x"]).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("lecture seule"), "{:?}", out);
    assert_eq!(fs::read(&path).expect("read"), before);
    assert!(!journal_path(&path).exists());
}

#[cfg(unix)]
#[test]
fn a_session_reached_through_a_link_is_written_in_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let real = new_session(dir.path());
    let link = dir.path().join("lien.ron");
    std::os::unix::fs::symlink(&real, &link).expect("link");
    let out =
        cafe(dir.path()).args(["add", "lien.ron", "--table", "1", "par le lien"]).output().expect("runs");
    assert!(out.status.success(), "{:?}", out);
    assert!(fs::symlink_metadata(&link).expect("link").file_type().is_symlink());
    assert_eq!(load(&real).expect("loads").proposals.len(), 1);
}

#[test]
fn what_a_crash_left_is_recovered_when_complete_and_newer_else_removed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_session(dir.path());
    let mut newer = load(&path).expect("loads");
    newer.add_proposal(1, 1, Kind::Condition, "dans le fichier temporaire", Utc::now()).expect("added");
    std::thread::sleep(std::time::Duration::from_millis(20));
    let complete = dir.path().join(".s.ron.a1b2c3.tmp");
    fs::write(&complete, cafe_savoir::store::session_file::to_text(&newer).expect("text")).expect("written");
    let partial = dir.path().join(".s.ron.d4e5f6.tmp");
    fs::write(&partial, "(\n  version: 1,\n  title: \"Ess").expect("written");
    let stale_backup = dir.path().join(".s.ron.g7h8i9.bak.tmp");
    fs::write(&stale_backup, "old").expect("written");
    let file = SessionFile::open(&path).expect("opens");
    assert_eq!(file.session().proposals.len(), 1);
    for gone in [complete, partial, stale_backup] {
        assert!(!gone.exists(), "{}", gone.display());
    }
    assert!(cafe_savoir::store::atomic::backup_path(&path).exists());
}

#[test]
fn files_that_are_not_sessions_are_refused_located_before_being_read_whole() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("latin1.ron");
    fs::write(&bad, b"(\n  version: 1,\n  title: \"Caf\xe9\",\n)\n").expect("written");
    assert!(matches!(load(&bad), Err(StoreError::NotUtf8 { line: 3, column: 14, .. })));
    let utf16 = dir.path().join("utf16.ron");
    fs::write(&utf16, [0xFF, 0xFE, b'(', 0]).expect("written");
    assert!(matches!(load(&utf16), Err(StoreError::Utf16 { .. })));
    assert!(matches!(load(dir.path()), Err(StoreError::NotAFile { .. } | StoreError::Io { .. })));
    #[cfg(unix)]
    assert!(matches!(load(Path::new("/dev/zero")), Err(StoreError::NotAFile { .. })));
    let huge = dir.path().join("huge.ron");
    let file = fs::File::create(&huge).expect("created");
    file.set_len(cafe_savoir::store::session_file::MAX_SESSION_BYTES + 1).expect("sparse");
    assert!(matches!(load(&huge), Err(StoreError::TooLarge { .. })));
}

#[test]
fn two_proposals_with_one_id_are_refused_at_the_second() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_session(dir.path());
    let mut session = load(&path).expect("loads");
    session.add_proposal(1, 1, Kind::Condition, "un", Utc::now()).expect("added");
    session.add_proposal(1, 1, Kind::Condition, "deux", Utc::now()).expect("added");
    session.proposals[1].id = ProposalId(1);
    let text = cafe_savoir::store::session_file::to_text(&session).expect("text");
    fs::write(&path, &text).expect("written");
    let line = text.lines().enumerate().filter(|(_, l)| l.trim() == "id: 1,").nth(1).map(|(i, _)| i + 1);
    match load(&path) {
        Err(StoreError::DuplicateId { line: found, id: 1, .. }) => assert_eq!(Some(found), line),
        other => panic!("{other:?}"),
    }
}

#[test]
fn control_characters_never_reach_the_terminal_and_are_counted() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_session(dir.path());
    let out = cafe(dir.path())
        .args(["add", "s.ron", "--table", "1", "titre\x1b]0;x\x07pwn"])
        .output()
        .expect("runs");
    assert!(out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.stdout.contains(&0x1b) && stdout.contains("2 caractères de contrôle retirés"), "{stdout}");
    // A hand-edited file holding escape sequences: show, list and errors stay clean.
    let mut session = load(&path).expect("loads");
    session.title = "Café\x1b[2J".into();
    session.proposals[0].text = "\x1b]0;x\x07".into();
    fs::write(&path, cafe_savoir::store::session_file::to_text(&session).expect("text")).expect("written");
    let notes = dir.path().join("n.csv");
    fs::write(&notes, "table;type;texte\n1;\x1b[2Jbizarre;x\n").expect("written");
    for args in [
        vec!["show", "s.ron"],
        vec!["list", "."],
        vec!["import", "s.ron", "n.csv"],
        vec!["add", "s.ron", "--table", "9", "\x1b[2J"],
    ] {
        let out = cafe(dir.path()).args(&args).output().expect("runs");
        assert!(!out.stdout.contains(&0x1b) && !out.stderr.contains(&0x1b), "{args:?}: {out:?}");
    }
    let out = cafe(dir.path()).args(["show", "s.ron"]).output().expect("runs");
    assert!(String::from_utf8_lossy(&out.stderr).contains("caractères de contrôle retirés"), "{out:?}");
}

#[test]
fn every_number_a_user_types_has_a_limit_with_a_message() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_session(dir.path());
    let refused = |args: &[&str]| {
        let out = cafe(dir.path()).args(args).output().expect("runs");
        assert_eq!(out.status.code(), Some(1), "{args:?}: {out:?}");
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    assert!(
        refused(&["new", "a.ron", "--title", "A", "--move-minutes", "4294967295"]).contains("600 minutes")
    );
    assert!(refused(&["new", "b.ron", "--title", "B", "--rounds", "21"]).contains("20 tours"));
    assert!(refused(&["new", "c.ron", "--title", "C", "--tables", "201"]).contains("200 tables"));
    assert!(refused(&["plan", "s.ron", "--count", "4294967295"]).contains("2000"));
    let notes = dir.path().join("n.md");
    fs::write(&notes, "## Table 4294967295\n- une idée\n").expect("written");
    assert!(refused(&["import", "s.ron", "n.md"]).contains("999"));
    assert_eq!(load(&path).expect("loads").tables.len(), 4);
}

#[test]
fn no_key_acts_while_the_terminal_is_too_small_to_show_the_app() {
    use cafe_savoir::tui::action::Action;
    use cafe_savoir::tui::keymap::route_event;
    use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_session(dir.path());
    let mut app =
        cafe_savoir::tui::session_app(&path, load(&path).expect("loads"), cafe_savoir::i18n::Lang::Fr);
    app.size = (40, 10);
    let key = |code| Event::Key(KeyEvent::new(code, KeyModifiers::NONE));
    for event in [key(KeyCode::Delete), key(KeyCode::Char('o')), key(KeyCode::F(4)), key(KeyCode::Enter)] {
        assert_eq!(route_event(&app, event), None);
    }
    assert_eq!(route_event(&app, Event::Paste("x".into())), None);
    let ctrl_c = Event::Key(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL));
    assert_eq!(route_event(&app, ctrl_c), Some(Action::Quit));
    assert_eq!(route_event(&app, Event::Resize(120, 40)), Some(Action::Resize { width: 120, height: 40 }));
    app.size = (120, 40);
    assert!(route_event(&app, key(KeyCode::F(4))).is_some());
}

#[test]
fn the_app_says_how_many_control_characters_it_removed_and_names_a_proposal_by_its_saved_id() {
    use cafe_savoir::tui::action::{Action, CaptureAction};
    use cafe_savoir::tui::app::Status;
    use cafe_savoir::tui::perform::dispatch;
    use cafe_savoir::tui::screens::Screen;
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_session(dir.path());
    let mut app =
        cafe_savoir::tui::session_app(&path, load(&path).expect("loads"), cafe_savoir::i18n::Lang::Fr);
    let now = Utc::now();
    dispatch(&mut app, Action::Go(Screen::Capture), now);
    // Another program takes id 1 meanwhile: the app's proposal gets id 2, and says so.
    let out = cafe(dir.path()).args(["add", "s.ron", "--table", "2", "d'ailleurs"]).output().expect("runs");
    assert!(out.status.success());
    dispatch(&mut app, Action::Paste("collée\x1b]0;x\x07 ici".into()), now);
    dispatch(&mut app, Action::Capture(CaptureAction::Submit), now);
    let Some(Status::Info(message)) = &app.status else { panic!("{:?}", app.status) };
    assert!(message.starts_with("Proposition p2 enregistrée"), "{message}");
    assert!(message.contains("2 caractères de contrôle retirés"), "{message}");
    let saved = load(&path).expect("loads");
    assert_eq!(saved.proposal(ProposalId(2)).map(|p| p.text.as_str()), Some("collée ]0;x ici"));
    assert_eq!(saved.proposal(ProposalId(1)).map(|p| p.text.as_str()), Some("d'ailleurs"));
}

/// Two programs holding the same session change it in turns, hundreds of times (adds,
/// edits, deletions; the journal folded on the way): each reads back exactly what the
/// other wrote, and the file read afresh is the same session.
#[test]
fn two_holders_changing_one_session_in_turns_always_agree_with_the_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = new_session(dir.path());
    let mut app = SessionFile::open(&path).expect("opens");
    let mut other = SessionFile::open(&path).expect("opens");
    let mut mine = app.session().clone();
    let now = Utc::now();
    for step in 0..600u32 {
        match step % 5 {
            0 | 1 => {
                mine.add_proposal(1 + step % 4, 1, Kind::Condition, &format!("app {step}"), now)
                    .expect("added");
            }
            2 => {
                if let Some(p) = mine.proposals.iter_mut().find(|p| p.id.0 % 3 == u64::from(step % 3)) {
                    p.text = format!("{} (revue {step})", p.text);
                }
            }
            3 => {
                if let Some(id) = mine.proposals.get(step as usize % 7).map(|p| p.id) {
                    mine.remove_proposal(id).expect("removed");
                }
            }
            _ => {
                other
                    .update(|s| s.add_proposal(2, 2, Kind::Astuce, &format!("autre {step}"), now))
                    .expect("added elsewhere");
            }
        }
        app.save_merged(&mine).expect("saved");
        mine = app.session().clone();
        assert_eq!(load(&path).expect("loads"), mine, "step {step}");
    }
    let deleted = mine.deleted.clone();
    assert!(!deleted.is_empty());
    assert!(mine.proposals.iter().all(|p| !deleted.contains(&p.id)));
    let mut ids: Vec<u64> =
        mine.proposals.iter().map(|p| p.id.0).chain(deleted.iter().map(|id| id.0)).collect();
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "no id given twice, deleted ones included");
    // What the file holds is what a reader finds afresh, journal folded or not.
    other.fold().expect("folded");
    assert_eq!(load(&path).expect("loads"), mine);
}
