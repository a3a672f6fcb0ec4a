//! What the layering tests share: the crate's source files with their module paths and
//! their code (comments left out), the one reader of the module paths a file's code
//! names (`crate::`, `super::` and `self::` paths, in `use` lines and in code, `use`
//! groups expanded, `as` renames dropped), and the imports between files that follow
//! from them.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module path inside the crate, such as `["tui", "screens", "capture", "state"]`;
/// the crate root is empty.
pub type ModPath = Vec<String>;

/// One source file: its path from the crate's folder, its module path, and its code.
pub struct SourceFile {
    pub path: String,
    pub module: ModPath,
    /// The text with its `//` comments (and so doc comments) blanked, strings kept.
    pub code: String,
}

impl SourceFile {
    /// The file at `path` (from the crate's folder, `src/…`) holding `text`.
    pub fn new(path: &str, text: &str) -> SourceFile {
        SourceFile { path: path.to_string(), module: module_of(path), code: without_comments(text) }
    }

    /// The code before the file's `#[cfg(test)]` module.
    pub fn code_outside_tests(&self) -> &str {
        self.code.split("#[cfg(test)]").next().unwrap_or_default()
    }
}

/// Every `.rs` file of the library under `folder` (`src`, `src/tui`, …, from the
/// crate's folder), in path order; `src/main.rs`, the binary, is not the library's.
pub fn source_files(folder: &str) -> Vec<SourceFile> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    collect_rs(&root.join(folder), &mut paths);
    paths.sort();
    paths
        .into_iter()
        .map(|path| {
            let relative =
                path.strip_prefix(root).expect("under the crate").to_string_lossy().replace('\\', "/");
            (relative, path)
        })
        .filter(|(relative, _)| relative != "src/main.rs")
        .map(|(relative, path)| {
            SourceFile::new(&relative, &std::fs::read_to_string(&path).expect("a source file"))
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
pub fn module_of(path: &str) -> ModPath {
    let inner = path.trim_start_matches("src/").trim_end_matches(".rs");
    let mut parts: ModPath = inner.split('/').map(str::to_string).collect();
    if parts.last().is_some_and(|last| last == "mod" || last == "lib") {
        parts.pop();
    }
    parts
}

/// The text with `//` comments (and so doc comments) blanked, strings kept.
pub fn without_comments(text: &str) -> String {
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

/// Every module path `code`, the code of module `module`, names from `crate::`,
/// `super::` or `self::`, braces expanded (`use crate::a::{b, c::d as e, self}` →
/// `a::b`, `a::c::d`, `a`), made absolute. A `mod.rs` is its folder's module: its
/// `super` is the module above the folder.
pub fn named_paths(module: &ModPath, code: &str) -> Vec<ModPath> {
    let bytes = code.as_bytes();
    let mut out = Vec::new();
    for start in ["crate::", "super::", "self::"] {
        for (at, _) in code.match_indices(start) {
            let before = at.checked_sub(1).map(|i| bytes[i]);
            if before.is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b':') {
                continue;
            }
            let mut prefix: ModPath = match start {
                "crate::" => Vec::new(),
                "super::" => module[..module.len().saturating_sub(1)].to_vec(),
                _ => module.clone(),
            };
            let mut from = at + start.len();
            // `super::super::x`
            while code[from..].starts_with("super::") {
                prefix.pop();
                from += "super::".len();
            }
            tree(bytes, &mut from, prefix, &mut out);
        }
    }
    out
}

fn skip_space(text: &[u8], at: &mut usize) {
    while text.get(*at).is_some_and(u8::is_ascii_whitespace) {
        *at += 1;
    }
}

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Reads a path tree (`a::b::{c, d::e as f, self}`) at `text[*at..]`, pushing every
/// path it names after `prefix`; `*at` ends past the tree.
fn tree(text: &[u8], at: &mut usize, mut prefix: ModPath, out: &mut Vec<ModPath>) {
    skip_space(text, at);
    if text.get(*at) == Some(&b'{') {
        *at += 1;
        loop {
            skip_space(text, at);
            if text.get(*at) == Some(&b'}') {
                *at += 1;
                return;
            }
            tree(text, at, prefix.clone(), out);
            skip_space(text, at);
            // `x as y`: the name given is not a module.
            if text[*at..].starts_with(b"as") && text.get(*at + 2).is_some_and(u8::is_ascii_whitespace) {
                *at += 2;
                skip_space(text, at);
                while text.get(*at).copied().is_some_and(is_ident) {
                    *at += 1;
                }
                skip_space(text, at);
            }
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
    while text.get(*at).copied().is_some_and(is_ident) {
        *at += 1;
    }
    if *at == start {
        // `*`, or the end of the path.
        out.push(prefix);
        return;
    }
    let name = String::from_utf8_lossy(&text[start..*at]).into_owned();
    if name == "self" {
        // `a::{self, b}`: `a` itself.
        out.push(prefix);
        return;
    }
    prefix.push(name);
    if text[*at..].starts_with(b"::") {
        *at += 2;
        tree(text, at, prefix, out);
    } else {
        out.push(prefix);
    }
}

/// The module of `modules` a path names: its longest prefix that is one.
pub fn resolve(path: &[String], modules: &BTreeSet<ModPath>) -> Option<ModPath> {
    (1..=path.len()).rev().map(|n| path[..n].to_vec()).find(|m| modules.contains(m))
}

/// Whether one module is the other or contains it.
pub fn related(a: &ModPath, b: &ModPath) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// The imports between `files`, module to modules, read from the code `code` gives of
/// each file: the module of `files` each path names, a file's own module, its
/// ancestors and its descendants left out (a module and its children count as one).
pub fn imports(
    files: &[SourceFile],
    code: impl Fn(&SourceFile) -> &str,
) -> BTreeMap<ModPath, BTreeSet<ModPath>> {
    let modules: BTreeSet<ModPath> = files.iter().map(|f| f.module.clone()).collect();
    files
        .iter()
        .map(|file| {
            let targets = named_paths(&file.module, code(file))
                .iter()
                .filter_map(|path| resolve(path, &modules))
                .filter(|target| !related(&file.module, target))
                .collect();
            (file.module.clone(), targets)
        })
        .collect()
}
