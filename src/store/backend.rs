//! What the store logic needs from a database: statements with positional parameters
//! (`$1`, `$2`, ... in every dialect), rows of plain cells, and the few phrases in which SQLite
//! and PostgreSQL differ. Each backend is one connection.

/// A statement parameter.
pub enum P<'a> {
    Int(i64),
    Text(&'a str),
    Bytes(&'a [u8]),
    OptText(Option<&'a str>),
    OptInt(Option<i64>),
}

/// A column of a result row.
#[derive(Debug)]
pub enum Cell {
    Null,
    Int(i64),
    Text(String),
    Bytes(Vec<u8>),
}

pub type Row = Vec<Cell>;

impl Cell {
    pub fn int(&self) -> i64 {
        match self {
            Cell::Int(v) => *v,
            Cell::Text(t) => t.parse().unwrap_or_default(),
            _ => 0,
        }
    }

    pub fn opt_int(&self) -> Option<i64> {
        match self {
            Cell::Null => None,
            cell => Some(cell.int()),
        }
    }

    pub fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Int(v) => v.to_string(),
            Cell::Bytes(b) => String::from_utf8_lossy(b).into_owned(),
            Cell::Null => String::new(),
        }
    }

    pub fn opt_text(&self) -> Option<String> {
        match self {
            Cell::Null => None,
            cell => Some(cell.text()),
        }
    }

    pub fn into_bytes(self) -> Vec<u8> {
        match self {
            Cell::Bytes(b) => b,
            Cell::Text(t) => t.into_bytes(),
            _ => Vec::new(),
        }
    }
}

/// The phrases that differ between the dialects.
pub struct Dialect {
    /// Starts a transaction that writes: SQLite takes the write lock at once (so two claims
    /// never interleave), PostgreSQL locks rows as the statements reach them.
    pub begin: &'static str,
    /// The current UTC time as ISO 8601 text, to the second.
    pub now_text: &'static str,
    /// The current time in milliseconds since 1970, by the database's clock (one clock for
    /// every worker, whatever machine it is on).
    pub now_ms: &'static str,
    /// Appended to a `SELECT` of the row a transaction goes on to change.
    pub for_update: &'static str,
    /// Appended to the workers' `SELECT` of a claimable workflow: rows another worker is
    /// claiming are passed over rather than waited for.
    pub skip_locked: &'static str,
}

pub trait Backend {
    /// Runs a statement; the number of rows it changed.
    fn execute(&mut self, sql: &str, params: &[P<'_>]) -> Result<u64, String>;
    fn query(&mut self, sql: &str, params: &[P<'_>]) -> Result<Vec<Row>, String>;
    /// Runs statements without parameters (schema, transaction control).
    fn batch(&mut self, sql: &str) -> Result<(), String>;
    fn dialect(&self) -> &'static Dialect;
}
