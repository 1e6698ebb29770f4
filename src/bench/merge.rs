//! `rceval bench merge DIR...`: the pyperf files of several results folders (the shards of
//! one matrix, run on several machines or CI jobs) combined into one result, from which the
//! summary and charts are rendered as for an unsharded run.
//!
//! A variant's files are joined benchmark by benchmark (a benchmark in two folders is an
//! error: the shards overlap). Metadata that every folder agrees on is kept as it is; where
//! they differ, start-up times and failures are pooled, run times summed, partial notes and
//! commands listed, the start the earliest, the shard dropped, and anything else taken from
//! the first folder.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::compare::Labelled;
use super::pyperf::{Metadata, Suite};
use super::summary::keys;

/// The folders' suites, one per variant, in the run's variant order.
pub fn merge(dirs: &[PathBuf]) -> Result<Vec<Labelled>, String> {
    let mut by_label: BTreeMap<String, Vec<(PathBuf, Suite)>> = BTreeMap::new();
    for dir in dirs {
        let files = json_files(dir)?;
        if files.is_empty() {
            return Err(format!("'{}' holds no pyperf JSON file", dir.display()));
        }
        for path in files {
            let label = path
                .file_stem()
                .map_or(String::new(), |s| s.to_string_lossy().into_owned());
            by_label
                .entry(label)
                .or_default()
                .push((dir.clone(), Suite::load(&path)?));
        }
    }
    let mut merged = Vec::new();
    for (label, parts) in by_label {
        merged.push(Labelled {
            suite: join(&label, &parts)?,
            label,
        });
    }
    let sizes: Vec<&Value> = merged
        .iter()
        .filter_map(|l| l.suite.metadata.get(keys::SIZE))
        .collect();
    if sizes.windows(2).any(|w| w[0] != w[1]) {
        return Err("the folders ran the programs at different sizes: nothing to merge".into());
    }
    merged.sort_by_key(|l| {
        l.suite
            .metadata
            .get(keys::ORDER)
            .and_then(Value::as_u64)
            .unwrap_or(u64::MAX)
    });
    Ok(merged)
}

fn json_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("can't read '{}': {e}", dir.display()))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    Ok(files)
}

/// One variant's suites from several folders as one.
fn join(label: &str, parts: &[(PathBuf, Suite)]) -> Result<Suite, String> {
    let mut suite = Suite::new(join_metadata(parts.iter().map(|(_, s)| &s.metadata)));
    let mut seen: BTreeMap<String, &Path> = BTreeMap::new();
    for (dir, part) in parts {
        for benchmark in &part.benchmarks {
            let name = part.name_of(benchmark).unwrap_or("").to_string();
            if let Some(other) = seen.insert(name.clone(), dir) {
                return Err(format!(
                    "{name} under {label} is in both '{}' and '{}': the shards overlap",
                    other.display(),
                    dir.display()
                ));
            }
            suite.benchmarks.push(benchmark.clone());
        }
    }
    // An unsharded run writes its programs sorted by name.
    let mut benchmarks = std::mem::take(&mut suite.benchmarks);
    benchmarks.sort_by(|a, b| suite.name_of(a).cmp(&suite.name_of(b)));
    suite.benchmarks = benchmarks;
    Ok(suite)
}

fn join_metadata<'a>(parts: impl Iterator<Item = &'a Metadata>) -> Metadata {
    let parts: Vec<&Metadata> = parts.collect();
    let mut keys_in_order: Vec<&String> = Vec::new();
    for part in &parts {
        for key in part.keys() {
            if !keys_in_order.contains(&key) {
                keys_in_order.push(key);
            }
        }
    }
    let mut out = Metadata::new();
    for key in keys_in_order {
        // A shard's number describes its folder, not the merged result (even where a
        // variant's cells all came from one shard).
        if key == keys::SHARD {
            continue;
        }
        let values: Vec<&Value> = parts.iter().filter_map(|p| p.get(key.as_str())).collect();
        let agreed = values.len() == parts.len() && values.windows(2).all(|w| w[0] == w[1]);
        let value = if agreed {
            Some(values[0].clone())
        } else {
            combine(key, &values)
        };
        if let Some(value) = value {
            out.insert(key.clone(), value);
        }
    }
    out
}

/// The merged value of a key the folders disagree on.
fn combine(key: &str, values: &[&Value]) -> Option<Value> {
    // (`None` only if the pooled list cannot be written, which plain JSON always can.)
    let texts = || values.iter().filter_map(|v| v.as_str());
    match key {
        keys::STARTUP | keys::NOT_TIMED | keys::SKIPPED => {
            let mut pooled: Vec<Value> = Vec::new();
            for text in texts() {
                if let Ok(Value::Array(items)) = serde_json::from_str(text) {
                    for item in items {
                        // Pending programs are the same in every shard: listed once.
                        if key != keys::SKIPPED || !pooled.contains(&item) {
                            pooled.push(item);
                        }
                    }
                }
            }
            Some(json!(serde_json::to_string(&pooled).ok()?))
        }
        keys::SECONDS => Some(json!(values.iter().filter_map(|v| v.as_f64()).sum::<f64>())),
        keys::STARTED => texts().min().map(|t| json!(t)),
        keys::PARTIAL | "command" | "note" => {
            let mut distinct: Vec<&str> = Vec::new();
            for text in texts() {
                if !distinct.contains(&text) {
                    distinct.push(text);
                }
            }
            Some(json!(distinct.join("; ")))
        }
        _ => Some(values[0].clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn metadata(pairs: &[(&str, Value)]) -> Metadata {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.clone()))
            .collect()
    }

    #[test]
    fn agreed_metadata_is_kept_and_the_rest_combined() {
        let a = metadata(&[
            ("hostname", json!("h")),
            (keys::SHARD, json!("1/2")),
            (keys::STARTUP, json!("[0.1]")),
            (keys::SECONDS, json!(10.0)),
            (keys::STARTED, json!("2026-12-07 10:00:01")),
        ]);
        let b = metadata(&[
            ("hostname", json!("h")),
            (keys::SHARD, json!("2/2")),
            (keys::STARTUP, json!("[0.2, 0.3]")),
            (keys::SECONDS, json!(5.0)),
            (keys::STARTED, json!("2026-12-07 09:59:00")),
            (
                keys::PARTIAL,
                json!("interrupted after 1 of 3 timed rounds"),
            ),
        ]);
        let merged = join_metadata([&a, &b].into_iter());
        assert_eq!(merged["hostname"], "h");
        assert!(!merged.contains_key(keys::SHARD));
        assert_eq!(merged[keys::STARTUP], "[0.1,0.2,0.3]");
        assert_eq!(merged[keys::SECONDS], 15.0);
        assert_eq!(merged[keys::STARTED], "2026-12-07 09:59:00");
        assert_eq!(
            merged[keys::PARTIAL],
            "interrupted after 1 of 3 timed rounds"
        );
        let mut unsharded = a.clone();
        unsharded.remove(keys::SHARD);
        assert_eq!(join_metadata([&a, &a].into_iter()), unsharded);
    }
}
