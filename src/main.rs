//! The `iterp` command: arguments, REPL, exit codes; nothing else.
//!
//! `main` is the C entry point (`#![no_main]`): std's own start-up reads
//! /proc/self/maps to find the main thread's stack and gives every thread an
//! alternate signal stack, about a tenth of `print("hello")`'s time, for a
//! stack-overflow message the recursion limit already makes unreachable
//! (docs/performance.md, "Start-up").
#![no_main]

use iterp::cli::{Cli, ColorChoice};
use iterp::interp::Options;
use iterp::session::{self, Mode, RunOptions};
use iterp::syntax::span::SourceFile;
use std::ffi::{c_char, c_int};
use std::io::{IsTerminal, Read, Write};

/// Small objects are allocated and freed at a high rate; mimalloc does it in far fewer
/// instructions than the system allocator (see docs/performance.md).
#[global_allocator]
static ALLOCATOR: iterp::allocator::Mimalloc = iterp::allocator::Mimalloc;

/// The process entry point, called by the C runtime.
///
/// Does the two things std's start-up would have done that iterp relies on: ignore
/// SIGPIPE (a closed pipe is an error to report, as in CPython, not a silent death)
/// and flush standard output at exit.
#[no_mangle]
pub extern "C" fn main(_argc: c_int, _argv: *const *const c_char) -> c_int {
    // SAFETY: setting a signal's disposition to SIG_IGN has no preconditions.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_IGN);
    }
    let code = run();
    let _ = std::io::stdout().flush();
    code
}

fn run() -> c_int {
    let cli = Cli::from_env();
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            // NO_COLOR set to anything but the empty string turns colours off (no-color.org).
            std::io::stderr().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let options = RunOptions {
        interp: Options {
            recursion_limit: cli.recursion_limit,
        },
        mode: if cli.desugar {
            Mode::Desugar
        } else {
            Mode::Run
        },
        color,
        trace: cli.trace,
    };
    let (name, text) = if let Some(code) = cli.command {
        ("<string>".to_string(), code)
    } else if let Some(path) = cli.file {
        match std::fs::read(&path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => (path, text),
                Err(_) => {
                    eprintln!("iterp: can't decode file '{path}': it is not valid UTF-8");
                    return 2;
                }
            },
            Err(e) => {
                let errno = e
                    .raw_os_error()
                    .map(|n| format!("[Errno {n}] "))
                    .unwrap_or_default();
                let shown = std::fs::canonicalize(&path)
                    .ok()
                    .or_else(|| std::env::current_dir().ok().map(|d| d.join(&path)))
                    .map(|p| p.display().to_string())
                    .unwrap_or(path.clone());
                eprintln!(
                    "iterp: can't open file '{shown}': {errno}{}",
                    os_message(&e)
                );
                return 2;
            }
        }
    } else if std::io::stdin().is_terminal() {
        if options.trace {
            // A trace names source lines; the prompt's inputs are separate sources, and a
            // generator made in one input may run in another.
            eprintln!("iterp: --trace traces a script, -c CODE or stdin; the prompt runs untraced");
        }
        return c_int::from(iterp::repl::run(options) as u8);
    } else {
        let mut text = String::new();
        if let Err(e) = std::io::stdin().read_to_string(&mut text) {
            eprintln!("iterp: can't read standard input: {e}");
            return 2;
        }
        ("<stdin>".to_string(), text)
    };
    let code = iterp::deep_stack::run(move || {
        let source = SourceFile::new(name, text);
        session::run_program(
            source,
            &options,
            Box::new(std::io::stdout()),
            Box::new(std::io::stderr()),
        )
    });
    code.clamp(0, 255)
}

/// The OS error text without Rust's " (os error N)" suffix, as CPython prints it.
fn os_message(e: &std::io::Error) -> String {
    let text = e.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
