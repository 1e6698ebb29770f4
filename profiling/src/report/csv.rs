//! CSV in starlark-rust's bytecode-profile shape: `Opcode,Count,Count / Total` with a `TOTAL`
//! row first, then, after a blank line, `Opcode[0],Opcode[1],Count,Count / Total` over the
//! whole pair matrix (largest first), also with its `TOTAL` row.

use std::fmt::Write;

use super::{DxpReport, percent};

pub(super) fn render(r: &DxpReport) -> String {
    let mut out = String::from("Opcode,Count,Count / Total\n");
    let _ = writeln!(out, "TOTAL,{},{:.3}%", r.total, 100.0);
    for row in &r.opcodes {
        let _ = writeln!(out, "{},{},{:.3}%", row.opcode, row.count, row.share);
    }
    out.push('\n');
    out.push_str("Opcode[0],Opcode[1],Count,Count / Total\n");
    let _ = writeln!(out, "TOTAL,TOTAL,{},{:.3}%", r.pair_total, 100.0);
    let mut matrix = r.matrix.clone();
    matrix.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| (&a.0, &a.1).cmp(&(&b.0, &b.1))));
    for (a, b, n) in matrix {
        let _ = writeln!(out, "{a},{b},{n},{:.3}%", percent(n, r.pair_total));
    }
    out
}
