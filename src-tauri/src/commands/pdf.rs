//! PDFs of the renewal worklist, a statement and meeting briefs, saved where the user
//! chooses in the system's save dialog. The UI never sees the file system: it gets back the
//! path that was written, or None when the dialog was cancelled.

use std::path::PathBuf;

use chrono::{Local, NaiveDate};
use encore_core::backup::space;
use encore_core::error::ValidationCode;
use encore_core::export::ExportFailure;
use encore_core::pdf::{self, Paper};
use encore_core::renewal::{self, WorklistFilter};
use encore_core::script::brief;
use encore_core::settings::Locale;
use encore_core::{statement, student};
use tauri::State;
use tauri_plugin_dialog::DialogExt;

use crate::error::{AppError, AppResult};
use crate::store::Store;

/// Asks where to save, offering `name`; None when the user cancels.
fn ask_where(app: &tauri::AppHandle, name: String) -> Option<PathBuf> {
    app.dialog()
        .file()
        .set_file_name(name)
        .add_filter("PDF", &["pdf"])
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())
}

fn written(path: PathBuf, bytes: &[u8]) -> AppResult<Option<String>> {
    if let Err(full) = space::ensure_free(&path, bytes.len() as u64) {
        eprintln!("encore: PDF refused: {full}");
        return Err(AppError::Export {
            code: ExportFailure::DiskFull,
        });
    }
    pdf::write_file(&path, bytes).map_err(encore_core::Error::from)?;
    Ok(Some(path.display().to_string()))
}

fn today() -> NaiveDate {
    Local::now().date_naive()
}

/// The worklist as the page filters it, headed with the filters in words.
#[tauri::command]
#[specta::specta]
pub async fn save_renewals_pdf(
    app: tauri::AppHandle,
    store: State<'_, Store>,
    filter: WorklistFilter,
    locale: Locale,
    paper: Paper,
) -> AppResult<Option<String>> {
    let today = today();
    let Some(path) = ask_where(&app, pdf::suggested_file_name("renewals", None, today)) else {
        return Ok(None);
    };
    let bytes = store.with_conn(|c| {
        let rows = renewal::worklist(c, &filter, today)?;
        let header = pdf::renewal_header(c, &filter, locale, today)?;
        pdf::renewal_list(&rows, &header, locale, paper)
    })?;
    written(path, &bytes)
}

/// A student's class-hour statement in `locale`, the parent's language.
#[tauri::command]
#[specta::specta]
pub async fn save_statement_pdf(
    app: tauri::AppHandle,
    store: State<'_, Store>,
    student_id: i64,
    locale: Locale,
    paper: Paper,
) -> AppResult<Option<String>> {
    let today = today();
    let name = store.with_conn(|c| Ok(student::get(c, student_id)?.info.name))?;
    let offered = pdf::suggested_file_name("statement", Some(&name), today);
    let Some(path) = ask_where(&app, offered) else {
        return Ok(None);
    };
    let bytes = store.with_conn(|c| {
        pdf::statement(&statement::statement(c, student_id, today)?, locale, paper)
    })?;
    written(path, &bytes)
}

/// The meeting briefs of these families, each on its own pages, all in `locale`.
#[tauri::command]
#[specta::specta]
pub async fn save_briefs_pdf(
    app: tauri::AppHandle,
    store: State<'_, Store>,
    family_ids: Vec<i64>,
    locale: Locale,
    paper: Paper,
) -> AppResult<Option<String>> {
    if family_ids.is_empty() {
        return Err(encore_core::Error::invalid("familyIds", ValidationCode::Required).into());
    }
    let today = today();
    let name = match family_ids.as_slice() {
        [one] => Some(store.with_conn(|c| Ok(encore_core::family::get(c, *one)?.name))?),
        _ => None,
    };
    let kind = if name.is_some() { "brief" } else { "briefs" };
    let offered = pdf::suggested_file_name(kind, name.as_deref(), today);
    let Some(path) = ask_where(&app, offered) else {
        return Ok(None);
    };
    let bytes = store.with_conn(|c| {
        let briefs = family_ids
            .iter()
            .map(|&id| brief::brief(c, id, locale, today))
            .collect::<encore_core::Result<Vec<_>>>()?;
        pdf::briefs(&briefs, paper)
    })?;
    written(path, &bytes)
}
