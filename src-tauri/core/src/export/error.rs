//! Why an export did not produce its file. Every failure leaves no file behind.

use std::io;
use std::path::PathBuf;

use serde::Serialize;
use specta::Type;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The user pressed Cancel; nothing was written.
    #[error("export cancelled")]
    Cancelled,
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: io::Error },
    /// The workbook broke one of Excel's own limits (a cell over 32,767 characters…).
    #[error("cannot build the workbook: {0}")]
    Workbook(rust_xlsxwriter::XlsxError),
    /// Reading the list out of the school's file failed.
    #[error(transparent)]
    Read(#[from] crate::Error),
}

/// What the user is told when writing failed, in words they can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum ExportFailure {
    /// A read-only folder, or (on Windows) the file is open in Excel.
    PermissionDenied,
    DiskFull,
    /// The chosen folder no longer exists.
    FolderMissing,
    WriteFailed,
}

impl ExportError {
    pub(super) fn write(path: impl Into<PathBuf>, source: io::Error) -> ExportError {
        ExportError::Write {
            path: path.into(),
            source,
        }
    }

    /// The user-facing reason for a write failure; None for other errors.
    pub fn failure(&self) -> Option<ExportFailure> {
        let ExportError::Write { source, .. } = self else {
            return None;
        };
        Some(match source.kind() {
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                ExportFailure::PermissionDenied
            }
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => ExportFailure::DiskFull,
            io::ErrorKind::NotFound => ExportFailure::FolderMissing,
            _ => ExportFailure::WriteFailed,
        })
    }
}
