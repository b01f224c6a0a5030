use chrono::Utc;
use encore_core::consent::{self, EnrollmentConsent};
use encore_core::family::{self, Family, FamilyDetail, FamilySummary, NewFamily};
use encore_core::tag::TagFilter;
use tauri::State;

use crate::error::AppResult;
use crate::store::Store;

#[tauri::command]
#[specta::specta]
pub async fn list_families(
    store: State<'_, Store>,
    include_archived: bool,
    filter: TagFilter,
) -> AppResult<Vec<FamilySummary>> {
    store.with_conn(|c| family::list(c, include_archived, &filter))
}

#[tauri::command]
#[specta::specta]
pub async fn get_family(store: State<'_, Store>, id: i64) -> AppResult<FamilyDetail> {
    store.with_conn(|c| family::detail(c, id))
}

/// Returns the new family's id. Consent taken with the form is recorded with it, or nothing
/// is.
#[tauri::command]
#[specta::specta]
pub async fn create_family(
    store: State<'_, Store>,
    input: NewFamily,
    consent: Option<EnrollmentConsent>,
) -> AppResult<i64> {
    store.with_tx(|tx| {
        let id = family::create(tx, &input, Utc::now())?;
        if let Some(consent) = &consent {
            consent::record_at_enrollment(tx, id, consent, Utc::now())?;
        }
        Ok(id)
    })
}

#[tauri::command]
#[specta::specta]
pub async fn rename_family(store: State<'_, Store>, id: i64, name: String) -> AppResult<Family> {
    store.with_tx(|tx| family::rename(tx, id, &name, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn set_family_archived(
    store: State<'_, Store>,
    id: i64,
    archived: bool,
) -> AppResult<Family> {
    store.with_tx(|tx| family::set_archived(tx, id, archived, Utc::now()))
}
