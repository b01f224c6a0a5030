//! Restoring a backup: the chosen file is checked first (Encore's application_id,
//! `quick_check`, a schema this build knows), copied beside the live file and checked again,
//! and only then swapped in. The replaced file (with its WAL) is renamed aside, never deleted,
//! and if the restored file does not open the swap is undone: the live file is never replaced
//! by something unreadable.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::names::replaced_name;
use super::space::{self, NoSpace};
use crate::db::{OpenError, APPLICATION_ID, LATEST_VERSION};
use crate::Db;

#[derive(Debug, thiserror::Error)]
pub enum RestoreError {
    #[error("{} is not an Encore database", path.display())]
    NotEncore { path: PathBuf },
    #[error("{} is damaged: {detail}", path.display())]
    Damaged { path: PathBuf, detail: String },
    #[error("{} was written by a newer Encore (schema {found}; this build knows {supported})", path.display())]
    NewerSchema {
        path: PathBuf,
        found: usize,
        supported: usize,
    },
    #[error("could not read {}: {source}", path.display())]
    Unreadable {
        path: PathBuf,
        source: rusqlite::Error,
    },
    /// The file chosen is the school's own database.
    #[error("that is the database being restored")]
    SameFile,
    #[error(transparent)]
    NoSpace(#[from] NoSpace),
    #[error("could not put the restored file in place: {0}")]
    Io(#[from] io::Error),
    #[error("the restored file did not open; the previous file is back in place: {0}")]
    Reopen(OpenError),
}

/// What a checked backup holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Checked {
    pub schema_version: usize,
}

/// Checks that `path` is an Encore database this build can open, without changing it.
pub fn validate(path: &Path) -> Result<Checked, RestoreError> {
    let unreadable = |source: rusqlite::Error| match source.sqlite_error_code() {
        Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => RestoreError::Damaged {
            path: path.to_path_buf(),
            detail: source.to_string(),
        },
        _ => RestoreError::Unreadable {
            path: path.to_path_buf(),
            source,
        },
    };
    if !path.is_file() {
        return Err(RestoreError::Io(io::Error::new(
            io::ErrorKind::NotFound,
            format!("{} is not a file", path.display()),
        )));
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(unreadable)?;
    let verdict: String = conn
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(unreadable)?;
    if verdict != "ok" {
        return Err(RestoreError::Damaged {
            path: path.to_path_buf(),
            detail: verdict,
        });
    }
    let app_id: i32 = conn
        .query_row("PRAGMA application_id", [], |r| r.get(0))
        .map_err(unreadable)?;
    if app_id != APPLICATION_ID {
        return Err(RestoreError::NotEncore {
            path: path.to_path_buf(),
        });
    }
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(unreadable)?;
    let version = version.max(0) as usize;
    if version > LATEST_VERSION {
        return Err(RestoreError::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            supported: LATEST_VERSION,
        });
    }
    Ok(Checked {
        schema_version: version,
    })
}

/// The outcome of a restore.
pub struct Restored {
    /// The database, open on the restored file.
    pub db: Db,
    /// Where the file that was replaced now is; None when there was none.
    pub kept_as: Option<PathBuf>,
}

/// Replaces the database at `live` with a checked copy of `backup`. The caller must have closed
/// `live` (Encore holds it exclusively). `now` names the replaced file and any upgrade copy.
pub fn replace(
    live: &Path,
    backup: &Path,
    now: DateTime<FixedOffset>,
) -> Result<Restored, RestoreError> {
    if same_file(live, backup) {
        return Err(RestoreError::SameFile);
    }
    validate(backup)?;
    let dir = live
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    space::ensure_free(dir, space::database_bytes(backup))?;
    let live_name = live.file_name().unwrap_or_default().to_string_lossy();
    let incoming = dir.join(format!(".{live_name}.restoring"));
    let _ = fs::remove_file(&incoming);
    if let Err(err) = copy_checked(backup, &incoming) {
        let _ = fs::remove_file(&incoming);
        return Err(err);
    }

    // From here on, the live file only moves aside, and comes back if anything fails.
    let aside = dir.join(replaced_name(&live_name, now.naive_local()));
    let moved = move_aside(live, &aside)?;
    fs::rename(&incoming, live)?;
    sync_dir(dir);
    match Db::open(live, now.to_utc()) {
        Ok(db) => Ok(Restored {
            db,
            kept_as: moved.then_some(aside),
        }),
        Err(err) => {
            let _ = fs::remove_file(live);
            if moved {
                let _ = move_aside(&aside, live);
            }
            sync_dir(dir);
            Err(RestoreError::Reopen(err))
        }
    }
}

/// A consistent copy of `from` at `to` (including anything still in its WAL), flushed and
/// checked like a backup.
fn copy_checked(from: &Path, to: &Path) -> Result<(), RestoreError> {
    let unreadable = |source| RestoreError::Unreadable {
        path: from.to_path_buf(),
        source,
    };
    let source =
        Connection::open_with_flags(from, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(unreadable)?;
    source
        .execute("VACUUM INTO ?1", [to.to_string_lossy()])
        .map_err(|e| match e.sqlite_error_code() {
            Some(ErrorCode::DiskFull) => {
                RestoreError::Io(io::Error::new(io::ErrorKind::StorageFull, e.to_string()))
            }
            _ => unreadable(e),
        })?;
    drop(source);
    fs::File::open(to)?.sync_all()?;
    let copy =
        Connection::open_with_flags(to, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|source| {
            RestoreError::Unreadable {
                path: to.to_path_buf(),
                source,
            }
        })?;
    let verdict: String = copy
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(unreadable)?;
    if verdict != "ok" {
        return Err(RestoreError::Damaged {
            path: from.to_path_buf(),
            detail: verdict,
        });
    }
    drop(copy);
    validate(to).map(|_| ())
}

/// Renames `from` and its `-wal`, `-shm` and `-journal` companions to `to` (+ the same
/// suffixes). A stale WAL left beside a restored file would be replayed into it, so it must
/// go with its database. Returns false when there was no file to move.
fn move_aside(from: &Path, to: &Path) -> io::Result<bool> {
    let with = |p: &Path, suffix: &str| {
        let mut s = p.as_os_str().to_os_string();
        s.push(suffix);
        PathBuf::from(s)
    };
    for suffix in ["-wal", "-shm", "-journal"] {
        let companion = with(from, suffix);
        if companion.exists() {
            fs::rename(&companion, with(to, suffix))?;
        }
    }
    if !from.exists() {
        return Ok(false);
    }
    fs::rename(from, to)?;
    Ok(true)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::canonicalize(a), fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

/// Makes renames in `dir` survive a power cut (a no-op where folders cannot be opened).
pub(crate) fn sync_dir(dir: &Path) {
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
}
