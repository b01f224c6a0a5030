//! Automatic backups on disk: one on the first start of each day, rotation in the folder,
//! the folder setting, and the list the window shows (with the copies made before upgrades).

mod common;

use std::fs;

use chrono::{DateTime, Duration, FixedOffset};
use common::*;
use encore_core::backup::{self, BackupError, BackupKind, BackupPlace};
use encore_core::db::APPLICATION_ID;
use encore_core::Db;
use rusqlite::Connection;

fn day(n: i64) -> DateTime<FixedOffset> {
    let first: DateTime<FixedOffset> = "2026-01-01T08:15:00+08:00".parse().unwrap();
    first + Duration::days(n)
}

fn names(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_first_start_of_a_day_writes_one_verified_backup() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("encore.db");
    let db = Db::open(&live, now()).unwrap();
    let folder = backup::folder(&live);
    assert_eq!(folder, dir.path().join("backups"));

    let first = backup::daily_if_due(&db, &folder, day(0)).unwrap().unwrap();
    assert_eq!(first.entry.file_name, "encore-2026-01-01-081500-daily.db");
    assert!(backup::validate(&first.path).is_ok());
    let later = day(0) + Duration::hours(9);
    assert!(backup::daily_if_due(&db, &folder, later).unwrap().is_none());
    // Any backup from today counts: a manual one in the morning makes the daily one done.
    backup::create(&db, &folder, BackupKind::Manual, day(1)).unwrap();
    assert!(
        backup::daily_if_due(&db, &folder, day(1) + Duration::hours(1))
            .unwrap()
            .is_none()
    );
    assert!(backup::daily_if_due(&db, &folder, day(2))
        .unwrap()
        .is_some());
    assert_eq!(names(&folder).len(), 3);
}

#[test]
fn old_backups_rotate_out_and_other_files_are_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("encore.db");
    let db = Db::open(&live, now()).unwrap();
    let folder = backup::folder(&live);
    fs::create_dir_all(&folder).unwrap();
    let strangers = [
        "encore-demo-2025-01-01-080000-daily.db",
        "notes.txt",
        "encore-copy.db",
    ];
    for name in strangers {
        fs::write(folder.join(name), b"not ours").unwrap();
    }
    for n in 0..75 {
        backup::daily_if_due(&db, &folder, day(n)).unwrap();
    }
    let left = names(&folder);
    for name in strangers {
        assert!(left.contains(&name.to_string()), "{name} was deleted");
    }
    let ours: Vec<_> = left
        .iter()
        .filter(|n| n.ends_with("-daily.db") && n.starts_with("encore-2026"))
        .collect();
    // 75 days from 1 January: 7 days, the newest of 4 weeks and of 3 months, overlapping.
    assert!(ours.len() <= 7 + 4 + 12, "{ours:?}");
    assert!(ours.contains(&&"encore-2026-03-16-081500-daily.db".to_string()));
    assert!(
        ours.contains(&&"encore-2026-01-31-081500-daily.db".to_string()),
        "{ours:?}"
    );
    assert!(!ours.contains(&&"encore-2026-01-30-081500-daily.db".to_string()));
}

#[test]
fn the_backup_folder_is_a_setting_kept_beside_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("encore.db");
    let usb = dir.path().join("usb/encore backups");
    assert_eq!(backup::set_folder(&live, Some(&usb)).unwrap(), usb);
    assert_eq!(backup::folder(&live), usb);
    assert!(usb.is_dir(), "the folder is made");
    assert!(matches!(
        backup::set_folder(&live, Some(std::path::Path::new("relative/dir"))),
        Err(BackupError::RelativeFolder(_))
    ));
    let blocked = dir.path().join("a-file");
    fs::write(&blocked, b"x").unwrap();
    let err = backup::set_folder(&live, Some(&blocked)).unwrap_err();
    assert!(matches!(err, BackupError::Folder { .. }), "{err}");
    assert_eq!(
        backup::folder(&live),
        usb,
        "a refused choice changes nothing"
    );

    let db = Db::open(&live, now()).unwrap();
    let made = backup::create(&db, &backup::folder(&live), BackupKind::Manual, day(0)).unwrap();
    assert!(made.path.starts_with(&usb));

    assert_eq!(
        backup::set_folder(&live, None).unwrap(),
        dir.path().join("backups")
    );
    assert_eq!(backup::folder(&live), dir.path().join("backups"));
}

#[test]
fn the_list_shows_backups_and_upgrade_copies_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("school.db");
    // A file from the first release: opening it writes a copy beside it.
    let mut old = Connection::open(&live).unwrap();
    encore_core::db::migrations_up_to(1)
        .to_latest(&mut old)
        .unwrap();
    old.pragma_update(None, "application_id", APPLICATION_ID)
        .unwrap();
    drop(old);
    let db = Db::open(&live, now()).unwrap();
    let folder = backup::folder(&live);
    backup::create(&db, &folder, BackupKind::BeforeImport, day(400)).unwrap();
    backup::create(&db, &folder, BackupKind::Manual, day(401)).unwrap();

    let listed = backup::list(&live, &folder);
    let kinds: Vec<_> = listed.iter().map(|f| f.entry.kind).collect();
    assert_eq!(
        kinds,
        [
            BackupKind::Manual,
            BackupKind::BeforeImport,
            BackupKind::BeforeUpgrade
        ]
    );
    assert_eq!(listed[2].entry.place, BackupPlace::BesideDatabase);
    assert!(listed.iter().all(|f| f.entry.size > 0));
    let name = &listed[2].entry.file_name;
    assert_eq!(
        backup::find(&live, &folder, name).unwrap().path,
        listed[2].path
    );
    assert!(backup::find(&live, &folder, "../school.db").is_none());
    assert!(backup::find(&live, &folder, "school.db").is_none());

    let offered = backup::recovery_candidates(&live, &folder, 2);
    assert_eq!(offered.len(), 2, "only as many as asked");
    assert_eq!(
        offered[1].entry.schema_version,
        Some(encore_core::db::LATEST_VERSION as u32)
    );
    drop(db);
    let upgrade_copy = backup::recovery_candidates(&live, &folder, 5)
        .pop()
        .unwrap();
    assert_eq!(upgrade_copy.entry.schema_version, Some(1));
}
