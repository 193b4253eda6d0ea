//! A set of event indices kept as one bit per event of the data: an eighth
//! of a byte each, set and cleared in place, listed in ascending order
//! without sorting.

/// A set of indices below a fixed bound, one bit each.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventBits {
    words: Vec<u64>,
}

impl EventBits {
    /// The empty set of indices below `n`.
    pub fn new(n: usize) -> Self {
        Self {
            words: vec![0; n.div_ceil(64)],
        }
    }

    /// The set of `indices`, all below `n`.
    pub fn of(n: usize, indices: &[usize]) -> Self {
        let mut bits = Self::new(n);
        for &i in indices {
            bits.set(i, true);
        }
        bits
    }

    /// Puts `i` in the set (`on`) or takes it out; an index past the bound
    /// is ignored.
    pub fn set(&mut self, i: usize, on: bool) {
        if let Some(word) = self.words.get_mut(i / 64) {
            let bit = 1u64 << (i % 64);
            if on {
                *word |= bit;
            } else {
                *word &= !bit;
            }
        }
    }

    /// How many indices are in the set.
    pub fn len(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Whether the set is empty.
    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|&w| w == 0)
    }

    /// The indices in the set, ascending.
    pub fn to_vec(&self) -> Vec<usize> {
        let mut out = Vec::with_capacity(self.len());
        for (w, &word) in self.words.iter().enumerate() {
            let mut word = word;
            while word != 0 {
                out.push(w * 64 + word.trailing_zeros() as usize);
                word &= word - 1;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_cleared_and_listed_in_order() {
        let mut bits = EventBits::of(200, &[150, 3, 64, 63, 199]);
        assert_eq!(bits.to_vec(), vec![3, 63, 64, 150, 199]);
        bits.set(64, false);
        bits.set(0, true);
        bits.set(500, true);
        assert_eq!(bits.to_vec(), vec![0, 3, 63, 150, 199]);
        assert_eq!(bits.len(), 5);
        assert!(!bits.is_empty() && EventBits::new(10).is_empty());
    }
}
