//! Goal-based messages: written on request in the parent's language; staff copy the text and
//! the copy is recorded on the family's timeline (Encore sends nothing itself).

use chrono::Local;
use encore_core::message::{self, CopiedMessage, Message, MessageRequest};
use tauri::State;

use crate::error::AppResult;
use crate::store::Store;

/// Missing data and template problems come back inside the message, not as errors.
#[tauri::command]
#[specta::specta]
pub async fn compose_message(
    store: State<'_, Store>,
    request: MessageRequest,
) -> AppResult<Message> {
    store.with_conn(|c| message::compose(c, &request, Local::now().date_naive()))
}

/// Records a message staff copied; returns the id of the note left on the timeline.
#[tauri::command]
#[specta::specta]
pub async fn log_copied_message(store: State<'_, Store>, copied: CopiedMessage) -> AppResult<i64> {
    store.with_tx(|tx| message::log_copied(tx, &copied, Local::now().fixed_offset()))
}
