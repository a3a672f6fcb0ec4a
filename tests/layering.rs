//! The layering of `src/`, as ARCHITECTURE.md states it, checked on the source itself:
//! every `crate::…`, `super::…` and `self::…` path of every file (in `use` lines and in
//! code, doc comments left out; read by `tests/layering_support`, which
//! `tests/tui_layering.rs` shares) is resolved to the file of the module it names, and
//!
//! - no two files import each other, directly or round a longer circle (a module and
//!   its own children count as one: a child naming its parent, or the reverse, is not
//!   an edge);
//! - each top-level module imports only the layers below it;
//! - only `store` touches files (`std::fs`), apart from the exceptions listed here.

mod layering_support;

use std::collections::{BTreeMap, BTreeSet};

use layering_support::{ModPath, SourceFile, imports, module_of, source_files};

/// What each top-level module may import, besides itself. `text` is the bottom: it
/// imports nothing of the crate.
const ALLOWED: &[(&str, &[&str])] = &[
    ("text", &[]),
    ("domain", &["text"]),
    ("synth", &["domain", "text"]),
    ("plan", &["domain", "text"]),
    ("store", &["domain", "synth", "text"]),
    ("i18n", &["domain", "synth", "plan", "store", "text"]),
    ("export", &["domain", "synth", "store", "i18n", "text"]),
    ("serve", &["domain", "synth", "store", "i18n", "text"]),
    ("cli", &["domain", "i18n", "export", "serve", "text"]),
    ("tui", &["domain", "synth", "plan", "store", "i18n", "export", "serve", "text"]),
    ("commands", &["cli", "domain", "synth", "plan", "store", "i18n", "export", "serve", "tui", "text"]),
];

/// Imports that break the layers above, each with its reason.
const LAYER_EXCEPTIONS: &[(&str, &str, &str)] = &[];

/// Files outside `store` that may use `std::fs`, each with its reason.
const FS_EXCEPTIONS: &[(&str, &str)] = &[(
    "src/tui/perform.rs",
    "the one module of the app that performs effects: reading the open session back, the trash, the export folder, the settings",
)];

/// The import edges between files (by path), read from every file's whole code.
fn edges(files: &[SourceFile]) -> BTreeMap<String, BTreeSet<String>> {
    let file_of: BTreeMap<&ModPath, &str> = files.iter().map(|f| (&f.module, f.path.as_str())).collect();
    imports(files, |file| &file.code)
        .into_iter()
        .map(|(from, targets)| {
            (file_of[&from].to_string(), targets.iter().map(|t| file_of[t].to_string()).collect())
        })
        .collect()
}

/// Every circle of the graph, as the files of one strongly connected component.
fn circles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    // Kosaraju: order by finish time, then walk the reversed graph.
    fn finish<'a>(
        node: &'a str,
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        seen: &mut BTreeSet<&'a str>,
        order: &mut Vec<&'a str>,
    ) {
        if !seen.insert(node) {
            return;
        }
        for next in graph.get(node).into_iter().flatten() {
            finish(next, graph, seen, order);
        }
        order.push(node);
    }
    let mut seen = BTreeSet::new();
    let mut order = Vec::new();
    for node in graph.keys() {
        finish(node, graph, &mut seen, &mut order);
    }
    let mut reversed: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (from, targets) in graph {
        for to in targets {
            reversed.entry(to.as_str()).or_default().push(from.as_str());
        }
    }
    let mut assigned = BTreeSet::new();
    let mut out = Vec::new();
    for node in order.into_iter().rev() {
        if assigned.contains(node) {
            continue;
        }
        let mut component = Vec::new();
        let mut stack = vec![node];
        assigned.insert(node);
        while let Some(current) = stack.pop() {
            component.push(current.to_string());
            for &previous in reversed.get(current).into_iter().flatten() {
                if assigned.insert(previous) {
                    stack.push(previous);
                }
            }
        }
        if component.len() > 1 {
            component.sort();
            out.push(component);
        }
    }
    out
}

fn top_level(path: &str) -> String {
    module_of(path).first().cloned().unwrap_or_default()
}

#[test]
fn no_import_circle_between_files() {
    let files = source_files("src");
    let found = circles(&edges(&files));
    assert!(found.is_empty(), "import circles (each line: files that import one another):\n{}", {
        found.iter().map(|c| c.join(" ↔ ")).collect::<Vec<_>>().join("\n")
    });
}

#[test]
fn each_layer_imports_only_the_layers_below() {
    let files = source_files("src");
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut wrong = Vec::new();
    for (from, targets) in edges(&files) {
        if from == "src/lib.rs" {
            // The crate root only names the layers.
            continue;
        }
        let layer = top_level(&from);
        let Some(may) = allowed.get(layer.as_str()) else {
            wrong.push(format!("{from}: its layer `{layer}` is not in the layering"));
            continue;
        };
        for to in targets {
            let target = top_level(&to);
            let excepted = LAYER_EXCEPTIONS.iter().any(|(file, layer, _)| *file == from && *layer == target);
            if target != layer && !may.contains(&target.as_str()) && !excepted {
                wrong.push(format!("{from} imports {to}"));
            }
        }
    }
    assert!(wrong.is_empty(), "imports against the layering:\n{}", wrong.join("\n"));
}

/// Whether the text names `std::fs` (or `fs::…` after importing it).
fn names_fs(text: &str) -> bool {
    text.match_indices("fs::").any(|(at, _)| {
        let before = text[..at].chars().next_back();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_')
    }) || text.contains("std::fs")
}

#[test]
fn only_store_touches_files() {
    let files = source_files("src");
    let wrong: Vec<&str> = files
        .iter()
        .filter(|f| {
            !f.path.starts_with("src/store/") && !FS_EXCEPTIONS.iter().any(|(path, _)| *path == f.path)
        })
        .filter(|f| names_fs(&f.code))
        .map(|f| f.path.as_str())
        .collect();
    assert!(wrong.is_empty(), "files outside store that touch files: {wrong:?}");
}

#[test]
fn the_reader_of_paths_reads_trees_renames_and_relatives() {
    use layering_support::{named_paths, without_comments};

    let module = module_of("src/tui/screens/run.rs");
    let code = "use crate::domain::{Kind, session::{clean_text, Session as S}, text};\n\
                use super::rotation::{self, X};\nuse crate::tui::{widgets::{fit, LineInput as L}, app::App};\n\
                let x = crate::text::strip_accents(y);\nlet y = self::helper::z;\n";
    let paths: Vec<String> = named_paths(&module, code).iter().map(|p| p.join("::")).collect();
    assert_eq!(
        paths,
        [
            "domain::Kind",
            "domain::session::clean_text",
            "domain::session::Session",
            "domain::text",
            "tui::widgets::fit",
            "tui::widgets::LineInput",
            "tui::app::App",
            "text::strip_accents",
            "tui::screens::rotation",
            "tui::screens::rotation::X",
            "tui::screens::run::helper::z",
        ]
        .map(str::to_string)
    );
    assert_eq!(
        named_paths(&module_of("src/tui/mod.rs"), "use super::domain::Kind;"),
        [["domain", "Kind"].map(str::to_string).to_vec()]
    );
    assert_eq!(module_of("src/store/mod.rs"), ["store"]);
    assert_eq!(module_of("src/lib.rs"), Vec::<String>::new());
    assert!(names_fs("use std::{fs, io};\nfs::read(p)") && names_fs("std::fs::read(p)"));
    assert!(!names_fs("let refs::x = 1;"));
    assert_eq!(without_comments("let a = \"//x\"; // note\n/// doc"), "let a = \"//x\"; \n");
}
