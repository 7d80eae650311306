//! Hashing with Python's semantics, and the `KeyOps` the dict and set tables use.
//!
//! Owns: `hash(v)` for every kind of value (numbers alike across int/float/bool, cached
//! string hashes, tuples from their items, identity for plain objects, user `__hash__`,
//! `unhashable type` errors) and key equality for tables.
//! Must not touch: the hash algorithms themselves (`runtime/num/`), the tables.

use super::Interp;
use crate::runtime::dict::KeyOps;
use crate::runtime::exception::{type_error, PyResult};
use crate::runtime::num;
use crate::runtime::symbol::sym;
use crate::runtime::value::Value;

/// CPython's `_Py_HashPointer`: the address rotated right by 4 bits.
pub fn hash_identity(v: &Value) -> i64 {
    let p = v.identity() as u64;
    let h = p.rotate_right(4) as i64;
    if h == -1 {
        -2
    } else {
        h
    }
}

impl Interp {
    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        match v {
            Value::Str(s) => Ok(match s.cached_hash() {
                Some(h) => h,
                None => {
                    let h = num::hash_str(s.as_str());
                    s.set_cached_hash(h);
                    h
                }
            }),
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_) => {
                Ok(num::hash_number(v).unwrap_or(0))
            }
            Value::Tuple(t) => {
                let mut hashes = Vec::with_capacity(t.len());
                for item in t.as_slice() {
                    hashes.push(self.hash(item)?);
                }
                Ok(num::hash_tuple(&hashes))
            }
            Value::Set(s) if s.frozen => Ok(s.frozen_hash()),
            Value::List(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::DictView(_)
            | Value::Slice(_) => unhashable(v),
            Value::Instance(inst) => match inst.class.lookup(sym::HASH) {
                Some(Value::None) => unhashable(v),
                Some(m) => match self.call(&m, std::slice::from_ref(v), &[])? {
                    Value::Int(h) => Ok(if h == -1 { -2 } else { h }),
                    Value::Bool(b) => Ok(b as i64),
                    big @ Value::BigInt(_) => Ok(num::hash_number(&big).unwrap_or(0)),
                    _ => type_error("__hash__ method should return an integer"),
                },
                None => Ok(hash_identity(v)),
            },
            _ => Ok(hash_identity(v)),
        }
    }
}

fn unhashable<T>(v: &Value) -> PyResult<T> {
    type_error(format!("unhashable type: '{}'", v.type_name()))
}

impl KeyOps for Interp {
    fn hash_key(&mut self, key: &Value) -> PyResult<i64> {
        self.hash(key)
    }

    fn eq_keys(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        self.eq(a, b)
    }
}
