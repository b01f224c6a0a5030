//! The stable codes the window translates (`backup_err_<code>`) for a backup or restore that
//! did not go ahead.

use std::io;

use rusqlite::ErrorCode;
use serde::Serialize;
use specta::Type;

use super::{BackupError, RestoreError};
use crate::db::{BackupError as SnapshotError, OpenError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum BackupFailure {
    /// Not enough free space; nothing was written.
    DiskFull,
    FolderMissing,
    PermissionDenied,
    WriteFailed,
    /// The chosen file is not an Encore database.
    NotEncore,
    /// The chosen file is damaged.
    Damaged,
    /// The chosen file was written by a newer Encore.
    NewerSchema,
    Unreadable,
    /// The chosen file is the school's own database.
    SameFile,
    /// No backup of that name (the list changed).
    NotFound,
    /// Another Encore has the database open: it cannot be replaced from here.
    FileInUse,
}

pub(super) fn io_failure(err: &io::Error) -> BackupFailure {
    match err.kind() {
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            BackupFailure::PermissionDenied
        }
        io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => BackupFailure::DiskFull,
        io::ErrorKind::NotFound => BackupFailure::FolderMissing,
        _ => BackupFailure::WriteFailed,
    }
}

fn sqlite_failure(err: &rusqlite::Error) -> BackupFailure {
    match err.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => BackupFailure::DiskFull,
        Some(ErrorCode::CannotOpen) => BackupFailure::FolderMissing,
        Some(ErrorCode::ReadOnly | ErrorCode::PermissionDenied) => BackupFailure::PermissionDenied,
        _ => BackupFailure::WriteFailed,
    }
}

impl BackupError {
    pub fn failure(&self) -> BackupFailure {
        match self {
            BackupError::NoSpace(_) => BackupFailure::DiskFull,
            BackupError::InMemory | BackupError::RelativeFolder(_) => BackupFailure::WriteFailed,
            BackupError::Folder { source, .. } => io_failure(source),
            BackupError::Snapshot(SnapshotError::Io(e)) => io_failure(e),
            BackupError::Snapshot(SnapshotError::Sqlite(e)) => sqlite_failure(e),
            BackupError::Snapshot(SnapshotError::Damaged(_)) => BackupFailure::Damaged,
        }
    }
}

impl RestoreError {
    pub fn failure(&self) -> BackupFailure {
        match self {
            RestoreError::NotEncore { .. } => BackupFailure::NotEncore,
            RestoreError::Damaged { .. } => BackupFailure::Damaged,
            RestoreError::NewerSchema { .. } => BackupFailure::NewerSchema,
            RestoreError::Unreadable { .. } => BackupFailure::Unreadable,
            RestoreError::SameFile => BackupFailure::SameFile,
            RestoreError::NoSpace(_) => BackupFailure::DiskFull,
            RestoreError::Io(e) => io_failure(e),
            RestoreError::Reopen(OpenError::AlreadyOpen { .. }) => BackupFailure::FileInUse,
            RestoreError::Reopen(_) => BackupFailure::Damaged,
        }
    }
}
