//! Consistent, verified snapshots of the school's file: written beside the target under a
//! temporary name, flushed, checked, then renamed, so a backup that exists is a good one.

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};

use super::APPLICATION_ID;

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("could not write the backup: {0}")]
    Io(#[from] std::io::Error),
    #[error("could not copy the database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// The copy did not pass SQLite's integrity check; it was removed.
    #[error("the copy failed its integrity check: {0}")]
    Damaged(String),
}

/// The consistent copy, under a temporary name beside `target`: the only step that needs the
/// live connection.
pub(crate) fn copy(conn: &Connection, target: &Path) -> Result<PathBuf, BackupError> {
    let partial = partial_of(target);
    let _ = fs::remove_file(&partial);
    if let Err(e) = conn.execute("VACUUM INTO ?1", [partial.to_string_lossy()]) {
        let _ = fs::remove_file(&partial);
        return Err(e.into());
    }
    Ok(partial)
}

/// Flushes and checks the copy, then renames it over `target`; a copy that fails is removed.
/// Works on the copy alone, so the school stays usable meanwhile: checking a large school's
/// copy takes seconds.
pub(crate) fn place(partial: PathBuf, target: &Path) -> Result<u64, BackupError> {
    if let Err(e) = verify(&partial) {
        let _ = fs::remove_file(&partial);
        return Err(e);
    }
    fs::rename(&partial, target)?;
    // The rename itself must survive a power cut.
    if let Ok(d) = fs::File::open(folder_of(target)) {
        let _ = d.sync_all();
    }
    Ok(fs::metadata(target)?.len())
}

fn folder_of(target: &Path) -> &Path {
    target
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

fn partial_of(target: &Path) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".part");
    folder_of(target).join(format!(".{}", name.to_string_lossy()))
}

fn verify(partial: &Path) -> Result<(), BackupError> {
    // VACUUM INTO does not fsync.
    fs::File::open(partial)?.sync_all()?;
    let copy = Connection::open_with_flags(partial, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let verdict: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    let app_id: i32 = copy.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if verdict != "ok" {
        return Err(BackupError::Damaged(verdict));
    }
    if app_id != APPLICATION_ID {
        return Err(BackupError::Damaged(format!("application_id {app_id}")));
    }
    Ok(())
}
