//! `cafe` as an installed program: run from an empty folder with a fresh home (temporary
//! `HOME` and XDG folders), it finds its sessions, settings and knowledge in the user's
//! folders; the user's own vocabulary changes the synthèse and a broken one is located;
//! completions, the manual page, the locale, `--dir`, the licence and the minimum Rust
//! version hold.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use cafe_savoir::domain::knowledge::AddedConcept;
use cafe_savoir::store::{self, load};
use predicates::prelude::*;
use predicates::str::contains;

/// An empty current folder and a fresh home.
struct Fresh {
    root: tempfile::TempDir,
}

impl Fresh {
    fn new() -> Fresh {
        let fresh = Fresh { root: tempfile::tempdir().expect("temp dir") };
        fs::create_dir_all(fresh.cwd()).expect("cwd");
        fresh
    }

    fn cwd(&self) -> PathBuf {
        self.root.path().join("work")
    }

    fn home(&self) -> PathBuf {
        self.root.path().join("home")
    }

    /// The user's data folder (Linux: `$XDG_DATA_HOME/cafe`).
    fn data(&self) -> PathBuf {
        self.home().join(".local/share/cafe")
    }

    /// `cafe` in the empty folder, in French, with the fresh home.
    fn cafe(&self) -> Command {
        let mut cmd = cargo_bin_cmd!("cafe");
        cmd.current_dir(self.cwd())
            .env("HOME", self.home())
            .env("XDG_DATA_HOME", self.home().join(".local/share"))
            .env("XDG_CONFIG_HOME", self.home().join(".config"))
            .env("LANG", "fr_CA.UTF-8");
        for var in ["LC_ALL", "LC_MESSAGES", "LANGUAGE", "CAFE_DIR"] {
            cmd.env_remove(var);
        }
        cmd
    }

    fn stdout(&self, args: &[&str]) -> String {
        let out = self.cafe().args(args).assert().success().get_output().stdout.clone();
        String::from_utf8(out).expect("utf-8")
    }

    /// A session with two proposals about a vegetable garden, worded with no word in
    /// common: the shipped vocabulary keeps them apart.
    fn garden_session(&self) -> PathBuf {
        self.cafe().args(["new", "x.ron", "--title", "T"]).assert().success();
        self.cafe()
            .args(["add", "x.ron", "--table", "1", "Partager un potager collectif"])
            .assert()
            .success();
        self.cafe()
            .args(["add", "x.ron", "--table", "2", "Cultiver des légumes ensemble"])
            .assert()
            .success();
        self.cwd().join("x.ron")
    }

    /// How many conditions the synthèse of `x.ron` has.
    fn conditions(&self) -> usize {
        let json: serde_json::Value =
            serde_json::from_str(&self.stdout(&["synth", "x.ron", "--format", "json"])).expect("json");
        json["families"]
            .as_array()
            .expect("families")
            .iter()
            .map(|f| f["conditions"].as_array().map_or(0, Vec::len))
            .sum::<usize>()
            + json["unclassified"].as_array().map_or(0, Vec::len)
    }
}

fn garden() -> AddedConcept {
    AddedConcept {
        id: "jardin".into(),
        label: "jardin collectif".into(),
        families: vec![1],
        terms: vec!["potager".into(), "légume".into()],
        weak: vec![],
    }
}

#[test]
fn a_fresh_home_gets_the_demo_session_and_list_says_where() {
    let fresh = Fresh::new();
    let out = fresh.cafe().arg("list").assert().success().get_output().clone();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("Les défis du partenariat") && stdout.contains("146 propositions"), "{stdout}");
    let sessions = fresh.data().join("sessions");
    assert!(stderr.contains(&sessions.display().to_string()), "the folder is named: {stderr}");
    assert!(stderr.contains("session de démonstration installée"), "{stderr}");
    assert!(
        fs::read_dir(fresh.cwd()).expect("cwd").next().is_none(),
        "nothing written in the current folder"
    );
    // Once only: a demo the user deleted stays deleted.
    let again = fresh.cafe().arg("list").assert().success().get_output().stderr.clone();
    assert!(!String::from_utf8_lossy(&again).contains("démonstration"));
    fs::remove_file(sessions.join("cafe-du-savoir-14-novembre-2018.ron")).expect("removed");
    fresh.cafe().arg("list").assert().success().stdout(contains("Aucune session"));
}

#[test]
fn the_sessions_folder_can_be_given_or_named_by_cafe_dir_or_be_the_current_ones() {
    let fresh = Fresh::new();
    let other = fresh.root.path().join("other");
    fs::create_dir_all(&other).expect("created");
    fresh.cafe().args(["new", "../other/a.ron", "--title", "Ailleurs"]).assert().success();
    let by_option = fresh.stdout(&["list", "--dir", "../other"]);
    assert!(by_option.contains("Ailleurs"), "{by_option}");
    assert!(fresh.stdout(&["list", "../other"]).contains("Ailleurs"));
    fresh.cafe().env("CAFE_DIR", &other).arg("list").assert().success().stdout(contains("Ailleurs"));
    fs::create_dir(fresh.cwd().join("sessions")).expect("created");
    fresh
        .cafe()
        .arg("list")
        .assert()
        .success()
        .stdout(contains("Aucune session"))
        .stderr(contains("courant"));
    assert!(!fresh.data().join("sessions").exists(), "no demo when ./sessions is used");
    // `--dir` exists only where it means something.
    fresh
        .cafe()
        .args(["synth", "--dir", "/nonexistent", "x.ron"])
        .assert()
        .code(2)
        .stderr(contains("argument inattendu '--dir'"));
    fresh
        .cafe()
        .args(["list", "a", "--dir", "b"])
        .assert()
        .code(2)
        .stderr(contains("ne peut pas être utilisé"));
}

#[test]
fn headless_commands_work_from_an_empty_folder() {
    let fresh = Fresh::new();
    let path = fresh.garden_session();
    fs::write(fresh.cwd().join("n.md"), "# Table 3 — Les lieux\n- Un local partagé\n").expect("written");
    fresh.cafe().args(["import", "x.ron", "n.md"]).assert().success();
    assert!(fresh.stdout(&["show", "x.ron"]).contains('T'));
    assert!(fresh.stdout(&["synth", "x.ron"]).contains("Un local partagé"));
    assert!(fresh.stdout(&["plan", "x.ron", "--count", "24"]).contains("24"));
    assert_eq!(load(&path).expect("loads").proposals.len(), 3);
}

#[test]
fn the_users_vocabulary_changes_the_synthese_and_a_broken_one_is_located() {
    let fresh = Fresh::new();
    fresh.garden_session();
    assert_eq!(fresh.conditions(), 2, "apart with the shipped vocabulary");

    fresh.cafe().args(["assets", "export"]).arg(fresh.data()).assert().success();
    let path = fresh.data().join("vocabulary.ron");
    let text = fs::read_to_string(&path).expect("exported");
    let mut vocabulary: cafe_savoir::synth::vocabulary::VocabularyFile =
        ron::from_str(&text).expect("parses");
    let with_garden = store::assets::with_additions(
        vocabulary.clone(),
        &cafe_savoir::domain::VocabularyAdditions { concepts: vec![garden()], ..Default::default() },
    );
    vocabulary.concepts = with_garden.concepts;
    fs::write(&path, ron::ser::to_string_pretty(&vocabulary, Default::default()).expect("ron"))
        .expect("written");
    assert_eq!(fresh.conditions(), 1, "together with the user's concept");

    fs::write(&path, "(\n  version: 1,\n  abbreviations: [oops],\n)\n").expect("written");
    let out =
        fresh.cafe().args(["synth", "x.ron", "--format", "json"]).assert().success().get_output().clone();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("vocabulary.ron:3:"), "located: {stderr}");
    assert!(stderr.contains("valeurs par défaut"), "{stderr}");
    assert_eq!(fresh.conditions(), 2, "the defaults are used");
    // An export never writes over the user's files.
    fresh.cafe().args(["assets", "export"]).arg(fresh.data()).assert().code(1);
    assert!(fs::read_to_string(&path).expect("kept").contains("oops"));
}

#[test]
fn a_session_keeps_its_own_vocabulary_additions() {
    let fresh = Fresh::new();
    let path = fresh.garden_session();
    let mut session = load(&path).expect("loads");
    session.vocabulary.concepts.push(garden());
    store::save(&path, &session).expect("saved");
    assert_eq!(fresh.conditions(), 1);
    assert_eq!(load(&path).expect("loads").vocabulary.concepts, vec![garden()], "kept in the file");
}

#[test]
fn completions_and_the_manual_page() {
    let fresh = Fresh::new();
    let bash = fresh.stdout(&["completions", "bash"]);
    assert!(bash.contains("complete") && bash.contains("cafe") && bash.contains("synth"), "{bash}");
    for shell in ["zsh", "fish", "powershell"] {
        assert!(fresh.stdout(&["completions", shell]).contains("synth"), "{shell}");
    }
    fresh.cafe().args(["completions", "tcsh"]).assert().code(2).stderr(contains("valeurs possibles"));
    let man = fresh.stdout(&["man"]);
    assert!(
        man.contains(".TH") && man.contains("Créer un fichier de session"),
        "{}",
        &man[..200.min(man.len())]
    );
    assert!(fresh.stdout(&["--lang", "en", "man"]).contains("Create a session file"));
}

#[test]
fn the_language_comes_from_lang_then_the_locale_and_an_unknown_one_is_refused() {
    let fresh = Fresh::new();
    fresh
        .cafe()
        .args(["--lang", "de", "list"])
        .assert()
        .code(2)
        .stderr(contains("'de'").and(contains("fr ou en")));
    fresh.cafe().env("LANGUAGE", "en_GB:fr").arg("--help").assert().success().stdout(contains("Usage: cafe"));
    fresh
        .cafe()
        .env("LC_ALL", "C")
        .env("LANG", "en_US.UTF-8")
        .arg("--help")
        .assert()
        .success()
        .stdout(contains("Create a session file"));
    let french = fresh.cafe().env("LANG", "en_US.UTF-8").args(["--lang", "fr", "nouveau"]).assert().code(2);
    let stderr = String::from_utf8_lossy(&french.get_output().stderr).to_string();
    assert!(stderr.starts_with("erreur : sous-commande inconnue 'nouveau'"), "{stderr}");
    assert!(!stderr.contains("found") && !stderr.contains("Usage"), "no English left: {stderr}");
}

/// `rust-version` is the highest one the dependencies declare (those built for any
/// target, tests included), and there is one ratatui and one crossterm.
#[test]
fn rust_version_is_the_dependencies_minimum_and_the_terminal_crates_are_single() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let run = |args: &[&str]| {
        let out =
            std::process::Command::new(&cargo).current_dir(root).args(args).output().expect("cargo runs");
        assert!(out.status.success(), "cargo {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).expect("utf-8")
    };
    let tree = run(&["tree", "--locked", "--target", "all", "-e", "normal,build,dev", "--prefix", "none"]);
    let built: std::collections::BTreeSet<String> =
        tree.lines().filter_map(|l| l.split(' ').take(2).collect::<Vec<_>>().join(" ").into()).collect();
    let metadata: serde_json::Value =
        serde_json::from_str(&run(&["metadata", "--locked", "--format-version", "1"])).expect("json");
    let packages = metadata["packages"].as_array().expect("packages");
    let ours = packages.iter().find(|p| p["name"] == "cafe-savoir").expect("this package");
    let ours_version = ours["rust_version"].as_str().expect("rust-version is set");
    let highest = packages
        .iter()
        .filter(|p| p["name"] != "cafe-savoir")
        .filter(|p| {
            built.contains(&format!(
                "{} v{}",
                p["name"].as_str().unwrap_or(""),
                p["version"].as_str().unwrap_or("")
            ))
        })
        .filter_map(|p| {
            p["rust_version"].as_str().map(|v| (version(v), v.to_string(), p["name"].to_string()))
        })
        .max()
        .expect("some dependency declares a rust-version");
    assert_eq!(
        version(ours_version),
        highest.0,
        "rust-version {ours_version} but {} needs {}",
        highest.2,
        highest.1
    );
    assert_eq!(ours["license"], "MIT OR Apache-2.0");
    assert!(root.join("LICENSE-MIT").is_file() && root.join("LICENSE-APACHE").is_file());
    let duplicates = run(&["tree", "--locked", "-d", "--depth", "0"]);
    for name in ["ratatui v", "crossterm v"] {
        assert!(!duplicates.lines().any(|l| l.starts_with(name)), "two {name}: {duplicates}");
    }
}

fn version(text: &str) -> (u32, u32, u32) {
    let mut parts = text.split('.').map(|p| p.parse::<u32>().unwrap_or(0));
    (parts.next().unwrap_or(0), parts.next().unwrap_or(0), parts.next().unwrap_or(0))
}

/// The README starts with what to install and the commands to run.
#[test]
fn the_readme_says_what_to_install_and_how() {
    let readme = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).expect("readme");
    let start: String = readme.lines().take(40).collect::<Vec<_>>().join("\n");
    for needle in ["rustup", "cargo run --release", "cargo test", "cargo install --path ."] {
        assert!(start.contains(needle), "README's first lines lack `{needle}`");
    }
}
