//! The database as the commands see it: open, or the reason it could not be opened.

use std::path::PathBuf;

use chrono::Utc;
use encore_core::db::{OpenError, OpenFailureCode};
use encore_core::Db;
use rusqlite::{Connection, Transaction};

use crate::error::{AppError, AppResult};

pub struct Store {
    pub path: PathBuf,
    db: Result<Db, OpenFailureCode>,
}

impl Store {
    pub fn open(path: PathBuf) -> Store {
        let db = Db::open(&path, Utc::now()).map_err(|err: OpenError| {
            eprintln!("encore: cannot open {}: {err}", path.display());
            err.code()
        });
        Store { path, db }
    }

    /// The folder holding the database: where a school keeps its own questionnaire.
    pub fn data_dir(&self) -> Option<&std::path::Path> {
        self.path.parent()
    }

    pub fn failure(&self) -> Option<OpenFailureCode> {
        self.db.as_ref().err().copied()
    }

    pub(crate) fn db(&self) -> AppResult<&Db> {
        // The UI shows the open failure screen and calls nothing else; reaching here is a bug.
        self.db.as_ref().map_err(|_| AppError::Internal)
    }

    pub fn with_conn<T>(
        &self,
        f: impl FnOnce(&Connection) -> encore_core::Result<T>,
    ) -> AppResult<T> {
        Ok(self.db()?.with_conn(f)?)
    }

    pub fn with_tx<T>(
        &self,
        f: impl FnOnce(&Transaction) -> encore_core::Result<T>,
    ) -> AppResult<T> {
        Ok(self.db()?.with_tx(f)?)
    }
}
