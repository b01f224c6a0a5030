//! Lists out as CSV or Excel: the target is chosen in the system's save dialog on this side,
//! progress streams to the window through a channel, and Cancel stops the export without
//! leaving a file.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use chrono::Local;
use encore_core::backup::space;
use encore_core::export::{
    self, ExportError, ExportFailure, ExportFormat, ExportList, ExportProgress,
};
use encore_core::settings::Locale;
use tauri::ipc::Channel;
use tauri::State;
use tauri_plugin_dialog::DialogExt;

use crate::error::{AppError, AppResult};
use crate::store::Store;

/// A generous estimate of one exported row in CSV or Excel.
const EXPORT_ROW_BYTES: u64 = 1024;

/// The Cancel button's flag, shared with the export running on a worker thread.
#[derive(Default)]
pub struct ExportCancel(Arc<AtomicBool>);

/// Asks where to save the list and writes it there. The saved file's path, or None when the
/// user closed the dialog or cancelled the export (nothing is written then).
#[tauri::command]
#[specta::specta]
pub async fn export_list(
    app: tauri::AppHandle,
    store: State<'_, Store>,
    cancel: State<'_, ExportCancel>,
    list: ExportList,
    format: ExportFormat,
    locale: Locale,
    on_progress: Channel<ExportProgress>,
) -> AppResult<Option<String>> {
    // Reset first: a Cancel from an earlier export must not stop this one.
    let flag = Arc::clone(&cancel.0);
    flag.store(false, Ordering::Relaxed);
    let today = Local::now().date_naive();
    let table = store.with_conn(|c| export::table_of(c, &list, locale, today))?;
    let (kind, extension) = match format {
        ExportFormat::Csv => ("CSV", "csv"),
        ExportFormat::Xlsx => ("Excel", "xlsx"),
    };
    let picked = app
        .dialog()
        .file()
        .set_file_name(export::file_name(&table, format, today))
        .add_filter(kind, &[extension])
        .blocking_save_file();
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let path = export::with_extension(path, format);
    // A full disk is refused before the first byte, in the words of a failed export.
    let estimate = table.rows.len() as u64 * EXPORT_ROW_BYTES;
    if let Err(full) = space::ensure_free(&path, estimate) {
        eprintln!("encore: export refused: {full}");
        return Err(AppError::Export {
            code: ExportFailure::DiskFull,
        });
    }
    let target = path.clone();
    let written = tauri::async_runtime::spawn_blocking(move || {
        export::write(&table, format, &target, &flag, &mut |p| {
            // A closed window stops listening; the file is still worth finishing.
            let _ = on_progress.send(p);
        })
    })
    .await
    .map_err(|_| AppError::Internal)?;
    match written {
        Ok(()) => Ok(Some(path.display().to_string())),
        Err(ExportError::Cancelled) => Ok(None),
        Err(err) => Err(err.into()),
    }
}

#[tauri::command]
#[specta::specta]
pub async fn cancel_export(cancel: State<'_, ExportCancel>) -> AppResult<()> {
    cancel.0.store(true, Ordering::Relaxed);
    Ok(())
}
