//! Fixtures shared by the core's integration tests: an in-memory school and a fixed clock.
#![allow(dead_code)]

use chrono::{DateTime, Utc};
use encore_core::family::{self, NewFamily, NewFamilyGuardian};
use encore_core::guardian::{ContactChannel, GuardianInfo, Relationship};
use encore_core::staff::{self, StaffInput, StaffRole};
use encore_core::student::{StudentInfo, StudentStatus};
use encore_core::{Db, Error};

pub fn now() -> DateTime<Utc> {
    "2026-11-22T09:30:00Z".parse().unwrap()
}

pub fn db() -> Db {
    Db::open_in_memory().expect("an in-memory database always opens")
}

pub fn guardian(name: &str, mobile: &str) -> GuardianInfo {
    GuardianInfo {
        name: name.into(),
        mobile: Some(mobile.into()),
        preferred_channel: Some(ContactChannel::Wechat),
        ..Default::default()
    }
}

pub fn child(name: &str) -> StudentInfo {
    StudentInfo {
        name: name.into(),
        birth_date: Some("2017-03-14".parse().unwrap()),
        gender: None,
        courses_of_interest: vec!["钢琴".into()],
        skill_level: Some("beginner".into()),
        status: StudentStatus::Active,
        enrolled_on: Some("2025-09-01".parse().unwrap()),
    }
}

/// 张家: mother 李芳 and father 张伟, children 张小明 and 张小红.
pub fn zhang_family() -> NewFamily {
    NewFamily {
        name: "张家".into(),
        guardians: vec![
            NewFamilyGuardian {
                info: guardian("李芳", "138 0013 8000"),
                relationship: Relationship::Mother,
            },
            NewFamilyGuardian {
                info: guardian("张伟", "+86 139-1234-5678"),
                relationship: Relationship::Father,
            },
        ],
        students: vec![child("张小明"), child("张小红")],
    }
}

pub fn add_family(db: &Db, input: &NewFamily) -> i64 {
    db.with_tx(|tx| family::create(tx, input, now()))
        .expect("fixture family is valid")
}

pub fn add_teacher(db: &Db, name: &str) -> i64 {
    db.with_tx(|tx| {
        staff::add(
            tx,
            &StaffInput {
                name: name.into(),
                role: StaffRole::Teacher,
            },
            now(),
        )
    })
    .expect("fixture staff is valid")
    .id
}

/// The field and code of a validation error, or a panic saying what came instead.
pub fn validation<T: std::fmt::Debug>(
    result: Result<T, Error>,
) -> (String, encore_core::error::ValidationCode) {
    match result {
        Err(Error::Validation { field, code }) => (field, code),
        other => panic!("expected a validation error, got {other:?}"),
    }
}

pub fn count(db: &Db, table: &str) -> i64 {
    db.with_conn(|c| Ok(c.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?))
        .unwrap()
}
