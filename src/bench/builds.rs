//! `rceval compare-builds`: one binary per cargo-feature set, each built in a target
//! directory of its own (`target/builds/NAME`) so the builds never overwrite each other or
//! the ordinary `target/`, then the suite run with all of them side by side.

use std::path::{Path, PathBuf};
use std::process::Command;

/// `NAME=FEATURES` from the command line.
#[derive(Clone, Debug, PartialEq)]
pub struct BuildSpec {
    pub name: String,
    pub features: Vec<String>,
}

impl BuildSpec {
    /// `default=` or `default` (no features), `dxp=dxp`, `all=dxp,lltrace`.
    pub fn parse(text: &str) -> Result<BuildSpec, String> {
        let (name, features) = text.split_once('=').unwrap_or((text, ""));
        if name.is_empty()
            || !name
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        {
            return Err(format!(
                "build name {name:?} must be letters, digits, '-' or '_' (NAME=FEATURES)"
            ));
        }
        let features = features
            .split([',', ' '])
            .filter(|f| !f.is_empty())
            .map(str::to_string)
            .collect();
        Ok(BuildSpec {
            name: name.to_string(),
            features,
        })
    }
}

/// How one build is made and where its binary lands.
#[derive(Clone, Debug, PartialEq)]
pub struct BuildPlan {
    pub spec: BuildSpec,
    pub target_dir: PathBuf,
    /// Arguments to `cargo`.
    pub cargo_args: Vec<String>,
    pub binary: PathBuf,
}

/// The builds for `specs`, with cargo profile `profile` (`release`, `dev`, or a custom one)
/// and any extra cargo arguments, under `root/target/builds/`.
pub fn plan(
    specs: &[BuildSpec],
    root: &Path,
    profile: &str,
    extra_cargo_args: &[String],
) -> Result<Vec<BuildPlan>, String> {
    for (i, spec) in specs.iter().enumerate() {
        if specs[..i].iter().any(|s| s.name == spec.name) {
            return Err(format!("build name '{}' is given twice", spec.name));
        }
    }
    if specs.len() < 2 {
        return Err("compare-builds needs at least two --build NAME=FEATURES".to_string());
    }
    // Cargo puts the dev profile's output in `debug/`, every other profile's under its name.
    let profile_dir = if profile == "dev" { "debug" } else { profile };
    Ok(specs
        .iter()
        .map(|spec| {
            let target_dir = root.join("target").join("builds").join(&spec.name);
            let mut cargo_args = vec![
                "build".to_string(),
                "--package".to_string(),
                "rceval".to_string(),
                "--bin".to_string(),
                "rceval".to_string(),
                "--profile".to_string(),
                profile.to_string(),
                "--target-dir".to_string(),
                target_dir.display().to_string(),
            ];
            if !spec.features.is_empty() {
                cargo_args.push("--features".to_string());
                cargo_args.push(spec.features.join(","));
            }
            cargo_args.extend(extra_cargo_args.iter().cloned());
            BuildPlan {
                binary: target_dir
                    .join(profile_dir)
                    .join(format!("rceval{}", std::env::consts::EXE_SUFFIX)),
                spec: spec.clone(),
                target_dir,
                cargo_args,
            }
        })
        .collect())
}

/// Runs cargo for one build (its output goes to the terminal).
pub fn build(plan: &BuildPlan, root: &Path) -> Result<(), String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    eprintln!(
        "rceval: building '{}': cargo {}",
        plan.spec.name,
        plan.cargo_args.join(" ")
    );
    let status = Command::new(&cargo)
        .args(&plan.cargo_args)
        .current_dir(root)
        .status()
        .map_err(|e| format!("can't run cargo: {e}"))?;
    if !status.success() {
        return Err(format!("building '{}' failed ({status})", plan.spec.name));
    }
    if !plan.binary.exists() {
        return Err(format!(
            "cargo built '{}' but {} is not there",
            plan.spec.name,
            plan.binary.display()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn specs_parse_with_and_without_features() {
        assert_eq!(
            BuildSpec::parse("all=dxp,lltrace").unwrap(),
            BuildSpec {
                name: "all".into(),
                features: vec!["dxp".into(), "lltrace".into()]
            }
        );
        assert!(BuildSpec::parse("default=").unwrap().features.is_empty());
        assert!(BuildSpec::parse("default").unwrap().features.is_empty());
        assert!(BuildSpec::parse("a/b=dxp").is_err());
        assert!(BuildSpec::parse("=dxp").is_err());
    }

    #[test]
    fn each_build_gets_its_own_target_directory_and_features() {
        let specs = [
            BuildSpec::parse("default").unwrap(),
            BuildSpec::parse("lltrace=lltrace").unwrap(),
        ];
        let plans = plan(&specs, Path::new("/repo"), "release", &["--locked".into()]).unwrap();
        assert_eq!(
            plans[0].target_dir,
            Path::new("/repo/target/builds/default")
        );
        assert_eq!(
            plans[0].binary,
            Path::new("/repo/target/builds/default/release/rceval")
        );
        assert!(!plans[0].cargo_args.contains(&"--features".to_string()));
        assert_eq!(
            plans[1].cargo_args.join(" "),
            "build --package rceval --bin rceval --profile release \
             --target-dir /repo/target/builds/lltrace --features lltrace --locked"
        );
        let dev = plan(&specs, Path::new("/r"), "dev", &[]).unwrap();
        assert_eq!(
            dev[1].binary,
            Path::new("/r/target/builds/lltrace/debug/rceval")
        );
    }

    #[test]
    fn names_must_be_distinct_and_at_least_two() {
        let a = BuildSpec::parse("a").unwrap();
        assert!(plan(std::slice::from_ref(&a), Path::new("/r"), "release", &[]).is_err());
        assert!(plan(&[a.clone(), a], Path::new("/r"), "release", &[]).is_err());
    }
}
