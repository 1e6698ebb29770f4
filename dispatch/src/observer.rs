//! Observers: what profiling and tracing see of the eval loop. The trait and [`NoObserver`]
//! live in `rceval-profiling` next to the observers that implement it (so this crate can name
//! them when it builds its variants); the strategies use them from here.

pub use rceval_profiling::observer::{NoObserver, Observer};

#[cfg(any(
    feature = "dxp",
    feature = "lltrace",
    feature = "optiming",
    feature = "callprofile",
    feature = "stackcheck"
))]
pub use rceval_profiling::Profiler;
