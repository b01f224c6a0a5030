//! Rows with problems: each named at its row and column, nothing written unless the caller
//! asks to skip them, duplicates within the file and students Encore already has.

mod common;
mod import_support;

use common::*;
use encore_core::import::{self, CommitOptions, ImportError, RowProblemCode as P};
use import_support::*;

#[test]
fn every_problem_is_named_at_its_row_and_column_and_nothing_is_written() {
    let db = db();
    let admin = add_teacher(&db, "陈宇");
    let g = grid("roster-problems.csv");
    let p = preview(&db, &g);
    let found: Vec<(u32, Option<String>, P)> = p
        .rows
        .iter()
        .flat_map(|r| {
            r.problems
                .iter()
                .map(move |x| (r.row, x.letter.clone(), x.code))
        })
        .collect();
    let at = |row, letter: &str, code| (row, Some(letter.to_string()), code);
    assert_eq!(
        found,
        [
            at(3, "A", P::Required),
            at(4, "C", P::InvalidPhone),
            at(5, "D", P::DateInFuture),
            at(6, "D", P::InvalidDate),
            at(7, "E", P::CourseRequired),
            at(8, "G", P::RemainingAbovePurchased),
            at(9, "H", P::PackageEnded),
            at(10, "A", P::DuplicateStudent),
            at(11, "B", P::GuardianRequired),
            at(12, "F", P::NotHalfHours),
        ]
    );
    assert_eq!((p.counts.problem_rows, p.counts.families), (10, 1));

    let refused = commit(&db, &g, false, admin).unwrap_err();
    assert!(
        matches!(refused, ImportError::RowsHaveProblems { rows: 10 }),
        "{refused:?}"
    );
    for table in ["family", "student", "package", "ledger_entry", "course"] {
        assert_eq!(count(&db, table), 0, "{table}: nothing is written");
    }
}

#[test]
fn skipping_rows_with_problems_writes_only_the_good_rows() {
    let db = db();
    let admin = add_teacher(&db, "陈宇");
    let report = commit(&db, &grid("roster-problems.csv"), true, admin).unwrap();
    assert_eq!(report.skipped_rows, 10);
    assert_eq!((report.counts.families, report.counts.students), (1, 1));
    assert_eq!(
        families(&db)[0].student_names,
        ["张三"],
        "row 2, not its duplicate in row 10"
    );
    assert_eq!(count(&db, "student"), 1);
    assert_eq!(count(&db, "package"), 1);
}

#[test]
fn ragged_rows_are_read_and_the_bad_one_is_named() {
    let db = db();
    let p = preview(&db, &grid("roster-ragged.csv"));
    let bad: Vec<_> = p.rows.iter().filter(|r| !r.problems.is_empty()).collect();
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].row, 7);
    let codes: Vec<_> = bad[0]
        .problems
        .iter()
        .map(|x| (x.letter.as_deref(), x.code))
        .collect();
    assert_eq!(
        codes,
        [(Some("C"), P::InvalidPhone), (Some("E"), P::InvalidHours)]
    );
    assert_eq!(p.counts.families, 3);
}

#[test]
fn importing_the_same_roster_twice_is_refused_row_by_row() {
    let db = db();
    let admin = add_teacher(&db, "陈宇");
    let g = grid("roster-gbk.csv");
    commit(&db, &g, false, admin).unwrap();
    let again = preview(&db, &g);
    assert_eq!(again.counts.problem_rows, 6);
    assert!(again
        .rows
        .iter()
        .all(|r| r.problems[0].code == P::AlreadyInEncore));
    assert!(commit(&db, &g, false, admin).is_err());
    assert_eq!(count(&db, "family"), 4);
}

#[test]
fn packages_and_notes_need_someone_importing_them() {
    let db = db();
    let g = grid("roster-gbk.csv");
    let mapping = guessed(&db, &g);
    let err = db
        .with_tx_as(|tx| {
            import::commit(
                tx,
                &g,
                &mapping,
                CommitOptions::default(),
                local_now(),
                &mut |_| {},
            )
        })
        .unwrap_err();
    assert!(matches!(err, ImportError::StaffRequired), "{err:?}");
    assert_eq!(count(&db, "family"), 0);
}
