//! The combinatoric tools of `itertools` (`product`, `permutations`, `combinations`,
//! `combinations_with_replacement`): index vectors over pools, advanced as CPython's.
//!
//! Owns: their construction (with CPython's argument errors) and stepping. Must not
//! touch: the other tools (`itertools.rs`).

use super::tool;
use crate::interp::Interp;
use crate::runtime::builtins::{arg_count, only_keywords};
use crate::runtime::exception::{type_error, value_error, PyResult};
use crate::runtime::function::Args;
use crate::runtime::iterators::ToolIter;
use crate::runtime::value::Value;

enum Combinatoric {
    Product,
    Permutations,
    Combinations,
    CombinationsWithReplacement,
}

struct Indices {
    kind: Combinatoric,
    /// One pool per position for products; a single pool otherwise.
    pools: Vec<Vec<Value>>,
    r: usize,
    indices: Vec<usize>,
    cycles: Vec<usize>,
    started: bool,
    done: bool,
}

impl Indices {
    fn current(&self) -> Value {
        let items = match self.kind {
            Combinatoric::Product => self
                .indices
                .iter()
                .enumerate()
                .map(|(p, &i)| self.pools[p][i].clone())
                .collect(),
            Combinatoric::Permutations => self.indices[..self.r]
                .iter()
                .map(|&i| self.pools[0][i].clone())
                .collect(),
            _ => self
                .indices
                .iter()
                .map(|&i| self.pools[0][i].clone())
                .collect(),
        };
        Value::tuple(items)
    }

    /// Advances to the next index vector; false when there is none.
    fn advance(&mut self) -> bool {
        let n = self.pools.first().map(|p| p.len()).unwrap_or(0);
        let r = self.r;
        match self.kind {
            Combinatoric::Product => {
                for p in (0..self.indices.len()).rev() {
                    self.indices[p] += 1;
                    if self.indices[p] < self.pools[p].len() {
                        return true;
                    }
                    self.indices[p] = 0;
                }
                false
            }
            Combinatoric::Permutations => {
                for i in (0..r).rev() {
                    self.cycles[i] -= 1;
                    if self.cycles[i] == 0 {
                        let moved = self.indices.remove(i);
                        self.indices.push(moved);
                        self.cycles[i] = n - i;
                    } else {
                        let j = self.cycles[i];
                        let len = self.indices.len();
                        self.indices.swap(i, len - j);
                        return true;
                    }
                }
                false
            }
            Combinatoric::Combinations => {
                let Some(i) = (0..r).rev().find(|&i| self.indices[i] != i + n - r) else {
                    return false;
                };
                self.indices[i] += 1;
                for j in i + 1..r {
                    self.indices[j] = self.indices[j - 1] + 1;
                }
                true
            }
            Combinatoric::CombinationsWithReplacement => {
                let Some(i) = (0..r).rev().find(|&i| self.indices[i] != n - 1) else {
                    return false;
                };
                let v = self.indices[i] + 1;
                for j in i..r {
                    self.indices[j] = v;
                }
                true
            }
        }
    }
}

impl ToolIter for Indices {
    fn next(&mut self, _: &mut Interp) -> PyResult<Option<Value>> {
        if self.done {
            return Ok(None);
        }
        if self.started && !self.advance() {
            self.done = true;
            return Ok(None);
        }
        self.started = true;
        Ok(Some(self.current()))
    }
}

fn new_indices(kind: Combinatoric, pools: Vec<Vec<Value>>, r: usize) -> Indices {
    let n = pools.first().map(|p| p.len()).unwrap_or(0);
    let (indices, cycles, done) = match kind {
        Combinatoric::Product => (
            vec![0; pools.len()],
            vec![],
            pools.iter().any(|p| p.is_empty()),
        ),
        Combinatoric::Permutations => ((0..n).collect(), (0..r).map(|i| n - i).collect(), r > n),
        Combinatoric::Combinations => ((0..r).collect(), vec![], r > n),
        Combinatoric::CombinationsWithReplacement => (vec![0; r], vec![], n == 0 && r > 0),
    };
    Indices {
        kind,
        pools,
        r,
        indices,
        cycles,
        started: false,
        done,
    }
}

/// The pool and `r` of `permutations`/`combinations*(iterable, r)`, checked in
/// CPython's order: keywords, argument count, the iterable (read whole), then `r`
/// (`None` when absent or `None`; a negative `r` is a ValueError).
fn pool_and_r(
    interp: &mut Interp,
    args: &Args,
    name: &str,
) -> PyResult<(Vec<Value>, Option<usize>)> {
    only_keywords(args, &["iterable", "r"], name)?;
    arg_count(args.pos, name, 1, 2)?;
    let pool = interp.collect(&args.pos[0])?;
    let r = match args.pos.get(1).or(args.kwarg_named("r")) {
        None | Some(Value::None) => None,
        Some(v) => {
            let r = crate::runtime::builtins::int_arg(v, "")?;
            if r < 0 {
                return value_error("r must be non-negative");
            }
            Some(r as usize)
        }
    };
    Ok((pool, r))
}

pub(super) fn product(interp: &mut Interp, args: Args) -> PyResult<Value> {
    only_keywords(&args, &["repeat"], "product")?;
    let repeat = match args.kwarg_named("repeat") {
        Some(v) => crate::runtime::builtins::int_arg(v, "")?,
        None => 1,
    };
    if repeat < 0 {
        return value_error("repeat argument cannot be negative");
    }
    let mut base = Vec::with_capacity(args.pos.len());
    for v in args.pos {
        base.push(interp.collect(v)?);
    }
    let mut pools = Vec::new();
    for _ in 0..repeat {
        pools.extend(base.iter().cloned());
    }
    let r = pools.len();
    Ok(tool(
        "product",
        new_indices(Combinatoric::Product, pools, r),
    ))
}

pub(super) fn permutations(interp: &mut Interp, args: Args) -> PyResult<Value> {
    let (pool, r) = pool_and_r(interp, &args, "permutations")?;
    let r = r.unwrap_or(pool.len());
    Ok(tool(
        "permutations",
        new_indices(Combinatoric::Permutations, vec![pool], r),
    ))
}

pub(super) fn combinations(interp: &mut Interp, args: Args) -> PyResult<Value> {
    choose(interp, args, "combinations", Combinatoric::Combinations)
}

pub(super) fn combinations_with_replacement(interp: &mut Interp, args: Args) -> PyResult<Value> {
    choose(
        interp,
        args,
        "combinations_with_replacement",
        Combinatoric::CombinationsWithReplacement,
    )
}

/// `combinations` and `combinations_with_replacement`, whose `r` is required.
fn choose(
    interp: &mut Interp,
    args: Args,
    name: &'static str,
    kind: Combinatoric,
) -> PyResult<Value> {
    let (pool, r) = pool_and_r(interp, &args, name)?;
    let Some(r) = r else {
        return type_error(format!("{name}() missing required argument 'r' (pos 2)"));
    };
    Ok(tool(name, new_indices(kind, vec![pool], r)))
}
