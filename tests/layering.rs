//! The layering of `src/`, as ARCHITECTURE.md states it, checked on the source itself:
//! every `crate::…`, `super::…` and `self::…` path of every file (in `use` lines and in
//! code, doc comments left out) is resolved to the file of the module it names, and
//!
//! - no two files import each other, directly or round a longer circle (a module and
//!   its own children count as one: a child naming its parent, or the reverse, is not
//!   an edge);
//! - each top-level module imports only the layers below it;
//! - only `store` touches files (`std::fs`), apart from the exceptions listed here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

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

/// One source file: its path from the crate root and its module path.
struct SourceFile {
    path: String,
    module: Vec<String>,
    text: String,
}

fn source_files() -> Vec<SourceFile> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    collect_rs(&root.join("src"), &mut paths);
    paths.sort();
    paths
        .into_iter()
        .filter(|path| !path.ends_with("main.rs"))
        .map(|path| {
            let relative =
                path.strip_prefix(root).expect("under the crate").to_string_lossy().replace('\\', "/");
            let text = std::fs::read_to_string(&path).expect("a source file");
            SourceFile { module: module_of(&relative), path: relative, text: without_comments(&text) }
        })
        .collect()
}

fn collect_rs(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("an entry").path();
        if path.is_dir() {
            collect_rs(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/tui/screens/run.rs` → `[tui, screens, run]`; `src/store/mod.rs` → `[store]`;
/// `src/lib.rs` → `[]`.
fn module_of(path: &str) -> Vec<String> {
    let inner = path.trim_start_matches("src/").trim_end_matches(".rs");
    let mut parts: Vec<String> = inner.split('/').map(str::to_string).collect();
    if parts.last().is_some_and(|last| last == "mod" || last == "lib") {
        parts.pop();
    }
    parts
}

/// The text with `//` comments (and so doc comments) blanked, strings kept.
fn without_comments(text: &str) -> String {
    text.lines()
        .map(|line| {
            let mut in_string = false;
            let bytes = line.as_bytes();
            let mut cut = line.len();
            let mut i = 0;
            while i < bytes.len() {
                match bytes[i] {
                    b'\\' if in_string => i += 1,
                    b'"' => in_string = !in_string,
                    b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => {
                        cut = i;
                        break;
                    }
                    _ => {}
                }
                i += 1;
            }
            &line[..cut]
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every module path the text names from `crate::`, `super::` or `self::`, braces
/// expanded (`use crate::a::{b, c::d}` → `a::b`, `a::c::d`), made absolute.
fn named_paths(file: &SourceFile) -> Vec<Vec<String>> {
    let text = &file.text;
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for start in ["crate::", "super::", "self::"] {
        for (at, _) in text.match_indices(start) {
            let before = at.checked_sub(1).map(|i| bytes[i]);
            if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b':') {
                continue;
            }
            let base: Vec<String> = match start {
                "crate::" => Vec::new(),
                // A `mod.rs` is its folder's module; `super` is the module above it.
                "super::" => file.module[..file.module.len().saturating_sub(1)].to_vec(),
                _ => file.module.clone(),
            };
            let mut prefix = base;
            let mut from = at + start.len();
            // `super::super::x`
            while text[from..].starts_with("super::") {
                prefix.pop();
                from += "super::".len();
            }
            tree(bytes, &mut from, prefix, &mut out);
        }
    }
    out
}

/// Reads a path tree (`a::b::{c, d::e}`) at `text[*at..]`, pushing every path it
/// names after `prefix`; `*at` ends past the tree.
fn tree(text: &[u8], at: &mut usize, mut prefix: Vec<String>, out: &mut Vec<Vec<String>>) {
    let skip_space = |at: &mut usize| {
        while text.get(*at).is_some_and(u8::is_ascii_whitespace) {
            *at += 1;
        }
    };
    skip_space(at);
    if text.get(*at) == Some(&b'{') {
        *at += 1;
        loop {
            skip_space(at);
            if text.get(*at) == Some(&b'}') {
                *at += 1;
                return;
            }
            tree(text, at, prefix.clone(), out);
            skip_space(at);
            match text.get(*at) {
                Some(b',') => *at += 1,
                Some(b'}') => {
                    *at += 1;
                    return;
                }
                _ => return,
            }
        }
    }
    let start = *at;
    while text.get(*at).is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_') {
        *at += 1;
    }
    if *at == start {
        // `*`, or the end of the path.
        out.push(prefix);
        return;
    }
    prefix.push(String::from_utf8_lossy(&text[start..*at]).into_owned());
    if text[*at..].starts_with(b"::") {
        *at += 2;
        tree(text, at, prefix, out);
    } else {
        out.push(prefix);
    }
}

/// The import edges between files: the file of the deepest module each path names,
/// leaving out a file's own module, its ancestors and its descendants.
fn edges(files: &[SourceFile]) -> BTreeMap<String, BTreeSet<String>> {
    let by_module: BTreeMap<Vec<String>, &str> =
        files.iter().map(|f| (f.module.clone(), f.path.as_str())).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in files {
        let targets = graph.entry(file.path.clone()).or_default();
        for path in named_paths(file) {
            let Some(target) =
                (1..=path.len()).rev().find_map(|n| by_module.get(&path[..n]).map(|t| (&path[..n], *t)))
            else {
                continue;
            };
            let (module, target) = target;
            let related = module.starts_with(&file.module) || file.module.starts_with(module);
            if !related {
                targets.insert(target.to_string());
            }
        }
    }
    graph
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
    let files = source_files();
    let found = circles(&edges(&files));
    assert!(found.is_empty(), "import circles (each line: files that import one another):\n{}", {
        found.iter().map(|c| c.join(" ↔ ")).collect::<Vec<_>>().join("\n")
    });
}

#[test]
fn each_layer_imports_only_the_layers_below() {
    let files = source_files();
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
    let files = source_files();
    let wrong: Vec<&str> = files
        .iter()
        .filter(|f| {
            !f.path.starts_with("src/store/") && !FS_EXCEPTIONS.iter().any(|(path, _)| *path == f.path)
        })
        .filter(|f| names_fs(&f.text))
        .map(|f| f.path.as_str())
        .collect();
    assert!(wrong.is_empty(), "files outside store that touch files: {wrong:?}");
}

#[test]
fn the_reader_of_paths_reads_trees_and_relatives() {
    let file = SourceFile {
        path: "src/tui/screens/run.rs".into(),
        module: module_of("src/tui/screens/run.rs"),
        text: "use crate::domain::{Kind, session::{clean_text, Session}};\nuse super::rotation::{self, X};\nlet x = crate::text::strip_accents(y);\n"
            .into(),
    };
    let paths: BTreeSet<String> = named_paths(&file).iter().map(|p| p.join("::")).collect();
    let want: BTreeSet<String> = [
        "domain::Kind",
        "domain::session::clean_text",
        "domain::session::Session",
        "tui::screens::rotation::self",
        "tui::screens::rotation::X",
        "text::strip_accents",
    ]
    .into_iter()
    .map(str::to_string)
    .collect();
    assert_eq!(paths, want);
    assert_eq!(module_of("src/store/mod.rs"), ["store"]);
    assert!(names_fs("use std::{fs, io};\nfs::read(p)") && names_fs("std::fs::read(p)"));
    assert!(!names_fs("let refs::x = 1;"));
    assert_eq!(module_of("src/lib.rs"), Vec::<String>::new());
}
