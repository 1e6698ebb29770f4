//! The results folder, made ready before the first run so that a long run never ends unable
//! to write: a named folder that exists and holds files is refused (unless `--force`, which
//! empties it), and the folder is created and written to once as a check.

use std::path::{Path, PathBuf};

use super::machine::Host;

/// Where results go when `--out` names no folder: under `target/` (never committed), so a run
/// cannot land in the committed `results/` by accident; keeping one there is a deliberate copy.
pub const DEFAULT_ROOT: &str = "target/bench-results";

/// Makes `dir` ready for results: created if missing; if it holds anything, refused unless
/// `force`, and then emptied first.
pub fn prepare(dir: &Path, force: bool) -> Result<(), String> {
    if dir.exists() && !dir.is_dir() {
        return Err(format!("--out '{}' is not a folder", dir.display()));
    }
    if dir.is_dir() {
        let entries: Vec<PathBuf> = std::fs::read_dir(dir)
            .map_err(|e| format!("can't read '{}': {e}", dir.display()))?
            .filter_map(|entry| entry.ok().map(|e| e.path()))
            .collect();
        if !entries.is_empty() && !force {
            return Err(format!(
                "'{}' already holds results (or other files): name a new folder with --out, \
                 or add --force to empty it first",
                dir.display()
            ));
        }
        for path in entries {
            let removed = if path.is_dir() && !path.is_symlink() {
                std::fs::remove_dir_all(&path)
            } else {
                std::fs::remove_file(&path)
            };
            removed.map_err(|e| format!("--force: can't remove '{}': {e}", path.display()))?;
        }
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("can't create '{}': {e}", dir.display()))?;
    let probe = dir.join(".rceval-write-check");
    std::fs::write(&probe, b"")
        .and_then(|()| std::fs::remove_file(&probe))
        .map_err(|e| format!("can't write in '{}': {e}", dir.display()))
}

/// A new folder under `root` named `<date>-<host>-<commit>[suffix]`, with a counter appended
/// if that exists.
pub fn fresh_dir(root: &Path, host: &Host, suffix: &str) -> PathBuf {
    let date = jiff::Timestamp::now().strftime("%Y-%m-%d").to_string();
    let host_name: String = host
        .hostname
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let base = format!("{date}-{host_name}-{}{suffix}", host.short_commit());
    let mut dir = root.join(&base);
    let mut n = 2;
    while dir.exists() {
        dir = root.join(format!("{base}-{n}"));
        n += 1;
    }
    dir
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_with_files_is_refused_unless_forced_then_emptied() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join("out");
        prepare(&dir, false).unwrap();
        assert!(dir.is_dir());
        prepare(&dir, false).unwrap();
        std::fs::write(dir.join("old.json"), "{}").unwrap();
        std::fs::create_dir(dir.join("sub")).unwrap();
        let err = prepare(&dir, false).unwrap_err();
        assert!(err.contains("--force"), "{err}");
        assert!(dir.join("old.json").exists());
        prepare(&dir, true).unwrap();
        assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
        let file = tmp.path().join("file");
        std::fs::write(&file, "").unwrap();
        assert!(prepare(&file, true).unwrap_err().contains("not a folder"));
    }
}
