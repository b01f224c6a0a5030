//! Leads and trials: the front desk records a family that got in touch, books and marks its
//! trial lessons, and enrolls it; the funnel follows leads from first contact to enrollment.

use chrono::{Local, Utc};
use encore_core::family::NewFamily;
use encore_core::insight::Period;
use encore_core::lead::{
    self, CloseInput, Conversion, ConversionInput, Funnel, LeadFilter, OutcomeInput, Prospect,
    ProspectInput, TrialInput, TrialLesson,
};
use tauri::State;

use crate::error::AppResult;
use crate::store::Store;

#[tauri::command]
#[specta::specta]
pub async fn list_leads(store: State<'_, Store>, filter: LeadFilter) -> AppResult<Vec<Prospect>> {
    store.with_conn(|c| lead::list(c, &filter))
}

#[tauri::command]
#[specta::specta]
pub async fn get_lead(store: State<'_, Store>, id: i64) -> AppResult<Prospect> {
    store.with_conn(|c| lead::get(c, id))
}

#[tauri::command]
#[specta::specta]
pub async fn add_lead(store: State<'_, Store>, input: ProspectInput) -> AppResult<Prospect> {
    store.with_tx(|tx| lead::add(tx, &input, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn update_lead(
    store: State<'_, Store>,
    id: i64,
    input: ProspectInput,
) -> AppResult<Prospect> {
    store.with_tx(|tx| lead::update(tx, id, &input, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn close_lead(
    store: State<'_, Store>,
    id: i64,
    input: CloseInput,
) -> AppResult<Prospect> {
    store.with_tx(|tx| lead::close(tx, id, &input, Local::now().fixed_offset()))
}

#[tauri::command]
#[specta::specta]
pub async fn reopen_lead(store: State<'_, Store>, id: i64) -> AppResult<Prospect> {
    store.with_tx(|tx| lead::reopen(tx, id, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn book_trial(store: State<'_, Store>, input: TrialInput) -> AppResult<TrialLesson> {
    store.with_tx(|tx| lead::book_trial(tx, &input, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn record_trial_outcome(
    store: State<'_, Store>,
    input: OutcomeInput,
) -> AppResult<TrialLesson> {
    store.with_tx(|tx| lead::record_outcome(tx, &input, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn cancel_trial(store: State<'_, Store>, trial_id: i64) -> AppResult<()> {
    store.with_tx(|tx| lead::cancel_trial(tx, trial_id))
}

/// The family form prefilled from the lead, for staff to confirm before `convert_lead`.
#[tauri::command]
#[specta::specta]
pub async fn draft_lead_family(store: State<'_, Store>, id: i64) -> AppResult<NewFamily> {
    store.with_conn(|c| lead::draft(c, id, Local::now().date_naive()))
}

#[tauri::command]
#[specta::specta]
pub async fn convert_lead(
    store: State<'_, Store>,
    id: i64,
    input: ConversionInput,
) -> AppResult<Conversion> {
    store.with_tx(|tx| lead::convert(tx, id, &input, Local::now().fixed_offset()))
}

#[tauri::command]
#[specta::specta]
pub async fn lead_funnel(store: State<'_, Store>, period: Period) -> AppResult<Funnel> {
    store.with_conn(|c| lead::funnel(c, &period))
}
