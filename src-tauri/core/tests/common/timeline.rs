//! A school's history on fixed dates: packages sold, renewals declined, leads recorded, tried
//! and enrolled, each on the day it happened (the wall clock set to that day), so lifecycle,
//! segments, value and insights can be read on any later day.

use chrono::{DateTime, FixedOffset, NaiveDate};
use encore_core::class::{self, ClassInput};
use encore_core::course::{self, CourseFormat, CourseInput};
use encore_core::guardian::ContactChannel;
use encore_core::lead::{
    self, ConversionInput, LeadSource, OutcomeInput, ProspectInput, TrialInput, TrialResult,
};
use encore_core::lifecycle::{self, Stage, StudentStage};
use encore_core::package::{self, PackageInput};
use encore_core::renewal::{self, DeclineReason, RenewalStatus, StatusInput};

use super::hours::{day, School};
use super::{add_teacher, now};

/// 10:00 in Beijing on `date`.
pub fn on(date: &str) -> DateTime<FixedOffset> {
    format!("{date}T10:00:00+08:00").parse().unwrap()
}

/// Sells `hours` of the school's course to kid `kid`, bought on `from` and valid until `until`.
pub fn sell_on(s: &School, kid: usize, hours: f64, from: &str, until: &str) -> i64 {
    sell_course_on(s, kid, s.course, hours, from, until)
}

pub fn sell_course_on(
    s: &School,
    kid: usize,
    course: i64,
    hours: f64,
    from: &str,
    until: &str,
) -> i64 {
    sell_to(s, s.kids[kid], course, hours, from, until)
}

/// Sells to any student, one enrolled through a lead say.
pub fn sell_to(
    s: &School,
    student_id: i64,
    course: i64,
    hours: f64,
    from: &str,
    until: &str,
) -> i64 {
    s.db.with_tx(|tx| {
        package::sell(
            tx,
            &PackageInput {
                student_id,
                course_id: course,
                purchased_hours: hours,
                bonus_hours: 0.0,
                price: 3600.0,
                currency: "CNY".into(),
                purchased_on: day(from),
                valid_from: day(from),
                valid_until: day(until),
                sold_by: s.teacher,
                rule_override: None,
            },
            on(from),
        )
    })
    .expect("a valid package")
}

/// The family says no to renewing the kid's newest package of `course`, on `date`.
pub fn decline_on(
    s: &School,
    kid: usize,
    course: i64,
    reason: DeclineReason,
    text: Option<&str>,
    date: &str,
) {
    decline_for(s, s.kids[kid], course, reason, text, date)
}

pub fn decline_for(
    s: &School,
    student_id: i64,
    course: i64,
    reason: DeclineReason,
    text: Option<&str>,
    date: &str,
) {
    s.db.with_tx(|tx| {
        renewal::set_status(
            tx,
            &StatusInput {
                student_id,
                course_id: course,
                status: RenewalStatus::Declined,
                meeting_at: None,
                postponed_until: None,
                declined_reason: Some(reason),
                declined_text: text.map(str::to_string),
                renewed_package_id: None,
                author_id: s.teacher,
                channel: ContactChannel::Phone,
                comment: None,
            },
            on(date),
        )
    })
    .expect("a valid decline");
}

pub fn stage_on(s: &School, kid: usize, date: &str) -> StudentStage {
    s.db.with_conn(|c| lifecycle::stage_of(c, s.kids[kid], day(date)))
        .unwrap()
}

pub fn stage(s: &School, kid: usize, date: &str) -> Stage {
    stage_on(s, kid, date).stage
}

/// A second course (舞蹈, group) with its own teacher and class, no students yet.
pub struct Dance {
    pub course: i64,
    pub teacher: i64,
    pub class: i64,
}

/// `students` by id: children enrolled through a lead are not among the school's `kids`.
pub fn dance(s: &School, students: &[i64]) -> Dance {
    let teacher = add_teacher(&s.db, "林舞");
    let course =
        s.db.with_tx(|tx| {
            course::add(
                tx,
                &CourseInput {
                    name: "舞蹈".into(),
                    format: CourseFormat::Group,
                    lesson_hours: 1.0,
                },
                now(),
            )
        })
        .unwrap()
        .id;
    let class =
        s.db.with_tx(|tx| {
            class::add(
                tx,
                &ClassInput {
                    course_id: course,
                    teacher_id: teacher,
                    name: "周日舞蹈".into(),
                    weekday: 7,
                    start_time: "10:00".into(),
                    student_ids: students.to_vec(),
                },
                now(),
            )
        })
        .unwrap()
        .id;
    Dance {
        course,
        teacher,
        class,
    }
}

/// A lead first met on `first_contact` (a walk-in unless `referred_by` names a family).
pub fn lead_input(child: &str, first_contact: &str, source: LeadSource) -> ProspectInput {
    ProspectInput {
        guardian_name: format!("{child}妈妈"),
        phone: Some("137 0000 1234".into()),
        child_name: child.into(),
        child_birth_year: None,
        child_age: Some(7),
        course_id: None,
        source,
        referred_by_family_id: None,
        first_contact_on: first_contact.parse::<NaiveDate>().unwrap(),
        notes: None,
    }
}

pub fn add_lead(s: &School, input: &ProspectInput) -> i64 {
    s.db.with_tx(|tx| lead::add(tx, input, now()))
        .expect("a valid lead")
        .id
}

/// Books a trial of the school's course at 16:00 on `date` and records `result`, if any.
pub fn trial(s: &School, lead_id: i64, date: &str, result: Option<TrialResult>) -> i64 {
    let trial =
        s.db.with_tx(|tx| {
            lead::book_trial(
                tx,
                &TrialInput {
                    prospect_id: lead_id,
                    course_id: s.course,
                    class_id: Some(s.class),
                    scheduled_at: format!("{date}T16:00:00").parse().unwrap(),
                },
                now(),
            )
        })
        .expect("a valid booking");
    if let Some(result) = result {
        s.db.with_tx(|tx| {
            lead::record_outcome(
                tx,
                &OutcomeInput {
                    trial_id: trial.id,
                    result,
                    reason: None,
                    recorded_by: s.teacher,
                },
                now(),
            )
        })
        .expect("a valid outcome");
    }
    trial.id
}

/// Enrolls the lead on `date` with the prefilled family form; returns the new family's id.
pub fn enroll(s: &School, lead_id: i64, date: &str) -> lead::Conversion {
    s.db.with_tx(|tx| {
        let family = lead::draft(tx, lead_id, day(date))?;
        lead::convert(
            tx,
            lead_id,
            &ConversionInput {
                family,
                enrolled_by: s.teacher,
            },
            on(date),
        )
    })
    .expect("a valid conversion")
}
