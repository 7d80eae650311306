//! Output discipline of error reports, through the real binary: colours only on a
//! terminal and never with NO_COLOR or when piped; the last line is CPython's, without
//! escape codes, whatever the colour setting.

use std::process::Command;

const ESCAPE: &str = "\u{1b}[";

fn script() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("iterp-colors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("next_on_list.py");
    std::fs::write(&path, "xs = [1, 2]\nnext(xs)\n").expect("script written");
    path
}

fn stderr_piped(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_iterp"))
        .args(args)
        .arg(script())
        .output()
        .expect("iterp runs");
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8(out.stderr).expect("utf-8 report")
}

const LAST_LINE: &str = "TypeError: 'list' object is not an iterator";

#[test]
fn piped_reports_have_no_colour() {
    let err = stderr_piped(&[]);
    assert!(!err.contains(ESCAPE), "{err}");
    assert_eq!(err.lines().last(), Some(LAST_LINE));
    assert!(err.contains("next(iter(xs))"), "{err}");
}

#[test]
fn colour_can_be_forced_but_never_touches_the_last_line() {
    let err = stderr_piped(&["--color", "always"]);
    assert!(err.contains(ESCAPE), "{err}");
    assert_eq!(err.lines().last(), Some(LAST_LINE));
}

/// Runs iterp with stderr on a pseudo-terminal and returns what the terminal shows.
///
/// rexpect reads the pty from a thread started at spawn; when that first read comes
/// before the child has opened its end, Linux reports EIO, which rexpect takes as the
/// end of output, and the run shows nothing at all (about 1 run in 10). Such a run is
/// repeated, a few times at most; a real failure still shows what was captured.
fn on_terminal(no_color: Option<&str>) -> String {
    let mut shown = String::new();
    for _ in 0..5 {
        shown = run_on_terminal(no_color);
        if !shown.is_empty() {
            break;
        }
    }
    shown
}

fn run_on_terminal(no_color: Option<&str>) -> String {
    // Through `sh`, which keeps the terminal open a moment after iterp exits: a process
    // that exits at once can take its last output with it before the pty is read.
    let mut command = Command::new("sh");
    command
        .arg("-c")
        .arg("\"$0\" \"$1\"; sleep 0.3")
        .arg(env!("CARGO_BIN_EXE_iterp"))
        .arg(script());
    match no_color {
        Some(v) => command.env("NO_COLOR", v),
        None => command.env_remove("NO_COLOR"),
    };
    let mut session = rexpect::session::spawn_command(command, Some(20_000)).expect("pty");
    session.exp_eof().expect("iterp ends")
}

#[test]
fn a_terminal_gets_colour_unless_no_color_is_set() {
    let coloured = on_terminal(None);
    assert!(coloured.contains(ESCAPE), "{coloured:?}");
    // An empty NO_COLOR does not count (no-color.org).
    let coloured = on_terminal(Some(""));
    assert!(coloured.contains(ESCAPE), "{coloured:?}");
    let plain = on_terminal(Some("1"));
    assert!(!plain.contains(ESCAPE), "{plain}");
    assert!(plain.trim_end().ends_with(LAST_LINE), "{plain}");
}
