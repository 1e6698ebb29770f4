//! Versioning: a suspended program resumes only on the code it was suspended in, unless
//! `--migrate` can map every suspended frame onto the changed source by line.

#[path = "durable/common.rs"]
mod common;

use std::path::{Path, PathBuf};

use common::*;

const ORIGINAL: &str = r#"import durable

def work(items):
    total = 0
    for x in items:
        try:
            got = durable.wait("item")
            total += x * got
        finally:
            print("done", x)
    return total

print("start")
print("total", work([1, 2]))
"#;

/// Runs the original program to its first wait, then puts `changed` in its place.
fn suspended_then_edited(name: &str, changed: &str) -> PathBuf {
    let dir = scratch(name);
    std::fs::write(dir.join("p.py"), ORIGINAL).unwrap();
    let out = rceval_in(&dir, &["run", "--store", "wf.db", "p.py"]);
    expect_status(&out, SUSPENDED, "waits");
    assert_eq!(text(&out.stdout), "start\n");
    std::fs::write(dir.join("p.py"), changed).unwrap();
    dir
}

fn resume(dir: &Path, send: &str, migrate: bool) -> std::process::Output {
    let mut args = vec!["resume", "--store", "wf.db", "--id", "1", "--send", send];
    if migrate {
        args.push("--migrate");
    }
    rceval_in(dir, &args)
}

#[test]
fn unchanged_source_resumes() {
    let dir = suspended_then_edited("same", ORIGINAL);
    let out = resume(&dir, "5", false);
    expect_status(&out, SUSPENDED, "waits again");
    assert_eq!(text(&out.stdout), "done 1\n");
    let out = resume(&dir, "7", false);
    expect_status(&out, 0, "ends");
    assert_eq!(text(&out.stdout), "done 2\ntotal 19\n");
}

/// A comment shifts every line (so every code object's hash changes) and the line after the
/// wait now computes something else; the suspended lines are all still there, once each.
const MAPPABLE: &str = r#"import durable
# Version 2: items count ten times.

def work(items):
    total = 0
    for x in items:
        try:
            got = durable.wait("item")
            total += 10 * x * got
        finally:
            print("done", x)
    return total

print("start")
print("total", work([1, 2]))
"#;

#[test]
fn changed_source_is_refused_without_migrate() {
    let dir = suspended_then_edited("refuse", MAPPABLE);
    let out = resume(&dir, "5", false);
    expect_status(&out, 1, "refused");
    let err = text(&out.stderr);
    assert!(
        err.contains(
            "cannot resume workflow 1: the program's source changed since it was suspended"
        ) && err.contains("work (defined at p.py line 3)")
            && err.contains("resume with --migrate"),
        "{err}"
    );
    // Nothing ran, and the workflow still waits.
    assert_eq!(text(&out.stdout), "");
    let listed = text(&rceval_in(&dir, &["workflows", "--store", "wf.db"]).stdout);
    assert!(listed.contains("1   waiting"), "{listed}");
}

#[test]
fn changed_but_mappable_source_resumes_with_migrate_running_the_new_code() {
    let dir = suspended_then_edited("migrate", MAPPABLE);
    let out = resume(&dir, "5", true);
    expect_status(&out, SUSPENDED, "migrated and waits again");
    assert_eq!(text(&out.stdout), "done 1\n");
    // The next wait is recorded at the new line; the rest needs no migration.
    assert!(
        text(&out.stderr).contains("p.py line 8"),
        "{}",
        text(&out.stderr)
    );
    let out = resume(&dir, "7", false);
    expect_status(&out, 0, "ends");
    assert_eq!(text(&out.stdout), "done 2\ntotal 190\n");
}

#[test]
fn unmappable_source_is_refused_naming_the_frame() {
    // The suspended line itself compiles differently now.
    let changed = ORIGINAL.replace(
        "got = durable.wait(\"item\")",
        "got = durable.wait(\"item\") or 0",
    );
    let dir = suspended_then_edited("unmappable", &changed);
    let out = resume(&dir, "5", true);
    expect_status(&out, 1, "refused");
    let err = text(&out.stderr);
    assert!(
        err.contains("cannot migrate the suspended program to the changed source")
            && err.contains("frame work() at p.py line 7: line 7 (`got = durable.wait(\"item\")`) is not in the new code"),
        "{err}"
    );
    assert!(
        !err.contains("frame <module>"),
        "the module frame maps: {err}"
    );
}

#[test]
fn ambiguous_or_removed_code_is_refused() {
    // The suspended line now occurs twice.
    let twice = ORIGINAL.replace(
        "    return total\n",
        "        if x < 0:\n            got = durable.wait(\"item\")\n    return total\n",
    );
    let dir = suspended_then_edited("ambiguous", &twice);
    let err = text(&resume(&dir, "5", true).stderr);
    assert!(
        err.contains("frame work() at p.py line 7")
            && err.contains("is ambiguous: it occurs 2 times in the new code"),
        "{err}"
    );
    // The suspended function is gone.
    let gone = ORIGINAL
        .replace("def work(items):", "def labour(items):")
        .replace("work([1, 2])", "labour([1, 2])");
    let dir = suspended_then_edited("gone", &gone);
    let err = text(&resume(&dir, "5", true).stderr);
    assert!(err.contains("work (p.py) no longer exists"), "{err}");
}
