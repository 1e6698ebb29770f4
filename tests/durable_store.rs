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
    // The interrupted write left a hot journal; the next open rolls it back. The killed
    // process still holds its claim: released, the workflow waits on its previous snapshot.
    let before = listed(&dir);
    assert!(
        before.contains("1   running") && before.contains("wait(\"one\") in step()"),
        "{before}"
    );
    let out = rceval_in(&dir, &["workflows", "--store", "wf.db", "--release", "1"]);
    expect_status(&out, 0, "released");
    assert!(listed(&dir).contains("1   waiting"));
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

/// A claimed workflow cannot be claimed again; once released (its claimer presumed dead), the
/// old claim can write nothing, and the workflow is claimed afresh.
#[test]
fn a_claimed_workflow_is_claimed_once() {
    use rceval::store::{Ended, Store, WaitRecord};
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
    let first = store.claim(id, "1").unwrap();
    assert_eq!(first.data, b"first");
    let err = store.claim(id, "2").err().unwrap();
    assert!(
        err.contains("workflow 1 is being resumed by another process (attempt 1, process")
            && err.contains("--release 1"),
        "{err}"
    );
    store.release(id).unwrap();
    let second = store.claim(id, "3").unwrap();
    let err = store
        .save(Some(first.claim), &wait("two"), b"stale")
        .unwrap_err();
    assert!(err.contains("was released from this process"), "{err}");
    assert!(store.end(first.claim, Ended::Finished).is_err());
    store
        .save(Some(second.claim), &wait("two"), b"second")
        .unwrap();
    let (row, data) = store.load(id).unwrap();
    assert_eq!(
        (row.state.as_str(), row.wait_name.as_str()),
        ("waiting", "two")
    );
    assert_eq!(data, b"second");
    let outcomes: Vec<String> = store
        .history(id)
        .unwrap()
        .into_iter()
        .map(|a| format!("{} {}", a.sent, a.outcome))
        .collect();
    assert_eq!(outcomes, ["1 released", "3 suspended"]);
    assert!(
        store
            .release(id)
            .unwrap_err()
            .contains("is waiting, not running")
    );
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
        text(&out.stderr).contains("it has schema version 99, this rceval reads versions 1 to 3"),
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
            "frame 1 (step): its pc 99999 is not an instruction of its code",
        ),
        (
            "dangling reference",
            {
                snap = serde_json::from_slice(&data).unwrap();
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

/// Two concurrent resumes of one workflow: the second is refused before its program runs
/// (nothing printed), while the first holds the claim. A claimer killed with SIGKILL leaves the
/// workflow `running`; `workflows --release` makes it resumable again.
#[test]
fn a_concurrent_resume_is_refused_before_it_runs_and_a_killed_one_is_released() {
    let dir = setup("concurrent");
    let out = rceval_in(&dir, &["run", "--store", "wf.db", "p.py"]);
    expect_status(&out, SUSPENDED, "waits for 'one'");
    let mut first = Command::new(env!("CARGO_BIN_EXE_rceval"))
        .args(["resume", "--store", "wf.db", "--id", "1", "--send", "1"])
        .current_dir(&dir)
        .env("RCEVAL_TEST_PAUSE_AFTER_CLAIM", "600")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rceval starts");
    let mut stderr = BufReader::new(first.stderr.take().unwrap());
    let mut line = String::new();
    loop {
        line.clear();
        let n = stderr.read_line(&mut line).unwrap();
        assert!(n > 0, "the first resume ended before claiming");
        if line.contains("pausing with the workflow claimed") {
            break;
        }
    }
    let second = rceval_in(
        &dir,
        &["resume", "--store", "wf.db", "--id", "1", "--send", "2"],
    );
    expect_status(&second, 2, "refused");
    assert_eq!(text(&second.stdout), "", "the loser ran nothing");
    let err = text(&second.stderr);
    assert!(
        err.contains("workflow 1 is being resumed by another process")
            && err.contains("nothing was run")
            && err.contains("rceval workflows --store wf.db --release 1"),
        "{err}"
    );
    assert!(listed(&dir).contains("1   running"));
    // The claimer dies without ending its claim.
    first.kill().expect("SIGKILL");
    first.wait().unwrap();
    let again = rceval_in(
        &dir,
        &["resume", "--store", "wf.db", "--id", "1", "--send", "2"],
    );
    expect_status(&again, 2, "still held by the dead claimer");
    let out = rceval_in(&dir, &["workflows", "--store", "wf.db", "--release", "1"]);
    expect_status(&out, 0, "released");
    assert!(listed(&dir).contains("1   waiting"));
    let out = rceval_in(
        &dir,
        &["resume", "--store", "wf.db", "--id", "1", "--send", "7"],
    );
    expect_status(&out, SUSPENDED, "resumes from the same snapshot");
    assert_eq!(text(&out.stdout), "one [7]\n");
    let history =
        text(&rceval_in(&dir, &["workflows", "--store", "wf.db", "--history", "1"]).stdout);
    let outcomes: Vec<&str> = history
        .lines()
        .filter(|l| l.starts_with("attempt "))
        .filter_map(|l| l.split(": ").nth(1))
        .filter_map(|l| l.split(" -- ").next())
        .collect();
    assert_eq!(outcomes, ["released", "suspended"], "{history}");
    let out = rceval_in(&dir, &["workflows", "--store", "wf.db", "--release", "1"]);
    expect_status(&out, 2, "nothing to release");
    assert!(text(&out.stderr).contains("workflow 1 is waiting, not running"));
}

/// A store written by an rceval of schema version 1 (no claims, no attempts) is upgraded when
/// opened, its workflows kept.
#[test]
fn a_version_1_store_is_upgraded_in_place() {
    let dir = setup("v1");
    let out = rceval_in(&dir, &["run", "--store", "new.db", "p.py"]);
    expect_status(&out, SUSPENDED, "waits");
    let snapshot: Vec<u8> = rusqlite::Connection::open(dir.join("new.db"))
        .unwrap()
        .query_row("SELECT data FROM snapshots WHERE workflow = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    // Version 1's schema, as rceval wrote it before claims.
    let conn = rusqlite::Connection::open(dir.join("wf.db")).unwrap();
    conn.execute_batch(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
         INSERT INTO meta VALUES ('format', 'rceval-workflows'), ('version', '1');
         CREATE TABLE workflows (id INTEGER PRIMARY KEY AUTOINCREMENT, program TEXT NOT NULL,
             state TEXT NOT NULL, wait_name TEXT NOT NULL, file TEXT NOT NULL,
             line INTEGER NOT NULL, function TEXT NOT NULL, since TEXT NOT NULL,
             generation INTEGER NOT NULL);
         CREATE TABLE snapshots (workflow INTEGER PRIMARY KEY REFERENCES workflows(id),
             data BLOB NOT NULL);
         INSERT INTO workflows VALUES (1, 'p.py', 'waiting', 'one', 'p.py', 3, 'step',
             '2026-01-01T00:00:00Z', 1);
         INSERT INTO workflows VALUES (2, 'p.py', 'failed', 'two', 'p.py', 3, 'step',
             '2026-01-01T00:00:00Z', 4);",
    )
    .unwrap();
    conn.execute("INSERT INTO snapshots VALUES (1, ?1)", [&snapshot])
        .unwrap();
    drop(conn);
    let before = listed(&dir);
    assert!(
        before.contains("1   waiting") && before.contains("2   failed"),
        "{before}"
    );
    let version: String = rusqlite::Connection::open(dir.join("wf.db"))
        .unwrap()
        .query_row("SELECT value FROM meta WHERE key = 'version'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(version, "3");
    let out = rceval_in(
        &dir,
        &["resume", "--store", "wf.db", "--id", "1", "--send", "5"],
    );
    expect_status(&out, SUSPENDED, "the old workflow resumes");
    assert_eq!(text(&out.stdout), "one [5]\n");
}

/// A snapshot edited into valid JSON that does not hold together is refused, naming what is
/// inconsistent; the refusal leaves the workflow waiting (and is in its history), so the
/// untouched snapshot still resumes afterwards.
#[test]
fn an_inconsistent_snapshot_is_refused_naming_what() {
    let dir = setup("inconsistent");
    let out = rceval_in(&dir, &["run", "--store", "wf.db", "p.py"]);
    expect_status(&out, SUSPENDED, "waits");
    let conn = rusqlite::Connection::open(dir.join("wf.db")).unwrap();
    let data: Vec<u8> = conn
        .query_row("SELECT data FROM snapshots WHERE workflow = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    let pristine: serde_json::Value = serde_json::from_slice(&data).unwrap();
    let globals = pristine["frames"][0]["globals"].as_u64().unwrap() as usize;
    type Edit = fn(&mut serde_json::Value, usize);
    let cases: &[(&str, Edit, &str)] = &[
        (
            "pc past the end",
            |s, _| s["frames"][1]["pc"] = (s["frames"][1]["pc"].as_u64().unwrap() + 100).into(),
            "frame 1 (step): its pc",
        ),
        (
            "pc not after a call",
            |s, _| {
                s["frames"][1]["pc"] = 2.into();
                s["frames"][1]["lasti"] = 1.into();
            },
            "frame 1 (step) stands at instruction 2 (last 1), which does not follow a call",
        ),
        (
            "frames swapped",
            |s, _| {
                let frames = s["frames"].as_array_mut().unwrap();
                frames.swap(0, 1);
            },
            "frame 0 (step) is not the program's module frame: the frames are out of order",
        ),
        (
            "a module frame on top",
            |s, _| {
                let bottom = s["frames"][0].clone();
                s["frames"].as_array_mut().unwrap().push(bottom);
            },
            "frame 2 (<module>) is a module or class body above the bottom frame",
        ),
        (
            "stack deeper than co_stacksize",
            |s, _| {
                let slots = s["frames"][1]["slots"].as_array_mut().unwrap();
                slots.extend(std::iter::repeat_n(serde_json::json!({"Int": 1}), 40));
            },
            "beyond its code's co_stacksize",
        ),
        (
            "variables and stack misaligned",
            |s, _| s["frames"][1]["stack_base"] = 1.into(),
            "its stack starts at slot 1, its code has 2 variables",
        ),
        (
            "a handler outside the code",
            |s, _| {
                s["frames"][1]["blocks"] =
                    serde_json::json!([{"except_handler": false, "handler": 9999, "level": 0}]);
            },
            "its block 0 (handler 9999, stack level 0) does not fit its code",
        ),
        (
            "a dict hash that is not its key's",
            |s, g| {
                let entry = &mut s["objects"][g]["Dict"]["entries"][0];
                entry[0] = (entry[0].as_i64().unwrap() ^ 1).into();
            },
            "stores hash",
        ),
        (
            "a key twice",
            |s, g| {
                let entries = s["objects"][g]["Dict"]["entries"].as_array_mut().unwrap();
                entries[1] = entries[0].clone();
            },
            "entry 1 repeats an earlier key",
        ),
    ];
    for (what, edit, needle) in cases {
        let mut snap = pristine.clone();
        edit(&mut snap, globals);
        conn.execute(
            "UPDATE snapshots SET data = ?1 WHERE workflow = 1",
            [serde_json::to_vec(&snap).unwrap()],
        )
        .unwrap();
        let out = rceval_in(
            &dir,
            &["resume", "--store", "wf.db", "--id", "1", "--send", "1"],
        );
        expect_status(&out, 1, what);
        assert_eq!(text(&out.stdout), "", "{what}: nothing ran");
        let err = text(&out.stderr);
        assert!(
            err.contains("rceval: cannot resume workflow 1:") && err.contains(needle),
            "{what}: {err}"
        );
        assert!(!err.contains("panicked"), "{what}: {err}");
    }
    let history =
        text(&rceval_in(&dir, &["workflows", "--store", "wf.db", "--history", "1"]).stdout);
    assert_eq!(
        history.matches(": refused -- sent 1").count(),
        cases.len(),
        "{history}"
    );
    conn.execute("UPDATE snapshots SET data = ?1 WHERE workflow = 1", [&data])
        .unwrap();
    let out = rceval_in(
        &dir,
        &["resume", "--store", "wf.db", "--id", "1", "--send", "1"],
    );
    expect_status(&out, SUSPENDED, "the original snapshot resumes");
    assert_eq!(text(&out.stdout), "one [1]\n");
}

/// A store of schema version 2 (claims and attempts, no events) is upgraded in place when
/// opened: its waiting workflow takes events and its history is kept.
#[test]
fn a_version_2_store_is_upgraded_in_place() {
    let dir = setup("v2");
    let out = rceval_in(&dir, &["run", "--store", "new.db", "p.py"]);
    expect_status(&out, SUSPENDED, "waits");
    let snapshot: Vec<u8> = rusqlite::Connection::open(dir.join("new.db"))
        .unwrap()
        .query_row("SELECT data FROM snapshots WHERE workflow = 1", [], |r| {
            r.get(0)
        })
        .unwrap();
    // Version 2's schema, as rceval wrote it before events.
    let conn = rusqlite::Connection::open(dir.join("wf.db")).unwrap();
    conn.execute_batch(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
         INSERT INTO meta VALUES ('format', 'rceval-workflows'), ('version', '2');
         CREATE TABLE workflows (id INTEGER PRIMARY KEY AUTOINCREMENT, program TEXT NOT NULL,
             state TEXT NOT NULL, wait_name TEXT NOT NULL, file TEXT NOT NULL,
             line INTEGER NOT NULL, function TEXT NOT NULL, since TEXT NOT NULL,
             generation INTEGER NOT NULL, claim INTEGER);
         CREATE TABLE snapshots (workflow INTEGER PRIMARY KEY REFERENCES workflows(id),
             data BLOB NOT NULL);
         CREATE TABLE attempts (id INTEGER PRIMARY KEY AUTOINCREMENT,
             workflow INTEGER NOT NULL REFERENCES workflows(id), generation INTEGER NOT NULL,
             sent TEXT NOT NULL, pid INTEGER NOT NULL, started TEXT NOT NULL, ended TEXT,
             outcome TEXT NOT NULL, detail TEXT NOT NULL);
         INSERT INTO workflows VALUES (1, 'p.py', 'waiting', 'one', 'p.py', 3, 'step',
             '2026-01-01T00:00:00Z', 1, NULL);
         INSERT INTO attempts VALUES (1, 1, 1, '\"x\"', 42, '2026-01-01T00:00:00Z',
             '2026-01-01T00:00:01Z', 'failed', 'Traceback: ...');",
    )
    .unwrap();
    conn.execute("INSERT INTO snapshots VALUES (1, ?1)", [&snapshot])
        .unwrap();
    drop(conn);
    let out = rceval_in(
        &dir,
        &[
            "send",
            "--store",
            "wf.db",
            "--id",
            "1",
            "--wait-name",
            "one",
            "5",
        ],
    );
    expect_status(&out, 0, "the upgraded store takes events");
    let version: String = rusqlite::Connection::open(dir.join("wf.db"))
        .unwrap()
        .query_row("SELECT value FROM meta WHERE key = 'version'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(version, "3");
    let out = rceval_in(&dir, &["worker", "--store", "wf.db", "--once"]);
    expect_status(&out, 0, "worker");
    let out = rceval_in(&dir, &["workflows", "--store", "wf.db", "--output", "1"]);
    assert_eq!(text(&out.stdout), "one [5]\n");
    let history =
        text(&rceval_in(&dir, &["workflows", "--store", "wf.db", "--history", "1"]).stdout);
    assert!(
        history.contains("attempt 1 (snapshot generation 1): failed")
            && history.contains("attempt 2 (snapshot generation 1): suspended -- sent 5"),
        "{history}"
    );
}
