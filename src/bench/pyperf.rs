//! pyperf's JSON format (version "1.0"), which `python3 -m pyperf compare_to`, `stats` and
//! `hist` read: a suite of benchmarks, each a list of runs (one per worker process) holding
//! warm-up values as `[loops, seconds]` pairs and timed values in seconds. Metadata common
//! to every benchmark sits in the suite's `metadata`, a benchmark's own (its `name` at least)
//! in the benchmark's, and a run's (`date`, `duration`, `load_avg_1min`) in the run's.

use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The version of the format pyperf has written since 1.0.
pub const FORMAT_VERSION: &str = "1.0";

pub type Metadata = Map<String, Value>;

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Suite {
    pub version: String,
    pub benchmarks: Vec<Benchmark>,
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub metadata: Metadata,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub struct Benchmark {
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub metadata: Metadata,
    pub runs: Vec<Run>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize, PartialEq)]
pub struct Run {
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub metadata: Metadata,
    /// `(loops, seconds per loop)` of each warm-up.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warmups: Vec<(u64, f64)>,
    /// Seconds per loop of each timed value.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<f64>,
}

impl Suite {
    pub fn new(metadata: Metadata) -> Suite {
        Suite {
            version: FORMAT_VERSION.to_string(),
            benchmarks: Vec::new(),
            metadata,
        }
    }

    pub fn load(path: &Path) -> Result<Suite, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("can't read '{}': {e}", path.display()))?;
        let suite: Suite = serde_json::from_str(&text)
            .map_err(|e| format!("'{}' is not a pyperf JSON file: {e}", path.display()))?;
        if suite.version != FORMAT_VERSION {
            return Err(format!(
                "'{}': pyperf format version {:?} is not supported (only {FORMAT_VERSION:?})",
                path.display(),
                suite.version
            ));
        }
        Ok(suite)
    }

    pub fn to_json(&self) -> String {
        let mut text = serde_json::to_string_pretty(self).expect("plain data serializes");
        text.push('\n');
        text
    }

    /// The benchmark's name, from its own metadata or the suite's.
    pub fn name_of<'a>(&'a self, benchmark: &'a Benchmark) -> Option<&'a str> {
        benchmark
            .metadata
            .get("name")
            .or_else(|| self.metadata.get("name"))
            .and_then(Value::as_str)
    }

    pub fn benchmark(&self, name: &str) -> Option<&Benchmark> {
        self.benchmarks
            .iter()
            .find(|b| self.name_of(b) == Some(name))
    }

    /// Benchmark names in file order.
    pub fn names(&self) -> Vec<&str> {
        self.benchmarks
            .iter()
            .filter_map(|b| self.name_of(b))
            .collect()
    }
}

impl Benchmark {
    /// Every timed value of every run, in seconds.
    pub fn values(&self) -> Vec<f64> {
        self.runs
            .iter()
            .flat_map(|r| r.values.iter().copied())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_pyperf_writes() {
        // The shape of `python3 -m pyperf command --append x.json -- python3 -c pass`.
        let text = r#"{"benchmarks": [{"runs": [
            {"metadata": {"date": "2026-11-21 09:00:00.1", "duration": 0.5},
             "warmups": [[1, 0.0123]], "values": [0.0121, 0.0119]},
            {"values": [0.0120]}],
            "metadata": {"name": "command", "loops": 1}}],
            "metadata": {"unit": "second", "hostname": "h"}, "version": "1.0"}"#;
        let suite: Suite = serde_json::from_str(text).unwrap();
        let bench = &suite.benchmarks[0];
        assert_eq!(suite.name_of(bench), Some("command"));
        assert_eq!(bench.values(), [0.0121, 0.0119, 0.0120]);
        assert_eq!(bench.runs[0].warmups, [(1, 0.0123)]);
        let again: Suite = serde_json::from_str(&suite.to_json()).unwrap();
        assert_eq!(again, suite);
    }
}
