//! The benchmark programs: `*.py` files whose leading comment block gives their sizes
//! (`# bench-args:`, `# default-args:`, `# test-args:`) and, while rceval cannot run them,
//! `# pending: REASON`.

use std::path::{Path, PathBuf};

use rceval_benches::programs::{header_value, shell_words};

/// One benchmark program and the sizes its header declares.
#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    /// The file stem: `richards` for `richards.py`.
    pub name: String,
    pub path: PathBuf,
    /// Full size (`# bench-args:`); empty if the header gives none (the program's default).
    pub bench_args: Vec<String>,
    /// The default run's size (`# default-args:`): python3 takes about 0.25 s of CPU, so
    /// start-up is a small share; the full size if the header gives none.
    pub default_args: Vec<String>,
    /// Smoke-test size (`# test-args:`); the full size if the header gives none.
    pub test_args: Vec<String>,
    /// Why rceval cannot run it yet (`# pending:`), if it cannot.
    pub pending: Option<String>,
}

impl Program {
    /// Parses a program's header; `None` if the file cannot be read.
    pub fn load(path: &Path) -> std::io::Result<Program> {
        let source = std::fs::read_to_string(path)?;
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Unlike the suite's own loader, both sizes are optional here: `--programs DIR` may
        // name programs written without the suite's headers.
        let bench_args = header_value(&source, "# bench-args:")
            .map(shell_words)
            .unwrap_or_default();
        let sized = |key: &str| {
            header_value(&source, key)
                .map(shell_words)
                .unwrap_or_else(|| bench_args.clone())
        };
        let default_args = sized("# default-args:");
        let test_args = sized("# test-args:");
        Ok(Program {
            name,
            path: path.to_path_buf(),
            bench_args,
            default_args,
            test_args,
            pending: header_value(&source, "# pending:").map(str::to_string),
        })
    }

    /// The arguments at `size`.
    pub fn args(&self, size: Size) -> &[String] {
        match size {
            Size::Test => &self.test_args,
            Size::Default => &self.default_args,
            Size::Full => &self.bench_args,
        }
    }
}

/// Which of a program's sizes a run uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Size {
    /// `# test-args:` (`--quick`): a smoke run; start-up dominates, so no speed is compared.
    Test,
    /// `# default-args:`: long enough (>= 0.2 s a process) that start-up is a small share.
    Default,
    /// `# bench-args:` (`--full`): 1-2 s of python3 CPU time.
    Full,
}

impl Size {
    /// The header the sizes come from, as results record it.
    pub fn header(self) -> &'static str {
        match self {
            Size::Test => "test-args",
            Size::Default => "default-args",
            Size::Full => "bench-args",
        }
    }

    pub fn from_header(header: &str) -> Option<Size> {
        [Size::Test, Size::Default, Size::Full]
            .into_iter()
            .find(|s| s.header() == header)
    }
}

/// The `*.py` programs in `dir`, sorted by name, keeping those whose name contains one of
/// `filters` (all if `filters` is empty).
pub fn discover(dir: &Path, filters: &[String]) -> std::io::Result<Vec<Program>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|path| path.extension().is_some_and(|e| e == "py"))
        .collect();
    paths.sort();
    let mut programs = Vec::new();
    for path in paths {
        let program = Program::load(&path)?;
        if filters.is_empty() || filters.iter().any(|f| program.name.contains(f.as_str())) {
            programs.push(program);
        }
    }
    Ok(programs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_sizes_and_pending_from_the_leading_comments_only() {
        let source = "#!/usr/bin/env python3\n# bench-args: 60 2\n# test-args: 1 1000\n\
                      # pending: needs bytes\nimport sys\n# bench-args: 9\n";
        let dir = std::env::temp_dir().join(format!("rceval-programs-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("p.py");
        std::fs::write(&path, source).expect("program");
        let program = Program::load(&path).expect("load");
        std::fs::remove_dir_all(&dir).expect("clean up");
        assert_eq!(program.bench_args, ["60", "2"]);
        assert_eq!(program.test_args, ["1", "1000"]);
        assert_eq!(program.pending.as_deref(), Some("needs bytes"));
    }

    #[test]
    fn finds_the_suite_sorted_and_filtered() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("benches/programs");
        let all = discover(&dir, &[]).expect("suite");
        assert!(all.len() >= 10);
        assert!(all.windows(2).all(|w| w[0].name < w[1].name));
        let some = discover(&dir, &["rich".into(), "fib".into()]).expect("suite");
        let names: Vec<&str> = some.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["fib", "richards"]);
        assert_eq!(some[1].args(Size::Test), ["1", "1000"]);
        assert_eq!(some[0].args(Size::Full), ["35"]);
        assert!(
            all.iter()
                .all(|p| p.default_args != p.bench_args || p.name == "fannkuch")
        );
    }
}
