//! Families, guardians and students: create, edit, archive, and refuse bad input whole.

mod common;

use common::*;
use encore_core::error::{ConflictCode, ValidationCode as Code};
use encore_core::family::{self, NewFamily};
use encore_core::guardian::{self, Relationship};
use encore_core::student::{self, GuardianLink};
use encore_core::Error;

#[test]
fn a_family_is_created_with_siblings_sharing_both_guardians() {
    let db = db();
    let id = add_family(&db, &zhang_family());
    let detail = db.with_conn(|c| family::detail(c, id)).unwrap();

    assert_eq!(detail.family.name, "张家");
    assert_eq!(detail.guardians.len(), 2);
    assert_eq!(detail.students.len(), 2);
    let mother = detail
        .guardians
        .iter()
        .find(|g| g.info.name == "李芳")
        .unwrap();
    assert_eq!(
        mother.info.mobile.as_deref(),
        Some("13800138000"),
        "phones are stored as digits"
    );
    for s in &detail.students {
        let links: Vec<_> = s
            .guardians
            .iter()
            .map(|l| (l.guardian_id, l.relationship))
            .collect();
        assert!(
            links.contains(&(mother.id, Relationship::Mother)),
            "{} is linked to the mother",
            s.info.name
        );
        assert_eq!(links.len(), 2, "each sibling has both guardians");
    }
}

#[test]
fn a_bad_second_child_stores_nothing_and_names_the_field() {
    let db = db();
    let mut input = zhang_family();
    input.students[1].birth_date = Some("2031-01-01".parse().unwrap());

    let (field, code) = validation(db.with_tx(|tx| family::create(tx, &input, now())));
    assert_eq!(
        (field.as_str(), code),
        ("students.1.birthDate", Code::DateInFuture)
    );
    for table in ["family", "guardian", "student", "search_doc"] {
        assert_eq!(count(&db, table), 0, "nothing half-stored in {table}");
    }
}

#[test]
fn blank_names_and_bad_phones_are_refused_per_field() {
    let db = db();
    let mut input = zhang_family();
    input.guardians[1].info.name = "   ".into();
    assert_eq!(
        validation(db.with_tx(|tx| family::create(tx, &input, now()))),
        ("guardians.1.name".into(), Code::Required)
    );
    let mut input = zhang_family();
    input.guardians[0].info.mobile = Some("138-abc".into());
    assert_eq!(
        validation(db.with_tx(|tx| family::create(tx, &input, now()))),
        ("guardians.0.mobile".into(), Code::InvalidPhone)
    );
}

#[test]
fn a_family_needs_a_guardian_and_a_student_needs_one_of_its_own() {
    let db = db();
    let orphan = NewFamily {
        name: "孤儿家".into(),
        guardians: vec![],
        students: vec![child("王一")],
    };
    assert_eq!(
        validation(db.with_tx(|tx| family::create(tx, &orphan, now()))).1,
        Code::GuardianRequired
    );

    let zhang = add_family(&db, &zhang_family());
    let other = add_family(
        &db,
        &NewFamily {
            name: "王家".into(),
            ..zhang_family()
        },
    );
    let other_guardian = db
        .with_conn(|c| guardian::list_for_family(c, other))
        .unwrap()[0]
        .id;
    let none = db.with_tx(|tx| student::add(tx, zhang, &child("张小华"), &[], now()));
    assert_eq!(
        validation(none),
        ("guardians".into(), Code::GuardianRequired)
    );
    let foreign = [GuardianLink {
        guardian_id: other_guardian,
        relationship: Relationship::Mother,
    }];
    let wrong = db.with_tx(|tx| student::add(tx, zhang, &child("张小华"), &foreign, now()));
    assert_eq!(validation(wrong).1, Code::GuardianNotInFamily);
}

#[test]
fn editing_a_student_changes_details_and_guardians() {
    let db = db();
    let id = add_family(&db, &zhang_family());
    let detail = db.with_conn(|c| family::detail(c, id)).unwrap();
    let kid = &detail.students[0];
    let grandma = db
        .with_tx(|tx| guardian::add(tx, id, &guardian("王秀英", "13711112222"), now()))
        .unwrap();

    let mut info = kid.info.clone();
    info.name = "张晓明".into();
    info.skill_level = Some("考级三级".into());
    let links = [GuardianLink {
        guardian_id: grandma.id,
        relationship: Relationship::Grandmother,
    }];
    let edited = db
        .with_tx(|tx| student::update(tx, kid.id, &info, &links, now()))
        .unwrap();

    assert_eq!(edited.info.name, "张晓明");
    assert_eq!(edited.info.skill_level.as_deref(), Some("考级三级"));
    assert_eq!(edited.guardians, links);
}

#[test]
fn archived_records_leave_the_lists_but_not_the_database() {
    let db = db();
    let zhang = add_family(&db, &zhang_family());
    add_family(
        &db,
        &NewFamily {
            name: "曾家".into(),
            ..zhang_family()
        },
    );
    db.with_tx(|tx| family::set_archived(tx, zhang, true, now()))
        .unwrap();

    let active = db
        .with_conn(|c| family::list(c, false, &Default::default()))
        .unwrap();
    assert_eq!(
        active.iter().map(|f| f.name.as_str()).collect::<Vec<_>>(),
        ["曾家"]
    );
    let all = db
        .with_conn(|c| family::list(c, true, &Default::default()))
        .unwrap();
    assert_eq!(all.len(), 2);
    assert!(all.iter().any(|f| f.name == "张家" && f.archived));
    assert_eq!(
        db.with_conn(|c| student::list(c, false, &Default::default()))
            .unwrap()
            .len(),
        2,
        "only 曾家's children remain"
    );

    db.with_tx(|tx| family::set_archived(tx, zhang, false, now()))
        .unwrap();
    assert_eq!(
        db.with_conn(|c| family::list(c, false, &Default::default()))
            .unwrap()
            .len(),
        2,
        "archiving can be undone"
    );
}

#[test]
fn the_last_guardian_of_a_child_cannot_be_archived() {
    let db = db();
    let mut input = zhang_family();
    input.guardians.truncate(1);
    let id = add_family(&db, &input);
    let only = db.with_conn(|c| guardian::list_for_family(c, id)).unwrap()[0].id;
    let refused = db.with_tx(|tx| guardian::set_archived(tx, only, true, now()));
    assert!(matches!(
        refused,
        Err(Error::Conflict {
            code: ConflictCode::GuardianHasStudents
        })
    ));
}

#[test]
fn lists_sort_by_pinyin_with_surname_readings() {
    let db = db();
    for name in ["张家", "曾家", "艾家", "单家", "The Brown family"] {
        add_family(
            &db,
            &NewFamily {
                name: name.into(),
                ..zhang_family()
            },
        );
    }
    let names: Vec<_> = db
        .with_conn(|c| family::list(c, false, &Default::default()))
        .unwrap()
        .into_iter()
        .map(|f| f.name)
        .collect();
    assert_eq!(names, ["艾家", "单家", "The Brown family", "曾家", "张家"]);
}

#[test]
fn a_missing_family_is_not_found() {
    let db = db();
    let r = db.with_conn(|c| family::detail(c, 999));
    assert!(matches!(r, Err(Error::NotFound { id: 999, .. })));
}
