//! Writing a suite run's results folder: one pyperf JSON file per variant, `summary.md`
//! (pyperf `compare_to --table`-style tables, latency percentiles, start-up, failures), SVG
//! charts of the ratios, and a README saying how the figures were made.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

use super::compare::{self, Labelled, Row};
use super::pyperf::{Benchmark, Metadata, Run, Suite};
use super::runner::VariantKind;
use super::stats;
use super::suite::{BenchResults, TimedRun};
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

/// The pyperf suite of one variant: every program it ran successfully.
pub fn suite_of(results: &BenchResults, v: usize, context: &ReportContext) -> Suite {
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
    put(
        "program_size",
        json!(if results.quick {
            "test-args (--quick)"
        } else {
            "bench-args"
        }),
    );
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
        put("startup_mean", json!(stats::mean(&results.startup[v])));
        put("startup_runs", json!(results.startup[v].len()));
    }
    if let Some(note) = &context.note {
        put("note", json!(note.replace(['\n', '\r'], " ")));
    }
    let mut suite = Suite::new(m);
    for (p, program) in results.programs.iter().enumerate() {
        let cell = &results.cells[p][v];
        if cell.runs.is_empty() {
            continue;
        }
        let mut metadata = Metadata::new();
        metadata.insert("name".into(), json!(program.name));
        let args = program.args(results.quick);
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
    suite
}

/// Writes the folder; returns the files written.
pub fn write_results(
    results: &BenchResults,
    dir: &Path,
    context: &ReportContext,
) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("can't create '{}': {e}", dir.display()))?;
    let mut written = Vec::new();
    let mut write = |name: &str, text: &str| -> Result<(), String> {
        let path = dir.join(name);
        std::fs::write(&path, text)
            .map_err(|e| format!("can't write '{}': {e}", path.display()))?;
        written.push(path);
        Ok(())
    };
    let suites: Vec<Labelled> = (0..results.variants.len())
        .map(|v| Labelled {
            label: results.variants[v].name.clone(),
            suite: suite_of(results, v, context),
        })
        .collect();
    for labelled in &suites {
        write(
            &format!("{}.json", labelled.label),
            &labelled.suite.to_json(),
        )?;
    }
    let comparisons = comparisons(results, &suites, context);
    for comparison in &comparisons {
        if !comparison.rows.is_empty() {
            write(
                &format!("ratio-vs-{}.svg", comparison.reference),
                &svg::ratio_chart(&comparison.title, &comparison.rows),
            )?;
        }
    }
    write("summary.md", &summary(results, &suites, &comparisons))?;
    write("README.md", &readme(results, context, &suites))?;
    Ok(written)
}

/// One table of the summary: every other variant against `reference`.
pub struct Comparison {
    pub reference: String,
    pub title: String,
    pub rows: Vec<Row>,
}

fn comparisons(
    results: &BenchResults,
    suites: &[Labelled],
    context: &ReportContext,
) -> Vec<Comparison> {
    let mut out = Vec::new();
    let python = results.variants.iter().position(|v| v.is_python());
    let rceval: Vec<usize> = (0..results.variants.len())
        .filter(|&v| Some(v) != python)
        .collect();
    let pick = |reference: usize, others: &[usize]| -> Vec<Row> {
        let mut files = vec![Labelled {
            label: suites[reference].label.clone(),
            suite: suites[reference].suite.clone(),
        }];
        files.extend(
            others
                .iter()
                .filter(|&&v| v != reference)
                .map(|&v| Labelled {
                    label: suites[v].label.clone(),
                    suite: suites[v].suite.clone(),
                }),
        );
        if files.len() < 2 {
            return Vec::new();
        }
        compare::rows(&files, None)
    };
    if let Some(py) = python {
        out.push(Comparison {
            reference: results.variants[py].name.clone(),
            title: format!("rceval variants against {}", results.variants[py].name),
            rows: pick(py, &rceval),
        });
    }
    let baseline = context
        .baseline
        .as_deref()
        .and_then(|name| {
            rceval
                .iter()
                .copied()
                .find(|&v| results.variants[v].name == name)
        })
        .or_else(|| rceval.first().copied());
    if let Some(base) = baseline
        && rceval.len() > 1
    {
        out.push(Comparison {
            reference: results.variants[base].name.clone(),
            title: format!("rceval variants against {}", results.variants[base].name),
            rows: pick(base, &rceval),
        });
    }
    out
}

fn summary(results: &BenchResults, suites: &[Labelled], comparisons: &[Comparison]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# rceval bench: {} ({})\n",
        results.started.get(..16).unwrap_or(&results.started),
        if results.quick {
            "quick, test sizes"
        } else {
            "full sizes"
        }
    );
    let _ = writeln!(
        out,
        "{} timed run(s) per program and variant (after {} warm-up run(s) that check the output), \
         interleaved in {} round(s){}; {}, commit {}{}. Tables as `pyperf compare_to --table`: \
         mean time of the reference, then each variant's mean and its ratio (\"not significant\" \
         when Student's t-test at 95 % cannot tell them apart); a row whose every difference is \
         not significant is hidden and named below the table. The geometric mean covers every \
         program both ran.\n",
        results.rounds,
        results
            .cells
            .first()
            .and_then(|r| r.first())
            .map_or(0, |c| c.warmups.len()),
        results.rounds,
        if results.stopped_by_budget {
            " (stopped by the time budget)"
        } else {
            ""
        },
        results.host.cpu_model,
        results.host.short_commit(),
        if results.host.dirty {
            " (with uncommitted changes)"
        } else {
            ""
        },
    );
    for comparison in comparisons {
        let _ = writeln!(out, "## {}\n", comparison.title);
        if comparison.rows.is_empty() {
            let _ = writeln!(out, "No program ran under both.\n");
            continue;
        }
        let (header, body, hidden) = compare::table_cells(&comparison.rows);
        if !body.is_empty() {
            out.push_str(&compare::markdown_table(&header, &body));
            out.push('\n');
        }
        if !hidden.is_empty() {
            let _ = writeln!(
                out,
                "Benchmark hidden because not significant ({}): {}\n",
                hidden.len(),
                hidden.join(", ")
            );
        }
        let _ = writeln!(out, "![chart](ratio-vs-{}.svg)\n", comparison.reference);
    }
    let _ = writeln!(
        out,
        "## Per-run times\n\nMean and sample standard deviation of the timed runs; percentiles \
         and maximum from an HDR histogram of the same runs (microsecond buckets, 3 significant \
         digits; with few runs the high percentiles are the slowest run).\n"
    );
    let header: Vec<String> = [
        "program", "variant", "runs", "mean", "std dev", "p50", "p90", "p99", "max",
    ]
    .map(String::from)
    .to_vec();
    let mut body = Vec::new();
    for (p, program) in results.programs.iter().enumerate() {
        for (v, labelled) in suites.iter().enumerate() {
            let values = results.cells[p][v].values();
            let Some(latency) = stats::latency(&values) else {
                continue;
            };
            let sd = stats::stdev(&values).map_or("-".to_string(), compare::format_one);
            body.push(vec![
                program.name.clone(),
                labelled.label.clone(),
                values.len().to_string(),
                compare::format_one(stats::mean(&values)),
                sd,
                compare::format_one(latency.p50),
                compare::format_one(latency.p90),
                compare::format_one(latency.p99),
                compare::format_one(latency.max),
            ]);
        }
    }
    out.push_str(&compare::markdown_table(&header, &body));
    let _ = writeln!(
        out,
        "\n## Start-up\n\nAn empty program, once per round and variant; included in every time above.\n"
    );
    let header: Vec<String> = ["variant", "runs", "mean", "p50", "max"]
        .map(String::from)
        .to_vec();
    let body: Vec<Vec<String>> = suites
        .iter()
        .enumerate()
        .filter_map(|(v, labelled)| {
            let values = &results.startup[v];
            let latency = stats::latency(values)?;
            Some(vec![
                labelled.label.clone(),
                values.len().to_string(),
                compare::format_one(stats::mean(values)),
                compare::format_one(latency.p50),
                compare::format_one(latency.max),
            ])
        })
        .collect();
    if !body.is_empty() {
        out.push_str(&compare::markdown_table(&header, &body));
    }
    let failures = results.failures();
    if !failures.is_empty() || !results.skipped.is_empty() {
        let _ = writeln!(out, "\n## Not timed\n");
        for (program, variant, why) in &failures {
            let _ = writeln!(out, "- {program} under {variant}: FAILED: {why}");
        }
        for (program, why) in &results.skipped {
            let _ = writeln!(out, "- {program}: skipped ({why})");
        }
    }
    out
}

fn readme(results: &BenchResults, context: &ReportContext, suites: &[Labelled]) -> String {
    let host = &results.host;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Benchmark results: {}\n",
        results.started.get(..19).unwrap_or(&results.started)
    );
    let _ = writeln!(
        out,
        "Written by `rceval bench`; nothing here is edited by hand.\n"
    );
    let _ = writeln!(out, "```sh\n{}\n```\n", context.command);
    if let Some(note) = &context.note {
        let _ = writeln!(out, "**Conditions:** {note}\n");
    }
    let _ = writeln!(
        out,
        "- started: {} UTC; took {:.0} s",
        results.started, results.wall_seconds
    );
    let _ = writeln!(
        out,
        "- machine: {} ({} cores), {}, host `{}`",
        host.cpu_model, host.cpu_count, host.platform, host.hostname
    );
    let _ = writeln!(
        out,
        "- source: commit {}{}",
        host.commit,
        if host.dirty {
            " with uncommitted changes to tracked files"
        } else {
            ""
        }
    );
    for (exe, info) in &results.builds {
        let _ = writeln!(
            out,
            "- rceval build `{exe}`: {} profile (opt-level {}), {}, cargo features: {}",
            info.profile,
            info.opt_level,
            info.rustc,
            info.features_label()
        );
    }
    for variant in &results.variants {
        if let VariantKind::Python { exe } = &variant.kind {
            let _ = writeln!(
                out,
                "- {}: `{}` (CPython {}), run with `PYTHONHASHSEED=0`",
                variant.name,
                exe.display(),
                results.python_version.as_deref().unwrap_or("?")
            );
        }
    }
    let _ = writeln!(
        out,
        "- programs: `benches/programs/*.py` at their `# {}` sizes; {} round(s) of timed runs{}",
        if results.quick {
            "test-args:"
        } else {
            "bench-args:"
        },
        results.rounds,
        if results.stopped_by_budget {
            ", stopped early by the time budget"
        } else {
            ""
        }
    );
    let _ = writeln!(out, "\n{WHAT_IS_TIMED}\n");
    let _ = writeln!(
        out,
        "The first warm-up run of each program under each variant checks its output against the \
         reference's (the first variant: CPython when it runs); a program whose output differs, \
         or that fails, is listed as failed in `summary.md` and not timed. Every timed run is \
         checked again.\n"
    );
    let _ = writeln!(out, "Files:\n");
    let _ = writeln!(
        out,
        "- `summary.md`: the tables; `ratio-vs-*.svg`: the ratios as charts"
    );
    let reference = suites.first().map_or("", |l| l.label.as_str());
    for labelled in suites {
        if labelled.label == reference {
            let _ = writeln!(out, "- `{reference}.json`: pyperf format, the reference");
        } else {
            let _ = writeln!(
                out,
                "- `{}.json`: pyperf format (`python3 -m pyperf compare_to {reference}.json {}.json`, \
                 or the same with `rceval compare`)",
                labelled.label, labelled.label
            );
        }
    }
    out
}
