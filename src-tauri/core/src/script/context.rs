//! What a script may say about a student, gathered from the record in the script's language.
//! The names here are the template contract: every shipped template uses only these.

use std::collections::HashMap;

use chrono::{Datelike, Days, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::words;
use crate::achievement::{self, Achievement};
use crate::bilingual::hours;
use crate::error::{Error, Result, ValidationCode as Code};
use crate::guardian::Relationship;
use crate::ledger;
use crate::opportunity;
use crate::settings::{self, Locale};
use crate::student::Student;

/// A term without a package to date it from: the last four months.
const DEFAULT_TERM_DAYS: u64 = 120;

#[derive(Debug, Clone, Serialize)]
pub struct ScriptContext {
    pub school: String,
    pub course: String,
    pub teacher: Option<String>,
    pub goal: &'static str,
    pub motivation: &'static str,
    pub student: StudentPart,
    pub guardian: GuardianPart,
    pub term: TermPart,
    pub hours_left: String,
    pub expires_on: Option<NaiveDate>,
    pub achievements: Vec<AchievementPart>,
    pub opportunities: Vec<OpportunityPart>,
    pub plan: Option<String>,
    pub packages: Vec<PackagePart>,
    pub other_course: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StudentPart {
    pub name: String,
    pub call: String,
    pub age: Option<i32>,
    pub level: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GuardianPart {
    pub name: String,
    pub address: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct TermPart {
    pub since: NaiveDate,
    pub lessons: u32,
    pub attended: u32,
    pub attendance: Option<u32>,
    pub hours_used: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AchievementPart {
    pub kind: &'static str,
    pub kind_word: &'static str,
    pub title: String,
    pub result: Option<String>,
    pub date: NaiveDate,
    pub description: Option<String>,
    pub has_media: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct OpportunityPart {
    pub kind: &'static str,
    pub kind_word: &'static str,
    pub title: String,
    pub date: NaiveDate,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PackagePart {
    pub hours: String,
    pub price: String,
    pub currency: String,
}

/// Who the script is for: a student's course, told to one guardian.
pub struct Subject<'a> {
    pub student: &'a Student,
    pub course_id: i64,
    pub guardian_id: i64,
    pub goal: &'static str,
    pub motivation: &'static str,
}

/// The parts of a script that do not depend on the student, read once for a batch: a
/// thousand scripts for the renewal list ask for the same school, events, package sizes and
/// plans a thousand times.
#[derive(Default)]
pub(crate) struct Shared {
    school: Option<Option<String>>,
    upcoming: Option<Vec<opportunity::Opportunity>>,
    packages: HashMap<i64, Vec<PackagePart>>,
    plans: HashMap<(i64, String), Option<String>>,
    /// Courses open for enrollment, most popular first.
    popular: Option<Vec<(i64, String)>>,
}

pub fn build(
    conn: &Connection,
    s: &Subject,
    locale: Locale,
    today: NaiveDate,
) -> Result<ScriptContext> {
    build_with(conn, s, locale, today, &mut Shared::default())
}

pub(crate) fn build_with(
    conn: &Connection,
    s: &Subject,
    locale: Locale,
    today: NaiveDate,
    shared: &mut Shared,
) -> Result<ScriptContext> {
    let zh = locale == Locale::ZhCn;
    let info = &s.student.info;
    let account = ledger::standing(conn, s.student.id, s.course_id, today)?;
    let since = account
        .newest_from
        .unwrap_or(today - Days::new(DEFAULT_TERM_DAYS));
    let used = used_since(conn, s.student.id, s.course_id, since)?;
    let (lessons, attended) = attendance(conn, s.student.id, s.course_id, since, today)?;
    let expires_on = account.covered_until;
    let guardian = guardian(conn, s, zh)?;
    let level = info.skill_level.as_deref();
    if shared.school.is_none() {
        shared.school = Some(settings::school_name(conn)?);
    }
    if shared.upcoming.is_none() {
        shared.upcoming = Some(opportunity::upcoming(conn, today)?);
    }
    if let std::collections::hash_map::Entry::Vacant(e) = shared.packages.entry(s.course_id) {
        e.insert(packages(conn, s.course_id, today)?);
    }
    let plan = match level {
        Some(l) => {
            let key = (s.course_id, l.to_string());
            if !shared.plans.contains_key(&key) {
                let plan = opportunity::plan(conn, s.course_id, l)?;
                shared.plans.insert(key.clone(), plan);
            }
            shared.plans[&key].clone()
        }
        None => None,
    };
    let other_course = other_course(conn, s.student.id, shared)?;
    Ok(ScriptContext {
        school: shared
            .school
            .clone()
            .flatten()
            .unwrap_or_else(|| if zh { "我们学校" } else { "our school" }.to_string()),
        course: account.course_name.clone(),
        teacher: teacher(conn, s.student.id, s.course_id)?,
        goal: s.goal,
        motivation: s.motivation,
        student: StudentPart {
            name: info.name.clone(),
            call: call_name(&info.name),
            age: info.birth_date.map(|b| age(b, today)),
            level: level.map(|l| words::level(l, zh)),
        },
        guardian,
        term: TermPart {
            since,
            lessons,
            attended,
            attendance: (lessons > 0).then(|| (attended * 100 + lessons / 2) / lessons),
            hours_used: hours(used),
        },
        hours_left: hours(account.balance),
        expires_on,
        achievements: achievement::list_for_student(conn, s.student.id, Some(since))?
            .iter()
            .map(|a| achievement_part(a, zh))
            .collect(),
        opportunities: shared
            .upcoming
            .iter()
            .flatten()
            .filter(|o| o.fits(s.course_id, level))
            .take(3)
            .map(|o| OpportunityPart {
                kind: o.kind.as_str(),
                kind_word: words::opportunity(o.kind, zh),
                title: o.title.clone(),
                date: o.happens_on,
                description: o.description.clone(),
            })
            .collect(),
        plan,
        packages: shared.packages[&s.course_id].clone(),
        other_course,
    })
}

fn achievement_part(a: &Achievement, zh: bool) -> AchievementPart {
    AchievementPart {
        kind: a.kind.as_str(),
        kind_word: words::achievement(a.kind, zh),
        title: a.title.clone(),
        result: a.result.clone(),
        date: a.occurred_on,
        description: a.description.clone(),
        has_media: !a.media.is_empty(),
    }
}

/// How a teacher calls a child: the given name of a Chinese name (小明 of 张小明, 子涵 of
/// 欧阳子涵), the first name of a Western one.
pub fn call_name(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let chinese = chars.iter().all(|c| ('\u{4e00}'..='\u{9fff}').contains(c));
    if chinese && chars.len() >= 3 {
        chars[chars.len() - 2..].iter().collect()
    } else if chinese {
        name.to_string()
    } else {
        name.split_whitespace().next().unwrap_or(name).to_string()
    }
}

fn age(birth: NaiveDate, today: NaiveDate) -> i32 {
    let mut years = today.year() - birth.year();
    if (today.month(), today.day()) < (birth.month(), birth.day()) {
        years -= 1;
    }
    years
}

fn guardian(conn: &Connection, s: &Subject, zh: bool) -> Result<GuardianPart> {
    let link = s
        .student
        .guardians
        .iter()
        .find(|g| g.guardian_id == s.guardian_id)
        .ok_or(Error::invalid("guardianId", Code::GuardianNotInFamily))?;
    let name: String = conn.query_row(
        "SELECT name FROM guardian WHERE id = ?1",
        [s.guardian_id],
        |r| r.get(0),
    )?;
    let address = if zh {
        let role = match link.relationship {
            Relationship::Mother => "妈妈",
            Relationship::Father => "爸爸",
            Relationship::Grandmother => "奶奶",
            Relationship::Grandfather => "爷爷",
            Relationship::Other => "家长",
        };
        format!("{}{role}", call_name(&s.student.info.name))
    } else {
        call_name(&name)
    };
    Ok(GuardianPart { name, address })
}

pub(crate) fn teacher(
    conn: &Connection,
    student_id: i64,
    course_id: i64,
) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT st.name FROM class_student cs
               JOIN class cl ON cl.id = cs.class_id AND cl.course_id = ?2 AND cl.archived_at IS NULL
               JOIN staff st ON st.id = cl.teacher_id
              WHERE cs.student_id = ?1 ORDER BY cl.id LIMIT 1",
            params![student_id, course_id],
            |r| r.get(0),
        )
        .optional()?)
}

/// Lesson hours taken in the course since `since`, leaving out lessons that were reversed.
fn used_since(conn: &Connection, student_id: i64, course_id: i64, since: NaiveDate) -> Result<f64> {
    let halves: i64 = conn
        .prepare_cached(
            "SELECT coalesce(-sum(e.halves), 0) FROM ledger_entry e
              WHERE e.student_id = ?1 AND e.course_id = ?2 AND e.kind = 'lesson'
                AND e.occurred_on >= ?3
                AND NOT EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_id = e.id)",
        )?
        .query_row(params![student_id, course_id, since], |r| r.get(0))?;
    Ok(crate::hours::from_halves(halves))
}

/// Lessons marked for the student in the course since `since`, and how many were attended.
pub(crate) fn attendance(
    conn: &Connection,
    student_id: i64,
    course_id: i64,
    since: NaiveDate,
    today: NaiveDate,
) -> Result<(u32, u32)> {
    Ok(conn.query_row(
        // Through the student's own classes: roll calls are keyed by session, so this reads a
        // term of lessons instead of every roll call the school ever took.
        "SELECT count(*), coalesce(sum(at.status IN ('present', 'late', 'make_up')), 0)
           FROM class_student cs
           CROSS JOIN class cl ON cl.id = cs.class_id AND cl.course_id = ?2
           CROSS JOIN lesson_session ls ON ls.class_id = cl.id AND ls.starts_at >= ?3 AND ls.starts_at < ?4
           CROSS JOIN attendance at ON at.session_id = ls.id AND at.student_id = ?1
          WHERE cs.student_id = ?1",
        params![student_id, course_id, since, today + Days::new(1)],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?)
}

/// The sizes this course sold most in the last year, biggest first.
fn packages(conn: &Connection, course_id: i64, today: NaiveDate) -> Result<Vec<PackagePart>> {
    let mut stmt = conn.prepare_cached(
        "SELECT purchased_halves, price_cents, currency FROM package
          WHERE course_id = ?1 AND purchased_on >= ?2 AND transferred_from IS NULL
          GROUP BY purchased_halves, price_cents, currency
          ORDER BY count(*) DESC, purchased_halves DESC LIMIT 3",
    )?;
    let mut list = stmt
        .query_map(params![course_id, today - Days::new(365)], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    list.sort_by_key(|p| std::cmp::Reverse(p.0));
    Ok(list
        .into_iter()
        .map(|(halves, cents, currency)| PackagePart {
            hours: hours(halves as f64 / 2.0),
            price: words::money(cents),
            currency,
        })
        .collect())
}

/// The school's most popular course this student does not take yet.
/// The most popular open course the student neither has hours in nor a class of.
fn other_course(conn: &Connection, student_id: i64, shared: &mut Shared) -> Result<Option<String>> {
    if shared.popular.is_none() {
        // Counted through classes, which are few, rather than every account.
        let mut stmt = conn.prepare_cached(
            "SELECT c.id, c.name FROM course c WHERE c.archived_at IS NULL
              ORDER BY (SELECT count(*) FROM class cl JOIN class_student cs ON cs.class_id = cl.id
                         WHERE cl.course_id = c.id AND cl.archived_at IS NULL) DESC,
                       c.sort_key",
        )?;
        let popular = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<(i64, String)>>>()?;
        shared.popular = Some(popular);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT course_id FROM account_state WHERE student_id = ?1
         UNION
         SELECT cl.course_id FROM class_student cs JOIN class cl ON cl.id = cs.class_id
          WHERE cs.student_id = ?1",
    )?;
    let taken = stmt
        .query_map([student_id], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(shared
        .popular
        .iter()
        .flatten()
        .find(|(id, _)| !taken.contains(id))
        .map(|(_, name)| name.clone()))
}
