//! Communication notes on the family timeline.

mod common;

use chrono::NaiveDateTime;
use common::*;
use encore_core::error::ValidationCode as Code;
use encore_core::guardian::ContactChannel;
use encore_core::note::{self, NoteInput, NoteKind};
use encore_core::{family, search, staff};

fn at(s: &str) -> NaiveDateTime {
    s.parse().unwrap()
}

fn note_input(family_id: i64, author_id: i64, body: &str) -> NoteInput {
    NoteInput {
        family_id,
        student_id: None,
        guardian_id: None,
        author_id,
        channel: ContactChannel::Wechat,
        kind: NoteKind::ProgressUpdate,
        body: body.into(),
        occurred_at: at("2026-11-20T18:00:00"),
    }
}

#[test]
fn notes_appear_newest_first_with_author_and_student() {
    let db = db();
    let id = add_family(&db, &zhang_family());
    let teacher = add_teacher(&db, "陈宇");
    let kid = db.with_conn(|c| family::detail(c, id)).unwrap().students[0].id;
    let mut older = note_input(id, teacher, "报名时沟通：希望培养专注力");
    older.occurred_at = at("2026-09-01T10:00:00");
    older.kind = NoteKind::EnrollmentTalk;
    db.with_tx(|tx| note::add(tx, &older, now())).unwrap();
    let newer = NoteInput {
        student_id: Some(kid),
        ..note_input(id, teacher, "小明这个月进步明显")
    };
    db.with_tx(|tx| note::add(tx, &newer, now())).unwrap();

    let notes = db.with_conn(|c| family::detail(c, id)).unwrap().notes;
    assert_eq!(notes.len(), 2);
    assert_eq!(notes[0].body, "小明这个月进步明显");
    assert_eq!(notes[0].student_name.as_deref(), Some("张小明"));
    assert_eq!(notes[0].author_name, "陈宇");
    assert_eq!(notes[1].kind, NoteKind::EnrollmentTalk);
}

#[test]
fn editing_and_deleting_a_note_updates_the_search() {
    let db = db();
    let id = add_family(&db, &zhang_family());
    let teacher = add_teacher(&db, "Sarah Miller");
    let n = db
        .with_tx(|tx| {
            note::add(
                tx,
                &note_input(id, teacher, "Asked about the spring recital"),
                now(),
            )
        })
        .unwrap();
    let hits = |q: &str| db.with_conn(|c| search::search(c, q, 10)).unwrap().len();
    assert_eq!(hits("recital"), 1);

    let edited = NoteInput {
        body: "Asked about the summer camp".into(),
        ..note_input(id, teacher, "")
    };
    db.with_tx(|tx| note::update(tx, n.id, &edited, now()))
        .unwrap();
    assert_eq!((hits("recital"), hits("summer camp")), (0, 1));

    db.with_tx(|tx| note::delete(tx, n.id, now())).unwrap();
    assert_eq!(hits("summer camp"), 0);
    assert_eq!(
        db.with_conn(|c| family::detail(c, id)).unwrap().notes.len(),
        0
    );
}

#[test]
fn empty_huge_or_misattributed_notes_are_refused() {
    let db = db();
    let id = add_family(&db, &zhang_family());
    let other = add_family(
        &db,
        &encore_core::family::NewFamily {
            name: "王家".into(),
            ..zhang_family()
        },
    );
    let teacher = add_teacher(&db, "陈宇");

    let blank = db.with_tx(|tx| note::add(tx, &note_input(id, teacher, " \n "), now()));
    assert_eq!(validation(blank), ("body".into(), Code::Required));

    let ten_mb = "很".repeat(10 * 1024 * 1024 / 3);
    let huge = db.with_tx(|tx| note::add(tx, &note_input(id, teacher, &ten_mb), now()));
    assert_eq!(validation(huge), ("body".into(), Code::TooLong));

    let foreign_kid = db.with_conn(|c| family::detail(c, other)).unwrap().students[0].id;
    let wrong = NoteInput {
        student_id: Some(foreign_kid),
        ..note_input(id, teacher, "hi")
    };
    assert_eq!(
        validation(db.with_tx(|tx| note::add(tx, &wrong, now()))).1,
        Code::StudentNotInFamily
    );

    db.with_tx(|tx| staff::set_archived(tx, teacher, true, now()))
        .unwrap();
    let gone = db.with_tx(|tx| note::add(tx, &note_input(id, teacher, "hi"), now()));
    assert_eq!(validation(gone).1, Code::StaffArchived);
    assert_eq!(count(&db, "note"), 0);
}
