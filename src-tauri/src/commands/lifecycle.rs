//! Where each student stands in their life with the school, and the families that are gone.

use chrono::Local;
use encore_core::lifecycle::{self, StageCount, StudentStage, WinBackRow};
use tauri::State;

use crate::error::AppResult;
use crate::store::Store;

#[tauri::command]
#[specta::specta]
pub async fn student_stage(store: State<'_, Store>, student_id: i64) -> AppResult<StudentStage> {
    store.with_conn(|c| lifecycle::stage_of(c, student_id, Local::now().date_naive()))
}

#[tauri::command]
#[specta::specta]
pub async fn lifecycle_counts(store: State<'_, Store>) -> AppResult<Vec<StageCount>> {
    store.with_conn(|c| lifecycle::counts(c, Local::now().date_naive()))
}

#[tauri::command]
#[specta::specta]
pub async fn win_back_list(store: State<'_, Store>) -> AppResult<Vec<WinBackRow>> {
    store.with_conn(|c| lifecycle::win_back(c, Local::now().date_naive()))
}

#[tauri::command]
#[specta::specta]
pub async fn get_lapsed_after_days(store: State<'_, Store>) -> AppResult<u32> {
    store.with_conn(lifecycle::lapsed_after_days)
}

#[tauri::command]
#[specta::specta]
pub async fn set_lapsed_after_days(store: State<'_, Store>, days: u32) -> AppResult<()> {
    store.with_tx(|tx| lifecycle::set_lapsed_after_days(tx, days))
}
