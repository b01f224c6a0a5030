use chrono::{NaiveDateTime, Utc};
use encore_core::attendance::{self, RollCall, SessionSummary};
use tauri::State;

use crate::error::AppResult;
use crate::store::Store;

/// Returns the session's id.
#[tauri::command]
#[specta::specta]
pub async fn save_roll_call(store: State<'_, Store>, input: RollCall) -> AppResult<i64> {
    store.with_tx(|tx| attendance::save_roll_call(tx, &input, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn get_roll_call(
    store: State<'_, Store>,
    class_id: i64,
    starts_at: NaiveDateTime,
) -> AppResult<Option<RollCall>> {
    store.with_conn(|c| attendance::roll_call(c, class_id, starts_at))
}

#[tauri::command]
#[specta::specta]
pub async fn list_sessions(
    store: State<'_, Store>,
    class_id: i64,
) -> AppResult<Vec<SessionSummary>> {
    store.with_conn(|c| attendance::sessions(c, class_id))
}
