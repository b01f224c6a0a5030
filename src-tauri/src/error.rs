//! The one error type that crosses IPC: a tagged union the UI switches on. Codes are i18n
//! keys; SQL text and paths stay in the log, never in the window.

use encore_core::backup::{BackupError, BackupFailure, RestoreError};
use encore_core::error::{ConflictCode, Entity, ValidationCode};
use encore_core::export::{ExportError, ExportFailure};
use encore_core::pdf::PdfError;
use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, Serialize, Type)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum AppError {
    NotFound {
        entity: Entity,
        id: i64,
    },
    /// `field` is the form field's path, e.g. `guardians.1.mobile`.
    Validation {
        field: String,
        code: ValidationCode,
    },
    Conflict {
        code: ConflictCode,
    },
    /// An export could not write its file; nothing was left behind.
    Export {
        code: ExportFailure,
    },
    /// A backup or restore did not go ahead; nothing was replaced.
    Backup {
        code: BackupFailure,
    },
    /// The disk is full: the write was refused or rolled back, nothing was lost.
    DiskFull,
    /// The passcode lock is closed: nothing but unlocking is answered.
    Locked,
    /// Something the user cannot fix by editing the form; details are in the log.
    Internal,
}

impl From<encore_core::Error> for AppError {
    fn from(err: encore_core::Error) -> Self {
        use encore_core::Error as E;
        match err {
            E::NotFound { entity, id } => AppError::NotFound { entity, id },
            E::Validation { field, code } => AppError::Validation { field, code },
            E::Conflict { code } => AppError::Conflict { code },
            E::Sqlite(ref e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull) => {
                eprintln!("encore: {err}");
                AppError::DiskFull
            }
            E::Sqlite(_) => {
                eprintln!("encore: internal error: {err}");
                AppError::Internal
            }
            // A PDF that could not be written fails the way an export does, in the same words.
            E::Pdf(PdfError::Write { path, source }) => ExportError::Write { path, source }.into(),
            E::Passcode(_) => {
                eprintln!("encore: internal error: {err}");
                AppError::Internal
            }
            E::Pdf(err @ PdfError::Render(_)) => {
                eprintln!("encore: internal error: {err}");
                AppError::Internal
            }
        }
    }
}

impl From<ExportError> for AppError {
    fn from(err: ExportError) -> Self {
        match (err.failure(), err) {
            (Some(code), err) => {
                eprintln!("encore: export failed: {err}");
                AppError::Export { code }
            }
            (None, ExportError::Read(e)) => e.into(),
            (None, err) => {
                eprintln!("encore: export failed: {err}");
                AppError::Internal
            }
        }
    }
}

impl From<BackupError> for AppError {
    fn from(err: BackupError) -> Self {
        eprintln!("encore: backup failed: {err}");
        match err.failure() {
            BackupFailure::DiskFull => AppError::DiskFull,
            code => AppError::Backup { code },
        }
    }
}

impl From<RestoreError> for AppError {
    fn from(err: RestoreError) -> Self {
        eprintln!("encore: restore failed: {err}");
        match err.failure() {
            BackupFailure::DiskFull => AppError::DiskFull,
            code => AppError::Backup { code },
        }
    }
}

pub type AppResult<T> = Result<T, AppError>;
