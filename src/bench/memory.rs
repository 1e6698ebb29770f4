//! Peak memory: every run records its process's peak resident set size in pyperf's
//! `mem_max_rss` run metadata (bytes, as `pyperf --track-memory` writes it), and the summary
//! shows each program's median per variant with its ratio to Python's.

use std::fmt::Write as _;

use super::compare::{self, Labelled};
use super::pyperf::Benchmark;
use super::stats;

/// pyperf's run-metadata key for the peak RSS, in bytes.
pub const MAX_RSS: &str = "mem_max_rss";

/// The median peak RSS over a benchmark's runs (warm-ups included: peak memory does not warm
/// up), in bytes; `None` if no run recorded it.
pub fn median_max_rss(benchmark: &Benchmark) -> Option<f64> {
    let mut values: Vec<f64> = benchmark
        .runs
        .iter()
        .filter_map(|r| r.metadata.get(MAX_RSS)?.as_f64())
        .collect();
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    })
}

fn mib(bytes: f64) -> String {
    format!("{:.1} MiB", bytes / (1024.0 * 1024.0))
}

/// The "Peak RSS" section of `summary.md`: a row per program, a column per variant, each
/// rceval cell with its ratio to the Python variant's (when one ran), and the geometric mean
/// of those ratios. Nothing when no run recorded its peak RSS (results from before it was).
pub fn peak_rss_section(out: &mut String, suites: &[Labelled]) {
    let mut names: Vec<&str> = suites.iter().flat_map(|s| s.suite.names()).collect();
    names.sort_unstable();
    names.dedup();
    let median = |s: &Labelled, name: &str| s.suite.benchmark(name).and_then(median_max_rss);
    if !names
        .iter()
        .any(|n| suites.iter().any(|s| median(s, n).is_some()))
    {
        return;
    }
    let python = suites.iter().position(super::summary::is_python);
    let mut header = vec!["program".to_string()];
    header.extend(suites.iter().map(|s| s.label.clone()));
    let mut ratios: Vec<Vec<f64>> = vec![Vec::new(); suites.len()];
    let mut body = Vec::new();
    for name in names {
        let reference = python.and_then(|p| median(&suites[p], name));
        let mut row = vec![name.to_string()];
        for (v, labelled) in suites.iter().enumerate() {
            row.push(match (median(labelled, name), reference) {
                (None, _) => "-".to_string(),
                (Some(bytes), Some(py)) if Some(v) != python && py > 0.0 => {
                    ratios[v].push(bytes / py);
                    format!("{} ({:.2}x)", mib(bytes), bytes / py)
                }
                (Some(bytes), _) => mib(bytes),
            });
        }
        body.push(row);
    }
    let _ = match python {
        Some(p) => writeln!(
            out,
            "\n## Peak RSS vs {}\n\nMedian peak resident set size of each program's runs \
             (`wait4`'s `ru_maxrss`, pyperf's `{MAX_RSS}`), and its ratio to {}'s.\n",
            suites[p].label, suites[p].label
        ),
        None => writeln!(
            out,
            "\n## Peak RSS\n\nMedian peak resident set size of each program's runs \
             (`wait4`'s `ru_maxrss`, pyperf's `{MAX_RSS}`).\n"
        ),
    };
    if python.is_some() {
        let mut row = vec!["geometric mean".to_string()];
        for (v, r) in ratios.iter().enumerate() {
            row.push(if r.is_empty() || Some(v) == python {
                "-".to_string()
            } else {
                format!("{:.2}x", stats::geometric_mean(r))
            });
        }
        body.push(row);
    }
    out.push_str(&compare::markdown_table(&header, &body));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::pyperf::{Run, Suite};
    use serde_json::json;

    fn suite(label: &str, python: bool, rss: &[(&str, &[u64])]) -> Labelled {
        let mut meta = serde_json::Map::new();
        if python {
            meta.insert("python_implementation".into(), json!("cpython"));
        }
        let mut suite = Suite::new(meta);
        for (name, values) in rss {
            let mut bmeta = serde_json::Map::new();
            bmeta.insert("name".into(), json!(name));
            let runs = values
                .iter()
                .map(|&b| {
                    let mut m = serde_json::Map::new();
                    m.insert(MAX_RSS.into(), json!(b));
                    Run {
                        metadata: m,
                        warmups: Vec::new(),
                        values: vec![0.5],
                    }
                })
                .collect();
            suite.benchmarks.push(Benchmark {
                metadata: bmeta,
                runs,
            });
        }
        Labelled {
            label: label.into(),
            suite,
        }
    }

    const MIB: u64 = 1024 * 1024;

    #[test]
    fn medians_and_ratios_to_python() {
        let py = suite("python3", true, &[("a", &[10 * MIB, 12 * MIB, 11 * MIB])]);
        let rc = suite("switch-heap", false, &[("a", &[22 * MIB, 22 * MIB])]);
        assert_eq!(
            median_max_rss(&py.suite.benchmarks[0]),
            Some(11.0 * MIB as f64)
        );
        let mut out = String::new();
        peak_rss_section(&mut out, &[py, rc]);
        assert!(out.contains("## Peak RSS vs python3"), "{out}");
        assert!(out.contains("| a "), "{out}");
        assert!(out.contains("11.0 MiB"), "{out}");
        assert!(out.contains("22.0 MiB (2.00x)"), "{out}");
        let mean = out.lines().find(|l| l.starts_with("| geometric mean "));
        assert!(mean.is_some_and(|l| l.contains("| 2.00x ")), "{out}");
    }

    #[test]
    fn nothing_without_recorded_rss() {
        let mut old = suite("python3", true, &[("a", &[MIB])]);
        old.suite.benchmarks[0].runs[0].metadata.clear();
        let mut out = String::new();
        peak_rss_section(&mut out, &[old]);
        assert_eq!(out, "");
    }
}
