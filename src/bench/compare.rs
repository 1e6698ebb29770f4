//! `pyperf compare_to`, rebuilt on our pyperf files: the first file is the reference, every
//! benchmark the files have in common is compared (ratio of means, "1.07x faster/slower",
//! Student's t-test), with the geometric mean of the ratios; as pyperf's plain list or its
//! `--table` (reST or Markdown).

use super::pyperf::Suite;
use super::stats::{self, Significance};

/// A loaded file and the name it is shown under (its file name without `.json`, as pyperf).
pub struct Labelled {
    pub label: String,
    pub suite: Suite,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TableFormat {
    Rest,
    Markdown,
}

#[derive(Clone, Copy, Debug)]
pub struct CompareOptions {
    pub table: Option<TableFormat>,
    /// Also show benchmarks whose difference is not significant, and the t scores.
    pub verbose: bool,
    /// Differences below this many percent count as not significant (pyperf `--min-speed`).
    pub min_speed: Option<f64>,
}

/// One benchmark under one file.
#[derive(Clone, Debug)]
pub struct Measured {
    pub label: String,
    pub values: Vec<f64>,
}

impl Measured {
    pub fn mean(&self) -> f64 {
        stats::mean(&self.values)
    }
}

/// One changed file against the reference, for one benchmark.
#[derive(Clone, Debug)]
pub struct Versus {
    pub changed: Measured,
    /// Changed mean / reference mean.
    pub ratio: f64,
    pub significance: Significance,
}

/// One benchmark across every file.
#[derive(Clone, Debug)]
pub struct Row {
    pub name: String,
    pub reference: Measured,
    pub others: Vec<Versus>,
}

/// Every benchmark the files share, in the first file's order, compared with the first file.
pub fn rows(files: &[Labelled], min_speed: Option<f64>) -> Vec<Row> {
    let Some((first, rest)) = files.split_first() else {
        return Vec::new();
    };
    let common: Vec<&str> = first
        .suite
        .names()
        .into_iter()
        .filter(|name| rest.iter().all(|f| f.suite.benchmark(name).is_some()))
        .collect();
    let measured = |file: &Labelled, name: &str| Measured {
        label: file.label.clone(),
        values: file
            .suite
            .benchmark(name)
            .map(|b| b.values())
            .unwrap_or_default(),
    };
    common
        .into_iter()
        .map(|name| {
            let reference = measured(first, name);
            let others = rest
                .iter()
                .map(|file| {
                    let changed = measured(file, name);
                    versus(&reference, changed, min_speed)
                })
                .collect();
            Row {
                name: name.to_string(),
                reference,
                others,
            }
        })
        .filter(|row| {
            !row.reference.values.is_empty()
                && row.others.iter().all(|o| !o.changed.values.is_empty())
        })
        .collect()
}

fn versus(reference: &Measured, changed: Measured, min_speed: Option<f64>) -> Versus {
    let ratio = changed.mean() / reference.mean();
    let mut significance = stats::significance(&reference.values, &changed.values);
    if let Some(min) = min_speed {
        let speed = if ratio < 1.0 { 1.0 / ratio } else { ratio };
        if (speed - 1.0) * 100.0 < min {
            significance.significant = false;
        }
    }
    Versus {
        changed,
        ratio,
        significance,
    }
}

/// pyperf's `format_normalized_mean`.
pub fn format_ratio(ratio: f64) -> String {
    if ratio == 1.0 {
        "no change".to_string()
    } else if ratio < 1.0 {
        format!("{:.2}x faster", 1.0 / ratio)
    } else {
        format!("{ratio:.2}x slower")
    }
}

/// pyperf's `format_timedeltas`: every value in the unit and precision the first one picks
/// (three significant digits of it).
pub fn format_seconds(values: &[f64]) -> Vec<String> {
    const UNITS: [&str; 4] = ["sec", "ms", "us", "ns"];
    let reference = values.first().map_or(0.0, |v| v.abs());
    let exponent = (-9..=2)
        .rev()
        .find(|&i| reference >= 10f64.powi(i))
        .unwrap_or(-9);
    let precision = (2 - exponent.rem_euclid(3)) as usize;
    let k = if exponent < 0 {
        (-exponent.div_euclid(3)) as usize
    } else {
        0
    };
    let factor = 10f64.powi(3 * k as i32);
    values
        .iter()
        .map(|v| format!("{:.precision$} {}", v * factor, UNITS[k]))
        .collect()
}

pub fn format_one(seconds: f64) -> String {
    format_seconds(&[seconds]).remove(0)
}

/// pyperf's `format_result_value`: `mean +- std dev`, or the value alone.
pub fn format_mean_stdev(values: &[f64]) -> String {
    let mean = stats::mean(values);
    match stats::stdev(values) {
        Some(sd) => {
            let both = format_seconds(&[mean, sd]);
            format!("{} +- {}", both[0], both[1])
        }
        None => format_one(mean),
    }
}

/// The whole `compare_to` output.
pub fn render(files: &[Labelled], options: &CompareOptions) -> Result<String, String> {
    if files.len() < 2 {
        return Err("need at least two benchmark files".to_string());
    }
    let rows = rows(files, options.min_speed);
    if rows.is_empty() {
        return Err("Benchmark suites have no benchmark in common".to_string());
    }
    let mut out = match options.table {
        Some(format) => render_table(&rows, format),
        None => render_list(&rows, options.verbose),
    };
    for file in files {
        let ignored: Vec<&str> = file
            .suite
            .names()
            .into_iter()
            .filter(|name| !rows.iter().any(|r| r.name == *name))
            .collect();
        if !ignored.is_empty() {
            let mut sorted = ignored;
            sorted.sort();
            out.push_str(&format!(
                "Ignored benchmarks ({}) of {}: {}\n",
                sorted.len(),
                file.label,
                sorted.join(", ")
            ));
        }
    }
    Ok(out)
}

fn title(text: &str) -> String {
    format!("{text}\n{}\n\n", "=".repeat(text.chars().count()))
}

fn hidden_line(names: &[&str]) -> String {
    format!(
        "Benchmark hidden because not significant ({}): {}\n",
        names.len(),
        names.join(", ")
    )
}

fn render_list(rows: &[Row], verbose: bool) -> String {
    let show_name = rows.len() > 1;
    let mut out = String::new();
    let mut hidden = Vec::new();
    let mut shown_any = false;
    for (index, row) in rows.iter().enumerate() {
        let mut lines = Vec::new();
        for v in &row.others {
            let arrow = if row.reference.values.len() > 1 || v.changed.values.len() > 1 {
                "Mean +- std dev: "
            } else {
                ""
            };
            lines.push(format!(
                "{arrow}[{}] {} -> [{}] {}: {}",
                row.reference.label,
                format_mean_stdev(&row.reference.values),
                v.changed.label,
                format_mean_stdev(&v.changed.values),
                format_ratio(v.ratio)
            ));
            match (v.significance.significant, v.significance.t_score) {
                (true, Some(t)) if verbose => lines.push(format!("Significant (t={t:.2})")),
                (true, None) if verbose => lines.push("Significant".to_string()),
                (false, _) => lines.push("Not significant!".to_string()),
                _ => {}
            }
        }
        let significant = row.others.iter().any(|v| v.significance.significant);
        if !(significant || verbose) {
            hidden.push(row.name.as_str());
            continue;
        }
        shown_any = true;
        if lines.len() != 1 {
            if show_name {
                out.push_str(&title(&row.name));
            }
            for line in &lines {
                out.push_str(line);
                out.push('\n');
            }
            if index + 1 != rows.len() {
                out.push('\n');
            }
        } else if show_name {
            out.push_str(&format!("{}: {}\n", row.name, lines[0]));
        } else {
            out.push_str(&format!("{}\n", lines[0]));
        }
    }
    if !hidden.is_empty() {
        if shown_any {
            out.push('\n');
        }
        out.push_str(&hidden_line(&hidden));
    }
    if rows.len() >= 2 {
        out.push('\n');
        let columns = rows[0].others.len();
        if columns > 1 {
            out.push_str(&title("Geometric mean"));
            for column in 0..columns {
                out.push_str(&format!(
                    "{}: {}\n",
                    rows[0].others[column].changed.label,
                    format_ratio(geometric_mean_of(rows, column))
                ));
            }
        } else {
            out.push_str(&format!(
                "Geometric mean: {}\n",
                format_ratio(geometric_mean_of(rows, 0))
            ));
        }
    }
    out
}

/// The geometric mean of column `column`'s ratios over every row (significant or not, as
/// pyperf).
pub fn geometric_mean_of(rows: &[Row], column: usize) -> f64 {
    let ratios: Vec<f64> = rows.iter().map(|r| r.others[column].ratio).collect();
    stats::geometric_mean(&ratios)
}

/// The cells of pyperf's `--table`: header, one row per benchmark with any significant
/// difference, the geometric mean; and the names of the hidden rows.
pub fn table_cells(rows: &[Row]) -> (Vec<String>, Vec<Vec<String>>, Vec<String>) {
    let mut header = vec!["Benchmark".to_string(), rows[0].reference.label.clone()];
    header.extend(rows[0].others.iter().map(|v| v.changed.label.clone()));
    let mut body = Vec::new();
    let mut hidden = Vec::new();
    for row in rows {
        if !row.others.iter().any(|v| v.significance.significant) {
            hidden.push(row.name.clone());
            continue;
        }
        let mut cells = vec![row.name.clone(), format_one(row.reference.mean())];
        for v in &row.others {
            cells.push(if v.significance.significant {
                format!(
                    "{}: {}",
                    format_one(v.changed.mean()),
                    format_ratio(v.ratio)
                )
            } else {
                "not significant".to_string()
            });
        }
        body.push(cells);
    }
    if rows.len() > 1 && !body.is_empty() {
        let mut cells = vec!["Geometric mean".to_string(), "(ref)".to_string()];
        cells.extend((0..rows[0].others.len()).map(|c| format_ratio(geometric_mean_of(rows, c))));
        body.push(cells);
    }
    (header, body, hidden)
}

fn render_table(rows: &[Row], format: TableFormat) -> String {
    let (header, body, hidden) = table_cells(rows);
    let mut out = String::new();
    if !body.is_empty() {
        out.push_str(&match format {
            TableFormat::Rest => rest_table(&header, &body),
            TableFormat::Markdown => markdown_table(&header, &body),
        });
    }
    if !hidden.is_empty() {
        if !body.is_empty() {
            out.push('\n');
        }
        let names: Vec<&str> = hidden.iter().map(String::as_str).collect();
        out.push_str(&hidden_line(&names));
    }
    out
}

fn widths(header: &[String], body: &[Vec<String>]) -> Vec<usize> {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in body {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    widths
}

fn padded_row(widths: &[usize], row: &[String]) -> String {
    let mut line = String::from("|");
    for (w, cell) in widths.iter().zip(row) {
        line.push_str(&format!(" {cell:<w$} |"));
    }
    line.push('\n');
    line
}

/// pyperf's `ReSTTable`.
pub fn rest_table(header: &[String], body: &[Vec<String>]) -> String {
    let widths = widths(header, body);
    let rule = |c: char| {
        let mut line = String::from("+");
        for w in &widths {
            line.push_str(&c.to_string().repeat(w + 2));
            line.push('+');
        }
        line.push('\n');
        line
    };
    let mut out = rule('-');
    out.push_str(&padded_row(&widths, header));
    out.push_str(&rule('='));
    for row in body {
        out.push_str(&padded_row(&widths, row));
        out.push_str(&rule('-'));
    }
    out
}

/// pyperf's `MarkDownTable` (`--table-format md`): the first column left-aligned, the
/// others centred.
pub fn markdown_table(header: &[String], body: &[Vec<String>]) -> String {
    let widths = widths(header, body);
    let mut out = padded_row(&widths, header);
    out.push('|');
    for (i, w) in widths.iter().enumerate() {
        if i == 0 {
            out.push_str(&"-".repeat(w + 2));
        } else {
            out.push_str(&format!(":{}:", "-".repeat(*w)));
        }
        out.push('|');
    }
    out.push('\n');
    for row in body {
        out.push_str(&padded_row(&widths, row));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::pyperf::{Benchmark, Run};
    use serde_json::json;

    fn suite(benchmarks: &[(&str, &[f64])]) -> Suite {
        let mut suite = Suite::new(Default::default());
        for (name, values) in benchmarks {
            let mut metadata = serde_json::Map::new();
            metadata.insert("name".into(), json!(name));
            suite.benchmarks.push(Benchmark {
                metadata,
                runs: values
                    .iter()
                    .map(|&v| Run {
                        values: vec![v],
                        ..Run::default()
                    })
                    .collect(),
            });
        }
        suite
    }

    fn labelled(label: &str, benchmarks: &[(&str, &[f64])]) -> Labelled {
        Labelled {
            label: label.into(),
            suite: suite(benchmarks),
        }
    }

    #[test]
    fn seconds_are_formatted_like_pyperf() {
        // pyperf._formatter.format_timedeltas((1.234567, 0.0123)) == ('1.23 sec', '0.01 sec')
        assert_eq!(
            format_seconds(&[1.234567, 0.0123]),
            ["1.23 sec", "0.01 sec"]
        );
        assert_eq!(format_seconds(&[12.3456]), ["12.3 sec"]);
        assert_eq!(format_seconds(&[0.0123456]), ["12.3 ms"]);
        assert_eq!(format_seconds(&[0.000123456]), ["123 us"]);
        assert_eq!(format_seconds(&[2.5e-9]), ["2.50 ns"]);
        assert_eq!(format_ratio(0.5), "2.00x faster");
        assert_eq!(format_ratio(1.07), "1.07x slower");
        assert_eq!(format_ratio(1.0), "no change");
    }

    #[test]
    fn list_output_has_pyperfs_lines() {
        let files = [
            labelled(
                "ref",
                &[
                    ("fib", &[1.0, 1.1, 1.2, 1.05, 1.15]),
                    ("go", &[2.0, 2.0, 2.1, 2.05, 2.0]),
                ],
            ),
            labelled(
                "new",
                &[
                    ("fib", &[0.5, 0.55, 0.6, 0.52, 0.58]),
                    ("go", &[2.0, 2.05, 2.0, 2.1, 2.0]),
                    ("only", &[1.0]),
                ],
            ),
        ];
        let options = CompareOptions {
            table: None,
            verbose: false,
            min_speed: None,
        };
        let out = render(&files, &options).unwrap();
        assert!(
            out.starts_with("fib: Mean +- std dev: [ref] 1.10 sec +- 0.08 sec -> [new] 550 ms +- 41 ms: 2.00x faster\n"),
            "{out}"
        );
        assert!(
            out.contains("\nBenchmark hidden because not significant (1): go\n"),
            "{out}"
        );
        assert!(out.contains("\nGeometric mean: 1.41x faster\n"), "{out}");
        assert!(
            out.ends_with("Ignored benchmarks (1) of new: only\n"),
            "{out}"
        );
    }

    #[test]
    fn markdown_table_is_pyperfs() {
        let files = [
            labelled(
                "ref",
                &[("fib", &[1.0, 1.1, 1.2]), ("go", &[2.0, 2.1, 2.2])],
            ),
            labelled(
                "new",
                &[("fib", &[2.0, 2.2, 2.4]), ("go", &[1.0, 1.05, 1.1])],
            ),
        ];
        let options = CompareOptions {
            table: Some(TableFormat::Markdown),
            verbose: false,
            min_speed: None,
        };
        let out = render(&files, &options).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0],
            "| Benchmark      | ref      | new                    |"
        );
        assert_eq!(
            lines[1],
            "|----------------|:--------:|:----------------------:|"
        );
        assert_eq!(
            lines[2],
            "| fib            | 1.10 sec | 2.20 sec: 2.00x slower |"
        );
        assert_eq!(
            lines[3],
            "| go             | 2.10 sec | 1.05 sec: 2.00x faster |"
        );
        assert_eq!(
            lines[4],
            "| Geometric mean | (ref)    | no change              |"
        );
    }

    #[test]
    fn fewer_than_two_files_or_nothing_in_common_is_an_error() {
        let options = CompareOptions {
            table: None,
            verbose: false,
            min_speed: None,
        };
        assert!(render(&[labelled("a", &[("x", &[1.0])])], &options).is_err());
        let apart = [
            labelled("a", &[("x", &[1.0])]),
            labelled("b", &[("y", &[1.0])]),
        ];
        assert_eq!(
            render(&apart, &options).unwrap_err(),
            "Benchmark suites have no benchmark in common"
        );
    }
}
