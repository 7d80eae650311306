//! The numeric view of a `Value`: how arithmetic sees bool, int and float operands.
//!
//! Owns: `Num` (a small int, a big int or a float) and `IntRef` (an int of either size),
//! with the cheap questions asked of them (sign, zero, bit length, conversion to `BigInt`).
//! Must not touch: what operators do (see `arith.rs` and the `*_ops.rs` files).

use crate::runtime::value::Value;
use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

/// A number operand. `True`/`False` are the ints 1 and 0 here; an `i64` that fits is
/// always `Int`, never `Big` (values are normalised by `Value::from_bigint`).
#[derive(Clone, Copy, Debug)]
pub enum Num<'a> {
    Int(i64),
    Big(&'a BigInt),
    Float(f64),
}

impl<'a> Num<'a> {
    /// The operand `v` as a number, or `None` when `v` is not a bool, int or float.
    #[inline]
    pub fn of(v: &'a Value) -> Option<Num<'a>> {
        match v {
            Value::Int(i) => Some(Num::Int(*i)),
            Value::Float(f) => Some(Num::Float(*f)),
            Value::Bool(b) => Some(Num::Int(*b as i64)),
            Value::BigInt(b) => Some(Num::Big(b)),
            _ => None,
        }
    }

    /// The int this operand is, or `None` for a float.
    pub fn int(self) -> Option<IntRef<'a>> {
        match self {
            Num::Int(i) => Some(IntRef::Small(i)),
            Num::Big(b) => Some(IntRef::Big(b)),
            Num::Float(_) => None,
        }
    }
}

/// An int of either representation, borrowed.
#[derive(Clone, Copy, Debug)]
pub enum IntRef<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl<'a> IntRef<'a> {
    /// `v` as an int (bools included), or `None`.
    #[inline]
    pub fn of(v: &'a Value) -> Option<IntRef<'a>> {
        Num::of(v)?.int()
    }

    pub fn to_bigint(self) -> BigInt {
        match self {
            IntRef::Small(i) => BigInt::from(i),
            IntRef::Big(b) => b.clone(),
        }
    }

    pub fn to_i64(self) -> Option<i64> {
        match self {
            IntRef::Small(i) => Some(i),
            IntRef::Big(b) => b.to_i64(),
        }
    }

    pub fn to_u64(self) -> Option<u64> {
        match self {
            IntRef::Small(i) => u64::try_from(i).ok(),
            IntRef::Big(b) => b.to_u64(),
        }
    }

    pub fn is_negative(self) -> bool {
        match self {
            IntRef::Small(i) => i < 0,
            IntRef::Big(b) => b.sign() == Sign::Minus,
        }
    }

    pub fn is_zero(self) -> bool {
        match self {
            IntRef::Small(i) => i == 0,
            IntRef::Big(b) => b.is_zero(),
        }
    }

    pub fn is_odd(self) -> bool {
        match self {
            IntRef::Small(i) => i & 1 == 1,
            IntRef::Big(b) => b.bit(0),
        }
    }

    /// Bits in `abs(self)`: Python's `int.bit_length()`.
    pub fn bits(self) -> u64 {
        match self {
            IntRef::Small(i) => u64::from(64 - i.unsigned_abs().leading_zeros()),
            IntRef::Big(b) => b.bits(),
        }
    }

    /// `abs(self)` as a big int.
    pub fn magnitude(self) -> BigInt {
        match self {
            IntRef::Small(i) => BigInt::from(i.unsigned_abs()),
            IntRef::Big(b) => b.abs(),
        }
    }

    /// The int as a `Value`.
    pub fn to_value(self) -> Value {
        match self {
            IntRef::Small(i) => Value::Int(i),
            IntRef::Big(b) => Value::from_bigint(b.clone()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bools_are_the_ints_zero_and_one() {
        assert!(matches!(Num::of(&Value::Bool(true)), Some(Num::Int(1))));
        assert!(matches!(Num::of(&Value::Bool(false)), Some(Num::Int(0))));
        assert!(Num::of(&Value::None).is_none());
    }

    #[test]
    fn bit_length_matches_python() {
        // (255).bit_length() == 8, (-256).bit_length() == 9, (0).bit_length() == 0
        assert_eq!(IntRef::Small(255).bits(), 8);
        assert_eq!(IntRef::Small(-256).bits(), 9);
        assert_eq!(IntRef::Small(0).bits(), 0);
        assert_eq!(IntRef::Small(i64::MIN).bits(), 64);
    }
}
