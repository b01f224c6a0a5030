//! The passcode lock's commands: the only ones (with `app_status`) answered while locked.

use chrono::Utc;
use encore_core::lock::{self, LockSettings, LockStatus};
use tauri::State;

use crate::error::AppResult;
use crate::store::Store;

#[tauri::command]
#[specta::specta]
pub async fn lock_status(store: State<'_, Store>) -> AppResult<LockStatus> {
    Ok(store.lock_state().status(Utc::now()))
}

/// Tries a passcode; the status says whether the window is open now, or how long to wait
/// after too many wrong tries.
#[tauri::command]
#[specta::specta]
pub async fn unlock(store: State<'_, Store>, passcode: String) -> AppResult<LockStatus> {
    let db = store.db_while_locked()?;
    let mut state = store.lock_state();
    Ok(state.unlock(|| db.with_conn(|c| lock::verify(c, &passcode)), Utc::now())?)
}

/// "Lock now", before leaving the desk.
#[tauri::command]
#[specta::specta]
pub async fn lock_now(store: State<'_, Store>) -> AppResult<LockStatus> {
    let mut state = store.lock_state();
    state.lock();
    Ok(state.status(Utc::now()))
}

/// The window saw typing or clicks (it says so at most every half minute): an active user
/// is not locked out between commands. Answers the status, locked or not.
#[tauri::command]
#[specta::specta]
pub async fn report_activity(store: State<'_, Store>) -> AppResult<LockStatus> {
    let mut state = store.lock_state();
    let now = Utc::now();
    let _ = state.admit(now);
    Ok(state.status(now))
}

/// Sets or changes the passcode; `current` is needed when one is set.
#[tauri::command]
#[specta::specta]
pub async fn set_passcode(
    store: State<'_, Store>,
    current: Option<String>,
    passcode: String,
    idle_minutes: u32,
) -> AppResult<LockSettings> {
    let settings =
        store.with_tx(|tx| lock::set_passcode(tx, current.as_deref(), &passcode, idle_minutes))?;
    store.lock_state().apply(settings, Utc::now());
    Ok(settings)
}

#[tauri::command]
#[specta::specta]
pub async fn set_lock_idle(store: State<'_, Store>, idle_minutes: u32) -> AppResult<LockSettings> {
    let settings = store.with_tx(|tx| lock::set_idle_minutes(tx, idle_minutes))?;
    store.lock_state().apply(settings, Utc::now());
    Ok(settings)
}

#[tauri::command]
#[specta::specta]
pub async fn turn_off_lock(store: State<'_, Store>, current: String) -> AppResult<LockSettings> {
    let settings = store.with_tx(|tx| lock::turn_off(tx, &current))?;
    store.lock_state().apply(settings, Utc::now());
    Ok(settings)
}
