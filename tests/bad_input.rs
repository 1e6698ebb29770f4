//! Bad input never aborts, hangs or loses output (issue #17): each case runs the `rceval`
//! binary as a child process, under the `switch` and `tailcall` dispatch strategies, and
//! expects what CPython 3.11 does.

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Child, Command, ExitStatus, Output, Stdio};
use std::time::Duration;

use wait_timeout::ChildExt;

const STRATEGIES: [&str; 2] = ["switch", "tailcall"];

/// How long a case may take before it counts as hung (generous: a hang is forever).
const HANG: Duration = Duration::from_secs(60);

/// Address space for cases that allocate: enough for the interpreter (its 1 GiB thread stack
/// is reserved, not used), far too little for the huge sizes the programs ask for.
const MEMORY_LIMIT_KIB: u64 = 4 << 20;

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A program in a temporary folder (kept alive with the returned guard).
fn program(source: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("prog.py");
    std::fs::write(&path, source).expect("write program");
    (dir, path)
}

/// `rceval ARGS...` under `sh -c` with `ulimit -v`, so that the limit applies to it alone.
fn limited_command(args: &[&str]) -> Command {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!(
            "ulimit -v {MEMORY_LIMIT_KIB} && exec \"$0\" \"$@\""
        ))
        .arg(env!("CARGO_BIN_EXE_rceval"))
        .args(args);
    cmd
}

/// Waits for `child`, killing it (and failing the test) if it hangs.
fn wait_or_kill(child: &mut Child, what: &str) -> ExitStatus {
    match child.wait_timeout(HANG).expect("wait") {
        Some(status) => status,
        None => {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{what}: still running after {HANG:?}");
        }
    }
}

/// Runs `source` under `dispatch` with the memory limit, collecting its output.
fn run(source: &str, dispatch: &str) -> Output {
    let (_dir, path) = program(source.as_bytes());
    let path = path.to_str().expect("utf-8 path");
    let mut child = limited_command(&["run", "--dispatch", dispatch, path])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rceval starts");
    let (stdout, stderr) = read_both(&mut child);
    let status = wait_or_kill(&mut child, source);
    Output {
        status,
        stdout,
        stderr,
    }
}

/// Reads a child's stdout and stderr to their ends without deadlocking on either.
fn read_both(child: &mut Child) -> (Vec<u8>, Vec<u8>) {
    use std::io::Read;
    let mut err_pipe = child.stderr.take().expect("stderr piped");
    let err_reader = std::thread::spawn(move || {
        let mut err = Vec::new();
        let _ = err_pipe.read_to_end(&mut err);
        err
    });
    let mut out = Vec::new();
    if let Some(mut pipe) = child.stdout.take() {
        let _ = pipe.read_to_end(&mut out);
    }
    (out, err_reader.join().expect("stderr reader"))
}

/// Runs `source` under both strategies and checks stdout, the last stderr line and the status.
fn expect(source: &str, stdout: &str, last_stderr_line: Option<&str>, status: i32) {
    for dispatch in STRATEGIES {
        let out = run(source, dispatch);
        let err = text(&out.stderr);
        assert_eq!(text(&out.stdout), stdout, "{dispatch}: {source}\n{err}");
        assert_eq!(err.lines().last(), last_stderr_line, "{dispatch}: {source}");
        assert_eq!(
            out.status.code(),
            Some(status),
            "{dispatch}: {source}\n{err}"
        );
    }
}

// ---- sys.exit ---------------------------------------------------------------------------------

#[test]
fn sys_exit_status_is_the_low_byte_of_the_code_as_cpython_on_linux() {
    for (code, status) in [
        ("-1", 255),
        ("256 + 7", 7),
        ("2**32 + 3", 3),
        ("2**70", 255),
    ] {
        let source = format!("import sys\nprint('before')\nsys.exit({code})\n");
        expect(&source, "before\n", None, status);
    }
}

// ---- time.sleep -------------------------------------------------------------------------------

#[test]
fn sleep_too_long_raises_overflow_error_and_negative_value_error() {
    let source = "import time\n\
                  for a in (1e300, float('inf'), -1e300, 10**10, 10**400, -1, float('nan')):\n    \
                      try:\n        \
                          time.sleep(a)\n    \
                      except Exception as e:\n        \
                          print(type(e).__name__, e)\n";
    let expected = "OverflowError timestamp out of range for platform time_t\n\
                    OverflowError timestamp out of range for platform time_t\n\
                    OverflowError timestamp out of range for platform time_t\n\
                    OverflowError timestamp too large to convert to C _PyTime_t\n\
                    OverflowError timestamp too large to convert to C _PyTime_t\n\
                    ValueError sleep length must be non-negative\n\
                    ValueError Invalid value NaN (not a number)\n";
    expect(source, expected, None, 0);
}

// ---- stdout that cannot be written --------------------------------------------------------------

const ENDLESS_PRINTER: &str = "while True:\n    print('x' * 10)\n";

#[test]
fn endless_printer_piped_into_a_reader_that_stops_gets_broken_pipe_error() {
    for dispatch in STRATEGIES {
        let (_dir, path) = program(ENDLESS_PRINTER.as_bytes());
        let mut child = Command::new(env!("CARGO_BIN_EXE_rceval"))
            .args(["run", "--dispatch", dispatch, path.to_str().unwrap()])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("rceval starts");
        let mut first = String::new();
        let mut reader = BufReader::new(child.stdout.take().unwrap());
        reader.read_line(&mut first).expect("a line");
        assert_eq!(first, "xxxxxxxxxx\n");
        drop(reader);
        let (_, err) = read_both(&mut child);
        let status = wait_or_kill(&mut child, dispatch);
        let err = text(&err);
        assert_eq!(
            err.lines().collect::<Vec<_>>(),
            [
                "Traceback (most recent call last):",
                &format!("  File \"{}\", line 2, in <module>", path.display()),
                "    print('x' * 10)",
                "BrokenPipeError: [Errno 32] Broken pipe",
            ],
            "{dispatch}"
        );
        assert_eq!(status.code(), Some(1), "{dispatch}");
    }
}

/// Runs `source` with stdout on `/dev/full`.
fn run_into_full_disk(source: &str, dispatch: &str) -> (String, Option<i32>) {
    let (_dir, path) = program(source.as_bytes());
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    let out = Command::new(env!("CARGO_BIN_EXE_rceval"))
        .args(["run", "--dispatch", dispatch, path.to_str().unwrap()])
        .stdout(full)
        .output()
        .expect("rceval runs");
    (text(&out.stderr), out.status.code())
}

#[test]
fn output_lost_at_exit_on_a_full_disk_is_reported_with_status_120() {
    for dispatch in STRATEGIES {
        let (err, status) = run_into_full_disk("print('a')\n", dispatch);
        assert_eq!(
            err,
            "Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n\
             OSError: [Errno 28] No space left on device\n",
            "{dispatch}"
        );
        assert_eq!(status, Some(120), "{dispatch}");
    }
}

#[test]
fn flush_onto_a_full_disk_raises_a_catchable_os_error() {
    let source = "import sys\n\
                  try:\n    \
                      print('a', flush=True)\n\
                  except OSError as e:\n    \
                      sys.stderr.write(f'{type(e).__name__}: {e}\\n')\n";
    for dispatch in STRATEGIES {
        let (err, status) = run_into_full_disk(source, dispatch);
        // The output a failed flush could not write is still pending at exit, as in CPython.
        assert_eq!(
            err,
            "OSError: [Errno 28] No space left on device\n\
             Exception ignored in: <_io.TextIOWrapper name='<stdout>' mode='w' encoding='utf-8'>\n\
             OSError: [Errno 28] No space left on device\n",
            "{dispatch}"
        );
        assert_eq!(status, Some(120), "{dispatch}");
    }
}

#[test]
fn a_full_buffer_that_cannot_be_written_raises_once_and_is_dropped() {
    let source = "import sys\n\
                  try:\n    \
                      while True:\n        \
                          print('x' * 10)\n\
                  except OSError as e:\n    \
                      sys.stderr.write(f'{type(e).__name__}: {e}\\n')\n";
    for dispatch in STRATEGIES {
        let (err, status) = run_into_full_disk(source, dispatch);
        assert_eq!(err, "OSError: [Errno 28] No space left on device\n");
        assert_eq!(status, Some(0), "{dispatch}");
    }
}

#[test]
fn closed_stdout_swallows_output_as_cpython() {
    for dispatch in STRATEGIES {
        let (_dir, path) = program(b"print('lost')\n");
        let out = Command::new("sh")
            .arg("-c")
            .arg("exec \"$0\" run --dispatch \"$1\" \"$2\" >&-")
            .args([
                env!("CARGO_BIN_EXE_rceval"),
                dispatch,
                path.to_str().unwrap(),
            ])
            .output()
            .expect("rceval runs");
        assert_eq!(text(&out.stderr), "", "{dispatch}");
        assert_eq!(out.status.code(), Some(0), "{dispatch}");
    }
}

// ---- recursion through native code ------------------------------------------------------------

#[test]
fn repr_set_to_str_is_a_recursion_error_not_a_stack_overflow() {
    let source = "class Foo:\n    pass\nFoo.__repr__ = Foo.__str__\nprint('before')\nstr(Foo())\n";
    expect(
        source,
        "before\n",
        Some("RecursionError: maximum recursion depth exceeded while calling a Python object"),
        1,
    );
}

#[test]
fn instance_that_is_its_own_classes_call_is_a_recursion_error_in_bounded_memory() {
    let source = "class C:\n    pass\n\
                  c = C()\n\
                  c.__class__.__call__ = c\n\
                  try:\n    \
                      c()\n\
                  except RecursionError as e:\n    \
                      print(e)\n";
    expect(
        source,
        "maximum recursion depth exceeded while calling a Python object\n",
        None,
        0,
    );
}

#[test]
fn call_that_calls_its_instance_again_is_a_recursion_error() {
    let source = "class C:\n    pass\n\
                  c = C()\n\
                  C.__call__ = lambda self: self()\n\
                  try:\n    \
                      c()\n\
                  except RecursionError as e:\n    \
                      print(e)\n";
    expect(source, "maximum recursion depth exceeded\n", None, 0);
}

// ---- the subcommands' own output ----------------------------------------------------------------

/// Runs `rceval ARGS...` in `dir` with stdout a pipe whose reader is already gone.
fn rceval_into_closed_pipe(dir: &std::path::Path, args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().expect("pipe");
    drop(reader);
    Command::new(env!("CARGO_BIN_EXE_rceval"))
        .args(args)
        .current_dir(dir)
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .expect("rceval runs")
}

/// Runs `rceval ARGS...` in `dir` with stdout on `/dev/full`.
fn rceval_into_full_disk(dir: &std::path::Path, args: &[&str]) -> Output {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .expect("/dev/full");
    Command::new(env!("CARGO_BIN_EXE_rceval"))
        .args(args)
        .current_dir(dir)
        .stdout(full)
        .output()
        .expect("rceval runs")
}

#[test]
fn subcommands_writing_into_a_closed_pipe_exit_quietly_and_onto_a_full_disk_say_so() {
    let (dir, _) = program(b"import durable\ndurable.wait('approval')\n");
    let rceval = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_rceval"))
            .args(args)
            .current_dir(dir.path())
            .output()
            .expect("rceval runs")
    };
    let suspended = rceval(&["run", "--store", "wf.db", "prog.py"]);
    assert_eq!(
        suspended.status.code(),
        Some(75),
        "{}",
        text(&suspended.stderr)
    );
    let root = env!("CARGO_MANIFEST_DIR");
    let results = format!("{root}/results/2026-11-21-vm-f80830b");
    let (zombie, freelist) = (
        format!("{results}/switch-zombie.json"),
        format!("{results}/switch-freelist.json"),
    );
    let commands: [&[&str]; 5] = [
        &["info"],
        &["info", "--json"],
        &["workflows", "--store", "wf.db"],
        &["dis", "prog.py"],
        &["compare", &zombie, &freelist],
    ];
    for args in commands {
        let out = rceval(args);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "{args:?} prints something");

        let out = rceval_into_closed_pipe(dir.path(), args);
        assert_eq!(text(&out.stderr), "", "{args:?}");
        assert_eq!(out.status.code(), Some(0), "{args:?}");

        let out = rceval_into_full_disk(dir.path(), args);
        assert_eq!(
            text(&out.stderr),
            "rceval: can't write to stdout: No space left on device (os error 28)\n",
            "{args:?}"
        );
        assert_eq!(out.status.code(), Some(1), "{args:?}");
    }
}

// ---- the compiler at scale ----------------------------------------------------------------------

#[test]
fn function_with_70000_names_and_constants_compiles_and_runs() {
    let mut source = String::from("def f():\n");
    for i in 0..70_000 {
        source += &format!("    v{i} = {i}.5\n");
    }
    source += "    return v0 + v69999\nprint(f())\n";
    expect(&source, "70000.0\n", None, 0);
}

// ---- tracebacks of deep recursion ---------------------------------------------------------------

/// Runs `source` under both strategies and returns each one's stderr, checking the status.
fn stderr_of(source: &str, status: i32) -> Vec<(String, PathBuf)> {
    STRATEGIES
        .iter()
        .map(|dispatch| {
            let (dir, path) = program(source.as_bytes());
            let out = Command::new(env!("CARGO_BIN_EXE_rceval"))
                .args(["run", "--dispatch", dispatch, path.to_str().unwrap()])
                .output()
                .expect("rceval runs");
            assert_eq!(out.status.code(), Some(status), "{dispatch}");
            drop(dir);
            (text(&out.stderr), path)
        })
        .collect()
}

#[test]
fn uncaught_runaway_recursion_folds_repeated_traceback_lines_as_cpython() {
    let source = "def down(n):\n    return down(n + 1)\n\ndown(0)\n";
    for (err, path) in stderr_of(source, 1) {
        let file = path.display();
        let entry = format!("  File \"{file}\", line 2, in down\n    return down(n + 1)\n");
        let expected = format!(
            "Traceback (most recent call last):\n  \
             File \"{file}\", line 4, in <module>\n    down(0)\n\
             {entry}{entry}{entry}\
             \x20 [Previous line repeated 996 more times]\n\
             RecursionError: maximum recursion depth exceeded\n"
        );
        assert_eq!(err, expected);
    }
}

#[test]
fn traceback_shows_the_innermost_1000_entries_and_folds_a_single_repeat_as_one_time() {
    let source = "import sys\n\
                  sys.setrecursionlimit(100_000)\n\
                  def a(n):\n    \
                      if n == 0:\n        \
                          raise ValueError('x')\n    \
                      return b(n)\n\
                  def b(n):\n    \
                      return a(n - 1)\n\
                  def c(n):\n    \
                      return c(n - 1) if n else a(5000)\n\
                  c(4)\n";
    for (err, path) in stderr_of(source, 1) {
        let lines: Vec<&str> = err.lines().collect();
        let file = path.display();
        // 1000 entries of two lines, the header and the exception: the outer calls of `c` are
        // beyond the limit, as in CPython.
        assert_eq!(lines.len(), 2002, "{err}");
        assert_eq!(lines[1], format!("  File \"{file}\", line 8, in b"));
        assert_eq!(lines.last(), Some(&"ValueError: x"));
    }
    let source = "def f(n):\n    return f(n - 1) if n else 1 / 0\n\nf(3)\n";
    for (err, path) in stderr_of(source, 1) {
        let file = path.display();
        let entry =
            format!("  File \"{file}\", line 2, in f\n    return f(n - 1) if n else 1 / 0\n");
        let expected = format!(
            "Traceback (most recent call last):\n  \
             File \"{file}\", line 4, in <module>\n    f(3)\n\
             {entry}{entry}{entry}\
             \x20 [Previous line repeated 1 more time]\n\
             ZeroDivisionError: division by zero\n"
        );
        assert_eq!(err, expected);
    }
}

// ---- huge allocations ---------------------------------------------------------------------------

/// Sizes the program chooses, each far beyond the child's address-space limit. CPython 3.11
/// raises `MemoryError()` for every one.
const HUGE_ALLOCATIONS: &[&str] = &[
    "[0] * 10**10",
    "(0,) * 10**10",
    "[None] * 2**40",
    "[1] * 10**5 * 10**6",
    "'ab' * 10**12",
    "b'a' * 10**12",
    "bytearray(b'x') * 10**12",
    "bytes(2**62)",
    "bytearray(2**62)",
    "(1).to_bytes(2**40, 'big')",
    "'%*d' % (2**40, 1)",
    "'%-*s' % (2**40, 'a')",
    "'%2000000000000d' % 1",
    "'%2000000000000f' % 1.5",
    "'x'.ljust(2**50)",
    "'x'.rjust(2**50)",
    "'x'.center(2**50)",
    "'x'.zfill(2**50)",
    "b'x'.ljust(2**50)",
    "b'x'.center(2**50)",
    "format(1, '2000000000000d')",
    "format(1.5, '2000000000000f')",
    "f'{1:>{2**40}}'",
    "'{:{}}'.format(1, 2**40)",
    "'-'.join(['ab' * 10**6] * 10**7)",
    "b'-'.join([b'ab' * 10**6] * 10**7)",
    "list(range(10**12))",
    "tuple(range(10**12))",
];

#[test]
fn huge_allocations_raise_catchable_memory_error() {
    let mut source = String::from("print('before')\n");
    for case in HUGE_ALLOCATIONS {
        source += &format!(
            "try:\n    x = {case}\nexcept MemoryError as e:\n    print('MemoryError', repr(e))\n"
        );
    }
    source += "x = [0]\nx *= 10**10\n";
    let expected = std::iter::once("before\n")
        .chain(
            HUGE_ALLOCATIONS
                .iter()
                .map(|_| "MemoryError MemoryError()\n"),
        )
        .collect::<String>();
    expect(&source, &expected, Some("MemoryError"), 1);
}

#[test]
fn uncaught_memory_error_keeps_the_output_written_before_it() {
    let source = "for i in range(3):\n    print(i)\nx = [0] * 10**10\n";
    expect(source, "0\n1\n2\n", Some("MemoryError"), 1);
}

#[test]
fn printf_precision_and_tab_size_are_c_ints_as_in_cpython() {
    let source = "for f in (lambda: '%.*d' % (2**40, 1), lambda: '%.2000000000000d' % 1,\n          \
                  lambda: 'x\\ty'.expandtabs(2**50)):\n    \
                      try:\n        \
                          f()\n    \
                      except Exception as e:\n        \
                          print(type(e).__name__, e)\n";
    let expected = "OverflowError Python int too large to convert to C int\n\
                    ValueError precision too big\n\
                    OverflowError Python int too large to convert to C int\n";
    expect(source, expected, None, 0);
}

// ---- sources CPython 3.11 rejects -----------------------------------------------------------------

/// Runs `rceval run` (under both strategies) and `rceval dis` on `source`; each must fail with
/// `status` and print `stderr` (where `{file}` stands for the program's path).
fn expect_rejected(source: &[u8], stderr: &str, status: i32) {
    let (_dir, path) = program(source);
    let file = path.to_str().unwrap();
    let expected = stderr.replace("{file}", file);
    let runs = STRATEGIES
        .iter()
        .map(|dispatch| vec!["run", "--dispatch", dispatch, file])
        .chain(std::iter::once(vec!["dis", file]));
    for args in runs {
        let out = Command::new(env!("CARGO_BIN_EXE_rceval"))
            .args(&args)
            .output()
            .expect("rceval runs");
        assert_eq!(text(&out.stderr), expected, "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert_eq!(out.status.code(), Some(status), "{args:?}");
    }
}

#[test]
fn fstring_reusing_its_quote_is_a_syntax_error_as_in_cpython_3_11() {
    expect_rejected(
        b"x = 1\nprint(f'{'a'}')\n",
        "  File \"{file}\", line 2\n    print(f'{'a'}')\n              ^\n\
         SyntaxError: f-string: expecting '}'\n",
        1,
    );
    expect_rejected(
        b"f'{''}'\n",
        "  File \"{file}\", line 1\n    f'{''}'\n           ^\nSyntaxError: f-string: expecting '}'\n",
        1,
    );
    expect_rejected(
        b"f'{a['b']}'\n",
        "  File \"{file}\", line 1\n    f'{a['b']}'\n               ^\n\
         SyntaxError: f-string: unmatched '['\n",
        1,
    );
    expect_rejected(
        b"f'{\"\\n\"}'\n",
        "  File \"{file}\", line 1\n    f'{\"\\n\"}'\n             ^\n\
         SyntaxError: f-string expression part cannot include a backslash\n",
        1,
    );
    // Other quotes, and the same quote inside a triple-quoted f-string, are fine in 3.11.
    expect(
        "print(f'{\"a\"}', f'''{'b'}''', f\"{'c'}\")\n",
        "a b c\n",
        None,
        0,
    );
}

#[test]
fn null_byte_in_a_source_is_a_syntax_error_that_does_not_echo_it() {
    expect_rejected(
        b"x = 1\nprint(\"a\0b\")\n",
        "  File \"{file}\", line 2\n    print(\"a\nSyntaxError: source code cannot contain null bytes\n",
        1,
    );
}

#[test]
fn non_utf8_source_without_a_coding_line_is_cpythons_syntax_error() {
    expect_rejected(
        b"x = 1\ny = '\xe9'\n",
        "SyntaxError: Non-UTF-8 code starting with '\\xe9' in file {file} on line 2, but no \
         encoding declared; see https://peps.python.org/pep-0263/ for details\n",
        1,
    );
    expect_rejected(
        b"# coding: klingon\n",
        "SyntaxError: encoding problem: klingon\n",
        1,
    );
}

#[test]
fn pep_263_coding_lines_are_honoured() {
    for source in [
        &b"# -*- coding: latin-1 -*-\nprint('\xe9')\n"[..],
        b"#!/usr/bin/env python3\n# vim: set fileencoding=iso-8859-1 :\nprint('\xe9')\n",
        b"# coding=utf-8\nprint('\xc3\xa9')\n",
        b"\xef\xbb\xbfprint('\xc3\xa9')\n",
    ] {
        for dispatch in STRATEGIES {
            let (_dir, path) = program(source);
            let out = Command::new(env!("CARGO_BIN_EXE_rceval"))
                .args(["run", "--dispatch", dispatch, path.to_str().unwrap()])
                .output()
                .expect("rceval runs");
            assert_eq!(text(&out.stdout), "é\n", "{}", text(&out.stderr));
            assert_eq!(out.status.code(), Some(0));
        }
    }
}

#[test]
fn run_and_dis_agree_on_a_missing_file() {
    for args in [&["run", "no_such_file.py"][..], &["dis", "no_such_file.py"]] {
        let out = Command::new(env!("CARGO_BIN_EXE_rceval"))
            .args(args)
            .output()
            .expect("rceval runs");
        let err = text(&out.stderr);
        assert!(
            err.starts_with("rceval: can't open file 'no_such_file.py': "),
            "{err}"
        );
        assert!(err.ends_with('\n'), "{err}");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}
