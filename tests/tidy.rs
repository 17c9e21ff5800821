//! House rules that the compiler cannot check, checked by reading the source.
//!
//! - The engine (`src/engine`) is pure: no browser crate, no wall clock, no
//!   unseeded randomness, no iterated hash map, and no way to panic
//!   (`unwrap`, `expect`, `panic!` ...) outside `#[cfg(test)]` code.
//! - Every source file opens with a `//!` header and stays under 600 lines.
//! - The page (`src/ui`, `src/main.rs`) and its worker (`src/worker.rs`,
//!   `src/worker/`) name no code of the click-loaded modules (Learn, Compare,
//!   Sweep): the modules, their workers and their protocols are reached only
//!   through `module_bridge` and each module's bridge.
//!
//! A file may waive the hash-map rule with `// tidy: allow(HashMap) <why>`
//! when its map is only looked up, never iterated.
//!
//! Each test lists every offender with its file and line, so one run shows
//! everything to fix.

use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn source_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn relative(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The code of `text` line by line, with comments blanked and `#[cfg(test)]`
/// items (a test module, a test function) removed, so neither counts.
fn code_lines(text: &str) -> Vec<(usize, String)> {
    let mut lines = Vec::new();
    let mut skip_depth: Option<i64> = None;
    let mut pending_cfg_test = false;
    for (line_idx, raw) in text.lines().enumerate() {
        let code = raw.split("//").next().unwrap_or("");
        if skip_depth.is_none() && code.trim_start().starts_with("#[cfg(test)]") {
            pending_cfg_test = true;
            continue;
        }
        if pending_cfg_test {
            // Skip from the item's opening brace to its matching close.
            let opens = code.matches('{').count() as i64;
            if opens > 0 || code.trim_end().ends_with(';') {
                pending_cfg_test = false;
                let depth = opens - code.matches('}').count() as i64;
                if depth > 0 {
                    skip_depth = Some(depth);
                }
            }
            continue;
        }
        if let Some(depth) = skip_depth.as_mut() {
            *depth += code.matches('{').count() as i64 - code.matches('}').count() as i64;
            if *depth <= 0 {
                skip_depth = None;
            }
            continue;
        }
        lines.push((line_idx + 1, code.to_string()));
    }
    lines
}

/// What the engine must not mention, and why.
const FORBIDDEN_IN_ENGINE: &[(&str, &str)] = &[
    ("leptos", "a browser crate"),
    ("web_sys", "a browser crate"),
    ("wasm_bindgen", "a browser crate"),
    ("js_sys", "a browser crate"),
    ("gloo", "a browser crate"),
    ("std::time", "the wall clock"),
    ("Instant::now", "the wall clock"),
    ("SystemTime", "the wall clock"),
    ("thread_rng", "unseeded randomness"),
    ("rand::random", "unseeded randomness"),
    ("from_entropy", "unseeded randomness"),
    ("HashMap", "iteration order varies from run to run"),
    ("HashSet", "iteration order varies from run to run"),
    (".unwrap()", "can panic"),
    (".expect(", "can panic"),
    ("panic!", "can panic"),
    ("unreachable!", "can panic"),
    ("todo!", "can panic"),
    ("unimplemented!", "can panic"),
];

/// Whether the file opts out of one rule with a comment such as
/// `// tidy: allow(HashMap) lookups only, with a fixed hasher`. Only the
/// hash-map rules can be waived: a map that is never iterated is harmless.
fn allowed(text: &str, word: &str) -> bool {
    matches!(word, "HashMap" | "HashSet")
        && text
            .lines()
            .any(|line| line.contains(&format!("// tidy: allow({word})")))
}

#[test]
fn the_engine_is_pure_and_cannot_panic() {
    let mut offences = Vec::new();
    let files = rust_files(&source_root().join("engine"));
    assert!(files.len() > 10, "found the engine sources");
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        for (line_no, code) in code_lines(&text) {
            for (word, why) in FORBIDDEN_IN_ENGINE {
                if code.contains(word) && !allowed(&text, word) {
                    offences.push(format!(
                        "{}:{line_no}: `{word}` ({why}): {}",
                        relative(&path),
                        code.trim()
                    ));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "the engine must stay pure and panic-free (a hash map used only for lookups may be waived \
         with `// tidy: allow(HashMap) <why>` in its file):\n{}",
        offences.join("\n")
    );
}

#[test]
fn every_source_file_has_a_header_and_a_reasonable_size() {
    const MAX_LINES: usize = 600;
    let mut offences = Vec::new();
    for path in rust_files(&source_root()) {
        let text = std::fs::read_to_string(&path).unwrap();
        if !text.trim_start().starts_with("//!") {
            offences.push(format!(
                "{}: does not open with a `//!` header saying what it is for",
                relative(&path)
            ));
        }
        let lines = text.lines().count();
        if lines >= MAX_LINES {
            offences.push(format!(
                "{}: {lines} lines; split it by responsibility (limit {MAX_LINES})",
                relative(&path)
            ));
        }
    }
    assert!(
        offences.is_empty(),
        "source files breaking the house rules:\n{}",
        offences.join("\n")
    );
}

/// What the page and its worker must not name: the code of the modules a
/// click loads (Learn, Compare, Sweep) and of their workers.
const CLICK_ONLY: &[&str] = &[
    "learn_ui",
    "engine::learn",
    "worker_protocol::learn",
    "compare_ui",
    "engine::compare",
    "worker_protocol::compare",
    "sweep_ui",
    "engine::sweep",
    "worker_protocol::sweep",
];

#[test]
fn the_page_and_its_worker_name_no_click_module_code() {
    let root = source_root();
    let mut files = rust_files(&root.join("ui"));
    files.extend(rust_files(&root.join("worker")));
    files.push(root.join("main.rs"));
    files.push(root.join("worker.rs"));
    assert!(files.len() > 20, "found the page's sources");
    let mut offences = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap();
        for (line_no, code) in code_lines(&text) {
            for word in CLICK_ONLY {
                if code.contains(word) {
                    offences.push(format!(
                        "{}:{line_no}: `{word}`: {}",
                        relative(&path),
                        code.trim()
                    ));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "the page loads Learn, Compare and Sweep on their first click, so it \
         must link none of them (reach them through module_bridge and their \
         bridges):\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_scanner_skips_comments_and_test_modules_but_nothing_else() {
    let text = "\
//! header mentioning HashMap
fn a() -> u32 { 1 } // a comment with .unwrap()
#[cfg(test)]
mod tests {
    fn b() { let x: Option<u8> = None; x.unwrap(); }
    mod nested { fn c() { panic!(); } }
}
fn d() { std::time::Instant::now(); }
#[cfg(test)]
fn e() {
    panic!();
}
fn f() { g().unwrap() }
";
    let kept: Vec<usize> = code_lines(text)
        .into_iter()
        .filter(|(_, code)| !code.trim().is_empty())
        .map(|(n, _)| n)
        .collect();
    assert_eq!(kept, vec![2, 8, 13]);
    let code: String = code_lines(text).into_iter().map(|(_, code)| code).collect();
    assert!(!code.contains("HashMap") && !code.contains("panic!"));
    assert!(code.contains("Instant::now") && code.contains(".unwrap()"));
}

#[test]
fn only_the_hash_map_rules_can_be_waived() {
    let text = "// tidy: allow(HashMap) lookups only\n// tidy: allow(.unwrap())\n";
    assert!(allowed(text, "HashMap"));
    assert!(!allowed(text, "HashSet"));
    assert!(!allowed(text, ".unwrap()"));
}
