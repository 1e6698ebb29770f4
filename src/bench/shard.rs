//! `--shard K/N`: a deterministic 1/N of the program x variant matrix, so that N machines (a CI
//! matrix, a job scheduler) can each run a part and `rceval bench merge` can put them back
//! together. Cells are numbered row by row (programs sorted by name, variants in the order
//! `--variants` gives) and dealt out in turn, so every shard gets a mix of programs and
//! variants and the same command line always gives the same part.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shard {
    /// 1-based, as typed.
    pub index: usize,
    pub count: usize,
}

impl Shard {
    /// The whole matrix.
    pub const WHOLE: Shard = Shard { index: 1, count: 1 };

    /// `K/N` with 1 <= K <= N.
    pub fn parse(text: &str) -> Result<Shard, String> {
        let bad = || format!("{text:?} is not a shard like 2/4 (K/N with 1 <= K <= N)");
        let (k, n) = text.trim().split_once('/').ok_or_else(bad)?;
        let index: usize = k.trim().parse().map_err(|_| bad())?;
        let count: usize = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || count == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }

    /// Whether cell `(program, variant)` of a matrix `variants` wide is this shard's.
    pub fn holds(&self, program: usize, variant: usize, variants: usize) -> bool {
        (program * variants + variant) % self.count == self.index - 1
    }

    pub fn is_whole(&self) -> bool {
        self.count == 1
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_k_of_n_and_refuses_the_impossible() {
        assert_eq!(Shard::parse("2/4").unwrap(), Shard { index: 2, count: 4 });
        for bad in ["0/4", "5/4", "1/0", "2", "a/b", "-1/3"] {
            assert!(Shard::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn shards_cover_every_cell_exactly_once() {
        for count in 1..6 {
            for program in 0..7 {
                for variant in 0..3 {
                    let owners = (1..=count)
                        .filter(|&index| Shard { index, count }.holds(program, variant, 3))
                        .count();
                    assert_eq!(owners, 1);
                }
            }
        }
    }
}
