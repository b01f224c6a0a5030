//! The one error type that crosses IPC: a tagged union the UI switches on. Codes are i18n
//! keys; SQL text and paths stay in the log, never in the window.

use encore_core::error::{ConflictCode, Entity, ValidationCode};
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
            E::Sqlite(_) => {
                eprintln!("encore: internal error: {err}");
                AppError::Internal
            }
        }
    }
}

pub type AppResult<T> = Result<T, AppError>;
