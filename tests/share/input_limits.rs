//! What any input can cost the command-line tool (issue 12): every reader
//! (a design file, standard input for a design or a link, an `--options`
//! file) stops at its limit while reading and names the limit, and a hostile
//! input gives one short clean line on standard error.

use crate::echoed_input::{assert_short_clean_line, design_with_component_named, hostile_name};
use crate::fixtures_dir;
use crate::run;
use archplay::engine::share::{self, design_file};
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

/// The most bytes the tool reads from any one input.
const LIMIT: usize = design_file::MAX_FILE_BYTES;

/// What the endless writer offers before giving up: 16 times the limit.
const OFFERED: usize = 16 * LIMIT;

/// Runs archplay with `args` and an endless stream of spaces on standard
/// input; returns its output and how many bytes it took before it stopped
/// reading (the stream ends at [`OFFERED`] bytes if it never stops).
fn archplay_on_endless_input(args: &[&str]) -> (Output, usize) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_archplay"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the archplay binary runs");
    let mut pipe = child.stdin.take().expect("a pipe");
    let writer = std::thread::spawn(move || {
        let chunk = vec![b' '; 64 * 1024];
        let mut written = 0;
        while written < OFFERED && pipe.write_all(&chunk).is_ok() {
            written += chunk.len();
        }
        written
    });
    let output = child.wait_with_output().expect("archplay ends");
    (output, writer.join().expect("the writer ends"))
}

/// Refused as bad input (exit 2) in one short clean line that mentions `words`.
#[track_caller]
fn assert_refused(output: &Output, words: &[&str]) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr:.300}");
    let line = stderr.strip_suffix('\n').unwrap_or(&stderr);
    assert_short_clean_line(line);
    for word in words {
        assert!(line.contains(word), "{line:?} does not mention {word:?}");
    }
}

fn fixture_path(name: &str) -> String {
    fixtures_dir()
        .join(format!("{name}.json"))
        .to_string_lossy()
        .into_owned()
}

#[test]
fn endless_standard_input_is_refused_at_the_limit() {
    let design = fixture_path("auto-scaling");
    // Simulation settings are a few hundred bytes: `--options` reads at most 64 KiB.
    const OPTIONS_LIMIT: usize = 64 * 1024;
    let commands: [(&[&str], usize); 4] = [
        (&["validate", "-"], LIMIT),
        (&["open", "-"], LIMIT),
        (&["export", "svg", "-"], LIMIT),
        (&["simulate", &design, "--options", "-"], OPTIONS_LIMIT),
    ];
    for (args, limit) in commands {
        let (output, taken) = archplay_on_endless_input(args);
        assert_refused(&output, &[&limit.to_string()]);
        assert!(
            taken <= 2 * limit,
            "{args:?} read {taken} bytes of standard input before refusing"
        );
    }
}

/// A sparse file of `bytes` zeros in the temporary directory, removed on drop.
struct SparseFile(PathBuf);

impl SparseFile {
    fn new(name: &str, bytes: u64) -> SparseFile {
        let path =
            std::env::temp_dir().join(format!("archplay-limits-{}-{name}", std::process::id()));
        let file = std::fs::File::create(&path).expect("a temporary file");
        file.set_len(bytes).expect("a sparse file");
        SparseFile(path)
    }
}

impl Drop for SparseFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

#[test]
fn a_file_past_the_limit_is_refused_without_reading_it_whole() {
    let big = SparseFile::new("big.json", 1 << 30);
    let path = big.0.to_string_lossy().into_owned();
    for args in [
        vec!["validate", path.as_str()],
        vec!["export", "mermaid", path.as_str()],
        vec!["simulate", path.as_str()],
    ] {
        assert_refused(
            &run::archplay(&args, None),
            &[&format!("more than {LIMIT} bytes")],
        );
    }
    // One byte under the limit is read, and judged on its content.
    let under = SparseFile::new("under.json", LIMIT as u64);
    let path = under.0.to_string_lossy().into_owned();
    assert_refused(
        &run::archplay(&["validate", &path], None),
        &["not a valid design file"],
    );
}

#[test]
fn hostile_names_and_links_give_one_short_clean_line() {
    let design = design_with_component_named(&hostile_name());
    let link = share::encode_link(&design);
    assert_refused(&run::archplay(&["open", &link], None), &["not valid"]);
    let file = design_file::to_json(&design);
    assert_refused(
        &run::archplay(&["validate", "-"], Some(&file)),
        &["not valid"],
    );
    assert_refused(
        &run::archplay(&["open", "v\u{1b}[2J\u{1b}[H.abc"], None),
        &["U+001B"],
    );
    let long_link = format!("v\u{1b}{}.abc", "9".repeat(100_000));
    assert_refused(&run::archplay(&["open", &long_link], None), &["version"]);
}

#[test]
fn arguments_echoed_in_messages_are_escaped_and_cut() {
    let hostile = format!("\u{1b}[2J{}", "z".repeat(10_000));
    assert_refused(
        &run::archplay(&["template", &hostile], None),
        &["no template named"],
    );
    assert_refused(
        &run::archplay(&["export", &hostile, "x.json"], None),
        &["unknown export format"],
    );
    let unknown = run::archplay(&[&hostile], None);
    let first_line = String::from_utf8_lossy(&unknown.stderr);
    let first_line = first_line.lines().next().unwrap_or_default();
    assert!(first_line.contains("unknown command"), "{first_line:.200}");
    assert_short_clean_line(first_line);
    let missing = run::archplay(&["validate", &hostile], None);
    assert_eq!(missing.status.code(), Some(1));
    assert_short_clean_line(String::from_utf8_lossy(&missing.stderr).trim_end());
}
