//! The stores a durable test runs against: an SQLite file in its scratch folder, and a
//! PostgreSQL schema of its own when `RCEVAL_TEST_POSTGRES_URL` names a server
//! (`scripts/pg_local.sh` starts one; `.ci/run` sets it). Without the URL the PostgreSQL run
//! is skipped with a note, except under CI (`CI=true`), where that is a failure.

#![allow(dead_code)]

use std::path::Path;

pub const POSTGRES_URL_ENV: &str = "RCEVAL_TEST_POSTGRES_URL";

/// `(label, store location)` for each store to test: `wf.db` (relative to the test's folder)
/// and, with a server, a fresh schema named after the test.
pub fn stores(test: &str) -> Vec<(&'static str, String)> {
    let mut stores = vec![("sqlite", "wf.db".to_string())];
    match std::env::var(POSTGRES_URL_ENV) {
        Ok(url) if !url.is_empty() => stores.push(("postgres", fresh_schema(&url, test))),
        _ if std::env::var("CI").as_deref() == Ok("true") => {
            panic!(
                "{POSTGRES_URL_ENV} is not set under CI: .ci/run starts PostgreSQL for these tests"
            )
        }
        _ => eprintln!(
            "note: {test}: PostgreSQL store skipped ({POSTGRES_URL_ENV} not set; \
             scripts/pg_local.sh starts a server)"
        ),
    }
    stores
}

/// A URL whose connections use a new, empty schema of their own.
pub fn fresh_schema(url: &str, test: &str) -> String {
    let schema = format!("t{}_{}", std::process::id(), test.replace('-', "_"));
    let mut client = postgres::Client::connect(url, postgres::NoTls)
        .unwrap_or_else(|e| panic!("{POSTGRES_URL_ENV}={url}: can't connect: {e}"));
    client
        .batch_execute(&format!(
            "DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema};"
        ))
        .expect("schema");
    let sep = if url.contains('?') { '&' } else { '?' };
    format!("{url}{sep}options=-csearch_path%3D{schema}")
}

/// A folder per store for one test.
pub fn store_dir(dir: &Path, label: &str) -> std::path::PathBuf {
    let sub = dir.join(label);
    std::fs::create_dir_all(&sub).expect("store folder");
    sub
}

/// Rows of a query on a store (as text: cast the columns), for checks the CLI does not show.
pub fn query_text(dir: &Path, store: &str, sql: &str) -> Vec<Vec<Option<String>>> {
    if store.starts_with("postgres") {
        let mut client = postgres::Client::connect(store, postgres::NoTls).expect("connect");
        client
            .query(sql, &[])
            .expect("query")
            .iter()
            .map(|r| {
                (0..r.len())
                    .map(|i| r.get::<_, Option<String>>(i))
                    .collect()
            })
            .collect()
    } else {
        let conn = rusqlite::Connection::open(dir.join(store)).expect("open");
        let mut stmt = conn.prepare(sql).expect("prepare");
        let n = stmt.column_count();
        stmt.query_map([], |r| {
            (0..n).map(|i| r.get::<_, Option<String>>(i)).collect()
        })
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
    }
}
