//! Backups: a snapshot is a complete, checked copy that opens as the same school.

mod common;

use common::*;
use encore_core::Db;

#[test]
fn a_backup_opens_as_the_same_school_and_replaces_an_older_copy_only_when_good() {
    let dir = tempfile::tempdir().unwrap();
    let live = dir.path().join("school.db");
    let db = Db::open(&live, now()).unwrap();
    db.with_tx(|tx| encore_core::demo::load(tx, now())).unwrap();
    let families = count(&db, "family");
    let target = dir.path().join("backups").join("school-2026-11-22.db");
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    std::fs::write(&target, b"an older, unrelated file").unwrap();
    let size = db.backup(&target).unwrap();
    assert!(size > 10_000);
    let leftovers: Vec<_> = std::fs::read_dir(target.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "no temporary file is left: {leftovers:?}"
    );
    drop(db);
    let copy = Db::open(&target, now()).unwrap();
    assert_eq!(count(&copy, "family"), families);
}

#[test]
fn a_backup_into_a_missing_folder_fails_and_leaves_nothing() {
    let db = db();
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("no-such-folder").join("copy.db");
    assert!(db.backup(&target).is_err());
    assert!(!target.exists());
}
