//! Photos and videos of achievements: what is refused, and where accepted files end up.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use encore_core::achievement::{self, AchievementInput, AchievementKind};
use encore_core::error::ValidationCode as Code;
use encore_core::media::{self, MAX_IMAGE_BYTES};

const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

fn school_with_achievement() -> (encore_core::Db, i64) {
    let db = db();
    let family = add_family(&db, &zhang_family());
    let student = db
        .with_conn(|c| encore_core::family::detail(c, family))
        .unwrap()
        .students[0]
        .id;
    let a = db
        .with_tx(|tx| {
            achievement::add(
                tx,
                &AchievementInput {
                    student_id: student,
                    kind: AchievementKind::Competition,
                    title: "市少儿钢琴比赛".into(),
                    result: Some("二等奖".into()),
                    occurred_on: "2026-10-18".parse().unwrap(),
                    description: None,
                },
                now(),
            )
        })
        .unwrap();
    (db, a.id)
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.join(name);
    fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn unsafe_names_are_refused() {
    for name in [
        "..",
        "../evil.png",
        "a..png",
        "/etc/passwd",
        "C:\\Windows\\x.png",
        "CON",
        "con.png",
        "LPT1.jpg",
        ".hidden.png",
        "bad\u{7}bell.png",
        "",
    ] {
        assert_eq!(
            validation(media::check_name(name)),
            ("file".to_string(), Code::UnsafeFileName),
            "{name:?}"
        );
    }
    assert_eq!(media::check_name("演出 (1).JPG").unwrap(), "演出 (1).JPG");
    assert!(media::path_of(Path::new("/data"), "../../etc/passwd").is_none());
}

#[test]
fn a_photo_is_copied_inside_the_data_folder_under_a_new_name() {
    let (db, achievement_id) = school_with_achievement();
    let picked = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let source = write(picked.path(), "比赛照片.png", PNG);
    let stored = db
        .with_tx(|tx| media::attach(tx, data.path(), achievement_id, &source, now()))
        .unwrap();
    assert_eq!(stored.original_name, "比赛照片.png");
    assert!(!stored.stored_name.contains(['/', '\\']) && stored.stored_name.ends_with(".png"));
    let path = media::path_of(data.path(), &stored.stored_name).unwrap();
    assert_eq!(fs::read(&path).unwrap(), PNG);
    assert_eq!(
        path.parent().unwrap(),
        data.path().join(media::MEDIA_DIR),
        "stored in the media folder"
    );
    let a = db
        .with_conn(|c| achievement::get(c, achievement_id))
        .unwrap();
    assert_eq!(a.media, vec![stored.clone()]);

    // Deleting the achievement hands back its files, which can then go.
    let files = db
        .with_tx(|tx| achievement::delete(tx, achievement_id))
        .unwrap();
    media::remove_files(data.path(), &files);
    assert!(!path.exists());
}

#[test]
fn documents_renamed_as_photos_and_oversized_files_are_refused_and_nothing_is_kept() {
    let (db, achievement_id) = school_with_achievement();
    let picked = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let attach =
        |path: &Path| db.with_tx(|tx| media::attach(tx, data.path(), achievement_id, path, now()));
    let text = write(picked.path(), "notes.txt", b"hello");
    assert_eq!(validation(attach(&text)).1, Code::NotMedia);
    let fake = write(picked.path(), "fake.png", b"%PDF-1.7 not a picture");
    assert_eq!(validation(attach(&fake)).1, Code::NotMedia);
    let big = write(picked.path(), "huge.png", PNG);
    fs::OpenOptions::new()
        .write(true)
        .open(&big)
        .unwrap()
        .set_len(MAX_IMAGE_BYTES + 1)
        .unwrap();
    assert_eq!(validation(attach(&big)).1, Code::FileTooLarge);
    let missing = picked.path().join("gone.png");
    assert_eq!(validation(attach(&missing)).1, Code::FileUnreadable);
    assert_eq!(count(&db, "achievement_media"), 0);
    let media_dir = data.path().join(media::MEDIA_DIR);
    assert!(!media_dir.exists() || fs::read_dir(media_dir).unwrap().next().is_none());
}
