//! The workflow store: suspended programs, the events sent to them and the resumes that ran
//! them, in an SQLite file (`--store FILE`, the embedded default) or a PostgreSQL database
//! (`--store postgres://USER@HOST/DB`, shared by workers on several machines). One logic
//! ([`Store`]) over either backend ([`backend::Backend`]): the same tables, the same
//! transactions, the same guarantees.
//!
//! Schema (version [`STORE_VERSION`], recorded in `meta` with the format name
//! [`STORE_FORMAT`]): `workflows` has one row per suspended program (where it waits, since
//! when, its state, a generation counter, the attempt that holds it while it runs and until
//! when, its caller-chosen key, what workers printed for it); `snapshots` holds each
//! unfinished workflow's latest snapshot; `attempts` has one row per resume (what was sent,
//! how it ended, the traceback of a failure); `events` has the values sent for waits
//! (`rceval send`), pending until a resume applies them.
//!
//! A resume first *claims* the workflow: one transaction moves it from `waiting` to `running`
//! under a new attempt, so a second resume of the same workflow is refused before its program
//! runs. The attempt then ends in one transaction too: suspended again (the next snapshot,
//! generation + 1, the event applied, the output appended), finished (snapshot dropped), or
//! failed (an uncaught exception: the snapshot stays and the workflow is `waiting` again, the
//! event rejected). A claim by `rceval resume` holds until ended or released (`rceval
//! workflows --release ID`); a worker's claim carries a lease that the worker renews while it
//! runs, and once it has run out (the worker died) the workflow is claimable again, from its
//! previous snapshot, its event still pending.
//!
//! SQLite stores of schema versions 1 and 2 are upgraded in place when opened.

pub mod backend;
mod postgres;
mod render;
mod sqlite;

use backend::{Backend, Cell, P, Row};
pub use postgres::{display_url, is_url};
pub use render::{render_history, render_list};

/// What `meta.format` says in every rceval store.
pub const STORE_FORMAT: &str = "rceval-workflows";
/// The schema version this build reads and writes.
pub const STORE_VERSION: i64 = 3;

/// Set to a number of seconds, the snapshot transaction sleeps that long after writing and
/// before committing, announcing it on stderr: the hook the kill-while-writing test uses.
pub const PAUSE_IN_WRITE_ENV: &str = "RCEVAL_TEST_PAUSE_IN_SNAPSHOT_WRITE";
/// The line printed on stderr when the hook pauses.
pub const PAUSE_MARKER: &str = "rceval: test hook: pausing inside the snapshot transaction";
/// Set to a number of seconds, a resume sleeps that long once it has claimed its workflow
/// (before its program runs), announcing it on stderr: the concurrent-resume tests' hook.
pub const PAUSE_AFTER_CLAIM_ENV: &str = "RCEVAL_TEST_PAUSE_AFTER_CLAIM";
/// The line printed on stderr when that hook pauses.
pub const CLAIM_PAUSE_MARKER: &str = "rceval: test hook: pausing with the workflow claimed";

pub struct Store {
    db: Box<dyn Backend>,
    /// The file, or the URL without its password: what messages name.
    name: String,
}

/// A workflow's row, as `rceval workflows` lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkflowRow {
    pub id: i64,
    pub program: String,
    /// `waiting`, `running` (claimed by a resume), `finished`, or `failed` (a version-1 store's
    /// workflow whose program ended with an uncaught exception; no longer written).
    pub state: String,
    pub wait_name: String,
    pub file: String,
    pub line: i64,
    pub function: String,
    /// UTC, ISO 8601: when it last suspended (or finished).
    pub since: String,
    pub generation: i64,
    /// How many resumes of it failed (an uncaught exception, or a snapshot refused).
    pub failures: i64,
    /// The key it was started with (`run --workflow-key`).
    pub key: Option<String>,
    /// Events sent to it and not applied yet.
    pub pending: i64,
}

/// One resume of a workflow, as `rceval workflows --history` shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AttemptRow {
    pub id: i64,
    /// The generation of the snapshot it resumed.
    pub generation: i64,
    /// The JSON sent.
    pub sent: String,
    pub pid: i64,
    pub started: String,
    pub ended: Option<String>,
    /// `running`, `suspended`, `finished`, `failed`, `refused`, `released` or `expired`.
    pub outcome: String,
    /// A failure's traceback, a refusal's reason, a release's note.
    pub detail: String,
}

/// A workflow claimed by this process: its snapshot, the attempt that holds it, and (claimed
/// by a worker) the value its event carries.
pub struct Claimed {
    pub row: WorkflowRow,
    pub data: Vec<u8>,
    pub claim: Claim,
    pub sent: String,
}

/// The attempt that holds a running workflow: every write that ends it names it, so a process
/// whose claim was released or taken over meanwhile can no longer write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Claim {
    pub workflow: i64,
    pub attempt: i64,
}

/// How a resumed run ended, other than by suspending again.
pub enum Ended<'a> {
    Finished,
    /// An uncaught exception, with its traceback: the snapshot stays, to be resumed again.
    Failed(&'a str),
    /// The snapshot could not be resumed (inconsistent, or its source changed): why.
    Refused(&'a str),
}

/// Where a snapshot was taken (what the store keeps beside it).
pub struct WaitRecord<'a> {
    pub program: &'a str,
    pub name: &'a str,
    pub file: &'a str,
    pub line: u32,
    pub function: &'a str,
}

/// Which workflow an event is for.
pub enum Target<'a> {
    Id(i64),
    Key(&'a str),
}

/// An event for a workflow (`rceval send`).
pub struct Event<'a> {
    pub target: Target<'a>,
    /// The wait it is for; `None`: the workflow's next wait, whatever its name.
    pub wait_name: Option<&'a str>,
    /// The value, as JSON.
    pub value: &'a str,
    /// Keep it for a later wait if the workflow is not waiting for it now.
    pub queue: bool,
}

pub(crate) fn not_a_store(name: &str, why: &dyn std::fmt::Display) -> String {
    format!("rceval: '{name}' is not a usable rceval workflow store: {why}")
}

pub(crate) fn other_version(name: &str, version: i64) -> String {
    not_a_store(
        name,
        &format!(
            "it has schema version {version}, this rceval reads versions 1 to {STORE_VERSION}"
        ),
    )
}

const SELECT_ROW: &str =
    "SELECT id, program, state, wait_name, file, line, function, since, generation,
     (SELECT count(*) FROM attempts a WHERE a.workflow = workflows.id
      AND a.outcome IN ('failed', 'refused')),
     workflow_key,
     (SELECT count(*) FROM events e WHERE e.workflow = workflows.id AND e.state = 'pending')
     FROM workflows";

fn row_from(r: &Row) -> WorkflowRow {
    WorkflowRow {
        id: r[0].int(),
        program: r[1].text(),
        state: r[2].text(),
        wait_name: r[3].text(),
        file: r[4].text(),
        line: r[5].int(),
        function: r[6].text(),
        since: r[7].text(),
        generation: r[8].int(),
        failures: r[9].int(),
        key: r[10].opt_text(),
        pending: r[11].int(),
    }
}

impl Store {
    /// Opens a store: a PostgreSQL URL, or an SQLite file. With `create`, a store that does
    /// not exist yet is created. Anything that is not a store of this version (or an older
    /// SQLite one, which is upgraded) is refused with an error saying why.
    pub fn open(location: &str, create: bool) -> Result<Store, String> {
        let (db, name): (Box<dyn Backend>, String) = if is_url(location) {
            (
                Box::new(postgres::open(location, create)?),
                display_url(location),
            )
        } else {
            (Box::new(sqlite::open(location, create)?), location.into())
        };
        Ok(Store { db, name })
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    fn write_error(&self, e: impl std::fmt::Display) -> String {
        format!("can't write workflow store '{}': {e}", self.name)
    }

    fn read_error(&self, e: impl std::fmt::Display) -> String {
        not_a_store(&self.name, &e)
    }

    /// Runs `body` in one transaction: committed if it returns `Ok`, rolled back otherwise.
    fn transaction<T>(
        &mut self,
        body: impl FnOnce(&mut Self) -> Result<T, String>,
    ) -> Result<T, String> {
        let begin = self.db.dialect().begin;
        self.db.batch(begin).map_err(|e| self.write_error(e))?;
        match body(self) {
            Ok(value) => {
                self.db.batch("COMMIT").map_err(|e| self.write_error(e))?;
                Ok(value)
            }
            Err(e) => {
                let _ = self.db.batch("ROLLBACK");
                Err(e)
            }
        }
    }

    fn exec(&mut self, sql: &str, params: &[P<'_>]) -> Result<u64, String> {
        self.db
            .execute(sql, params)
            .map_err(|e| self.write_error(e))
    }

    fn rows(&mut self, sql: &str, params: &[P<'_>]) -> Result<Vec<Row>, String> {
        self.db.query(sql, params).map_err(|e| self.read_error(e))
    }

    fn now(&self) -> &'static str {
        self.db.dialect().now_text
    }

    fn now_ms(&self) -> &'static str {
        self.db.dialect().now_ms
    }

    /// Saves a new workflow's first snapshot (`claim: None`), or the next snapshot of the
    /// workflow this process claimed. Returns the workflow's id.
    pub fn save(
        &mut self,
        claim: Option<Claim>,
        wait: &WaitRecord<'_>,
        data: &[u8],
    ) -> Result<i64, String> {
        self.save_with(claim, wait, data, None, "")
    }

    /// [`Store::save`], with the key a new workflow is started under and the output the run
    /// printed since it was resumed (appended to the workflow's, in the same transaction).
    pub fn save_with(
        &mut self,
        claim: Option<Claim>,
        wait: &WaitRecord<'_>,
        data: &[u8],
        key: Option<&str>,
        output: &str,
    ) -> Result<i64, String> {
        self.transaction(|s| {
            let now = s.now();
            let id = match claim {
                None => {
                    if let Some(key) = key {
                        s.check_key_free(key)?;
                    }
                    let rows = s.db.query(
                        &format!(
                            "INSERT INTO workflows (program, state, wait_name, file, line, function,
                             since, generation, workflow_key, output)
                             VALUES ($1, 'waiting', $2, $3, $4, $5, {now}, 1, $6, $7) RETURNING id"
                        ),
                        &[
                            P::Text(wait.program),
                            P::Text(wait.name),
                            P::Text(wait.file),
                            P::Int(wait.line.into()),
                            P::Text(wait.function),
                            P::OptText(key),
                            P::Text(output),
                        ],
                    );
                    rows.map_err(|e| s.write_error(e))?[0][0].int()
                }
                Some(claim) => {
                    let changed = s.exec(
                        &format!(
                            "UPDATE workflows SET state = 'waiting', claim = NULL, lease_until = NULL,
                             wait_name = $1, file = $2, line = $3, function = $4, since = {now},
                             generation = generation + 1, output = output || $5
                             WHERE id = $6 AND state = 'running' AND claim = $7"
                        ),
                        &[
                            P::Text(wait.name),
                            P::Text(wait.file),
                            P::Int(wait.line.into()),
                            P::Text(wait.function),
                            P::Text(output),
                            P::Int(claim.workflow),
                            P::Int(claim.attempt),
                        ],
                    )?;
                    if changed == 0 {
                        return Err(lost_claim(claim));
                    }
                    s.end_attempt(claim.attempt, "suspended", "")?;
                    s.settle_event(claim.attempt, "applied")?;
                    claim.workflow
                }
            };
            s.exec(
                "INSERT INTO snapshots (workflow, data) VALUES ($1, $2)
                 ON CONFLICT (workflow) DO UPDATE SET data = excluded.data",
                &[P::Int(id), P::Bytes(data)],
            )?;
            pause_for_tests(PAUSE_IN_WRITE_ENV, PAUSE_MARKER);
            Ok(id)
        })
    }

    /// Refuses a key another workflow was started with.
    pub fn check_key_free(&mut self, key: &str) -> Result<(), String> {
        let rows = self.rows(
            "SELECT id FROM workflows WHERE workflow_key = $1",
            &[P::Text(key)],
        )?;
        match rows.first() {
            Some(r) => Err(format!(
                "rceval: workflow {} in '{}' already has the key '{key}'",
                r[0].int(),
                self.name
            )),
            None => Ok(()),
        }
    }

    /// The workflow's state and claim, its row locked until the transaction ends; whether its
    /// claim's lease has run out.
    fn lock_state(&mut self, id: i64) -> Result<Option<(String, Option<i64>, bool)>, String> {
        let sql = format!(
            "SELECT state, claim, CASE WHEN lease_until IS NOT NULL AND lease_until < {}
             THEN 1 ELSE 0 END FROM workflows WHERE id = $1{}",
            self.now_ms(),
            self.db.dialect().for_update
        );
        let rows = self
            .db
            .query(&sql, &[P::Int(id)])
            .map_err(|e| self.write_error(e))?;
        Ok(rows
            .first()
            .map(|r| (r[0].text(), r[1].opt_int(), r[2].int() == 1)))
    }

    /// Claims a waiting workflow for a resume sending `sent` (JSON): in one transaction, its
    /// snapshot is read, an attempt recorded, and the workflow moved to `running`. A workflow
    /// another process is running is refused, saying how to release it if that process died
    /// (one whose worker's lease ran out is taken over).
    pub fn claim(&mut self, id: i64, sent: &str) -> Result<Claimed, String> {
        let claimed = self.transaction(|s| {
            let (state, holder, expired) = s
                .lock_state(id)?
                .ok_or_else(|| format!("rceval: no workflow {id} in '{}'", s.name))?;
            match state.as_str() {
                "waiting" => {}
                "running" if expired => {}
                "running" => {
                    let by = match holder {
                        Some(attempt) => s
                            .rows(
                                "SELECT pid, started FROM attempts WHERE id = $1",
                                &[P::Int(attempt)],
                            )?
                            .first()
                            .map(|r| {
                                format!(
                                    " (attempt {attempt}, process {}, since {})",
                                    r[0].int(),
                                    r[1].text()
                                )
                            })
                            .unwrap_or_default(),
                        None => String::new(),
                    };
                    return Err(format!(
                        "rceval: workflow {id} is being resumed by another process{by}; \
                         nothing was run. If that process was killed, make the workflow resumable \
                         again with: rceval workflows --store {} --release {id}",
                        s.name
                    ));
                }
                state => {
                    return Err(format!(
                        "rceval: workflow {id} is {state}, not waiting: there is nothing to resume"
                    ));
                }
            }
            s.take(id, holder.filter(|_| expired), sent, None, None)
        })?;
        pause_for_tests(PAUSE_AFTER_CLAIM_ENV, CLAIM_PAUSE_MARKER);
        Ok(claimed)
    }

    /// Claims, for a worker, the workflow whose pending event is oldest among those that are
    /// waiting for it (or whose worker's lease ran out): the attempt sends that event's value
    /// and holds the workflow for `lease_ms` (see [`Store::renew`]). `None` if no workflow is
    /// ready.
    pub fn claim_next(&mut self, lease_ms: i64) -> Result<Option<Claimed>, String> {
        let claimed = self.transaction(|s| {
            let sql = format!(
                "SELECT w.id, e.id, e.value, w.claim, w.state FROM workflows w
                 JOIN events e ON e.workflow = w.id AND e.state = 'pending'
                      AND (e.wait_name IS NULL OR e.wait_name = w.wait_name)
                 WHERE w.state = 'waiting'
                    OR (w.state = 'running' AND w.lease_until IS NOT NULL AND w.lease_until < {})
                 ORDER BY e.id LIMIT 1{}",
                s.now_ms(),
                s.db.dialect().skip_locked
            );
            let rows = s.db.query(&sql, &[]).map_err(|e| s.write_error(e))?;
            let Some(r) = rows.first() else {
                return Ok(None);
            };
            let (id, event, sent) = (r[0].int(), r[1].int(), r[2].text());
            let expired = (r[4].text() == "running").then(|| r[3].opt_int()).flatten();
            s.take(id, expired, &sent, Some(event), Some(lease_ms))
                .map(Some)
        })?;
        Ok(claimed)
    }

    /// The claim itself, inside the caller's transaction: ends the attempt whose lease ran
    /// out (`expired`), records the new one and moves the workflow to `running`.
    fn take(
        &mut self,
        id: i64,
        expired: Option<i64>,
        sent: &str,
        event: Option<i64>,
        lease_ms: Option<i64>,
    ) -> Result<Claimed, String> {
        if let Some(old) = expired {
            self.end_attempt(
                old,
                "expired",
                "the lease of the worker running it ran out: that worker stopped renewing it \
                 (killed, or cut off from the store); another resume took the workflow over",
            )?;
        }
        let rows = self.rows(&format!("{SELECT_ROW} WHERE id = $1"), &[P::Int(id)])?;
        let row = row_from(&rows[0]);
        let data = self
            .rows(
                "SELECT data FROM snapshots WHERE workflow = $1",
                &[P::Int(id)],
            )?
            .pop()
            .and_then(|mut r| r.pop())
            .map(Cell::into_bytes)
            .ok_or_else(|| self.read_error(format!("workflow {id} has no snapshot")))?;
        let now = self.now();
        let attempt = self
            .db
            .query(
                &format!(
                    "INSERT INTO attempts (workflow, generation, sent, pid, started, outcome,
                     detail, event) VALUES ($1, $2, $3, $4, {now}, 'running', '', $5) RETURNING id"
                ),
                &[
                    P::Int(id),
                    P::Int(row.generation),
                    P::Text(sent),
                    P::Int(std::process::id().into()),
                    P::OptInt(event),
                ],
            )
            .map_err(|e| self.write_error(e))?[0][0]
            .int();
        let lease = match lease_ms {
            Some(ms) => format!("{} + {ms}", self.now_ms()),
            None => "NULL".into(),
        };
        self.exec(
            &format!(
                "UPDATE workflows SET state = 'running', claim = $1, lease_until = {lease}
                 WHERE id = $2"
            ),
            &[P::Int(attempt), P::Int(id)],
        )?;
        Ok(Claimed {
            row: WorkflowRow {
                state: "running".into(),
                ..row
            },
            data,
            claim: Claim {
                workflow: id,
                attempt,
            },
            sent: sent.to_string(),
        })
    }

    /// Extends a worker's lease on its claim; `false` if the claim is no longer its own.
    pub fn renew(&mut self, claim: Claim, lease_ms: i64) -> Result<bool, String> {
        let sql = format!(
            "UPDATE workflows SET lease_until = {} + {lease_ms}
             WHERE id = $1 AND state = 'running' AND claim = $2",
            self.now_ms()
        );
        Ok(self.exec(&sql, &[P::Int(claim.workflow), P::Int(claim.attempt)])? > 0)
    }

    /// Ends this process's claim other than by a new snapshot: finished (the snapshot is
    /// dropped), or failed/refused (the workflow waits again on the same snapshot).
    pub fn end(&mut self, claim: Claim, ended: Ended<'_>) -> Result<(), String> {
        self.end_with(claim, ended, "")
    }

    /// [`Store::end`], appending `output` to the workflow's if it finished.
    pub fn end_with(&mut self, claim: Claim, ended: Ended<'_>, output: &str) -> Result<(), String> {
        let (outcome, detail, event) = match ended {
            Ended::Finished => ("finished", "", "applied"),
            Ended::Failed(tb) => ("failed", tb, "rejected"),
            Ended::Refused(why) => ("refused", why, "rejected"),
        };
        self.transaction(|s| {
            let now = s.now();
            // A failed run's output is not the workflow's: it runs again from the same
            // snapshot.
            let guard = "WHERE id = $1 AND state = 'running' AND claim = $2";
            let (who, attempt) = (P::Int(claim.workflow), P::Int(claim.attempt));
            let changed = if outcome == "finished" {
                s.exec(
                    &format!(
                        "UPDATE workflows SET state = 'finished', claim = NULL, lease_until = NULL,
                         since = {now}, generation = generation + 1, output = output || $3 {guard}"
                    ),
                    &[who, attempt, P::Text(output)],
                )?
            } else {
                // A failed run's output is not the workflow's: it runs again from the same
                // snapshot.
                s.exec(
                    &format!(
                        "UPDATE workflows SET state = 'waiting', claim = NULL, lease_until = NULL
                         {guard}"
                    ),
                    &[who, attempt],
                )?
            };
            if changed == 0 {
                return Err(lost_claim(claim));
            }
            s.end_attempt(claim.attempt, outcome, detail)?;
            s.settle_event(claim.attempt, event)?;
            if outcome == "finished" {
                s.exec(
                    "DELETE FROM snapshots WHERE workflow = $1",
                    &[P::Int(claim.workflow)],
                )?;
            }
            Ok(())
        })
    }

    fn end_attempt(&mut self, attempt: i64, outcome: &str, detail: &str) -> Result<u64, String> {
        let sql = format!(
            "UPDATE attempts SET outcome = $1, detail = $2, ended = {} WHERE id = $3",
            self.now()
        );
        self.exec(&sql, &[P::Text(outcome), P::Text(detail), P::Int(attempt)])
    }

    /// The event an attempt sent is applied (or rejected) with the attempt's end.
    fn settle_event(&mut self, attempt: i64, state: &str) -> Result<u64, String> {
        self.exec(
            "UPDATE events SET state = $1, attempt = $2
             WHERE id = (SELECT event FROM attempts WHERE id = $2) AND state = 'pending'",
            &[P::Text(state), P::Int(attempt)],
        )
    }

    /// Gives a `running` workflow back (its claimer was killed): it waits again on its last
    /// snapshot, and the attempt is recorded as released.
    pub fn release(&mut self, id: i64) -> Result<(), String> {
        self.transaction(|s| {
            let attempt = match s.lock_state(id)? {
                None => return Err(format!("rceval: no workflow {id} in '{}'", s.name)),
                Some((state, Some(attempt), _)) if state == "running" => attempt,
                Some((state, _, _)) => {
                    return Err(format!(
                        "rceval: workflow {id} is {state}, not running: there is nothing to release"
                    ));
                }
            };
            s.exec(
                "UPDATE workflows SET state = 'waiting', claim = NULL, lease_until = NULL
                 WHERE id = $1",
                &[P::Int(id)],
            )?;
            s.end_attempt(
                attempt,
                "released",
                "released by `rceval workflows --release`: the process running it had not ended it",
            )?;
            Ok(())
        })
    }

    /// Records an event for a workflow, in one transaction. Without `queue`, the workflow
    /// must be waiting for it now (and have no event for this wait yet); with it, an event
    /// for a running workflow, or for a later wait, is kept until the workflow waits for it.
    /// A finished workflow takes no event. Returns the event's id and the workflow's.
    pub fn send(&mut self, event: &Event<'_>) -> Result<(i64, i64), String> {
        self.transaction(|s| {
            let id = match event.target {
                Target::Id(id) => id,
                Target::Key(key) => s
                    .rows(
                        "SELECT id FROM workflows WHERE workflow_key = $1",
                        &[P::Text(key)],
                    )?
                    .first()
                    .map(|r| r[0].int())
                    .ok_or_else(|| {
                        format!("rceval: no workflow with key '{key}' in '{}'", s.name)
                    })?,
            };
            let (state, _, _) = s
                .lock_state(id)?
                .ok_or_else(|| format!("rceval: no workflow {id} in '{}'", s.name))?;
            let row = row_from(&s.rows(&format!("{SELECT_ROW} WHERE id = $1"), &[P::Int(id)])?[0]);
            let queue_hint =
                "; nothing was written (--queue keeps the event until it waits for it)";
            if state != "waiting" && state != "running" {
                return Err(format!(
                    "rceval: workflow {id} is {state}: no wait is left to take the event; \
                     nothing was written"
                ));
            }
            if !event.queue {
                if state == "running" {
                    return Err(format!(
                        "rceval: workflow {id} is running, not waiting{queue_hint}"
                    ));
                }
                if let Some(name) = event.wait_name
                    && name != row.wait_name
                {
                    return Err(format!(
                        "rceval: workflow {id} waits for {:?}, not {name:?}{queue_hint}",
                        row.wait_name
                    ));
                }
                let waiting = s.rows(
                    "SELECT id FROM events WHERE workflow = $1 AND state = 'pending'
                     AND (wait_name IS NULL OR wait_name = $2)",
                    &[P::Int(id), P::Text(&row.wait_name)],
                )?;
                if let Some(r) = waiting.first() {
                    return Err(format!(
                        "rceval: workflow {id} already has an event for its wait {:?} (event {})\
                         {queue_hint}",
                        row.wait_name,
                        r[0].int()
                    ));
                }
            }
            let now = s.now();
            let rows =
                s.db.query(
                    &format!(
                        "INSERT INTO events (workflow, wait_name, value, sent, state)
                         VALUES ($1, $2, $3, {now}, 'pending') RETURNING id"
                    ),
                    &[
                        P::Int(id),
                        P::OptText(event.wait_name),
                        P::Text(event.value),
                    ],
                )
                .map_err(|e| s.write_error(e))?;
            Ok((rows[0][0].int(), id))
        })
    }

    /// The snapshot of a waiting workflow, without claiming it (for inspection).
    pub fn load(&mut self, id: i64) -> Result<(WorkflowRow, Vec<u8>), String> {
        let row = self
            .row(id)?
            .ok_or_else(|| format!("rceval: no workflow {id} in '{}'", self.name))?;
        let data = self
            .rows(
                "SELECT data FROM snapshots WHERE workflow = $1",
                &[P::Int(id)],
            )?
            .pop()
            .and_then(|mut r| r.pop())
            .map(Cell::into_bytes)
            .ok_or_else(|| self.read_error(format!("workflow {id} has no snapshot")))?;
        Ok((row, data))
    }

    fn row(&mut self, id: i64) -> Result<Option<WorkflowRow>, String> {
        let rows = self.rows(&format!("{SELECT_ROW} WHERE id = $1"), &[P::Int(id)])?;
        Ok(rows.first().map(row_from))
    }

    /// Every workflow, oldest first.
    pub fn list(&mut self) -> Result<Vec<WorkflowRow>, String> {
        let rows = self.rows(&format!("{SELECT_ROW} ORDER BY id"), &[])?;
        Ok(rows.iter().map(row_from).collect())
    }

    /// What the workflow printed while workers ran it.
    pub fn output(&mut self, id: i64) -> Result<String, String> {
        self.rows("SELECT output FROM workflows WHERE id = $1", &[P::Int(id)])?
            .first()
            .map(|r| r[0].text())
            .ok_or_else(|| format!("rceval: no workflow {id} in '{}'", self.name))
    }

    /// The resumes of workflow `id`, oldest first.
    pub fn history(&mut self, id: i64) -> Result<Vec<AttemptRow>, String> {
        if self.row(id)?.is_none() {
            return Err(format!("rceval: no workflow {id} in '{}'", self.name));
        }
        let rows = self.rows(
            "SELECT id, generation, sent, pid, started, ended, outcome, detail
             FROM attempts WHERE workflow = $1 ORDER BY id",
            &[P::Int(id)],
        )?;
        Ok(rows
            .iter()
            .map(|r| AttemptRow {
                id: r[0].int(),
                generation: r[1].int(),
                sent: r[2].text(),
                pid: r[3].int(),
                started: r[4].text(),
                ended: r[5].opt_text(),
                outcome: r[6].text(),
                detail: r[7].text(),
            })
            .collect())
    }
}

fn lost_claim(claim: Claim) -> String {
    format!(
        "workflow {} was released from this process (attempt {}) meanwhile \
         (`rceval workflows --release`, or its lease ran out and another worker took it over); \
         its state is no longer this process's to write",
        claim.workflow, claim.attempt
    )
}

/// The claim hook's pause (see [`PAUSE_AFTER_CLAIM_ENV`]), for a worker to call once its
/// lease is being renewed.
pub fn pause_after_claim() {
    pause_for_tests(PAUSE_AFTER_CLAIM_ENV, CLAIM_PAUSE_MARKER);
}

/// The test hooks' pause (see [`PAUSE_IN_WRITE_ENV`], [`PAUSE_AFTER_CLAIM_ENV`]).
fn pause_for_tests(var: &str, marker: &str) {
    let Some(seconds) = std::env::var(var).ok().and_then(|s| s.parse::<u64>().ok()) else {
        return;
    };
    eprintln!("{marker}");
    std::thread::sleep(std::time::Duration::from_secs(seconds));
}
