//! Opening the file: connection settings, the exclusive claim, health and identity checks,
//! and the copy taken before any upgrade.

use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, ErrorCode};
use serde::Serialize;
use specta::Type;

use super::migrations::{migrations, LATEST_VERSION};

/// `PRAGMA application_id` of every Encore file ("ENCR"), so a restore or an open can tell
/// an Encore database from any other SQLite file.
pub const APPLICATION_ID: i32 = 0x454E_4352;

#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    #[error("Encore is already open on {path}")]
    AlreadyOpen { path: PathBuf },
    #[error(
        "the file was written by a newer Encore (schema {found}; this build knows {supported})"
    )]
    NewerSchema { found: usize, supported: usize },
    #[error("the file is not an Encore database")]
    NotEncore,
    #[error("the database file is damaged: {detail}")]
    Damaged { detail: String },
    #[error("could not copy the database before upgrading it: {0}")]
    Backup(std::io::Error),
    #[error("could not reach the data folder: {0}")]
    Io(std::io::Error),
    #[error("database error: {0}")]
    Sqlite(rusqlite::Error),
    #[error("upgrading the database failed: {0}")]
    Migration(#[from] rusqlite_migration::Error),
}

/// The stable code the UI translates (`err_open_<code>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum OpenFailureCode {
    AlreadyOpen,
    NewerSchema,
    NotEncore,
    Damaged,
    Unreadable,
}

impl OpenError {
    pub fn code(&self) -> OpenFailureCode {
        match self {
            OpenError::AlreadyOpen { .. } => OpenFailureCode::AlreadyOpen,
            OpenError::NewerSchema { .. } => OpenFailureCode::NewerSchema,
            OpenError::NotEncore => OpenFailureCode::NotEncore,
            OpenError::Damaged { .. } => OpenFailureCode::Damaged,
            OpenError::Backup(_)
            | OpenError::Io(_)
            | OpenError::Sqlite(_)
            | OpenError::Migration(_) => OpenFailureCode::Unreadable,
        }
    }
}

/// Sorts SQLite's answer into what the user can act on.
fn classify(path: &Path) -> impl Fn(rusqlite::Error) -> OpenError + '_ {
    move |err| match err.sqlite_error_code() {
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => OpenError::AlreadyOpen {
            path: path.to_path_buf(),
        },
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => OpenError::Damaged {
            detail: err.to_string(),
        },
        _ => OpenError::Sqlite(err),
    }
}

pub(super) fn open_file(path: &Path, now: DateTime<Utc>) -> Result<Connection, OpenError> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(OpenError::Io)?;
    }
    let classify = classify(path);
    let mut conn = Connection::open(path).map_err(&classify)?;
    // rusqlite waits 5 s on a busy file by default; a second instance must hear at once.
    conn.busy_timeout(Duration::ZERO).map_err(&classify)?;
    conn.execute_batch(
        "PRAGMA locking_mode = EXCLUSIVE;
         PRAGMA journal_mode = WAL;
         PRAGMA synchronous = FULL;
         PRAGMA foreign_keys = ON;
         PRAGMA secure_delete = ON;
         -- Up to 32 MiB of pages kept in memory (SQLite's default is 2 MiB): a school with
         -- years of roll calls reads the same indexes for every list (benches/school).
         PRAGMA cache_size = -32768;
         BEGIN IMMEDIATE; COMMIT;",
    )
    .map_err(&classify)?;
    // `open` succeeds on any file; only a real read shows damage.
    quick_check(&conn).map_err(&classify)?;

    let app_id: i32 = pragma(&conn, "application_id").map_err(&classify)?;
    let version: usize = pragma::<i64>(&conn, "user_version").map_err(&classify)? as usize;
    let has_tables: bool = conn
        .query_row("SELECT count(*) > 0 FROM sqlite_master", [], |r| r.get(0))
        .map_err(&classify)?;
    let fresh = app_id == 0 && version == 0 && !has_tables;
    if !fresh && app_id != APPLICATION_ID {
        return Err(OpenError::NotEncore);
    }
    if version > LATEST_VERSION {
        return Err(OpenError::NewerSchema {
            found: version,
            supported: LATEST_VERSION,
        });
    }
    if !fresh && version < LATEST_VERSION {
        copy_before_upgrade(&conn, path, version, now)?;
    }
    migrate(&mut conn)?;
    Ok(conn)
}

pub(super) fn open_memory() -> Result<Connection, OpenError> {
    let mut conn = Connection::open_in_memory().map_err(OpenError::Sqlite)?;
    conn.execute_batch("PRAGMA foreign_keys = ON;")
        .map_err(OpenError::Sqlite)?;
    migrate(&mut conn)?;
    Ok(conn)
}

/// The first schema version that keeps balances beside the ledger (004).
const KEPT_BALANCES: i64 = 4;

fn migrate(conn: &mut Connection) -> Result<(), OpenError> {
    let before: i64 = pragma(conn, "user_version").map_err(OpenError::Sqlite)?;
    migrations().to_latest(conn)?;
    // Kept balances are derived data: a file that had a ledger before they existed gets them
    // built from its entries once.
    if before > 0 && before < KEPT_BALANCES {
        let tx = conn.transaction().map_err(OpenError::Sqlite)?;
        crate::ledger::refresh_all(&tx).map_err(|e| match e {
            crate::Error::Sqlite(e) => OpenError::Sqlite(e),
            other => OpenError::Damaged {
                detail: other.to_string(),
            },
        })?;
        tx.commit().map_err(OpenError::Sqlite)?;
    }
    // Script and message templates shipped with this build that the file lacks (first start,
    // or a newer Encore adding some) are copied in; the school's edits are left alone.
    crate::script::seed_templates(conn).map_err(OpenError::Sqlite)?;
    crate::message::seed_templates(conn).map_err(OpenError::Sqlite)?;
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .map_err(OpenError::Sqlite)?;
    Ok(())
}

fn quick_check(conn: &Connection) -> rusqlite::Result<()> {
    let verdict: String = conn.query_row("PRAGMA quick_check", [], |r| r.get(0))?;
    if verdict == "ok" {
        Ok(())
    } else {
        Err(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CORRUPT),
            Some(verdict),
        ))
    }
}

fn pragma<T: rusqlite::types::FromSql>(conn: &Connection, name: &str) -> rusqlite::Result<T> {
    conn.query_row(&format!("PRAGMA {name}"), [], |r| r.get(0))
}

/// Writes `<file>.v<version>-<time>.bak` beside the database, flushed to disk, so a failed
/// or regretted upgrade can be undone by hand.
fn copy_before_upgrade(
    conn: &Connection,
    path: &Path,
    version: usize,
    now: DateTime<Utc>,
) -> Result<PathBuf, OpenError> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".v{version}-{}.bak", now.format("%Y%m%d-%H%M%S")));
    let target = path.with_file_name(name);
    conn.execute("VACUUM INTO ?1", [target.to_string_lossy()])
        .map_err(OpenError::Sqlite)?;
    // VACUUM INTO does not fsync.
    std::fs::File::open(&target)
        .and_then(|f| f.sync_all())
        .map_err(OpenError::Backup)?;
    Ok(target)
}
