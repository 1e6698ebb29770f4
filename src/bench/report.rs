//! A suite run's results as pyperf suites, and the results folder written from them: one
//! pyperf JSON file per variant, `summary.md`, SVG charts of the ratios and a README saying
//! how the figures were made. Everything but the JSON is rendered from the JSON's contents
//! alone, so `rceval bench merge` rebuilds the same folder from shards' files.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::compare::Labelled;
use super::pyperf::{Benchmark, Metadata, Run, Suite};
use super::runner::VariantKind;
use super::suite::{BenchResults, TimedRun};
use super::summary::{self, keys};
use super::svg;

/// How the run was asked for, to be written next to its figures.
#[derive(Clone, Debug, Default)]
pub struct ReportContext {
    /// The command line that produced the results.
    pub command: String,
    /// Conditions worth knowing (`--note`).
    pub note: Option<String>,
    /// The variant the others are compared with in the second table (default: the first
    /// rceval variant).
    pub baseline: Option<String>,
}

/// What a timed value includes, said wherever figures are shown.
pub const WHAT_IS_TIMED: &str = "Each value is the wall-clock time of one whole process, \
from spawn to exit (`std::time::Instant` around `fork`/`exec` and `wait`): interpreter \
start-up, reading and compiling the program, running it and exiting. The start-up part is \
measured on its own (an empty program, once per round and variant) and shown under \
\"Start-up\"; it is not subtracted.";

/// A list as one metadata value: pyperf takes only strings and numbers there.
fn json_text<T: serde::Serialize>(value: &T) -> Value {
    json!(serde_json::to_string(value).expect("plain data serializes"))
}

/// The pyperf suite of variant `v`: every program of the shard it ran successfully; `None` if
/// the shard holds none of its cells.
pub fn suite_of(results: &BenchResults, v: usize, context: &ReportContext) -> Option<Suite> {
    if !results.cells.iter().any(|row| row[v].selected) {
        return None;
    }
    let variant = &results.variants[v];
    let host = &results.host;
    let mut m = Metadata::new();
    let mut put = |k: &str, value: Value| {
        m.insert(k.to_string(), value);
    };
    put("unit", json!("second"));
    put("loops", json!(1));
    put("hostname", json!(host.hostname));
    put("cpu_model_name", json!(host.cpu_model));
    put("cpu_count", json!(host.cpu_count));
    put("platform", json!(host.platform));
    put("commit", json!(host.commit));
    if host.dirty {
        put(
            "commit_dirty",
            json!("tracked files differed from the commit"),
        );
    }
    put(
        "runner",
        json!(format!("rceval bench {}", env!("CARGO_PKG_VERSION"))),
    );
    put("command", json!(context.command));
    put(
        "timer",
        json!("wall clock of the whole process, spawn to exit"),
    );
    put(keys::SIZE, json!(results.size.header()));
    put(keys::STARTED, json!(results.started));
    put(keys::SECONDS, json!(results.wall_seconds));
    put(keys::ROUNDS_PLANNED, json!(results.rounds_planned));
    put(keys::ORDER, json!(v));
    if let Some(partial) = results.partial() {
        put(keys::PARTIAL, json!(partial));
    }
    if !results.shard.is_whole() {
        put(keys::SHARD, json!(results.shard.to_string()));
    }
    if let Some(baseline) = &context.baseline {
        put(keys::BASELINE, json!(baseline));
    }
    put("variant", json!(variant.name));
    match &variant.kind {
        VariantKind::Rceval {
            dispatch,
            frames,
            build,
            ..
        } => {
            put("python_implementation", json!("rceval"));
            put("dispatch", json!(dispatch));
            put("allocator", json!(frames));
            if let Some(build) = build {
                put("build", json!(build));
            }
            if let Some(info) = results.build_of(variant) {
                put("rceval_version", json!(info.version));
                put("rustc_version", json!(info.rustc));
                put("profile", json!(info.profile));
                put("opt_level", json!(info.opt_level));
                put("cargo_features", json!(info.features_label()));
            }
        }
        VariantKind::Python { exe } => {
            put("python_implementation", json!("cpython"));
            put("python_executable", json!(exe.display().to_string()));
            if let Some(version) = &results.python_version {
                put("python_version", json!(version));
            }
        }
    }
    if !results.startup[v].is_empty() {
        put(keys::STARTUP, json_text(&results.startup[v]));
    }
    let not_timed: Vec<(String, String)> = results
        .failures()
        .into_iter()
        .filter(|(_, variant_name, _)| *variant_name == variant.name)
        .map(|(program, _, why)| (program, why))
        .collect();
    if !not_timed.is_empty() {
        put(keys::NOT_TIMED, json_text(&not_timed));
    }
    if !results.skipped.is_empty() {
        put(keys::SKIPPED, json_text(&results.skipped));
    }
    if let Some(note) = &context.note {
        put("note", json!(note.replace(['\n', '\r'], " ")));
    }
    let mut suite = Suite::new(m);
    for (p, program) in results.programs.iter().enumerate() {
        let cell = &results.cells[p][v];
        if cell.runs.is_empty() || !cell.selected {
            continue;
        }
        let mut metadata = Metadata::new();
        metadata.insert("name".into(), json!(program.name));
        let args = program.args(results.size);
        if !args.is_empty() {
            metadata.insert("program_args".into(), json!(args.join(" ")));
        }
        let run_of = |r: &TimedRun, warmup: bool| {
            let mut meta = Metadata::new();
            meta.insert("date".into(), json!(r.date));
            meta.insert("duration".into(), json!(r.seconds));
            if let Some(load) = r.load_avg {
                meta.insert("load_avg_1min".into(), json!(load));
            }
            if let Some(bytes) = r.max_rss {
                meta.insert(super::memory::MAX_RSS.into(), json!(bytes));
            }
            Run {
                metadata: meta,
                warmups: if warmup {
                    vec![(1, r.seconds)]
                } else {
                    Vec::new()
                },
                values: if warmup { Vec::new() } else { vec![r.seconds] },
            }
        };
        let runs = cell
            .warmups
            .iter()
            .map(|r| run_of(r, true))
            .chain(cell.runs.iter().map(|r| run_of(r, false)))
            .collect();
        suite.benchmarks.push(Benchmark { metadata, runs });
    }
    Some(suite)
}

/// The suites of a run, labelled by variant, in the run's variant order.
pub fn suites_of(results: &BenchResults, context: &ReportContext) -> Vec<Labelled> {
    (0..results.variants.len())
        .filter_map(|v| {
            Some(Labelled {
                label: results.variants[v].name.clone(),
                suite: suite_of(results, v, context)?,
            })
        })
        .collect()
}

/// Writes a run's folder; returns the files written.
pub fn write_results(
    results: &BenchResults,
    dir: &Path,
    context: &ReportContext,
) -> Result<Vec<PathBuf>, String> {
    write_folder(&suites_of(results, context), dir)
}

/// Writes the JSON files of `suites` (in variant order) and everything rendered from them;
/// returns the files written.
pub fn write_folder(suites: &[Labelled], dir: &Path) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("can't create '{}': {e}", dir.display()))?;
    let mut written = Vec::new();
    let mut write = |name: &str, text: &str| -> Result<(), String> {
        let path = dir.join(name);
        std::fs::write(&path, text)
            .map_err(|e| format!("can't write '{}': {e}", path.display()))?;
        written.push(path);
        Ok(())
    };
    for labelled in suites {
        write(
            &format!("{}.json", labelled.label),
            &labelled.suite.to_json(),
        )?;
    }
    let comparisons = summary::comparisons(suites);
    for comparison in &comparisons {
        if !comparison.rows.is_empty() {
            write(
                &format!("ratio-vs-{}.svg", comparison.reference),
                &svg::ratio_chart(&comparison.title, &comparison.rows),
            )?;
        }
    }
    write("summary.md", &summary::render(suites, &comparisons))?;
    write("README.md", &summary::readme(suites))?;
    Ok(written)
}
