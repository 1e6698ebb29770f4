//! The differential corpus as the profiling tests walk it: every `tests/programs/**/*.py` with
//! its `# args:` and every benchmark program at its `# test-args:` size.

use std::path::{Path, PathBuf};

pub struct Program {
    pub path: PathBuf,
    pub args: Vec<String>,
}

pub fn corpus() -> Vec<Program> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut programs = Vec::new();
    walk(
        &root.join("tests/programs"),
        "# args:",
        false,
        &mut programs,
    );
    walk(
        &root.join("benches/programs"),
        "# test-args:",
        true,
        &mut programs,
    );
    programs.sort_by(|a, b| a.path.cmp(&b.path));
    programs
}

fn walk(dir: &Path, key: &str, required: bool, out: &mut Vec<Program>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, key, required, out);
        } else if path.extension().is_some_and(|e| e == "py") {
            // A program that does not compile executes no instruction: nothing to observe.
            let expected_error = std::fs::read_to_string(path.with_extension("err"));
            if expected_error.is_ok_and(|e| e.contains("stderr: SyntaxError")) {
                continue;
            }
            let source = std::fs::read_to_string(&path).expect("readable program");
            let args = source
                .lines()
                .take_while(|l| l.starts_with('#') || l.trim().is_empty())
                .find_map(|l| l.strip_prefix(key))
                .map(|rest| rest.split_whitespace().map(str::to_string).collect());
            match args {
                Some(args) => out.push(Program { path, args }),
                None if !required => out.push(Program {
                    path,
                    args: Vec::new(),
                }),
                None => {}
            }
        }
    }
}
