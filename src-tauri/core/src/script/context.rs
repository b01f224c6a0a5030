//! What a script may say about a student, gathered from the record in the script's language.
//! The names here are the template contract: every shipped template uses only these.

use chrono::{Datelike, Days, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::words;
use crate::achievement::{self, Achievement};
use crate::bilingual::hours;
use crate::error::{Error, Result, ValidationCode as Code};
use crate::guardian::Relationship;
use crate::ledger::{self, EntryKind};
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

pub fn build(
    conn: &Connection,
    s: &Subject,
    locale: Locale,
    today: NaiveDate,
) -> Result<ScriptContext> {
    let zh = locale == Locale::ZhCn;
    let info = &s.student.info;
    let account = ledger::account(conn, s.student.id, s.course_id, today)?;
    let newest = account.packages.iter().max_by_key(|p| (p.valid_from, p.id));
    let since = newest
        .map(|p| p.valid_from)
        .unwrap_or(today - Days::new(DEFAULT_TERM_DAYS));
    let used: f64 = account
        .lines
        .iter()
        .filter(|l| l.kind == EntryKind::Lesson && l.date >= since && !l.reversed)
        .map(|l| -l.hours)
        .sum();
    let (lessons, attended) = attendance(conn, s.student.id, s.course_id, since, today)?;
    let expires_on = account
        .packages
        .iter()
        .filter(|p| p.remaining > 0.0 && p.valid_until >= today)
        .map(|p| p.valid_until)
        .max();
    let guardian = guardian(conn, s, zh)?;
    let level = info.skill_level.as_deref();
    Ok(ScriptContext {
        school: settings::school_name(conn)?
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
        opportunities: opportunity::upcoming(conn, today)?
            .into_iter()
            .filter(|o| o.fits(s.course_id, level))
            .take(3)
            .map(|o| OpportunityPart {
                kind: o.kind.as_str(),
                kind_word: words::opportunity(o.kind, zh),
                title: o.title,
                date: o.happens_on,
                description: o.description,
            })
            .collect(),
        plan: match level {
            Some(l) => opportunity::plan(conn, s.course_id, l)?,
            None => None,
        },
        packages: packages(conn, s.course_id, today)?,
        other_course: other_course(conn, s.student.id)?,
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

/// Lessons marked for the student in the course since `since`, and how many were attended.
pub(crate) fn attendance(
    conn: &Connection,
    student_id: i64,
    course_id: i64,
    since: NaiveDate,
    today: NaiveDate,
) -> Result<(u32, u32)> {
    Ok(conn.query_row(
        "SELECT count(*), coalesce(sum(at.status IN ('present', 'late', 'make_up')), 0)
           FROM attendance at
           JOIN lesson_session ls ON ls.id = at.session_id
           JOIN class cl ON cl.id = ls.class_id AND cl.course_id = ?2
          WHERE at.student_id = ?1 AND ls.starts_at >= ?3 AND ls.starts_at < ?4",
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
fn other_course(conn: &Connection, student_id: i64) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT c.name FROM course c
              WHERE c.archived_at IS NULL
                AND NOT EXISTS (SELECT 1 FROM account_state a
                                 WHERE a.student_id = ?1 AND a.course_id = c.id)
                AND NOT EXISTS (SELECT 1 FROM class_student cs JOIN class cl ON cl.id = cs.class_id
                                 WHERE cs.student_id = ?1 AND cl.course_id = c.id)
              ORDER BY (SELECT count(*) FROM account_state a WHERE a.course_id = c.id) DESC,
                       c.sort_key
              LIMIT 1",
            [student_id],
            |r| r.get(0),
        )
        .optional()?)
}
