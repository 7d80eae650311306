//! `Range` and `Slice`: the arithmetic-progression sequence and slice objects.
//!
//! Owns: their layout and index arithmetic (length, i-th item, slice resolution).
//! Must not touch: iteration state (see `iterators.rs`).

use super::value::Value;

/// `range(start, stop, step)` with 64-bit bounds (step is never 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    /// Number of items, as Python computes it (0 when the range is empty).
    pub fn len(&self) -> u64 {
        let (lo, hi, step) = (self.start as i128, self.stop as i128, self.step as i128);
        if step > 0 && lo < hi {
            ((hi - lo - 1) / step + 1) as u64
        } else if step < 0 && lo > hi {
            ((lo - hi - 1) / (-step) + 1) as u64
        } else {
            0
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The i-th item, `i` already in `0..len`.
    pub fn item(&self, i: u64) -> i64 {
        (self.start as i128 + self.step as i128 * i as i128) as i64
    }

    pub fn contains(&self, v: i64) -> bool {
        let (v, start, stop, step) = (
            v as i128,
            self.start as i128,
            self.stop as i128,
            self.step as i128,
        );
        if step > 0 {
            v >= start && v < stop && (v - start) % step == 0
        } else {
            v <= start && v > stop && (start - v) % (-step) == 0
        }
    }
}

/// `slice(start, stop, step)`; fields are arbitrary values until resolved.
pub struct Slice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

/// A slice resolved against a sequence length: Python's `slice.indices(len)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SliceIndices {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl SliceIndices {
    /// Resolve optional bounds against `len`, as CPython's `PySlice_AdjustIndices`.
    pub fn resolve(start: Option<i64>, stop: Option<i64>, step: i64, len: i64) -> SliceIndices {
        debug_assert!(step != 0);
        let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
        let clamp = |v: Option<i64>, default: i64| match v {
            None => default,
            Some(v) if v < 0 => (v + len).max(lower),
            Some(v) => v.min(upper),
        };
        let start = clamp(start, if step < 0 { upper } else { lower });
        let stop = clamp(stop, if step < 0 { lower } else { upper });
        SliceIndices { start, stop, step }
    }

    /// Number of items the slice selects.
    pub fn len(&self) -> usize {
        let r = Range {
            start: self.start,
            stop: self.stop,
            step: self.step,
        };
        r.len() as usize
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Indexes selected, in order.
    pub fn indices(&self) -> impl Iterator<Item = usize> {
        let s = *self;
        (0..s.len()).map(move |k| (s.start + s.step * k as i64) as usize)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn range_len_matches_python() {
        let r = |start, stop, step| Range { start, stop, step }.len();
        assert_eq!(r(0, 10, 3), 4);
        assert_eq!(r(10, 0, -3), 4);
        assert_eq!(r(5, 5, 1), 0);
        assert_eq!(r(0, -5, 1), 0);
        assert_eq!(r(0, i64::MAX, 1), i64::MAX as u64);
    }

    #[test]
    fn slices_resolve_like_python() {
        let s = SliceIndices::resolve(None, None, -1, 5);
        assert_eq!(s.indices().collect::<Vec<_>>(), vec![4, 3, 2, 1, 0]);
        let s = SliceIndices::resolve(Some(-3), None, 1, 10);
        assert_eq!(s.indices().collect::<Vec<_>>(), vec![7, 8, 9]);
        let s = SliceIndices::resolve(Some(8), Some(2), -2, 10);
        assert_eq!(s.indices().collect::<Vec<_>>(), vec![8, 6, 4]);
    }
}
