//! The command line end to end: real `cafe` processes on real files in temporary
//! folders. Exit codes: 0 success, 1 user error (one line), 2 usage.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use cafe_savoir::domain::{Kind, Session};
use cafe_savoir::store::load;
use predicates::prelude::*;
use predicates::str::contains;

mod tui_support;

/// `cafe` run in `dir`, in French unless `--lang en` is passed (the locale is cleared),
/// with the user's folders inside `dir` (none of the machine's knowledge files).
fn cafe(dir: &Path) -> Command {
    let mut cmd = cargo_bin_cmd!("cafe");
    cmd.current_dir(dir).env_remove("LC_ALL").env_remove("LC_MESSAGES").env_remove("LANG");
    cmd.env_remove("LANGUAGE").env_remove("CAFE_DIR").env("HOME", dir);
    cmd.env("XDG_DATA_HOME", dir.join(".data")).env("XDG_CONFIG_HOME", dir.join(".config"));
    cmd
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

fn new_session(dir: &Path, name: &str, tables: &str) -> PathBuf {
    cafe(dir).args(["new", name, "--title", "Essai", "--tables", tables]).assert().success();
    dir.join(name)
}

/// A one-line error on stderr, nothing on stdout.
fn one_line_error(output: &std::process::Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).to_string();
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    assert!(stderr.starts_with("cafe: "), "{stderr}");
    assert!(output.stdout.is_empty(), "nothing on stdout");
    stderr
}

#[test]
fn acceptance_dev_notes_land_at_their_tables_and_missing_tables_are_created() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.md");
    fs::copy(fixture("dev-notes.md"), &notes).unwrap();
    let session = new_session(dir.path(), "s.ron", "4");
    cafe(dir.path())
        .args(["import", "s.ron", "notes.md"])
        .assert()
        .success()
        .stdout(contains("Table 5 créée").and(contains("Table 8 créée")).and(contains("131 propositions")));
    let shown = cafe(dir.path()).args(["show", "s.ron"]).assert().success().get_output().stdout.clone();
    let shown = String::from_utf8(shown).unwrap();

    // Every proposal of the notes is shown under its own table's heading.
    let mut table = 0;
    let mut expected: Vec<(u32, String)> = Vec::new();
    for line in fs::read_to_string(&notes).unwrap().lines() {
        if let Some(n) = line.strip_prefix("# Table ") {
            table = n.trim().parse().unwrap();
        } else if let Some(text) = line.strip_prefix("- ") {
            expected.push((table, text.trim().to_string()));
        }
    }
    assert_eq!(expected.len(), 131);
    let mut current = 0;
    let mut shown_at: Vec<(u32, String)> = Vec::new();
    for line in shown.lines() {
        if let Some(rest) = line.strip_prefix("Table ") {
            current = rest.split_whitespace().next().unwrap().parse().unwrap();
        } else if let Some(text) = line.trim_start().strip_prefix("- ") {
            shown_at.push((current, text.to_string()));
        }
    }
    assert_eq!(shown_at, expected, "every proposal at its table, in order");
    let loaded = load(&session).unwrap();
    assert_eq!(loaded.tables.iter().map(|t| t.number).collect::<Vec<_>>(), (1..=8).collect::<Vec<_>>());
    assert!(loaded.proposals.iter().all(|p| p.round == 1 && p.kind == Kind::Condition));
}

#[test]
fn csv_notes_import_the_same_proposals() {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(fixture("dev-notes.csv"), dir.path().join("notes.csv")).unwrap();
    let session = new_session(dir.path(), "s.ron", "8");
    cafe(dir.path()).args(["import", "s.ron", "notes.csv"]).assert().success();
    assert_eq!(load(&session).unwrap().proposals.len(), 131);
}

#[test]
fn new_refuses_to_overwrite_and_creates_parent_folders() {
    let dir = tempfile::tempdir().unwrap();
    cafe(dir.path())
        .args(["new", "a/b/s.ron", "--title", "  Café  ", "--rounds", "2", "--minutes", "15"])
        .args(["--date", "2018-11-14", "--place", "Laval", "--facilitator", "Relais-femmes"])
        .assert()
        .success()
        .stdout(contains("Session créée"));
    let path = dir.path().join("a/b/s.ron");
    let session = load(&path).unwrap();
    assert_eq!(session.title, "Café");
    assert_eq!(session.tables.len(), 8);
    assert_eq!(session.schedule.round_minutes, vec![15, 15]);
    assert_eq!(session.date.map(|d| d.to_string()).as_deref(), Some("2018-11-14"));
    assert_eq!((session.place.as_str(), session.facilitator.as_str()), ("Laval", "Relais-femmes"));
    assert_eq!(session.families.len(), 3);
    let before = fs::read(&path).unwrap();
    let out =
        cafe(dir.path()).args(["new", "a/b/s.ron", "--title", "Autre"]).assert().code(1).get_output().clone();
    assert!(one_line_error(&out).contains("existe déjà"));
    assert_eq!(fs::read(&path).unwrap(), before, "the existing session is untouched");
    assert!(!dir.path().join("a/b/s.ron.bak").exists());
}

#[test]
fn new_in_a_folder_names_the_file_after_the_title_safely() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("sessions")).unwrap();
    cafe(dir.path())
        .args(["new", "sessions", "--title", "Café du savoir — 14 nov. ../../etc"])
        .assert()
        .success()
        .stdout(contains("cafe-du-savoir-14-nov-etc.ron"));
    assert!(dir.path().join("sessions/cafe-du-savoir-14-nov-etc.ron").is_file());
    cafe(dir.path()).args(["new", "autres/", "--title", "Cœur/Été"]).assert().success();
    assert!(dir.path().join("autres/coeur-ete.ron").is_file());
    cafe(dir.path())
        .args(["new", "autres/", "--title", "Coeur ete"])
        .assert()
        .code(1)
        .stderr(contains("existe déjà"));
}

#[test]
fn new_refuses_bad_values() {
    let dir = tempfile::tempdir().unwrap();
    for args in [
        ["--tables", "0"],
        ["--rounds", "0"],
        ["--minutes", "0"],
        ["--tables", "4000000000"],
        ["--rounds", "100000"],
        ["--minutes", "100000"],
    ] {
        cafe(dir.path()).args(["new", "s.ron", "--title", "x"]).args(args).assert().code(1);
    }
    cafe(dir.path()).args(["new", "s.ron", "--title", " "]).assert().code(1).stderr(contains("titre"));
    cafe(dir.path()).args(["new", "s.ron", "--title", "x", "--date", "14/11/2018"]).assert().code(2);
    assert!(!dir.path().join("s.ron").exists());
}

#[test]
fn new_copies_the_users_families_or_reports_them_broken_and_uses_the_defaults() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    fs::create_dir_all(data.join("cafe")).unwrap();
    let families = data.join("cafe/families.ron");
    let with_data = |args: &[&str]| {
        let mut cmd = cafe(dir.path());
        cmd.env("HOME", dir.path()).env("XDG_DATA_HOME", &data).args(args);
        cmd
    };
    fs::write(&families, "[(number: 1, id: \"seule\", title: \"Une seule famille\")]").unwrap();
    with_data(&["new", "s.ron", "--title", "Essai"]).assert().success();
    let loaded = load(&dir.path().join("s.ron")).unwrap();
    assert_eq!(loaded.families.len(), 1);
    assert_eq!(loaded.families[0].title, "Une seule famille");

    fs::write(&families, "[\n  (number: 1,\n   id: seule)\n]").unwrap();
    let out = with_data(&["new", "t.ron", "--title", "x"]).assert().success().get_output().clone();
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(err.contains("cafe/families.ron:3:") && err.contains("par défaut"), "{err}");
    assert_eq!(load(&dir.path().join("t.ron")).unwrap().families.len(), 3, "the shipped families");
}

#[test]
fn add_uses_the_clock_round_and_refuses_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron", "4");
    cafe(dir.path())
        .args(["add", "s.ron", "--table", "2", "--kind", "astuce", "Une", "astuce"])
        .assert()
        .success()
        .stdout(contains("p1").and(contains("tour 1")));
    // Move the clock to round 2 (phase index 2: round 1, move, round 2).
    let mut session = load(&path).unwrap();
    session.clock.phase = 2;
    cafe_savoir::store::save(&path, &session).unwrap();
    cafe(dir.path()).args(["add", "s.ron", "--table", "3", "Au tour deux"]).assert().success();
    cafe(dir.path())
        .args(["add", "s.ron", "--table", "1", "--round", "3", "--kind", "témoignage", "« Vécu »"])
        .assert()
        .success();
    let session = load(&path).unwrap();
    let got: Vec<(u32, u32, Kind, &str)> =
        session.proposals.iter().map(|p| (p.table, p.round, p.kind, p.text.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (2, 1, Kind::Astuce, "Une astuce"),
            (3, 2, Kind::Condition, "Au tour deux"),
            (1, 3, Kind::Temoignage, "« Vécu »")
        ]
    );
    let before = fs::read(&path).unwrap();
    let out =
        cafe(dir.path()).args(["add", "s.ron", "--table", "9", "x"]).assert().code(1).get_output().clone();
    assert!(one_line_error(&out).contains("table 9"));
    cafe(dir.path()).args(["add", "s.ron", "--table", "1", "--round", "4", "x"]).assert().code(1);
    cafe(dir.path()).args(["add", "s.ron", "--table", "1", " \t "]).assert().code(1);
    cafe(dir.path()).args(["add", "s.ron", "--table", "1", "--kind", "idée", "x"]).assert().code(2);
    cafe(dir.path()).args(["add", "s.ron", "--table", "1"]).assert().code(2);
    cafe(dir.path()).args(["add", "absent.ron", "--table", "1", "x"]).assert().code(1);
    assert_eq!(fs::read(&path).unwrap(), before, "refused additions change nothing");
}

#[test]
fn import_is_all_or_nothing_and_located() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron", "2");
    fs::write(dir.path().join("good.md"), "# Table 1\n- Bonne idée\n").unwrap();
    fs::write(dir.path().join("late.md"), "# Table 2\n## Tour 2\n- ok\n## Tour 4\n- trop tard\n").unwrap();
    fs::write(dir.path().join("bad.csv"), "table,text\n1,ok\ndeux,mauvais\n").unwrap();
    fs::write(dir.path().join("empty.md"), "# Seulement un titre\n").unwrap();
    fs::write(dir.path().join("notes.docx"), "x").unwrap();
    let before = fs::read(&path).unwrap();
    for (file, needle) in [
        ("late.md", "late.md:5:"),
        ("bad.csv", "bad.csv:3:"),
        ("empty.md", "empty.md"),
        ("notes.docx", "notes.docx"),
        ("missing.md", "missing.md"),
    ] {
        let out =
            cafe(dir.path()).args(["import", "s.ron", "good.md", file]).assert().code(1).get_output().clone();
        let err = one_line_error(&out);
        assert!(err.contains(needle), "{err}");
        assert!(err.contains("rien n'a été importé"), "{err}");
        assert_eq!(fs::read(&path).unwrap(), before, "{file}: nothing imported");
    }
    let out = cafe(dir.path())
        .args(["--lang", "en", "import", "s.ron", "late.md"])
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert!(
        one_line_error(&out).contains("late.md:5: there is no round 4 (rounds 1 to 3); nothing was imported")
    );
    cafe(dir.path()).args(["import", "s.ron"]).assert().code(2);
}

#[test]
fn import_defaults_and_kinds_and_table_themes() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron", "1");
    let notes = "\u{feff}# Notes du café\r\n\r\n## Table 1 — Intérêt\r\n- Défaut\r\n### Tour 2\r\n#### Astuces\r\n1. Astuce au tour 2\r\n\r\n## Table 3 : Reconnaissance\r\nHôte : Marie\r\n- Nouvelle table\r\n  qui continue\r\n";
    fs::write(dir.path().join("n.md"), notes).unwrap();
    cafe(dir.path()).args(["import", "s.ron", "n.md"]).assert().success().stdout(
        contains("Table 3 créée").and(contains("Reconnaissance")).and(contains("table 3 : 1 proposition")),
    );
    let session = load(&path).unwrap();
    let got: Vec<(u32, u32, Kind, &str)> =
        session.proposals.iter().map(|p| (p.table, p.round, p.kind, p.text.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (1, 1, Kind::Condition, "Défaut"),
            (1, 2, Kind::Astuce, "Astuce au tour 2"),
            (3, 1, Kind::Condition, "Nouvelle table qui continue")
        ]
    );
    let table3 = session.table(3).unwrap();
    assert_eq!((table3.question.as_str(), table3.host.as_str()), ("Reconnaissance", "Marie"));
    assert_eq!(session.table(1).unwrap().question, "Intérêt", "an empty question is filled in");
}

#[test]
fn list_shows_sessions_newest_first_and_broken_files_located() {
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessions");
    fs::create_dir(&sessions).unwrap();
    cafe(dir.path())
        .args(["new", "sessions/old.ron", "--title", "Ancienne", "--date", "2018-11-14", "--tables", "3"])
        .assert()
        .success();
    cafe(dir.path())
        .args(["new", "sessions/new.ron", "--title", "Récente", "--date", "2018-11-28", "--tables", "5"])
        .assert()
        .success();
    cafe(dir.path()).args(["add", "sessions/new.ron", "--table", "1", "Idée"]).assert().success();
    fs::write(sessions.join("broken.ron"), "(\n  version: 1,\n  title: oops\n)").unwrap();
    fs::write(sessions.join("notes.md"), "not a session").unwrap();
    let out = cafe(dir.path()).arg("list").assert().success().get_output().stdout.clone();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    let recent = lines.iter().position(|l| l.contains("Récente")).unwrap();
    let old = lines.iter().position(|l| l.contains("Ancienne")).unwrap();
    assert!(recent < old, "newest first: {out}");
    assert!(lines[recent].contains("2018-11-28") && lines[recent].contains("5 tables"));
    assert!(lines[recent].contains("1 proposition"));
    assert!(out.contains("broken.ron:3:"), "{out}");
    assert!(!out.contains(".bak"), "{out}");
    let en =
        cafe(dir.path()).args(["--lang", "en", "list", "sessions"]).assert().success().get_output().clone();
    assert!(String::from_utf8(en.stdout).unwrap().contains("1 proposal "));
    cafe(dir.path()).args(["list", "nowhere"]).assert().code(1);
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    cafe(dir.path()).args(["list", "empty"]).assert().success().stdout(contains("Aucune session"));
}

#[test]
fn show_summarises_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    new_session(dir.path(), "s.ron", "2");
    cafe(dir.path())
        .args(["add", "s.ron", "--table", "2", "--kind", "astuce", "Se connaître"])
        .assert()
        .success();
    cafe(dir.path()).args(["show", "s.ron"]).assert().success().stdout(
        contains("Essai")
            .and(contains("Déroulement : 3 tours de 20 min"))
            .and(contains("Table 1 — (question à préciser)"))
            .and(contains("Astuces (1)"))
            .and(contains("- Se connaître"))
            .and(contains("Total : 1 proposition (0 condition, 1 astuce, 0 témoignage)")),
    );
    cafe(dir.path()).args(["show", "s.ron", "--lang", "en"]).assert().success().stdout(
        contains("Schedule: 3 rounds of 20 min")
            .and(contains("Total: 1 proposal (0 conditions, 1 tip, 0 testimonies)")),
    );
    cafe(dir.path()).args(["show", "absent.ron"]).assert().code(1);

    // A hand-edited file cannot send control sequences to the terminal.
    let path = dir.path().join("s.ron");
    let mut session = load(&path).unwrap();
    session.title = "Titre\u{1b}[2J effacé".into();
    session.proposals[0].text = "Texte\u{1b}]0;pirate\u{7}\nsur deux lignes".into();
    cafe_savoir::store::save(&path, &session).unwrap();
    for command in ["show", "list"] {
        let target = if command == "show" { "s.ron" } else { "." };
        let out = cafe(dir.path()).args([command, target]).assert().success().get_output().stdout.clone();
        assert!(!out.contains(&0x1b) && !out.contains(&0x07), "{command}");
    }
}

#[test]
fn help_is_in_french_by_default_and_english_on_request() {
    let dir = tempfile::tempdir().unwrap();
    cafe(dir.path()).arg("--help").assert().success().stdout(contains("Créer un fichier de session"));
    cafe(dir.path())
        .args(["--lang", "en", "--help"])
        .assert()
        .success()
        .stdout(contains("Create a session file"));
    cafe(dir.path()).args(["new", "--help"]).assert().success().stdout(contains("Nombre de tables"));
    cafe(dir.path())
        .args(["new", "--help", "--lang", "en"])
        .assert()
        .success()
        .stdout(contains("Number of tables"));
    cafe(dir.path())
        .env("LANG", "en_CA.UTF-8")
        .args(["import", "--help"])
        .assert()
        .success()
        .stdout(contains("Add proposals from Markdown or CSV notes"));
    cafe(dir.path())
        .arg("--help")
        .assert()
        .stdout(contains("Utilisation : cafe").and(contains("Commandes :")).and(contains("Afficher l'aide")));
    cafe(dir.path())
        .arg("frobnicate")
        .assert()
        .code(2)
        .stderr(contains("erreur : sous-commande inconnue 'frobnicate'"));
    cafe(dir.path())
        .args(["new", "s.ron"])
        .assert()
        .code(2)
        .stderr(contains("arguments obligatoires manquants").and(contains("--title")));
    cafe(dir.path())
        .args(["--lang", "en", "new", "s.ron"])
        .assert()
        .code(2)
        .stderr(contains("the following required arguments were not provided"));
    cafe(dir.path())
        .args(["add", "s.ron", "--table", "un", "x"])
        .assert()
        .code(2)
        .stderr(contains("valeur invalide"));
    cafe(dir.path()).arg("--version").assert().success().stdout(contains("cafe "));
}

#[test]
fn a_corrupted_session_is_reported_and_never_written_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = new_session(dir.path(), "s.ron", "2");
    let text = fs::read_to_string(&path).unwrap();
    let truncated = text[..text.len() / 2].to_string();
    let garbled = text.replacen("tables: [", "tables: [ ]]", 1);
    let newer = text.replacen("version: 1,", "version: 9,", 1);
    fs::write(dir.path().join("n.md"), "# Table 1\n- x\n").unwrap();
    for (broken, needle) in [(&truncated, "illisible"), (&garbled, "illisible"), (&newer, "version 9")] {
        fs::write(&path, broken).unwrap();
        for args in [
            vec!["add", "s.ron", "--table", "1", "x"],
            vec!["import", "s.ron", "n.md"],
            vec!["show", "s.ron"],
        ] {
            let out = cafe(dir.path()).args(&args).assert().code(1).get_output().clone();
            let err = one_line_error(&out);
            assert!(err.contains("s.ron") && err.contains(needle), "{err}");
            assert_eq!(&fs::read_to_string(&path).unwrap(), broken, "byte-identical after {args:?}");
            assert!(!dir.path().join("s.ron.bak").exists());
        }
    }
    fs::write(&path, &garbled).unwrap();
    let out = cafe(dir.path()).args(["show", "s.ron"]).assert().code(1).get_output().clone();
    let line = garbled.lines().position(|l| l.contains("tables: [ ]]")).unwrap() + 1;
    assert!(one_line_error(&out).contains(&format!("s.ron:{line}:")), "file:line:column");
}

#[test]
fn the_demo_session_holds_every_proposal_of_its_notes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let demo: Session = load(&root.join("sessions/cafe-du-savoir-14-novembre-2018.ron")).unwrap();
    let notes = cafe_savoir::store::notes::read_notes(
        &root.join("sessions/notes/cafe-du-savoir-14-novembre-2018.md"),
    )
    .unwrap();
    assert_eq!(demo.tables.len(), 8);
    assert_eq!(demo.schedule.round_minutes, vec![20, 20, 20]);
    assert!((120..=150).contains(&demo.proposals.len()), "{}", demo.proposals.len());
    assert_eq!(demo.proposals.len(), notes.entries.len());
    for (proposal, entry) in demo.proposals.iter().zip(&notes.entries) {
        assert_eq!((proposal.table, proposal.text.as_str()), (entry.table, entry.text.as_str()));
        assert_eq!(proposal.round, entry.round.unwrap_or(1));
        assert_eq!(proposal.kind, entry.kind.unwrap_or_default());
    }
    for table in &demo.tables {
        assert!(!table.question.is_empty() && !table.host.is_empty(), "table {}", table.number);
        for round in 1..=3 {
            for kind in [Kind::Condition, Kind::Astuce] {
                assert!(
                    demo.proposals
                        .iter()
                        .any(|p| p.table == table.number && p.round == round && p.kind == kind),
                    "table {} round {round} {kind:?}",
                    table.number
                );
            }
        }
        assert!(demo.proposals.iter().any(|p| p.table == table.number && p.kind == Kind::Temoignage));
    }
}

/// Every subcommand and every argument has its help text in both languages.
#[test]
fn every_help_text_exists_in_french_and_english() {
    use cafe_savoir::cli::localized_command;
    use cafe_savoir::i18n::Lang;
    let fr = localized_command(Lang::Fr);
    let en = localized_command(Lang::En);
    let mut commands = vec![(fr.clone(), en.clone())];
    for sub in fr.get_subcommands() {
        let other = en.find_subcommand(sub.get_name()).unwrap().clone();
        commands.push((sub.clone(), other));
    }
    for (fr, en) in commands {
        let name = fr.get_name().to_string();
        let (about_fr, about_en) = (fr.get_about().unwrap().to_string(), en.get_about().unwrap().to_string());
        assert_ne!(about_fr, about_en, "{name}: about");
        for arg in fr.get_arguments().filter(|a| !matches!(a.get_id().as_str(), "help" | "version")) {
            let id = arg.get_id().as_str();
            let other = en.get_arguments().find(|a| a.get_id() == arg.get_id()).unwrap();
            let help_fr = arg.get_help().map(ToString::to_string).unwrap_or_default();
            let help_en = other.get_help().map(ToString::to_string).unwrap_or_default();
            assert!(!help_fr.is_empty() && !help_en.is_empty(), "{name} {id}: help missing");
            assert_ne!(help_fr, help_en, "{name} {id}: not translated");
        }
    }
}

/// The notes examples of README.md import as the README says.
#[test]
fn the_readme_notes_examples_import() {
    let readme = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    let block = |lang: &str| {
        let start = readme.find(&format!("```{lang}\n")).unwrap() + lang.len() + 4;
        readme[start..start + readme[start..].find("```").unwrap()].to_string()
    };
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("n.md"), block("markdown")).unwrap();
    fs::write(dir.path().join("n.csv"), block("csv")).unwrap();
    let path = new_session(dir.path(), "s.ron", "2");
    cafe(dir.path())
        .args(["import", "s.ron", "n.md", "n.csv"])
        .assert()
        .success()
        .stdout(contains("Table 3 créée"));
    let session = load(&path).unwrap();
    let got: Vec<(u32, u32, Kind, &str)> =
        session.proposals.iter().map(|p| (p.table, p.round, p.kind, p.text.as_str())).collect();
    assert_eq!(
        got,
        vec![
            (3, 1, Kind::Condition, "Les partenaires connaissent notre mission"),
            (3, 1, Kind::Condition, "Tenir compte qu'on est juste 2 employés à temps partiel"),
            (3, 1, Kind::Astuce, "Inviter les partenaires à une de nos activités"),
            (3, 2, Kind::Temoignage, "« Quand notre répondante est partie, on a dû tout réexpliquer. »"),
            (1, 1, Kind::Condition, "Identifier des objectifs communs, dès le départ"),
            (1, 2, Kind::Astuce, "Prévoir un bilan à mi-parcours"),
            (2, 1, Kind::Condition, "Entente écrite"),
        ]
    );
    assert_eq!(session.table(3).unwrap().host, "Sylvie Tremblay");
    // The session example of the README is a valid session.
    cafe_savoir::store::session_file::parse(Path::new("README.md"), &block("ron")).unwrap();
}

/// `Clock: round 3, running (18:59 left)` → (`round 3`, seconds left).
fn shown_clock(stdout: &str) -> (String, i64) {
    let line = stdout.lines().find(|l| l.starts_with("Clock: ")).expect("a clock line");
    let (phase, rest) = line["Clock: ".len()..].split_once(", running (").expect("running");
    let (minutes, seconds) = rest.trim_end_matches(" left)").split_once(':').expect("M:SS");
    (
        phase.to_string(),
        minutes.parse::<i64>().expect("minutes") * 60 + seconds.parse::<i64>().expect("seconds"),
    )
}

#[test]
fn show_and_the_app_agree_on_a_clock_that_ran_on_while_nothing_was_open() {
    use cafe_savoir::domain::PhaseKind;
    use cafe_savoir::tui::action::Action;
    use cafe_savoir::tui::perform::dispatch;
    use cafe_savoir::tui::screens::Screen;

    let dir = tempfile::tempdir().expect("tempdir");
    let path = new_session(dir.path(), "cafe.ron", "4");
    let mut session = load(&path).expect("loads");
    session.schedule.auto_advance = true;
    let schedule = session.schedule.clone();
    // 20-minute rounds and 2-minute moves: 45 minutes on is a minute into round 3.
    session.clock.start(&schedule, chrono::Utc::now() - chrono::Duration::minutes(45));
    cafe_savoir::store::save(&path, &session).expect("saved");

    let before = chrono::Utc::now();
    let output =
        cafe(dir.path()).args(["show", "cafe.ron", "--lang", "en"]).assert().success().get_output().clone();
    let after = chrono::Utc::now();
    let (shown_phase, shown_seconds) = shown_clock(&String::from_utf8_lossy(&output.stdout));
    assert_eq!(load(&path).expect("loads"), session, "show writes nothing");

    let app_at = |now| {
        let mut app = tui_support::app_with(session.clone(), Screen::Run, dir.path());
        dispatch(&mut app, Action::Tick, now);
        let open = app.open.expect("a session is open");
        let phase = open.session.clock.current(&open.session.schedule).map(|p| p.kind);
        (phase, open.session.current_round(), open.session.clock.seconds_left(&open.session.schedule, now))
    };
    let (phase_before, round, seconds_before) = app_at(before);
    let (phase_after, _, seconds_after) = app_at(after);
    assert_eq!(phase_before, Some(PhaseKind::Round(3)));
    assert_eq!(phase_after, phase_before);
    assert_eq!(round, 3);
    assert_eq!(shown_phase, "round 3");
    assert!(
        (seconds_after..=seconds_before).contains(&shown_seconds),
        "show: {shown_seconds} s, the app: {seconds_before}–{seconds_after} s"
    );

    // `cafe add` files a proposal in that same round (on the file as it was before the
    // app saved its caught-up clock).
    cafe_savoir::store::save(&path, &session).expect("saved again");
    cafe(dir.path()).args(["add", "cafe.ron", "--table", "1", "Une idée"]).assert().success();
    assert_eq!(load(&path).expect("loads").proposals.last().map(|p| p.round), Some(3));
}
