use chrono::Utc;
use encore_core::note::{self, Note, NoteInput};
use tauri::State;

use crate::error::AppResult;
use crate::store::Store;

#[tauri::command]
#[specta::specta]
pub async fn add_note(store: State<'_, Store>, input: NoteInput) -> AppResult<Note> {
    store.with_tx(|tx| note::add(tx, &input, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn update_note(store: State<'_, Store>, id: i64, input: NoteInput) -> AppResult<Note> {
    store.with_tx(|tx| note::update(tx, id, &input, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn delete_note(store: State<'_, Store>, id: i64) -> AppResult<()> {
    store.with_tx(|tx| note::delete(tx, id, Utc::now()))
}
