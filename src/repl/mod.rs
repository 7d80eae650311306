//! The interactive prompt: `iterp` on a terminal. Line editing and history (rustyline),
//! `>>> ` and `... ` prompts, expression values echoed with their repr, errors shown as
//! diagnostics without leaving, state kept between inputs, Ctrl-D to leave.
//!
//! Owns: the read loop, the banner, the history file, and what Ctrl-C and Ctrl-D do at
//! the prompt. Deciding when an input is whole is `input.rs`; echoing values is
//! `echo.rs`. Every input runs through `session::run_module` in one interpreter, lowered
//! against its global table, so names persist.
//! Must not touch: how a program runs or how an error looks (`session`, `diagnostics`).
//!
//! History: kept for the session, and saved to `$ITERP_HISTORY` if that is set (empty
//! means no file), else to `~/.iterp_history`.

mod echo;
mod input;

use crate::deep_stack;
use crate::interp::Interp;
use crate::session::{self, Outcome, RunOptions};
use crate::syntax::span::SourceFile;
use rustyline::error::ReadlineError;
use rustyline::{Cmd, Config, DefaultEditor, KeyCode, KeyEvent, Modifiers};
use std::path::PathBuf;

/// Runs the REPL until end of input (or `exit()`); returns the exit status.
pub fn run(options: RunOptions) -> i32 {
    deep_stack::run(move || run_here(&options))
}

fn run_here(options: &RunOptions) -> i32 {
    let config = Config::builder().auto_add_history(false).build();
    let mut editor = match DefaultEditor::with_config(config) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("iterp: cannot start the interactive prompt: {e}");
            return 2;
        }
    };
    // No completion: Tab indents, as a learner typing a block expects.
    editor.bind_sequence(
        KeyEvent(KeyCode::Tab, Modifiers::NONE),
        Cmd::Insert(1, "    ".into()),
    );
    let history = history_file();
    if let Some(path) = &history {
        let _ = editor.load_history(path);
    }
    eprintln!(
        "iterp {} (Python 3.11's iteration, explained)\nType exit() or Ctrl-D to leave.",
        env!("CARGO_PKG_VERSION")
    );
    let mut interp = Interp::new(
        options.interp.clone(),
        Box::new(std::io::stdout()),
        Box::new(std::io::stderr()),
    );
    echo::install(&mut interp);
    let mut typed = String::new();
    let code = loop {
        let prompt = if typed.is_empty() { ">>> " } else { "... " };
        let line = match editor.readline(prompt) {
            Ok(line) => line,
            // Ctrl-D on an empty prompt leaves; inside a block it ends the block.
            Err(ReadlineError::Eof) if typed.is_empty() => break 0,
            Err(ReadlineError::Eof) => String::new(),
            Err(ReadlineError::Interrupted) => {
                interp.write_err("KeyboardInterrupt\n");
                typed.clear();
                continue;
            }
            Err(e) => {
                eprintln!("iterp: cannot read the prompt: {e}");
                break 1;
            }
        };
        if !line.trim().is_empty() {
            let _ = editor.add_history_entry(line.as_str());
        }
        typed.push_str(&line);
        typed.push('\n');
        if let Some(code) = run_if_complete(&mut interp, &mut typed, options) {
            break code;
        }
    };
    if let Some(path) = &history {
        let _ = editor.save_history(path);
    }
    interp.finish();
    code
}

/// Runs the input typed so far if it is whole (and forgets it); `Some(status)` when it
/// asked to leave (`exit()`, `raise SystemExit`).
fn run_if_complete(interp: &mut Interp, typed: &mut String, options: &RunOptions) -> Option<i32> {
    let source = SourceFile::new("<stdin>", typed.as_str());
    let outcome = match input::status(&source) {
        input::Status::NeedMore => return None,
        input::Status::Invalid(e) => {
            session::report_syntax_error(interp, &e, &source, options);
            Outcome::Failed
        }
        input::Status::Complete(mut module) => {
            echo::echo_expressions(&mut module);
            session::run_module(interp, module, source, options)
        }
    };
    typed.clear();
    interp.flush_out();
    match outcome {
        Outcome::Exit(code) => Some(code),
        Outcome::Completed | Outcome::Failed => None,
    }
}

/// Where history is saved: `$ITERP_HISTORY` (empty: nowhere), else `~/.iterp_history`.
fn history_file() -> Option<PathBuf> {
    match std::env::var_os("ITERP_HISTORY") {
        Some(p) if p.is_empty() => None,
        Some(p) => Some(PathBuf::from(p)),
        None => std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".iterp_history")),
    }
}
