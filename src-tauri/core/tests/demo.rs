//! The demo school generator.

mod common;

use common::*;
use encore_core::error::ConflictCode;
use encore_core::{demo, family, search, Error};

#[test]
fn the_demo_school_is_bilingual_with_siblings_and_notes() {
    let db = db();
    let summary = db.with_tx(|tx| demo::load(tx, now())).unwrap();
    assert!((30..=40).contains(&summary.families));
    assert_eq!(count(&db, "family"), summary.families as i64);
    assert_eq!(count(&db, "note"), summary.notes as i64);

    let families = db.with_conn(|c| family::list(c, false)).unwrap();
    assert!(
        families.iter().any(|f| f.student_names.len() >= 2),
        "some families have siblings"
    );
    assert!(
        families.iter().any(|f| f.name.ends_with('家')),
        "Chinese families"
    );
    assert!(
        families.iter().any(|f| f.name.ends_with("'s family")),
        "English-speaking families"
    );
    for f in &families {
        let mut kids = f.student_names.clone();
        kids.sort();
        kids.dedup();
        assert_eq!(
            kids.len(),
            f.student_names.len(),
            "siblings differ in {}",
            f.name
        );
    }
    let hits = db.with_conn(|c| search::search(c, "zxm", 5)).unwrap();
    assert_eq!(
        hits[0].title, "张小明",
        "the demo answers the example query"
    );
}

#[test]
fn the_same_seed_gives_the_same_school() {
    let names = || {
        let db = db();
        db.with_tx(|tx| demo::generate(tx, 7, 12, now())).unwrap();
        db.with_conn(|c| family::list(c, true))
            .unwrap()
            .into_iter()
            .map(|f| (f.name, f.student_names))
            .collect::<Vec<_>>()
    };
    assert_eq!(names(), names());
}

#[test]
fn the_demo_is_never_loaded_over_real_data() {
    let db = db();
    add_family(&db, &zhang_family());
    let refused = db.with_tx(|tx| demo::load(tx, now()));
    assert!(matches!(
        refused,
        Err(Error::Conflict {
            code: ConflictCode::SchoolNotEmpty
        })
    ));
    assert_eq!(count(&db, "family"), 1);
}
