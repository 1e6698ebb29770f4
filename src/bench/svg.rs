//! The ratios of a comparison as an SVG chart, written by hand like the DXP heat map: one
//! group of horizontal bars per program (one bar per variant, from 1.0 to its ratio of the
//! reference's mean time, on a log scale so that 2x faster and 2x slower are equally long),
//! and the geometric mean last. Every bar starts at a ratio of 1 and carries a whisker for its
//! 95 % confidence interval (the geometric mean's: across the programs); a ratio the t-test
//! cannot tell from 1 is drawn grey with its variant's outline, so no noise reads as a result.

use std::fmt::Write;

use super::compare::{Row, format_ratio};
use super::stats;

/// One bar: the ratio, its interval, whether it is significant.
struct Bar {
    ratio: f64,
    interval: Option<(f64, f64)>,
    significant: bool,
}

/// The fill of a bar whose ratio is not significant.
const NOT_SIGNIFICANT_FILL: &str = "#d0d0d0";

const LABEL: f64 = 130.0;
const PLOT: f64 = 520.0;
const BAR: f64 = 11.0;
const GAP: f64 = 8.0;
const TOP: f64 = 46.0;
const LEGEND: f64 = 190.0;

/// Distinct, colour-blind-friendly hues (Okabe–Ito), cycled.
const COLOURS: [&str; 8] = [
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000",
];

pub fn ratio_chart(title: &str, rows: &[Row]) -> String {
    let variants: Vec<&str> = rows
        .first()
        .map(|r| r.others.iter().map(|v| v.changed.label.as_str()).collect())
        .unwrap_or_default();
    let mut groups: Vec<(String, Vec<Bar>)> = rows
        .iter()
        .map(|r| {
            let bars = r
                .others
                .iter()
                .map(|v| Bar {
                    ratio: v.ratio,
                    interval: stats::ratio_interval(&r.reference.values, &v.changed.values),
                    significant: v.significance.significant,
                })
                .collect();
            (r.name.clone(), bars)
        })
        .collect();
    if rows.len() > 1 {
        let bars = (0..variants.len())
            .map(|c| {
                let ratios: Vec<f64> = rows.iter().map(|r| r.others[c].ratio).collect();
                let (ratio, interval) = stats::geometric_mean_interval(&ratios);
                Bar {
                    ratio,
                    interval,
                    // Significant when its interval leaves 1 out (or cannot be had).
                    significant: interval.is_none_or(|(low, high)| low > 1.0 || high < 1.0),
                }
            })
            .collect();
        groups.push(("geometric mean".to_string(), bars));
    }
    // The axis starts at 1 (and goes below it only if some bar does), spans the bars and
    // their whiskers, widened to whole steps of the log scale.
    let (lo, hi) = groups
        .iter()
        .flat_map(|(_, bars)| bars)
        .flat_map(|b| {
            let (low, high) = b.interval.unwrap_or((b.ratio, b.ratio));
            [b.ratio, low, high]
        })
        .filter(|r| r.is_finite() && *r > 0.0)
        .fold((1.0f64, 1.0f64), |(lo, hi), r| (lo.min(r), hi.max(r)));
    let lo = if lo < 1.0 { nice_down(lo) } else { 1.0 };
    let hi = nice_up(hi);
    let x_of = |ratio: f64| LABEL + (ratio.ln() - lo.ln()) / (hi.ln() - lo.ln()) * PLOT;
    let group_height = variants.len() as f64 * BAR + GAP;
    let plot_height = groups.len() as f64 * group_height;
    let width = LABEL + PLOT + LEGEND;
    let height = TOP + plot_height + 40.0;
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="10">"#
    );
    let _ = writeln!(
        out,
        r#"<rect width="{width}" height="{height}" fill="white"/>"#
    );
    let _ = writeln!(
        out,
        r#"<text x="4" y="16" font-size="13">{}</text>"#,
        escape(title)
    );
    let _ = writeln!(
        out,
        r#"<text x="4" y="32">mean time / reference's mean time (log scale): left of 1 is faster, right is slower; whiskers: 95 % CI; grey: not significant</text>"#
    );
    // Ticks closer than 30 px to one already drawn are left out (1 is always drawn).
    let mut drawn: Vec<f64> = vec![x_of(1.0)];
    let mut shown = vec![1.0];
    for tick in ticks(lo, hi) {
        let x = x_of(tick);
        if drawn.iter().all(|d| (d - x).abs() >= 30.0) {
            drawn.push(x);
            shown.push(tick);
        }
    }
    for tick in shown {
        let x = x_of(tick);
        let _ = writeln!(
            out,
            r##"<line x1="{x:.1}" y1="{TOP}" x2="{x:.1}" y2="{:.1}" stroke="{}" stroke-width="{}"/>"##,
            TOP + plot_height,
            if tick == 1.0 { "#333" } else { "#ddd" },
            if tick == 1.0 { 1.5 } else { 1.0 }
        );
        let _ = writeln!(
            out,
            r#"<text x="{x:.1}" y="{:.1}" text-anchor="middle">{}</text>"#,
            TOP + plot_height + 14.0,
            trim(tick)
        );
    }
    let one = x_of(1.0);
    for (g, (name, bars)) in groups.iter().enumerate() {
        let y0 = TOP + g as f64 * group_height + GAP / 2.0;
        let _ = writeln!(
            out,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end"{}>{}</text>"#,
            LABEL - 6.0,
            y0 + variants.len() as f64 * BAR / 2.0 + 3.5,
            if g + 1 == groups.len() && rows.len() > 1 {
                r#" font-weight="bold""#
            } else {
                ""
            },
            escape(name)
        );
        for (v, bar) in bars.iter().enumerate() {
            let x = x_of(bar.ratio);
            let (left, w) = if x < one {
                (x, one - x)
            } else {
                (one, x - one)
            };
            let colour = COLOURS[v % COLOURS.len()];
            let y = y0 + v as f64 * BAR;
            let _ = writeln!(
                out,
                r#"<rect x="{left:.1}" y="{y:.1}" width="{:.1}" height="{:.1}" fill="{}" stroke="{colour}" stroke-width="{}"><title>{} {}: {}{}</title></rect>"#,
                w.max(0.5),
                BAR - 1.0,
                if bar.significant {
                    colour
                } else {
                    NOT_SIGNIFICANT_FILL
                },
                if bar.significant { 0 } else { 1 },
                escape(name),
                escape(variants[v]),
                format_ratio(bar.ratio),
                if bar.significant {
                    ""
                } else {
                    " (not significant)"
                }
            );
            if let Some((low, high)) = bar.interval {
                let mid = y + (BAR - 1.0) / 2.0;
                let (x1, x2) = (x_of(low), x_of(high));
                let _ = writeln!(
                    out,
                    r##"<path d="M{x1:.1} {mid:.1}H{x2:.1}M{x1:.1} {:.1}V{:.1}M{x2:.1} {:.1}V{:.1}" stroke="#333" stroke-width="1" fill="none"/>"##,
                    mid - 3.0,
                    mid + 3.0,
                    mid - 3.0,
                    mid + 3.0
                );
            }
        }
    }
    for (v, name) in variants.iter().enumerate() {
        let y = TOP + v as f64 * 16.0;
        let x = LABEL + PLOT + 16.0;
        let _ = writeln!(
            out,
            r#"<rect x="{x}" y="{y}" width="12" height="12" fill="{}"/><text x="{}" y="{}">{}</text>"#,
            COLOURS[v % COLOURS.len()],
            x + 16.0,
            y + 10.0,
            escape(name)
        );
    }
    out.push_str("</svg>\n");
    out
}

/// Axis ends: 1, 1.25, 1.5, 2, 3, 5, 10 and their inverses and decades.
fn nice_up(value: f64) -> f64 {
    let steps = [1.0, 1.1, 1.25, 1.5, 2.0, 3.0, 5.0];
    let mut decade = 1.0;
    loop {
        for s in steps {
            if s * decade >= value * 1.02 {
                return s * decade;
            }
        }
        decade *= 10.0;
    }
}

fn nice_down(value: f64) -> f64 {
    1.0 / nice_up(1.0 / value)
}

fn ticks(lo: f64, hi: f64) -> Vec<f64> {
    let candidates = [
        0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 0.8, 0.9, 1.0, 1.1, 1.25, 2.0, 4.0, 5.0, 10.0, 20.0,
        50.0, 100.0,
    ];
    candidates
        .into_iter()
        .filter(|t| *t >= lo && *t <= hi)
        .collect()
}

fn trim(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bench::compare::{Measured, Versus};
    use crate::bench::stats::Significance;

    fn row(name: &str, ratios: &[f64]) -> Row {
        let measured = |label: &str, mean: f64| Measured {
            label: label.to_string(),
            values: vec![mean * 0.99, mean * 1.01],
        };
        Row {
            name: name.to_string(),
            reference: measured("ref", 1.0),
            others: ratios
                .iter()
                .enumerate()
                .map(|(i, &r)| Versus {
                    changed: measured(&format!("v{i}"), r),
                    ratio: r,
                    significance: Significance {
                        significant: r != 1.0,
                        t_score: None,
                    },
                })
                .collect(),
        }
    }

    #[test]
    fn one_bar_per_program_and_variant_plus_the_geometric_mean() {
        let svg = ratio_chart("t <x>", &[row("fib", &[0.5, 2.0]), row("go", &[1.0, 4.0])]);
        assert!(svg.starts_with("<svg"));
        assert!(svg.trim_end().ends_with("</svg>"));
        assert_eq!(svg.matches("<title>").count(), 6, "{svg}");
        assert!(svg.contains("<title>fib v0: 2.00x faster</title>"));
        assert!(svg.contains("<title>geometric mean v1: 2.83x slower"));
        assert!(svg.contains("t &lt;x&gt;"));
        // A whisker per bar, the geometric mean's included.
        assert_eq!(svg.matches("<path d=").count(), 6, "{svg}");
    }

    #[test]
    fn not_significant_bars_are_grey() {
        let svg = ratio_chart("t", &[row("fib", &[1.0, 2.0]), row("go", &[1.5, 4.0])]);
        assert!(svg.contains("<title>fib v0: no change (not significant)</title>"));
        assert!(svg.contains(&format!(
            r#"fill="{NOT_SIGNIFICANT_FILL}" stroke="{}""#,
            COLOURS[0]
        )));
        assert!(svg.contains("<title>go v1: 4.00x slower</title>"));
    }

    #[test]
    fn when_every_ratio_is_above_one_the_axis_starts_at_one() {
        let rows = [
            row("fib", &[1.5, 2.0]),
            row("go", &[1.6, 2.1]),
            row("nbody", &[1.55, 2.05]),
        ];
        let svg = ratio_chart("t", &rows);
        // The left end of the plot is the tick at 1, where the bars start.
        assert!(svg.contains(&format!(r#"<line x1="{LABEL:.1}""#)), "{svg}");
        assert!(svg.contains(&format!(r#"<rect x="{LABEL:.1}""#)), "{svg}");
    }

    #[test]
    fn axis_ends_cover_the_ratios() {
        assert_eq!(nice_up(1.0), 1.1);
        assert_eq!(nice_up(3.4), 5.0);
        assert_eq!(nice_up(7.0), 10.0);
        assert!((nice_down(0.8) - 1.0 / 1.5).abs() < 1e-12);
    }
}
