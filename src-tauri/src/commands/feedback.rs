//! End-of-term feedback: recorded on the family page, averaged per term for insights.

use chrono::Utc;
use encore_core::feedback::{self, Feedback, FeedbackInput, TermAverage};
use tauri::State;

use crate::error::AppResult;
use crate::store::Store;

#[tauri::command]
#[specta::specta]
pub async fn record_feedback(store: State<'_, Store>, input: FeedbackInput) -> AppResult<Feedback> {
    store.with_tx(|tx| feedback::record(tx, &input, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn list_feedback(store: State<'_, Store>, family_id: i64) -> AppResult<Vec<Feedback>> {
    store.with_conn(|c| feedback::list_for_family(c, family_id))
}

#[tauri::command]
#[specta::specta]
pub async fn feedback_averages(store: State<'_, Store>) -> AppResult<Vec<TermAverage>> {
    store.with_conn(feedback::averages)
}
