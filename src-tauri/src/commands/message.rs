//! Goal-based messages: written on request in the parent's language; staff copy the text and
//! the copy is recorded on the family's timeline (Encore sends nothing itself).

use chrono::{Local, Utc};
use encore_core::message::template::{self, MessageTemplate};
use encore_core::message::{self, CopiedMessage, Message, MessageGoal, MessageRequest};
use encore_core::script::TemplateProblem;
use encore_core::segment;
use encore_core::settings::Locale;
use encore_core::tagging::MotivationType;
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

/// One message per family the saved segment selects today, each to the family's own type; a
/// family lacking what the goal needs carries its reason instead of failing the others.
#[tauri::command]
#[specta::specta]
pub async fn compose_segment_messages(
    store: State<'_, Store>,
    segment_id: i64,
    goal: MessageGoal,
    locale: Locale,
) -> AppResult<Vec<Message>> {
    let today = Local::now().date_naive();
    store.with_conn(|c| {
        let families = segment::evaluate_saved(c, segment_id, today)?.family_ids;
        message::compose_for_segment(c, &families, goal, locale, today)
    })
}

#[tauri::command]
#[specta::specta]
pub async fn get_message_template(
    store: State<'_, Store>,
    motivation: MotivationType,
    goal: MessageGoal,
    locale: Locale,
) -> AppResult<MessageTemplate> {
    store.with_conn(|c| template::get(c, motivation, goal, locale))
}

/// Stores the school's text; a text that does not parse is not stored and its problem returned.
#[tauri::command]
#[specta::specta]
pub async fn save_message_template(
    store: State<'_, Store>,
    motivation: MotivationType,
    goal: MessageGoal,
    locale: Locale,
    body: String,
) -> AppResult<Option<TemplateProblem>> {
    store.with_tx(|tx| template::save(tx, motivation, goal, locale, &body, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn restore_message_template(
    store: State<'_, Store>,
    motivation: MotivationType,
    goal: MessageGoal,
    locale: Locale,
) -> AppResult<MessageTemplate> {
    store.with_tx(|tx| template::restore(tx, motivation, goal, locale))
}
