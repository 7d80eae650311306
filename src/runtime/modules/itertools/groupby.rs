//! `itertools.groupby`: the grouping iterator and the group iterators it hands out,
//! sharing one pull from the input (a group left behind is skipped, as in CPython).
//!
//! Owns: groupby's shared state and stepping. Must not touch: the other tools
//! (`itertools.rs`).

use super::tool;
use crate::interp::Interp;
use crate::runtime::builtins::{arg_count, only_keywords};
use crate::runtime::exception::PyResult;
use crate::runtime::function::Args;
use crate::runtime::iterators::ToolIter;
use crate::runtime::symbol::sym;
use crate::runtime::value::Value;
use std::cell::RefCell;
use std::rc::Rc;

/// State shared by a `groupby` and the group iterators it hands out.
struct GroupState {
    it: Value,
    key: Value,
    target: Option<Value>,
    current_key: Option<Value>,
    current_value: Option<Value>,
    /// Which grouper is live; older groupers are exhausted.
    generation: u64,
}

impl GroupState {
    /// Reads the next value and its key.
    fn step(&mut self, interp: &mut Interp) -> PyResult<bool> {
        let Some(v) = interp.next(&self.it.clone())? else {
            return Ok(false);
        };
        let k = if self.key.is_none() {
            v.clone()
        } else {
            interp.call(&self.key.clone(), std::slice::from_ref(&v), &[])?
        };
        self.current_value = Some(v);
        self.current_key = Some(k);
        Ok(true)
    }
}

struct GroupBy {
    state: Rc<RefCell<GroupState>>,
}

impl ToolIter for GroupBy {
    fn next(&mut self, interp: &mut Interp) -> PyResult<Option<Value>> {
        let shared = self.state.clone();
        let mut st = take_state(&shared);
        st.generation += 1;
        let result = (|| -> PyResult<Option<Value>> {
            loop {
                match (&st.current_key, &st.target) {
                    (None, _) => {}
                    (Some(_), None) => break,
                    (Some(cur), Some(target)) => {
                        let (cur, target) = (cur.clone(), target.clone());
                        if !interp.eq(&target, &cur)? {
                            break;
                        }
                    }
                }
                if !st.step(interp)? {
                    return Ok(None);
                }
            }
            let key = st.current_key.clone().unwrap_or(Value::None);
            st.target = Some(key.clone());
            let grouper = tool(
                "_grouper",
                Grouper {
                    state: shared.clone(),
                    target: key.clone(),
                    generation: st.generation,
                },
            );
            Ok(Some(Value::tuple(vec![key, grouper])))
        })();
        put_state(&shared, st);
        result
    }
}

struct Grouper {
    state: Rc<RefCell<GroupState>>,
    target: Value,
    generation: u64,
}

impl ToolIter for Grouper {
    fn next(&mut self, interp: &mut Interp) -> PyResult<Option<Value>> {
        let shared = self.state.clone();
        let mut st = take_state(&shared);
        let result = (|| -> PyResult<Option<Value>> {
            if st.generation != self.generation {
                return Ok(None);
            }
            if st.current_value.is_none() && !st.step(interp)? {
                return Ok(None);
            }
            let cur = st.current_key.clone().unwrap_or(Value::None);
            if !interp.eq(&self.target, &cur)? {
                return Ok(None);
            }
            Ok(st.current_value.take())
        })();
        put_state(&shared, st);
        result
    }
}

/// Moves the shared state out while Python code may run (a key function could touch it).
fn take_state(shared: &Rc<RefCell<GroupState>>) -> GroupState {
    std::mem::replace(
        &mut *shared.borrow_mut(),
        GroupState {
            it: Value::tuple(vec![]),
            key: Value::None,
            target: None,
            current_key: None,
            current_value: None,
            generation: u64::MAX,
        },
    )
}

fn put_state(shared: &Rc<RefCell<GroupState>>, st: GroupState) {
    *shared.borrow_mut() = st;
}

pub(super) fn groupby(interp: &mut Interp, args: Args) -> PyResult<Value> {
    only_keywords(&args, &["iterable", "key"], "groupby")?;
    arg_count(args.pos, "groupby", 1, 2)?;
    let it = interp.iter(&args.pos[0])?;
    let key = args
        .pos
        .get(1)
        .or(args.kwarg(sym::KEY))
        .cloned()
        .unwrap_or(Value::None);
    let state = GroupState {
        it,
        key,
        target: None,
        current_key: None,
        current_value: None,
        generation: 0,
    };
    Ok(tool(
        "groupby",
        GroupBy {
            state: Rc::new(RefCell::new(state)),
        },
    ))
}
