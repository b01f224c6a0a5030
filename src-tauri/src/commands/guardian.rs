use chrono::Utc;
use encore_core::guardian::{self, Guardian, GuardianInfo};
use tauri::State;

use crate::error::AppResult;
use crate::store::Store;

#[tauri::command]
#[specta::specta]
pub async fn add_guardian(
    store: State<'_, Store>,
    family_id: i64,
    info: GuardianInfo,
) -> AppResult<Guardian> {
    store.with_tx(|tx| guardian::add(tx, family_id, &info, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn update_guardian(
    store: State<'_, Store>,
    id: i64,
    info: GuardianInfo,
) -> AppResult<Guardian> {
    store.with_tx(|tx| guardian::update(tx, id, &info, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn set_guardian_archived(
    store: State<'_, Store>,
    id: i64,
    archived: bool,
) -> AppResult<Guardian> {
    store.with_tx(|tx| guardian::set_archived(tx, id, archived, Utc::now()))
}
