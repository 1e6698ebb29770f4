//! Events and workers (`rceval send`, `rceval worker`), against every store `stores()` gives:
//! what `send` refuses, output kept with the workflow, a failing event rejected, and a claim
//! whose worker died taken over once its lease runs out.

#[path = "durable/common.rs"]
mod common;
#[path = "durable/stores.rs"]
mod stores;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use common::*;
use stores::*;

const PROGRAM: &str = "import durable\n\
    total = 0\n\
    for name in ['a', 'b', 'c']:\n    v = durable.wait(name)\n    total += v\n    print(name, v, total)\n\
    print('done', total)\n";

fn setup(test: &str) -> Vec<(std::path::PathBuf, String)> {
    let dir = scratch(test);
    stores(test)
        .into_iter()
        .map(|(label, store)| {
            let sub = store_dir(&dir, label);
            std::fs::write(sub.join("p.py"), PROGRAM).unwrap();
            (sub, store)
        })
        .collect()
}

fn send(dir: &Path, store: &str, args: &[&str]) -> std::process::Output {
    let mut all = vec!["send", "--store", store];
    all.extend_from_slice(args);
    rceval_in(dir, &all)
}

fn refused(out: &std::process::Output, needle: &str) {
    expect_status(out, 2, needle);
    let err = text(&out.stderr);
    assert!(err.contains(needle), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(!err.contains("panicked"), "{err}");
}

fn worker_once(dir: &Path, store: &str) -> std::process::Output {
    let out = rceval_in(dir, &["worker", "--store", store, "--once"]);
    expect_status(&out, 0, "worker --once");
    out
}

fn listed(dir: &Path, store: &str) -> String {
    let out = rceval_in(dir, &["workflows", "--store", store]);
    expect_status(&out, 0, "workflows");
    text(&out.stdout)
}

fn output_of(dir: &Path, store: &str, id: &str) -> String {
    let out = rceval_in(dir, &["workflows", "--store", store, "--output", id]);
    expect_status(&out, 0, "workflows --output");
    text(&out.stdout)
}

#[test]
fn send_records_events_for_workers_and_refuses_what_no_wait_takes() {
    for (dir, store) in setup("send") {
        let store = store.as_str();
        let out = rceval_in(&dir, &["run", "--store", store, "p.py"]);
        expect_status(&out, SUSPENDED, "waits for 'a'");
        // Refused, nothing written: another wait's name, not JSON, no such workflow.
        refused(
            &send(&dir, store, &["--id", "1", "--wait-name", "b", "2"]),
            "rceval: workflow 1 waits for \"a\", not \"b\"; nothing was written (--queue",
        );
        refused(
            &send(&dir, store, &["--id", "1", "{'not': json}"]),
            "rceval: the event is not JSON: key must be a string",
        );
        refused(&send(&dir, store, &["--id", "9", "1"]), "no workflow 9 in");
        refused(
            &send(&dir, store, &["--workflow-key", "nope", "1"]),
            "no workflow with key 'nope' in",
        );
        let out = worker_once(&dir, store);
        assert_eq!(text(&out.stderr), "", "nothing to do");
        assert!(listed(&dir, store).contains("1   waiting"));
        // Accepted; a second event for the same wait is refused unless queued.
        let out = send(&dir, store, &["--id", "1", "--wait-name", "a", "1"]);
        expect_status(&out, 0, "sent");
        assert_eq!(text(&out.stdout), "event 1 recorded for workflow 1\n");
        refused(
            &send(&dir, store, &["--id", "1", "5"]),
            "rceval: workflow 1 already has an event for its wait \"a\" (event 1)",
        );
        let out = send(
            &dir,
            store,
            &["--id", "1", "--wait-name", "b", "--queue", "2"],
        );
        expect_status(&out, 0, "queued for the next wait");
        assert!(listed(&dir, store).contains("; 2 events pending"));
        worker_once(&dir, store);
        let after = listed(&dir, store);
        assert!(
            after.contains("1   waiting") && after.contains("wait(\"c\")"),
            "{after}"
        );
        assert_eq!(output_of(&dir, store, "1"), "a 1 1\nb 2 3\n");
        send(&dir, store, &["--id", "1", "3"]);
        worker_once(&dir, store);
        assert_eq!(output_of(&dir, store, "1"), "a 1 1\nb 2 3\nc 3 6\ndone 6\n");
        assert!(listed(&dir, store).contains("1   finished"));
        refused(
            &send(&dir, store, &["--id", "1", "--queue", "4"]),
            "rceval: workflow 1 is finished: no wait is left to take the event",
        );
        // By key; a key is one workflow's.
        let out = rceval_in(
            &dir,
            &["run", "--store", store, "--workflow-key", "order-7", "p.py"],
        );
        expect_status(&out, SUSPENDED, "keyed");
        assert!(listed(&dir, store).contains("; key \"order-7\""));
        refused(
            &rceval_in(
                &dir,
                &["run", "--store", store, "--workflow-key", "order-7", "p.py"],
            ),
            "rceval: workflow 2 in",
        );
        let out = send(&dir, store, &["--workflow-key", "order-7", "10"]);
        expect_status(&out, 0, "by key");
        assert_eq!(text(&out.stdout), "event 4 recorded for workflow 2\n");
        worker_once(&dir, store);
        assert_eq!(output_of(&dir, store, "2"), "a 10 10\n");
    }
}

#[test]
fn an_event_the_program_fails_on_is_rejected_and_the_workflow_waits_again() {
    for (dir, store) in setup("reject") {
        let store = store.as_str();
        let out = rceval_in(&dir, &["run", "--store", store, "p.py"]);
        expect_status(&out, SUSPENDED, "waits");
        send(&dir, store, &["--id", "1", "\"x\""]);
        let out = worker_once(&dir, store);
        let err = text(&out.stderr);
        assert!(
            err.contains("workflow 1 (attempt 1): failed (status 1)")
                && err.contains("TypeError: unsupported operand type(s) for +=: 'int' and 'str'"),
            "{err}"
        );
        assert!(listed(&dir, store).contains("1 failed resume"));
        assert_eq!(output_of(&dir, store, "1"), "");
        // The rejected event is spent: the next one is for the same wait.
        send(&dir, store, &["--id", "1", "4"]);
        worker_once(&dir, store);
        assert_eq!(output_of(&dir, store, "1"), "a 4 4\n");
        let history =
            text(&rceval_in(&dir, &["workflows", "--store", store, "--history", "1"]).stdout);
        assert!(
            history.contains("attempt 1 (snapshot generation 1): failed -- sent \"x\"")
                && history.contains("attempt 2 (snapshot generation 1): suspended -- sent 4"),
            "{history}"
        );
    }
}

/// A worker killed with its workflow claimed (held by the claim hook) leaves it `running`; no
/// other worker takes it while the lease holds, and once it has run out the next worker runs it
/// from the same snapshot with the same event, the dead attempt recorded as expired.
#[test]
fn a_dead_workers_claim_runs_out_and_the_workflow_is_resumed_once() {
    for (dir, store) in setup("lease") {
        let store = store.as_str();
        let out = rceval_in(&dir, &["run", "--store", store, "p.py"]);
        expect_status(&out, SUSPENDED, "waits");
        send(&dir, store, &["--id", "1", "5"]);
        let mut doomed = Command::new(env!("CARGO_BIN_EXE_rceval"))
            .args(["worker", "--store", store, "--lease", "1"])
            .current_dir(&dir)
            .env("RCEVAL_TEST_PAUSE_AFTER_CLAIM", "600")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("worker starts");
        let mut stderr = BufReader::new(doomed.stderr.take().unwrap());
        let mut line = String::new();
        loop {
            line.clear();
            assert!(stderr.read_line(&mut line).unwrap() > 0, "worker ended");
            if line.contains("pausing with the workflow claimed") {
                break;
            }
        }
        // Alive and renewing: its lease holds however long it runs.
        std::thread::sleep(std::time::Duration::from_millis(1500));
        let out = worker_once(&dir, store);
        assert_eq!(text(&out.stderr), "", "the claim is held");
        doomed.kill().expect("SIGKILL");
        doomed.wait().unwrap();
        assert!(listed(&dir, store).contains("1   running"));
        // Dead: a worker polling meanwhile takes it over once the lease runs out.
        let out = rceval_in(
            &dir,
            &[
                "worker",
                "--store",
                store,
                "--lease",
                "1",
                "--once",
                "--poll-ms",
                "50",
            ],
        );
        expect_status(&out, 0, "worker");
        let mut taken = text(&out.stderr);
        for _ in 0..100 {
            if !taken.is_empty() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
            taken = text(&worker_once(&dir, store).stderr);
        }
        assert!(
            taken.contains("workflow 1 (attempt 2): waits again"),
            "{taken}"
        );
        assert_eq!(output_of(&dir, store, "1"), "a 5 5\n");
        let history =
            text(&rceval_in(&dir, &["workflows", "--store", store, "--history", "1"]).stdout);
        let outcomes: Vec<&str> = history
            .lines()
            .filter(|l| l.starts_with("attempt "))
            .filter_map(|l| l.split(": ").nth(1))
            .filter_map(|l| l.split(" -- ").next())
            .collect();
        assert_eq!(outcomes, ["expired", "suspended"], "{history}");
    }
}

/// What cannot be used as a store is one line naming why, exit status 2, for every
/// subcommand: an unreachable server, wrong credentials, a store of another schema version.
#[test]
fn an_unusable_postgresql_store_is_one_line_naming_why() {
    let dir = scratch("pg-errors");
    std::fs::write(dir.join("p.py"), PROGRAM).unwrap();
    let every = |store: &str| -> Vec<Vec<String>> {
        [
            &["workflows", "--store", store][..],
            &["run", "--store", store, "p.py"][..],
            &["send", "--store", store, "--id", "1", "1"][..],
            &["worker", "--store", store, "--once"][..],
            &["resume", "--store", store, "--id", "1", "--send", "1"][..],
        ]
        .iter()
        .map(|args| args.iter().map(|a| a.to_string()).collect())
        .collect()
    };
    let check = |store: &str, needle: &str| {
        for args in every(store) {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = rceval_in(&dir, &args);
            assert_eq!(text(&out.stdout), "", "{args:?}: nothing ran");
            refused(&out, needle);
        }
    };
    // Nothing listens on port 1.
    check(
        "postgres://rceval@127.0.0.1:1/postgres",
        "rceval: can't connect to workflow store 'postgres://rceval@127.0.0.1:1/postgres': \
         error connecting to server: Connection refused",
    );
    let Some((_, url)) = stores("pg-errors")
        .into_iter()
        .find(|(l, _)| *l == "postgres")
    else {
        return;
    };
    let (scheme_user, rest) = url.split_once('@').unwrap();
    let user = scheme_user.rsplit_once(':').unwrap().0;
    let wrong = format!("{user}:wrong-password@{rest}");
    check(&wrong, "password authentication failed for user \"rceval\"");
    assert!(
        !text(&rceval_in(&dir, &["workflows", "--store", &wrong]).stderr)
            .contains("wrong-password")
    );
    let out = rceval_in(&dir, &["run", "--store", &url, "p.py"]);
    expect_status(&out, SUSPENDED, "waits");
    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    client
        .batch_execute("UPDATE meta SET value = '99' WHERE key = 'version'")
        .unwrap();
    check(
        &url,
        "it has schema version 99, this rceval reads versions 1 to 3",
    );
    let counts = client
        .query_one(
            "SELECT (SELECT count(*) FROM workflows), (SELECT count(*) FROM events),
             (SELECT count(*) FROM attempts)",
            &[],
        )
        .unwrap();
    assert_eq!(
        (
            counts.get::<_, i64>(0),
            counts.get::<_, i64>(1),
            counts.get::<_, i64>(2)
        ),
        (1, 0, 0),
        "nothing written"
    );
}
