//! What the snapshot tests share: running one script file through the library, and the
//! one way a snapshot is asserted under a name of our choosing (no module prefix, no
//! suffix, so `examples__errors__next_on_list.py` is the file's own name).
//! Must not touch: what a test snapshots (each test file builds its own text).

use iterp::session::{run_captured, Captured, RunOptions};
use std::path::Path;

/// The file's name, as a script's traceback shows it.
pub fn file_name(path: &Path) -> &str {
    path.file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("script.py")
}

/// Runs the script at `path` with `options`, capturing stdout, stderr and the exit code.
pub fn run_file(path: &Path, options: RunOptions) -> Captured {
    let text = std::fs::read_to_string(path).expect("script is readable");
    run_captured(file_name(path), &text, options)
}

/// Asserts `text` against the snapshot `tests/snapshots/{name}.snap`.
#[macro_export]
macro_rules! assert_named_snapshot {
    ($name:expr, $text:expr) => {
        insta::with_settings!({ snapshot_suffix => "", prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!($name, $text);
        })
    };
}
