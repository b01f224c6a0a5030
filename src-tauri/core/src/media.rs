//! Photos and videos of achievements, copied into the data folder under names Encore makes
//! up, so nothing a user picks can write outside it or clash with another file.

use std::collections::HashMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Transaction};
use serde::Serialize;
use specta::Type;

use crate::error::{Error, Result, ValidationCode as Code};
use crate::part_file::PartFile;

/// The folder, inside the data folder, that holds every stored file.
pub const MEDIA_DIR: &str = "media";
pub const MAX_IMAGE_BYTES: u64 = 20 * 1024 * 1024;
pub const MAX_VIDEO_BYTES: u64 = 300 * 1024 * 1024;

text_enum!(MediaType {
    Image = "image",
    Video = "video",
});

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Media {
    pub id: i64,
    pub achievement_id: i64,
    /// The file's name inside the media folder.
    pub stored_name: String,
    pub original_name: String,
    pub media_type: MediaType,
    pub bytes: i64,
}

/// Names Windows reserves for devices: a school may copy its data folder to a Windows PC.
const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// A file name as the user's system gave it: one plain name, no folders, no tricks.
pub fn check_name(name: &str) -> Result<String> {
    let bad = || Error::invalid("file", Code::UnsafeFileName);
    let name = name.trim();
    if name.is_empty()
        || name.len() > 255
        || name.contains(['/', '\\', ':'])
        || name.chars().any(char::is_control)
        || name.starts_with('.')
        || name.contains("..")
    {
        return Err(bad());
    }
    let stem = name.split('.').next().unwrap_or_default().trim_end();
    if RESERVED.iter().any(|r| r.eq_ignore_ascii_case(stem)) {
        return Err(bad());
    }
    Ok(name.to_string())
}

/// The kind of file a name stands for, and its lower-cased extension.
pub fn media_type_of(name: &str) -> Option<(MediaType, String)> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    let kind = match ext.as_str() {
        "jpg" | "jpeg" | "png" | "gif" | "webp" => MediaType::Image,
        "mp4" | "m4v" | "mov" | "webm" => MediaType::Video,
        _ => return None,
    };
    Some((kind, ext))
}

/// Whether the first bytes are what the extension claims: a renamed document is refused.
fn content_matches(ext: &str, head: &[u8]) -> bool {
    match ext {
        "jpg" | "jpeg" => head.starts_with(&[0xFF, 0xD8, 0xFF]),
        "png" => head.starts_with(b"\x89PNG\r\n\x1a\n"),
        "gif" => head.starts_with(b"GIF8"),
        "webp" => head.len() >= 12 && &head[..4] == b"RIFF" && &head[8..12] == b"WEBP",
        "mp4" | "m4v" | "mov" => head.len() >= 8 && &head[4..8] == b"ftyp",
        "webm" => head.starts_with(&[0x1A, 0x45, 0xDF, 0xA3]),
        _ => false,
    }
}

/// Copies `source` into `<data_dir>/media/` and records it on the achievement.
pub fn attach(
    tx: &Transaction,
    data_dir: &Path,
    achievement_id: i64,
    source: &Path,
    now: DateTime<Utc>,
) -> Result<Media> {
    crate::achievement::ensure_exists(tx, achievement_id)?;
    let original = source
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or(Error::invalid("file", Code::UnsafeFileName))?;
    let original = check_name(original)?;
    let (media_type, ext) =
        media_type_of(&original).ok_or(Error::invalid("file", Code::NotMedia))?;
    let unreadable = |_| Error::invalid("file", Code::FileUnreadable);
    let size = fs::metadata(source).map_err(unreadable)?.len();
    let limit = match media_type {
        MediaType::Image => MAX_IMAGE_BYTES,
        MediaType::Video => MAX_VIDEO_BYTES,
    };
    if size > limit {
        return Err(Error::invalid("file", Code::FileTooLarge));
    }
    let mut head = [0u8; 16];
    let read = fs::File::open(source)
        .and_then(|mut f| f.read(&mut head))
        .map_err(unreadable)?;
    if !content_matches(&ext, &head[..read]) {
        return Err(Error::invalid("file", Code::NotMedia));
    }
    let dir = data_dir.join(MEDIA_DIR);
    fs::create_dir_all(&dir).map_err(unreadable)?;
    let stored_name = format!("a{achievement_id}-{:016x}.{ext}", fastrand::u64(..));
    let target = dir.join(&stored_name);
    // A half-copied file never gets a real name.
    fs::File::open(source)
        .and_then(|mut from| {
            let mut part = PartFile::beside(&target)?;
            std::io::copy(&mut from, part.file())?;
            part.commit()
        })
        .map_err(unreadable)?;
    tx.execute(
        "INSERT INTO achievement_media (achievement_id, stored_name, original_name, media_type,
                                        bytes, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            achievement_id,
            stored_name,
            original,
            media_type,
            size as i64,
            now
        ],
    )?;
    Ok(Media {
        id: tx.last_insert_rowid(),
        achievement_id,
        stored_name,
        original_name: original,
        media_type,
        bytes: size as i64,
    })
}

/// Where a stored file lives; None for a name Encore could not have made.
pub fn path_of(data_dir: &Path, stored_name: &str) -> Option<PathBuf> {
    check_name(stored_name).ok()?;
    Some(data_dir.join(MEDIA_DIR).join(stored_name))
}

/// Deletes stored files, e.g. after their achievement was removed. Missing files are fine.
pub fn remove_files(data_dir: &Path, stored_names: &[String]) {
    for name in stored_names {
        if let Some(path) = path_of(data_dir, name) {
            let _ = fs::remove_file(path);
        }
    }
}

pub(crate) fn list_for(
    conn: &Connection,
    achievement_ids: &[i64],
) -> Result<HashMap<i64, Vec<Media>>> {
    let mut out: HashMap<i64, Vec<Media>> = HashMap::new();
    if achievement_ids.is_empty() {
        return Ok(out);
    }
    let ids = achievement_ids
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let mut stmt = conn.prepare(&format!(
        "SELECT id, achievement_id, stored_name, original_name, media_type, bytes
           FROM achievement_media WHERE achievement_id IN ({ids}) ORDER BY id"
    ))?;
    let rows = stmt.query_map([], |r| {
        Ok(Media {
            id: r.get(0)?,
            achievement_id: r.get(1)?,
            stored_name: r.get(2)?,
            original_name: r.get(3)?,
            media_type: r.get(4)?,
            bytes: r.get(5)?,
        })
    })?;
    for m in rows {
        let m = m?;
        out.entry(m.achievement_id).or_default().push(m);
    }
    Ok(out)
}
