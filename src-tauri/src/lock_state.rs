//! The passcode lock as the window lives it: the state sits in the `Store`, and `Store::db`
//! asks it before every command, so a locked window gets `AppError::Locked` from everything
//! but the lock's own commands and the start-up status — whatever its page shows.

use std::sync::MutexGuard;

use chrono::Utc;
use encore_core::lock::{self, LockSettings, LockState};
use encore_core::Db;

use crate::error::{AppError, AppResult};
use crate::store::Store;

/// The lock as the file sets it; closed from the start when a passcode is set.
pub(crate) fn initial(db: Option<&Db>) -> LockState {
    LockState::new(settings_of(db), Utc::now())
}

fn settings_of(db: Option<&Db>) -> LockSettings {
    db.and_then(|db| db.with_conn(lock::settings).ok())
        .unwrap_or(LockSettings {
            enabled: false,
            idle_minutes: lock::DEFAULT_IDLE_MINUTES,
        })
}

impl Store {
    pub(crate) fn lock_state(&self) -> MutexGuard<'_, LockState> {
        // The state is plain data; a panic elsewhere cannot leave it half-written.
        self.lock.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Lets a command through, counting it as activity, or refuses it while locked.
    pub(crate) fn admit(&self) -> AppResult<()> {
        self.lock_state()
            .admit(Utc::now())
            .map_err(|_| AppError::Locked)
    }

    /// After a restore: the restored file's passcode settings apply from now on.
    pub(crate) fn relock(&self, db: &Db) {
        self.lock_state().apply(settings_of(Some(db)), Utc::now());
    }
}
