//! The variants this binary holds: every dispatch strategy × every frame allocator, each a
//! monomorphized instance of the one eval loop. Adding a strategy or an allocator means adding
//! one name to a list here; nothing else changes. Each variant exists once per observer the
//! build has: [`NoObserver`] always, the profiling crate's `Profiler` with any observer feature.

use rceval_interp::runtime::vm::EvalHooks;
use rceval_interp::runtime::{
    ArenaFrames, DataStack311Frames, DataStackFrames, FreeListFrames, HeapFrames, ZombieFrames,
};

use crate::callthread::CallThread;
use crate::observer::{NoObserver, Observer};
use crate::switch::Switch;
use crate::tailcall::Tailcall;

/// `--dispatch predict`: counting its hits and misses only when the `predict-stats` feature
/// asks for it, so the measured build pays nothing for the counters.
#[cfg(feature = "predict-stats")]
pub type Predict = crate::predict::Predict<crate::predict::Counted>;
#[cfg(not(feature = "predict-stats"))]
pub type Predict = crate::predict::Predict<crate::predict::Uncounted>;

/// Whether `--dispatch predict` counts its hits and misses.
pub const PREDICTIONS_COUNTED: bool = cfg!(feature = "predict-stats");

/// Dispatch strategies, by their `--dispatch` names.
pub const DISPATCH_STRATEGIES: &[&str] = &["switch", "tailcall", "predict", "callthread"];

/// Frame allocators, by their `--frames` names.
pub const FRAME_ALLOCATORS: &[&str] = &[
    "heap",
    "freelist",
    "zombie",
    "datastack",
    "datastack311",
    "arena",
];

/// The cargo features this build of the dispatch crate has.
pub const FEATURES: &[&str] = &[
    #[cfg(feature = "predict-stats")]
    "predict-stats",
];

/// The hooks for a named strategy and allocator, with the observer every run of this build
/// has (`NoObserver` unless `stackcheck` or `lltrace` is compiled in); `None` if either name
/// is unknown.
pub fn hooks_for(dispatch: &str, frames: &str) -> Option<EvalHooks> {
    hooks_observed(dispatch, frames, rceval_profiling::ALWAYS_OBSERVED)
}

/// The hooks for a named strategy and allocator, observed by the build's `Profiler` if
/// `observed` and the build has one, else by `NoObserver`.
pub fn hooks_observed(dispatch: &str, frames: &str, observed: bool) -> Option<EvalHooks> {
    #[cfg(any(
        feature = "dxp",
        feature = "lltrace",
        feature = "optiming",
        feature = "callprofile",
        feature = "stackcheck"
    ))]
    if observed {
        return hooks_with::<crate::observer::Profiler>(dispatch, frames);
    }
    let _ = observed;
    hooks_with::<NoObserver>(dispatch, frames)
}

/// The hooks for a named strategy and allocator, observed by `O`.
pub fn hooks_with<O: Observer>(dispatch: &str, frames: &str) -> Option<EvalHooks> {
    macro_rules! with_frames {
        ($d:ty) => {
            match frames {
                "heap" => Some(crate::hooks::<$d, HeapFrames, O>()),
                "freelist" => Some(crate::hooks::<$d, FreeListFrames, O>()),
                "zombie" => Some(crate::hooks::<$d, ZombieFrames, O>()),
                "datastack" => Some(crate::hooks::<$d, DataStackFrames, O>()),
                "datastack311" => Some(crate::hooks::<$d, DataStack311Frames, O>()),
                "arena" => Some(crate::hooks::<$d, ArenaFrames, O>()),
                _ => None,
            }
        };
    }
    match dispatch {
        "switch" => with_frames!(Switch),
        "tailcall" => with_frames!(Tailcall),
        "predict" => with_frames!(Predict),
        "callthread" => with_frames!(CallThread),
        _ => None,
    }
}

/// Every `(dispatch, frames)` pair this binary has.
pub fn all_variants() -> Vec<(&'static str, &'static str)> {
    DISPATCH_STRATEGIES
        .iter()
        .flat_map(|&d| FRAME_ALLOCATORS.iter().map(move |&f| (d, f)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_listed_variant_has_hooks() {
        for (d, f) in all_variants() {
            let hooks = hooks_for(d, f).expect("listed variant");
            assert_eq!((hooks.dispatch_name, hooks.frames_name), (d, f));
        }
        assert!(hooks_for("nope", "heap").is_none());
    }

    /// The default build holds no observer code: `hooks_for` installs the `NoObserver`
    /// instance of every variant (and `Profiler` does not exist to be installed).
    #[cfg(not(any(
        feature = "dxp",
        feature = "lltrace",
        feature = "optiming",
        feature = "callprofile",
        feature = "stackcheck"
    )))]
    #[test]
    fn default_build_runs_only_no_observer() {
        assert!(rceval_profiling::COMPILED_FEATURES.is_empty());
        for (d, f) in all_variants() {
            let installed = hooks_for(d, f).expect("listed variant").eval_frame as usize;
            let plain = hooks_with::<NoObserver>(d, f)
                .expect("listed variant")
                .eval_frame as usize;
            assert_eq!(installed, plain, "{d}/{f}");
            let asked = hooks_observed(d, f, true)
                .expect("listed variant")
                .eval_frame as usize;
            assert_eq!(asked, plain, "{d}/{f}: nothing to observe with");
        }
    }

    /// With an observer feature, asking for observation installs another instance.
    #[cfg(any(
        feature = "dxp",
        feature = "lltrace",
        feature = "optiming",
        feature = "callprofile",
        feature = "stackcheck"
    ))]
    #[test]
    fn observed_variants_are_distinct_instances() {
        for (d, f) in all_variants() {
            let observed = hooks_observed(d, f, true)
                .expect("listed variant")
                .eval_frame as usize;
            let plain = hooks_with::<NoObserver>(d, f)
                .expect("listed variant")
                .eval_frame as usize;
            assert_ne!(observed, plain, "{d}/{f}");
        }
    }
}
