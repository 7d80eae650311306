//! `Probe`: CPython's open-addressing probe order, shared by the dict and set tables.
//!
//! Owns: the sequence of slots a key with a given hash visits in a table of `mask + 1`
//! slots: the slot `hash & mask`, then (for sets) a run of linear neighbours, then a jump
//! `i = 5*i + 1 + perturb` with `perturb` shifted right by 5 bits each time, exactly as
//! `Objects/setobject.c` and `Objects/dictobject.c` do, so that a set's slot order (its
//! iteration order) is CPython's.
//! Must not touch: what a slot holds or how keys compare (the tables do that).

/// How many neighbours a set probe visits after its home slot before jumping
/// (CPython's `LINEAR_PROBES`); dicts jump at once.
pub const SET_LINEAR_PROBES: usize = 9;
pub const DICT_LINEAR_PROBES: usize = 0;

const PERTURB_SHIFT: u32 = 5;

pub struct Probe {
    /// The slot being visited.
    slot: usize,
    /// Where the current run of linear probes started (the `i` of CPython's loop).
    run_start: usize,
    run_left: usize,
    perturb: u64,
    mask: usize,
    linear: usize,
}

impl Probe {
    pub fn new(hash: i64, mask: usize, linear: usize) -> Probe {
        let start = (hash as u64 as usize) & mask;
        Probe {
            slot: start,
            run_start: start,
            run_left: run_length(start, mask, linear),
            perturb: hash as u64,
            mask,
            linear,
        }
    }

    #[inline]
    pub fn slot(&self) -> usize {
        self.slot
    }

    #[inline]
    pub fn advance(&mut self) {
        if self.run_left > 0 {
            self.run_left -= 1;
            self.slot += 1;
            return;
        }
        self.perturb >>= PERTURB_SHIFT;
        let next = self
            .run_start
            .wrapping_mul(5)
            .wrapping_add(1)
            .wrapping_add(self.perturb as usize)
            & self.mask;
        self.run_start = next;
        self.slot = next;
        self.run_left = run_length(next, self.mask, self.linear);
    }
}

/// CPython probes the run only when it fits before the end of the table.
#[inline]
fn run_length(start: usize, mask: usize, linear: usize) -> usize {
    if linear > 0 && start + linear <= mask {
        linear
    } else {
        0
    }
}

/// The smallest power of two above `minused`, at least `min_size` (CPython's resize rule).
pub fn table_size_above(minused: usize, min_size: usize) -> usize {
    let mut size = min_size;
    while size <= minused {
        size <<= 1;
    }
    size
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_slots(hash: i64, mask: usize, linear: usize, n: usize) -> Vec<usize> {
        let mut p = Probe::new(hash, mask, linear);
        let mut out = Vec::new();
        for _ in 0..n {
            out.push(p.slot());
            p.advance();
        }
        out
    }

    #[test]
    fn set_probe_runs_ten_neighbours_then_jumps() {
        // 31 slots: home 3, neighbours 4..=12, then 5*3 + 1 + (3 >> 5) = 16.
        assert_eq!(
            first_slots(3, 31, SET_LINEAR_PROBES, 11),
            vec![3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 16]
        );
    }

    #[test]
    fn a_run_that_would_pass_the_end_is_skipped() {
        // Home 5 in an 8-slot table: 5 + 9 > 7, so it jumps at once: 5*5 + 1 = 26 & 7 = 2.
        assert_eq!(first_slots(5, 7, SET_LINEAR_PROBES, 2), vec![5, 2]);
    }

    #[test]
    fn dict_probe_mixes_in_high_bits() {
        let h: i64 = 1 << 40;
        let slots = first_slots(h, 7, DICT_LINEAR_PROBES, 10);
        assert_eq!(slots[0], 0);
        assert!(slots.iter().any(|&s| s != 0 && s != 1));
    }

    #[test]
    fn sizes_are_powers_of_two_above_the_count() {
        assert_eq!(table_size_above(0, 8), 8);
        assert_eq!(table_size_above(8, 8), 16);
        assert_eq!(table_size_above(20, 8), 32);
    }
}
