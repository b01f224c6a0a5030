use chrono::Utc;
use encore_core::backup::location::StorageRisk;
use encore_core::db::OpenFailureCode;
use encore_core::settings::{self, Locale};
use encore_core::{demo, family};
use serde::Serialize;
use specta::Type;
use tauri::State;

use crate::error::AppResult;
use crate::store::Store;

/// What the window needs before it can draw anything.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    /// The saved choice, else the operating system's language.
    pub locale: Locale,
    pub db_path: String,
    /// Set when the database could not be opened; the UI shows why and nothing else.
    pub failure: Option<OpenFailureCode>,
    /// No families yet: the moment to offer the demo school.
    pub empty: bool,
    /// The file is in a sync folder or on a network drive: the window warns.
    pub storage_risk: Option<StorageRisk>,
}

fn system_locale() -> Locale {
    sys_locale::get_locale()
        .map(|tag| Locale::from_system(&tag))
        .unwrap_or(Locale::En)
}

#[tauri::command]
#[specta::specta]
pub async fn app_status(store: State<'_, Store>) -> AppResult<AppStatus> {
    let db_path = store.path.display().to_string();
    if let Some(code) = store.failure() {
        return Ok(AppStatus {
            locale: system_locale(),
            db_path,
            failure: Some(code),
            empty: false,
            storage_risk: store.risk.clone(),
        });
    }
    // Answered while the passcode lock is closed: the window needs its language to ask.
    let (saved, empty) = store
        .db_while_locked()?
        .with_conn(|c| Ok((settings::locale(c)?, family::is_empty(c)?)))?;
    Ok(AppStatus {
        locale: saved.unwrap_or_else(system_locale),
        db_path,
        failure: None,
        empty,
        storage_risk: store.risk.clone(),
    })
}

#[tauri::command]
#[specta::specta]
pub async fn set_locale(store: State<'_, Store>, locale: Locale) -> AppResult<()> {
    store.with_tx(|tx| settings::set_locale(tx, locale))
}

#[tauri::command]
#[specta::specta]
pub async fn load_demo(store: State<'_, Store>) -> AppResult<()> {
    store.with_tx(|tx| demo::load(tx, Utc::now()).map(|_| ()))
}

#[tauri::command]
#[specta::specta]
pub async fn get_policy(store: State<'_, Store>) -> AppResult<settings::ClassHourPolicy> {
    store.with_conn(settings::policy)
}

#[tauri::command]
#[specta::specta]
pub async fn set_policy(
    store: State<'_, Store>,
    policy: settings::ClassHourPolicy,
) -> AppResult<()> {
    store.with_tx(|tx| settings::set_policy(tx, &policy))
}

#[tauri::command]
#[specta::specta]
pub async fn get_school_name(store: State<'_, Store>) -> AppResult<Option<String>> {
    store.with_conn(settings::school_name)
}

/// Blank removes the name; returns what was stored.
#[tauri::command]
#[specta::specta]
pub async fn set_school_name(store: State<'_, Store>, name: String) -> AppResult<Option<String>> {
    store.with_tx(|tx| settings::set_school_name(tx, &name))
}
