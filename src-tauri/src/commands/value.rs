//! What each family is worth to the school, and what the best families have in common.

use chrono::Local;
use encore_core::value::{self, FamilyValue, IdealFamily};
use tauri::State;

use crate::error::AppResult;
use crate::store::Store;

#[tauri::command]
#[specta::specta]
pub async fn family_value(store: State<'_, Store>, family_id: i64) -> AppResult<FamilyValue> {
    store.with_conn(|c| value::family_value(c, family_id, Local::now().date_naive()))
}

#[tauri::command]
#[specta::specta]
pub async fn ideal_family(store: State<'_, Store>) -> AppResult<IdealFamily> {
    store.with_conn(|c| value::ideal_family(c, Local::now().date_naive()))
}
