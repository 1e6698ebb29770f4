//! `rceval dxp report`: reads DXP profiles, merges them and writes the report.

use rceval_profiling::dxp::DxpProfile;
use rceval_profiling::report::{CpythonCounts, DxpReport, Format, ReportSettings, render_svg};

/// What `rceval dxp report` was asked for.
#[derive(Clone, Debug)]
pub struct ReportRequest {
    pub files: Vec<String>,
    pub format: Format,
    pub svg: Option<String>,
    pub cpython: Option<String>,
    pub settings: ReportSettings,
}

/// The report text, after writing the SVG if asked; an error message otherwise.
pub fn report(request: &ReportRequest) -> Result<String, String> {
    let mut profiles = Vec::new();
    for file in &request.files {
        let text = std::fs::read_to_string(file)
            .map_err(|e| format!("rceval: can't open file '{file}': {e}\n"))?;
        profiles.push(DxpProfile::from_json(&text).map_err(|e| format!("rceval: {file}: {e}\n"))?);
    }
    let cpython = match &request.cpython {
        Some(file) => {
            let text = std::fs::read_to_string(file)
                .map_err(|e| format!("rceval: can't open file '{file}': {e}\n"))?;
            Some(CpythonCounts::from_json(&text).map_err(|e| format!("rceval: {file}: {e}\n"))?)
        }
        None => None,
    };
    let report = DxpReport::build(&profiles, cpython.as_ref(), request.settings);
    if let Some(svg) = &request.svg {
        std::fs::write(svg, render_svg(&report))
            .map_err(|e| format!("rceval: can't write '{svg}': {e}\n"))?;
    }
    Ok(report.render(request.format))
}
