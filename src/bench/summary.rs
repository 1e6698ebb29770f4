//! `summary.md` and the results folder's README, rendered from the pyperf suites alone (their
//! values and metadata): the headline (the geometric mean of the ratios with its spread, or
//! "smoke run" at test sizes), whether the run is partial, the load during it, the
//! `pyperf compare_to --table`-style tables, per-run times, start-up and what was not timed.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use serde_json::Value;

use super::compare::{self, Labelled, Row, format_ratio};
use super::programs::Size;
use super::report::WHAT_IS_TIMED;
use super::stats;

/// The metadata `rceval bench` adds to pyperf's, common to a run's suites unless noted.
pub mod keys {
    /// The programs' size: the header it came from (`default-args`, ...).
    pub const SIZE: &str = "program_size";
    /// When the run started, UTC.
    pub const STARTED: &str = "bench_started";
    /// How long the whole run took, in seconds (summed over merged shards).
    pub const SECONDS: &str = "bench_seconds";
    pub const ROUNDS_PLANNED: &str = "rounds_planned";
    /// Why the run holds fewer rounds than planned (`interrupted after 2 of 5 ...`).
    pub const PARTIAL: &str = "partial";
    /// `K/N`: the part of the matrix the run holds.
    pub const SHARD: &str = "shard";
    /// The variant's place in the run's order (per suite).
    pub const ORDER: &str = "variant_order";
    /// The variant the second table compares with (`--baseline`).
    pub const BASELINE: &str = "baseline";
    /// The start-up times of the variant, a JSON list as text (per suite).
    pub const STARTUP: &str = "startup_values";
    /// `[[program, why], ...]` of the variant's cells that failed, as text (per suite).
    pub const NOT_TIMED: &str = "not_timed";
    /// `[[program, why], ...]` of the programs skipped as pending, as text.
    pub const SKIPPED: &str = "skipped_programs";
}

/// A process shorter than this is mostly start-up: the default sizes keep every program
/// above it.
pub const SHORTEST_MEANINGFUL_SECONDS: f64 = 0.2;

/// The headline of a `--quick` run.
pub const SMOKE_HEADLINE: &str = "smoke run: sizes too small to compare speed";

/// One table of the summary: every other variant against `reference`.
pub struct Comparison {
    pub reference: String,
    pub title: String,
    pub rows: Vec<Row>,
}

fn meta<'a>(suite: &'a Labelled, key: &str) -> Option<&'a Value> {
    suite.suite.metadata.get(key)
}

fn meta_str<'a>(suite: &'a Labelled, key: &str) -> Option<&'a str> {
    meta(suite, key).and_then(Value::as_str)
}

/// A list kept as JSON text in one metadata value.
fn meta_list<T: serde::de::DeserializeOwned>(suite: &Labelled, key: &str) -> Vec<T> {
    meta_str(suite, key)
        .and_then(|text| serde_json::from_str(text).ok())
        .unwrap_or_default()
}

pub(crate) fn is_python(suite: &Labelled) -> bool {
    meta_str(suite, "python_implementation") == Some("cpython")
}

fn size_of(suites: &[Labelled]) -> Option<Size> {
    suites
        .first()
        .and_then(|s| meta_str(s, keys::SIZE))
        .and_then(Size::from_header)
}

/// The tables: every rceval variant against Python (if it ran), and against the baseline.
pub fn comparisons(suites: &[Labelled]) -> Vec<Comparison> {
    let mut out = Vec::new();
    let python = suites.iter().position(is_python);
    let rceval: Vec<usize> = (0..suites.len()).filter(|&v| Some(v) != python).collect();
    let pick = |reference: usize| -> Vec<Row> {
        let mut files = vec![Labelled {
            label: suites[reference].label.clone(),
            suite: suites[reference].suite.clone(),
        }];
        files.extend(
            rceval
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
            reference: suites[py].label.clone(),
            title: format!("rceval variants against {}", suites[py].label),
            rows: pick(py),
        });
    }
    let named = suites.first().and_then(|s| meta_str(s, keys::BASELINE));
    let baseline = named
        .and_then(|name| rceval.iter().copied().find(|&v| suites[v].label == name))
        .or_else(|| rceval.first().copied());
    if let Some(base) = baseline
        && rceval.len() > 1
    {
        out.push(Comparison {
            reference: suites[base].label.clone(),
            title: format!("rceval variants against {}", suites[base].label),
            rows: pick(base),
        });
    }
    out
}

/// `low`-`high` as ratios: "3.10x-3.90x slower", or each end in full when they straddle 1.
fn format_range(low: f64, high: f64) -> String {
    if low > 1.0 {
        format!("{low:.2}x-{high:.2}x slower")
    } else if high < 1.0 {
        format!("{:.2}x-{:.2}x faster", 1.0 / high, 1.0 / low)
    } else {
        format!("{} to {}", format_ratio(low), format_ratio(high))
    }
}

/// One variant's geometric mean against a reference, with its spread.
fn geomean_sentence(rows: &[Row], column: usize) -> (f64, String) {
    let ratios: Vec<f64> = rows.iter().map(|r| r.others[column].ratio).collect();
    let (centre, interval) = stats::geometric_mean_interval(&ratios);
    let significant = rows
        .iter()
        .filter(|r| r.others[column].significance.significant)
        .count();
    let (min, max) = ratios
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), &r| (lo.min(r), hi.max(r)));
    let mut text = format!(
        "**{}** (geometric mean of {} program(s)",
        format_ratio(centre),
        rows.len()
    );
    if let Some((low, high)) = interval {
        let _ = write!(
            text,
            "; 95 % CI over the programs {}",
            format_range(low, high)
        );
    }
    let _ = write!(
        text,
        "; per program {}; significant for {significant} of {})",
        format_range(min, max),
        rows.len()
    );
    (centre, text)
}

/// The headline: what the run says, with its spread, or why it says nothing about speed.
fn headline(suites: &[Labelled], comparisons: &[Comparison]) -> String {
    if size_of(suites) == Some(Size::Test) {
        return format!(
            "**{}{}.** At the programs' `# test-args:` sizes each process runs for \
             milliseconds, so start-up dominates every time and the ratios below say nothing \
             about the interpreters' speed; `rceval bench` without `--quick` measures it.\n",
            SMOKE_HEADLINE[..1].to_uppercase(),
            &SMOKE_HEADLINE[1..]
        );
    }
    let Some(comparison) = comparisons.iter().find(|c| !c.rows.is_empty()) else {
        return "No program ran under two variants: nothing to compare.\n".to_string();
    };
    let mut lines: Vec<(f64, String)> = (0..comparison.rows[0].others.len())
        .map(|c| {
            let (centre, text) = geomean_sentence(&comparison.rows, c);
            let label = &comparison.rows[0].others[c].changed.label;
            (
                centre,
                format!("{label} against {}: {text}", comparison.reference),
            )
        })
        .collect();
    lines.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out = String::new();
    for (i, (_, line)) in lines.iter().enumerate() {
        let _ = writeln!(out, "{}{line}", if i == 0 { "" } else { "- " });
        if i == 0 && lines.len() > 1 {
            out.push_str("\nThe other variants:\n\n");
        }
    }
    out
}

/// Every per-run load average recorded, over all suites.
fn load_averages(suites: &[Labelled]) -> Vec<f64> {
    suites
        .iter()
        .flat_map(|s| &s.suite.benchmarks)
        .flat_map(|b| &b.runs)
        .filter_map(|r| r.metadata.get("load_avg_1min").and_then(Value::as_f64))
        .collect()
}

fn load_paragraph(suites: &[Labelled]) -> Option<String> {
    let loads = load_averages(suites);
    if loads.is_empty() {
        return None;
    }
    let cores = suites
        .first()
        .and_then(|s| meta(s, "cpu_count"))
        .and_then(Value::as_u64)
        .unwrap_or(1);
    let max = loads.iter().copied().fold(f64::MIN, f64::max);
    let mut text = format!(
        "Load average during the run (1 minute, read after each run): mean {:.2}, max {max:.2}, \
         on {cores} core(s).",
        stats::mean(&loads)
    );
    if max > cores as f64 {
        let _ = write!(
            text,
            " **Warning: the load exceeded the {cores} core(s)**: other work competed for the \
             processors, so the times are noisier and longer than on an idle machine."
        );
    }
    Some(text)
}

/// The programs whose fastest variant ran for less than `SHORTEST_MEANINGFUL_SECONDS`.
fn short_programs(suites: &[Labelled]) -> Vec<String> {
    let mut names: Vec<&str> = suites.iter().flat_map(|s| s.suite.names()).collect();
    names.sort_unstable();
    names.dedup();
    names
        .into_iter()
        .filter(|name| {
            suites
                .iter()
                .filter_map(|s| s.suite.benchmark(name))
                .map(|b| b.values())
                .filter(|v| !v.is_empty())
                .any(|v| stats::mean(&v) < SHORTEST_MEANINGFUL_SECONDS)
        })
        .map(str::to_string)
        .collect()
}

/// Timed values per benchmark: the fewest and the most, and the most warm-ups.
fn round_counts(suites: &[Labelled]) -> (usize, usize, usize) {
    let benchmarks: Vec<_> = suites.iter().flat_map(|s| &s.suite.benchmarks).collect();
    let values: Vec<usize> = benchmarks.iter().map(|b| b.values().len()).collect();
    let warmups = benchmarks
        .iter()
        .map(|b| b.runs.iter().map(|r| r.warmups.len()).sum::<usize>())
        .max()
        .unwrap_or(0);
    (
        values.iter().copied().min().unwrap_or(0),
        values.iter().copied().max().unwrap_or(0),
        warmups,
    )
}

pub fn render(suites: &[Labelled], comparisons: &[Comparison]) -> String {
    let mut out = String::new();
    let first = suites.first();
    let started = first
        .and_then(|s| meta_str(s, keys::STARTED))
        .unwrap_or("?");
    let size = size_of(suites);
    let _ = writeln!(
        out,
        "# rceval bench: {} ({})\n",
        started.get(..16).unwrap_or(started),
        match size {
            Some(Size::Test) => SMOKE_HEADLINE,
            Some(Size::Default) => "default sizes",
            Some(Size::Full) => "full sizes",
            None => "sizes not recorded",
        }
    );
    out.push_str(&headline(suites, comparisons));
    out.push('\n');
    if let Some(partial) = first.and_then(|s| meta_str(s, keys::PARTIAL)) {
        let _ = writeln!(
            out,
            "**Partial results: {partial}.** Only completed rounds are kept.\n"
        );
    }
    if let Some(shard) = first.and_then(|s| meta_str(s, keys::SHARD)) {
        let _ = writeln!(
            out,
            "**Shard {shard}** of the program x variant matrix: `rceval bench merge` combines \
             the shards' folders.\n"
        );
    }
    if size != Some(Size::Test) {
        let short = short_programs(suites);
        if !short.is_empty() {
            let _ = writeln!(
                out,
                "**Warning:** under {SHORTEST_MEANINGFUL_SECONDS} s a process for {}: start-up \
                 is a large share of their times.\n",
                short.join(", ")
            );
        }
    }
    let (fewest, most, warmups) = round_counts(suites);
    let rounds = if fewest == most {
        most.to_string()
    } else {
        format!("{fewest}-{most}")
    };
    let cpu = first
        .and_then(|s| meta_str(s, "cpu_model_name"))
        .unwrap_or("?");
    let commit = first.and_then(|s| meta_str(s, "commit")).unwrap_or("?");
    let dirty = first.is_some_and(|s| meta(s, "commit_dirty").is_some());
    let _ = writeln!(
        out,
        "{rounds} timed run(s) per program and variant (after {warmups} warm-up run(s) that \
         check the output), interleaved in rounds; {cpu}, commit {}{}. Tables as `pyperf \
         compare_to --table`: mean time of the reference, then each variant's mean and its \
         ratio (\"not significant\" when Student's t-test at 95 % cannot tell them apart); a row \
         whose every difference is not significant is hidden and named below the table. The \
         geometric mean covers every program both ran.\n",
        &commit[..commit.len().min(7)],
        if dirty {
            " (with uncommitted changes)"
        } else {
            ""
        },
    );
    if let Some(load) = load_paragraph(suites) {
        let _ = writeln!(out, "{load}\n");
    }
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
    per_run_times(&mut out, suites);
    startup_table(&mut out, suites);
    super::memory::peak_rss_section(&mut out, suites);
    not_timed(&mut out, suites);
    out
}

fn per_run_times(out: &mut String, suites: &[Labelled]) {
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
    let mut names: Vec<&str> = suites.iter().flat_map(|s| s.suite.names()).collect();
    names.sort_unstable();
    names.dedup();
    let mut body = Vec::new();
    for name in names {
        for labelled in suites {
            let Some(benchmark) = labelled.suite.benchmark(name) else {
                continue;
            };
            let values = benchmark.values();
            let Some(latency) = stats::latency(&values) else {
                continue;
            };
            let sd = stats::stdev(&values).map_or("-".to_string(), compare::format_one);
            body.push(vec![
                name.to_string(),
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
}

fn startup_table(out: &mut String, suites: &[Labelled]) {
    let _ = writeln!(
        out,
        "\n## Start-up\n\nAn empty program, once per round and variant; included in every time above.\n"
    );
    let header: Vec<String> = ["variant", "runs", "mean", "p50", "max"]
        .map(String::from)
        .to_vec();
    let body: Vec<Vec<String>> = suites
        .iter()
        .filter_map(|labelled| {
            let values: Vec<f64> = meta_list(labelled, keys::STARTUP);
            let latency = stats::latency(&values)?;
            Some(vec![
                labelled.label.clone(),
                values.len().to_string(),
                compare::format_one(stats::mean(&values)),
                compare::format_one(latency.p50),
                compare::format_one(latency.max),
            ])
        })
        .collect();
    if !body.is_empty() {
        out.push_str(&compare::markdown_table(&header, &body));
    }
}

fn not_timed(out: &mut String, suites: &[Labelled]) {
    let mut failures = Vec::new();
    for labelled in suites {
        let list: Vec<(String, String)> = meta_list(labelled, keys::NOT_TIMED);
        failures.extend(
            list.into_iter()
                .map(|(program, why)| (program, labelled.label.clone(), why)),
        );
    }
    failures.sort();
    let skipped: Vec<(String, String)> = suites
        .first()
        .map(|s| meta_list(s, keys::SKIPPED))
        .unwrap_or_default();
    if failures.is_empty() && skipped.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n## Not timed\n");
    for (program, variant, why) in &failures {
        let _ = writeln!(out, "- {program} under {variant}: FAILED: {why}");
    }
    for (program, why) in &skipped {
        let _ = writeln!(out, "- {program}: skipped ({why})");
    }
}

/// The distinct string values of `key` over the suites, in order.
fn distinct(suites: &[Labelled], key: &str) -> Vec<String> {
    let mut seen = BTreeSet::new();
    suites
        .iter()
        .filter_map(|s| meta_str(s, key))
        .filter(|v| seen.insert(v.to_string()))
        .map(str::to_string)
        .collect()
}

/// The results folder's README: how the figures were made.
pub fn readme(suites: &[Labelled]) -> String {
    let mut out = String::new();
    let first = suites.first();
    let get = |key: &str| first.and_then(|s| meta_str(s, key)).unwrap_or("?");
    let started = get(keys::STARTED);
    let _ = writeln!(
        out,
        "# Benchmark results: {}\n",
        started.get(..19).unwrap_or(started)
    );
    let _ = writeln!(
        out,
        "Written by `rceval bench`; nothing here is edited by hand.\n"
    );
    let commands = distinct(suites, "command");
    let _ = writeln!(out, "```sh\n{}\n```\n", commands.join("\n"));
    for note in distinct(suites, "note") {
        let _ = writeln!(out, "**Conditions:** {note}\n");
    }
    if let Some(partial) = first.and_then(|s| meta_str(s, keys::PARTIAL)) {
        let _ = writeln!(out, "**Partial:** {partial}.\n");
    }
    let seconds = first
        .and_then(|s| meta(s, keys::SECONDS))
        .and_then(Value::as_f64)
        .unwrap_or(0.0);
    let _ = writeln!(out, "- started: {started} UTC; took {seconds:.0} s");
    let _ = writeln!(
        out,
        "- machine: {} ({} cores), {}, host `{}`",
        get("cpu_model_name"),
        first
            .and_then(|s| meta(s, "cpu_count"))
            .map_or("?".to_string(), Value::to_string),
        get("platform"),
        get("hostname")
    );
    let _ = writeln!(
        out,
        "- source: commit {}{}",
        get("commit"),
        if first.is_some_and(|s| meta(s, "commit_dirty").is_some()) {
            " with uncommitted changes to tracked files"
        } else {
            ""
        }
    );
    let mut builds = BTreeSet::new();
    for suite in suites.iter().filter(|s| !is_python(s)) {
        let field = |key: &str| meta_str(suite, key).unwrap_or("?").to_string();
        builds.insert(format!(
            "- rceval build{}: {} profile (opt-level {}), {}, cargo features: {}",
            meta_str(suite, "build").map_or(String::new(), |b| format!(" `{b}`")),
            field("profile"),
            field("opt_level"),
            field("rustc_version"),
            field("cargo_features")
        ));
    }
    for line in builds {
        let _ = writeln!(out, "{line}");
    }
    for suite in suites.iter().filter(|s| is_python(s)) {
        let _ = writeln!(
            out,
            "- {}: `{}` (CPython {}), run with `PYTHONHASHSEED=0`",
            suite.label,
            meta_str(suite, "python_executable").unwrap_or("?"),
            meta_str(suite, "python_version").unwrap_or("?")
        );
    }
    let (_, most, _) = round_counts(suites);
    let _ = writeln!(
        out,
        "- programs: `benches/programs/*.py` at their `# {}:` sizes; {most} round(s) of timed runs \
         (of {} planned)",
        get(keys::SIZE),
        first
            .and_then(|s| meta(s, keys::ROUNDS_PLANNED))
            .map_or("?".to_string(), Value::to_string),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::pyperf::{Benchmark, Metadata, Run, Suite};
    use serde_json::json;

    /// A variant's suite: three programs, three runs each around `scale` times a base time,
    /// every run read at load `load`.
    fn suite(label: &str, python: bool, scale: f64, load: f64, size: Size) -> Labelled {
        let mut metadata = Metadata::new();
        metadata.insert(
            "python_implementation".into(),
            json!(if python { "cpython" } else { "rceval" }),
        );
        metadata.insert("cpu_count".into(), json!(2));
        metadata.insert(keys::SIZE.into(), json!(size.header()));
        metadata.insert(keys::STARTED.into(), json!("2026-12-07 10:00:00.0"));
        let mut suite = Suite::new(metadata);
        for (name, base) in [("fib", 0.3), ("go", 0.4), ("nbody", 0.5)] {
            let mut benchmark_metadata = Metadata::new();
            benchmark_metadata.insert("name".into(), json!(name));
            let runs = [0.99, 1.0, 1.01]
                .iter()
                .map(|jitter| {
                    let mut run_metadata = Metadata::new();
                    run_metadata.insert("load_avg_1min".into(), json!(load));
                    Run {
                        metadata: run_metadata,
                        warmups: Vec::new(),
                        values: vec![base * scale * jitter],
                    }
                })
                .collect();
            suite.benchmarks.push(Benchmark {
                metadata: benchmark_metadata,
                runs,
            });
        }
        Labelled {
            label: label.to_string(),
            suite,
        }
    }

    fn render_all(suites: &[Labelled]) -> String {
        render(suites, &comparisons(suites))
    }

    #[test]
    fn headline_is_the_geometric_mean_with_its_spread_best_first() {
        let suites = [
            suite("python3", true, 1.0, 1.0, Size::Default),
            suite("switch-heap", false, 3.0, 1.0, Size::Default),
            suite("tailcall-heap", false, 2.0, 1.0, Size::Default),
        ];
        let text = render_all(&suites);
        let headline = text.lines().nth(2).unwrap();
        assert!(
            headline.starts_with("tailcall-heap against python3: **2.00x slower** (geometric mean of 3 program(s); 95 % CI over the programs "),
            "{text}"
        );
        assert!(headline.ends_with("significant for 3 of 3)"), "{text}");
        assert!(
            text.contains("- switch-heap against python3: **3.00x slower**"),
            "{text}"
        );
        assert!(text.contains("on 2 core(s)."), "{text}");
        assert!(!text.contains("Warning"), "{text}");
    }

    #[test]
    fn a_load_above_the_cores_and_short_programs_are_warned_of() {
        let suites = [
            suite("python3", true, 0.45, 3.5, Size::Default),
            suite("switch-heap", false, 3.0, 3.5, Size::Default),
        ];
        let text = render_all(&suites);
        assert!(
            text.contains("max 3.50, on 2 core(s). **Warning: the load exceeded the 2 core(s)**"),
            "{text}"
        );
        // python3 ran fib (0.135 s) and go (0.18 s) under 0.2 s, nbody (0.225 s) above.
        assert!(
            text.contains("**Warning:** under 0.2 s a process for fib, go:"),
            "{text}"
        );
    }

    #[test]
    fn test_sizes_headline_a_smoke_run_and_claim_no_speed() {
        let suites = [
            suite("python3", true, 1.0, 1.0, Size::Test),
            suite("switch-heap", false, 0.5, 1.0, Size::Test),
        ];
        let text = render_all(&suites);
        assert!(
            text.starts_with(
                "# rceval bench: 2026-12-07 10:00 (smoke run: sizes too small to compare speed)\n\n\
                 **Smoke run: sizes too small to compare speed.**"
            ),
            "{text}"
        );
        assert!(!text.contains("against python3: **"), "{text}");
    }
}
