//! The app's layering, read from the `use` lines and paths of `src/tui/`: no file
//! imports, directly or through others, a file that imports it back (a file and the
//! folder module above it count as one); effects are data that import nothing of the
//! app; screens never reach the code that performs effects; only that code touches files.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path inside the crate, such as `["tui", "screens", "capture", "state"]`.
type ModPath = Vec<String>;

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(dir).expect("src/tui is readable").map(|e| e.expect("entry").path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/tui/screens/capture/mod.rs` → `tui::screens::capture`.
fn module_of(src: &Path, file: &Path) -> ModPath {
    let relative = file.strip_prefix(src).expect("inside src").with_extension("");
    let mut parts: ModPath = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    parts
}

/// The code of a file without its comments and without its `#[cfg(test)]` module.
fn code_of(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or_default();
    text.lines().map(|line| line.split("//").next().unwrap_or_default()).collect::<Vec<_>>().join("\n")
}

/// Every path the code names, with `use` groups (`a::{b, c::{d}}`) expanded.
fn named_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let rest = &code[i..];
        let starts_word =
            i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_' || bytes[i - 1] == b':');
        let head = ["crate::", "super::", "self::"].iter().find(|h| rest.starts_with(**h));
        if let (true, Some(_)) = (starts_word, head) {
            let end = path_end(rest);
            expand(&rest[..end], &mut out);
            i += end.max(1);
        } else {
            i += rest.chars().next().map_or(1, char::len_utf8);
        }
    }
    out
}

/// The length of the path at the start of `text`, brace groups included.
fn path_end(text: &str) -> usize {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' if depth == 0 => return i,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return i + 1;
                }
            }
            c if depth == 0 && !(c.is_alphanumeric() || c == '_' || c == ':') => return i,
            _ => {}
        }
    }
    text.len()
}

/// `a::{b, c::{d, e}}` → `a::b`, `a::c::d`, `a::c::e`.
fn expand(path: &str, out: &mut Vec<String>) {
    let Some(open) = path.find('{') else {
        out.push(path.trim_end_matches("::").to_string());
        return;
    };
    let prefix = &path[..open];
    let inner = &path[open + 1..path.len().saturating_sub(1)];
    let mut depth = 0usize;
    let mut start = 0;
    let mut items = Vec::new();
    for (i, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                items.push(&inner[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    items.push(&inner[start..]);
    for item in items.into_iter().map(str::trim).filter(|s| !s.is_empty()) {
        let item = if item.contains('{') { item } else { item.split(" as ").next().unwrap_or(item).trim() };
        if item == "self" {
            out.push(prefix.trim_end_matches("::").to_string());
        } else {
            expand(&format!("{prefix}{item}"), out);
        }
    }
}

/// The module a path names, from the file `from` (the longest known module prefix).
fn target(from: &ModPath, path: &str, modules: &BTreeSet<ModPath>) -> Option<ModPath> {
    let mut parts: Vec<&str> = path.split("::").collect();
    let mut base: ModPath = match *parts.first()? {
        "crate" => Vec::new(),
        "self" => from.clone(),
        _ => from[..from.len().saturating_sub(1)].to_vec(),
    };
    parts.remove(0);
    while parts.first() == Some(&"super") {
        base.pop();
        parts.remove(0);
    }
    let full: ModPath = base.into_iter().chain(parts.into_iter().map(String::from)).collect();
    (1..=full.len()).rev().map(|n| full[..n].to_vec()).find(|m| modules.contains(m))
}

/// Whether one module is the other or contains it.
fn related(a: &ModPath, b: &ModPath) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// The imports between files of `src/tui/`, a file's imports of its own ancestors and
/// descendants left out.
fn graph() -> BTreeMap<ModPath, BTreeSet<ModPath>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src.join("tui"), &mut files);
    let modules: BTreeSet<ModPath> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut edges = BTreeMap::new();
    for file in &files {
        let from = module_of(&src, file);
        let code = code_of(&std::fs::read_to_string(file).expect("readable"));
        let targets: BTreeSet<ModPath> = named_paths(&code)
            .iter()
            .filter_map(|p| target(&from, p, &modules))
            .filter(|t| t.first().is_some_and(|m| m == "tui") && !related(&from, t))
            .collect();
        edges.insert(from, targets);
    }
    edges
}

fn name(module: &ModPath) -> String {
    module.join("::")
}

/// A path back to `start` through the imports, if there is one.
fn cycle_through(start: &ModPath, edges: &BTreeMap<ModPath, BTreeSet<ModPath>>) -> Option<Vec<ModPath>> {
    let mut stack = vec![(start.clone(), vec![start.clone()])];
    let mut seen = BTreeSet::new();
    while let Some((node, path)) = stack.pop() {
        for next in edges.get(&node).into_iter().flatten() {
            if next == start {
                return Some(path.clone());
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push((next.clone(), longer));
            }
        }
    }
    None
}

#[test]
fn the_paths_of_a_use_line_are_all_found() {
    let code = "use super::app::{App, Popup, session_changed};\nuse crate::tui::{effect::Effect, widgets::{fit, LineInput as L}};\nlet x = crate::tui::theme::Theme::new();";
    assert_eq!(
        named_paths(code),
        vec![
            "super::app::App",
            "super::app::Popup",
            "super::app::session_changed",
            "crate::tui::effect::Effect",
            "crate::tui::widgets::fit",
            "crate::tui::widgets::LineInput",
            "crate::tui::theme::Theme::new",
        ]
    );
}

#[test]
fn no_file_of_the_app_imports_itself_back() {
    let edges = graph();
    assert!(edges.len() > 30, "the app's files are all read ({})", edges.len());
    for module in edges.keys() {
        if let Some(cycle) = cycle_through(module, &edges) {
            let names: Vec<String> = cycle.iter().map(name).collect();
            panic!("import cycle: {} → {}", names.join(" → "), name(module));
        }
    }
}

#[test]
fn effects_are_data_and_screens_never_perform_them() {
    let edges = graph();
    let of = |m: &str| -> ModPath { m.split("::").map(String::from).collect() };
    let effect = &edges[&of("tui::effect")];
    assert!(
        effect.iter().all(|t| *t == of("tui::export_files")),
        "effect.rs imports only the names of the export files: {effect:?}"
    );
    let perform = of("tui::perform");
    for (module, targets) in &edges {
        if module.starts_with(&of("tui::screens")) {
            assert!(!targets.contains(&perform), "{} imports the performer", name(module));
            assert!(!targets.contains(&of("tui::update")), "{} imports the app's update", name(module));
        }
        if module.last().is_some_and(|m| m == "state") {
            assert!(
                !targets.contains(&of("tui::app")),
                "{} (a screen's state) imports the app",
                name(module)
            );
        }
    }
    for widget in edges.keys().filter(|m| m.starts_with(&of("tui::widgets"))) {
        let app_parts =
            edges[widget].iter().filter(|t| !t.starts_with(&of("tui::widgets")) && **t != of("tui::theme"));
        assert_eq!(app_parts.count(), 0, "{} (a widget) knows nothing of the app", name(widget));
    }
}

#[test]
fn only_the_performer_touches_files() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src.join("tui"), &mut files);
    for file in files.iter().filter(|f| !f.ends_with("perform.rs")) {
        let code = code_of(&std::fs::read_to_string(file).expect("readable"));
        for io in ["std::fs", "write_atomic", "File::"] {
            assert!(!code.contains(io), "{} uses {io}: file IO belongs to perform.rs", file.display());
        }
    }
}
