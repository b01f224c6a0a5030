//! The one search box: names, pinyin, initials, phone digits and Chinese note text.

mod common;

use common::*;
use encore_core::family::{self, NewFamily, NewFamilyGuardian};
use encore_core::guardian::{ContactChannel, Relationship};
use encore_core::note::{self, NoteInput, NoteKind};
use encore_core::search::{self, SearchKind};
use encore_core::Db;

fn school() -> Db {
    let db = db();
    add_family(&db, &zhang_family());
    add_family(
        &db,
        &NewFamily {
            name: "曾家".into(),
            guardians: vec![NewFamilyGuardian {
                info: guardian("单丽", "186 5555 1234"),
                relationship: Relationship::Mother,
            }],
            students: vec![child("曾一凡")],
        },
    );
    add_family(
        &db,
        &NewFamily {
            name: "The Miller family".into(),
            guardians: vec![NewFamilyGuardian {
                info: guardian("Laura Miller", "+1 415 555 0100"),
                relationship: Relationship::Mother,
            }],
            students: vec![child("Emily Miller")],
        },
    );
    db
}

fn names(db: &Db, query: &str) -> Vec<String> {
    db.with_conn(|c| search::search(c, query, 20))
        .unwrap()
        .into_iter()
        .map(|h| h.title)
        .collect()
}

#[test]
fn pinyin_initials_find_the_child_first() {
    let db = school();
    assert_eq!(
        names(&db, "zxm").first().map(String::as_str),
        Some("张小明")
    );
    assert_eq!(
        names(&db, "ZXM").first().map(String::as_str),
        Some("张小明"),
        "case does not matter"
    );
}

#[test]
fn full_pinyin_spaced_or_joined_finds_names() {
    let db = school();
    assert!(names(&db, "zhangxiaoming").contains(&"张小明".to_string()));
    assert!(names(&db, "zhang xiao").contains(&"张小明".to_string()));
}

#[test]
fn surnames_are_found_by_their_surname_reading() {
    let db = school();
    assert_eq!(
        names(&db, "zengyifan"),
        ["曾一凡"],
        "曾 reads zeng as a surname"
    );
    assert_eq!(names(&db, "shanli"), ["单丽"], "单 reads shan as a surname");
    assert!(names(&db, "cengyifan").is_empty());
}

#[test]
fn characters_and_latin_names_are_found_as_typed() {
    let db = school();
    assert_eq!(names(&db, "小明"), ["张小明"]);
    assert_eq!(names(&db, "emily"), ["Emily Miller"]);
    let miller = names(&db, "miller");
    assert_eq!(
        miller[..2],
        ["Emily Miller".to_string(), "Laura Miller".to_string()],
        "students before guardians"
    );
}

#[test]
fn phone_digits_find_guardians_however_they_are_typed() {
    let db = school();
    assert_eq!(names(&db, "13800138000"), ["李芳"]);
    assert_eq!(names(&db, "0013 8000"), ["李芳"], "a fragment with a space");
    assert_eq!(names(&db, "5555-1234"), ["单丽"]);
    assert_eq!(names(&db, "4155550100"), ["Laura Miller"]);
}

#[test]
fn note_text_is_found_by_two_and_three_character_chinese() {
    let db = school();
    let teacher = add_teacher(&db, "陈宇");
    let zhang = db
        .with_conn(|c| family::list(c, false, &Default::default()))
        .unwrap()
        .into_iter()
        .find(|f| f.name == "张家")
        .unwrap()
        .id;
    db.with_tx(|tx| {
        note::add(
            tx,
            &NoteInput {
                family_id: zhang,
                student_id: None,
                guardian_id: None,
                author_id: teacher,
                channel: ContactChannel::InPerson,
                kind: NoteKind::RenewalTalk,
                body: "家长希望下学期参加少儿钢琴比赛，需要提前沟通报名时间。".into(),
                occurred_at: "2026-11-20T18:00:00".parse().unwrap(),
            },
            now(),
        )
    })
    .unwrap();

    for q in ["沟通", "钢琴比赛", "比赛", "少儿钢琴"] {
        let hits = db.with_conn(|c| search::search(c, q, 20)).unwrap();
        let note = hits.iter().find(|h| h.kind == SearchKind::Note);
        let note = note.unwrap_or_else(|| panic!("{q} should find the note, got {hits:?}"));
        assert!(
            note.title.contains(q),
            "the excerpt shows the match: {}",
            note.title
        );
        assert_eq!(note.family_name, "张家");
    }
    assert!(names(&db, "小提琴").is_empty());
}

#[test]
fn archived_people_still_show_but_after_current_ones() {
    let db = school();
    let second = add_family(
        &db,
        &NewFamily {
            name: "张家二".into(),
            ..zhang_family()
        },
    );
    db.with_tx(|tx| family::set_archived(tx, second, true, now()))
        .unwrap();
    let hits = db.with_conn(|c| search::search(c, "zxm", 20)).unwrap();
    assert_eq!(hits.len(), 2);
    assert!(!hits[0].archived && hits[1].archived);
}

#[test]
fn wildcards_and_blank_queries_match_nothing_special() {
    let db = school();
    assert!(names(&db, "   ").is_empty());
    assert!(names(&db, "%").is_empty());
    assert!(names(&db, "_").is_empty());
}
