use chrono::{Local, NaiveDate, Utc};
use encore_core::ledger::{self, HoursLeft};
use encore_core::package::{self, AdjustmentInput, PackageInput};
use encore_core::statement::{self, HoursWarning, Statement};
use tauri::State;

use crate::error::AppResult;
use crate::store::Store;

/// The school's calendar day: packages and lessons are dated in local time.
fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// Returns the new package's id.
#[tauri::command]
#[specta::specta]
pub async fn sell_package(store: State<'_, Store>, input: PackageInput) -> AppResult<i64> {
    store.with_tx(|tx| package::sell(tx, &input, Local::now().fixed_offset()))
}

#[tauri::command]
#[specta::specta]
pub async fn correct_package(store: State<'_, Store>, input: AdjustmentInput) -> AppResult<i64> {
    store.with_tx(|tx| package::correct(tx, &input, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn refund_package(store: State<'_, Store>, input: AdjustmentInput) -> AppResult<i64> {
    store.with_tx(|tx| package::refund(tx, &input, Utc::now()))
}

/// Moves hours to a sibling; returns the sibling's new package.
#[tauri::command]
#[specta::specta]
pub async fn transfer_package(
    store: State<'_, Store>,
    input: AdjustmentInput,
    to_student_id: i64,
) -> AppResult<i64> {
    store.with_tx(|tx| package::transfer(tx, &input, to_student_id, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn reverse_entry(
    store: State<'_, Store>,
    entry_id: i64,
    reason: String,
    author_id: i64,
    on: NaiveDate,
) -> AppResult<i64> {
    store.with_tx(|tx| package::reverse(tx, entry_id, &reason, author_id, on, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn get_statement(store: State<'_, Store>, student_id: i64) -> AppResult<Statement> {
    store.with_conn(|c| statement::statement(c, student_id, today()))
}

#[tauri::command]
#[specta::specta]
pub async fn list_warnings(store: State<'_, Store>) -> AppResult<Vec<HoursWarning>> {
    store.with_conn(|c| statement::warnings(c, today()))
}

/// Hours left in one course for the students of a roll call, in one query.
#[tauri::command]
#[specta::specta]
pub async fn hours_left(
    store: State<'_, Store>,
    course_id: i64,
    student_ids: Vec<i64>,
) -> AppResult<Vec<HoursLeft>> {
    store.with_conn(|c| ledger::balances_in_course(c, course_id, &student_ids, today()))
}
