//! The real binary in a real terminal (tmux): proposals typed in the capture screen are
//! in the session file as soon as they are on screen, so `kill -9` loses none of them;
//! reopening the session shows them all.
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
