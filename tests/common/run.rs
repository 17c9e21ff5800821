//! The `archplay` command-line tool run as a child process, for the test
//! binaries that check it end to end (`tests/engine`, `tests/share`,
//! `tests/sim`). Each binary includes this file with
//! `#[path = "../common/run.rs"] mod run;`.
//!
//! What must stay true: the binary run is the one Cargo built for this test
//! run (`CARGO_BIN_EXE_archplay`), its standard input is always closed after
//! `stdin` (or nothing) is written, so no test can hang waiting on it, and
//! standard output and error are captured whole.

// Each test binary uses only part of this file.
#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Runs `archplay` with `args`, writes `stdin` (or nothing) to its standard
/// input and closes it, and returns what it printed and its exit status.
pub fn archplay(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_archplay"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the archplay binary runs");
    let mut pipe = child.stdin.take().expect("standard input is piped");
    pipe.write_all(stdin.unwrap_or("").as_bytes())
        .expect("archplay takes its standard input");
    drop(pipe);
    child.wait_with_output().expect("archplay finishes")
}

/// What the run printed on standard output (which must be UTF-8).
pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("archplay prints UTF-8 on standard output")
}

/// What the run printed on standard error (which must be UTF-8).
pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("archplay prints UTF-8 on standard error")
}

/// A file in the temporary directory for `archplay` to read, named after
/// this process and `name` (so parallel tests and test binaries do not
/// collide), removed on drop.
pub struct TempFile(std::path::PathBuf);

impl TempFile {
    /// Writes `contents` to a new temporary file called after `name`.
    pub fn new(name: &str, contents: &str) -> TempFile {
        let path =
            std::env::temp_dir().join(format!("archplay-test-{}-{name}", std::process::id()));
        std::fs::write(&path, contents).expect("the temporary directory is writable");
        TempFile(path)
    }

    /// Its path, as an argument to `archplay`.
    pub fn path(&self) -> &str {
        self.0.to_str().expect("temporary paths are UTF-8")
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}
