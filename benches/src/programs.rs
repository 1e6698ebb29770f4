//! The suite's programs and their header comments (`benches/programs/README.md`):
//! `# bench-args:` (full size), `# test-args:` (small size, whose CPython output is
//! `NAME.test.out`) and `# pending: REASON` (rceval cannot run it yet).

use std::path::{Path, PathBuf};

/// One benchmark program as its header declares it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Program {
    /// The file stem (`nbody` for `nbody.py`).
    pub name: String,
    pub path: PathBuf,
    /// Full size (`# bench-args:`).
    pub bench_args: Vec<String>,
    /// Small size (`# test-args:`), the one CPython's expected output was generated at.
    pub test_args: Vec<String>,
    /// Why rceval cannot run the program yet (`# pending:`), if it cannot.
    pub pending: Option<String>,
}

impl Program {
    /// CPython 3.11's stdout at the test size (`NAME.test.out`, written by
    /// `python3 tests/regen_expected.py`).
    pub fn expected_test_output_path(&self) -> PathBuf {
        self.path.with_extension("test.out")
    }

    /// Reads the expected test-size output, or says how to regenerate it.
    pub fn expected_test_output(&self) -> Result<Vec<u8>, String> {
        let path = self.expected_test_output_path();
        std::fs::read(&path).map_err(|e| {
            format!(
                "missing expectation {} ({e}); run python3 tests/regen_expected.py",
                path.display()
            )
        })
    }
}

/// The suite's directory, `benches/programs/` of this workspace.
pub fn suite_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("programs")
}

/// Every program in `dir` with both size headers, sorted by name. Files starting with `_`
/// are helpers, not programs (as for `tests/regen_expected.py`).
pub fn load_suite(dir: &Path) -> Result<Vec<Program>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    let mut programs = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        let Some(name) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if path.extension().is_none_or(|e| e != "py") || name.starts_with('_') {
            continue;
        }
        let source = std::fs::read_to_string(&path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        programs.push(parse_program(name, &path, &source)?);
    }
    programs.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(programs)
}

/// A program from its source's header comments; both size headers are required.
pub fn parse_program(name: &str, path: &Path, source: &str) -> Result<Program, String> {
    let args = |key: &str| {
        header_value(source, key)
            .map(shell_words)
            .ok_or_else(|| format!("{}: missing '{key}' header", path.display()))
    };
    Ok(Program {
        name: name.to_string(),
        path: path.to_path_buf(),
        bench_args: args("# bench-args:")?,
        test_args: args("# test-args:")?,
        pending: header_value(source, "# pending:").map(str::to_string),
    })
}

/// The text after `key` on a line of the source's leading comment block.
pub fn header_value<'a>(source: &'a str, key: &str) -> Option<&'a str> {
    source
        .lines()
        .take_while(|l| l.starts_with('#') || l.trim().is_empty())
        .find_map(|l| l.strip_prefix(key))
        .map(str::trim)
}

/// Splits a header's arguments as `tests/regen_expected.py` does (`shlex.split`): whitespace
/// separates words, single and double quotes group them.
pub fn shell_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote: Option<char> = None;
    for c in text.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_read_from_the_leading_comment_block_only() {
        let source = "# bench-args: 100 2\n# test-args: 'a b' 3\n\n# pending: needs bytes\nx = 1\n# bench-args: 7\n";
        let program = parse_program("p", Path::new("p.py"), source).unwrap();
        assert_eq!(program.bench_args, ["100", "2"]);
        assert_eq!(program.test_args, ["a b", "3"]);
        assert_eq!(program.pending.as_deref(), Some("needs bytes"));
    }

    #[test]
    fn a_missing_size_header_is_an_error_naming_it() {
        let err = parse_program("p", Path::new("p.py"), "# bench-args: 1\nx = 1\n").unwrap_err();
        assert!(err.contains("'# test-args:'"), "{err}");
    }

    #[test]
    fn shell_words_follow_shlex() {
        assert_eq!(shell_words("  a  \"b c\" d'e f'g "), ["a", "b c", "de fg"]);
        assert_eq!(shell_words("''"), [""]);
        assert!(shell_words("   ").is_empty());
    }

    #[test]
    fn the_suite_loads_with_expectations_for_every_program() {
        let programs = load_suite(&suite_dir()).unwrap();
        assert!(programs.len() >= 10, "{programs:?}");
        for program in &programs {
            assert!(!program.test_args.is_empty(), "{}", program.name);
            program.expected_test_output().unwrap();
        }
    }
}
