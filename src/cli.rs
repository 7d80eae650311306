//! The command line: what `iterp [OPTIONS] [FILE] [ARGS]...` asks for.
//!
//! Owns: `Cli`, read by clap, and the one shortcut past clap for the commonest command
//! line, `iterp script.py`.
//! Must not touch: running anything (that is `main.rs` and `session`).

use clap::Parser;
use std::ffi::OsString;

/// CPython's default recursion limit.
pub const DEFAULT_RECURSION_LIMIT: u32 = 1000;

/// Run Python-like scripts and see how iteration works underneath.
#[derive(Parser, Debug, PartialEq)]
#[command(name = "iterp", version, about, long_about = None)]
pub struct Cli {
    /// Program passed in as a string (like `python3 -c`).
    #[arg(short = 'c', value_name = "CODE", conflicts_with = "file")]
    pub command: Option<String>,

    /// Print the lowered program (for loops as while/try/next/StopIteration) instead of
    /// running it.
    #[arg(long)]
    pub desugar: bool,

    /// Show the iteration protocol as it happens, on stderr: each iter() and next(), and
    /// each generator created, resumed, suspended, returning and closed.
    #[arg(long)]
    pub trace: bool,

    /// Maximum depth of Python calls before RecursionError (CPython's default: 1000).
    #[arg(long, value_name = "N", default_value_t = DEFAULT_RECURSION_LIMIT)]
    pub recursion_limit: u32,

    /// When to colour reports: auto (on a terminal without NO_COLOR), always, never.
    #[arg(long, value_name = "WHEN", value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// The script to run; without it, the program is read from standard input.
    pub file: Option<String>,

    /// Arguments for the script (accepted for compatibility; iterp has no `sys.argv`).
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    pub args: Vec<String>,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl Cli {
    /// The process's command line. Clap reads it, except `iterp script.py`: building
    /// clap's parser touched about 40 fresh heap pages and was a sixth of
    /// `print("hello")`'s start-up (docs/performance.md, "Start-up"). The two agree
    /// (`script_only_is_what_clap_reads` below).
    pub fn from_env() -> Cli {
        Cli::script_only(std::env::args_os()).unwrap_or_else(Cli::parse)
    }

    /// `iterp FILE`, FILE valid UTF-8 and not an option, as clap reads it; `None` for
    /// any other command line.
    fn script_only(mut argv: impl Iterator<Item = OsString>) -> Option<Cli> {
        let _program = argv.next()?;
        let file = argv.next()?.into_string().ok()?;
        if file.starts_with('-') || argv.next().is_some() {
            return None;
        }
        Some(Cli {
            command: None,
            desugar: false,
            trace: false,
            recursion_limit: DEFAULT_RECURSION_LIMIT,
            color: ColorChoice::Auto,
            file: Some(file),
            args: Vec::new(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(words: &[&str]) -> Vec<OsString> {
        words.iter().map(OsString::from).collect()
    }

    /// The shortcut must never read a command line differently from clap.
    #[test]
    fn script_only_is_what_clap_reads() {
        for words in [
            &["iterp", "script.py"][..],
            &["iterp", "dir/with space.py"],
            &["iterp", ""],
            &["iterp", "name=value.py"],
        ] {
            let quick = Cli::script_only(argv(words).into_iter());
            let clap = Cli::try_parse_from(argv(words)).expect("clap accepts it");
            assert_eq!(quick, Some(clap), "{words:?}");
        }
    }

    /// Every other command line goes to clap, options and extra arguments included.
    #[test]
    fn script_only_leaves_the_rest_to_clap() {
        for words in [
            &["iterp"][..],
            &["iterp", "-"],
            &["iterp", "-c", "print(1)"],
            &["iterp", "--trace", "script.py"],
            &["iterp", "script.py", "--trace"],
            &["iterp", "script.py", "arg"],
            &["iterp", "--help"],
        ] {
            assert_eq!(Cli::script_only(argv(words).into_iter()), None, "{words:?}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_file_name_that_is_not_utf8_goes_to_clap() {
        use std::os::unix::ffi::OsStringExt;
        let words = vec![
            OsString::from("iterp"),
            OsString::from_vec(vec![0xff, b'x']),
        ];
        assert_eq!(Cli::script_only(words.into_iter()), None);
    }
}
