//! The report as Markdown tables (for results/ folders and pull requests).

use std::fmt::Write;

use super::DxpReport;

pub(super) fn render(r: &DxpReport) -> String {
    let mut out = String::from("# DXP report\n\n");
    let _ = writeln!(
        out,
        "{} profile(s), {} instructions executed, {} pairs.\n",
        r.programs.len(),
        r.total,
        r.pair_total
    );
    let with_cpython = r.programs.iter().any(|p| p.cpython_executed.is_some());
    out.push_str("## Programs\n\n| program | variant | rceval executed |");
    out.push_str(if with_cpython {
        " CPython 3.11 executed | ratio |\n|---|---|---:|---:|---:|\n"
    } else {
        "\n|---|---|---:|\n"
    });
    for p in &r.programs {
        let name = std::iter::once(p.program.as_str())
            .chain(p.args.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ");
        let _ = write!(
            out,
            "| `{name}` | {}/{} | {} |",
            p.dispatch, p.frames, p.executed
        );
        if with_cpython {
            match p.cpython_executed {
                Some(c) => {
                    let _ = write!(out, " {c} | {:.3} |", p.executed as f64 / c.max(1) as f64);
                }
                None => out.push_str(" - | - |"),
            }
        }
        out.push('\n');
    }
    out.push_str("\n## Opcodes by count\n\n| # | opcode | count | self | cumulative |\n|---:|---|---:|---:|---:|\n");
    for (i, row) in r.opcodes.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {:.2}% | {:.2}% |",
            i + 1,
            row.opcode,
            row.count,
            row.share,
            row.cumulative
        );
    }
    let _ = write!(
        out,
        "\n## Top {} pairs\n\n| # | previous | opcode | count | share | of previous |\n|---:|---|---|---:|---:|---:|\n",
        r.pairs.len()
    );
    for (i, p) in r.pairs.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {:.2}% | {:.2}% |",
            i + 1,
            p.previous,
            p.opcode,
            p.count,
            p.share,
            p.of_previous
        );
    }
    out.push_str("\n## Superinstruction candidates\n\nDispatches a fused pair would remove (a run of one opcode fuses in halves).\n\n| # | previous | opcode | removed | of all | may cross frames |\n|---:|---|---|---:|---:|---|\n");
    for (i, c) in r.candidates.iter().enumerate() {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {:.2}% | {} |",
            i + 1,
            c.previous,
            c.opcode,
            c.dispatches_removed,
            c.share,
            if c.may_cross_frames { "yes" } else { "" }
        );
    }
    out.push_str("\n## Predecessors and successors\n\n| opcode | top predecessors | top successors |\n|---|---|---|\n");
    for n in &r.neighbours {
        let list = |items: &[super::Neighbour]| -> String {
            items
                .iter()
                .map(|e| format!("{} {} ({:.1}%)", e.opcode, e.count, e.share))
                .collect::<Vec<_>>()
                .join("<br>")
        };
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            n.opcode,
            list(&n.predecessors),
            list(&n.successors)
        );
    }
    out
}
