use chrono::Local;
use encore_core::package::PackageInput;
use encore_core::renewal::rules::{self, PrepaidRules, ProposedSale, RuleBreach};
use encore_core::renewal::{
    self, CycleState, RenewalDashboard, StatusInput, WorklistFilter, WorklistRow,
};
use tauri::State;

use crate::error::AppResult;
use crate::store::Store;

#[tauri::command]
#[specta::specta]
pub async fn renewal_worklist(
    store: State<'_, Store>,
    filter: WorklistFilter,
) -> AppResult<Vec<WorklistRow>> {
    store.with_conn(|c| renewal::worklist(c, &filter, Local::now().date_naive()))
}

#[tauri::command]
#[specta::specta]
pub async fn set_renewal_status(
    store: State<'_, Store>,
    input: StatusInput,
) -> AppResult<CycleState> {
    store.with_tx(|tx| renewal::set_status(tx, &input, Local::now().fixed_offset()))
}

#[tauri::command]
#[specta::specta]
pub async fn renewal_dashboard(store: State<'_, Store>) -> AppResult<RenewalDashboard> {
    store.with_conn(|c| renewal::dashboard(c, Local::now().date_naive()))
}

#[tauri::command]
#[specta::specta]
pub async fn get_prepaid_rules(store: State<'_, Store>) -> AppResult<PrepaidRules> {
    store.with_conn(rules::get)
}

#[tauri::command]
#[specta::specta]
pub async fn set_prepaid_rules(store: State<'_, Store>, rules: PrepaidRules) -> AppResult<()> {
    store.with_tx(|tx| rules::set(tx, &rules))
}

/// The prepaid rules a sale would go against, for the sell form to show before saving.
#[tauri::command]
#[specta::specta]
pub async fn check_package_rules(
    store: State<'_, Store>,
    input: PackageInput,
) -> AppResult<Vec<RuleBreach>> {
    store.with_conn(|c| rules::check(c, &ProposedSale::of(&input)))
}
