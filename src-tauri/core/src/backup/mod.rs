//! Automatic, verified backups of the school's file. Each is a consistent snapshot (see
//! `db::backup`: `VACUUM INTO` a temporary name, fsync, `integrity_check`, rename) written
//! into the backup folder on the first start of each day, before an import or a restore, and
//! on request; old ones rotate out (7 daily, 4 weekly, 12 monthly). The copies an upgrade
//! writes beside the database are listed with them. The backup folder is a setting of this
//! computer, kept beside the database (`<file>.backup.json`) rather than inside it, so the
//! recovery screen can find the backups when the database itself cannot be read.

mod failure;
pub mod location;
mod names;
pub mod restore;
pub mod rotation;
pub mod space;

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset, Local, NaiveDateTime};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::part_file::PartFile;
use crate::Db;
pub use failure::BackupFailure;
pub use names::{backup_name, parse_backup_name, parse_upgrade_copy, BackupKind};
pub use restore::{validate, RestoreError, Restored};
pub use space::NoSpace;

/// The default backup folder's name, inside the database's folder.
pub const FOLDER_NAME: &str = "backups";

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("an in-memory database has no file to back up")]
    InMemory,
    #[error(transparent)]
    NoSpace(#[from] NoSpace),
    #[error("could not use the backup folder {}: {source}", folder.display())]
    Folder { folder: PathBuf, source: io::Error },
    #[error("the backup folder must be a full path, not {}", .0.display())]
    RelativeFolder(PathBuf),
    #[error(transparent)]
    Snapshot(#[from] crate::db::BackupError),
}

/// Where a backup lies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum BackupPlace {
    /// In the backup folder.
    Folder,
    /// Beside the database: the copy written before an upgrade.
    BesideDatabase,
}

/// One backup as a list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupEntry {
    pub file_name: String,
    pub kind: BackupKind,
    /// Local time, from the file's name.
    pub taken_at: NaiveDateTime,
    pub size: u64,
    pub place: BackupPlace,
    /// Set once the backup has been checked (the recovery screen lists only good ones).
    pub schema_version: Option<u32>,
}

/// A backup and where it is; the path stays on the Rust side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub entry: BackupEntry,
    pub path: PathBuf,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct LocalSettings {
    folder: Option<PathBuf>,
}

fn settings_path(db_path: &Path) -> PathBuf {
    let mut name = db_path.as_os_str().to_os_string();
    name.push(".backup.json");
    PathBuf::from(name)
}

fn stem(db_path: &Path) -> String {
    db_path
        .file_stem()
        .unwrap_or_default()
        .to_string_lossy()
        .into_owned()
}

/// `<database's folder>/backups`.
pub fn default_folder(db_path: &Path) -> PathBuf {
    db_path.parent().unwrap_or(Path::new(".")).join(FOLDER_NAME)
}

/// The folder chosen for this database on this computer, if one was.
pub fn chosen_folder(db_path: &Path) -> Option<PathBuf> {
    let text = fs::read_to_string(settings_path(db_path)).ok()?;
    let settings: LocalSettings = serde_json::from_str(&text).ok()?;
    settings.folder.filter(|f| f.is_absolute())
}

/// Where backups of `db_path` go.
pub fn folder(db_path: &Path) -> PathBuf {
    chosen_folder(db_path).unwrap_or_else(|| default_folder(db_path))
}

/// Chooses the backup folder (None: back to the default), after checking that Encore can
/// write there. Returns the folder now in use.
pub fn set_folder(db_path: &Path, chosen: Option<&Path>) -> Result<PathBuf, BackupError> {
    let settings = settings_path(db_path);
    let Some(chosen) = chosen.filter(|c| *c != default_folder(db_path)) else {
        match fs::remove_file(&settings) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                return Err(BackupError::Folder {
                    folder: settings,
                    source: e,
                })
            }
            _ => return Ok(default_folder(db_path)),
        }
    };
    if !chosen.is_absolute() {
        return Err(BackupError::RelativeFolder(chosen.to_path_buf()));
    }
    let folder_error = |source| BackupError::Folder {
        folder: chosen.to_path_buf(),
        source,
    };
    fs::create_dir_all(chosen).map_err(folder_error)?;
    let probe = chosen.join(".encore-write-test");
    fs::write(&probe, b"encore").map_err(folder_error)?;
    let _ = fs::remove_file(&probe);
    let json = serde_json::to_string_pretty(&LocalSettings {
        folder: Some(chosen.to_path_buf()),
    })
    .map_err(|e| folder_error(io::Error::other(e)))?;
    let saved = PartFile::beside(&settings).and_then(|mut part| {
        part.file().write_all(json.as_bytes())?;
        part.commit()
    });
    saved.map_err(|source| BackupError::Folder {
        folder: settings.clone(),
        source,
    })?;
    Ok(chosen.to_path_buf())
}

/// Writes a verified backup of `db` into `folder`, then lets old ones rotate out (except
/// before a restore).
pub fn create(
    db: &Db,
    folder: &Path,
    kind: BackupKind,
    now: DateTime<FixedOffset>,
) -> Result<Found, BackupError> {
    let db_path = db.path().ok_or(BackupError::InMemory)?;
    space::ensure_free(folder, space::database_bytes(db_path))?;
    fs::create_dir_all(folder).map_err(|source| BackupError::Folder {
        folder: folder.to_path_buf(),
        source,
    })?;
    let taken_at = now.naive_local();
    let file_name = backup_name(&stem(db_path), taken_at, kind);
    let path = folder.join(&file_name);
    let size = db.backup(&path)?;
    // The copy taken before a restore leaves rotation to the next backup: the backup about to
    // be restored may be one that rotation would now drop.
    if kind != BackupKind::BeforeRestore {
        rotate(folder, &stem(db_path), taken_at);
    }
    Ok(Found {
        entry: BackupEntry {
            file_name,
            kind,
            taken_at,
            size,
            place: BackupPlace::Folder,
            schema_version: None,
        },
        path,
    })
}

/// The first backup of the day: written unless the folder already holds one from today.
pub fn daily_if_due(
    db: &Db,
    folder: &Path,
    now: DateTime<FixedOffset>,
) -> Result<Option<Found>, BackupError> {
    let db_path = db.path().ok_or(BackupError::InMemory)?;
    let today = now.naive_local().date();
    let done = in_folder(folder, &stem(db_path))
        .iter()
        .any(|f| f.entry.taken_at.date() == today);
    if done {
        return Ok(None);
    }
    create(db, folder, BackupKind::Daily, now).map(Some)
}

/// Deletes the backups of `stem` in `folder` that the retention no longer keeps; returns
/// them. A file that cannot be deleted stays (and is tried again next time).
pub fn rotate(folder: &Path, stem: &str, now: NaiveDateTime) -> Vec<PathBuf> {
    let found: Vec<(PathBuf, NaiveDateTime)> = in_folder(folder, stem)
        .into_iter()
        .map(|f| (f.path, f.entry.taken_at))
        .collect();
    let mut deleted = rotation::to_delete(&found, now, rotation::RETENTION);
    deleted.retain(|path| match fs::remove_file(path) {
        Ok(()) => true,
        Err(err) => {
            eprintln!(
                "encore: could not remove old backup {}: {err}",
                path.display()
            );
            false
        }
    });
    deleted
}

fn in_folder(folder: &Path, stem: &str) -> Vec<Found> {
    let Ok(entries) = fs::read_dir(folder) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let file_name = e.file_name().to_string_lossy().into_owned();
            let (taken_at, kind) = parse_backup_name(stem, &file_name)?;
            let meta = e.metadata().ok().filter(|m| m.is_file())?;
            Some(Found {
                entry: BackupEntry {
                    file_name,
                    kind,
                    taken_at,
                    size: meta.len(),
                    place: BackupPlace::Folder,
                    schema_version: None,
                },
                path: e.path(),
            })
        })
        .collect()
}

fn beside_database(db_path: &Path) -> Vec<Found> {
    let dir = db_path.parent().unwrap_or(Path::new("."));
    let db_name = db_path.file_name().unwrap_or_default().to_string_lossy();
    let Ok(entries) = fs::read_dir(if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    }) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let file_name = e.file_name().to_string_lossy().into_owned();
            let (at, _version) = parse_upgrade_copy(&db_name, &file_name)?;
            let meta = e.metadata().ok().filter(|m| m.is_file())?;
            Some(Found {
                entry: BackupEntry {
                    file_name,
                    kind: BackupKind::BeforeUpgrade,
                    taken_at: at.with_timezone(&Local).naive_local(),
                    size: meta.len(),
                    place: BackupPlace::BesideDatabase,
                    schema_version: None,
                },
                path: e.path(),
            })
        })
        .collect()
}

/// Every backup of `db_path`: in `folder`, in the default folder when another was chosen,
/// and the upgrade copies beside the database. Newest first.
pub fn list(db_path: &Path, folder: &Path) -> Vec<Found> {
    let stem = stem(db_path);
    let mut all = in_folder(folder, &stem);
    let default = default_folder(db_path);
    if default != folder {
        all.extend(in_folder(&default, &stem));
    }
    all.extend(beside_database(db_path));
    all.sort_by(|a, b| {
        (b.entry.taken_at, &b.entry.file_name).cmp(&(a.entry.taken_at, &a.entry.file_name))
    });
    all.dedup_by(|a, b| a.path == b.path);
    all
}

/// The backup of that name among those `list` shows: a name from the window never reaches
/// the file system as a path.
pub fn find(db_path: &Path, folder: &Path, file_name: &str) -> Option<Found> {
    list(db_path, folder)
        .into_iter()
        .find(|f| f.entry.file_name == file_name)
}

/// The newest `limit` backups that pass the restore checks, newest first, each with its
/// schema version: what the recovery screen offers.
pub fn recovery_candidates(db_path: &Path, folder: &Path, limit: usize) -> Vec<Found> {
    list(db_path, folder)
        .into_iter()
        .filter_map(|mut f| {
            let checked = validate(&f.path).ok()?;
            f.entry.schema_version = Some(checked.schema_version as u32);
            Some(f)
        })
        .take(limit)
        .collect()
}
