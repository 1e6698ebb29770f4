//! Records what built this binary (compiler version, profile, optimisation level), so that
//! benchmark results can say which build they measured (`rceval info --json`).

use std::path::Path;
use std::process::Command;

fn main() {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_string());
    let version = Command::new(&rustc)
        .arg("-V")
        .output()
        .ok()
        .filter(|out| out.status.success())
        .map(|out| String::from_utf8_lossy(&out.stdout).trim().to_string())
        .unwrap_or_else(|| "unknown".to_string());
    println!("cargo:rustc-env=RCEVAL_RUSTC_VERSION={version}");
    // OUT_DIR is <target>/[<triple>/]<profile dir>/build/<crate>-<hash>/out; the profile
    // directory is `debug` for the dev profile and the profile's own name otherwise.
    let out_dir = std::env::var("OUT_DIR").unwrap_or_default();
    let profile = Path::new(&out_dir)
        .ancestors()
        .nth(3)
        .and_then(|p| p.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "unknown".to_string());
    println!("cargo:rustc-env=RCEVAL_BUILD_PROFILE={profile}");
    let opt_level = std::env::var("OPT_LEVEL").unwrap_or_else(|_| "unknown".to_string());
    println!("cargo:rustc-env=RCEVAL_OPT_LEVEL={opt_level}");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=RUSTC");
}
