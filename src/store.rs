//! The workflow store: suspended programs in one SQLite file (`rceval run --store FILE`).
//!
//! Schema (version [`STORE_VERSION`], recorded in `meta` with the format name
//! [`STORE_FORMAT`]): `workflows` has one row per suspended program (where it waits, since
//! when, its state and a generation counter); `snapshots` holds each waiting workflow's latest
//! snapshot. Every snapshot is written in one transaction that also moves the workflow's
//! generation on, so a process killed while writing leaves the previous snapshot in force
//! (SQLite's journal rolls the half-written one back), and two processes resuming the same
//! snapshot cannot both save: the second finds the generation moved and writes nothing.

use std::path::Path;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};

/// What `meta.format` says in every rceval store.
pub const STORE_FORMAT: &str = "rceval-workflows";
/// The schema version this build reads and writes.
pub const STORE_VERSION: i64 = 1;

/// Set to a number of seconds, the snapshot transaction sleeps that long after writing and
/// before committing, announcing it on stderr: the hook the kill-while-writing test uses.
pub const PAUSE_IN_WRITE_ENV: &str = "RCEVAL_TEST_PAUSE_IN_SNAPSHOT_WRITE";
/// The line printed on stderr when the hook pauses.
pub const PAUSE_MARKER: &str = "rceval: test hook: pausing inside the snapshot transaction";

pub struct Store {
    conn: Connection,
    path: String,
}

/// A workflow's row, as `rceval workflows` lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorkflowRow {
    pub id: i64,
    pub program: String,
    /// `waiting` or `finished` (or `failed`: the program ended with an uncaught exception).
    pub state: String,
    pub wait_name: String,
    pub file: String,
    pub line: i64,
    pub function: String,
    /// UTC, ISO 8601: when it last suspended (or finished).
    pub since: String,
    pub generation: i64,
}

/// A waiting workflow's snapshot, with the generation it belongs to.
pub struct Loaded {
    pub row: WorkflowRow,
    pub data: Vec<u8>,
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
    /// version is refused with an error saying which.
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
        let store = Store {
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

    fn check_or_init(&self) -> Result<(), String> {
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
        let meta = |key: &str| -> Result<Option<String>, String> {
            self.conn
                .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
                .optional()
                .map_err(|e| self.not_a_store(explain(&e)))
        };
        if meta("format")?.as_deref() != Some(STORE_FORMAT) {
            return Err(self.not_a_store(
                "it is an SQLite database of something else (no rceval format marker)",
            ));
        }
        let version: i64 = meta("version")?
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| self.not_a_store("its version marker is missing"))?;
        if version != STORE_VERSION {
            return Err(self.not_a_store(format!(
                "it has schema version {version}, this rceval reads version {STORE_VERSION}"
            )));
        }
        let check: String = self
            .conn
            .query_row("PRAGMA quick_check", [], |r| r.get(0))
            .map_err(|e| self.not_a_store(explain(&e)))?;
        if check != "ok" {
            return Err(self.not_a_store(format!("it is damaged ({check})")));
        }
        Ok(())
    }

    fn init(&self) -> Result<(), String> {
        self.conn
            .execute_batch(&format!(
                "BEGIN IMMEDIATE;
                 CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                 INSERT INTO meta VALUES ('format', '{STORE_FORMAT}'), ('version', '{STORE_VERSION}');
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
                 COMMIT;"
            ))
            .map_err(|e| self.not_a_store(e))
    }

    /// Saves a snapshot in one transaction: a new workflow when `resumed` is `None`, else the
    /// next snapshot of workflow `id` resumed from generation `generation`. Returns the
    /// workflow's id.
    pub fn save(
        &mut self,
        resumed: Option<(i64, i64)>,
        wait: &WaitRecord<'_>,
        data: &[u8],
    ) -> Result<i64, String> {
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| format!("can't write workflow store '{path}': {e}");
        let tx = self.conn.transaction().map_err(fail)?;
        let now = "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')";
        let id = match resumed {
            None => {
                tx.execute(
                    &format!(
                        "INSERT INTO workflows (program, state, wait_name, file, line, function, since, generation)
                         VALUES (?1, 'waiting', ?2, ?3, ?4, ?5, {now}, 1)"
                    ),
                    params![wait.program, wait.name, wait.file, wait.line, wait.function],
                )
                .map_err(fail)?;
                tx.last_insert_rowid()
            }
            Some((id, generation)) => {
                let changed = tx
                    .execute(
                        &format!(
                            "UPDATE workflows SET state = 'waiting', wait_name = ?1, file = ?2, line = ?3,
                             function = ?4, since = {now}, generation = generation + 1
                             WHERE id = ?5 AND generation = ?6 AND state = 'waiting'"
                        ),
                        params![wait.name, wait.file, wait.line, wait.function, id, generation],
                    )
                    .map_err(fail)?;
                if changed == 0 {
                    return Err(format!(
                        "workflow {id} was resumed and saved by another process meanwhile"
                    ));
                }
                id
            }
        };
        tx.execute(
            "INSERT OR REPLACE INTO snapshots (workflow, data) VALUES (?1, ?2)",
            params![id, data],
        )
        .map_err(fail)?;
        pause_for_tests();
        tx.commit().map_err(fail)?;
        Ok(id)
    }

    /// The snapshot of a waiting workflow.
    pub fn load(&self, id: i64) -> Result<Loaded, String> {
        let row = self
            .row(id)?
            .ok_or_else(|| format!("rceval: no workflow {id} in '{}'", self.path))?;
        if row.state != "waiting" {
            return Err(format!(
                "rceval: workflow {id} is {}, not waiting: there is nothing to resume",
                row.state
            ));
        }
        let data: Vec<u8> = self
            .conn
            .query_row(
                "SELECT data FROM snapshots WHERE workflow = ?1",
                [id],
                |r| r.get(0),
            )
            .map_err(|e| self.not_a_store(format!("workflow {id} has no snapshot ({e})")))?;
        Ok(Loaded { row, data })
    }

    /// Marks a resumed workflow ended (`finished` or `failed`), dropping its snapshot, unless
    /// another process has moved it on meanwhile.
    pub fn finish(&mut self, id: i64, generation: i64, state: &str) -> Result<(), String> {
        let path = self.path.clone();
        let fail = |e: rusqlite::Error| format!("can't write workflow store '{path}': {e}");
        let tx = self.conn.transaction().map_err(fail)?;
        let changed = tx
            .execute(
                "UPDATE workflows SET state = ?1, since = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'),
                 generation = generation + 1 WHERE id = ?2 AND generation = ?3 AND state = 'waiting'",
                params![state, id, generation],
            )
            .map_err(fail)?;
        if changed == 0 {
            return Err(format!(
                "workflow {id} was resumed by another process meanwhile; its state is theirs"
            ));
        }
        tx.execute("DELETE FROM snapshots WHERE workflow = ?1", [id])
            .map_err(fail)?;
        tx.commit().map_err(fail)
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
    "SELECT id, program, state, wait_name, file, line, function, since, generation FROM workflows";

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
    })
}

/// The kill-while-writing test's hook (see [`PAUSE_IN_WRITE_ENV`]).
fn pause_for_tests() {
    let Some(seconds) = std::env::var(PAUSE_IN_WRITE_ENV)
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
    else {
        return;
    };
    eprintln!("{PAUSE_MARKER}");
    std::thread::sleep(std::time::Duration::from_secs(seconds));
}

/// `rceval workflows`: one line per workflow.
pub fn render_list(rows: &[WorkflowRow]) -> String {
    if rows.is_empty() {
        return "no workflows\n".into();
    }
    let mut out = String::from("ID  STATE     SINCE                 WAITS AT\n");
    for r in rows {
        let at = if r.state == "waiting" {
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
        out += &format!("{:<3} {:<9} {:<21} {at}\n", r.id, r.state, r.since);
    }
    out
}
