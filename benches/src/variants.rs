//! Which variants a benchmark runs. By default the suite's set: every dispatch strategy with
//! the default frame allocator, plus every other allocator with the default strategy (9 of the
//! 24 pairs), which shows what each strategy and each allocator is worth on its own at a
//! fraction of the cost of the full matrix. `RCEVAL_BENCH_VARIANTS` chooses otherwise.

use std::fmt;

use rceval_dispatch::variants::{DISPATCH_STRATEGIES, FRAME_ALLOCATORS, all_variants};

/// `rceval run`'s defaults (`--dispatch switch --frames heap`, the first of each list): the
/// baseline every other variant in the default set differs from in one dimension.
pub use rceval_dispatch::variants::{DEFAULT_DISPATCH, DEFAULT_FRAMES};

/// The environment variable that picks the variants: `default`, `all`, or a comma-separated
/// list of `DISPATCH/FRAMES` pairs.
pub const VARIANTS_ENV: &str = "RCEVAL_BENCH_VARIANTS";

/// A dispatch strategy × frame allocator pair, by their `rceval run` names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Variant {
    pub dispatch: &'static str,
    pub frames: &'static str,
}

impl fmt::Display for Variant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.dispatch, self.frames)
    }
}

/// Every strategy with the default allocator, then every other allocator with the default
/// strategy.
pub fn default_set() -> Vec<Variant> {
    let by_strategy = DISPATCH_STRATEGIES.iter().map(|&dispatch| Variant {
        dispatch,
        frames: DEFAULT_FRAMES,
    });
    let by_allocator = FRAME_ALLOCATORS
        .iter()
        .filter(|&&frames| frames != DEFAULT_FRAMES)
        .map(|&frames| Variant {
            dispatch: DEFAULT_DISPATCH,
            frames,
        });
    by_strategy.chain(by_allocator).collect()
}

/// Every strategy × allocator pair this build has.
pub fn full_matrix() -> Vec<Variant> {
    all_variants()
        .into_iter()
        .map(|(dispatch, frames)| Variant { dispatch, frames })
        .collect()
}

/// The variants `spec` names (the syntax of [`VARIANTS_ENV`]).
pub fn parse(spec: &str) -> Result<Vec<Variant>, String> {
    match spec.trim() {
        "" | "default" => Ok(default_set()),
        "all" => Ok(full_matrix()),
        list => list.split(',').map(|item| parse_one(item.trim())).collect(),
    }
}

fn parse_one(item: &str) -> Result<Variant, String> {
    let (dispatch, frames) = item
        .split_once('/')
        .ok_or_else(|| format!("variant '{item}' is not DISPATCH/FRAMES"))?;
    let dispatch = DISPATCH_STRATEGIES
        .iter()
        .find(|&&d| d == dispatch)
        .ok_or_else(|| {
            format!(
                "unknown dispatch strategy '{dispatch}' (have {})",
                DISPATCH_STRATEGIES.join(", ")
            )
        })?;
    let frames = FRAME_ALLOCATORS
        .iter()
        .find(|&&f| f == frames)
        .ok_or_else(|| {
            format!(
                "unknown frame allocator '{frames}' (have {})",
                FRAME_ALLOCATORS.join(", ")
            )
        })?;
    Ok(Variant { dispatch, frames })
}

/// The variants [`VARIANTS_ENV`] asks for (the default set when it is unset).
pub fn from_env() -> Result<Vec<Variant>, String> {
    parse(&std::env::var(VARIANTS_ENV).unwrap_or_default())
        .map_err(|e| format!("{VARIANTS_ENV}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_set_varies_one_dimension_from_the_baseline() {
        let set = default_set();
        assert_eq!(
            set.len(),
            DISPATCH_STRATEGIES.len() + FRAME_ALLOCATORS.len() - 1
        );
        for v in &set {
            assert!(
                v.dispatch == DEFAULT_DISPATCH || v.frames == DEFAULT_FRAMES,
                "{v}"
            );
        }
        let baseline = Variant {
            dispatch: DEFAULT_DISPATCH,
            frames: DEFAULT_FRAMES,
        };
        assert_eq!(set.iter().filter(|&&v| v == baseline).count(), 1);
    }

    #[test]
    fn specs_parse_or_name_what_is_wrong() {
        assert_eq!(parse("").unwrap(), default_set());
        assert_eq!(parse("all").unwrap().len(), all_variants().len());
        assert_eq!(
            parse("tailcall/zombie, switch/heap").unwrap(),
            [
                Variant {
                    dispatch: "tailcall",
                    frames: "zombie"
                },
                Variant {
                    dispatch: "switch",
                    frames: "heap"
                }
            ]
        );
        assert!(parse("switch").unwrap_err().contains("DISPATCH/FRAMES"));
        assert!(parse("jit/heap").unwrap_err().contains("'jit'"));
        assert!(parse("switch/gc").unwrap_err().contains("'gc'"));
    }
}
