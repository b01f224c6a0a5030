//! The demo school's class hours: five courses, weekly classes taught by the demo teachers,
//! packages for every enrolled student and about four months of roll calls up to yesterday.
//! Everything is written through the functions the UI calls (`course::add`, `class::add`,
//! `package::sell`, `attendance::save_roll_call`, `package::correct`, `package::transfer`), so
//! the demo obeys every rule real data does.
//!
//! Packages are planned before they are sold: each account's lessons are replayed here the
//! way the ledger replays them (oldest valid package first), and the family renews when the
//! next lesson would not be covered. Roll call therefore never meets an empty account, except
//! for the one or two students deliberately left to take their last lessons on credit, so
//! the warnings screen has something to show next to the natural low and expiring ones.

mod packages;
mod schedule;

use std::collections::HashSet;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, Utc};
use rusqlite::Transaction;

use crate::attendance::{self, Mark, RollCall};
use crate::course::{self, CourseFormat, CourseInput};
use crate::error::Result;
use crate::ledger;
use crate::package::{self, AdjustmentInput, PackageInput};
use crate::settings;
use crate::student::StudentStatus;

use super::pick;
use packages::{plan_accounts, Account};
use schedule::{add_classes, plan_sessions, SessionPlan};

/// A student as the family part of the demo created them.
pub(super) struct Pupil {
    pub id: i64,
    pub family_id: i64,
    pub name: String,
    /// The family writes in English (and may pay in US dollars).
    pub english: bool,
    pub status: StudentStatus,
    pub enrolled_on: Option<NaiveDate>,
    pub interests: Vec<String>,
}

pub(super) struct Counts {
    pub courses: usize,
    pub classes: usize,
    pub packages: usize,
    pub sessions: usize,
}

struct CourseSpec {
    /// Bilingual ("钢琴 Piano"): course names are data, not UI text, and this school's
    /// families and staff read both languages, so one name serves either UI language.
    name: &'static str,
    format: CourseFormat,
    lesson_hours: f64,
    /// Index into the demo staff: 2 陈宇, 3 Sarah Miller, 4 赵敏.
    teacher: usize,
    /// The course of interest that leads a student here, as Chinese and English families
    /// write it.
    interest: [&'static str; 2],
    cny_per_hour: f64,
    usd_per_hour: f64,
}

#[rustfmt::skip]
const COURSES: &[CourseSpec] = &[
    CourseSpec { name: "钢琴 Piano", format: CourseFormat::Private, lesson_hours: 1.0, teacher: 2,
                 interest: ["钢琴", "Piano"], cny_per_hour: 300.0, usd_per_hour: 45.0 },
    CourseSpec { name: "小提琴 Violin", format: CourseFormat::Private, lesson_hours: 1.0, teacher: 3,
                 interest: ["小提琴", "Violin"], cny_per_hour: 280.0, usd_per_hour: 40.0 },
    CourseSpec { name: "芭蕾 Ballet", format: CourseFormat::Group, lesson_hours: 1.5, teacher: 4,
                 interest: ["芭蕾", "Ballet"], cny_per_hour: 160.0, usd_per_hour: 25.0 },
    CourseSpec { name: "美术 Art", format: CourseFormat::Group, lesson_hours: 1.5, teacher: 3,
                 interest: ["美术", "Art"], cny_per_hour: 120.0, usd_per_hour: 18.0 },
    CourseSpec { name: "少儿街舞 Hip-hop", format: CourseFormat::Group, lesson_hours: 1.0, teacher: 4,
                 interest: ["街舞", "Hip-hop"], cny_per_hour: 130.0, usd_per_hour: 20.0 },
];

/// The demo staff who teach, as indices like `CourseSpec::teacher`.
const TEACHERS: [usize; 3] = [2, 3, 4];

pub(super) fn generate(
    tx: &Transaction,
    rng: &mut fastrand::Rng,
    staff: &[i64],
    pupils: &[Pupil],
    now: DateTime<Utc>,
) -> Result<Counts> {
    let today = now.date_naive();
    let courses = COURSES
        .iter()
        .map(|spec| {
            let input = CourseInput {
                name: spec.name.into(),
                format: spec.format,
                lesson_hours: spec.lesson_hours,
            };
            Ok(course::add(tx, &input, now)?.id)
        })
        .collect::<Result<Vec<_>>>()?;
    let classes = add_classes(tx, rng, staff, pupils, &courses, now)?;
    let sessions = plan_sessions(rng, pupils, &classes, today);
    let policy = settings::policy(tx)?;
    let mut accounts = plan_accounts(rng, pupils, &classes, &sessions, &policy, today);
    let mut counts = Counts {
        courses: courses.len(),
        classes: classes.len(),
        packages: 0,
        sessions: 0,
    };

    for a in &mut accounts {
        for b in &a.plan.packages {
            let input = PackageInput {
                student_id: pupils[a.pupil].id,
                course_id: courses[a.course],
                purchased_hours: b.hours,
                bonus_hours: b.bonus,
                price: b.price,
                currency: if b.usd { "USD" } else { "CNY" }.into(),
                purchased_on: b.on,
                valid_from: b.on,
                valid_until: b.until,
                // The front desk sells.
                sold_by: staff[0],
                rule_override: None,
            };
            let id = package::sell(tx, &input, now.fixed_offset())?;
            a.open_package = (b.until >= today).then_some((id, b.on));
            counts.packages += 1;
        }
    }

    let on_credit: HashSet<(usize, usize, NaiveDateTime)> = accounts
        .iter()
        .flat_map(|a| a.plan.on_credit.iter().map(|&t| (a.pupil, a.course, t)))
        .collect();
    let mut by_time: Vec<&SessionPlan> = sessions.iter().collect();
    by_time.sort_by_key(|s| (s.starts_at, s.class));
    for s in by_time {
        let class = &classes[s.class];
        // Now and then a colleague stands in.
        let teacher = if rng.u8(0..30) == 0 {
            *pick(rng, &TEACHERS)
        } else {
            class.teacher
        };
        let marks = s
            .marks
            .iter()
            .map(|&(p, status)| Mark {
                student_id: pupils[p].id,
                status,
                allow_negative: on_credit.contains(&(p, class.course, s.starts_at)),
            })
            .collect();
        let roll_call = RollCall {
            class_id: class.id,
            starts_at: s.starts_at,
            teacher_id: staff[teacher],
            marks,
        };
        attendance::save_roll_call(tx, &roll_call, now)?;
        counts.sessions += 1;
    }

    counts.packages += front_desk(tx, rng, staff, pupils, &courses, &accounts, now)?;
    Ok(counts)
}

/// The front desk's own entries: a referral reward, and hours shared between siblings.
/// Returns the packages the sharing made.
fn front_desk(
    tx: &Transaction,
    rng: &mut fastrand::Rng,
    staff: &[i64],
    pupils: &[Pupil],
    courses: &[i64],
    accounts: &[Account],
    now: DateTime<Utc>,
) -> Result<usize> {
    let today = now.date_naive();
    // Accounts on credit are left alone: the family owes hours, and knows it.
    let settled = |a: &&Account| a.plan.on_credit.is_empty();
    let regular = accounts.iter().filter(settled).find(|a| {
        pupils[a.pupil].status == StudentStatus::Active
            && a.lessons.len() >= 4
            && a.open_package.is_some()
    });
    if let Some((a, (package_id, bought))) = regular.and_then(|a| Some((a, a.open_package?))) {
        let reward = AdjustmentInput {
            package_id,
            hours: COURSES[a.course].lesson_hours,
            reason: "转介绍奖励，赠送一节课 / Referral reward: one lesson free".into(),
            author_id: staff[0],
            on: bought.max(today - Duration::days(rng.i64(1..=14))),
        };
        package::correct(tx, &reward, now)?;
    }

    for giver in accounts.iter().filter(settled) {
        let Some((package_id, _)) = giver.open_package else {
            continue;
        };
        let family = pupils[giver.pupil].family_id;
        let Some(taker) = accounts.iter().filter(settled).find(|a| {
            a.course == giver.course
                && a.pupil != giver.pupil
                && pupils[a.pupil].family_id == family
        }) else {
            continue;
        };
        let account = ledger::account(tx, pupils[giver.pupil].id, courses[giver.course], today)?;
        let left = account
            .packages
            .iter()
            .find(|p| p.id == package_id)
            .map_or(0.0, |p| p.remaining);
        if left >= 6.0 {
            let share = AdjustmentInput {
                package_id,
                hours: (left / 2.0).floor(),
                reason: "兄弟姐妹共用课时 / Hours shared with a sibling".into(),
                author_id: staff[1],
                on: today,
            };
            package::transfer(tx, &share, pupils[taker.pupil].id, now)?;
            return Ok(1);
        }
    }
    Ok(0)
}
