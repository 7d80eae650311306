//! The `itertools` module: lazy iterator building blocks, as CPython's.
//!
//! Owns: each tool's construction (with CPython's argument errors) and stepping, as
//! `ToolIter`s: a tool pulls from its inputs only when asked, so evaluation order and
//! partial consumption match CPython (`islice` never reads past its stop).
//! Must not touch: the built-in iterators (`runtime/builtins/lazy_iterators.rs`).

use crate::interp::Interp;
use crate::runtime::builtins::{arg_count, builtin_fn, no_keywords, only_keywords};
use crate::runtime::class::{AttrTable, BuiltinType};
use crate::runtime::exception::{type_error, value_error, PyResult};
use crate::runtime::function::{Args, NativeFunction};
use crate::runtime::iterators::{BuiltinIter, IterState, ToolIter};
use crate::runtime::module::Module;
use crate::runtime::symbol::{sym, Symbol};
use crate::runtime::types::types;
use crate::runtime::value::Value;
use crate::syntax::ast::BinOp;
use std::cell::RefCell;
use std::rc::Rc;

mod combinatorics;
mod groupby;

use combinatorics::{combinations, combinations_with_replacement, permutations, product};
use groupby::groupby;

builtin_fn!(COUNT, "count", "count(start=0, step=1)", count);
builtin_fn!(CYCLE, "cycle", "cycle(iterable, /)", cycle);
builtin_fn!(REPEAT, "repeat", "repeat(object[, times])", repeat);
builtin_fn!(
    ACCUMULATE,
    "accumulate",
    "accumulate(iterable[, func, *, initial=None])",
    accumulate
);
builtin_fn!(CHAIN, "chain", "chain(*iterables)", chain);
builtin_fn!(
    CHAIN_FROM_ITERABLE,
    "from_iterable",
    "chain.from_iterable(iterable, /)",
    chain_from_iterable
);
builtin_fn!(COMPRESS, "compress", "compress(data, selectors)", compress);
builtin_fn!(
    DROPWHILE,
    "dropwhile",
    "dropwhile(predicate, iterable, /)",
    dropwhile
);
builtin_fn!(
    TAKEWHILE,
    "takewhile",
    "takewhile(predicate, iterable, /)",
    takewhile
);
builtin_fn!(
    FILTERFALSE,
    "filterfalse",
    "filterfalse(function, iterable, /)",
    filterfalse
);
builtin_fn!(GROUPBY, "groupby", "groupby(iterable, key=None)", groupby);
builtin_fn!(
    ISLICE,
    "islice",
    "islice(iterable, stop) or islice(iterable, start, stop[, step])",
    islice
);
builtin_fn!(
    STARMAP,
    "starmap",
    "starmap(function, iterable, /)",
    starmap
);
builtin_fn!(TEE, "tee", "tee(iterable, n=2, /)", tee);
builtin_fn!(
    ZIP_LONGEST,
    "zip_longest",
    "zip_longest(*iterables, fillvalue=None)",
    zip_longest
);
builtin_fn!(PRODUCT, "product", "product(*iterables, repeat=1)", product);
builtin_fn!(
    PERMUTATIONS,
    "permutations",
    "permutations(iterable, r=None)",
    permutations
);
builtin_fn!(
    COMBINATIONS,
    "combinations",
    "combinations(iterable, r)",
    combinations
);
builtin_fn!(
    COMBINATIONS_WITH_REPLACEMENT,
    "combinations_with_replacement",
    "combinations_with_replacement(iterable, r)",
    combinations_with_replacement
);
builtin_fn!(PAIRWISE, "pairwise", "pairwise(iterable, /)", pairwise);

static FUNCTIONS: &[&NativeFunction] = &[
    &COUNT,
    &CYCLE,
    &REPEAT,
    &ACCUMULATE,
    &COMPRESS,
    &DROPWHILE,
    &TAKEWHILE,
    &FILTERFALSE,
    &GROUPBY,
    &ISLICE,
    &STARMAP,
    &TEE,
    &ZIP_LONGEST,
    &PRODUCT,
    &PERMUTATIONS,
    &COMBINATIONS,
    &COMBINATIONS_WITH_REPLACEMENT,
    &PAIRWISE,
];

pub fn module() -> Value {
    let mut attrs = AttrTable::new();
    for f in FUNCTIONS {
        attrs.set(Symbol::intern(f.name), Value::Native(f));
    }
    // `chain` is a class: it has the alternate constructor `chain.from_iterable`.
    let chain_class = types().named("chain", BuiltinType::Iterator);
    {
        let mut c = chain_class.attrs_mut();
        c.set(sym::NEW, Value::Native(&CHAIN));
        c.set(
            Symbol::intern("from_iterable"),
            Value::Native(&CHAIN_FROM_ITERABLE),
        );
    }
    attrs.set(Symbol::intern("chain"), Value::Class(chain_class));
    attrs.set(sym::NAME, Value::str("itertools"));
    Value::Module(Rc::new(Module {
        name: Symbol::intern("itertools"),
        attrs: RefCell::new(attrs),
    }))
}

pub(super) fn tool(name: &'static str, t: impl ToolIter + 'static) -> Value {
    BuiltinIter::value(name, IterState::Tool(Box::new(t)))
}

// ---- count, cycle, repeat ----

struct Count {
    next: Value,
    step: Value,
}

impl ToolIter for Count {
    fn next(&mut self, interp: &mut Interp) -> PyResult<Option<Value>> {
        let v = self.next.clone();
        self.next = interp.binary(BinOp::Add, &v, &self.step)?;
        Ok(Some(v))
    }
}

fn is_number(v: &Value) -> bool {
    matches!(
        v,
        Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Bool(_)
    )
}

fn count(_: &mut Interp, args: Args) -> PyResult<Value> {
    only_keywords(&args, &["start", "step"], "count")?;
    arg_count(args.pos, "count", 0, 2)?;
    let start = args
        .pos
        .first()
        .or(args.kwarg(sym::START))
        .cloned()
        .unwrap_or(Value::Int(0));
    let step = args
        .pos
        .get(1)
        .or(args.kwarg_named("step"))
        .cloned()
        .unwrap_or(Value::Int(1));
    if !is_number(&start) || !is_number(&step) {
        return type_error("a number is required");
    }
    Ok(tool("count", Count { next: start, step }))
}

struct Cycle {
    it: Option<Value>,
    saved: Vec<Value>,
    index: usize,
}

impl ToolIter for Cycle {
    fn next(&mut self, interp: &mut Interp) -> PyResult<Option<Value>> {
        if let Some(it) = &self.it {
            if let Some(v) = interp.next(it)? {
                self.saved.push(v.clone());
                return Ok(Some(v));
            }
            self.it = None;
        }
        if self.saved.is_empty() {
            return Ok(None);
        }
        let v = self.saved[self.index % self.saved.len()].clone();
        self.index = (self.index + 1) % self.saved.len();
        Ok(Some(v))
    }
}

fn cycle(interp: &mut Interp, args: Args) -> PyResult<Value> {
    no_keywords(&args, "cycle")?;
    arg_count(args.pos, "cycle", 1, 1)?;
    let it = interp.iter(&args.pos[0])?;
    Ok(tool(
        "cycle",
        Cycle {
            it: Some(it),
            saved: Vec::new(),
            index: 0,
        },
    ))
}

struct Repeat {
    value: Value,
    times: Option<i64>,
}

impl ToolIter for Repeat {
    fn next(&mut self, _: &mut Interp) -> PyResult<Option<Value>> {
        match &mut self.times {
            Some(0) => Ok(None),
            Some(n) => {
                *n -= 1;
                Ok(Some(self.value.clone()))
            }
            None => Ok(Some(self.value.clone())),
        }
    }
}

fn repeat(_: &mut Interp, args: Args) -> PyResult<Value> {
    only_keywords(&args, &["object", "times"], "repeat")?;
    arg_count(args.pos, "repeat", 1, 2)?;
    let times = match args.pos.get(1).or(args.kwarg_named("times")) {
        Some(t) => Some(crate::runtime::builtins::int_arg(t, "")?.max(0)),
        None => None,
    };
    Ok(tool(
        "repeat",
        Repeat {
            value: args.pos[0].clone(),
            times,
        },
    ))
}

// ---- accumulate, chain, compress, dropwhile, takewhile, filterfalse, starmap ----

struct Accumulate {
    it: Value,
    func: Value,
    total: Option<Value>,
    initial: Option<Value>,
}

impl ToolIter for Accumulate {
    fn next(&mut self, interp: &mut Interp) -> PyResult<Option<Value>> {
        if let Some(first) = self.initial.take() {
            self.total = Some(first.clone());
            return Ok(Some(first));
        }
        let Some(x) = interp.next(&self.it)? else {
            return Ok(None);
        };
        let total = match self.total.take() {
            None => x,
            Some(t) if self.func.is_none() => interp.binary(BinOp::Add, &t, &x)?,
            Some(t) => interp.call(&self.func, &[t, x], &[])?,
        };
        self.total = Some(total.clone());
        Ok(Some(total))
    }
}

fn accumulate(interp: &mut Interp, args: Args) -> PyResult<Value> {
    only_keywords(&args, &["iterable", "func", "initial"], "accumulate")?;
    arg_count(args.pos, "accumulate", 1, 2)?;
    let it = interp.iter(&args.pos[0])?;
    let func = args
        .pos
        .get(1)
        .or(args.kwarg_named("func"))
        .cloned()
        .unwrap_or(Value::None);
    let initial = args
        .kwarg_named("initial")
        .cloned()
        .filter(|v| !v.is_none());
    Ok(tool(
        "accumulate",
        Accumulate {
            it,
            func,
            total: None,
            initial,
        },
    ))
}

/// `chain`: the current input, then the inputs still to come (themselves an iterator).
struct Chain {
    sources: Value,
    current: Option<Value>,
}

impl ToolIter for Chain {
    fn next(&mut self, interp: &mut Interp) -> PyResult<Option<Value>> {
        loop {
            if let Some(cur) = &self.current {
                if let Some(v) = interp.next(cur)? {
                    return Ok(Some(v));
                }
                self.current = None;
            }
            match interp.next(&self.sources)? {
                Some(src) => self.current = Some(interp.iter(&src)?),
                None => return Ok(None),
            }
        }
    }
}

fn chain(interp: &mut Interp, args: Args) -> PyResult<Value> {
    // Called as the class: the first argument may be the class itself.
    let pos = match args.pos.first() {
        Some(Value::Class(c)) if c.name.as_str() == "chain" => &args.pos[1..],
        _ => args.pos,
    };
    no_keywords(&args, "chain")?;
    let sources = interp.iter(&Value::tuple(pos.to_vec()))?;
    Ok(tool(
        "chain",
        Chain {
            sources,
            current: None,
        },
    ))
}

fn chain_from_iterable(interp: &mut Interp, args: Args) -> PyResult<Value> {
    no_keywords(&args, "from_iterable")?;
    arg_count(args.pos, "from_iterable", 1, 1)?;
    let sources = interp.iter(&args.pos[0])?;
    Ok(tool(
        "chain",
        Chain {
            sources,
            current: None,
        },
    ))
}

struct Compress {
    data: Value,
    selectors: Value,
}

impl ToolIter for Compress {
    fn next(&mut self, interp: &mut Interp) -> PyResult<Option<Value>> {
        loop {
            let Some(d) = interp.next(&self.data)? else {
                return Ok(None);
            };
            let Some(s) = interp.next(&self.selectors)? else {
                return Ok(None);
            };
            if interp.truthy(&s)? {
                return Ok(Some(d));
            }
        }
    }
}

fn compress(interp: &mut Interp, args: Args) -> PyResult<Value> {
    only_keywords(&args, &["data", "selectors"], "compress")?;
    arg_count(args.pos, "compress", 2, 2)?;
    let data = interp.iter(&args.pos[0])?;
    let selectors = interp.iter(&args.pos[1])?;
    Ok(tool("compress", Compress { data, selectors }))
}

/// `dropwhile`, `takewhile`, `filterfalse`: a predicate over one input.
#[derive(Clone, Copy, PartialEq)]
enum PredicateKind {
    DropWhile,
    TakeWhile,
    FilterFalse,
}

struct Predicated {
    kind: PredicateKind,
    pred: Value,
    it: Value,
    /// dropwhile: the predicate has failed once; takewhile: it has failed (stop).
    switched: bool,
}

impl ToolIter for Predicated {
    fn next(&mut self, interp: &mut Interp) -> PyResult<Option<Value>> {
        if self.kind == PredicateKind::TakeWhile && self.switched {
            return Ok(None);
        }
        loop {
            let Some(x) = interp.next(&self.it)? else {
                return Ok(None);
            };
            if self.kind == PredicateKind::DropWhile && self.switched {
                return Ok(Some(x));
            }
            let ok = if self.pred.is_none() {
                interp.truthy(&x)?
            } else {
                let r = interp.call(&self.pred, std::slice::from_ref(&x), &[])?;
                interp.truthy(&r)?
            };
            match self.kind {
                PredicateKind::DropWhile if !ok => {
                    self.switched = true;
                    return Ok(Some(x));
                }
                PredicateKind::DropWhile => {}
                PredicateKind::TakeWhile if ok => return Ok(Some(x)),
                PredicateKind::TakeWhile => {
                    self.switched = true;
                    return Ok(None);
                }
                PredicateKind::FilterFalse if !ok => return Ok(Some(x)),
                PredicateKind::FilterFalse => {}
            }
        }
    }
}

fn predicated(
    interp: &mut Interp,
    args: Args,
    name: &'static str,
    kind: PredicateKind,
) -> PyResult<Value> {
    no_keywords(&args, name)?;
    arg_count(args.pos, name, 2, 2)?;
    let it = interp.iter(&args.pos[1])?;
    Ok(tool(
        name,
        Predicated {
            kind,
            pred: args.pos[0].clone(),
            it,
            switched: false,
        },
    ))
}

fn dropwhile(interp: &mut Interp, args: Args) -> PyResult<Value> {
    predicated(interp, args, "dropwhile", PredicateKind::DropWhile)
}

fn takewhile(interp: &mut Interp, args: Args) -> PyResult<Value> {
    predicated(interp, args, "takewhile", PredicateKind::TakeWhile)
}

fn filterfalse(interp: &mut Interp, args: Args) -> PyResult<Value> {
    predicated(interp, args, "filterfalse", PredicateKind::FilterFalse)
}

struct Starmap {
    func: Value,
    it: Value,
}

impl ToolIter for Starmap {
    fn next(&mut self, interp: &mut Interp) -> PyResult<Option<Value>> {
        let Some(x) = interp.next(&self.it)? else {
            return Ok(None);
        };
        let call_args = interp.collect(&x)?;
        interp.call(&self.func, &call_args, &[]).map(Some)
    }
}

fn starmap(interp: &mut Interp, args: Args) -> PyResult<Value> {
    no_keywords(&args, "starmap")?;
    arg_count(args.pos, "starmap", 2, 2)?;
    let it = interp.iter(&args.pos[1])?;
    Ok(tool(
        "starmap",
        Starmap {
            func: args.pos[0].clone(),
            it,
        },
    ))
}

// ---- islice ----

/// CPython's islice: `next` is the index of the next item to return, `count` how many
/// items were read; it never reads past `stop`.
struct Islice {
    it: Option<Value>,
    next: usize,
    stop: Option<usize>,
    step: usize,
    count: usize,
}

impl ToolIter for Islice {
    fn next(&mut self, interp: &mut Interp) -> PyResult<Option<Value>> {
        let Some(it) = self.it.clone() else {
            return Ok(None);
        };
        while self.count < self.next {
            if interp.next(&it)?.is_none() {
                self.it = None;
                return Ok(None);
            }
            self.count += 1;
        }
        if self.stop.is_some_and(|s| self.count >= s) {
            self.it = None;
            return Ok(None);
        }
        let Some(item) = interp.next(&it)? else {
            self.it = None;
            return Ok(None);
        };
        self.count += 1;
        self.next = self.next.saturating_add(self.step);
        if let Some(s) = self.stop {
            if self.next > s {
                self.next = s;
            }
        }
        Ok(Some(item))
    }
}

fn islice_index(v: &Value, message: &str) -> PyResult<Option<usize>> {
    match v {
        Value::None => Ok(None),
        Value::Int(i) if *i >= 0 => Ok(Some(*i as usize)),
        Value::Bool(b) => Ok(Some(*b as usize)),
        _ => value_error(message),
    }
}

fn islice(interp: &mut Interp, args: Args) -> PyResult<Value> {
    no_keywords(&args, "islice")?;
    arg_count(args.pos, "islice", 2, 4)?;
    let stop_msg = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let index_msg = "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    let (start, stop, step) = match &args.pos[1..] {
        [stop] => (0, islice_index(stop, stop_msg)?, 1),
        [start, stop, rest @ ..] => {
            let stop = islice_index(stop, stop_msg)?;
            let start = islice_index(start, index_msg)?.unwrap_or(0);
            let step = match rest.first() {
                None | Some(Value::None) => 1,
                Some(Value::Int(s)) if *s > 0 => *s as usize,
                Some(_) => {
                    return value_error("Step for islice() must be a positive integer or None.")
                }
            };
            (start, stop, step)
        }
        _ => unreachable!("argument count checked"),
    };
    let it = interp.iter(&args.pos[0])?;
    Ok(tool(
        "islice",
        Islice {
            it: Some(it),
            next: start,
            stop,
            step,
            count: 0,
        },
    ))
}

// ---- tee, zip_longest, pairwise ----

/// Items read from the shared input but not yet seen by every copy.
struct TeeShared {
    it: Value,
    buffer: Vec<Value>,
    /// Index in the conceptual stream of `buffer[0]`.
    offset: usize,
    positions: Vec<usize>,
}

struct Tee {
    shared: Rc<RefCell<TeeShared>>,
    id: usize,
}

impl ToolIter for Tee {
    fn next(&mut self, interp: &mut Interp) -> PyResult<Option<Value>> {
        let (pos, offset, have) = {
            let sh = self.shared.borrow();
            (sh.positions[self.id], sh.offset, sh.buffer.len())
        };
        let item = if pos - offset < have {
            self.shared.borrow().buffer[pos - offset].clone()
        } else {
            let it = self.shared.borrow().it.clone();
            let Some(v) = interp.next(&it)? else {
                return Ok(None);
            };
            self.shared.borrow_mut().buffer.push(v.clone());
            v
        };
        let mut sh = self.shared.borrow_mut();
        sh.positions[self.id] = pos + 1;
        let min = sh.positions.iter().copied().min().unwrap_or(0);
        let drop_count = min.saturating_sub(sh.offset).min(sh.buffer.len());
        sh.buffer.drain(..drop_count);
        sh.offset += drop_count;
        Ok(Some(item))
    }
}

fn tee(interp: &mut Interp, args: Args) -> PyResult<Value> {
    no_keywords(&args, "tee")?;
    arg_count(args.pos, "tee", 1, 2)?;
    let n = match args.pos.get(1) {
        Some(v) => crate::runtime::builtins::int_arg(v, "")?,
        None => 2,
    };
    if n < 0 {
        return value_error("n must be >= 0");
    }
    let it = interp.iter(&args.pos[0])?;
    let shared = Rc::new(RefCell::new(TeeShared {
        it,
        buffer: Vec::new(),
        offset: 0,
        positions: vec![0; n as usize],
    }));
    let copies = (0..n as usize)
        .map(|id| {
            tool(
                "_tee",
                Tee {
                    shared: shared.clone(),
                    id,
                },
            )
        })
        .collect();
    Ok(Value::tuple(copies))
}

struct ZipLongest {
    iters: Vec<Option<Value>>,
    fill: Value,
    active: usize,
}

impl ToolIter for ZipLongest {
    fn next(&mut self, interp: &mut Interp) -> PyResult<Option<Value>> {
        if self.iters.is_empty() || self.active == 0 {
            return Ok(None);
        }
        let mut items = Vec::with_capacity(self.iters.len());
        for slot in self.iters.iter_mut() {
            let v = match slot {
                Some(it) => match interp.next(it)? {
                    Some(v) => v,
                    None => {
                        *slot = None;
                        self.active -= 1;
                        if self.active == 0 {
                            return Ok(None);
                        }
                        self.fill.clone()
                    }
                },
                None => self.fill.clone(),
            };
            items.push(v);
        }
        Ok(Some(Value::tuple(items)))
    }
}

fn zip_longest(interp: &mut Interp, args: Args) -> PyResult<Value> {
    only_keywords(&args, &["fillvalue"], "zip_longest")?;
    let fill = args
        .kwarg_named("fillvalue")
        .cloned()
        .unwrap_or(Value::None);
    let mut iters = Vec::with_capacity(args.pos.len());
    for v in args.pos {
        iters.push(Some(interp.iter(v)?));
    }
    let active = iters.len();
    Ok(tool(
        "zip_longest",
        ZipLongest {
            iters,
            fill,
            active,
        },
    ))
}

struct Pairwise {
    it: Value,
    prev: Option<Value>,
}

impl ToolIter for Pairwise {
    fn next(&mut self, interp: &mut Interp) -> PyResult<Option<Value>> {
        if self.prev.is_none() {
            match interp.next(&self.it)? {
                Some(v) => self.prev = Some(v),
                None => return Ok(None),
            }
        }
        let Some(v) = interp.next(&self.it)? else {
            return Ok(None);
        };
        let prev = self.prev.replace(v.clone()).unwrap_or(Value::None);
        Ok(Some(Value::tuple(vec![prev, v])))
    }
}

fn pairwise(interp: &mut Interp, args: Args) -> PyResult<Value> {
    no_keywords(&args, "pairwise")?;
    arg_count(args.pos, "pairwise", 1, 1)?;
    let it = interp.iter(&args.pos[0])?;
    Ok(tool("pairwise", Pairwise { it, prev: None }))
}
