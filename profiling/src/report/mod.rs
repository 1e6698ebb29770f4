//! `rceval dxp report`: merged DXP profiles, analysed and rendered as text, CSV, JSON, Markdown
//! or an SVG heat map of the pair matrix.

mod csv;
mod markdown;
mod model;
mod svg;
mod text;

pub use model::{
    Candidate, CpythonCounts, CpythonProgram, DxpReport, Neighbour, Neighbours, OpcodeRow, PairRow,
    ProgramRow, ReportSettings,
};
pub use svg::render_svg;

/// The textual report formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Text,
    Csv,
    Json,
    Markdown,
}

impl Format {
    pub const NAMES: [&'static str; 4] = ["text", "csv", "json", "markdown"];

    pub fn from_name(name: &str) -> Option<Format> {
        match name {
            "text" => Some(Format::Text),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "markdown" => Some(Format::Markdown),
            _ => None,
        }
    }
}

impl DxpReport {
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Text => text::render(self),
            Format::Csv => csv::render(self),
            Format::Json => {
                serde_json::to_string_pretty(self).expect("a report always serializes") + "\n"
            }
            Format::Markdown => markdown::render(self),
        }
    }
}

/// `part / whole` in percent (0 for an empty whole).
pub(crate) fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}
