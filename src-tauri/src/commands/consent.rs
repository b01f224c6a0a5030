use chrono::Utc;
use encore_core::consent::{self, Consent, ConsentInput};
use tauri::State;

use crate::error::AppResult;
use crate::store::Store;

/// Every consent decision of the family, newest (the one in force) first.
#[tauri::command]
#[specta::specta]
pub async fn consent_history(store: State<'_, Store>, family_id: i64) -> AppResult<Vec<Consent>> {
    store.with_conn(|c| consent::history(c, family_id))
}

#[tauri::command]
#[specta::specta]
pub async fn record_consent(
    store: State<'_, Store>,
    family_id: i64,
    input: ConsentInput,
) -> AppResult<Consent> {
    store.with_tx(|tx| consent::record(tx, family_id, &input, Utc::now()))
}
