//! Workers killed at random while they resume: 4 `rceval worker` processes share a store
//! (SQLite, and PostgreSQL when `stores()` has it), many workflows wait three times each, a
//! sender process records every event in random order, and every few hundred milliseconds a
//! random worker is killed with SIGKILL and a new one started. Every workflow must finish
//! once, print what an uninterrupted run prints, and every event be applied exactly once.
//!
//! `RCEVAL_CHAOS_WORKFLOWS` sets the number of workflows (default 200, the size).

#[path = "durable/common.rs"]
mod common;
#[path = "durable/stores.rs"]
mod stores;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use common::*;
use rand::prelude::*;
use stores::*;

// `sys.argv` is the resuming process's: the workflow keeps its own in a global.
const PROGRAM: &str = "import durable, sys\n\
    me = sys.argv[1]\n\
    seen = []\n\
    for name in ['a', 'b', 'c']:\n    v = durable.wait(name)\n    seen.append(v)\n    \
    print(me, name, v, sum(seen))\n\
    print(me, 'done', seen)\n";

const WORKERS: usize = 4;

fn workflows() -> usize {
    std::env::var("RCEVAL_CHAOS_WORKFLOWS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(200)
}

fn value(workflow: usize, wait: usize) -> String {
    (workflow * 10 + wait).to_string()
}

fn start_worker(dir: &Path, store: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_rceval"))
        .args([
            "worker",
            "--store",
            store,
            "--lease",
            "1",
            "--poll-ms",
            "20",
        ])
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("worker starts")
}

fn finished(dir: &Path, store: &str) -> usize {
    query_text(
        dir,
        store,
        "SELECT CAST(count(*) AS TEXT) FROM workflows WHERE state = 'finished'",
    )[0][0]
        .as_deref()
        .unwrap_or("0")
        .parse()
        .unwrap()
}

#[test]
fn killed_workers_lose_no_event_and_apply_none_twice() {
    let n = workflows();
    let root = scratch("chaos");
    for (label, store) in stores("chaos") {
        let dir = store_dir(&root, label);
        std::fs::write(dir.join("p.py"), PROGRAM).unwrap();
        let store = store.as_str();
        let mut expected = Vec::new();
        for w in 1..=n {
            let arg = w.to_string();
            let out = rceval_in(&dir, &["run", "--store", store, "p.py", &arg]);
            expect_status(&out, SUSPENDED, "waits for 'a'");
            assert_eq!(workflow_id(&out.stderr), arg);
            let values: Vec<String> = (0..3).map(|i| value(w, i)).collect();
            let uninterrupted = rceval_in(
                &dir,
                &[
                    "run",
                    "--send-values",
                    &format!("[{}]", values.join(", ")),
                    "p.py",
                    &arg,
                ],
            );
            expect_status(&uninterrupted, 0, "uninterrupted");
            expected.push(text(&uninterrupted.stdout));
        }
        let mut workers: Vec<Child> = (0..WORKERS).map(|_| start_worker(&dir, store)).collect();
        // The sender: one process per event, all queued (the workflow may be running or
        // waiting for an earlier name), in random order.
        let sender = {
            let (dir, store) = (dir.clone(), store.to_string());
            std::thread::spawn(move || {
                let mut events: Vec<(usize, usize)> =
                    (1..=n).flat_map(|w| (0..3).map(move |i| (w, i))).collect();
                events.shuffle(&mut rand::thread_rng());
                for (w, i) in events {
                    let (id, name, v) = (w.to_string(), ["a", "b", "c"][i], value(w, i));
                    let out = rceval_in(
                        &dir,
                        &[
                            "send",
                            "--store",
                            &store,
                            "--id",
                            &id,
                            "--wait-name",
                            name,
                            "--queue",
                            &v,
                        ],
                    );
                    expect_status(&out, 0, "send");
                }
            })
        };
        let mut rng = rand::thread_rng();
        let mut kills = 0;
        // Until every workflow finished; no workflow finishing for two minutes once every
        // event is in is a stall (lost events, a claim never taken over), reported as such.
        let (mut last, mut since) = (0, std::time::Instant::now());
        loop {
            std::thread::sleep(Duration::from_millis(rng.gen_range(150..450)));
            let victim = rng.gen_range(0..WORKERS);
            workers[victim].kill().expect("SIGKILL");
            workers[victim].wait().unwrap();
            kills += 1;
            workers[victim] = start_worker(&dir, store);
            let now_finished = finished(&dir, store);
            if sender.is_finished() && now_finished == n {
                break;
            }
            if now_finished != last || !sender.is_finished() {
                (last, since) = (now_finished, std::time::Instant::now());
            }
            assert!(
                since.elapsed() < Duration::from_secs(120),
                "{label}: stalled at {now_finished} of {n} finished: {:?}",
                query_text(
                    &dir,
                    store,
                    "SELECT state || ' ' || CAST(count(*) AS TEXT) FROM events GROUP BY state"
                )
            );
        }
        sender.join().expect("every event was recorded");
        for mut w in workers {
            w.kill().unwrap();
            w.wait().unwrap();
        }
        assert!(kills >= 3, "{label}: only {kills} kills");
        // Every workflow printed what its uninterrupted run prints, once.
        let outputs = query_text(&dir, store, "SELECT output FROM workflows ORDER BY id");
        assert_eq!(outputs.len(), n);
        for (w, (row, want)) in outputs.iter().zip(&expected).enumerate() {
            assert_eq!(
                row[0].as_deref(),
                Some(want.as_str()),
                "{label}: workflow {}",
                w + 1
            );
        }
        // Every event applied, each by exactly one attempt that ended well.
        let unapplied = query_text(
            &dir,
            store,
            "SELECT CAST(count(*) AS TEXT) FROM events WHERE state <> 'applied'",
        );
        assert_eq!(unapplied[0][0].as_deref(), Some("0"), "{label}");
        let applied = query_text(
            &dir,
            store,
            "SELECT CAST(count(*) AS TEXT), CAST(count(DISTINCT event) AS TEXT) FROM attempts
             WHERE outcome IN ('suspended', 'finished')",
        );
        let total = (3 * n).to_string();
        assert_eq!(
            (applied[0][0].as_deref(), applied[0][1].as_deref()),
            (Some(total.as_str()), Some(total.as_str())),
            "{label}: attempts that applied an event, and distinct events"
        );
        let expired = query_text(
            &dir,
            store,
            "SELECT CAST(count(*) AS TEXT) FROM attempts WHERE outcome = 'expired'",
        );
        eprintln!(
            "{label}: {n} workflows, {kills} workers killed, {} claims taken over after their lease",
            expired[0][0].as_deref().unwrap_or("0")
        );
    }
}
