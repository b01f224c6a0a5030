//! A school of 2,500 students written straight into the tables (the API would take minutes in
//! a debug build): two years of packages, renewals and declines, weekly lessons, notes, leads
//! and trials, with the kept balances the ledger would have left. Only for timing queries.

use chrono::{Days, NaiveDate};
use encore_core::Db;
use rusqlite::{params, Transaction};

pub const STUDENTS: i64 = 2500;
const FAMILIES: i64 = 1600;
const CLASSES: i64 = 40;
const WEEKS: u64 = 110;
const T: &str = "2024-09-01 08:00:00+00:00";
const REASONS: [&str; 7] = [
    "results",
    "schedule",
    "price",
    "lost_interest",
    "moving",
    "other_school",
    "other",
];
const TYPES: [&str; 3] = ["future", "interest", "honors"];
const SOURCES: [&str; 6] = [
    "referral",
    "walk_in",
    "open_day",
    "social_media",
    "flyer",
    "other",
];

fn start() -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 9, 1).unwrap()
}

fn plus(days: u64) -> NaiveDate {
    start() + Days::new(days)
}

pub fn big_school() -> Db {
    let db = super::db();
    db.with_tx(|tx| {
        people(tx)?;
        lessons_and_packages(tx)?;
        leads(tx)?;
        Ok(())
    })
    .unwrap();
    db
}

fn people(tx: &Transaction) -> encore_core::Result<()> {
    for id in 1..=8 {
        tx.execute(
            "INSERT INTO staff (id, name, role, sort_key, created_at) VALUES (?1, ?2, 'teacher', ?2, ?3)",
            params![id, format!("老师{id}"), T],
        )?;
    }
    for (id, name) in [(1, "钢琴"), (2, "舞蹈"), (3, "美术"), (4, "围棋")] {
        tx.execute(
            "INSERT INTO course (id, name, sort_key, format, lesson_halves, created_at)
             VALUES (?1, ?2, ?2, 'group', 2, ?3)",
            params![id, name, T],
        )?;
    }
    for id in 1..=CLASSES {
        tx.execute(
            "INSERT INTO class (id, course_id, teacher_id, name, sort_key, weekday, start_time, created_at)
             VALUES (?1, ?2, ?3, ?4, ?4, 6, '09:00', ?5)",
            params![id, (id - 1) % 4 + 1, (id - 1) % 8 + 1, format!("班{id}"), T],
        )?;
    }
    let channels = ["wechat", "phone", "sms", "email", "in_person"];
    for f in 1..=FAMILIES {
        tx.execute(
            "INSERT INTO family (id, name, sort_key, created_at, updated_at) VALUES (?1, ?2, ?2, ?3, ?3)",
            params![f, format!("家{f}"), T],
        )?;
        tx.execute(
            "INSERT INTO guardian (id, family_id, name, sort_key, preferred_channel, created_at, updated_at)
             VALUES (?1, ?1, ?2, ?2, ?3, ?4, ?4)",
            params![f, format!("家长{f}"), channels[(f % 5) as usize], T],
        )?;
        tx.execute(
            "INSERT INTO guardian_motivation (guardian_id, primary_type, answers, questionnaire_version,
                                              tagged_by, tagged_at)
             VALUES (?1, ?2, '[]', 1, 1, ?3)",
            params![f, TYPES[(f % 3) as usize], T],
        )?;
        for n in 0..3 {
            tx.execute(
                "INSERT INTO note (family_id, author_id, channel, kind, body, occurred_at, created_at, updated_at)
                 VALUES (?1, 1, 'wechat', 'progress_update', '进度沟通', ?2, ?3, ?3)",
                params![f, format!("{} 18:00:00", plus(200 * n + (f % 90) as u64)), T],
            )?;
        }
    }
    let levels = ["beginner", "intermediate", "advanced"];
    for s in 1..=STUDENTS {
        let family = (s - 1) % FAMILIES + 1;
        tx.execute(
            "INSERT INTO student (id, family_id, name, sort_key, skill_level, status, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?3, ?4, 'active', ?5, ?5)",
            params![s, family, format!("学生{s}"), levels[(s % 3) as usize], T],
        )?;
        tx.execute(
            "INSERT INTO student_guardian VALUES (?1, ?2, 'mother')",
            params![s, family],
        )?;
        tx.execute(
            "INSERT INTO class_student VALUES (?1, ?2)",
            params![(s - 1) % CLASSES + 1, s],
        )?;
    }
    Ok(())
}

/// Three packages of 20 hours per student, each renewing the one before; a fifth of the last
/// ones declined; a lesson a week for thirty weeks.
fn lessons_and_packages(tx: &Transaction) -> encore_core::Result<()> {
    for class in 1..=CLASSES {
        for week in 0..WEEKS {
            tx.execute(
                "INSERT INTO lesson_session (id, class_id, starts_at, teacher_id, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
                params![
                    (class - 1) * WEEKS as i64 + week as i64 + 1,
                    class,
                    format!("{} 09:00:00", plus(week * 7)),
                    (class - 1) % 8 + 1,
                    T
                ],
            )?;
        }
    }
    let mut package = tx.prepare(
        "INSERT INTO package (student_id, course_id, purchased_halves, bonus_halves, price_cents,
                              currency, purchased_on, valid_from, valid_until, created_at)
         VALUES (?1, ?2, 40, 0, 360000, 'CNY', ?3, ?3, ?4, ?5)",
    )?;
    let mut entry = tx.prepare(
        "INSERT INTO ledger_entry (student_id, course_id, package_id, kind, halves, session_id,
                                   occurred_on, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for s in 1..=STUDENTS {
        let class = (s - 1) % CLASSES + 1;
        let course = (class - 1) % 4 + 1;
        let offset = (s % 120) as u64;
        let mut ids = Vec::new();
        for p in 0..3u64 {
            let from = plus(offset + p * 120);
            package.execute(params![s, course, from, from + Days::new(129), T])?;
            let id = tx.last_insert_rowid();
            entry.execute(params![s, course, id, "purchase", 40, None::<i64>, from, T])?;
            let left = if p == 2 { 8 } else { 0 };
            tx.execute(
                "INSERT INTO package_state VALUES (?1, ?2, ?3, ?4, ?5)",
                params![id, s, course, left, from + Days::new(129)],
            )?;
            if let Some(&previous) = ids.last() {
                tx.execute(
                    "INSERT INTO renewal_cycle (student_id, course_id, package_id, status,
                                                renewed_package_id, opened_at, updated_at, closed_on)
                     VALUES (?1, ?2, ?3, 'renewed', ?4, ?5, ?5, ?6)",
                    params![s, course, previous, id, T, from],
                )?;
            }
            ids.push(id);
        }
        if s % 5 == 0 {
            tx.execute(
                "INSERT INTO renewal_cycle (student_id, course_id, package_id, status, declined_reason,
                                            opened_at, updated_at, closed_on)
                 VALUES (?1, ?2, ?3, 'declined', ?4, ?5, ?5, ?6)",
                params![s, course, ids[2], REASONS[(s % 7) as usize], T, plus(offset + 360)],
            )?;
        }
        tx.execute(
            "INSERT INTO account_state VALUES (?1, ?2, 0)",
            params![s, course],
        )?;
        for lesson in 0..30u64 {
            let week = (offset / 7 + lesson * 2).min(WEEKS - 1);
            let session = (class - 1) * WEEKS as i64 + week as i64 + 1;
            entry.execute(params![
                s,
                course,
                None::<i64>,
                "lesson",
                -2,
                session,
                plus(week * 7),
                T
            ])?;
        }
    }
    Ok(())
}

fn leads(tx: &Transaction) -> encore_core::Result<()> {
    for p in 1..=2000i64 {
        let converted = p % 5 < 2 && p <= STUDENTS;
        let source = SOURCES[(p % 6) as usize];
        let referrer = (source == "referral").then_some(p % FAMILIES + 1);
        let first = plus((p % 700) as u64);
        tx.execute(
            "INSERT INTO prospect (id, guardian_name, child_name, source, referred_by_family_id,
                                   first_contact_on, created_at, updated_at, family_id, student_id,
                                   converted_on)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?9, ?10)",
            params![
                p,
                format!("家长{p}"),
                format!("孩子{p}"),
                source,
                referrer,
                first,
                T,
                converted.then_some((p - 1) % FAMILIES + 1),
                converted.then_some(p),
                converted.then_some(first + Days::new(14)),
            ],
        )?;
        if p % 10 < 7 {
            let outcome = if converted { "enrolled" } else { "attended" };
            tx.execute(
                "INSERT INTO trial_lesson (prospect_id, course_id, scheduled_at, outcome, recorded_at,
                                           recorded_by, created_at)
                 VALUES (?1, 1, ?2, ?3, ?4, 1, ?4)",
                params![p, format!("{} 16:00:00", first + Days::new(7)), outcome, T],
            )?;
        }
    }
    Ok(())
}
