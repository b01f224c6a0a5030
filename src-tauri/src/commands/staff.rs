use chrono::Utc;
use encore_core::staff::{self, Staff, StaffInput};
use tauri::State;

use crate::error::AppResult;
use crate::store::Store;

#[tauri::command]
#[specta::specta]
pub async fn list_staff(store: State<'_, Store>, include_archived: bool) -> AppResult<Vec<Staff>> {
    store.with_conn(|c| staff::list(c, include_archived))
}

#[tauri::command]
#[specta::specta]
pub async fn add_staff(store: State<'_, Store>, input: StaffInput) -> AppResult<Staff> {
    store.with_tx(|tx| staff::add(tx, &input, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn update_staff(store: State<'_, Store>, id: i64, input: StaffInput) -> AppResult<Staff> {
    store.with_tx(|tx| staff::update(tx, id, &input))
}

#[tauri::command]
#[specta::specta]
pub async fn set_staff_archived(
    store: State<'_, Store>,
    id: i64,
    archived: bool,
) -> AppResult<Staff> {
    store.with_tx(|tx| staff::set_archived(tx, id, archived, Utc::now()))
}
