//! Opening the database file: exclusivity, identity, health and upgrades.

mod common;

use encore_core::db::{OpenError, APPLICATION_ID, LATEST_VERSION};
use encore_core::Db;
use rusqlite::Connection;

use common::now;

#[test]
fn a_new_file_is_created_migrated_and_marked_as_encore() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested/school.db");
    let db = Db::open(&path, now()).expect("a new file opens");
    let (app_id, version, fk, sync): (i32, i64, bool, i64) = db
        .with_conn(|c| {
            Ok((
                c.query_row("PRAGMA application_id", [], |r| r.get(0))?,
                c.query_row("PRAGMA user_version", [], |r| r.get(0))?,
                c.query_row("PRAGMA foreign_keys", [], |r| r.get(0))?,
                c.query_row("PRAGMA synchronous", [], |r| r.get(0))?,
            ))
        })
        .unwrap();
    assert_eq!(app_id, APPLICATION_ID);
    assert_eq!(version as usize, LATEST_VERSION);
    assert!(fk, "foreign keys keep the ledger honest");
    assert_eq!(sync, 2, "synchronous=FULL survives power cuts");
}

#[test]
fn a_second_instance_is_told_the_file_is_already_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("school.db");
    let first = Db::open(&path, now()).unwrap();
    match Db::open(&path, now()) {
        Err(OpenError::AlreadyOpen { path: p }) => assert_eq!(p, path),
        Err(other) => panic!("expected AlreadyOpen, got {other}"),
        Ok(_) => panic!("two instances must never write the same file"),
    }
    drop(first);
    Db::open(&path, now()).expect("once the first instance quits, the file opens again");
}

#[test]
fn a_file_from_a_newer_encore_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("school.db");
    drop(Db::open(&path, now()).unwrap());
    let future = LATEST_VERSION as i64 + 3;
    Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", future)
        .unwrap();
    match Db::open(&path, now()) {
        Err(OpenError::NewerSchema { found, supported }) => {
            assert_eq!((found as i64, supported), (future, LATEST_VERSION))
        }
        Err(other) => panic!("expected NewerSchema, got {other}"),
        Ok(_) => panic!("an older app must not open a newer file"),
    }
    let version: i64 = Connection::open(&path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, future, "the refused file keeps its version");
}

#[test]
fn a_damaged_file_is_reported_as_damaged() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("school.db");
    std::fs::write(
        &path,
        "this is not a database, it is a shopping list ".repeat(200),
    )
    .unwrap();
    assert!(matches!(
        Db::open(&path, now()),
        Err(OpenError::Damaged { .. })
    ));
}

#[test]
fn another_programs_sqlite_file_is_not_taken_over() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    Connection::open(&path)
        .unwrap()
        .execute_batch("CREATE TABLE invoices (id INTEGER PRIMARY KEY);")
        .unwrap();
    assert!(matches!(Db::open(&path, now()), Err(OpenError::NotEncore)));
}

#[test]
fn an_older_encore_file_is_copied_before_it_is_upgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("school.db");
    // An Encore file from before the first migration: marked as ours, version 0.
    let old = Connection::open(&path).unwrap();
    old.execute_batch(&format!(
        "PRAGMA application_id = {APPLICATION_ID}; CREATE TABLE legacy (x); INSERT INTO legacy VALUES (42);"
    ))
    .unwrap();
    drop(old);

    drop(Db::open(&path, now()).expect("an older Encore file is upgraded"));

    let copies: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".bak"))
        .collect();
    assert_eq!(copies, ["school.db.v0-20261122-093000.bak"]);
    let copy = Connection::open(dir.path().join(&copies[0])).unwrap();
    let kept: i64 = copy
        .query_row("SELECT x FROM legacy", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        kept, 42,
        "the copy holds the data as it was before the upgrade"
    );
}

#[test]
fn a_file_from_the_first_release_is_upgraded_with_its_records_and_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("school.db");
    let mut old = Connection::open(&path).unwrap();
    encore_core::db::migrations_up_to(1)
        .to_latest(&mut old)
        .unwrap();
    old.execute_batch(&format!(
        "PRAGMA application_id = {APPLICATION_ID};
         INSERT INTO family (name, sort_key, created_at, updated_at) VALUES ('张家', 'zhang jia', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
    ))
    .unwrap();
    drop(old);

    let db = Db::open(&path, now()).expect("a version-1 file opens in this build");
    let (families, version): (i64, i64) = db
        .with_conn(|c| {
            Ok((
                c.query_row("SELECT count(*) FROM family", [], |r| r.get(0))?,
                c.query_row("PRAGMA user_version", [], |r| r.get(0))?,
            ))
        })
        .unwrap();
    assert_eq!((families, version as usize), (1, LATEST_VERSION));
    let copy = dir.path().join("school.db.v1-20261122-093000.bak");
    let kept: i64 = Connection::open(&copy)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(kept, 1, "the copy is the file as it was before the upgrade");
}
