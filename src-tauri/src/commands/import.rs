//! Roster import. The file is chosen in the system's dialog on the Rust side and kept here,
//! so the window never names a path: it maps the columns, previews, and commits.
//!
//! For end-to-end tests only: when `ENCORE_IMPORT_FILE` is set, `open_import` takes that file
//! instead of showing the dialog, which WebDriver cannot drive.

use std::path::PathBuf;
use std::sync::Mutex;

use chrono::{Local, Utc};
use encore_core::backup::{space, BackupKind};
use encore_core::import::{
    self, CommitOptions, FileProblem, Grid, ImportError, ImportPreview, ImportProgress,
    ImportReport, Mapping, MappingProblem,
};
use encore_core::settings::{self, Locale};
use serde::Serialize;
use specta::Type;
use tauri::ipc::Channel;
use tauri::State;
use tauri_plugin_dialog::DialogExt;

use crate::error::AppError;
use crate::store::Store;

/// The roster file being imported, between choosing it and committing it.
#[derive(Default)]
pub struct OpenRoster(Mutex<Option<Grid>>);

/// Why an import step did not go ahead.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ImportFailure {
    /// The file cannot be imported at all.
    File {
        problem: FileProblem,
    },
    Mapping {
        problem: MappingProblem,
    },
    /// Rows have problems and skipping them was not chosen; nothing was written.
    RowsHaveProblems {
        rows: u32,
    },
    /// Packages and notes are written in the name of the staff member importing.
    StaffRequired,
    /// A row the preview passed was refused while writing; nothing was written.
    Row {
        row: u32,
        error: AppError,
    },
    /// No file is open (the window was reloaded): choose it again.
    NoFile,
    App {
        error: AppError,
    },
}

impl From<AppError> for ImportFailure {
    fn from(error: AppError) -> Self {
        ImportFailure::App { error }
    }
}

impl From<ImportError> for ImportFailure {
    fn from(err: ImportError) -> Self {
        match err {
            ImportError::Mapping(problem) => ImportFailure::Mapping { problem },
            ImportError::RowsHaveProblems { rows } => ImportFailure::RowsHaveProblems { rows },
            ImportError::StaffRequired => ImportFailure::StaffRequired,
            ImportError::Row { row, source } => ImportFailure::Row {
                row,
                error: source.into(),
            },
            ImportError::Domain(e) => ImportFailure::App { error: e.into() },
        }
    }
}

type ImportResult<T> = Result<T, ImportFailure>;

/// A generous estimate of what one imported row writes (records, search index, journal).
const ROW_BYTES: u64 = 16 * 1024;

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportColumn {
    /// The spreadsheet's column letter.
    pub letter: String,
    /// Empty for a column without a header.
    pub header: String,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SampleRow {
    pub row: u32,
    pub cells: Vec<String>,
}

/// A chosen file, ready for its columns to be mapped.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportFile {
    pub file_name: String,
    pub columns: Vec<ImportColumn>,
    pub mapping: Mapping,
    /// True when the mapping is the one used last time for these headers.
    pub remembered: bool,
    pub rows: u32,
    pub first_rows: Vec<SampleRow>,
}

fn pick(app: &tauri::AppHandle, locale: Locale) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("ENCORE_IMPORT_FILE") {
        return Some(path.into());
    }
    let name = match locale {
        Locale::En => "Rosters (CSV, Excel)",
        Locale::ZhCn => "学员名单（CSV、Excel）",
    };
    app.dialog()
        .file()
        .add_filter(name, &["csv", "xlsx", "xls", "txt"])
        .blocking_pick_file()
        .and_then(|p| p.into_path().ok())
}

/// Asks for a roster file and reads it. None when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn open_import(
    app: tauri::AppHandle,
    store: State<'_, Store>,
    roster: State<'_, OpenRoster>,
) -> ImportResult<Option<ImportFile>> {
    let locale = store.with_conn(settings::locale)?.unwrap_or(Locale::En);
    let Some(path) = pick(&app, locale) else {
        return Ok(None);
    };
    let grid = import::read_file(&path).map_err(|problem| ImportFailure::File { problem })?;
    let guess = store.with_conn(|c| import::guess(c, &grid.headers))?;
    let file = ImportFile {
        file_name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        columns: (0..grid.headers.len())
            .map(|i| ImportColumn {
                letter: grid.column_letter(i),
                header: grid.headers[i].clone(),
            })
            .collect(),
        mapping: guess.mapping,
        remembered: guess.remembered,
        rows: grid.rows.len() as u32,
        first_rows: grid
            .rows
            .iter()
            .take(5)
            .map(|r| SampleRow {
                row: r.number,
                cells: (0..grid.headers.len())
                    .map(|c| r.cell(c).display())
                    .collect(),
            })
            .collect(),
    };
    *lock(&roster) = Some(grid);
    Ok(Some(file))
}

fn lock(roster: &OpenRoster) -> std::sync::MutexGuard<'_, Option<Grid>> {
    roster.0.lock().unwrap_or_else(|p| p.into_inner())
}

/// Every row with its problems and what the import would create; writes nothing.
#[tauri::command]
#[specta::specta]
pub async fn preview_import(
    store: State<'_, Store>,
    roster: State<'_, OpenRoster>,
    mapping: Mapping,
) -> ImportResult<ImportPreview> {
    let open = lock(&roster);
    let grid = open.as_ref().ok_or(ImportFailure::NoFile)?;
    let today = Local::now().date_naive();
    store
        .with_conn(|c| Ok(import::preview(c, grid, &mapping, today, Utc::now())))?
        .map_err(ImportFailure::from)
}

/// Imports the open file in one transaction, reporting progress; all or nothing unless
/// `skip_invalid` leaves out the rows with problems.
#[tauri::command]
#[specta::specta]
pub async fn commit_import(
    store: State<'_, Store>,
    roster: State<'_, OpenRoster>,
    mapping: Mapping,
    skip_invalid: bool,
    sold_by: Option<i64>,
    on_progress: Channel<ImportProgress>,
) -> ImportResult<ImportReport> {
    let mut open = lock(&roster);
    let grid = open.as_ref().ok_or(ImportFailure::NoFile)?;
    let options = CommitOptions {
        skip_invalid,
        staff_id: sold_by,
    };
    // Room for the rows and their journal, then a copy of the school as it was before.
    let estimate = grid.rows.len() as u64 * ROW_BYTES;
    if let Err(full) = space::ensure_free(&store.path, estimate) {
        eprintln!("encore: import refused: {full}");
        return Err(AppError::DiskFull.into());
    }
    store.back_up(BackupKind::BeforeImport)?;
    let report = store.db()?.with_tx_as(|tx| {
        import::commit(
            tx,
            grid,
            &mapping,
            options,
            Local::now().fixed_offset(),
            &mut |p| {
                // A closed window no longer listens; the import goes on regardless.
                let _ = on_progress.send(p);
            },
        )
    })?;
    // Imported once: a second click cannot import the same file again.
    *open = None;
    Ok(report)
}
