//! The one SQLite file. A `Db` owns a single exclusive connection: Encore is the only
//! writer, and the exclusive lock is what tells a second instance the file is taken.

mod backup;
mod migrations;
mod open;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use rusqlite::{Connection, Transaction, TransactionBehavior};

use crate::error::Result;
pub use backup::BackupError;
pub use migrations::{migrations, migrations_up_to, LATEST_VERSION};
pub use open::{OpenError, OpenFailureCode, APPLICATION_ID};

pub struct Db {
    conn: Mutex<Connection>,
    path: Option<PathBuf>,
}

impl Db {
    /// Opens (creating if needed) the database at `path`, refusing files that are damaged,
    /// foreign, newer than this build, or already open elsewhere. Before upgrading an older
    /// file, a copy is written beside it; `now` names that copy.
    pub fn open(path: &Path, now: DateTime<Utc>) -> Result<Db, OpenError> {
        let conn = open::open_file(path, now)?;
        Ok(Db {
            conn: Mutex::new(conn),
            path: Some(path.to_path_buf()),
        })
    }

    /// A fresh, migrated in-memory database, for tests and benchmarks.
    pub fn open_in_memory() -> Result<Db, OpenError> {
        let conn = open::open_memory()?;
        Ok(Db {
            conn: Mutex::new(conn),
            path: None,
        })
    }

    /// A consistent, verified copy of the whole school at `target`; returns its size. The
    /// school is held only while it is copied, not while the copy is checked.
    pub fn backup(&self, target: &Path) -> std::result::Result<u64, BackupError> {
        let partial = backup::copy(&self.lock(), target)?;
        backup::place(partial, target)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Runs read-only work. Reads see a consistent snapshot because nobody else can write.
    pub fn with_conn<T>(&self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let conn = self.lock();
        f(&conn)
    }

    /// Runs `f` in an immediate transaction; any error rolls everything back.
    pub fn with_tx<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let mut conn = self.lock();
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = f(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Like `with_tx`, for work with its own error type (an import refused row by row).
    pub fn with_tx_as<T, E: From<crate::Error>>(
        &self,
        f: impl FnOnce(&Transaction) -> Result<T, E>,
    ) -> Result<T, E> {
        let mut conn = self.lock();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(crate::Error::from)?;
        let value = f(&tx)?;
        tx.commit().map_err(crate::Error::from)?;
        Ok(value)
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave a transaction open (rusqlite rolls
        // back on drop), so the connection is still usable.
        self.conn
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
