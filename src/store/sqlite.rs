//! The embedded store: one SQLite file (`rusqlite`, SQLite compiled in). Writers take the
//! database's write lock when their transaction begins (`BEGIN IMMEDIATE`), so claims are
//! exclusive between processes; a writer killed mid-transaction leaves a journal that the next
//! opener rolls back.

use std::path::Path;

use rusqlite::types::{ToSqlOutput, Value, ValueRef};
use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::backend::{Backend, Cell, Dialect, P, Row};
use super::{STORE_FORMAT, STORE_VERSION};

static SQLITE: Dialect = Dialect {
    begin: "BEGIN IMMEDIATE",
    now_text: "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
    now_ms: "CAST((julianday('now') - 2440587.5) * 86400000.0 AS INTEGER)",
    for_update: "",
    skip_locked: "",
};

pub struct Sqlite {
    conn: Connection,
}

/// Opens the store at `path`; with `create`, a missing or empty file becomes a new store. A
/// file that is not SQLite, an SQLite database of something else, a damaged store or one of
/// another version is refused saying which; one of an older version is upgraded.
pub fn open(path: &str, create: bool) -> Result<Sqlite, String> {
    let not_a_store = |why: &dyn std::fmt::Display| super::not_a_store(path, why);
    if !Path::new(path).exists() && !create {
        return Err(format!("rceval: no workflow store at '{path}'"));
    }
    let flags = if create {
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE
    } else {
        OpenFlags::SQLITE_OPEN_READ_WRITE
    };
    let conn = Connection::open_with_flags(path, flags)
        .map_err(|e| format!("rceval: can't open workflow store '{path}': {e}"))?;
    // Wait for another process's transaction rather than failing at once.
    conn.busy_timeout(std::time::Duration::from_secs(30))
        .map_err(|e| not_a_store(&e))?;
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .and_then(|mut s| {
            s.query_map([], |r| r.get::<_, String>(0))?
                .collect::<Result<Vec<_>, _>>()
        })
        .map_err(|e| not_a_store(&explain(&e)))?;
    if tables.is_empty() {
        conn.execute_batch(&format!(
            "BEGIN IMMEDIATE; {CREATE_VERSION_1} {UPGRADE_1_TO_2} {UPGRADE_2_TO_3} COMMIT;"
        ))
        .map_err(|e| not_a_store(&e))?;
        return Ok(Sqlite { conn });
    }
    if !tables.iter().any(|t| t == "meta") {
        return Err(not_a_store(&format!(
            "it is an SQLite database of something else (tables: {})",
            tables.join(", ")
        )));
    }
    let meta = |key: &str| -> Result<Option<String>, String> {
        conn.query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()
            .map_err(|e| not_a_store(&explain(&e)))
    };
    if meta("format")?.as_deref() != Some(STORE_FORMAT) {
        return Err(not_a_store(
            &"it is an SQLite database of something else (no rceval format marker)",
        ));
    }
    let version: i64 = meta("version")?
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| not_a_store(&"its version marker is missing"))?;
    let check: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| not_a_store(&explain(&e)))?;
    if check != "ok" {
        return Err(not_a_store(&format!("it is damaged ({check})")));
    }
    if version != STORE_VERSION {
        if !(1..STORE_VERSION).contains(&version) {
            return Err(super::other_version(path, version));
        }
        upgrade(&conn, path)?;
    }
    Ok(Sqlite { conn })
}

/// Brings a store of an older version to this one, in one transaction.
fn upgrade(conn: &Connection, path: &str) -> Result<(), String> {
    let fail = |e: rusqlite::Error| {
        format!("rceval: can't upgrade workflow store '{path}' to version {STORE_VERSION}: {e}")
    };
    conn.execute_batch("BEGIN IMMEDIATE").map_err(fail)?;
    let run = || -> rusqlite::Result<()> {
        // Another process may have upgraded it while this one waited for the lock.
        let version: String =
            conn.query_row("SELECT value FROM meta WHERE key = 'version'", [], |r| {
                r.get(0)
            })?;
        if version == "1" {
            conn.execute_batch(UPGRADE_1_TO_2)?;
        }
        if version == "1" || version == "2" {
            conn.execute_batch(UPGRADE_2_TO_3)?;
        }
        Ok(())
    };
    match run() {
        Ok(()) => conn.execute_batch("COMMIT").map_err(fail),
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(fail(e))
        }
    }
}

/// Version 1: workflows and their snapshots. A new store is created as version 1 and upgraded
/// in the same transaction, so a new store and an upgraded one are the same.
const CREATE_VERSION_1: &str = "
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO meta VALUES ('format', 'rceval-workflows'), ('version', '1');
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
";

/// Version 2: claims, and one row per resume.
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

/// Version 3: events, caller-chosen keys, claims with a lease, and the output workers printed.
const UPGRADE_2_TO_3: &str = "
    ALTER TABLE workflows ADD COLUMN workflow_key TEXT;
    ALTER TABLE workflows ADD COLUMN lease_until INTEGER;
    ALTER TABLE workflows ADD COLUMN output TEXT NOT NULL DEFAULT '';
    CREATE UNIQUE INDEX workflows_by_key ON workflows(workflow_key);
    ALTER TABLE attempts ADD COLUMN event INTEGER;
    CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        workflow INTEGER NOT NULL REFERENCES workflows(id),
        wait_name TEXT,
        value TEXT NOT NULL,
        sent TEXT NOT NULL,
        state TEXT NOT NULL,
        attempt INTEGER
    );
    CREATE INDEX events_by_state ON events(state, workflow);
    UPDATE meta SET value = '3' WHERE key = 'version';
";

/// `$1` -> `?1`: rusqlite numbers `$N` parameters by first appearance, not by `N`.
fn positional(sql: &str) -> String {
    sql.replace('$', "?")
}

fn bind<'a>(params: &'a [P<'a>]) -> Vec<ToSqlOutput<'a>> {
    params
        .iter()
        .map(|p| match p {
            P::Int(v) => ToSqlOutput::Owned(Value::Integer(*v)),
            P::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            P::Bytes(b) => ToSqlOutput::Borrowed(ValueRef::Blob(b)),
            P::OptText(Some(s)) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
            P::OptText(None) | P::OptInt(None) => ToSqlOutput::Owned(Value::Null),
            P::OptInt(Some(v)) => ToSqlOutput::Owned(Value::Integer(*v)),
        })
        .collect()
}

impl Backend for Sqlite {
    fn execute(&mut self, sql: &str, params: &[P<'_>]) -> Result<u64, String> {
        let values = bind(params);
        self.conn
            .execute(&positional(sql), rusqlite::params_from_iter(values.iter()))
            .map(|n| n as u64)
            .map_err(|e| explain(&e))
    }

    fn query(&mut self, sql: &str, params: &[P<'_>]) -> Result<Vec<Row>, String> {
        let values = bind(params);
        let mut stmt = self
            .conn
            .prepare_cached(&positional(sql))
            .map_err(|e| explain(&e))?;
        let columns = stmt.column_count();
        stmt.query_map(rusqlite::params_from_iter(values.iter()), |r| {
            (0..columns)
                .map(|i| {
                    Ok(match r.get_ref(i)? {
                        ValueRef::Null => Cell::Null,
                        ValueRef::Integer(v) => Cell::Int(v),
                        ValueRef::Real(v) => Cell::Int(v as i64),
                        ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
                        ValueRef::Blob(b) => Cell::Bytes(b.to_vec()),
                    })
                })
                .collect()
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| explain(&e))
    }

    fn batch(&mut self, sql: &str) -> Result<(), String> {
        self.conn.execute_batch(sql).map_err(|e| explain(&e))
    }

    fn dialect(&self) -> &'static Dialect {
        &SQLITE
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
