//! The pair matrix as an SVG heat map: rows are the previous opcode, columns the next, both in
//! the order of the opcode ranking; a cell's colour is its count on a log scale.

use std::fmt::Write;

use super::DxpReport;

const CELL: usize = 12;
const LABEL: usize = 170;

pub fn render_svg(r: &DxpReport) -> String {
    let names: Vec<&str> = r.opcodes.iter().map(|o| o.opcode.as_str()).collect();
    let index = |name: &str| names.iter().position(|&n| n == name);
    let n = names.len();
    let side = LABEL + n * CELL + 20;
    // Wide enough for the title, whatever the matrix.
    let width = side.max(640);
    let height = side + 40;
    let max = r.matrix.iter().map(|m| m.2).max().unwrap_or(1).max(1) as f64;
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="monospace" font-size="9">"#
    );
    let _ = writeln!(
        out,
        r#"<rect width="{width}" height="{height}" fill="white"/>"#
    );
    let _ = writeln!(
        out,
        r#"<text x="4" y="14" font-size="12">DXP pair matrix: row = previous opcode, column = next; {} pairs, colour = log count</text>"#,
        r.pair_total
    );
    let origin = LABEL;
    for (i, name) in names.iter().enumerate() {
        let y = origin + i * CELL + CELL - 3;
        let _ = writeln!(
            out,
            r#"<text x="{}" y="{y}" text-anchor="end">{name}</text>"#,
            origin - 4
        );
        let x = origin + i * CELL + CELL - 3;
        let _ = writeln!(
            out,
            r#"<text x="{x}" y="{}" text-anchor="start" transform="rotate(-90 {x} {})">{name}</text>"#,
            origin - 4,
            origin - 4
        );
    }
    let _ = writeln!(
        out,
        r##"<rect x="{origin}" y="{origin}" width="{}" height="{}" fill="#f4f4f4" stroke="#999"/>"##,
        n * CELL,
        n * CELL
    );
    for (a, b, count) in &r.matrix {
        let (Some(row), Some(col)) = (index(a), index(b)) else {
            continue;
        };
        let level = ((*count as f64).ln_1p() / max.ln_1p()).clamp(0.0, 1.0);
        let _ = writeln!(
            out,
            r#"<rect x="{}" y="{}" width="{CELL}" height="{CELL}" fill="{}"><title>{a} → {b}: {count}</title></rect>"#,
            origin + col * CELL,
            origin + row * CELL,
            heat(level)
        );
    }
    let _ = writeln!(
        out,
        r#"<text x="{origin}" y="{}">lightest = 1, darkest = {}</text>"#,
        origin + n * CELL + 16,
        max as u64
    );
    out.push_str("</svg>\n");
    out
}

/// Pale yellow to dark red.
fn heat(level: f64) -> String {
    let lerp = |from: f64, to: f64| (from + (to - from) * level).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        lerp(255.0, 128.0),
        lerp(240.0, 0.0),
        lerp(180.0, 38.0)
    )
}
