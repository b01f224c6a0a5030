//! The database as the commands see it: open, or the reason it could not be opened. A
//! restore swaps the database underneath: commands hold a read guard while they use it, the
//! restore takes the write guard, so it waits for work in flight and nothing sees a closed
//! file.

use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, RwLock, RwLockReadGuard};

use chrono::{Local, Utc};
use encore_core::backup::location::{self, StorageRisk};
use encore_core::backup::{self, BackupFailure, BackupKind, Found};
use encore_core::db::{OpenError, OpenFailureCode};
use encore_core::Db;
use rusqlite::{Connection, Transaction};

use crate::error::{AppError, AppResult};

pub struct Store {
    pub path: PathBuf,
    db: RwLock<Result<Db, OpenFailureCode>>,
    /// Set when the file lives in a sync folder or on a network drive.
    pub risk: Option<StorageRisk>,
    /// The passcode lock: `db()` asks it before every command (see `lock_state.rs`).
    pub(crate) lock: Mutex<encore_core::lock::LockState>,
}

/// The open database, held for the duration of one command.
pub struct DbGuard<'a>(RwLockReadGuard<'a, Result<Db, OpenFailureCode>>);

impl Deref for DbGuard<'_> {
    type Target = Db;
    fn deref(&self) -> &Db {
        // Built only around an open database (see `Store::db`).
        self.0.as_ref().expect("DbGuard holds an open database")
    }
}

impl Store {
    pub fn open(path: PathBuf) -> Store {
        let db = Db::open(&path, Utc::now()).map_err(|err: OpenError| {
            eprintln!("encore: cannot open {}: {err}", path.display());
            err.code()
        });
        let risk = location::storage_risk(&path, location::filesystem_type(&path).as_deref());
        Store {
            lock: Mutex::new(crate::lock_state::initial(db.as_ref().ok())),
            path,
            db: RwLock::new(db),
            risk,
        }
    }

    /// The folder holding the database: where a school keeps its own questionnaire.
    pub fn data_dir(&self) -> Option<&Path> {
        self.path.parent()
    }

    fn read(&self) -> RwLockReadGuard<'_, Result<Db, OpenFailureCode>> {
        // A panicking command cannot leave the database half-swapped: the swap itself
        // does not panic.
        self.db.read().unwrap_or_else(|p| p.into_inner())
    }

    pub fn failure(&self) -> Option<OpenFailureCode> {
        self.read().as_ref().err().copied()
    }

    pub(crate) fn db(&self) -> AppResult<DbGuard<'_>> {
        self.admit()?;
        self.db_while_locked()
    }

    /// The database without asking the lock: only for the lock's own commands and the
    /// window's start-up status.
    pub(crate) fn db_while_locked(&self) -> AppResult<DbGuard<'_>> {
        let guard = self.read();
        // The UI shows the open failure screen and calls nothing else; reaching here is a bug.
        if guard.is_err() {
            return Err(AppError::Internal);
        }
        Ok(DbGuard(guard))
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

    /// Closes the database (at exit): later commands find it closed.
    pub fn close(&self) {
        let mut state = self.db.write().unwrap_or_else(|p| p.into_inner());
        if state.is_ok() {
            *state = Err(OpenFailureCode::Unreadable);
        }
    }

    /// Where this database's backups go.
    pub fn backup_folder(&self) -> PathBuf {
        backup::folder(&self.path)
    }

    /// A verified backup into the backup folder.
    pub fn back_up(&self, kind: BackupKind) -> AppResult<Found> {
        let db = self.db()?;
        backup::create(
            &db,
            &self.backup_folder(),
            kind,
            Local::now().fixed_offset(),
        )
        .map_err(AppError::from)
    }

    /// The day's first backup, when it is due and the database is open.
    pub fn daily_backup(&self) {
        let guard = self.read();
        let Ok(db) = guard.as_ref() else { return };
        match backup::daily_if_due(db, &self.backup_folder(), Local::now().fixed_offset()) {
            Ok(Some(found)) => eprintln!("encore: daily backup {}", found.path.display()),
            Ok(None) => {}
            Err(err) => eprintln!("encore: the daily backup failed: {err}"),
        }
    }

    /// Replaces the database with the backup at `from` (checked first), keeping the replaced
    /// file aside; a healthy database is backed up before it is replaced. Returns where the
    /// replaced file was kept.
    pub fn restore(&self, from: &Path) -> AppResult<Option<PathBuf>> {
        self.admit()?;
        backup::validate(from)?;
        let mut state = self.db.write().unwrap_or_else(|p| p.into_inner());
        match state.as_ref() {
            Ok(db) => {
                let folder = self.backup_folder();
                let now = Local::now().fixed_offset();
                backup::create(db, &folder, BackupKind::BeforeRestore, now)?;
            }
            // Another Encore holds the file: it must not be pulled from under it.
            Err(OpenFailureCode::AlreadyOpen) => {
                return Err(AppError::Backup {
                    code: BackupFailure::FileInUse,
                })
            }
            Err(_) => {}
        }
        // Close the file (Encore holds it exclusively) before it is moved aside.
        let previous = std::mem::replace(&mut *state, Err(OpenFailureCode::Unreadable));
        drop(previous);
        match backup::restore::replace(&self.path, from, Local::now().fixed_offset()) {
            Ok(restored) => {
                self.relock(&restored.db);
                *state = Ok(restored.db);
                Ok(restored.kept_as)
            }
            Err(err) => {
                // Nothing was replaced: reopen what was there.
                *state = Db::open(&self.path, Utc::now()).map_err(|e| e.code());
                Err(err.into())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn school_name(store: &Store) -> Option<String> {
        store.with_conn(encore_core::settings::school_name).unwrap()
    }

    fn name(store: &Store, name: &str) {
        store
            .with_tx(|tx| encore_core::settings::set_school_name(tx, name).map(|_| ()))
            .unwrap();
    }

    #[test]
    fn an_open_school_is_backed_up_then_swapped_for_the_restored_file() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path().join("school.db"));
        assert_eq!(store.failure(), None);
        name(&store, "星光");
        let first = store.back_up(BackupKind::Manual).unwrap();
        name(&store, "月光");

        let kept = store
            .restore(&first.path)
            .unwrap()
            .expect("the replaced file");
        assert_eq!(
            school_name(&store).as_deref(),
            Some("星光"),
            "commands see the restored file"
        );
        assert!(kept.exists());
        let before = backup::list(&store.path, &store.backup_folder());
        assert!(
            before
                .iter()
                .any(|f| f.entry.kind == BackupKind::BeforeRestore),
            "the school as it was is backed up first"
        );
        // A file that is not a school replaces nothing and leaves the school open.
        let junk = dir.path().join("junk.db");
        std::fs::write(&junk, b"not a database").unwrap();
        assert!(matches!(
            store.restore(&junk),
            Err(AppError::Backup {
                code: BackupFailure::Damaged
            } | AppError::Backup {
                code: BackupFailure::Unreadable
            })
        ));
        assert_eq!(school_name(&store).as_deref(), Some("星光"));
    }

    #[test]
    fn a_file_another_encore_holds_is_never_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("school.db");
        let _first = Db::open(&path, Utc::now()).unwrap();
        let second = Store::open(path.clone());
        assert_eq!(second.failure(), Some(OpenFailureCode::AlreadyOpen));
        let other = dir.path().join("other.db");
        drop(Db::open(&other, Utc::now()).unwrap());
        assert!(matches!(
            second.restore(&other),
            Err(AppError::Backup {
                code: BackupFailure::FileInUse
            })
        ));
    }
}
