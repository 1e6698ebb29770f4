//! The workflow store: suspended programs in one SQLite file (`rceval run --store FILE`).
//!
//! Schema (version [`STORE_VERSION`], recorded in `meta` with the format name
//! [`STORE_FORMAT`]): `workflows` has one row per suspended program (where it waits, since
//! when, its state, a generation counter and the attempt that holds it while it runs);
//! `snapshots` holds each unfinished workflow's latest snapshot; `attempts` has one row per
//! `rceval resume` (what was sent, how it ended, the traceback of a failure).
//!
//! A resume first *claims* the workflow: one transaction moves it from `waiting` to `running`
//! under a new attempt, so a second resume of the same workflow is refused before its program
//! runs. The attempt then ends in one transaction too: suspended again (the next snapshot,
//! generation + 1), finished (snapshot dropped), or failed (an uncaught exception: the snapshot
//! stays and the workflow is `waiting` again, to be resumed with another value). A process
//! killed while a workflow runs leaves it `running`; `rceval workflows --release ID` gives it
//! back (its attempt recorded as released). A process killed while writing a snapshot leaves
//! the previous one in force (SQLite's journal rolls the half-written one back).
//!
//! Stores of schema version 1 (no claims, no attempts) are upgraded in place when opened.

use std::path::Path;

use rusqlite::{
    Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior, params,
};

/// What `meta.format` says in every rceval store.
pub const STORE_FORMAT: &str = "rceval-workflows";
/// The schema version this build reads and writes.
pub const STORE_VERSION: i64 = 2;

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

const NOW: &str = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";

pub struct Store {
    conn: Connection,
    path: String,
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
}

/// One `rceval resume` of a workflow, as `rceval workflows --history` shows it.
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
    /// `running`, `suspended`, `finished`, `failed`, `refused` or `released`.
    pub outcome: String,
    /// A failure's traceback, a refusal's reason, a release's note.
    pub detail: String,
}

/// A workflow claimed by this process: its snapshot, and the attempt that holds it.
pub struct Claimed {
    pub row: WorkflowRow,
    pub data: Vec<u8>,
    pub claim: Claim,
}

/// The attempt that holds a running workflow: every write that ends it names it, so a process
/// whose claim was released meanwhile (`workflows --release`) can no longer write.
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

impl Store {
    /// Opens a store; with `create`, a missing or empty file becomes a new store. A file that
    /// is not SQLite, an SQLite database of something else, a damaged store or one of another
    /// version is refused with an error saying which; one of version 1 is upgraded.
    pub fn open(path: &str, create: bool) -> Result<Store, String> {
        let exists = Path::new(path).exists();
        if !exists && !create {
            return Err(format!("rceval: no workflow store at '{path}'"));
        }
        let flags = if create {
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE
        };
        let conn = Connection::open_with_flags(path, flags)
            .map_err(|e| format!("rceval: can't open workflow store '{path}': {e}"))?;
        let mut store = Store {
            conn,
            path: path.to_string(),
        };
        store.check_or_init()?;
        Ok(store)
    }

    fn not_a_store(&self, why: impl std::fmt::Display) -> String {
        format!(
            "rceval: '{}' is not a usable rceval workflow store: {why}",
            self.path
        )
    }

    fn check_or_init(&mut self) -> Result<(), String> {
        // Wait for another process's transaction rather than failing at once.
        self.conn
            .busy_timeout(std::time::Duration::from_secs(10))
            .map_err(|e| self.not_a_store(e))?;
        let tables: Vec<String> = self
            .conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .and_then(|mut s| {
                s.query_map([], |r| r.get::<_, String>(0))?
                    .collect::<Result<Vec<_>, _>>()
            })
            .map_err(|e| self.not_a_store(explain(&e)))?;
        if tables.is_empty() {
            return self.init();
        }
        if !tables.iter().any(|t| t == "meta") {
            return Err(self.not_a_store(format!(
                "it is an SQLite database of something else (tables: {})",
                tables.join(", ")
            )));
        }
        if self.meta("format")?.as_deref() != Some(STORE_FORMAT) {
            return Err(self.not_a_store(
                "it is an SQLite database of something else (no rceval format marker)",
            ));
        }
        let version = self.version()?;
        let check: String = self
            .conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(|e| self.not_a_store(explain(&e)))?;
        if check != "ok" {
            return Err(self.not_a_store(format!("it is damaged ({check})")));
        }
        if version == 1 {
            self.upgrade_from_1()?;
        } else if version != STORE_VERSION {
            return Err(self.not_a_store(format!(
                "it has schema version {version}, this rceval reads versions 1 and {STORE_VERSION}"
            )));
        }
        Ok(())
    }

    fn meta(&self, key: &str) -> Result<Option<String>, String> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(|e| self.not_a_store(explain(&e)))
    }

    fn version(&self) -> Result<i64, String> {
        self.meta("version")?
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| self.not_a_store("its version marker is missing"))
    }

    fn init(&self) -> Result<(), String> {
        self.conn
            .execute_batch(&format!(
                "BEGIN IMMEDIATE;
                 CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                 INSERT INTO meta VALUES ('format', '{STORE_FORMAT}'), ('version', '1');
                 CREATE TABLE workflows (
                     id INTEGER PRIMARY KEY AUTOINCREMENT,
                     program TEXT NOT NULL,
                     state TEXT NOT NULL,
                     wait_name TEXT NOT NULL,
                     file TEXT NOT NULL,
                     line INTEGER NOT NULL,
                     function TEXT NOT NULL,
                     since TEXT NOT NULL,
                     generation INTEGER NOT NULL
                 );
                 CREATE TABLE snapshots (
                     workflow INTEGER PRIMARY KEY REFERENCES workflows(id),
                     data BLOB NOT NULL
                 );
                 {UPGRADE_1_TO_2}
                 COMMIT;"
            ))
            .map_err(|e| self.not_a_store(e))
    }

    /// Version 1 had no claims and no attempts; its workflows keep their states.
    fn upgrade_from_1(&mut self) -> Result<(), String> {
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| {
            format!("rceval: can't upgrade workflow store '{path}' to version {STORE_VERSION}: {e}")
        };
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(fail)?;
        // Another process may have upgraded it while this one waited for the lock.
        let version: String = tx
            .query_row("SELECT value FROM meta WHERE key = 'version'", [], |r| {
                r.get(0)
            })
            .map_err(fail)?;
        if version == "1" {
            tx.execute_batch(UPGRADE_1_TO_2).map_err(fail)?;
        }
        tx.commit().map_err(fail)
    }

    fn immediate(&mut self) -> Result<Transaction<'_>, String> {
        let path = self.path.clone();
        self.conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| format!("can't write workflow store '{path}': {e}"))
    }

    /// Saves a new workflow's first snapshot (`claim: None`), or the next snapshot of the
    /// workflow this process claimed. Returns the workflow's id.
    pub fn save(
        &mut self,
        claim: Option<Claim>,
        wait: &WaitRecord<'_>,
        data: &[u8],
    ) -> Result<i64, String> {
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| format!("can't write workflow store '{path}': {e}");
        let tx = self.immediate()?;
        let id = match claim {
            None => {
                tx.execute(
                    &format!(
                        "INSERT INTO workflows (program, state, wait_name, file, line, function, since, generation)
                         VALUES (?1, 'waiting', ?2, ?3, ?4, ?5, {NOW}, 1)"
                    ),
                    params![wait.program, wait.name, wait.file, wait.line, wait.function],
                )
                .map_err(fail)?;
                tx.last_insert_rowid()
            }
            Some(claim) => {
                let changed = tx
                    .execute(
                        &format!(
                            "UPDATE workflows SET state = 'waiting', claim = NULL, wait_name = ?1,
                             file = ?2, line = ?3, function = ?4, since = {NOW},
                             generation = generation + 1
                             WHERE id = ?5 AND state = 'running' AND claim = ?6"
                        ),
                        params![
                            wait.name,
                            wait.file,
                            wait.line,
                            wait.function,
                            claim.workflow,
                            claim.attempt
                        ],
                    )
                    .map_err(fail)?;
                if changed == 0 {
                    return Err(lost_claim(claim));
                }
                end_attempt(&tx, claim.attempt, "suspended", "").map_err(fail)?;
                claim.workflow
            }
        };
        tx.execute(
            "INSERT OR REPLACE INTO snapshots (workflow, data) VALUES (?1, ?2)",
            params![id, data],
        )
        .map_err(fail)?;
        pause_for_tests(PAUSE_IN_WRITE_ENV, PAUSE_MARKER);
        tx.commit().map_err(fail)?;
        Ok(id)
    }

    /// Claims a waiting workflow for a resume sending `sent` (JSON): in one transaction, its
    /// snapshot is read, an attempt recorded, and the workflow moved to `running`. A workflow
    /// another process is running is refused, saying how to release it if that process died.
    pub fn claim(&mut self, id: i64, sent: &str) -> Result<Claimed, String> {
        let path = self.path.clone();
        let tx = self.immediate()?;
        let fail = |e: rusqlite::Error| format!("can't write workflow store '{path}': {e}");
        let row = tx
            .query_row(&format!("{SELECT_ROW} WHERE id = ?1"), [id], row_from)
            .optional()
            .map_err(fail)?
            .ok_or_else(|| format!("rceval: no workflow {id} in '{path}'"))?;
        match row.state.as_str() {
            "waiting" => {}
            "running" => {
                let holder: Option<(i64, i64, String)> = tx
                    .query_row(
                        "SELECT a.id, a.pid, a.started FROM attempts a JOIN workflows w
                         ON a.id = w.claim WHERE w.id = ?1",
                        [id],
                        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                    )
                    .optional()
                    .map_err(fail)?;
                let by = match holder {
                    Some((attempt, pid, started)) => {
                        format!(" (attempt {attempt}, process {pid}, since {started})")
                    }
                    None => String::new(),
                };
                return Err(format!(
                    "rceval: workflow {id} is being resumed by another process{by}; \
                     nothing was run. If that process was killed, make the workflow resumable \
                     again with: rceval workflows --store {path} --release {id}"
                ));
            }
            state => {
                return Err(format!(
                    "rceval: workflow {id} is {state}, not waiting: there is nothing to resume"
                ));
            }
        }
        let data: Vec<u8> = tx
            .query_row(
                "SELECT data FROM snapshots WHERE workflow = ?1",
                [id],
                |r| r.get(0),
            )
            .map_err(|e| {
                format!("rceval: '{path}' is not a usable rceval workflow store: workflow {id} has no snapshot ({e})")
            })?;
        tx.execute(
            &format!(
                "INSERT INTO attempts (workflow, generation, sent, pid, started, outcome, detail)
                 VALUES (?1, ?2, ?3, ?4, {NOW}, 'running', '')"
            ),
            params![id, row.generation, sent, std::process::id()],
        )
        .map_err(fail)?;
        let attempt = tx.last_insert_rowid();
        tx.execute(
            "UPDATE workflows SET state = 'running', claim = ?1 WHERE id = ?2 AND state = 'waiting'",
            params![attempt, id],
        )
        .map_err(fail)?;
        tx.commit().map_err(fail)?;
        pause_for_tests(PAUSE_AFTER_CLAIM_ENV, CLAIM_PAUSE_MARKER);
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
        })
    }

    /// Ends this process's claim other than by a new snapshot: finished (the snapshot is
    /// dropped), or failed/refused (the workflow waits again on the same snapshot).
    pub fn end(&mut self, claim: Claim, ended: Ended<'_>) -> Result<(), String> {
        let tx = self.immediate()?;
        let (state, outcome, detail) = match ended {
            Ended::Finished => ("finished", "finished", ""),
            Ended::Failed(tb) => ("waiting", "failed", tb),
            Ended::Refused(why) => ("waiting", "refused", why),
        };
        let write = |tx: &Transaction<'_>| -> rusqlite::Result<usize> {
            let changed = tx.execute(
                &format!(
                    "UPDATE workflows SET state = ?1, claim = NULL,
                     since = CASE WHEN ?1 = 'finished' THEN {NOW} ELSE since END,
                     generation = generation + (?1 = 'finished')
                     WHERE id = ?2 AND state = 'running' AND claim = ?3"
                ),
                params![state, claim.workflow, claim.attempt],
            )?;
            if changed > 0 {
                end_attempt(tx, claim.attempt, outcome, detail)?;
                if state == "finished" {
                    tx.execute(
                        "DELETE FROM snapshots WHERE workflow = ?1",
                        [claim.workflow],
                    )?;
                }
            }
            Ok(changed)
        };
        let changed = write(&tx).map_err(|e| self_write_error(&e))?;
        if changed == 0 {
            return Err(lost_claim(claim));
        }
        tx.commit().map_err(|e| self_write_error(&e))
    }

    /// Gives a `running` workflow back (its claimer was killed): it waits again on its last
    /// snapshot, and the attempt is recorded as released.
    pub fn release(&mut self, id: i64) -> Result<(), String> {
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| format!("can't write workflow store '{path}': {e}");
        let tx = self.immediate()?;
        let claim: Option<(String, Option<i64>)> = tx
            .query_row(
                "SELECT state, claim FROM workflows WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(fail)?;
        let attempt = match claim {
            None => return Err(format!("rceval: no workflow {id} in '{path}'")),
            Some((state, Some(attempt))) if state == "running" => attempt,
            Some((state, _)) => {
                return Err(format!(
                    "rceval: workflow {id} is {state}, not running: there is nothing to release"
                ));
            }
        };
        tx.execute(
            "UPDATE workflows SET state = 'waiting', claim = NULL WHERE id = ?1",
            [id],
        )
        .map_err(fail)?;
        end_attempt(
            &tx,
            attempt,
            "released",
            "released by `rceval workflows --release`: the process running it had not ended it",
        )
        .map_err(fail)?;
        tx.commit().map_err(fail)
    }

    /// The snapshot of a waiting workflow, without claiming it (for inspection).
    pub fn load(&self, id: i64) -> Result<(WorkflowRow, Vec<u8>), String> {
        let row = self
            .row(id)?
            .ok_or_else(|| format!("rceval: no workflow {id} in '{}'", self.path))?;
        let data: Vec<u8> = self
            .conn
            .query_row(
                "SELECT data FROM snapshots WHERE workflow = ?1",
                [id],
                |r| r.get(0),
            )
            .map_err(|e| self.not_a_store(format!("workflow {id} has no snapshot ({e})")))?;
        Ok((row, data))
    }

    fn row(&self, id: i64) -> Result<Option<WorkflowRow>, String> {
        self.conn
            .query_row(&format!("{SELECT_ROW} WHERE id = ?1"), [id], row_from)
            .optional()
            .map_err(|e| self.not_a_store(e))
    }

    /// Every workflow, oldest first.
    pub fn list(&self) -> Result<Vec<WorkflowRow>, String> {
        self.conn
            .prepare(&format!("{SELECT_ROW} ORDER BY id"))
            .and_then(|mut s| s.query_map([], row_from)?.collect::<Result<Vec<_>, _>>())
            .map_err(|e| self.not_a_store(e))
    }

    /// The resumes of workflow `id`, oldest first.
    pub fn history(&self, id: i64) -> Result<Vec<AttemptRow>, String> {
        if self.row(id)?.is_none() {
            return Err(format!("rceval: no workflow {id} in '{}'", self.path));
        }
        self.conn
            .prepare(
                "SELECT id, generation, sent, pid, started, ended, outcome, detail
                 FROM attempts WHERE workflow = ?1 ORDER BY id",
            )
            .and_then(|mut s| {
                s.query_map([id], |r| {
                    Ok(AttemptRow {
                        id: r.get(0)?,
                        generation: r.get(1)?,
                        sent: r.get(2)?,
                        pid: r.get(3)?,
                        started: r.get(4)?,
                        ended: r.get(5)?,
                        outcome: r.get(6)?,
                        detail: r.get(7)?,
                    })
                })?
                .collect::<Result<Vec<_>, _>>()
            })
            .map_err(|e| self.not_a_store(e))
    }
}

/// What version 2 adds to version 1 (also run by `init`, which writes version 1 first, so a new
/// store and an upgraded one are the same).
const UPGRADE_1_TO_2: &str = "
    ALTER TABLE workflows ADD COLUMN claim INTEGER;
    CREATE TABLE attempts (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        workflow INTEGER NOT NULL REFERENCES workflows(id),
        generation INTEGER NOT NULL,
        sent TEXT NOT NULL,
        pid INTEGER NOT NULL,
        started TEXT NOT NULL,
        ended TEXT,
        outcome TEXT NOT NULL,
        detail TEXT NOT NULL
    );
    UPDATE meta SET value = '2' WHERE key = 'version';
";

fn end_attempt(
    tx: &Transaction<'_>,
    attempt: i64,
    outcome: &str,
    detail: &str,
) -> rusqlite::Result<usize> {
    tx.execute(
        &format!("UPDATE attempts SET outcome = ?1, detail = ?2, ended = {NOW} WHERE id = ?3"),
        params![outcome, detail, attempt],
    )
}

fn lost_claim(claim: Claim) -> String {
    format!(
        "workflow {} was released from this process (attempt {}) meanwhile \
         (`rceval workflows --release`); its state is no longer this process's to write",
        claim.workflow, claim.attempt
    )
}

fn self_write_error(e: &rusqlite::Error) -> String {
    format!("can't write workflow store: {e}")
}

/// An SQLite error, saying what it means for the file.
fn explain(e: &rusqlite::Error) -> String {
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => format!("{e} (not an SQLite database)"),
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => format!("{e} (the file is damaged)"),
        _ => e.to_string(),
    }
}

const SELECT_ROW: &str =
    "SELECT id, program, state, wait_name, file, line, function, since, generation,
     (SELECT count(*) FROM attempts a WHERE a.workflow = workflows.id
      AND a.outcome IN ('failed', 'refused')) FROM workflows";

fn row_from(r: &rusqlite::Row<'_>) -> rusqlite::Result<WorkflowRow> {
    Ok(WorkflowRow {
        id: r.get(0)?,
        program: r.get(1)?,
        state: r.get(2)?,
        wait_name: r.get(3)?,
        file: r.get(4)?,
        line: r.get(5)?,
        function: r.get(6)?,
        since: r.get(7)?,
        generation: r.get(8)?,
        failures: r.get(9)?,
    })
}

/// The test hooks' pause (see [`PAUSE_IN_WRITE_ENV`], [`PAUSE_AFTER_CLAIM_ENV`]).
fn pause_for_tests(var: &str, marker: &str) {
    let Some(seconds) = std::env::var(var).ok().and_then(|s| s.parse::<u64>().ok()) else {
        return;
    };
    eprintln!("{marker}");
    std::thread::sleep(std::time::Duration::from_secs(seconds));
}

/// `rceval workflows`: one line per workflow.
pub fn render_list(rows: &[WorkflowRow]) -> String {
    if rows.is_empty() {
        return "no workflows\n".into();
    }
    let mut out = String::from("ID  STATE     SINCE                 WAITS AT\n");
    for r in rows {
        let mut at = if matches!(r.state.as_str(), "waiting" | "running") {
            format!(
                "wait({:?}) in {}() at {} line {}",
                r.wait_name, r.function, r.file, r.line
            )
        } else {
            format!(
                "(last waited in {}() at {} line {})",
                r.function, r.file, r.line
            )
        };
        if r.failures > 0 {
            let s = if r.failures == 1 { "" } else { "s" };
            at += &format!("; {} failed resume{s} (--history {})", r.failures, r.id);
        }
        out += &format!("{:<3} {:<9} {:<21} {at}\n", r.id, r.state, r.since);
    }
    out
}

/// `rceval workflows --history ID`: one paragraph per resume, a failure's traceback indented.
pub fn render_history(id: i64, attempts: &[AttemptRow]) -> String {
    if attempts.is_empty() {
        return format!("workflow {id} has not been resumed\n");
    }
    let mut out = format!("workflow {id}: {} resume(s)\n", attempts.len());
    for a in attempts {
        out += &format!(
            "attempt {} (snapshot generation {}): {} -- sent {}, process {}, {} .. {}\n",
            a.id,
            a.generation,
            a.outcome,
            a.sent,
            a.pid,
            a.started,
            a.ended.as_deref().unwrap_or("(not ended)")
        );
        for line in a.detail.lines() {
            out += &format!("    {line}\n");
        }
    }
    out
}
