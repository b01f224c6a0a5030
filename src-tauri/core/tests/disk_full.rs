//! A full disk, on a real small file system: a tmpfs mounted for the test (the tests run as
//! root here and in CI). Backups are refused up front with a clear error, a write that hits
//! the full disk fails and rolls back, the file stays whole, and everything works again once
//! space is freed. Where mounting is not allowed, the same steps run against a simulated full
//! disk (SQLite's `max_page_count` for writes, a measured-free-space stand-in for the check),
//! and the test says so on stderr.

#![cfg(target_os = "linux")]

mod common;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use chrono::{DateTime, FixedOffset};
use common::*;
use encore_core::backup::{self, space, BackupError, BackupFailure, BackupKind};
use encore_core::Db;

struct Tmpfs(PathBuf);

impl Tmpfs {
    fn mount(at: &Path, size: &str) -> Option<Tmpfs> {
        fs::create_dir_all(at).ok()?;
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .stderr(std::process::Stdio::null())
            .status()
            .ok()?;
        status.success().then(|| Tmpfs(at.to_path_buf()))
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

fn at() -> DateTime<FixedOffset> {
    "2026-11-22T09:30:00+08:00".parse().unwrap()
}

/// Fills the file system holding `dir` until the kernel refuses another byte.
fn fill(dir: &Path) -> PathBuf {
    let filler = dir.join("filler.bin");
    let mut file = fs::File::create(&filler).unwrap();
    let block = vec![0xAAu8; 64 * 1024];
    while file.write_all(&block).is_ok() {}
    // The last partial block may have found a few bytes; take them too.
    while file.write_all(&[0xAA]).is_ok() {}
    let _ = file.sync_all();
    filler
}

fn integrity(db: &Db) -> String {
    db.with_conn(|c| Ok(c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?))
        .unwrap()
}

#[test]
fn a_full_disk_is_refused_clearly_loses_nothing_and_passes() {
    let dir = tempfile::tempdir().unwrap();
    let mount_point = dir.path().join("small-disk");
    let Some(tmpfs) = Tmpfs::mount(&mount_point, "24m") else {
        eprintln!("disk_full: cannot mount a tmpfs here; running against a simulated full disk");
        simulated_full_disk(dir.path());
        return;
    };
    let live = tmpfs.0.join("school.db");
    let db = Db::open(&live, now()).unwrap();
    db.with_tx(|tx| encore_core::demo::load(tx, now())).unwrap();
    let families = count(&db, "family");
    let folder = backup::folder(&live);
    backup::create(&db, &folder, BackupKind::Daily, at()).unwrap();

    let filler = fill(&tmpfs.0);

    // The backup is refused before it writes anything, as a full disk.
    let err = backup::create(&db, &folder, BackupKind::Manual, at()).unwrap_err();
    assert!(matches!(err, BackupError::NoSpace(_)), "{err}");
    assert_eq!(err.failure(), BackupFailure::DiskFull);
    assert!(err.to_string().contains("not enough free space"), "{err}");
    // Past the check (the disk filled meanwhile), the snapshot fails and leaves no part file.
    let snapshot = db.backup(&folder.join("direct.db"));
    assert!(snapshot.is_err());
    assert_eq!(
        fs::read_dir(&folder).unwrap().count(),
        1,
        "only the earlier backup"
    );

    // A write that meets the full disk fails whole.
    let mut refused = 0;
    for i in 0..2000 {
        let mut family = zhang_family();
        family.name = format!("满盘{i}");
        match db.with_tx(|tx| encore_core::family::create(tx, &family, now())) {
            Ok(_) => {}
            Err(encore_core::Error::Sqlite(e)) => {
                assert_eq!(
                    e.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::DiskFull),
                    "{e}"
                );
                refused += 1;
                break;
            }
            Err(other) => panic!("unexpected {other}"),
        }
    }
    assert_eq!(refused, 1, "the disk never filled up");
    assert_eq!(integrity(&db), "ok");
    let during = count(&db, "family");
    assert!(during >= families);

    // Space comes back: everything works again, nothing was lost.
    fs::remove_file(&filler).unwrap();
    let id = add_family(&db, &zhang_family());
    assert!(id > 0);
    backup::create(&db, &folder, BackupKind::Manual, at()).unwrap();
    assert_eq!(count(&db, "family"), during + 1);
    drop(db);
    let reopened = Db::open(&live, now()).unwrap();
    assert_eq!(integrity(&reopened), "ok");
    assert_eq!(count(&reopened, "family"), during + 1);
}

/// The same promises where no tmpfs can be mounted.
fn simulated_full_disk(dir: &Path) {
    let live = dir.join("school.db");
    let db = Db::open(&live, now()).unwrap();
    add_family(&db, &zhang_family());
    let err = space::check(dir, 1024, space::database_bytes(&live)).unwrap_err();
    assert!(err.to_string().contains("not enough free space"));
    let pages: i64 = db
        .with_conn(|c| Ok(c.query_row("PRAGMA page_count", [], |r| r.get(0))?))
        .unwrap();
    db.with_conn(|c| Ok(c.pragma_update(None, "max_page_count", pages)?))
        .unwrap();
    let err = (0..2000)
        .find_map(|i| {
            let mut family = zhang_family();
            family.name = format!("满盘{i}");
            db.with_tx(|tx| encore_core::family::create(tx, &family, now()))
                .err()
        })
        .expect("the simulated disk fills up");
    assert!(matches!(err, encore_core::Error::Sqlite(ref e)
        if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull)));
    assert_eq!(integrity(&db), "ok");
    let during = count(&db, "family");
    db.with_conn(|c| Ok(c.pragma_update(None, "max_page_count", 1 << 30)?))
        .unwrap();
    add_family(&db, &zhang_family());
    assert_eq!(count(&db, "family"), during + 1);
}

#[test]
fn the_simulated_full_disk_keeps_the_same_promises() {
    let dir = tempfile::tempdir().unwrap();
    simulated_full_disk(dir.path());
}
