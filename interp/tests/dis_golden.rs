//! Golden listings: every `tests/dis/NAME.py` is compiled and disassembled, and the listing
//! must equal `tests/dis/NAME.dis`. Run with `UPDATE_GOLDEN=1` to rewrite the `.dis` files
//! after a deliberate change (then read the diff: each listing was checked by eye against
//! what CPython 3.10 produces).

use std::fs;
use std::path::{Path, PathBuf};

use rceval_interp::compiler::compile_module;
use rceval_interp::dis::disassemble;

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join("dis")
}

fn sources() -> Vec<PathBuf> {
    let mut sources: Vec<PathBuf> = fs::read_dir(golden_dir())
        .expect("tests/dis exists")
        .map(|entry| entry.expect("readable directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "py"))
        .collect();
    sources.sort();
    sources
}

#[test]
fn listings_match_golden_files() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1");
    let sources = sources();
    assert!(
        sources.len() >= 12,
        "expected at least 12 golden programs, found {}",
        sources.len()
    );
    let mut mismatches = Vec::new();
    for source_path in &sources {
        let source = fs::read_to_string(source_path).expect("readable source");
        let file_name = source_path
            .file_name()
            .and_then(|n| n.to_str())
            .expect("utf-8 file name");
        let code = compile_module(&source, file_name)
            .unwrap_or_else(|e| panic!("{file_name}:\n{}", e.render()));
        let listing = disassemble(&code);
        let golden_path = source_path.with_extension("dis");
        if update {
            fs::write(&golden_path, &listing).expect("writable golden file");
            continue;
        }
        let expected = fs::read_to_string(&golden_path).unwrap_or_default();
        if expected != listing {
            mismatches.push(format!("{}:\n{listing}", golden_path.display()));
        }
    }
    assert!(
        mismatches.is_empty(),
        "listings differ (UPDATE_GOLDEN=1 rewrites them):\n{}",
        mismatches.join("\n")
    );
}
