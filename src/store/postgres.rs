//! The shared store: a PostgreSQL database (`--store postgres://USER@HOST/DB`), for workers on
//! several machines. The same tables as the SQLite store, created on first use; a workflow's
//! row is locked (`FOR UPDATE`) by the transaction that changes it, and the workers' search
//! for a claimable workflow passes over rows another worker has locked (`SKIP LOCKED`).

use std::time::Duration;

use postgres::types::{ToSql, Type};
use postgres::{Client, Config, NoTls};

use super::backend::{Backend, Cell, Dialect, P, Row};
use super::{STORE_FORMAT, STORE_VERSION};

static POSTGRES: Dialect = Dialect {
    begin: "BEGIN",
    now_text: "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')",
    now_ms: "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)",
    for_update: " FOR UPDATE",
    skip_locked: " FOR UPDATE OF w SKIP LOCKED",
};

/// Whether `location` names a PostgreSQL store rather than an SQLite file.
pub fn is_url(location: &str) -> bool {
    location.starts_with("postgres://") || location.starts_with("postgresql://")
}

/// The URL without its password, for messages.
pub fn display_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    match rest.split_once('@') {
        Some((user, host)) if user.contains(':') => {
            let name = user.split(':').next().unwrap_or_default();
            format!("{scheme}://{name}:***@{host}")
        }
        _ => url.to_string(),
    }
}

pub struct Postgres {
    client: Client,
}

/// Names every table of a store; a database holding any of them without the `meta` marker
/// is someone else's.
const TABLES: [&str; 5] = ["meta", "workflows", "snapshots", "attempts", "events"];

/// Connects; with `create`, a database without the store's tables gets them. A database
/// whose tables are another program's, or a store of another version, is refused.
pub fn open(url: &str, create: bool) -> Result<Postgres, String> {
    let shown = display_url(url);
    let mut config: Config = url.parse().map_err(|e| {
        format!(
            "rceval: '{shown}' is not a PostgreSQL URL: {}",
            one_line(&e)
        )
    })?;
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(Duration::from_secs(10));
    }
    let client = config.connect(NoTls).map_err(|e| {
        format!(
            "rceval: can't connect to workflow store '{shown}': {}",
            explain(e)
        )
    })?;
    let mut pg = Postgres { client };
    let not_a_store = |why: &dyn std::fmt::Display| super::not_a_store(&shown, why);
    // Serialises the first use by several processes at once.
    pg.batch("BEGIN; SELECT pg_advisory_xact_lock(7207744575226425651);")
        .map_err(|e| not_a_store(&e))?;
    let checked = check_or_create(&mut pg, &shown, create);
    match checked {
        Ok(()) => pg.batch("COMMIT").map_err(|e| not_a_store(&e))?,
        Err(e) => {
            let _ = pg.batch("ROLLBACK");
            return Err(e);
        }
    }
    Ok(pg)
}

fn check_or_create(pg: &mut Postgres, shown: &str, create: bool) -> Result<(), String> {
    let not_a_store = |why: &dyn std::fmt::Display| super::not_a_store(shown, why);
    let present: Vec<String> = pg
        .query(
            "SELECT table_name::text FROM information_schema.tables
             WHERE table_schema = current_schema() ORDER BY 1",
            &[],
        )
        .map_err(|e| not_a_store(&e))?
        .into_iter()
        .map(|r| r[0].text())
        .filter(|t| TABLES.contains(&t.as_str()))
        .collect();
    if present.is_empty() {
        if !create {
            return Err(format!("rceval: no workflow store in '{shown}'"));
        }
        return pg.batch(CREATE).map_err(|e| not_a_store(&e));
    }
    if !present.iter().any(|t| t == "meta") {
        return Err(not_a_store(&format!(
            "the database has tables of something else ({})",
            present.join(", ")
        )));
    }
    let meta = |pg: &mut Postgres, key: &str| -> Result<Option<String>, String> {
        pg.query("SELECT value FROM meta WHERE key = $1", &[P::Text(key)])
            .map(|rows| rows.first().map(|r| r[0].text()))
            .map_err(|e| not_a_store(&e))
    };
    if meta(pg, "format")?.as_deref() != Some(STORE_FORMAT) {
        return Err(not_a_store(
            &"the database has tables of something else (no rceval format marker)",
        ));
    }
    let version: i64 = meta(pg, "version")?
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| not_a_store(&"its version marker is missing"))?;
    if version != STORE_VERSION {
        return Err(super::other_version(shown, version));
    }
    Ok(())
}

/// The schema, as the SQLite store's of the same version.
const CREATE: &str = "
    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO meta VALUES ('format', 'rceval-workflows'), ('version', '3');
    CREATE TABLE workflows (
        id BIGSERIAL PRIMARY KEY,
        program TEXT NOT NULL,
        state TEXT NOT NULL,
        wait_name TEXT NOT NULL,
        file TEXT NOT NULL,
        line BIGINT NOT NULL,
        function TEXT NOT NULL,
        since TEXT NOT NULL,
        generation BIGINT NOT NULL,
        claim BIGINT,
        workflow_key TEXT UNIQUE,
        lease_until BIGINT,
        output TEXT NOT NULL DEFAULT ''
    );
    CREATE TABLE snapshots (
        workflow BIGINT PRIMARY KEY REFERENCES workflows(id),
        data BYTEA NOT NULL
    );
    CREATE TABLE attempts (
        id BIGSERIAL PRIMARY KEY,
        workflow BIGINT NOT NULL REFERENCES workflows(id),
        generation BIGINT NOT NULL,
        sent TEXT NOT NULL,
        pid BIGINT NOT NULL,
        started TEXT NOT NULL,
        ended TEXT,
        outcome TEXT NOT NULL,
        detail TEXT NOT NULL,
        event BIGINT
    );
    CREATE TABLE events (
        id BIGSERIAL PRIMARY KEY,
        workflow BIGINT NOT NULL REFERENCES workflows(id),
        wait_name TEXT,
        value TEXT NOT NULL,
        sent TEXT NOT NULL,
        state TEXT NOT NULL,
        attempt BIGINT
    );
    CREATE INDEX events_by_state ON events(state, workflow);
";

/// A PostgreSQL error on one line: its message, without the protocol's framing.
fn one_line(e: &dyn std::fmt::Display) -> String {
    e.to_string()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// What went wrong: the server's message, or the client's error and its causes.
fn explain(e: postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return one_line(&db.message());
    }
    let mut text = one_line(&e);
    let mut cause = std::error::Error::source(&e);
    while let Some(c) = cause {
        let more = one_line(&c);
        if !text.contains(&more) {
            text += &format!(": {more}");
        }
        cause = c.source();
    }
    text
}

fn bind(params: &[P<'_>]) -> Vec<Box<dyn ToSql + Sync>> {
    params
        .iter()
        .map(|p| -> Box<dyn ToSql + Sync> {
            match p {
                P::Int(v) => Box::new(*v),
                P::Text(s) => Box::new(s.to_string()),
                P::Bytes(b) => Box::new(b.to_vec()),
                P::OptText(s) => Box::new(s.map(str::to_string)),
                P::OptInt(v) => Box::new(*v),
            }
        })
        .collect()
}

impl Backend for Postgres {
    fn execute(&mut self, sql: &str, params: &[P<'_>]) -> Result<u64, String> {
        let values = bind(params);
        let refs: Vec<&(dyn ToSql + Sync)> = values.iter().map(|b| b.as_ref()).collect();
        self.client.execute(sql, &refs).map_err(explain)
    }

    fn query(&mut self, sql: &str, params: &[P<'_>]) -> Result<Vec<Row>, String> {
        let values = bind(params);
        let refs: Vec<&(dyn ToSql + Sync)> = values.iter().map(|b| b.as_ref()).collect();
        let rows = self.client.query(sql, &refs).map_err(explain)?;
        rows.iter()
            .map(|r| {
                (0..r.len())
                    .map(|i| {
                        let ty = r.columns()[i].type_();
                        let cell = if *ty == Type::INT8 {
                            r.try_get::<_, Option<i64>>(i).map(|v| v.map(Cell::Int))
                        } else if *ty == Type::INT4 {
                            r.try_get::<_, Option<i32>>(i)
                                .map(|v| v.map(|v| Cell::Int(v.into())))
                        } else if *ty == Type::BYTEA {
                            r.try_get::<_, Option<Vec<u8>>>(i)
                                .map(|v| v.map(Cell::Bytes))
                        } else {
                            r.try_get::<_, Option<String>>(i).map(|v| v.map(Cell::Text))
                        };
                        cell.map(|c| c.unwrap_or(Cell::Null)).map_err(explain)
                    })
                    .collect()
            })
            .collect()
    }

    fn batch(&mut self, sql: &str) -> Result<(), String> {
        self.client.batch_execute(sql).map_err(explain)
    }

    fn dialect(&self) -> &'static Dialect {
        &POSTGRES
    }
}
