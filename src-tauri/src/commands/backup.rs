//! Backups and restores. Files and folders are chosen in the system's dialogs on this side;
//! the window names a backup only by a file name from a list Encore gave it.
//!
//! For end-to-end tests only: when `ENCORE_RESTORE_FILE` is set, `restore_from_file` takes
//! that file instead of showing the dialog, which WebDriver cannot drive.

use std::path::PathBuf;
use std::time::Duration;

use encore_core::backup::{self, BackupEntry, BackupFailure, BackupKind, Found};
use encore_core::settings::{self, Locale};
use serde::Serialize;
use specta::Type;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;

use crate::error::{AppError, AppResult};
use crate::store::Store;

/// How many checked backups the recovery screen offers.
const RECOVERY_CHOICES: usize = 5;

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupOverview {
    pub folder: String,
    /// The folder is the default one beside the database.
    pub is_default: bool,
    /// Newest first.
    pub backups: Vec<BackupEntry>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RestoreReport {
    /// The file name the replaced database was kept under, beside it.
    pub kept_as: Option<String>,
}

fn overview(store: &Store, found: Vec<Found>) -> BackupOverview {
    let folder = store.backup_folder();
    BackupOverview {
        is_default: folder == backup::default_folder(&store.path),
        folder: folder.display().to_string(),
        backups: found.into_iter().map(|f| f.entry).collect(),
    }
}

fn locale(store: &Store) -> Locale {
    // The recovery screen has no readable file to ask.
    store
        .with_conn(settings::locale)
        .ok()
        .flatten()
        .unwrap_or(Locale::En)
}

fn restore(store: &Store, from: PathBuf) -> AppResult<RestoreReport> {
    let kept = store.restore(&from)?;
    Ok(RestoreReport {
        kept_as: kept.and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned())),
    })
}

/// The backup folder and every backup in it (and the copies made before upgrades).
#[tauri::command]
#[specta::specta]
pub async fn list_backups(store: State<'_, Store>) -> AppResult<BackupOverview> {
    let found = backup::list(&store.path, &store.backup_folder());
    Ok(overview(&store, found))
}

/// The newest backups that pass the restore checks: what the recovery screen offers.
#[tauri::command]
#[specta::specta]
pub async fn recovery_backups(store: State<'_, Store>) -> AppResult<BackupOverview> {
    let found = backup::recovery_candidates(&store.path, &store.backup_folder(), RECOVERY_CHOICES);
    Ok(overview(&store, found))
}

#[tauri::command]
#[specta::specta]
pub async fn back_up_now(store: State<'_, Store>) -> AppResult<BackupEntry> {
    Ok(store.back_up(BackupKind::Manual)?.entry)
}

/// Asks for a folder in the system's dialog and keeps backups there from now on. None when the
/// user cancels.
#[tauri::command]
#[specta::specta]
pub async fn choose_backup_folder(
    app: AppHandle,
    store: State<'_, Store>,
) -> AppResult<Option<String>> {
    let title = match locale(&store) {
        Locale::En => "Folder for Encore's backups",
        Locale::ZhCn => "安可备份文件夹",
    };
    let picked = app
        .dialog()
        .file()
        .set_title(title)
        .set_directory(store.backup_folder())
        .blocking_pick_folder();
    let Some(folder) = picked.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let chosen = backup::set_folder(&store.path, Some(&folder))?;
    Ok(Some(chosen.display().to_string()))
}

/// Back to `<data folder>/backups`.
#[tauri::command]
#[specta::specta]
pub async fn reset_backup_folder(store: State<'_, Store>) -> AppResult<String> {
    Ok(backup::set_folder(&store.path, None)?.display().to_string())
}

/// Restores a backup from the list.
#[tauri::command]
#[specta::specta]
pub async fn restore_backup(
    store: State<'_, Store>,
    file_name: String,
) -> AppResult<RestoreReport> {
    let found =
        backup::find(&store.path, &store.backup_folder(), &file_name).ok_or(AppError::Backup {
            code: BackupFailure::NotFound,
        })?;
    restore(&store, found.path)
}

/// Asks for a backup file in the system's dialog (a copy on a USB stick…) and restores it.
/// None when the user cancels.
#[tauri::command]
#[specta::specta]
pub async fn restore_from_file(
    app: AppHandle,
    store: State<'_, Store>,
) -> AppResult<Option<RestoreReport>> {
    let picked = match std::env::var_os("ENCORE_RESTORE_FILE") {
        Some(path) => Some(PathBuf::from(path)),
        None => {
            let name = match locale(&store) {
                Locale::En => "Encore databases",
                Locale::ZhCn => "安可数据库",
            };
            app.dialog()
                .file()
                .add_filter(name, &["db", "bak", "sqlite"])
                .set_directory(store.backup_folder())
                .blocking_pick_file()
                .and_then(|p| p.into_path().ok())
        }
    };
    let Some(path) = picked else {
        return Ok(None);
    };
    restore(&store, path).map(Some)
}

/// Files above this size wait before the day's backup: copying them holds the school for
/// seconds, and the first screen should paint first.
const LARGE_SCHOOL_BYTES: u64 = 64 << 20;
const LARGE_SCHOOL_WAIT: Duration = Duration::from_secs(20);

/// The first backup of each day, checked at start and then every hour (Encore may stay open
/// for days).
pub fn start_daily_backups(app: &AppHandle) {
    let app = app.clone();
    std::thread::spawn(move || {
        let store = app.state::<Store>();
        let size = std::fs::metadata(&store.path).map(|m| m.len()).unwrap_or(0);
        if size > LARGE_SCHOOL_BYTES {
            std::thread::sleep(LARGE_SCHOOL_WAIT);
        }
        loop {
            app.state::<Store>().daily_backup();
            std::thread::sleep(Duration::from_secs(60 * 60));
        }
    });
}
