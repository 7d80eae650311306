//! Differential test: every example and test script runs under `python3` too, and
//! stdout and the exit code must be identical. Skipped, saying so, where python3 is
//! absent. (stderr is not compared: iterp's reports say more than CPython's, but their
//! last line is CPython's, which the snapshots check.)

use iterp::session::{run_captured, RunOptions};
use std::path::{Path, PathBuf};
use std::process::Command;

fn python3() -> Option<PathBuf> {
    let out = Command::new("python3").arg("--version").output().ok()?;
    let version = String::from_utf8_lossy(&out.stdout).to_string();
    if !version.starts_with("Python 3.11") {
        eprintln!("differential test: python3 is {version:?}, not 3.11; skipped");
        return None;
    }
    Some(PathBuf::from("python3"))
}

fn scripts(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            scripts(&p, out);
        } else if p.extension().is_some_and(|e| e == "py") {
            out.push(p);
        }
    }
}

#[test]
fn stdout_and_exit_code_match_cpython() {
    let Some(python) = python3() else {
        eprintln!("differential test skipped: python3 3.11 is not installed");
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    scripts(&root.join("examples"), &mut files);
    scripts(&root.join("tests/scripts"), &mut files);
    let mut failures = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("script is readable");
        let expected = Command::new(&python)
            .arg(path)
            .current_dir(path.parent().unwrap_or(root))
            .output()
            .expect("python3 runs");
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("script.py");
        let got = run_captured(name, &text, RunOptions::default());
        let want_stdout = String::from_utf8_lossy(&expected.stdout);
        let want_code = expected.status.code().unwrap_or(-1);
        if got.stdout != want_stdout || got.exit_code != want_code {
            failures.push(format!(
                "{}: exit {} (python3 {}), stdout {}",
                path.display(),
                got.exit_code,
                want_code,
                if got.stdout == want_stdout {
                    "same"
                } else {
                    "differs"
                }
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "differs from CPython:\n{}",
        failures.join("\n")
    );
}
