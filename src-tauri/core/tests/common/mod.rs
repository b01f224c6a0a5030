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

pub mod big_school;
pub mod grown;
pub mod messages;
pub mod renewal;
pub mod scripts;
pub mod timeline;

pub mod hours {
    //! A small music school: one course, one teacher, one class, the 张 children enrolled.
    use super::*;
    use chrono::NaiveDate;
    use encore_core::attendance::{self, AttendanceStatus, Mark, RollCall};
    use encore_core::class::{self, ClassInput};
    use encore_core::course::{self, CourseFormat, CourseInput};
    use encore_core::ledger::{self, Account};
    use encore_core::package::{self, PackageInput};

    pub struct School {
        pub db: Db,
        pub teacher: i64,
        pub course: i64,
        pub class: i64,
        /// 张小明, 张小红 (siblings), then 王一 of another family.
        pub kids: Vec<i64>,
    }

    pub fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    pub fn school(lesson_hours: f64) -> School {
        school_in(db(), lesson_hours)
    }

    /// The same school in a given database (a file, for tests that read its bytes).
    pub fn school_in(db: Db, lesson_hours: f64) -> School {
        let zhang = add_family(&db, &zhang_family());
        let wang = add_family(
            &db,
            &NewFamily {
                name: "王家".into(),
                students: vec![child("王一")],
                ..zhang_family()
            },
        );
        let mut kids: Vec<i64> = Vec::new();
        for f in [zhang, wang] {
            let detail = db.with_conn(|c| family::detail(c, f)).unwrap();
            kids.extend(detail.students.iter().map(|s| s.id));
        }
        let teacher = add_teacher(&db, "陈宇");
        let course = db
            .with_tx(|tx| {
                course::add(
                    tx,
                    &CourseInput {
                        name: "钢琴".into(),
                        format: CourseFormat::Group,
                        lesson_hours,
                    },
                    now(),
                )
            })
            .unwrap()
            .id;
        let class = db
            .with_tx(|tx| {
                class::add(
                    tx,
                    &ClassInput {
                        course_id: course,
                        teacher_id: teacher,
                        name: "周六钢琴A".into(),
                        weekday: 6,
                        start_time: "09:30".into(),
                        student_ids: kids.clone(),
                    },
                    now(),
                )
            })
            .unwrap()
            .id;
        School {
            db,
            teacher,
            course,
            class,
            kids,
        }
    }

    impl School {
        pub fn sell(&self, kid: usize, hours: f64, bonus: f64, from: &str, until: &str) -> i64 {
            self.try_sell(kid, hours, bonus, from, until)
                .expect("a valid package")
        }

        pub fn try_sell(
            &self,
            kid: usize,
            hours: f64,
            bonus: f64,
            from: &str,
            until: &str,
        ) -> Result<i64, Error> {
            self.try_sell_for(kid, hours, bonus, 3600.0, from, until)
        }

        /// A package at a given price (the other helpers charge 3,600 whatever the size).
        pub fn try_sell_for(
            &self,
            kid: usize,
            hours: f64,
            bonus: f64,
            price: f64,
            from: &str,
            until: &str,
        ) -> Result<i64, Error> {
            self.db.with_tx(|tx| {
                package::sell(
                    tx,
                    &PackageInput {
                        student_id: self.kids[kid],
                        course_id: self.course,
                        purchased_hours: hours,
                        bonus_hours: bonus,
                        price,
                        currency: "CNY".into(),
                        purchased_on: day(from),
                        valid_from: day(from),
                        valid_until: day(until),
                        sold_by: self.teacher,
                        rule_override: None,
                    },
                    now().fixed_offset(),
                )
            })
        }

        /// Roll call on `date` at 09:30 with one status per kid (None: not in the session).
        pub fn roll_call(
            &self,
            date: &str,
            marks: &[(usize, AttendanceStatus, bool)],
        ) -> Result<i64, Error> {
            self.db.with_tx(|tx| {
                attendance::save_roll_call(
                    tx,
                    &RollCall {
                        class_id: self.class,
                        starts_at: day(date).and_hms_opt(9, 30, 0).unwrap(),
                        teacher_id: self.teacher,
                        marks: marks
                            .iter()
                            .map(|&(k, status, allow_negative)| Mark {
                                student_id: self.kids[k],
                                status,
                                allow_negative,
                            })
                            .collect(),
                    },
                    now(),
                )
            })
        }

        pub fn account(&self, kid: usize) -> Account {
            self.db
                .with_conn(|c| ledger::account(c, self.kids[kid], self.course, now().date_naive()))
                .unwrap()
        }

        pub fn balance(&self, kid: usize) -> f64 {
            self.account(kid).balance
        }
    }
}

/// Records a guardian's motivation type as staff would at the end of the wizard.
pub fn tag_guardian(
    db: &Db,
    guardian_id: i64,
    primary: encore_core::tagging::MotivationType,
    staff_id: i64,
) {
    use encore_core::tagging::{self, MotivationInput, Questionnaire};
    db.with_tx(|tx| {
        tagging::record(
            tx,
            &Questionnaire::built_in(),
            &MotivationInput {
                guardian_id,
                primary,
                secondary: None,
                answers: vec![],
                tagged_by: staff_id,
            },
            now(),
        )
    })
    .expect("a fixture motivation is valid");
}
