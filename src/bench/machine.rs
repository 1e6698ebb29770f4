//! What a result must be stored with: the machine (CPU model, cores, OS, host name, load),
//! the build (compiler, profile, cargo features: asked of each binary, `rceval info --json`)
//! and the source (git commit).

use std::path::Path;
use std::process::{Command, Stdio};

use serde::{Deserialize, Serialize};

/// What built an rceval binary, as `rceval info --json` prints it.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct BuildInfo {
    pub version: String,
    pub rustc: String,
    /// Cargo's profile directory: `release`, `debug` (the dev profile), or a custom name.
    pub profile: String,
    pub opt_level: String,
    pub features: Vec<String>,
    pub dispatch_strategies: Vec<String>,
    pub frame_allocators: Vec<String>,
}

impl BuildInfo {
    /// This binary's.
    pub fn current() -> BuildInfo {
        use rceval_dispatch::variants::{DISPATCH_STRATEGIES, FRAME_ALLOCATORS};
        let list = |names: &[&str]| names.iter().map(|s| s.to_string()).collect();
        BuildInfo {
            version: env!("CARGO_PKG_VERSION").to_string(),
            rustc: env!("RCEVAL_RUSTC_VERSION").to_string(),
            profile: env!("RCEVAL_BUILD_PROFILE").to_string(),
            opt_level: env!("RCEVAL_OPT_LEVEL").to_string(),
            features: crate::compiled_features()
                .into_iter()
                .map(str::to_string)
                .collect(),
            dispatch_strategies: list(DISPATCH_STRATEGIES),
            frame_allocators: list(FRAME_ALLOCATORS),
        }
    }

    /// Another rceval binary's.
    pub fn of(exe: &Path) -> Result<BuildInfo, String> {
        let out = Command::new(exe)
            .args(["info", "--json"])
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("can't run '{}': {e}", exe.display()))?;
        if !out.status.success() {
            return Err(format!(
                "'{} info --json' failed: {}",
                exe.display(),
                String::from_utf8_lossy(&out.stderr).trim()
            ));
        }
        serde_json::from_slice(&out.stdout)
            .map_err(|e| format!("'{} info --json' printed no build info: {e}", exe.display()))
    }

    /// The features as one metadata value (pyperf rejects empty strings).
    pub fn features_label(&self) -> String {
        if self.features.is_empty() {
            "none".to_string()
        } else {
            self.features.join(",")
        }
    }
}

/// The machine and the source tree a run measured.
#[derive(Clone, Debug)]
pub struct Host {
    pub hostname: String,
    pub cpu_model: String,
    pub cpu_count: usize,
    pub platform: String,
    pub commit: String,
    /// The working tree had changes to tracked files that the commit does not hold.
    pub dirty: bool,
}

impl Host {
    pub fn probe() -> Host {
        let cpu_model = std::fs::read_to_string("/proc/cpuinfo")
            .ok()
            .and_then(|info| {
                info.lines()
                    .find(|l| l.starts_with("model name"))
                    .and_then(|l| l.split_once(':'))
                    .map(|(_, model)| model.trim().to_string())
            })
            .unwrap_or_else(|| "unknown".to_string());
        let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
            .map(|s| s.trim().to_string())
            .unwrap_or_default();
        let platform = format!(
            "{}-{}-{kernel}",
            std::env::consts::OS,
            std::env::consts::ARCH
        );
        let commit = capture("git", &["rev-parse", "HEAD"]).unwrap_or_else(|| "unknown".into());
        let dirty = capture("git", &["status", "--porcelain", "--untracked-files=no"])
            .is_some_and(|s| !s.is_empty());
        Host {
            hostname: gethostname::gethostname().to_string_lossy().into_owned(),
            cpu_model,
            cpu_count: std::thread::available_parallelism().map_or(1, |n| n.get()),
            platform,
            commit,
            dirty,
        }
    }

    pub fn short_commit(&self) -> &str {
        &self.commit[..self.commit.len().min(7)]
    }
}

/// The 1-minute load average, if the system says.
pub fn load_average() -> Option<f64> {
    std::fs::read_to_string("/proc/loadavg")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()
}

/// A command's trimmed stdout, if it ran and succeeded.
pub fn capture(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}
