//! Notes import, every format and its malformed variants: Markdown and CSV, with or
//! without BOM, CRLF, headings with themes, numbered lists, continuation lines, missing
//! header columns, bad numbers. Malformed notes are refused with their line.

use std::fs;
use std::path::Path;

use cafe_savoir::domain::Kind;
use cafe_savoir::store::notes::{
    NoteEntry, Notes, NotesError, NotesFormat, NotesReadError, parse_bytes, parse_notes, read_notes,
};
use proptest::prelude::*;

fn md(text: &str) -> Notes {
    parse_notes(text.as_bytes(), NotesFormat::Markdown).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn md_err(text: &str) -> NotesError {
    parse_notes(text.as_bytes(), NotesFormat::Markdown).expect_err(text)
}

fn csv(text: &str) -> Notes {
    parse_notes(text.as_bytes(), NotesFormat::Csv).unwrap_or_else(|e| panic!("{e}: {text}"))
}

fn csv_err(text: &str) -> NotesError {
    parse_notes(text.as_bytes(), NotesFormat::Csv).expect_err(text)
}

/// (table, round, kind, text) of each entry.
fn summary(notes: &Notes) -> Vec<(u32, Option<u32>, Option<Kind>, &str)> {
    notes.entries.iter().map(|e| (e.table, e.round, e.kind, e.text.as_str())).collect()
}

fn texts(notes: &Notes) -> Vec<&str> {
    notes.entries.iter().map(|e| e.text.as_str()).collect()
}

// ------------------------------------------------------------------ Markdown

#[test]
fn markdown_bom_and_crlf_change_nothing() {
    let plain = "# Table 1 — Intérêt\n- Une idée\n  qui continue\n\n# Table 2\n1. Deux\n";
    let windows = format!("\u{feff}{}", plain.replace('\n', "\r\n"));
    let a = md(plain);
    let b = md(&windows);
    assert_eq!(a, b);
    assert_eq!(texts(&a), vec!["Une idée qui continue", "Deux"]);
    assert_eq!(a.entries[1].line, 6);
}

#[test]
fn markdown_table_headings_with_themes_in_every_spelling() {
    for (heading, number, theme) in [
        ("# Table 3", 3, None),
        ("## Table 3 — Reconnaissance", 3, Some("Reconnaissance")),
        ("### Table 12 – Rapports équitables", 12, Some("Rapports équitables")),
        ("# Table 4 - Objectifs communs", 4, Some("Objectifs communs")),
        ("# Table 4: Objectifs communs ?", 4, Some("Objectifs communs ?")),
        ("# Table 4 : Objectifs", 4, Some("Objectifs")),
        ("# Table 5. Confiance", 5, Some("Confiance")),
        ("# Table 5) Confiance", 5, Some("Confiance")),
        ("# TABLE 6", 6, None),
        ("# table 6 #", 6, None),
        ("# Table n° 7 — Place", 7, Some("Place")),
        ("# Table #8", 8, None),
        ("#   Table 9   ", 9, None),
        ("## Table trois — En mots", 3, Some("En mots")),
        ("## Table Deux: Confiance", 2, Some("Confiance")),
    ] {
        let notes = md(&format!("{heading}\n- idée\n"));
        assert_eq!(notes.entries.len(), 1, "{heading}");
        let entry = &notes.entries[0];
        assert_eq!((entry.table, entry.theme.as_deref()), (number, theme), "{heading}");
        assert_eq!((notes.tables[0].number, notes.tables[0].theme.as_deref()), (number, theme), "{heading}");
    }
}

#[test]
fn markdown_lists_plain_lines_and_continuations() {
    let notes = md("# Table 1\n\
         - tiret\n\
         * étoile\n\
         + plus\n\
         • puce\n\
         1. un\n\
         2) deux\n\
         10. dix\n\
         Ligne sans puce\n\
         - longue idée\n  \
           suite indentée\n\tsuite tabulée\n\
         \n  \
           après une ligne vide, une autre proposition\n\
         - parent\n  \
           - enfant\n\
         -\n\
         3.\n\
         ---\n\
         > « Témoignage cité »\n");
    assert_eq!(
        texts(&notes),
        vec![
            "tiret",
            "étoile",
            "plus",
            "puce",
            "un",
            "deux",
            "dix",
            "Ligne sans puce",
            "longue idée suite indentée suite tabulée",
            "après une ligne vide, une autre proposition",
            "parent",
            "enfant",
            "« Témoignage cité »",
        ]
    );
    let lines: Vec<usize> = notes.entries.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![2, 3, 4, 5, 6, 7, 8, 9, 10, 14, 15, 16, 20]);
}

#[test]
fn markdown_rounds_and_kinds_follow_the_headings() {
    let notes = md("# Café du 14 novembre\n\
         ## Table 1\n\
         - défaut\n\
         ### Tour 2\n\
         - tour deux\n\
         #### Astuces\n\
         - astuce du tour deux\n\
         #### TÉMOIGNAGES\n\
         - témoignage du tour deux\n\
         ### Round 3\n\
         - condition du tour trois\n\
         #### Conditions favorables\n\
         - condition explicite\n\
         #### Autre sous-titre\n\
         - après un sous-titre\n\
         ## Table 2\n\
         ### Astuces :\n\
         - astuce sans tour\n");
    assert_eq!(
        summary(&notes),
        vec![
            (1, None, None, "défaut"),
            (1, Some(2), None, "tour deux"),
            (1, Some(2), Some(Kind::Astuce), "astuce du tour deux"),
            (1, Some(2), Some(Kind::Temoignage), "témoignage du tour deux"),
            (1, Some(3), None, "condition du tour trois"),
            (1, Some(3), Some(Kind::Condition), "condition explicite"),
            (1, Some(3), None, "après un sous-titre"),
            (2, None, Some(Kind::Astuce), "astuce sans tour"),
        ]
    );
}

#[test]
fn markdown_round_numbers_in_words_and_round_table_subtitles() {
    let notes = md(
        "# Table 1\n## Tour deux\n- a\n## Troisième tour\n- b\n## Round one\n- c\n## 2e tour :\n- d\n## Tour de table\n- e\n### Second round\n- f\n## Un tour de table\n- g\n## 3 tours plus tard\n- h\n",
    );
    assert_eq!(
        summary(&notes),
        vec![
            (1, Some(2), None, "a"),
            (1, Some(3), None, "b"),
            (1, Some(1), None, "c"),
            (1, Some(2), None, "d"),
            (1, Some(2), None, "e"),
            (1, Some(2), None, "f"),
            (1, Some(2), None, "g"),
            (1, Some(2), None, "h")
        ]
    );
}

#[test]
fn markdown_rounds_may_enclose_tables() {
    let notes = md("# Tour 1\n## Table 1\n- a\n## Table 2\n- b\n# Tour 2\n## Table 1\n- c\n");
    assert_eq!(
        summary(&notes),
        vec![(1, Some(1), None, "a"), (2, Some(1), None, "b"), (1, Some(2), None, "c")]
    );
    // A new outer round forgets the table of the previous round.
    assert_eq!(
        md_err("# Tour 1\n## Table 1\n- a\n# Tour 2\n- orphelin\n"),
        NotesError::TextBeforeTable { line: 5 }
    );
}

#[test]
fn markdown_hosts_are_read_under_their_table() {
    let notes = md(
        "# Table 1 — Q1\nHôte : Marie Tremblay\n- idée\n# Table 2\n**Host:** Sam\n- autre\n# Table 3\n- Hôte: ceci est une proposition\n",
    );
    let hosts: Vec<(u32, Option<&str>)> =
        notes.tables.iter().map(|t| (t.number, t.host.as_deref())).collect();
    assert_eq!(hosts, vec![(1, Some("Marie Tremblay")), (2, Some("Sam")), (3, None)]);
    assert_eq!(texts(&notes), vec!["idée", "autre", "Hôte: ceci est une proposition"]);
}

#[test]
fn markdown_tables_are_listed_once_with_their_first_theme() {
    let notes = md("# Table 2 — Thème\n- a\n# Table 1\n- b\n# Table 2 — Autre thème\n- c\n");
    let tables: Vec<(u32, Option<&str>, usize)> =
        notes.tables.iter().map(|t| (t.number, t.theme.as_deref(), t.line)).collect();
    assert_eq!(tables, vec![(2, Some("Thème"), 1), (1, None, 3)]);
    assert_eq!(notes.entries[2].theme.as_deref(), Some("Autre thème"));
}

#[test]
fn markdown_malformed_variants_are_refused_with_their_line() {
    assert_eq!(md_err("- orpheline\n# Table 1\n"), NotesError::TextBeforeTable { line: 1 });
    assert_eq!(md_err("\u{feff}\r\n\r\nTexte libre\r\n"), NotesError::TextBeforeTable { line: 3 });
    assert_eq!(md_err("#Table 1\n- a\n"), NotesError::TextBeforeTable { line: 1 }, "a heading needs a space");
    assert_eq!(md_err("# Table 1\n- a\n# Table x\n"), NotesError::BadTable { line: 3, found: "x".into() });
    assert_eq!(md_err("# Table 0\n"), NotesError::BadTable { line: 1, found: "0".into() });
    assert_eq!(md_err("# Table\n"), NotesError::BadTable { line: 1, found: String::new() });
    assert_eq!(md_err("# Table ronde\n"), NotesError::BadTable { line: 1, found: "ronde".into() });
    assert_eq!(
        md_err("# Table 99999999999\n"),
        NotesError::BadTable { line: 1, found: "99999999999".into() }
    );
    assert_eq!(md_err("# Table 1\n## Tour x2\n"), NotesError::BadRound { line: 2, found: "x2".into() });
    assert_eq!(md_err("# Table 1\n## Tour 0\n"), NotesError::BadRound { line: 2, found: "0".into() });
    assert_eq!(md_err("# Table 1\n## Tour zéro\n"), NotesError::BadRound { line: 2, found: "zéro".into() });
}

#[test]
fn markdown_without_proposals_is_empty_not_an_error() {
    assert!(md("").entries.is_empty());
    assert!(md("# Titre du document\n\n---\n").entries.is_empty());
    assert_eq!(md("# Table 4 — Vide\n").tables.len(), 1);
}

// ------------------------------------------------------------------ CSV

#[test]
fn csv_columns_in_any_order_and_case_with_optional_ones() {
    let notes = csv("\u{feff}TEXTE,Tour,Table,Type,Thème,Hôte\r\n");
    assert!(notes.entries.is_empty(), "a header alone holds no proposal");
    let notes = csv("\u{feff}TEXTE,Tour,Table,Type,Thème,Hôte\r\n\
         \"Avec, une virgule\",2,Table 3,astuce,Reconnaissance,Marie\r\n\
         \"Sur deux\r\nlignes, avec des \"\"guillemets\"\"\",,4,,,\r\n\
         \r\n\
         Sans tour,1,4,Témoignage,,\r\n");
    assert_eq!(
        summary(&notes),
        vec![
            (3, Some(2), Some(Kind::Astuce), "Avec, une virgule"),
            (4, None, None, "Sur deux\nlignes, avec des \"guillemets\""),
            (4, Some(1), Some(Kind::Temoignage), "Sans tour"),
        ]
    );
    let lines: Vec<usize> = notes.entries.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![2, 3, 6]);
    assert_eq!(notes.tables[0].theme.as_deref(), Some("Reconnaissance"));
    assert_eq!(notes.tables[0].host.as_deref(), Some("Marie"));
}

#[test]
fn csv_minimal_header_and_english_names() {
    let notes = csv("table,text\n1,Une idée\n2,Une autre\n");
    assert_eq!(summary(&notes), vec![(1, None, None, "Une idée"), (2, None, None, "Une autre")]);
    let notes = csv("table,text,round,kind,theme,host\n1,Tip,3,tip,Q,H\n");
    assert_eq!(summary(&notes), vec![(1, Some(3), Some(Kind::Astuce), "Tip")]);
}

#[test]
fn csv_missing_header_columns_are_refused() {
    assert_eq!(csv_err("texte\nx\n"), NotesError::MissingColumns { line: 1 });
    assert_eq!(csv_err("table,round\n1,2\n"), NotesError::MissingColumns { line: 1 });
    assert_eq!(csv_err("1,Une idée sans en-tête\n"), NotesError::MissingColumns { line: 1 });
    assert_eq!(csv_err(""), NotesError::MissingColumns { line: 1 });
}

#[test]
fn csv_bad_numbers_kinds_and_rows_are_refused_with_their_line() {
    let bad = |text: &str| csv_err(&format!("table,text,round,kind\n1,ok,1,condition\n{text}\n"));
    assert_eq!(bad("x,mauvais,,"), NotesError::BadTable { line: 3, found: "x".into() });
    assert_eq!(bad("0,zéro,,"), NotesError::BadTable { line: 3, found: "0".into() });
    assert_eq!(bad("-1,négatif,,"), NotesError::BadTable { line: 3, found: "-1".into() });
    assert_eq!(bad("1.5,décimal,,"), NotesError::BadTable { line: 3, found: "1.5".into() });
    assert_eq!(bad(",vide,,"), NotesError::BadTable { line: 3, found: String::new() });
    assert_eq!(bad("1,tour,deux,"), NotesError::BadRound { line: 3, found: "deux".into() });
    assert_eq!(bad("1,tour,0,"), NotesError::BadRound { line: 3, found: "0".into() });
    assert_eq!(bad("1,type,,idée"), NotesError::BadKind { line: 3, found: "idée".into() });
    assert_eq!(bad("1,   ,,"), NotesError::EmptyText { line: 3 });
    assert!(matches!(bad("1,trop,1,condition,de colonnes"), NotesError::Csv { line: 3, .. }));
    assert!(matches!(bad("1,pas assez"), NotesError::Csv { line: 3, .. }));

    // The line of an error after a quoted field on several lines is the file's line.
    assert_eq!(
        csv_err("table,text\n1,\"a\r\nb\r\nc\"\r\nz,bad\r\n"),
        NotesError::BadTable { line: 5, found: "z".into() }
    );
}

#[test]
fn csv_from_a_french_spreadsheet_uses_semicolons_or_tabs() {
    let notes = csv("table;texte;tour\r\n1;Idée, avec virgule;2\r\n2;\"Avec ; point-virgule\";\r\n");
    assert_eq!(
        summary(&notes),
        vec![(1, Some(2), None, "Idée, avec virgule"), (2, None, None, "Avec ; point-virgule")]
    );
    let notes = csv("table\ttext\n3\tSéparé par une tabulation, vraiment\n");
    assert_eq!(summary(&notes), vec![(3, None, None, "Séparé par une tabulation, vraiment")]);
    // A comma inside a quoted header name does not make the comma the separator.
    let notes = csv("text;table;\"note, libre\"\nIdée;1;x\n");
    assert_eq!(summary(&notes), vec![(1, None, None, "Idée")]);
}

// ------------------------------------------------------------------ encodings

#[test]
fn notes_in_windows_1252_or_utf16_are_read() {
    // « Été — l'œuvre » as Notepad or Excel write it on a French Windows.
    let cp1252 = b"table,text\r\n1,\xc9t\xe9 \x97 l\x92\x9cuvre \xab ok \xbb\r\n";
    assert_eq!(texts(&parse_notes(cp1252, NotesFormat::Csv).unwrap()), vec!["Été — l’œuvre « ok »"]);
    let text = "# Table 2\r\n- Été, « ensemble »\r\n";
    let mut utf16le = vec![0xFF, 0xFE];
    utf16le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut utf16be = vec![0xFE, 0xFF];
    utf16be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    for bytes in [utf16le, utf16be] {
        assert_eq!(texts(&parse_notes(&bytes, NotesFormat::Markdown).unwrap()), vec!["Été, « ensemble »"]);
    }
    assert_eq!(parse_notes(&[0xFF, 0xFE, 0x41], NotesFormat::Markdown), Err(NotesError::NotText));
    assert_eq!(parse_notes(&[0xFF, 0xFE, 0x00, 0xD8], NotesFormat::Markdown), Err(NotesError::NotText));
}

#[test]
fn markdown_comments_are_skipped() {
    assert_eq!(texts(&md("<!-- brouillon -->\n# Table 1\n<!-- à relire -->\n- idée\n")), vec!["idée"]);
}

// ------------------------------------------------------------------ files

#[test]
fn files_are_read_by_extension_and_errors_name_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| {
        let path = dir.path().join(name);
        fs::write(&path, text).unwrap();
        path
    };
    for name in ["n.md", "n.MD", "n.markdown", "n.txt"] {
        assert_eq!(read_notes(&write(name, "# Table 1\n- a\n")).unwrap().entries.len(), 1, "{name}");
    }
    assert_eq!(read_notes(&write("n.csv", "table,text\n1,a\n")).unwrap().entries.len(), 1);
    let err = read_notes(&write("n.docx", "x")).unwrap_err();
    assert!(matches!(err, NotesReadError::Notes { error: NotesError::UnknownFormat, .. }));
    assert!(matches!(read_notes(&dir.path().join("absent.md")), Err(NotesReadError::Io { .. })));
    let err = read_notes(&write("bad.md", "# Table 1\n# Table x\n")).unwrap_err();
    let fr = cafe_savoir::i18n::errors::notes_read_error(cafe_savoir::i18n::Lang::Fr, &err);
    let en = cafe_savoir::i18n::errors::notes_read_error(cafe_savoir::i18n::Lang::En, &err);
    assert!(fr.ends_with("bad.md:2: numéro de table invalide « x »"), "{fr}");
    assert!(en.ends_with("bad.md:2: bad table number `x`"), "{en}");
}

#[test]
fn the_eval_notes_parse_in_both_formats_alike() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let from_md: Vec<NoteEntry> = read_notes(&fixtures.join("dev-notes.md")).unwrap().entries;
    let from_csv: Vec<NoteEntry> = read_notes(&fixtures.join("dev-notes.csv")).unwrap().entries;
    assert_eq!(from_md.len(), 131);
    let key = |e: &NoteEntry| (e.table, e.text.clone());
    let mut a: Vec<_> = from_md.iter().map(key).collect();
    let mut b: Vec<_> = from_csv.iter().map(key).collect();
    a.sort();
    b.sort();
    assert_eq!(a, b);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever the bytes, parsing never panics, and every proposal read has a valid
    /// table, a non-empty text and a line inside the file.
    #[test]
    fn parsing_any_input_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..400), text in "(# Table [0-9x]{0,2}|## Tour [0-9]|- |[a-zé ,\"]{0,10}|\r?\n|  ){0,40}") {
        for format in [NotesFormat::Markdown, NotesFormat::Csv] {
            for input in [bytes.as_slice(), text.as_bytes()] {
                if let Ok(entries) = parse_bytes(input, format) {
                    let lines = input.split(|b| *b == b'\n').count();
                    for entry in entries {
                        prop_assert!(entry.table > 0);
                        prop_assert!(!entry.text.trim().is_empty());
                        prop_assert!(entry.line >= 1 && entry.line <= lines);
                    }
                }
            }
        }
    }
}
