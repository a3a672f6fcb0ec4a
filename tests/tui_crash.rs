//! The real binary in a real terminal (tmux): proposals typed in the capture screen are
//! in the session file as soon as they are on screen, so `kill -9` loses none of them;
//! reopening the session shows them all. Another program writing the same session
//! meanwhile loses nothing either; a file the app cannot read, or may not write, is
//! left byte for byte as it was.
//!
//! Needs tmux (`.ci/run` installs it when missing and sets `CAFE_REQUIRE_TMUX=1`).
//! Without tmux the tests print a notice and pass, unless `CAFE_REQUIRE_TMUX=1` says
//! that they must run: then they fail with that message.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use cafe_savoir::domain::Session;
use cafe_savoir::store;

struct Tmux {
    socket: String,
}

impl Tmux {
    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn screen(&self) -> String {
        self.run(&["capture-pane", "-p", "-t", "cafe"])
    }

    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            assert!(start.elapsed() < Duration::from_secs(20), "`{text}` never showed:\n{screen}");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux").arg("-L").arg(&self.socket).arg("kill-server").output();
    }
}

fn tmux_available() -> bool {
    Command::new("tmux").arg("-V").output().is_ok_and(|o| o.status.success())
}

fn start(session_path: &Path, name: &str) -> Option<Tmux> {
    if !tmux_available() {
        if std::env::var_os("CAFE_REQUIRE_TMUX").is_some_and(|v| v == "1") {
            panic!("tmux is needed for this test (apt-get install tmux): CAFE_REQUIRE_TMUX=1 is set");
        }
        eprintln!("NOTICE: tmux is not installed; this test of the app in a terminal did not run");
        return None;
    }
    let tmux = Tmux { socket: format!("cafe-test-{name}-{}", std::process::id()) };
    let command = format!("exec {} open '{}' --lang fr", env!("CARGO_BIN_EXE_cafe"), session_path.display());
    tmux.run(&[
        "-u",
        "new-session",
        "-d",
        "-s",
        "cafe",
        "-x",
        "120",
        "-y",
        "40",
        "-e",
        "LANG=C.UTF-8",
        &command,
    ]);
    // The last frame stays readable after the app is killed.
    tmux.run(&["set-option", "-g", "remain-on-exit", "on"]);
    Some(tmux)
}

#[test]
fn kill_9_loses_no_captured_proposal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crash.ron");
    let session = Session::new("Essai de panne", Vec::new(), 4, 3, 20).unwrap();
    store::save(&path, &session).unwrap();
    let Some(tmux) = start(&path, "crash") else { return };
    tmux.wait_for("F3 Animer");
    tmux.run(&["send-keys", "-t", "cafe", "F4"]);
    tmux.wait_for("Nouvelle proposition");
    let texts: Vec<String> = (1..=8)
        .map(|i| {
            format!("Proposition {i} : l'écoute, le respect et la confiance 🙂 {}", "très longue ".repeat(i))
        })
        .collect();
    for (i, text) in texts.iter().enumerate() {
        tmux.run(&["send-keys", "-t", "cafe", "-l", text]);
        tmux.run(&["send-keys", "-t", "cafe", "Enter"]);
        if i % 2 == 1 {
            tmux.run(&["send-keys", "-t", "cafe", "Tab"]);
        }
    }
    // The last one on screen means every one was captured; then the power goes.
    tmux.wait_for("p8 enregistrée");
    let pid = tmux.run(&["display-message", "-p", "-t", "cafe", "#{pane_pid}"]);
    let status = Command::new("kill").args(["-9", pid.trim()]).status().unwrap();
    assert!(status.success());

    let reopened = store::load(&path).expect("the file is whole after kill -9");
    let saved: Vec<&str> = reopened.proposals.iter().map(|p| p.text.as_str()).collect();
    for text in &texts {
        assert!(saved.contains(&text.trim()), "missing after kill -9: {text}\nsaved: {saved:?}");
    }
    assert_eq!(reopened.proposals.iter().map(|p| p.table).collect::<Vec<_>>(), vec![1, 1, 2, 2, 3, 3, 4, 4]);

    // Reopening shows them.
    drop(tmux);
    let Some(tmux) = start(&path, "reopen") else { return };
    tmux.wait_for("F3 Animer");
    tmux.run(&["send-keys", "-t", "cafe", "F4"]);
    tmux.wait_for("Toutes (8)");
    tmux.run(&["send-keys", "-t", "cafe", "C-c"]);
}

/// Esc alone: the terminal reads an Esc followed at once by a key as Alt+key.
fn escape(tmux: &Tmux) {
    tmux.run(&["send-keys", "-t", "cafe", "Escape"]);
    std::thread::sleep(Duration::from_millis(400));
}

fn kill_9(tmux: &Tmux) {
    let pid = tmux.run(&["display-message", "-p", "-t", "cafe", "#{pane_pid}"]);
    let status = Command::new("kill").args(["-9", pid.trim()]).status().unwrap();
    assert!(status.success());
}

fn cafe_cli(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_cafe"));
    cmd.current_dir(dir).env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG");
    cmd
}

/// Enter then `kill -9` at once, twenty times: whatever the screen showed as saved
/// is in the file (and everything saved before stays there).
#[test]
fn kill_9_right_after_enter_loses_nothing_the_app_showed_as_saved() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vite.ron");
    store::save(&path, &Session::new("Panne immédiate", Vec::new(), 4, 3, 20).unwrap()).unwrap();
    let mut acknowledged: Vec<String> = Vec::new();
    for i in 1..=20 {
        let Some(tmux) = start(&path, &format!("fast{i}")) else { return };
        tmux.wait_for("F3 Animer");
        tmux.run(&["send-keys", "-t", "cafe", "F4"]);
        tmux.wait_for("Nouvelle proposition");
        let text = format!("Proposition numéro {i} tapée juste avant la panne");
        tmux.run(&["send-keys", "-t", "cafe", "-l", &text]);
        tmux.run(&["send-keys", "-t", "cafe", "Enter"]);
        kill_9(&tmux);
        std::thread::sleep(Duration::from_millis(100));
        if tmux.screen().contains("enregistrée") {
            acknowledged.push(text);
        }
        let saved = store::load(&path).expect("the file is whole after kill -9");
        let texts: Vec<&str> = saved.proposals.iter().map(|p| p.text.as_str()).collect();
        for text in &acknowledged {
            assert!(texts.contains(&text.as_str()), "shown as saved, then lost: {text}\nsaved: {texts:?}");
        }
        let mut ids: Vec<u64> = saved.proposals.iter().map(|p| p.id.0).collect();
        ids.dedup();
        assert_eq!(ids.len(), saved.proposals.len());
    }
    eprintln!(
        "{} of 20 proposals were shown as saved before kill -9; all of them are in the file",
        acknowledged.len()
    );
}

/// The app captures while `cafe add` runs every 20 ms from another terminal, and a
/// proposal is deleted in the app meanwhile: nothing lost, nothing twice, the deleted
/// one stays deleted.
#[test]
fn the_app_and_a_command_writing_at_once_lose_nothing_and_duplicate_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ensemble.ron");
    store::save(&path, &Session::new("Deux mains", Vec::new(), 4, 3, 20).unwrap()).unwrap();
    let Some(tmux) = start(&path, "together") else { return };
    tmux.wait_for("F3 Animer");
    tmux.run(&["send-keys", "-t", "cafe", "F4"]);
    tmux.wait_for("Nouvelle proposition");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let adder = {
        let (dir, stop) = (dir.path().to_path_buf(), stop.clone());
        std::thread::spawn(move || {
            let mut added = Vec::new();
            let mut n = 0;
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                n += 1;
                let text = format!("Ajoutée par la commande {n}");
                let out =
                    cafe_cli(&dir).args(["add", "ensemble.ron", "--table", "3", &text]).output().unwrap();
                assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
                added.push(text);
                std::thread::sleep(Duration::from_millis(20));
            }
            added
        })
    };
    let typed: Vec<String> = (1..=10).map(|i| format!("Tapée dans l'application {i}")).collect();
    for (i, text) in typed.iter().enumerate() {
        tmux.run(&["send-keys", "-t", "cafe", "-l", text]);
        tmux.run(&["send-keys", "-t", "cafe", "Enter"]);
        tmux.wait_for(&format!("Tapée dans l'application {}", i + 1));
    }
    // Delete the last proposal typed: the list's focus starts on it.
    escape(&tmux);
    tmux.run(&["send-keys", "-t", "cafe", "Delete"]);
    tmux.wait_for("supprimée");
    std::thread::sleep(Duration::from_millis(200));
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    let added = adder.join().unwrap();
    tmux.run(&["send-keys", "-t", "cafe", "q"]);
    std::thread::sleep(Duration::from_millis(300));
    let saved = store::load(&path).unwrap();
    let texts: Vec<&str> = saved.proposals.iter().map(|p| p.text.as_str()).collect();
    for text in typed.iter().take(9).chain(&added) {
        assert_eq!(texts.iter().filter(|t| **t == text).count(), 1, "{text} once\n{texts:?}");
    }
    assert!(!texts.contains(&typed[9].as_str()), "the deleted proposal came back: {texts:?}");
    assert_eq!(texts.len(), 9 + added.len());
    let mut ids: Vec<u64> = saved.proposals.iter().map(|p| p.id.0).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), saved.proposals.len(), "distinct ids");
}

/// A hand edit breaks the file while the app is open: the app stops writing and says
/// so; the broken file stays byte for byte as the hand left it.
#[test]
fn a_file_broken_by_hand_while_the_app_is_open_stays_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("casse.ron");
    store::save(&path, &Session::new("À casser", Vec::new(), 4, 3, 20).unwrap()).unwrap();
    let Some(tmux) = start(&path, "broken") else { return };
    tmux.wait_for("F3 Animer");
    tmux.run(&["send-keys", "-t", "cafe", "F4"]);
    tmux.wait_for("Nouvelle proposition");
    let broken = "(\n  version: 1,\n  title: \"À casser\",\n  tables: [oups\n";
    std::fs::write(&path, broken).unwrap();
    tmux.run(&["send-keys", "-t", "cafe", "-l", "Tapée après la casse"]);
    tmux.run(&["send-keys", "-t", "cafe", "Enter"]);
    tmux.wait_for("NON ENREGISTRÉ");
    tmux.run(&["send-keys", "-t", "cafe", "-l", "Et une autre"]);
    tmux.run(&["send-keys", "-t", "cafe", "Enter"]);
    let screen = tmux.wait_for("Et une autre");
    assert!(screen.contains("casse.ron:4:12"), "the banner says where the file is broken:\n{screen}");
    // Leaving asks first: the changes are not on disk. (In the capture list a letter
    // types, so Ctrl+C is the key that quits there.)
    escape(&tmux);
    tmux.run(&["send-keys", "-t", "cafe", "C-c"]);
    tmux.wait_for("Quitter quand même");
    escape(&tmux);
    // Saved elsewhere instead: everything typed is there.
    tmux.run(&["send-keys", "-t", "cafe", "C-s"]);
    tmux.wait_for("nouveau fichier");
    // A bare name: beside the session's file.
    let elsewhere = dir.path().join("sauvee.ron");
    tmux.run(&["send-keys", "-t", "cafe", "-l", "sauvee.ron"]);
    tmux.run(&["send-keys", "-t", "cafe", "Enter"]);
    tmux.wait_for("la suite s'y enregistre");
    let saved = store::load(&elsewhere).unwrap();
    let texts: Vec<&str> = saved.proposals.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts, vec!["Tapée après la casse", "Et une autre"]);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
    assert!(!dir.path().join("casse.ron.journal").exists());
}

/// A read-only session opens read-only, with a banner, and is never written.
#[cfg(unix)]
#[test]
fn a_read_only_session_stays_byte_identical() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lecture.ron");
    store::save(&path, &Session::new("Lecture seule", Vec::new(), 4, 3, 20).unwrap()).unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let Some(tmux) = start(&path, "readonly") else { return };
    tmux.wait_for("lecture seule");
    tmux.run(&["send-keys", "-t", "cafe", "F4"]);
    tmux.wait_for("Nouvelle proposition");
    tmux.run(&["send-keys", "-t", "cafe", "-l", "Pas écrite"]);
    tmux.run(&["send-keys", "-t", "cafe", "Enter"]);
    tmux.wait_for("NON ENREGISTRÉ");
    kill_9(&tmux);
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(!dir.path().join("lecture.ron.journal").exists());
}
