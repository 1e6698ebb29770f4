//! Observers of the eval loop and the reports rendered from what they record: DXP opcode and
//! pair counts, lltrace, per-opcode timing, call profiles and stack checks, each the Rust form
//! of one of CPython's build flags (`DYNAMIC_EXECUTION_PROFILE`/`DXPAIRS`, `LLTRACE`,
//! `--with-tsc`, `CALL_PROFILE`, `USE_STACKCHECK`).
//!
//! Each observer is compiled in by its cargo feature; without any, [`Profiler`] does not exist
//! and the eval loop is only ever monomorphized with [`observer::NoObserver`]. Observer state is
//! thread-local (every program runs on its own interpreter thread): the driver calls
//! [`session::start`] before a run and [`session::finish`] after it, on that thread.

pub mod callprofile;
pub mod dxp;
pub mod observer;
pub mod optiming;
pub mod report;

pub mod session;
pub mod stackcheck;

#[cfg(feature = "lltrace")]
pub mod lltrace;

#[cfg(any(
    feature = "dxp",
    feature = "lltrace",
    feature = "optiming",
    feature = "callprofile",
    feature = "stackcheck"
))]
mod profiler;
#[cfg(any(
    feature = "dxp",
    feature = "lltrace",
    feature = "optiming",
    feature = "callprofile",
    feature = "stackcheck"
))]
pub use profiler::Profiler;

/// The observer features compiled into this build, by cargo feature name.
pub const COMPILED_FEATURES: &[&str] = &[
    #[cfg(feature = "dxp")]
    "dxp",
    #[cfg(feature = "lltrace")]
    "lltrace",
    #[cfg(feature = "optiming")]
    "optiming",
    #[cfg(feature = "callprofile")]
    "callprofile",
    #[cfg(feature = "stackcheck")]
    "stackcheck",
];

/// Whether the build's default variants are observed even when no run option asks for it:
/// `stackcheck` checks every instruction of every run, and `lltrace` must see every frame
/// start to honour a module's `__lltrace__`.
pub const ALWAYS_OBSERVED: bool = cfg!(any(feature = "lltrace", feature = "stackcheck"));
