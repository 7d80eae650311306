//! The IR: the desugared, name-resolved tree the interpreter walks.
//!
//! Owns: the node types produced by lowering and consumed by `interp/`.
//! Must not touch: execution (that is `interp/`), surface syntax (that is `syntax/`).
//!
//! Compared with the AST:
//! - every variable is resolved: a frame slot (`Local`), a cell held in a slot (`Deref`),
//!   a module global (`Global`, looked up in the global table then the builtins), or a
//!   class-body name (`ClassLoad` / `Target::ClassLocal`);
//! - `for` is gone: it is `$it = iter(x)` + `while True:` whose first statement is
//!   `ForNext` (`try: t = next($it) except StopIteration: <loop ends>`);
//! - comprehensions and generator expressions are functions (`MakeFunction`) called with
//!   the first iterable;
//! - `with` is a try/except/finally around `__enter__`/`__exit__` (PEP 343's expansion);
//! - every `yield` is a statement (`Yield`/`YieldFrom`), so a generator suspends only
//!   between statements and resumes by walking a short path of statement indexes;
//! - chained comparisons and augmented assignment evaluate each operand once;
//! - lambdas, decorators, `assert`, imports are plain IR operations.
//!
//! Hidden temporaries are ordinary slots whose names start with `$` (`$it0`, `$mgr1`), so
//! the `--desugar` printer can show them to a learner.

use crate::runtime::lookup_site::LookupSite;
use crate::runtime::symbol::Symbol;
use crate::runtime::value::Value;
use crate::syntax::ast::{BinOp, CmpOp};
use crate::syntax::span::{SourceFile, Span};
use std::rc::Rc;

/// Index of a local slot in a frame.
pub type Slot = u32;
/// Index into the program's global table (see [`Globals`]).
pub type GlobalId = u32;

/// The module-level names of a program, each with a fixed index. It outlives one lowering:
/// the REPL lowers every input against the same table so globals persist between inputs.
#[derive(Debug, Default, Clone)]
pub struct Globals {
    pub names: Vec<Symbol>,
    index: hashbrown::HashMap<Symbol, GlobalId>,
}

impl Globals {
    pub fn id(&mut self, name: Symbol) -> GlobalId {
        if let Some(&id) = self.index.get(&name) {
            return id;
        }
        let id = self.names.len() as GlobalId;
        self.names.push(name);
        self.index.insert(name, id);
        id
    }

    pub fn get(&self, name: Symbol) -> Option<GlobalId> {
        self.index.get(&name).copied()
    }

    pub fn name(&self, id: GlobalId) -> Symbol {
        self.names[id as usize]
    }

    pub fn len(&self) -> usize {
        self.names.len()
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

/// What a piece of code is; decides its frame's behaviour and its traceback name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    /// The top level of a script (or one REPL input). Its variables are globals.
    Module,
    Function,
    Lambda,
    /// A class body: runs once with a namespace that becomes the class's attributes.
    Class,
    ListComp,
    SetComp,
    DictComp,
    /// A generator expression: a generator function of one parameter (`.0`).
    GenExpr,
}

/// One compiled function body (or module, class body, lambda, comprehension).
#[derive(Debug)]
pub struct Code {
    pub kind: CodeKind,
    /// `f`, `<lambda>`, `<listcomp>`, `<genexpr>`, `<module>`, or the class name.
    pub name: Symbol,
    /// Python's `__qualname__`: `Outer.method.<locals>.inner`.
    pub qualname: String,
    pub params: Params,
    /// Number of local slots (parameters first, then locals, then hidden temporaries).
    pub n_slots: u32,
    /// Name of every slot, for error messages and the desugar printer.
    pub slot_names: Vec<Symbol>,
    /// Slots that hold a fresh cell on entry (variables captured by inner functions).
    /// A parameter listed here has its argument moved into the cell.
    pub cell_slots: Vec<Slot>,
    /// Slots that receive the function's closure cells on entry, in closure order.
    pub free_slots: Vec<Slot>,
    /// For a class body that defines methods using `super()`/`__class__`: the cell slot
    /// that receives the new class once it is built.
    pub class_cell: Option<Slot>,
    pub body: Vec<Stmt>,
    /// Contains `yield`: calling it makes a generator.
    pub is_generator: bool,
    /// Contains a `try` (so also a `with`) or a `yield from`: closing it while suspended
    /// may run Python code (`finally`, `except GeneratorExit`, a sub-iterator's `close`).
    /// A suspended generator without one is closed by simply dropping its frame.
    pub close_runs_code: bool,
    /// Set when the generator's only `yield` sits in a simple top-level loop: resuming
    /// it then runs the loop directly (`interp/resume_loop.rs`) instead of walking the
    /// resume path through `exec_block`. Computed by `lower/loop_yield.rs`.
    pub loop_yield: Option<LoopYield>,
    /// The `def` header (or the lambda / comprehension expression).
    pub span: Span,
    pub source: Rc<SourceFile>,
}

/// Where a generator whose only `yield` (and no `yield from`) is inside a top-level
/// `while` (a lowered `for` included) suspends, for the direct resume of that loop.
///
/// The loop is `body[loop_index]`; `path` leads from its body to the `Yield`: every entry
/// but the last is the index of an `If` with no `else` in the current block (whose
/// `then` is the next block), the last is the index of the `Yield`. Every other
/// statement of those blocks contains no `break`, `continue`, `return` or `yield`
/// (a `ForNext` is allowed only first in the loop's body), so running them can only
/// finish normally, raise, or (that `ForNext`) end the loop.
#[derive(Debug)]
pub struct LoopYield {
    pub loop_index: u32,
    pub path: Vec<u32>,
    /// Some block on the path has statements after its path entry (run after the yield,
    /// or when an `If` on the path is false).
    pub tails: bool,
}

/// Parameter layout. Slots are assigned in this order: `positional` (the first `posonly`
/// of them positional-only), then `vararg`, then `kwonly`, then `kwarg`.
#[derive(Debug, Clone, Default)]
pub struct Params {
    pub posonly: u32,
    pub positional: Vec<Symbol>,
    pub vararg: Option<Symbol>,
    pub kwonly: Vec<Symbol>,
    pub kwarg: Option<Symbol>,
}

impl Params {
    /// Number of slots the parameters occupy.
    pub fn slot_count(&self) -> u32 {
        (self.positional.len()
            + self.vararg.is_some() as usize
            + self.kwonly.len()
            + self.kwarg.is_some() as usize) as u32
    }
    /// Whether `n` positional arguments and nothing else fill exactly these parameters
    /// (no defaults needed, no `*args`, keyword-only or `**kwargs` to build).
    #[inline]
    pub fn takes_exactly(&self, n: usize) -> bool {
        self.positional.len() == n
            && self.vararg.is_none()
            && self.kwonly.is_empty()
            && self.kwarg.is_none()
    }
    pub fn vararg_slot(&self) -> Option<Slot> {
        self.vararg.map(|_| self.positional.len() as Slot)
    }
    pub fn kwonly_slot(&self, i: usize) -> Slot {
        (self.positional.len() + self.vararg.is_some() as usize + i) as Slot
    }
    pub fn kwarg_slot(&self) -> Option<Slot> {
        self.kwarg.map(|_| self.kwonly_slot(self.kwonly.len()))
    }
}

/// A lowered program: the module code plus the global table it was lowered against.
#[derive(Debug)]
pub struct Program {
    pub module: Rc<Code>,
}

#[derive(Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Debug)]
#[repr(u8)]
pub enum StmtKind {
    /// Evaluate and discard.
    Expr(Expr),
    /// `target = value` (a chained `a = b = v` is a temporary plus one `Assign` per target).
    Assign {
        target: Target,
        value: Expr,
    },
    /// `t1, t2 = v1, v2` with equal lengths and no starred items: evaluate every value
    /// left to right, then assign targets left to right. No tuple is built.
    ParallelAssign {
        targets: Vec<Target>,
        values: Vec<Expr>,
    },
    /// `target op= value`. The target's object and index are evaluated once; the
    /// in-place method (`__iadd__` …) is tried before the binary one.
    AugAssign {
        target: Target,
        op: BinOp,
        value: Expr,
    },
    /// `del target` (one target; `del a, b` is two statements).
    Delete(Target),
    If {
        test: Expr,
        then: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// `while test: body else: orelse`; `test: None` is `while True` (a lowered `for`).
    /// `orelse` runs when the test is false or a `ForNext` finds the iterator exhausted,
    /// never after `break`. A `break`/`continue` inside `orelse` belongs to the enclosing loop.
    While {
        test: Option<Expr>,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    /// The lowered `for` step: `try: target = next($it) except StopIteration: <exhausted>`.
    /// Always the first statement of its `While`'s body. On exhaustion the loop ends
    /// (running the `While`'s `orelse`); no `StopIteration` object is made for built-in
    /// iterators or generators.
    ForNext {
        iter: Slot,
        target: Target,
        /// The iterator's class look-up of `__next__`, when it is a user instance.
        site: LookupSite,
    },
    Break,
    Continue,
    Return(Option<Expr>),
    /// `raise` (re-raise the exception being handled), `raise exc`, `raise exc from cause`.
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    Try(Box<Try>),
    /// `target = yield value`. `value: None` yields `None`; `target: None` discards what
    /// `send()` passed in.
    Yield {
        value: Option<Expr>,
        target: Option<Target>,
    },
    /// `target = yield from iterable`. The sub-iterator lives in the hidden slot `sub`
    /// while the generator is suspended inside it.
    YieldFrom {
        iterable: Expr,
        target: Option<Target>,
        sub: Slot,
    },
    /// `assert test, msg`: raises the built-in AssertionError (not a name look-up).
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    /// Comprehension bodies: `$result.append(value)` / `.add` / `[key] = value`.
    ListAppend {
        list: Slot,
        value: Expr,
    },
    SetAdd {
        set: Slot,
        value: Expr,
    },
    DictSet {
        dict: Slot,
        key: Expr,
        value: Expr,
    },
    Pass,
}

#[derive(Debug)]
pub struct Try {
    pub body: Vec<Stmt>,
    pub handlers: Vec<Handler>,
    /// Runs when `body` completes normally.
    pub orelse: Vec<Stmt>,
    /// Runs on every exit; empty when there is no `finally`.
    pub finalbody: Vec<Stmt>,
}

#[derive(Debug)]
pub struct Handler {
    /// The class (or tuple of classes) matched; `None` for a bare `except:`.
    pub class: Option<Expr>,
    /// `as name`: bound on entry and unbound when the handler ends, as Python does.
    pub name: Option<Target>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

/// Where an assignment stores.
#[derive(Debug)]
#[repr(u8)]
pub enum Target {
    Local(Slot),
    /// A variable shared with an inner or outer function: the slot holds a cell.
    Deref(Slot),
    Global(GlobalId),
    /// A name assigned in a class body: stored in the class namespace.
    ClassLocal(Symbol),
    Attr {
        obj: Expr,
        name: Symbol,
        span: Span,
        /// Shared by the read and the store of `obj.name op= v`.
        site: LookupSite,
    },
    Subscript {
        obj: Expr,
        index: Expr,
        span: Span,
    },
    /// `a, *b, c = …`: `star` is the index of the starred target, if any.
    Unpack {
        items: Vec<Target>,
        star: Option<usize>,
        span: Span,
    },
}

#[derive(Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

#[derive(Debug)]
#[repr(u8)]
pub enum ExprKind {
    Const(Value),
    Local(Slot),
    Deref(Slot),
    Global(GlobalId),
    /// A name read in a class body: the class namespace first, then `fallback`
    /// (a `Global` or a `Deref`).
    ClassLoad {
        name: Symbol,
        fallback: Box<Expr>,
    },
    Attr {
        obj: Box<Expr>,
        name: Symbol,
        /// What the class look-up of `name` found the last time this read ran.
        site: LookupSite,
    },
    Subscript {
        obj: Box<Expr>,
        index: Box<Expr>,
    },
    /// `lower:upper:step` inside a subscript; builds a slice object.
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    Call {
        func: Box<Expr>,
        args: Vec<Arg>,
    },
    /// `obj.name(args)`: looks the method up and calls it without making a bound method.
    CallMethod {
        obj: Box<Expr>,
        name: Symbol,
        args: Vec<Arg>,
        site: LookupSite,
    },
    Binary {
        op: BinOp,
        left: Box<Expr>,
        right: Box<Expr>,
        /// The operands' shape, for the evaluator's inline fast path.
        shape: BinaryShape,
    },
    Unary {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    /// One comparison; chains are `And`s of these with `StoreTemp` for shared operands.
    Compare {
        op: CmpOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    /// Short-circuit `and`/`or`: the value of the deciding operand.
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    IfElse {
        test: Box<Expr>,
        then: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `slot := value` (walrus, and hidden temporaries of chained comparisons).
    StoreTemp {
        target: Box<Target>,
        value: Box<Expr>,
    },
    Tuple(Vec<Expr>),
    List(Vec<Expr>),
    Set(Vec<Expr>),
    /// A set display of three or more constants. CPython compiles it to a frozenset
    /// constant (built from the items, then rebuilt in that set's slot order when
    /// constants are merged) copied into a new set; the table is made once, on first
    /// evaluation, so each evaluation is a copy and its order is CPython's.
    ConstSet {
        items: Vec<Expr>,
        table: std::cell::OnceCell<crate::runtime::set::Set>,
    },
    Dict(Vec<(Expr, Expr)>),
    /// A display with `*iterable` / `**mapping` items.
    TupleUnpack(Vec<Elem>),
    ListUnpack(Vec<Elem>),
    SetUnpack(Vec<Elem>),
    DictUnpack(Vec<DictElem>),
    /// Makes a function object: defaults and keyword-only defaults are evaluated now;
    /// `closure` lists the current frame's slots whose cells the function captures.
    MakeFunction(Box<MakeFunction>),
    /// Runs a class body and builds the class.
    MakeClass(Box<MakeClass>),
    /// f-string: the parts' strings concatenated.
    JoinStr(Vec<Expr>),
    /// `{value!conversion:spec}`: `format(conversion(value), spec)`.
    Format {
        value: Box<Expr>,
        conversion: Option<Conversion>,
        spec: Option<Box<Expr>>,
    },
    /// The protocol operation `iter(x)`: not a look-up of the name `iter`.
    Iter(Box<Expr>),
    /// `type(x)` as an operation (used by the `with` expansion).
    TypeOf(Box<Expr>),
    /// Looks `name` up on the type of `obj` and binds it (PEP 343: `type(mgr).__exit__`).
    /// A missing method raises what CPython raises for a `with` on that object.
    SpecialMethod {
        obj: Box<Expr>,
        name: Symbol,
    },
    /// `import name` (the module object).
    Import(Symbol),
    /// `from module import name`: the attribute, or ImportError.
    ImportFrom {
        module: Symbol,
        name: Symbol,
    },
}

#[derive(Debug)]
pub struct MakeFunction {
    pub code: Rc<Code>,
    /// Defaults of the last positional parameters, in order.
    pub defaults: Vec<Expr>,
    pub kwdefaults: Vec<(Symbol, Expr)>,
    pub closure: Vec<Slot>,
}

#[derive(Debug)]
pub struct MakeClass {
    pub code: Rc<Code>,
    pub name: Symbol,
    pub bases: Vec<Expr>,
    pub closure: Vec<Slot>,
}

#[derive(Debug)]
#[repr(u8)]
pub enum Arg {
    Pos(Expr),
    Star(Expr),
    Kw(Symbol, Expr),
    StarStar(Expr),
}

impl Arg {
    /// The expression the argument passes (or unpacks).
    pub fn expr(&self) -> &Expr {
        match self {
            Arg::Pos(x) | Arg::Star(x) | Arg::Kw(_, x) | Arg::StarStar(x) => x,
        }
    }
}

#[derive(Debug)]
pub enum Elem {
    One(Expr),
    Star(Expr),
}

#[derive(Debug)]
pub enum DictElem {
    Pair(Expr, Expr),
    Unpack(Expr),
}

/// What a binary operation's operands are, decided when lowering, so the evaluator
/// can answer the commonest case inline without looking at the operand nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinaryShape {
    /// `local op int-constant` (`n - 1`, `i % 7`): an int in the slot is read in place.
    LocalInt(Slot, i64),
    /// Both operands are variables or constants and one is a cell (`i * j` in a
    /// comprehension whose `i` belongs to the enclosing loop): ints are read in place.
    WithCell,
    /// A tree of int operations over variables and int constants with another such
    /// operation among its operands (`(i * j + r) % 10`, `x * 2 + 1`): folded on the
    /// ints in place, with no `Value` or `Result` per inner node, when every leaf holds
    /// an int and no step needs the general rules; evaluated node by node otherwise
    /// (reading the leaves twice is unobservable: they are plain reads).
    IntTree,
    Other,
}

impl BinaryShape {
    pub fn of(left: &Expr, right: &Expr) -> BinaryShape {
        let plain = |e: &Expr| {
            matches!(
                e.kind,
                ExprKind::Local(_) | ExprKind::Const(_) | ExprKind::Deref(_)
            )
        };
        let nested = |e: &Expr| matches!(e.kind, ExprKind::Binary { .. });
        match (&left.kind, &right.kind) {
            (ExprKind::Local(s), ExprKind::Const(Value::Int(k))) => BinaryShape::LocalInt(*s, *k),
            _ if (nested(left) || nested(right)) && is_int_tree(left) && is_int_tree(right) => {
                BinaryShape::IntTree
            }
            (ExprKind::Deref(_), _) | (_, ExprKind::Deref(_)) if plain(left) && plain(right) => {
                BinaryShape::WithCell
            }
            _ => BinaryShape::Other,
        }
    }
}

/// Whether `e` is a variable, an int constant, or an operation `BinaryShape::IntTree`
/// can fold (`+ - * // % & | ^ >>`) on two such expressions.
fn is_int_tree(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Local(_) | ExprKind::Deref(_) | ExprKind::Const(Value::Int(_)) => true,
        ExprKind::Binary {
            op, left, right, ..
        } => {
            matches!(
                op,
                BinOp::Add
                    | BinOp::Sub
                    | BinOp::Mul
                    | BinOp::FloorDiv
                    | BinOp::Mod
                    | BinOp::BitAnd
                    | BinOp::BitOr
                    | BinOp::BitXor
                    | BinOp::RShift
            ) && is_int_tree(left)
                && is_int_tree(right)
        }
        _ => false,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
    Not,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Conversion {
    Str,
    Repr,
    Ascii,
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }
}

impl Stmt {
    pub fn new(kind: StmtKind, span: Span) -> Stmt {
        Stmt { kind, span }
    }
}

/// Whether `body` contains a `try` or a `yield from` statement at any depth (not counting
/// nested functions, which are separate code objects).
pub fn has_try_or_yield_from(body: &[Stmt]) -> bool {
    body.iter().any(|s| match &s.kind {
        StmtKind::Try(_) | StmtKind::YieldFrom { .. } => true,
        StmtKind::If { then, orelse, .. } => {
            has_try_or_yield_from(then) || has_try_or_yield_from(orelse)
        }
        StmtKind::While { body, orelse, .. } => {
            has_try_or_yield_from(body) || has_try_or_yield_from(orelse)
        }
        _ => false,
    })
}
