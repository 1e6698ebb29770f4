//! One run's profiling: which observers the run switched on, starting them on the
//! interpreter thread before the program runs, and collecting what they recorded after.

use crate::callprofile::CallCounts;
use crate::dxp::DxpCounts;
use crate::optiming::OpTimingReport;

/// What a run asks its observers for (the `rceval run` options).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProfileOptions {
    /// Count opcodes and pairs (`--dxp`).
    pub dxp: bool,
    /// Trace every frame (`--lltrace`); without it only modules with `__lltrace__` are traced.
    pub lltrace: bool,
    /// Time every instruction (`--optiming`).
    pub optiming: bool,
    /// Count calls by kind and path (`--callprofile`).
    pub callprofile: bool,
}

impl ProfileOptions {
    /// Whether any observer must run.
    pub fn any(&self) -> bool {
        self.dxp || self.lltrace || self.optiming || self.callprofile
    }

    /// Fails, naming the feature to build with, if an option needs an observer this build
    /// does not have.
    pub fn check_available(&self) -> Result<(), String> {
        let wanted = [
            (self.dxp, "--dxp", "dxp"),
            (self.lltrace, "--lltrace", "lltrace"),
            (self.optiming, "--optiming", "optiming"),
            (self.callprofile, "--callprofile", "callprofile"),
        ];
        for (on, option, feature) in wanted {
            if on && !crate::COMPILED_FEATURES.contains(&feature) {
                return Err(format!(
                    "rceval: {option} needs the `{feature}` feature, which this binary was built without; \
                     rebuild with `cargo build --release --features {feature}`\n"
                ));
            }
        }
        Ok(())
    }
}

/// What the observers recorded during a run.
#[derive(Clone, Debug, Default)]
pub struct Collected {
    pub dxp: Option<DxpCounts>,
    pub optiming: Option<OpTimingReport>,
    pub calls: Option<CallCounts>,
}

/// Starts the observers `options` switches on, on this (the interpreter's) thread.
pub fn start(options: &ProfileOptions) {
    if options.dxp {
        crate::dxp::start();
    }
    if options.optiming {
        crate::optiming::start();
    }
    if options.callprofile {
        crate::callprofile::start();
    }
    #[cfg(feature = "lltrace")]
    crate::lltrace::start(options.lltrace);
}

/// Stops this thread's observers and returns what they recorded.
pub fn finish() -> Collected {
    #[cfg(feature = "lltrace")]
    crate::lltrace::finish();
    Collected {
        dxp: crate::dxp::finish(),
        optiming: crate::optiming::finish(),
        calls: crate::callprofile::finish(),
    }
}
