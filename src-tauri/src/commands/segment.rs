//! Saved segments: named definitions that narrow the family list and the renewal desk to the
//! ids they evaluate to today.

use chrono::{Local, Utc};
use encore_core::segment::{self, SavedSegment, SegmentInput, SegmentMatch};
use tauri::State;

use crate::error::AppResult;
use crate::store::Store;

#[tauri::command]
#[specta::specta]
pub async fn list_segments(store: State<'_, Store>) -> AppResult<Vec<SavedSegment>> {
    store.with_conn(segment::list)
}

#[tauri::command]
#[specta::specta]
pub async fn create_segment(
    store: State<'_, Store>,
    input: SegmentInput,
) -> AppResult<SavedSegment> {
    store.with_tx(|tx| segment::create(tx, &input, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn update_segment(
    store: State<'_, Store>,
    id: i64,
    input: SegmentInput,
) -> AppResult<SavedSegment> {
    store.with_tx(|tx| segment::update(tx, id, &input, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn delete_segment(store: State<'_, Store>, id: i64) -> AppResult<()> {
    store.with_tx(|tx| segment::delete(tx, id))
}

/// The students and families the saved segment selects today.
#[tauri::command]
#[specta::specta]
pub async fn evaluate_segment(store: State<'_, Store>, id: i64) -> AppResult<SegmentMatch> {
    store.with_conn(|c| segment::evaluate_saved(c, id, Local::now().date_naive()))
}
