//! The variants this binary holds: every dispatch strategy × every frame allocator, each a
//! monomorphized instance of the one eval loop. Each axis is one list, in
//! [`with_variant_lists!`]: adding a strategy or an allocator means one new file (the type, with
//! its `NAME`) and one entry there. The name lists, [`hooks_with`]'s matches, [`all_variants`],
//! the defaults and the instruction benchmarks' cases are all generated from it. Each variant
//! exists once per observer the build has: [`NoObserver`] always, the profiling crate's
//! `Profiler` with any observer feature.

use rceval_interp::runtime::FrameAllocator;
use rceval_interp::runtime::vm::EvalHooks;
pub use rceval_interp::runtime::{
    ArenaFrames, DataStack311Frames, DataStackFrames, FreeListFrames, HeapFrames, ZombieFrames,
};

use crate::Dispatch;
pub use crate::callthread::CallThread;
use crate::observer::{NoObserver, Observer};
pub use crate::switch::Switch;
pub use crate::tailcall::Tailcall;

/// The one list of each axis: every dispatch strategy and every frame allocator, as
/// `name => Type` (the name is what `--dispatch`/`--frames` select it by, and must be the type's
/// `NAME`, which a compile-time check enforces). The first entry of each list is `rceval run`'s
/// default.
///
/// `with_variant_lists!(m! { ARGS })` expands to
/// `m! { ARGS strategies: [name => Type, ...], allocators: [name => Type, ...] }`, so a macro
/// anywhere can generate code per strategy, per allocator, or per pair.
#[macro_export]
macro_rules! with_variant_lists {
    ($callback:ident ! { $($args:tt)* }) => {
        $callback! {
            $($args)*
            strategies: [
                switch => $crate::variants::Switch,
                tailcall => $crate::variants::Tailcall,
                predict => $crate::variants::Predict,
                callthread => $crate::variants::CallThread,
            ],
            allocators: [
                heap => $crate::variants::HeapFrames,
                freelist => $crate::variants::FreeListFrames,
                zombie => $crate::variants::ZombieFrames,
                datastack => $crate::variants::DataStackFrames,
                datastack311 => $crate::variants::DataStack311Frames,
                arena => $crate::variants::ArenaFrames,
            ],
        }
    };
}

/// `--dispatch predict`: counting its hits and misses only when the `predict-stats` feature
/// asks for it, so the measured build pays nothing for the counters.
#[cfg(feature = "predict-stats")]
pub type Predict = crate::predict::Predict<crate::predict::Counted>;
#[cfg(not(feature = "predict-stats"))]
pub type Predict = crate::predict::Predict<crate::predict::Uncounted>;

/// Whether two names are the same (`==` on `str` is not `const`).
const fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

macro_rules! define_variants {
    (
        strategies: [$($d:ident => $dt:ty),* $(,)?],
        allocators: [$($f:ident => $ft:ty),* $(,)?] $(,)?
    ) => {
        /// Dispatch strategies, by their `--dispatch` names; the first is the default.
        pub const DISPATCH_STRATEGIES: &[&str] = &[$(stringify!($d)),*];

        /// Frame allocators, by their `--frames` names; the first is the default.
        pub const FRAME_ALLOCATORS: &[&str] = &[$(stringify!($f)),*];

        // Every listed name is its type's own `NAME`.
        const _: () = {
            $(assert!(same_name(<$dt as Dispatch>::NAME, stringify!($d)), "strategy name");)*
            $(assert!(same_name(<$ft as FrameAllocator>::NAME, stringify!($f)), "allocator name");)*
        };

        /// The hooks for strategy `D` with a named allocator, observed by `O`.
        fn with_frames<D: Dispatch, O: Observer>(frames: &str) -> Option<EvalHooks> {
            match frames {
                $(stringify!($f) => Some(crate::hooks::<D, $ft, O>()),)*
                _ => None,
            }
        }

        /// The hooks for a named strategy and allocator, observed by `O`.
        pub fn hooks_with<O: Observer>(dispatch: &str, frames: &str) -> Option<EvalHooks> {
            match dispatch {
                $(stringify!($d) => with_frames::<$dt, O>(frames),)*
                _ => None,
            }
        }
    };
}

with_variant_lists!(define_variants! {});

/// `rceval run`'s default strategy: the first of the list.
pub const DEFAULT_DISPATCH: &str = DISPATCH_STRATEGIES[0];

/// `rceval run`'s default allocator: the first of the list.
pub const DEFAULT_FRAMES: &str = FRAME_ALLOCATORS[0];

/// Whether `--dispatch predict` counts its hits and misses.
pub const PREDICTIONS_COUNTED: bool = cfg!(feature = "predict-stats");

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
        assert!(hooks_for("nope", DEFAULT_FRAMES).is_none());
        assert!(hooks_for(DEFAULT_DISPATCH, "nope").is_none());
    }

    #[test]
    fn the_lists_name_each_variant_once_and_start_with_the_defaults() {
        for list in [DISPATCH_STRATEGIES, FRAME_ALLOCATORS] {
            let mut names = list.to_vec();
            names.sort_unstable();
            names.dedup();
            assert_eq!(names.len(), list.len(), "{list:?}");
        }
        assert_eq!((DEFAULT_DISPATCH, DEFAULT_FRAMES), ("switch", "heap"));
        assert_eq!(
            all_variants().len(),
            DISPATCH_STRATEGIES.len() * FRAME_ALLOCATORS.len()
        );
        assert!(FRAME_ALLOCATORS.contains(&"arena"));
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
