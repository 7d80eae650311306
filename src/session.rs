//! A session: one program (or REPL) run from source text to exit code.
//!
//! Owns: the pipeline wiring (parse, lower, run), rendering errors through
//! `diagnostics` and CPython's exit codes.
//! Must not touch: argument parsing (that is `main.rs`), any stage's internals.

use crate::deep_stack;
use crate::diagnostics;
use crate::interp::{Interp, Options};
use crate::syntax::span::SourceFile;
use std::io::Write;
use std::rc::Rc;

/// What to do with the program.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    Run,
    /// Print the lowered program instead of running it.
    Desugar,
}

#[derive(Debug, Clone, Default)]
pub struct RunOptions {
    pub interp: Options,
    pub mode: Mode,
    /// Colours in reports (only on a terminal, never when piped or with NO_COLOR).
    pub color: bool,
    /// `--trace`: write the iteration protocol's events to stderr as the program runs.
    pub trace: bool,
}

/// A program's outcome when its output was captured (tests, embedding).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Captured {
    pub stdout: String,
    pub stderr: String,
    pub exit_code: i32,
}

/// Parses, lowers and runs a program, writing its output; returns the exit code
/// (0 success, 1 uncaught exception or syntax error). Call inside `deep_stack::run`.
pub fn run_program(
    source: Rc<SourceFile>,
    options: &RunOptions,
    stdout: Box<dyn Write>,
    stderr: Box<dyn Write>,
) -> i32 {
    let mut interp = Interp::new(options.interp.clone(), stdout, stderr);
    let code = run_in(&mut interp, source, options);
    interp.finish();
    code
}

/// How one program (or one REPL input) ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Completed,
    /// A syntax error or an uncaught exception, already reported.
    Failed,
    /// `SystemExit` asked for this exit status.
    Exit(i32),
}

impl Outcome {
    /// CPython's exit status for the outcome.
    pub fn exit_code(self) -> i32 {
        match self {
            Outcome::Completed => 0,
            Outcome::Failed => 1,
            Outcome::Exit(code) => code,
        }
    }
}

/// Runs one source text in an existing interpreter; returns the exit code.
pub fn run_in(interp: &mut Interp, source: Rc<SourceFile>, options: &RunOptions) -> i32 {
    if options.trace {
        interp.trace = Some(crate::interp::trace::Tracer::new(source.clone()));
    }
    match crate::syntax::parse_module(&source) {
        Ok(module) => run_module(interp, module, source, options).exit_code(),
        Err(e) => {
            report_syntax_error(interp, &e, &source, options);
            1
        }
    }
}

/// Writes a syntax error's report to the program's stderr.
pub fn report_syntax_error(
    interp: &mut Interp,
    e: &crate::syntax::error::SyntaxError,
    source: &Rc<SourceFile>,
    options: &RunOptions,
) {
    let report = diagnostics::render_syntax_error(e, source, options.color);
    interp.write_err(&report);
}

/// Lowers and runs a parsed module in an existing interpreter, against its global table
/// (the REPL runs every input this way, so names persist between inputs). Errors are
/// reported to the program's stderr.
pub fn run_module(
    interp: &mut Interp,
    module: crate::syntax::ast::Module,
    source: Rc<SourceFile>,
    options: &RunOptions,
) -> Outcome {
    let program =
        match crate::lower::lower_program(&module, source.clone(), &mut interp.global_names) {
            Ok(p) => p,
            Err(e) => {
                report_syntax_error(interp, &e, &source, options);
                return Outcome::Failed;
            }
        };
    drop(module);
    if options.mode == Mode::Desugar {
        let text = crate::lower::print::desugar(&program, &interp.global_names);
        interp.write_out(&text);
        return Outcome::Completed;
    }
    match interp.run_program(&program) {
        Ok(()) => Outcome::Completed,
        Err(e) => {
            if e.is(crate::runtime::exception::ExcKind::SystemExit) {
                return Outcome::Exit(interp.system_exit_code(&e));
            }
            let report = diagnostics::render_exception_report(interp, &e, options.color);
            interp.write_err(&report);
            Outcome::Failed
        }
    }
}

/// A `Write` that appends to a shared buffer (output captured across the thread).
#[derive(Clone, Default)]
pub struct SharedBuffer(pub std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl Write for SharedBuffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Ok(mut v) = self.0.lock() {
            v.extend_from_slice(buf);
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl SharedBuffer {
    pub fn text(&self) -> String {
        self.0
            .lock()
            .map(|v| String::from_utf8_lossy(&v).into_owned())
            .unwrap_or_default()
    }
}

/// Runs a program with its stdout and stderr captured (the tests' entry point).
pub fn run_captured(name: &str, text: &str, options: RunOptions) -> Captured {
    let (name, text) = (name.to_string(), text.to_string());
    let out = SharedBuffer::default();
    let err = SharedBuffer::default();
    let (o, e) = (out.clone(), err.clone());
    let exit_code = deep_stack::run(move || {
        let source = SourceFile::new(name, text);
        run_program(source, &options, Box::new(o), Box::new(e))
    });
    Captured {
        stdout: out.text(),
        stderr: err.text(),
        exit_code,
    }
}
