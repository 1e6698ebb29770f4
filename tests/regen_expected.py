#!/usr/bin/env python3
"""Regenerate (or check) the expected outputs of rceval's differential test corpus.

Run from the repository root:

    python3 tests/regen_expected.py            # rewrite every expectation file
    python3 tests/regen_expected.py --check    # write nothing; exit 1 if any file would change

Expectations come from CPython 3.11 (the `python3` on PATH); the script refuses to run
(exit status 2) under any other version, because error messages, float reprs and the
like differ between CPython releases.

Test programs: every `tests/programs/**/*.py` whose file name does not start with `_`
(those are reserved for importable helper modules).

  * A program may declare command-line arguments in a header comment among its first
    lines (the leading block of `#` comment lines), e.g. `# args: alpha 42 "two words"`;
    the text after `args:` is split with shell rules (shlex).
  * It is run as `python3 FILE ARGS...` with cwd = the file's folder, environment
    PYTHONHASHSEED=0 (and PYTHONIOENCODING=utf-8, so output bytes never depend on the
    locale) and a 60 s timeout.
  * `NAME.out` next to it receives the exact stdout bytes.
  * If the exit status is not 0, `NAME.err` receives exactly two lines:
        exit: N
        stderr: <last non-empty line of stderr>
    (for an uncaught exception that is CPython's `Type: message` line).
    If the exit status is 0, any stale `NAME.err` is removed.
  * `.out` / `.err` files under tests/programs with no matching test program are removed.
  * Hand-written expectations: a program whose header has `# expected-by-hand: REASON` is not
    run; its `NAME.out` (and `NAME.err`, if any) are kept as they are, because CPython 3.11
    cannot produce them (e.g. PEP 667 semantics, which CPython has from 3.13). The reason
    must say why, in the program's header. Both modes list these programs; a missing
    `NAME.out` for one is an error.

Benchmarks: every `benches/programs/*.py` (again not starting with `_`) declares header
comments `# bench-args: N` (full size) and `# test-args: n` (small size for the test
suite). It is run with the test args the same way and its stdout is written to
`benches/programs/NAME.test.out`; a benchmark must exit with status 0. Stale
`NAME.test.out` files are removed.

Exit status: 0 = done / up to date; 1 = --check found differences, or a program timed
out or a benchmark failed; 2 = wrong python3 version or not run from the repository root.
"""

import concurrent.futures
import os
import shlex
import subprocess
import sys

PYTHON = "python3"
TIMEOUT = 60
TESTS_DIR = os.path.join("tests", "programs")
BENCH_DIR = os.path.join("benches", "programs")
HEADER_SCAN_LINES = 20


def python_version():
    try:
        out = subprocess.run([PYTHON, "--version"], capture_output=True, text=True, timeout=30)
    except OSError as e:
        return "unavailable (" + str(e) + ")"
    return (out.stdout + out.stderr).strip()


def header_value(path, key):
    """Value of a `# key: value` comment in the file's leading comment block, or None."""
    prefix = key + ":"
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            if i >= HEADER_SCAN_LINES:
                break
            s = line.strip()
            if not s:
                continue
            if not s.startswith("#"):
                break
            body = s[1:].strip()
            if body.startswith(prefix):
                return body[len(prefix):].strip()
    return None


def run_program(path, args):
    env = dict(os.environ)
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    folder = os.path.dirname(os.path.abspath(path))
    cmd = [PYTHON, os.path.basename(path)] + args
    try:
        proc = subprocess.run(cmd, cwd=folder, env=env, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None
    return proc.returncode, proc.stdout, proc.stderr


def last_nonempty_line(data):
    lines = [l.rstrip() for l in data.decode("utf-8", "replace").splitlines()]
    lines = [l for l in lines if l.strip()]
    return lines[-1] if lines else ""


def collect_tests():
    found = []
    for root, dirs, files in os.walk(TESTS_DIR):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".py") and not name.startswith("_"):
                found.append(os.path.join(root, name))
    return found


def collect_benches():
    if not os.path.isdir(BENCH_DIR):
        return []
    return [os.path.join(BENCH_DIR, n) for n in sorted(os.listdir(BENCH_DIR))
            if n.endswith(".py") and not n.startswith("_")]


def hand_written(path):
    """The `# expected-by-hand:` reason of a test program, or None."""
    return header_value(path, "expected-by-hand")


def compute_test(path):
    """-> (desired {file: bytes}, error message or None)."""
    if hand_written(path) is not None:
        base = path[:-3]
        out = read_bytes(base + ".out")
        if out is None:
            return {}, path + ": '# expected-by-hand:' but no " + base + ".out"
        return {base + ".out": out, base + ".err": read_bytes(base + ".err")}, None
    raw = header_value(path, "args")
    args = shlex.split(raw) if raw else []
    res = run_program(path, args)
    if res is None:
        return {}, path + ": timed out after " + str(TIMEOUT) + " s"
    code, out, err = res
    base = path[:-3]
    desired = {base + ".out": out}
    if code != 0:
        text = "exit: " + str(code) + "\nstderr: " + last_nonempty_line(err) + "\n"
        desired[base + ".err"] = text.encode("utf-8")
    else:
        desired[base + ".err"] = None  # must not exist
    return desired, None


def compute_bench(path):
    raw = header_value(path, "test-args")
    if raw is None:
        return {}, path + ": missing '# test-args:' header"
    if header_value(path, "bench-args") is None:
        return {}, path + ": missing '# bench-args:' header"
    res = run_program(path, shlex.split(raw))
    if res is None:
        return {}, path + ": timed out after " + str(TIMEOUT) + " s"
    code, out, err = res
    if code != 0:
        return {}, path + ": exited with status " + str(code) + ": " + last_nonempty_line(err)
    return {path[:-3] + ".test.out": out}, None


def stale_files(desired):
    stale = []
    for root, dirs, files in os.walk(TESTS_DIR):
        for name in files:
            p = os.path.join(root, name)
            if (name.endswith(".out") or name.endswith(".err")) and p not in desired:
                stale.append(p)
    if os.path.isdir(BENCH_DIR):
        for name in os.listdir(BENCH_DIR):
            p = os.path.join(BENCH_DIR, name)
            if name.endswith(".test.out") and p not in desired:
                stale.append(p)
    return sorted(stale)


def read_bytes(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except FileNotFoundError:
        return None


def main(argv):
    check = False
    for a in argv:
        if a == "--check":
            check = True
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            print("unknown argument: " + a + " (usage: python3 tests/regen_expected.py [--check])", file=sys.stderr)
            return 2
    version = python_version()
    if not version.startswith("Python 3.11."):
        print("regen_expected.py: expectations must come from CPython 3.11.x, but `" + PYTHON
              + " --version` says: " + version, file=sys.stderr)
        return 2
    if not os.path.isdir(TESTS_DIR):
        print("regen_expected.py: run me from the repository root (no " + TESTS_DIR + " here)", file=sys.stderr)
        return 2

    jobs = [(compute_test, p) for p in collect_tests()] + [(compute_bench, p) for p in collect_benches()]
    desired = {}
    errors = []
    workers = max(1, min(8, os.cpu_count() or 1))
    with concurrent.futures.ThreadPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(fn, p) for fn, p in jobs]
        for fut in futures:
            files, err = fut.result()
            desired.update(files)
            if err:
                errors.append(err)

    changes = []  # (action, path, content)
    for path in sorted(desired):
        want = desired[path]
        have = read_bytes(path)
        if want is None:
            if have is not None:
                changes.append(("remove", path, None))
        elif have != want:
            changes.append(("create" if have is None else "update", path, want))
    for path in stale_files(desired):
        changes.append(("remove stale", path, None))

    by_hand = [p for fn, p in jobs if fn is compute_test and hand_written(p) is not None]
    for p in by_hand:
        print("hand-written expectation (not regenerated): " + p + " (" + hand_written(p) + ")")
    n_tests = sum(1 for fn, _ in jobs if fn is compute_test)
    n_bench = len(jobs) - n_tests
    if check:
        for action, path, _ in changes:
            print("would " + action + ": " + path)
    else:
        for action, path, content in changes:
            if content is None:
                os.remove(path)
            else:
                with open(path, "wb") as f:
                    f.write(content)
            print(action + ": " + path)
    for e in errors:
        print("ERROR: " + e, file=sys.stderr)
    n_err = sum(1 for p, c in desired.items() if p.endswith(".err") and c is not None)
    print(str(n_tests) + " test programs (" + str(n_err) + " expected to fail), " + str(n_bench)
          + " benchmarks, " + str(len(by_hand)) + " with hand-written expectations, " + str(len(changes)) + (" file(s) out of date" if check else " file(s) changed")
          + (", " + str(len(errors)) + " error(s)" if errors else ""))
    if errors or (check and changes):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
