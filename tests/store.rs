//! Sessions on disk, on real files in temporary folders: the save/load round trip, the
//! backup, writes that fail halfway, corrupted and truncated files, newer versions,
//! safe names and the shipped families.

use std::fs;
use std::path::Path;
use std::process::Command;

use cafe_savoir::domain::decisions::{FamilyChoice, Pair, Split, Votes, Wording};
use cafe_savoir::domain::{
    Clock, Decisions, DocumentText, Family, Kind, Participant, Proposal, ProposalId, RotationPlan, Schedule,
    Session, Table, VocabularyAdditions,
};
use cafe_savoir::store::atomic::{Step, backup_path, write_atomic_with};
use cafe_savoir::store::families::{FAMILIES_RON, default_families};
use cafe_savoir::store::session_file::{parse, save_new, to_text};
use cafe_savoir::store::{StoreError, load, safe_file_name, save};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

fn sample_session() -> Session {
    let mut session = Session::new("Café « test »", default_families(), 4, 3, 20).unwrap();
    let now = Utc.with_ymd_and_hms(2018, 11, 14, 13, 30, 0).unwrap();
    for table in 1..=4 {
        session.add_proposal(table, 1, Kind::Condition, "L'idée \"citée\" \\ ici", now).unwrap();
    }
    session
}

/// The files of a folder, by name, less the lock files that sessions keep beside them.
fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.ends_with(".lock"))
        .collect();
    names.sort();
    names
}

// ---------------------------------------------------------------- round trip

/// Any text: unicode, control characters, quotes, backslashes, RON syntax.
fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~]{0,40}",
        proptest::collection::vec(
            prop_oneof![
                Just("\"".to_string()),
                Just("'".to_string()),
                Just("\\".to_string()),
                Just("\"#".to_string()),
                Just("r#\"".to_string()),
                Just("\n".to_string()),
                Just("\r\n".to_string()),
                Just("\t".to_string()),
                Just("\u{0}".to_string()),
                Just("\u{1b}[31m".to_string()),
                Just("\u{feff}".to_string()),
                Just("\u{301}".to_string()),
                Just("é".to_string()),
                Just("œ".to_string()),
                Just("« »".to_string()),
                Just("😀".to_string()),
                Just("),(".to_string()),
                Just("/*".to_string()),
                Just("//".to_string()),
                "[a-zA-Zàéèêç ]{1,8}",
            ],
            0..12
        )
        .prop_map(|parts| parts.concat()),
    ]
}

fn any_time() -> impl Strategy<Value = DateTime<Utc>> {
    (0i64..4_000_000_000, 0u32..1_000_000_000)
        .prop_map(|(secs, nanos)| Utc.timestamp_opt(secs, nanos).single().unwrap_or_default())
}

fn any_family() -> impl Strategy<Value = Family> {
    (
        any::<u8>(),
        any_text(),
        any_text(),
        any_text(),
        any_text(),
        proptest::collection::vec(any_text(), 0..3),
        proptest::collection::vec(any_text(), 0..3),
    )
        .prop_map(|(number, id, title, title_en, description, conditions, astuces)| Family {
            number,
            id,
            title,
            title_en,
            description,
            conditions,
            astuces,
        })
}

fn any_decisions() -> impl Strategy<Value = Decisions> {
    let id = || any::<u64>().prop_map(ProposalId);
    (
        proptest::collection::vec((id(), id()).prop_map(|(a, b)| Pair::new(a, b)), 0..3),
        proptest::collection::vec(
            (id(), proptest::collection::vec(id(), 0..3))
                .prop_map(|(proposal, apart_from)| Split { proposal, apart_from }),
            0..3,
        ),
        proptest::collection::vec(
            (id(), any::<u8>()).prop_map(|(proposal, family)| FamilyChoice { proposal, family }),
            0..3,
        ),
        proptest::collection::vec(
            (id(), any_text()).prop_map(|(proposal, text)| Wording { proposal, text }),
            0..3,
        ),
        proptest::collection::vec(id(), 0..3),
        proptest::collection::vec(
            (id(), any::<u32>()).prop_map(|(proposal, votes)| Votes { proposal, votes }),
            0..3,
        ),
    )
        .prop_map(|(merges, splits, families, wordings, exclusions, votes)| Decisions {
            rejected: merges.iter().rev().copied().collect(),
            merges,
            splits,
            families,
            wordings,
            exclusions,
            votes,
        })
}

fn any_session() -> impl Strategy<Value = Session> {
    let tables =
        proptest::collection::vec(
            (any::<u32>(), any_text(), any_text(), any_text()).prop_map(|(number, name, question, host)| {
                Table { number, name, question, host, phone_token: String::new() }
            }),
            0..5,
        );
    let proposals = proptest::collection::vec(
        (any::<u64>(), any::<u32>(), any::<u32>(), 0usize..3, any_text(), any_time()).prop_map(
            |(id, table, round, kind, text, captured_at)| Proposal {
                id: ProposalId(id),
                table,
                round,
                kind: Kind::ALL[kind],
                text,
                captured_at,
                edition: 0,
            },
        ),
        0..8,
    );
    let schedule = (proptest::collection::vec(any::<u32>(), 0..5), any::<u32>(), any::<u32>(), any::<bool>())
        .prop_map(|(round_minutes, move_minutes, harvest_minutes, auto_advance)| Schedule {
            round_minutes,
            move_minutes,
            harvest_minutes,
            auto_advance,
            ..Schedule::default()
        });
    let clock = (any::<usize>(), proptest::option::of(any_time()), proptest::option::of(any::<i64>()))
        .prop_map(|(phase, running_since, remaining_ms)| Clock {
            phase,
            running_since,
            remaining_ms,
            ..Clock::default()
        });
    let people = (
        proptest::collection::vec(
            (any_text(), any_text(), proptest::option::of(any::<u32>()))
                .prop_map(|(name, organisation, host_of)| Participant { name, organisation, host_of }),
            0..3,
        ),
        proptest::option::of(any::<u32>()),
        proptest::option::of(
            (any::<u64>(), proptest::collection::vec(proptest::collection::vec(any::<u32>(), 0..3), 0..3))
                .prop_map(|(seed, seats)| RotationPlan { seed, seats }),
        ),
    );
    (
        (any_text(), proptest::option::of(-100_000i32..3_000_000), any_text(), any_text()),
        proptest::collection::vec(any_family(), 0..3),
        tables,
        schedule,
        clock,
        proposals,
        any::<u64>(),
        any_decisions(),
        people,
        (any_text(), any_text(), proptest::collection::vec(any_text(), 0..2)),
    )
        .prop_map(
            |(
                (title, day, place, facilitator),
                families,
                tables,
                schedule,
                clock,
                proposals,
                next_id,
                decisions,
                (participants, participant_count, rotation),
                (document_title, intro, generic),
            )| Session {
                version: 1,
                title,
                date: day.and_then(NaiveDate::from_num_days_from_ce_opt),
                place,
                facilitator,
                families,
                tables,
                schedule,
                clock,
                proposals,
                next_id,
                deleted: Vec::new(),
                decisions,
                participants,
                participant_count,
                rotation,
                learned: Default::default(),
                document: DocumentText { title: document_title, intro },
                vocabulary: VocabularyAdditions { generic, ..VocabularyAdditions::default() },
                vote: None,
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever a session holds, the file gives it back exactly, and the file on disk
    /// is the text `to_text` produces; loading it also cleans it (control characters,
    /// a clock that makes no sense) and nothing else.
    #[test]
    fn saving_then_loading_gives_the_same_session(session in any_session()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        save(&path, &session).unwrap();
        let text = fs::read_to_string(&path).unwrap();
        let parsed = parse(&path, &text).unwrap();
        prop_assert_eq!(&parsed, &session);
        prop_assert_eq!(&text, &to_text(&session).unwrap());
        let now = Utc::now();
        let mut cleaned = session.clone();
        cleaned.repair(now);
        let mut loaded = load(&path).unwrap();
        loaded.clock = cleaned.clock.clone();
        prop_assert_eq!(&loaded, &cleaned);
        // Saving what was read writes the same bytes: diffs show real changes only.
        let first = fs::read(&path).unwrap();
        save(&path, &parsed).unwrap();
        prop_assert_eq!(fs::read(&path).unwrap(), first);
    }

    /// Any title makes a file name that stays in its folder and can be created.
    #[test]
    fn any_title_makes_a_safe_file_name(title in any_text()) {
        let name = safe_file_name(&title);
        prop_assert!(!name.is_empty() && name.len() <= 60);
        prop_assert!(name.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{}", name);
        prop_assert!(!name.starts_with(['-', '.']) && !name.ends_with('-'));
        prop_assert_eq!(safe_file_name(&title), name.clone(), "deterministic");
        let dir = tempfile::tempdir().unwrap();
        let path = cafe_savoir::store::names::session_path_for(dir.path(), &title);
        prop_assert_eq!(path.parent(), Some(dir.path()));
        fs::write(&path, b"x").unwrap();
    }
}

#[test]
fn session_files_start_with_the_version_and_read_as_plain_french() {
    let text = to_text(&sample_session()).unwrap();
    assert!(text.starts_with("(\n  version: 1,\n  title: \"Café « test »\","), "{}", &text[..80]);
    assert!(text.contains(r#"text: "L'idée \"citée\" \\ ici","#), "apostrophes are not escaped");
}

// ---------------------------------------------------------------- backup

#[test]
fn the_backup_holds_the_previous_version() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let mut session = sample_session();
    save(&path, &session).unwrap();
    assert!(!backup_path(&path).exists(), "a first save has nothing to back up");
    let first = fs::read(&path).unwrap();
    session.title = "Deuxième version".into();
    save(&path, &session).unwrap();
    assert_eq!(fs::read(backup_path(&path)).unwrap(), first);
    let second = fs::read(&path).unwrap();
    session.title = "Troisième version".into();
    save(&path, &session).unwrap();
    assert_eq!(fs::read(backup_path(&path)).unwrap(), second);
    assert_eq!(load(&backup_path(&path)).unwrap().title, "Deuxième version");
    assert_eq!(names_in(dir.path()), vec!["s.ron", "s.ron.bak"]);
}

#[cfg(unix)]
#[test]
fn a_saved_file_keeps_its_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    save(&path, &sample_session()).unwrap();
    assert_ne!(fs::metadata(&path).unwrap().permissions().mode() & 0o044, 0, "not private to the writer");
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    save(&path, &sample_session()).unwrap();
    assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
    assert_eq!(fs::metadata(backup_path(&path)).unwrap().permissions().mode() & 0o777, 0o640);
}

// ---------------------------------------------------------------- failures halfway

/// A write that fails between the temporary file and the rename (as a full disk or a
/// crash would) leaves the session byte-identical and no temporary file behind.
#[test]
fn a_write_failing_halfway_leaves_the_old_file_intact() {
    for failing in [Step::BackupWritten, Step::TempWritten] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.ron");
        save(&path, &sample_session()).unwrap();
        save(&path, &sample_session()).unwrap();
        let before = fs::read(&path).unwrap();
        let backup_before = fs::read(backup_path(&path)).unwrap();
        let mut changed = sample_session();
        changed.title = "Jamais écrit".into();
        let text = to_text(&changed).unwrap();
        let mut seen = Vec::new();
        let result = write_atomic_with(&path, text.as_bytes(), true, &mut |step| {
            seen.push(step);
            if step == failing { Err(std::io::Error::other("disque plein")) } else { Ok(()) }
        });
        assert!(result.is_err(), "{failing:?}");
        assert_eq!(fs::read(&path).unwrap(), before, "{failing:?}: the session is untouched");
        assert_eq!(load(&path).unwrap().title, "Café « test »");
        if failing == Step::BackupWritten {
            assert_eq!(fs::read(backup_path(&path)).unwrap(), backup_before, "the old backup is untouched");
        }
        assert_eq!(names_in(dir.path()), vec!["s.ron", "s.ron.bak"], "{failing:?}: no temporary file left");
        assert_eq!(seen.last(), Some(&failing));
    }
}

/// The same with a real failure of the operating system: the file size limit
/// (`ulimit -f`, which binds root too) makes the write of the new version fail with
/// EFBIG in the middle of `cafe import`.
#[cfg(target_os = "linux")]
#[test]
fn a_real_write_error_during_import_leaves_the_session_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let cafe = env!("CARGO_BIN_EXE_cafe");
    let status = Command::new(cafe)
        .current_dir(dir.path())
        .args(["new", "s.ron", "--title", "Essai", "--tables", "8"])
        .output()
        .unwrap();
    assert!(status.status.success());
    let before = fs::read(&path).unwrap();
    assert!(before.len() < 16 * 1024, "the limit below lets the old file and its backup be written");
    fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/dev-notes.md"),
        dir.path().join("n.md"),
    )
    .unwrap();
    // SIGXFSZ is ignored so that the write returns an error instead of killing cafe.
    let out = Command::new("bash")
        .current_dir(dir.path())
        .env("LANG", "fr_CA.UTF-8")
        .args(["-c", "trap '' XFSZ; ulimit -f 16; exec \"$0\" import s.ron n.md", cafe])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.starts_with("cafe: ") && stderr.contains("s.ron"), "{stderr}");
    assert_eq!(fs::read(&path).unwrap(), before, "the session is byte-identical");
    assert_eq!(names_in(dir.path()), vec!["n.md", "s.ron", "s.ron.bak"], "no temporary file left");
    assert_eq!(load(&path).unwrap().proposals.len(), 0);
}

#[test]
fn a_target_whose_folder_is_a_file_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("plain"), b"not a folder").unwrap();
    let path = dir.path().join("plain/s.ron");
    assert!(matches!(save(&path, &sample_session()), Err(StoreError::Io { .. })));
    assert!(matches!(save_new(&path, &sample_session()), Err(StoreError::Io { .. })));
    assert_eq!(fs::read(dir.path().join("plain")).unwrap(), b"not a folder");
    assert_eq!(names_in(dir.path()), vec!["plain"]);
}

#[test]
fn a_file_changed_by_someone_else_meanwhile_keeps_both_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    save(&path, &sample_session()).unwrap();
    let mut file = cafe_savoir::store::SessionFile::open(&path).unwrap();
    let mut mine = file.session().clone();
    // Meanwhile the app saves its own change.
    let mut theirs = sample_session();
    theirs.title = "Changé par l'application".into();
    save(&path, &theirs).unwrap();
    mine.place = "Changé par la commande".into();
    file.save_merged(&mine).unwrap();
    let saved = load(&path).unwrap();
    assert_eq!(
        (saved.title.as_str(), saved.place.as_str()),
        ("Changé par l'application", "Changé par la commande")
    );
}

#[test]
fn save_new_never_replaces_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    fs::write(&path, b"someone else's file").unwrap();
    assert!(matches!(save_new(&path, &sample_session()), Err(StoreError::AlreadyExists { .. })));
    assert_eq!(fs::read(&path).unwrap(), b"someone else's file");
    assert_eq!(names_in(dir.path()), vec!["s.ron"]);
}

// ---------------------------------------------------------------- broken files

fn parse_error(text: &str) -> (usize, usize, String) {
    match parse(Path::new("s.ron"), text) {
        Err(StoreError::Parse { line, column, message, .. }) => (line, column, message),
        other => panic!("expected a located error, got {other:?}"),
    }
}

#[test]
fn truncated_files_give_located_errors_and_stay_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    let text = to_text(&sample_session()).unwrap();
    let lines = text.lines().count();
    for cut in [1, 10, text.len() / 3, text.len() / 2, text.len() - 3] {
        let cut = (0..=cut).rev().find(|i| text.is_char_boundary(*i)).unwrap();
        fs::write(&path, &text[..cut]).unwrap();
        let before = fs::read(&path).unwrap();
        match load(&path) {
            Err(StoreError::Parse { path: p, line, column, .. }) => {
                assert_eq!(p, path);
                assert!((1..=lines).contains(&line) && column >= 1, "cut {cut}: {line}:{column}");
            }
            other => panic!("cut {cut}: {other:?}"),
        }
        assert_eq!(fs::read(&path).unwrap(), before);
        assert!(!backup_path(&path).exists());
    }
}

#[test]
fn corrupted_files_point_at_the_mistake() {
    let text = to_text(&sample_session()).unwrap();
    // A word where a string is expected.
    let broken = text.replacen("title: \"Café « test »\"", "title: Café", 1);
    let (line, column, _) = parse_error(&broken);
    assert_eq!((line, column), (3, 10));
    // An unknown kind of proposal.
    let broken = text.replacen("kind: Condition", "kind: Idee", 1);
    let expected_line = broken.lines().position(|l| l.contains("kind: Idee")).unwrap() + 1;
    let (line, _, message) = parse_error(&broken);
    assert_eq!(line, expected_line);
    assert!(message.contains("Idee"), "{message}");
    // A missing comma between two fields.
    let broken = text.replacen("place: \"\",", "place: \"\"", 1);
    let (line, _, _) = parse_error(&broken);
    assert!((5..=6).contains(&line), "{line}");
    // A number where a list is expected.
    let broken = text.replacen("round_minutes: [", "round_minutes: 3, old: [", 1);
    assert!(parse_error(&broken).0 > 1);
}

#[test]
fn a_file_that_is_not_utf8_or_not_there_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    fs::write(&path, b"(version: 1, title: \"\xff\xfe\")").unwrap();
    assert!(matches!(load(&path), Err(StoreError::NotUtf8 { .. })));
    assert!(matches!(load(&dir.path().join("absent.ron")), Err(StoreError::Io { .. })));
    assert!(
        matches!(load(dir.path()), Err(StoreError::Io { .. } | StoreError::NotAFile { .. })),
        "a folder is not a session"
    );
}

#[test]
fn a_newer_version_is_refused_clearly() {
    let text = to_text(&sample_session()).unwrap();
    let newer = text.replacen("version: 1,", "version: 2,", 1);
    assert!(matches!(
        parse(Path::new("s.ron"), &newer),
        Err(StoreError::NewerVersion { found: 2, supported: 1, .. })
    ));
    // Even when the rest uses syntax this version cannot read.
    let newer = "(\n  version: 3,\n  title: NouveauFormat { a: 1 },\n)";
    let err = parse(Path::new("s.ron"), newer).unwrap_err();
    assert!(matches!(err, StoreError::NewerVersion { found: 3, .. }));
    let message = cafe_savoir::i18n::errors::store_error(cafe_savoir::i18n::Lang::Fr, &err);
    assert!(message.contains("version 3") && message.contains("mettez cafe à jour"), "{message}");
}

#[test]
fn a_byte_order_mark_and_missing_optional_fields_are_tolerated() {
    let minimal = "\u{feff}(version: 1, title: \"Vieille session\", families: [], tables: [(number: 1)], \
                   schedule: (round_minutes: [20], move_minutes: 2, harvest_minutes: 30))";
    let session = parse(Path::new("s.ron"), minimal.trim_start_matches('\u{feff}')).unwrap();
    assert_eq!(session.title, "Vieille session");
    assert!(session.proposals.is_empty() && session.decisions.is_empty());
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("s.ron"), minimal).unwrap();
    assert_eq!(load(&dir.path().join("s.ron")).unwrap(), session);
}

// ---------------------------------------------------------------- families

/// The shipped conditions and astuces are the seed document's own words.
#[test]
fn the_shipped_families_quote_the_seed_word_for_word() {
    let seed = fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed-conditions-favorables.txt"),
    )
    .unwrap();
    let families: Vec<Family> = ron::from_str(FAMILIES_RON).unwrap();
    let titles: Vec<&str> = families.iter().map(|f| f.title.as_str()).collect();
    assert_eq!(
        titles,
        vec![
            "Intérêt de participation et objectifs communs",
            "Connaissance et reconnaissance",
            "Rapports équitables et coconstruction"
        ]
    );
    for family in &families {
        assert!(seed.contains(&family.title));
        for quoted in family.conditions.iter().chain(&family.astuces) {
            assert!(seed.contains(quoted.as_str()), "not in the seed: {quoted}");
        }
    }
    // Every ✓ condition of the seed is in its family.
    let mut family = 0;
    for line in seed.lines() {
        if let Some(index) =
            titles.iter().position(|t| line.trim_start_matches(['1', '2', '3', '.', ' ']) == *t)
        {
            family = index;
        }
        if let Some(condition) = line.strip_prefix("- ✓ ") {
            assert!(families[family].conditions.iter().any(|c| c == condition), "missing: {condition}");
        }
    }
    assert_eq!(families.iter().map(|f| f.astuces.len()).sum::<usize>(), 6);
}
