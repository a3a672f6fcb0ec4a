//! The app's layering, read from the `use` lines and paths of `src/tui/`: no file
//! imports, directly or through others, a file that imports it back (a file and the
//! folder module above it count as one); effects are data that import nothing of the
//! app; screens never reach the code that performs effects; only that code touches files.
//! The paths are read as `tests/layering.rs` reads them (`tests/layering_support`).

mod layering_support;

use std::collections::{BTreeMap, BTreeSet};

use layering_support::{ModPath, imports, source_files};

/// The imports between files of `src/tui/`, read from their code outside their test
/// modules (imports of the rest of the crate left out).
fn graph() -> BTreeMap<ModPath, BTreeSet<ModPath>> {
    let files = source_files("src/tui");
    imports(&files, |file| file.code_outside_tests())
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
    for file in source_files("src/tui").iter().filter(|f| !f.path.ends_with("perform.rs")) {
        let code = file.code_outside_tests();
        for io in ["std::fs", "write_atomic", "File::"] {
            assert!(!code.contains(io), "{} uses {io}: file IO belongs to perform.rs", file.path);
        }
    }
}
