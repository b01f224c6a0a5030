//! A parent's rights over the family's data: a copy of all of it (JSON and PDF, saved where
//! the user chooses) and erasure.

use std::path::PathBuf;

use chrono::{Local, Utc};
use encore_core::backup::space;
use encore_core::export::ExportFailure;
use encore_core::family;
use encore_core::pdf::{self, Paper};
use encore_core::privacy::{self, ErasureReport};
use encore_core::settings::Locale;
use tauri::State;
use tauri_plugin_dialog::DialogExt;

use crate::error::{AppError, AppResult};
use crate::store::Store;

/// Where to save `name`. `ENCORE_SAVE_DIR`, when set, names a folder to save into without
/// asking: it exists for the end-to-end tests, which cannot drive the system's save dialog.
/// Otherwise the save dialog asks; None when the user cancels.
fn ask_where(app: &tauri::AppHandle, name: String, kind: &str, extension: &str) -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("ENCORE_SAVE_DIR").filter(|d| !d.is_empty()) {
        return Some(PathBuf::from(dir).join(name));
    }
    app.dialog()
        .file()
        .set_file_name(name)
        .add_filter(kind, &[extension])
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
}

fn written(path: PathBuf, bytes: &[u8]) -> AppResult<Option<String>> {
    if let Err(full) = space::ensure_free(&path, bytes.len() as u64) {
        eprintln!("encore: family data refused: {full}");
        return Err(AppError::Export {
            code: ExportFailure::DiskFull,
        });
    }
    pdf::write_file(&path, bytes).map_err(encore_core::Error::from)?;
    Ok(Some(path.display().to_string()))
}

/// Every record of the family as JSON; returns the path written, None when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn save_family_json(
    app: tauri::AppHandle,
    store: State<'_, Store>,
    family_id: i64,
) -> AppResult<Option<String>> {
    let name = store.with_conn(|c| Ok(family::get(c, family_id)?.name))?;
    let offered = privacy::export::suggested_file_name(&name, Local::now().date_naive());
    let Some(path) = ask_where(&app, offered, "JSON", "json") else {
        return Ok(None);
    };
    let bytes = store.with_conn(|c| privacy::family_json(c, family_id, Utc::now()))?;
    written(path, &bytes)
}

/// The same data as a readable PDF in `locale`.
#[tauri::command]
#[specta::specta]
pub async fn save_family_pdf(
    app: tauri::AppHandle,
    store: State<'_, Store>,
    family_id: i64,
    locale: Locale,
    paper: Paper,
) -> AppResult<Option<String>> {
    let today = Local::now().date_naive();
    let name = store.with_conn(|c| Ok(family::get(c, family_id)?.name))?;
    let offered = pdf::suggested_file_name("family", Some(&name), today);
    let Some(path) = ask_where(&app, offered, "PDF", "pdf") else {
        return Ok(None);
    };
    let bytes = store.with_conn(|c| {
        pdf::family_record(
            &privacy::family_document(c, family_id, today)?,
            locale,
            paper,
        )
    })?;
    written(path, &bytes)
}

/// Erases the family for good; `confirm_name` is the family's name as the user typed it.
#[tauri::command]
#[specta::specta]
pub async fn erase_family(
    store: State<'_, Store>,
    family_id: i64,
    confirm_name: String,
) -> AppResult<ErasureReport> {
    let db = store.db()?;
    Ok(privacy::erase_family(
        &db,
        store.data_dir(),
        family_id,
        &confirm_name,
    )?)
}
