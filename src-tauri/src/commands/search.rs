use encore_core::search::{self, SearchHit};
use tauri::State;

use crate::error::AppResult;
use crate::store::Store;

#[tauri::command]
#[specta::specta]
pub async fn search(store: State<'_, Store>, query: String) -> AppResult<Vec<SearchHit>> {
    store.with_conn(|c| search::search(c, &query, search::DEFAULT_LIMIT))
}
