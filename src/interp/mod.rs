//! The interpreter: walks the IR, owns frames, calls, exceptions and generators.
//!
//! Owns: `Interp`, the state of one running program (globals, builtins, output buffer,
//! recursion depth, the stack of exceptions being handled, imported modules).
//! Must not touch: parsing or lowering; value layouts (those are `runtime/`).
//!
//! One file per concept: `exec.rs` (statements), `try_stmt.rs` (try/except/finally),
//! `assign.rs` (targets), `eval.rs` (expressions), `call.rs` (the one way to call),
//! `operators.rs`, `hashing.rs`, `attributes.rs`, `classes.rs`, `iteration.rs`,
//! `generator.rs` (with `resume_loop.rs`, the direct resume of simple loops), `repr.rs`,
//! `raise.rs`.

pub mod assign;
pub mod attributes;
pub mod call;
pub mod classes;
pub mod displays;
pub mod eval;
pub mod exec;
pub mod frame;
pub mod generator;
pub mod hashing;
mod in_place;
pub mod iteration;
pub mod operators;
pub mod raise;
pub mod repr;
pub mod resume_loop;
pub mod subscript;
pub mod trace;
pub mod try_stmt;

use crate::deep_stack;
use crate::lower::ir::{Globals, Program};
use crate::runtime::builtins;
use crate::runtime::exception::{Exc, ExcKind, PyResult};
use crate::runtime::symbol::Symbol;
use crate::runtime::value::Value;
use frame::{Flow, Frame, ResumeInput};
use hashbrown::HashMap;
use std::io::Write;

/// Settings of one run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Python's `sys.getrecursionlimit()`: frames allowed at once (CPython's default 1000).
    pub recursion_limit: u32,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            recursion_limit: 1000,
        }
    }
}

/// Output is buffered and written in large chunks; it is flushed before an error report,
/// before trace lines, and at exit, so stdout and stderr interleave as a user expects.
const OUTPUT_CHUNK: usize = 64 * 1024;

/// The state of one running program.
pub struct Interp {
    pub options: Options,
    /// The program's global names, shared with the lowering (ids index `globals`).
    pub global_names: Globals,
    /// Module globals by id; `Undef` when unbound.
    pub globals: Vec<Value>,
    /// For each global id, the builtin of that name (`Undef` if none).
    builtin_of_global: Vec<Value>,
    /// The builtins namespace.
    builtins: HashMap<Symbol, Value>,
    /// Imported modules by name.
    modules: HashMap<Symbol, Value>,
    out: Vec<u8>,
    stdout: Box<dyn Write>,
    stderr: Box<dyn Write>,
    /// Python frames active now (calls and resumed generators).
    pub depth: u32,
    /// A Python call starting below this stack address raises `RecursionError`
    /// (`deep_stack::floor()` when the interpreter was made; 0: no such check).
    stack_floor: usize,
    /// Exceptions being handled (innermost last): `raise` with no argument and
    /// `__context__` read it.
    pub handled: Vec<Exc>,
    /// The value the innermost `return` or `yield` hands to its frame's caller.
    pub ret: Value,
    /// True while re-entering a suspended generator along its frame's resume path: no
    /// statement runs until the `yield` it stopped at takes `resume_input`.
    pub resuming: bool,
    pub resume_input: Option<ResumeInput>,
    /// What the sub-iterator of the `yield from` being resumed did, when the generator
    /// already stepped it (`Interp::resume` does, to suspend again without walking the
    /// resume path); the `yield from` then completes with it instead of stepping again.
    pub yield_from_outcome: Option<PyResult<generator::Resumed>>,
    /// Reusable slot vectors, so a call does not allocate its frame's locals.
    slot_pool: Vec<Vec<Value>>,
    /// Identities of containers whose repr is being built (`[...]` for cycles).
    pub repr_active: Vec<usize>,
    /// `--trace`: the iteration protocol written to stderr as it happens (`trace.rs`).
    pub trace: Option<Box<trace::Tracer>>,
}

impl Interp {
    pub fn new(options: Options, stdout: Box<dyn Write>, stderr: Box<dyn Write>) -> Interp {
        let mut builtins = HashMap::new();
        builtins::install(&mut builtins);
        Interp {
            options,
            global_names: Globals::default(),
            globals: Vec::new(),
            builtin_of_global: Vec::new(),
            builtins,
            modules: HashMap::new(),
            out: Vec::with_capacity(OUTPUT_CHUNK),
            stdout,
            stderr,
            depth: 0,
            stack_floor: deep_stack::floor(),
            handled: Vec::new(),
            ret: Value::None,
            resuming: false,
            resume_input: None,
            yield_from_outcome: None,
            slot_pool: Vec::new(),
            repr_active: Vec::new(),
            trace: None,
        }
    }

    /// Grows the global table to cover every id the lowering has handed out.
    fn sync_globals(&mut self) {
        while self.globals.len() < self.global_names.len() {
            let name = self.global_names.name(self.globals.len() as u32);
            self.globals.push(Value::Undef);
            let builtin = self.builtins.get(&name).cloned().unwrap_or(Value::Undef);
            self.builtin_of_global.push(builtin);
        }
    }

    /// Runs a lowered program's module code. Errors carry their traceback.
    pub fn run_program(&mut self, program: &Program) -> PyResult<()> {
        self.sync_globals();
        let code = program.module.clone();
        let slots = self.take_slots(code.n_slots as usize);
        let mut frame = Frame::new(code.clone(), slots);
        self.depth += 1;
        let result = self.exec_block(&mut frame, &code.body);
        self.depth -= 1;
        self.drain_pending_closes();
        self.recycle_slots(std::mem::take(&mut frame.slots));
        match result {
            Ok(Flow::Yield) | Ok(_) => Ok(()),
            Err(e) => {
                e.leave_frame(&code, code.span);
                Err(e)
            }
        }
    }

    /// Reads a global, then the builtin of that name.
    #[inline]
    pub fn load_global(&self, id: u32) -> PyResult<Value> {
        let i = id as usize;
        match self.globals.get(i) {
            Some(Value::Undef) | None => match self.builtin_of_global.get(i) {
                Some(Value::Undef) | None => Err(self.name_error(self.global_names.name(id))),
                Some(v) => Ok(v.clone()),
            },
            Some(v) => Ok(v.clone()),
        }
    }

    pub fn store_global(&mut self, id: u32, v: Value) {
        let i = id as usize;
        if i >= self.globals.len() {
            self.sync_globals();
        }
        if let Some(slot) = self.globals.get_mut(i) {
            *slot = v;
        }
    }

    pub fn name_error(&self, name: Symbol) -> Exc {
        let e = Exc::new(ExcKind::NameError, format!("name '{name}' is not defined"));
        e.instance()
            .attrs
            .borrow_mut()
            .set(Symbol::intern("name"), Value::str(name.as_str()));
        e
    }

    pub fn builtin(&self, name: Symbol) -> Option<Value> {
        self.builtins.get(&name).cloned()
    }

    /// Binds a name in the builtins namespace (the REPL's `_` and display hook), visible
    /// wherever no global of that name shadows it.
    pub fn set_builtin(&mut self, name: Symbol, v: Value) {
        if let Some(id) = self.global_names.get(name) {
            if let Some(slot) = self.builtin_of_global.get_mut(id as usize) {
                *slot = v.clone();
            }
        }
        self.builtins.insert(name, v);
    }

    /// The names visible at module level (globals bound now, then builtins), for
    /// "Did you mean" suggestions.
    pub fn visible_global_names(&self) -> Vec<Symbol> {
        let mut names: Vec<Symbol> = self
            .globals
            .iter()
            .enumerate()
            .filter(|(_, v)| !v.is_undef())
            .map(|(i, _)| self.global_names.name(i as u32))
            .collect();
        names.extend(self.builtins.keys().copied());
        names
    }

    pub fn module(&mut self, name: Symbol) -> Option<Value> {
        if let Some(m) = self.modules.get(&name) {
            return Some(m.clone());
        }
        let m = crate::runtime::modules::load(name)?;
        self.modules.insert(name, m.clone());
        Some(m)
    }

    // ---- output ----

    pub fn write_out(&mut self, text: &str) {
        self.out.extend_from_slice(text.as_bytes());
        if self.out.len() >= OUTPUT_CHUNK {
            self.flush_out();
        }
    }

    pub fn flush_out(&mut self) {
        if !self.out.is_empty() {
            let _ = self.stdout.write_all(&self.out);
            self.out.clear();
        }
        let _ = self.stdout.flush();
    }

    /// Writes to stderr after flushing stdout, so the two interleave in program order.
    pub fn write_err(&mut self, text: &str) {
        self.flush_out();
        let _ = self.stderr.write_all(text.as_bytes());
        let _ = self.stderr.flush();
    }

    // ---- frames ----

    /// A slot vector of length `n`, every slot unbound.
    #[inline]
    pub fn take_slots(&mut self, n: usize) -> Vec<Value> {
        let mut v = self.take_empty_slots(n);
        // `resize_with`, not `resize`: no out-of-line `Value::clone` per slot.
        v.resize_with(n, || Value::Undef);
        v
    }

    /// An empty slot vector with room for `n` values, to push arguments into.
    #[inline]
    pub fn take_empty_slots(&mut self, n: usize) -> Vec<Value> {
        let mut v = self.slot_pool.pop().unwrap_or_default();
        v.reserve(n);
        v
    }

    /// Takes the value the last `return` or `yield` handed over, read as the two words
    /// `Value::store` wrote (one 16-byte load of two fresh 8-byte stores stalls).
    #[inline]
    pub fn take_ret(&mut self) -> Value {
        // SAFETY: `ret` is a valid value; it is moved out and replaced by `None`.
        unsafe {
            let v = crate::runtime::value::read_value(&self.ret);
            crate::runtime::value::write_value(&mut self.ret, Value::None);
            v
        }
    }

    #[inline]
    pub fn recycle_slots(&mut self, mut v: Vec<Value>) {
        while let Some(x) = v.pop() {
            x.discard();
        }
        if self.slot_pool.len() < 256 && v.capacity() <= 64 {
            self.slot_pool.push(v);
        }
    }

    /// Counts a Python frame in; `RecursionError` past the limit, or when the stack is
    /// nearly used up (a `--recursion-limit` too high for the stack).
    #[inline]
    pub fn enter(&mut self) -> PyResult<()> {
        if self.depth >= self.options.recursion_limit || deep_stack::here() < self.stack_floor {
            return Err(Exc::new(
                ExcKind::RecursionError,
                "maximum recursion depth exceeded",
            ));
        }
        self.depth += 1;
        Ok(())
    }

    #[inline]
    pub fn leave(&mut self) {
        self.depth -= 1;
    }
}

impl Interp {
    /// Ends a program as CPython does at shutdown: module globals are cleared in order of
    /// definition (so suspended generators they held are closed and their `finally`
    /// blocks run), then output is flushed.
    pub fn finish(&mut self) {
        for i in 0..self.globals.len() {
            let old = std::mem::replace(&mut self.globals[i], Value::Undef);
            drop(old);
            if generator::closes_pending() {
                self.drain_pending_closes();
            }
        }
        self.flush_out();
    }

    /// The exit status a `SystemExit` asks for (`None` → 0, an int → it, else 1 after
    /// printing the message).
    pub fn system_exit_code(&mut self, e: &Exc) -> i32 {
        let code = match e.args() {
            Value::Tuple(t) if !t.is_empty() => t.items[0].clone(),
            _ => Value::None,
        };
        match code {
            Value::None => 0,
            Value::Int(n) => n as i32,
            Value::Bool(b) => b as i32,
            other => {
                let text = self.str_of(&other).unwrap_or_default();
                self.write_err(&format!("{text}\n"));
                1
            }
        }
    }
}
