//! The `rceval` command as a user meets it: usage errors, syntax errors, unsupported
//! constructs, recursion, `dis`, `info`.

use std::process::{Command, Output};

fn rceval(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rceval"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("rceval runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn unknown_dispatch_strategy_is_a_usage_error_listing_the_choices() {
    let out = rceval(&["run", "--dispatch", "computed-goto", "tests/cli/deep.py"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("invalid value 'computed-goto'"), "{err}");
    assert!(err.contains("possible values: switch"), "{err}");
}

#[test]
fn unknown_frame_allocator_is_a_usage_error() {
    let out = rceval(&["run", "--frames", "stack", "tests/cli/deep.py"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("possible values: heap"));
}

#[test]
fn missing_file_is_reported_not_panicked() {
    let out = rceval(&["run", "tests/cli/no_such_file.py"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("can't open file 'tests/cli/no_such_file.py'"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn syntax_error_names_file_line_and_column_like_cpython() {
    let out = rceval(&["run", "tests/cli/syntax_error.py"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[0], "  File \"tests/cli/syntax_error.py\", line 2",
        "{err}"
    );
    assert_eq!(lines[1], "    if x ==:", "{err}");
    assert!(lines[2].trim_start().starts_with('^'), "{err}");
    assert!(lines[3].starts_with("SyntaxError: "), "{err}");
}

#[test]
fn unsupported_construct_is_a_syntax_error_naming_it() {
    let out = rceval(&["run", "tests/cli/unsupported.py"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("line 2"), "{err}");
    assert!(
        err.contains("SyntaxError: 'match' statement is not supported by rceval yet"),
        "{err}"
    );
}

#[test]
fn runaway_recursion_raises_recursion_error() {
    let out = rceval(&["run", "tests/cli/runaway.py"]);
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(
        err.starts_with("Traceback (most recent call last):"),
        "{err}"
    );
    assert!(
        err.contains("  File \"tests/cli/runaway.py\", line 2, in down"),
        "{err}"
    );
    assert_eq!(
        err.lines().last(),
        Some("RecursionError: maximum recursion depth exceeded")
    );
}

#[test]
fn recursion_50000_deep_with_the_limit_raised_runs_on_the_frame_stack() {
    let out = rceval(&["run", "tests/cli/deep.py"]);
    assert_eq!(text(&out.stderr), "");
    assert_eq!(text(&out.stdout), "50000\n");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn dis_lists_a_function_with_a_loop_a_handler_and_a_closure() {
    let out = rceval(&["dis", "tests/cli/dis_sample.py"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let listing = text(&out.stdout);
    for needle in [
        "Disassembly of <code object outer",
        "Disassembly of <code object add",
        "LOAD_CLOSURE",
        "MAKE_FUNCTION",
        "GET_ITER",
        "FOR_ITER",
        "SETUP_FINALLY",
        "JUMP_IF_NOT_EXC_MATCH",
        "POP_EXCEPT",
        "LOAD_DEREF",
        "STORE_DEREF",
        ">>",
    ] {
        assert!(listing.contains(needle), "missing {needle} in\n{listing}");
    }
}

#[test]
fn info_lists_the_variants() {
    let out = rceval(&["info"]);
    assert_eq!(out.status.code(), Some(0));
    let info = text(&out.stdout);
    assert!(info.contains("dispatch strategies: switch"), "{info}");
    assert!(info.contains("frame allocators: heap"), "{info}");
}

#[test]
fn program_arguments_reach_sys_argv() {
    let out = rceval(&["run", "tests/programs/basics/argv.py", "alpha", "--beta"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("alpha"));
}
