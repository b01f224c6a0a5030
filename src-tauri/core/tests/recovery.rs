//! Recovery: a damaged file (truncated, garbage) is refused at open, the recovery path offers
//! the newest good backup, and restoring it brings the school back while the damaged file is
//! kept aside. A bad backup never replaces the live file.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use common::*;
use encore_core::backup::{self, BackupFailure, BackupKind, RestoreError};
use encore_core::db::{OpenError, APPLICATION_ID, LATEST_VERSION};
use encore_core::Db;
use rusqlite::Connection;

fn at(hour: u32) -> DateTime<FixedOffset> {
    format!("2026-11-22T{hour:02}:30:00+08:00").parse().unwrap()
}

/// A school with the 张 family at `dir/school.db` and one backup of it; the database is
/// closed again.
fn school_with_backup(dir: &Path) -> (PathBuf, PathBuf) {
    let live = dir.join("school.db");
    let db = Db::open(&live, now()).unwrap();
    add_family(&db, &zhang_family());
    let found = backup::create(&db, &backup::folder(&live), BackupKind::Daily, at(8)).unwrap();
    (live, found.path)
}

fn families(db: &Db) -> Vec<String> {
    db.with_conn(|c| {
        let mut stmt = c.prepare("SELECT name FROM family ORDER BY id")?;
        let names = stmt
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        Ok(names)
    })
    .unwrap()
}

fn recovers_from(damage: impl Fn(&Path)) {
    let dir = tempfile::tempdir().unwrap();
    let (live, _) = school_with_backup(dir.path());
    damage(&live);
    let damaged = fs::read(&live).unwrap();
    match Db::open(&live, now()) {
        Err(OpenError::Damaged { .. }) => {}
        Err(other) => panic!("expected Damaged, got {other}"),
        Ok(_) => panic!("a damaged file must not open"),
    }

    let offered = backup::recovery_candidates(&live, &backup::folder(&live), 5);
    assert_eq!(offered.len(), 1, "the backup is offered: {offered:?}");
    assert_eq!(offered[0].entry.schema_version, Some(LATEST_VERSION as u32));

    let restored = backup::restore::replace(&live, &offered[0].path, at(9)).unwrap();
    assert_eq!(families(&restored.db), ["张家"]);
    let kept = restored.kept_as.expect("the damaged file is kept");
    assert_eq!(
        kept.file_name().unwrap().to_string_lossy(),
        "school.db.replaced-20261122-093000"
    );
    assert_eq!(fs::read(&kept).unwrap(), damaged, "kept byte for byte");
    drop(restored.db);
    assert_eq!(families(&Db::open(&live, now()).unwrap()), ["张家"]);
}

#[test]
fn a_truncated_file_is_recovered_from_its_backup() {
    recovers_from(|live| {
        let len = fs::metadata(live).unwrap().len();
        fs::OpenOptions::new()
            .write(true)
            .open(live)
            .unwrap()
            .set_len(len / 2)
            .unwrap();
    });
}

#[test]
fn a_file_of_garbage_is_recovered_from_its_backup() {
    recovers_from(|live| {
        let len = fs::metadata(live).unwrap().len() as usize;
        let mut rng = fastrand::Rng::with_seed(8);
        fs::write(live, (0..len).map(|_| rng.u8(..)).collect::<Vec<u8>>()).unwrap();
    });
}

#[test]
fn a_stale_wal_goes_aside_with_the_damaged_file() {
    recovers_from(|live| {
        fs::write(live, b"garbage").unwrap();
        fs::write(format!("{}-wal", live.display()), vec![7u8; 4096]).unwrap();
    });
}

#[test]
fn a_damaged_backup_is_not_offered_and_never_replaces_the_live_file() {
    let dir = tempfile::tempdir().unwrap();
    let (live, copy) = school_with_backup(dir.path());
    // Damage the backup past its first page: it still looks like SQLite.
    let mut bytes = fs::read(&copy).unwrap();
    let start = 4096.min(bytes.len() / 2);
    for b in &mut bytes[start..] {
        *b = 0x5A;
    }
    fs::write(&copy, &bytes).unwrap();
    let before = fs::read(&live).unwrap();

    assert!(backup::recovery_candidates(&live, &backup::folder(&live), 5).is_empty());
    let err = backup::restore::replace(&live, &copy, at(9)).err().unwrap();
    assert!(matches!(err, RestoreError::Damaged { .. }), "{err}");
    assert_eq!(err.failure(), BackupFailure::Damaged);
    assert_eq!(
        fs::read(&live).unwrap(),
        before,
        "the live file is untouched"
    );
    assert_eq!(families(&Db::open(&live, now()).unwrap()), ["张家"]);
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("restoring") || n.contains("replaced"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn foreign_newer_and_same_files_are_refused_before_anything_moves() {
    let dir = tempfile::tempdir().unwrap();
    let (live, copy) = school_with_backup(dir.path());
    let foreign = dir.path().join("other.sqlite");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let newer = dir.path().join("newer.db");
    fs::copy(&copy, &newer).unwrap();
    Connection::open(&newer)
        .unwrap()
        .pragma_update(None, "user_version", LATEST_VERSION as i64 + 1)
        .unwrap();
    let cases = [
        (foreign, BackupFailure::NotEncore),
        (newer, BackupFailure::NewerSchema),
        (live.clone(), BackupFailure::SameFile),
        (dir.path().join("missing.db"), BackupFailure::FolderMissing),
    ];
    let before = fs::read(&live).unwrap();
    for (file, failure) in cases {
        let err = backup::restore::replace(&live, &file, at(9)).err().unwrap();
        assert_eq!(err.failure(), failure, "{}: {err}", file.display());
        assert_eq!(fs::read(&live).unwrap(), before);
    }
}

#[test]
fn a_backup_from_an_older_encore_is_upgraded_as_it_is_restored() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("v1.db");
    let mut conn = Connection::open(&old).unwrap();
    encore_core::db::migrations_up_to(1)
        .to_latest(&mut conn)
        .unwrap();
    conn.execute_batch(&format!(
        "PRAGMA application_id = {APPLICATION_ID};
         INSERT INTO family (name, sort_key, created_at, updated_at)
         VALUES ('王家', 'wang jia', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
    ))
    .unwrap();
    drop(conn);
    let live = dir.path().join("school.db");
    drop(Db::open(&live, now()).unwrap());

    let restored = backup::restore::replace(&live, &old, at(9)).unwrap();
    assert_eq!(families(&restored.db), ["王家"]);
    let version: i64 = restored
        .db
        .with_conn(|c| Ok(c.query_row("PRAGMA user_version", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(version as usize, LATEST_VERSION);
    assert!(old.exists(), "the chosen backup itself is left as it was");
}

#[test]
fn a_healthy_school_round_trips_through_backup_and_restore() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("school.db");
    let db = Db::open(&live, now()).unwrap();
    add_family(&db, &zhang_family());
    let folder = backup::folder(&live);
    let first = backup::create(&db, &folder, BackupKind::Manual, at(8)).unwrap();
    db.with_tx(|tx| {
        encore_core::family::rename(tx, 1, "张家（新）", now())?;
        Ok(())
    })
    .unwrap();
    drop(db);

    let restored = backup::restore::replace(&live, &first.path, at(10)).unwrap();
    assert_eq!(families(&restored.db), ["张家"]);
    let kept = Db::open(restored.kept_as.as_ref().unwrap(), now()).unwrap();
    assert_eq!(
        families(&kept),
        ["张家（新）"],
        "the replaced school is kept"
    );
}
