//! The plain-text report: aligned columns, one section per question.

use std::fmt::Write;

use super::DxpReport;

pub(super) fn render(r: &DxpReport) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "DXP report: {} profile(s), {} instructions executed, {} pairs",
        r.programs.len(),
        r.total,
        r.pair_total
    );
    out.push('\n');
    programs(&mut out, r);
    let _ = writeln!(out, "Opcodes by count");
    let _ = writeln!(
        out,
        "{:>4}  {:<24}{:>14}{:>9}{:>12}",
        "#", "opcode", "count", "self", "cumulative"
    );
    for (i, row) in r.opcodes.iter().enumerate() {
        let _ = writeln!(
            out,
            "{:>4}  {:<24}{:>14}{:>8.2}%{:>11.2}%",
            i + 1,
            row.opcode,
            row.count,
            row.share,
            row.cumulative
        );
    }
    out.push('\n');
    let _ = writeln!(out, "Top {} pairs", r.pairs.len());
    let _ = writeln!(
        out,
        "{:>4}  {:<24}{:<24}{:>14}{:>9}{:>13}",
        "#", "previous", "opcode", "count", "share", "of previous"
    );
    for (i, p) in r.pairs.iter().enumerate() {
        let _ = writeln!(
            out,
            "{:>4}  {:<24}{:<24}{:>14}{:>8.2}%{:>12.2}%",
            i + 1,
            p.previous,
            p.opcode,
            p.count,
            p.share,
            p.of_previous
        );
    }
    out.push('\n');
    let _ = writeln!(
        out,
        "Superinstruction candidates (dispatches a fused pair would remove)"
    );
    let _ = writeln!(
        out,
        "{:>4}  {:<24}{:<24}{:>14}{:>9}  note",
        "#", "previous", "opcode", "removed", "of all"
    );
    for (i, c) in r.candidates.iter().enumerate() {
        let note = if c.may_cross_frames {
            "previous may hand control to another frame"
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "{:>4}  {:<24}{:<24}{:>14}{:>8.2}%  {note}",
            i + 1,
            c.previous,
            c.opcode,
            c.dispatches_removed,
            c.share
        );
        out.truncate(out.trim_end().len());
        out.push('\n');
    }
    out.push('\n');
    let _ = writeln!(out, "Predecessors and successors");
    for n in &r.neighbours {
        let _ = writeln!(out, "{}", n.opcode);
        let list = |items: &[super::Neighbour]| -> String {
            if items.is_empty() {
                return "-".into();
            }
            items
                .iter()
                .map(|e| format!("{} {} ({:.1}%)", e.opcode, e.count, e.share))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(out, "    predecessors: {}", list(&n.predecessors));
        let _ = writeln!(out, "    successors:   {}", list(&n.successors));
    }
    out
}

fn programs(out: &mut String, r: &DxpReport) {
    let with_cpython = r.programs.iter().any(|p| p.cpython_executed.is_some());
    let _ = write!(
        out,
        "{:<40} {:<15}{:>16}",
        "program", "variant", "rceval executed"
    );
    if with_cpython {
        let _ = write!(out, "{:>18}{:>9}", "CPython 3.11", "ratio");
    }
    out.push('\n');
    for p in &r.programs {
        let mut name = p.program.clone();
        for a in &p.args {
            name += " ";
            name += a;
        }
        let _ = write!(
            out,
            "{:<40} {:<15}{:>16}",
            name,
            format!("{}/{}", p.dispatch, p.frames),
            p.executed
        );
        if with_cpython {
            match p.cpython_executed {
                Some(c) => {
                    let _ = write!(out, "{:>18}{:>9.3}", c, p.executed as f64 / c.max(1) as f64);
                }
                None => {
                    let _ = write!(out, "{:>18}{:>9}", "-", "-");
                }
            }
        }
        out.push('\n');
    }
    out.push('\n');
}
