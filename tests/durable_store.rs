//! The workflow store's durability: a process killed while writing a snapshot leaves the
//! previous one in force and resumable; damaged, foreign and non-SQLite files are refused.

#[path = "durable/common.rs"]
mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use common::*;

const PROGRAM: &str = "import durable\n\
    def step(name, acc):\n    acc.append(durable.wait(name))\n    return acc\n\
    acc = []\nfor name in ['one', 'two', 'three']:\n    step(name, acc)\n    print(name, acc)\n";

fn setup(name: &str) -> std::path::PathBuf {
    let dir = scratch(name);
    std::fs::write(dir.join("p.py"), PROGRAM).unwrap();
    dir
}

fn listed(dir: &Path) -> String {
    let out = rceval_in(dir, &["workflows", "--store", "wf.db"]);
    expect_status(&out, 0, "workflows");
    text(&out.stdout)
}

#[test]
fn killed_while_writing_a_snapshot_leaves_the_previous_one_resumable() {
    let dir = setup("kill");
    let out = rceval_in(&dir, &["run", "--store", "wf.db", "p.py"]);
    expect_status(&out, SUSPENDED, "waits for 'one'");
    // Resume; the next wait's transaction pauses (test hook) after writing, before commit,
    // and the process is killed there.
    let mut child = Command::new(env!("CARGO_BIN_EXE_rceval"))
        .args(["resume", "--store", "wf.db", "--id", "1", "--send", "1"])
        .current_dir(&dir)
        .env("RCEVAL_TEST_PAUSE_IN_SNAPSHOT_WRITE", "600")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rceval starts");
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    loop {
        line.clear();
        let n = stderr.read_line(&mut line).unwrap();
        assert!(n > 0, "the process ended before reaching the hook");
        if line.contains("pausing inside the snapshot transaction") {
            break;
        }
    }
    child.kill().expect("SIGKILL");
    child.wait().unwrap();
    // The interrupted write left a hot journal; the next open rolls it back.
    let before = listed(&dir);
    assert!(
        before.contains("1   waiting") && before.contains("wait(\"one\") in step()"),
        "{before}"
    );
    let out = rceval_in(
        &dir,
        &["resume", "--store", "wf.db", "--id", "1", "--send", "1"],
    );
    expect_status(&out, SUSPENDED, "resumes from the snapshot before the kill");
    assert_eq!(text(&out.stdout), "one [1]\n");
    assert!(listed(&dir).contains("wait(\"two\")"));
    for (sent, printed, code) in [
        ("2", "two [1, 2]\n", SUSPENDED),
        ("3", "three [1, 2, 3]\n", 0),
    ] {
        let out = rceval_in(
            &dir,
            &["resume", "--store", "wf.db", "--id", "1", "--send", sent],
        );
        expect_status(&out, code, "goes on");
        assert_eq!(text(&out.stdout), printed);
    }
}

/// Two processes resuming the same snapshot: the second to save finds the workflow's
/// generation moved on and writes nothing (and cannot mark it finished either).
#[test]
fn a_snapshot_resumed_twice_is_saved_once() {
    use rceval::store::{Store, WaitRecord};
    let dir = scratch("twice");
    let path = dir.join("wf.db").display().to_string();
    let mut store = Store::open(&path, true).unwrap();
    let wait = |name| WaitRecord {
        program: "p.py",
        name,
        file: "p.py",
        line: 3,
        function: "step",
    };
    let id = store.save(None, &wait("one"), b"first").unwrap();
    let generation = store.load(id).unwrap().row.generation;
    store
        .save(Some((id, generation)), &wait("two"), b"second")
        .unwrap();
    let err = store
        .save(Some((id, generation)), &wait("two"), b"racing")
        .unwrap_err();
    assert!(
        err.contains("resumed and saved by another process meanwhile"),
        "{err}"
    );
    let err = store.finish(id, generation, "finished").unwrap_err();
    assert!(
        err.contains("resumed by another process meanwhile"),
        "{err}"
    );
    let loaded = store.load(id).unwrap();
    assert_eq!(loaded.data, b"second");
    assert_eq!(loaded.row.wait_name, "two");
    assert_eq!(loaded.row.generation, generation + 1);
}

#[test]
fn a_file_that_is_not_sqlite_is_refused() {
    let dir = setup("notsqlite");
    std::fs::write(
        dir.join("wf.db"),
        "this is a text file, not a database\n".repeat(200),
    )
    .unwrap();
    let out = rceval_in(&dir, &["workflows", "--store", "wf.db"]);
    expect_status(&out, 2, "refused");
    let err = text(&out.stderr);
    assert!(
        err.contains("'wf.db' is not a usable rceval workflow store")
            && err.contains("not an SQLite database"),
        "{err}"
    );
    // `run --store` refuses before the program runs.
    let out = rceval_in(&dir, &["run", "--store", "wf.db", "p.py"]);
    expect_status(&out, 2, "refused before running");
    assert_eq!(text(&out.stdout), "");
    assert!(!text(&out.stderr).contains("panicked"));
}

#[test]
fn a_foreign_sqlite_database_is_refused() {
    let dir = setup("foreign");
    let conn = rusqlite::Connection::open(dir.join("wf.db")).unwrap();
    conn.execute_batch("CREATE TABLE photos (id INTEGER PRIMARY KEY, path TEXT);")
        .unwrap();
    drop(conn);
    for args in [
        &["workflows", "--store", "wf.db"][..],
        &["run", "--store", "wf.db", "p.py"][..],
        &["resume", "--store", "wf.db", "--id", "1", "--send", "1"][..],
    ] {
        let out = rceval_in(&dir, args);
        expect_status(&out, 2, "refused");
        let err = text(&out.stderr);
        assert!(
            err.contains("it is an SQLite database of something else (tables: photos)"),
            "{err}"
        );
    }
    // A store of another schema version is refused too.
    let dir = setup("version");
    let out = rceval_in(&dir, &["run", "--store", "wf.db", "p.py"]);
    expect_status(&out, SUSPENDED, "waits");
    let conn = rusqlite::Connection::open(dir.join("wf.db")).unwrap();
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'version'", [])
        .unwrap();
    drop(conn);
    let out = rceval_in(&dir, &["workflows", "--store", "wf.db"]);
    expect_status(&out, 2, "refused");
    assert!(
        text(&out.stderr).contains("it has schema version 99, this rceval reads version 1"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn a_damaged_store_is_refused() {
    let dir = setup("damaged");
    let out = rceval_in(&dir, &["run", "--store", "wf.db", "p.py"]);
    expect_status(&out, SUSPENDED, "waits");
    let path = dir.join("wf.db");
    let mut bytes = std::fs::read(&path).unwrap();
    // Scribble over every page after the first (the schema's), keeping the header valid.
    let page = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    for b in bytes.iter_mut().skip(page) {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    let out = rceval_in(&dir, &["workflows", "--store", "wf.db"]);
    expect_status(&out, 2, "refused");
    let err = text(&out.stderr);
    assert!(
        err.contains("'wf.db' is not a usable rceval workflow store") && err.contains("damaged"),
        "{err}"
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_missing_store_is_reported() {
    let dir = setup("missing");
    let out = rceval_in(&dir, &["workflows", "--store", "nope.db"]);
    expect_status(&out, 2, "missing");
    assert!(text(&out.stderr).contains("no workflow store at 'nope.db'"));
    assert!(!dir.join("nope.db").exists(), "listing creates nothing");
}

/// A snapshot edited or damaged inside a healthy store is refused, never run.
#[test]
fn a_damaged_snapshot_is_refused() {
    let dir = setup("badsnap");
    let out = rceval_in(&dir, &["run", "--store", "wf.db", "p.py"]);
    expect_status(&out, SUSPENDED, "waits");
    let conn = rusqlite::Connection::open(dir.join("wf.db")).unwrap();
    let data: Vec<u8> = conn
        .query_row("SELECT data FROM snapshots WHERE workflow = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    let mut snap: serde_json::Value = serde_json::from_slice(&data).unwrap();
    let cases: [(&str, Vec<u8>, &str); 3] = [
        (
            "not JSON",
            b"{\"format\": 1, \"frames\": [".to_vec(),
            "its snapshot is unreadable",
        ),
        (
            "pc out of range",
            {
                snap["frames"][1]["pc"] = serde_json::json!(99999);
                serde_json::to_vec(&snap).unwrap()
            },
            "the saved frame of step points outside its code",
        ),
        (
            "dangling reference",
            {
                snap["frames"][1]["pc"] = serde_json::json!(1);
                snap["frames"][1]["globals"] = serde_json::json!(123456);
                serde_json::to_vec(&snap).unwrap()
            },
            "reference to missing object #123456",
        ),
    ];
    for (what, bytes, needle) in cases {
        conn.execute(
            "UPDATE snapshots SET data = ?1 WHERE workflow = 1",
            [&bytes],
        )
        .unwrap();
        let out = rceval_in(
            &dir,
            &["resume", "--store", "wf.db", "--id", "1", "--send", "1"],
        );
        expect_status(&out, 1, what);
        let err = text(&out.stderr);
        assert!(
            err.contains("rceval: cannot resume workflow 1:") && err.contains(needle),
            "{what}: {err}"
        );
        assert!(!err.contains("panicked"), "{what}: {err}");
    }
}
