//! Frames as data across a suspension: frame objects (live and ended), `f_locals` proxies,
//! traceback objects and `sys.exc_info()` are saved with the program and come back with their
//! identities, in a new process under another dispatch strategy and frame allocator.

#[path = "durable/common.rs"]
mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

fn program(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/durable")
        .join(name)
        .display()
        .to_string()
}

fn json_list(sent: &[&str]) -> String {
    format!("[{}]", sent.join(", "))
}

/// What `prog` prints when every `wait` returns at once (`--send-values`).
fn uninterrupted(dir: &Path, prog: &str, sent: &[&str]) -> String {
    let out = rceval_in(dir, &["run", "--send-values", &json_list(sent), prog]);
    expect_status(&out, 0, "uninterrupted run");
    text(&out.stdout)
}

/// Runs `prog` with a store under `variants[0]` and resumes it once per sent value, each time
/// in a new process under the next variant; returns everything the processes printed.
fn suspended_and_resumed(
    dir: &Path,
    prog: &str,
    sent: &[&str],
    variants: &[(&str, &str)],
) -> String {
    assert_eq!(variants.len(), sent.len() + 1);
    let (d, f) = variants[0];
    let out = rceval_in(
        dir,
        &[
            "run",
            "--dispatch",
            d,
            "--frames",
            f,
            "--store",
            "wf.db",
            prog,
        ],
    );
    expect_status(&out, SUSPENDED, "first run suspends");
    let id = workflow_id(&out.stderr);
    let mut printed = text(&out.stdout);
    for (k, value) in sent.iter().enumerate() {
        let (d, f) = variants[k + 1];
        let out = resume_under(dir, "wf.db", &id, value, (d, f));
        let last = k == sent.len() - 1;
        expect_status(
            &out,
            if last { 0 } else { SUSPENDED },
            &format!("resume {} under {d}/{f}", k + 1),
        );
        printed += &text(&out.stdout);
    }
    printed
}

fn subdir(dir: &Path, name: &str) -> PathBuf {
    let sub = dir.join(name);
    std::fs::create_dir_all(&sub).unwrap();
    sub
}

const FRAMES_SENT: [&str; 3] = ["7", "11", "13"];

/// `sys._getframe()` identity, a traceback walked inside an `except` block that spans a wait,
/// `sys.exc_info()` on both sides of it, a generator's frame and an ended call's frame object.
#[test]
fn frames_and_tracebacks_survive_suspension_as_cpython_sees_them_uninterrupted() {
    let dir = scratch("introspect-frames");
    let prog = program("frames.py");
    let expected = uninterrupted(&dir, &prog, &FRAMES_SENT);
    let cpython = Command::new("python3")
        .arg(&prog)
        .env("PYTHONPATH", program(""))
        .env("DURABLE_SEND_VALUES", json_list(&FRAMES_SENT))
        .output()
        .expect("python3 runs");
    assert!(cpython.status.success(), "{}", text(&cpython.stderr));
    assert_eq!(
        expected,
        text(&cpython.stdout),
        "rceval vs CPython, uninterrupted"
    );
    // Each line compares a state before a wait with the same state after it: a `False`
    // anywhere means something came back as another object.
    assert!(!expected.contains("False"), "{expected}");
    let chains = variant_chains(2, 4);
    for (i, chain) in chains.iter().enumerate() {
        let sub = subdir(&dir, &format!("chain{i}"));
        let printed = suspended_and_resumed(&sub, &prog, &FRAMES_SENT, chain);
        assert_eq!(printed, expected, "chain {chain:?}");
    }
}

/// PEP 667 writes through `f_locals`, to a running frame's variables and cells and to an
/// ended frame's kept copy, on both sides of a suspension.
#[test]
fn frame_locals_proxies_write_through_after_resuming() {
    let dir = scratch("introspect-locals");
    let prog = program("frame_locals.py");
    let sent = ["7", "11"];
    let expected = uninterrupted(&dir, &prog, &sent);
    let chains = variant_chains(2, 3);
    for (i, chain) in chains.iter().enumerate() {
        let sub = subdir(&dir, &format!("chain{i}"));
        let printed = suspended_and_resumed(&sub, &prog, &sent, chain);
        assert_eq!(printed, expected, "chain {chain:?}");
    }
}

fn snapshot_of(conn: &rusqlite::Connection) -> serde_json::Value {
    let data: Vec<u8> = conn
        .query_row("SELECT data FROM snapshots WHERE workflow = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    serde_json::from_slice(&data).unwrap()
}

/// Inside the `except` block the snapshot holds the frames' links to their frame objects and
/// the exception's traceback entries naming them; links that do not fit are refused on resume.
#[test]
fn saved_frame_links_are_checked_on_resume() {
    let dir = scratch("introspect-links");
    let prog = program("frames.py");
    let out = rceval_in(&dir, &["run", "--store", "wf.db", &prog]);
    expect_status(&out, SUSPENDED, "first wait");
    let out = rceval_in(
        &dir,
        &["resume", "--store", "wf.db", "--id", "1", "--send", "7"],
    );
    expect_status(&out, SUSPENDED, "waits in the except block");
    let conn = rusqlite::Connection::open(dir.join("wf.db")).unwrap();
    let snap = snapshot_of(&conn);
    let objects = snap["objects"].as_array().unwrap();
    let frames = snap["frames"].as_array().unwrap();
    // <module> and handle() both have frame objects; handle() is the caller of wait.
    let handle = frames.last().unwrap();
    let link = handle["frame_object"]
        .as_u64()
        .expect("handle() has a frame object") as usize;
    assert!(objects[link].get("Frame").is_some(), "{}", objects[link]);
    let entries = objects
        .iter()
        .find_map(|o| o["Instance"]["exc"]["traceback"].as_array())
        .expect("the exception being handled is saved with its traceback");
    assert_eq!(entries.len(), 4, "{entries:?}");
    // Innermost first: the three fail() frames have ended, handle()'s is the live one.
    assert_eq!(entries[3]["frame"]["Obj"].as_u64(), Some(link as u64));
    for e in &entries[..3] {
        let id = e["frame"]["Obj"].as_u64().unwrap() as usize;
        assert!(
            objects[id]["Frame"]["finished"].is_object(),
            "{}",
            objects[id]
        );
    }
    let finished = entries[0]["frame"]["Obj"].as_u64().unwrap() as usize;
    let globals = handle["globals"].clone();
    let cases = [
        (
            "a frame linked to a dict",
            {
                let mut s = snap.clone();
                *s["frames"].as_array_mut().unwrap().last_mut().unwrap() = {
                    let mut h = handle.clone();
                    h["frame_object"] = globals;
                    h
                };
                s
            },
            "as its frame object, which does not fit it",
        ),
        (
            "a frame linked to an ended frame's object",
            {
                let mut s = snap.clone();
                let last = s["frames"].as_array().unwrap().len() - 1;
                s["frames"][last]["frame_object"] = serde_json::json!(finished);
                s
            },
            "as its frame object, which does not fit it",
        ),
        (
            "an ended frame's variables cut short",
            {
                let mut s = snap.clone();
                s["objects"][finished]["Frame"]["finished"]["variables"] = serde_json::json!([]);
                s
            },
            "the frame object of fail keeps 0 variables, its code has 1",
        ),
        (
            "a traceback entry naming a list as its frame",
            {
                let mut s = snap.clone();
                let list = objects
                    .iter()
                    .position(|o| o.get("List").is_some())
                    .unwrap();
                let exc = objects
                    .iter()
                    .position(|o| o["Instance"]["exc"]["traceback"].is_array())
                    .unwrap();
                s["objects"][exc]["Instance"]["exc"]["traceback"][0]["frame"] =
                    serde_json::json!({"Obj": list});
                s
            },
            "refers to an object of the wrong kind",
        ),
    ];
    for (what, damaged, needle) in cases {
        let bytes = serde_json::to_vec(&damaged).unwrap();
        conn.execute(
            "UPDATE snapshots SET data = ?1 WHERE workflow = 1",
            [&bytes],
        )
        .unwrap();
        let out = rceval_in(
            &dir,
            &["resume", "--store", "wf.db", "--id", "1", "--send", "11"],
        );
        expect_status(&out, 1, what);
        let err = text(&out.stderr);
        assert!(err.contains(needle), "{what}: {err}");
        assert!(!err.contains("panicked"), "{what}: {err}");
    }
}

/// `--migrate` moves an ended call's frame object onto the edited code by source line, and
/// refuses when the function's variables changed.
#[test]
fn migrating_maps_the_frame_objects_of_ended_calls() {
    let dir = scratch("introspect-migrate");
    let before = "import durable, sys\n\
        def f(x):\n    y = x + 1\n    return sys._getframe()\n\
        kept = f(1)\nv = durable.wait('w')\nprint(v, kept.f_lineno, kept.f_locals)\n";
    let moved = "import durable, sys\n\
        def f(x):\n    # a line more\n    y = x + 1\n    return sys._getframe()\n\
        kept = f(1)\nv = durable.wait('w')\nprint(v, kept.f_lineno, kept.f_locals)\n";
    let renamed = "import durable, sys\n\
        def f(x):\n    z = x + 1\n    return sys._getframe()\n\
        kept = f(1)\nv = durable.wait('w')\nprint(v, kept.f_lineno, kept.f_locals)\n";
    for (what, edited, code, expected) in [
        ("moved", moved, 0, "5 5 {'x': 1, 'y': 2}\n"),
        (
            "renamed",
            renamed,
            1,
            "the frame object of an ended f() call: its local variables changed",
        ),
    ] {
        let sub = subdir(&dir, what);
        std::fs::write(sub.join("p.py"), before).unwrap();
        let out = rceval_in(&sub, &["run", "--store", "wf.db", "p.py"]);
        expect_status(&out, SUSPENDED, "suspends");
        std::fs::write(sub.join("p.py"), edited).unwrap();
        let out = rceval_in(
            &sub,
            &[
                "resume",
                "--store",
                "wf.db",
                "--id",
                "1",
                "--send",
                "5",
                "--migrate",
            ],
        );
        expect_status(&out, code, what);
        if code == 0 {
            assert_eq!(text(&out.stdout), expected);
        } else {
            assert!(
                text(&out.stderr).contains(expected),
                "{}",
                text(&out.stderr)
            );
        }
    }
}
