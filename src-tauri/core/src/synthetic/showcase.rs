//! What the renewal conversation is built from: next term's plan per course and level (the
//! demo's), five years of competitions, exams, recitals, camps and showcases with the next
//! half year's still to come, and the students' achievements over their years here, with this
//! term's for about half of those on the roll.

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::{params, Transaction};

use crate::achievement::AchievementKind as A;
use crate::demo::pick;
use crate::demo::scripts::{ACHIEVEMENTS, PLANS};
use crate::error::Result;
use crate::opportunity::{self, OpportunityInput, OpportunityKind as O};
use crate::student::StudentStatus;

use super::calendar::{between, office_hours};
use super::Register;

/// Achievements beyond the demo's: certificates, and results worth a second look.
const MORE_ACHIEVEMENTS: &[(A, &str, Option<&str>)] = &[
    (A::Certificate, "结业证书 · Course certificate", None),
    (A::Certificate, "优秀学员 · Student of the term", None),
    (
        A::Grading,
        "三级考试 · Grade 3 exam",
        Some("优秀 · Distinction"),
    ),
    (A::Performance, "春季汇报演出 · Spring recital", None),
    (
        A::Competition,
        "市青少年艺术节 · City Youth Arts Festival",
        Some("金奖 · Gold award"),
    ),
];

/// An event of every year: kind, month and day, title, and the levels it suits.
type Event = (
    O,
    u32,
    u32,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

/// Each course's own events.
const COURSE_EVENTS: &[Event] = &[
    (
        O::Competition,
        4,
        20,
        "春季少儿公开赛 · Spring Junior Open",
        Some("beginner"),
        Some("intermediate"),
    ),
    (
        O::Exam,
        7,
        8,
        "夏季考级 · Summer grading exam",
        Some("intermediate"),
        Some("advanced"),
    ),
    (
        O::Competition,
        11,
        12,
        "高级组邀请赛 · Advanced Invitational",
        Some("advanced"),
        Some("advanced"),
    ),
];
/// The whole school's.
const SCHOOL_EVENTS: &[Event] = &[
    (
        O::Recital,
        1,
        12,
        "新年汇报演出 · New Year recital",
        None,
        None,
    ),
    (O::Camp, 7, 20, "暑期集训营 · Summer camp", None, None),
    (
        O::Showcase,
        11,
        28,
        "秋季成果展 · Autumn showcase",
        None,
        None,
    ),
];

pub(super) fn write(tx: &Transaction, rng: &mut fastrand::Rng, reg: &Register) -> Result<()> {
    let (cal, courses) = (reg.cal, reg.courses);
    for &course in courses {
        for (level, plan) in PLANS {
            opportunity::set_plan(tx, course, level, plan, cal.now)?;
        }
    }
    let horizon = cal.today + Duration::days(180);
    for year in cal.start.year()..=horizon.year() {
        let targets = courses.iter().map(|&c| (Some(c), COURSE_EVENTS));
        for (i, (course, events)) in targets
            .chain(std::iter::once((None, SCHOOL_EVENTS)))
            .enumerate()
        {
            for &(kind, month, day, title, min, max) in events {
                let Some(on) = NaiveDate::from_ymd_opt(year, month, day)
                    .map(|d| d + Duration::days(3 * i as i64))
                    .filter(|d| *d >= cal.start && *d <= horizon)
                else {
                    continue;
                };
                let input = OpportunityInput {
                    kind,
                    title: format!("{year} {title}"),
                    happens_on: on,
                    course_id: course,
                    level_min: min.map(Into::into),
                    level_max: max.map(Into::into),
                    description: None,
                };
                // Announced about two months ahead.
                let announced = (on - Duration::days(60)).max(cal.start).min(cal.today);
                opportunity::save(tx, None, &input, cal.stamp(announced, 10 * 60))?;
            }
        }
    }
    achievements(tx, rng, reg)
}

/// Most years bring a student something to show: about four achievements in five years of
/// lessons, and one this term for half of those on the roll.
fn achievements(tx: &Transaction, rng: &mut fastrand::Rng, reg: &Register) -> Result<()> {
    let cal = reg.cal;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO achievement (student_id, kind, title, result, occurred_on, description,
                                  created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, NULL, ?6, ?6)",
    )?;
    let all: Vec<&(A, &str, Option<&str>)> = ACHIEVEMENTS.iter().chain(MORE_ACHIEVEMENTS).collect();
    let yesterday = cal.today - Duration::days(1);
    for pupil in &reg.school.pupils {
        let Some(enrolled) = pupil.info.enrolled_on else {
            continue;
        };
        let first = enrolled + Duration::days(60);
        let last = pupil.stops.min(yesterday);
        let years = (last - first).num_days() as f64 / 365.25;
        if years <= 0.0 {
            continue;
        }
        let mut days: Vec<NaiveDate> = (0..(years * 0.8 + rng.f64()) as usize)
            .map(|_| between(rng, first, last))
            .collect();
        let this_term = pupil.info.status == StudentStatus::Active
            && last - Duration::days(80) > first
            && rng.bool();
        if this_term {
            days.push(between(rng, cal.today - Duration::days(80), last));
        }
        days.sort();
        for day in days {
            let &&(kind, title, result) = pick(rng, &all);
            let stamp = cal.stamp(day + Duration::days(rng.i64(0..=7)), office_hours(rng));
            stmt.execute(params![pupil.id, kind, title, result, day, stamp])?;
        }
    }
    Ok(())
}
