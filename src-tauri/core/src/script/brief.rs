//! The one-page meeting brief a teacher takes into a parent meeting: every child of the family
//! with course, teacher, attendance, hours and this term's achievements; each guardian's type
//! with three talking points for it; and the renewal script for the child who is due.

use std::collections::HashMap;

use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde::Serialize;
use specta::Type;

use super::{context, generate, words, Script, ScriptGoal, ScriptRequest};
use crate::achievement::{self, Achievement};
use crate::error::Result;
use crate::family;
use crate::ledger;
use crate::opportunity::{self, Opportunity};
use crate::settings::{self, Locale};
use crate::tagging::MotivationType;

const TALKING_POINTS: &str = include_str!("../../../../assets/scripts/talking-points.json");

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Brief {
    pub school_name: Option<String>,
    pub family_id: i64,
    pub family_name: String,
    pub on: NaiveDate,
    pub locale: Locale,
    pub guardians: Vec<BriefGuardian>,
    pub children: Vec<BriefChild>,
    /// The renewal script for the child with the fewest hours left; None without any hours.
    pub script: Option<Script>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BriefGuardian {
    pub id: i64,
    pub name: String,
    pub motivation: Option<MotivationType>,
    /// The type in the brief's language.
    pub motivation_words: Option<String>,
    pub talking_points: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BriefChild {
    pub student_id: i64,
    pub name: String,
    pub courses: Vec<BriefCourse>,
    pub achievements: Vec<Achievement>,
    /// Upcoming events that fit the child's courses and level, soonest first.
    pub opportunities: Vec<Opportunity>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BriefCourse {
    pub course_id: i64,
    pub course_name: String,
    pub teacher: Option<String>,
    /// Lessons marked and attended since the term began.
    pub lessons: u32,
    pub attended: u32,
    pub bought: f64,
    pub used: f64,
    pub left: f64,
    pub expires_on: Option<NaiveDate>,
}

type Points = HashMap<String, HashMap<String, Vec<String>>>;

fn talking_points(m: MotivationType, locale: Locale) -> Vec<String> {
    let all: Points = serde_json::from_str(TALKING_POINTS).unwrap_or_default();
    all.get(m.as_str())
        .and_then(|by_locale| by_locale.get(locale.as_str()))
        .cloned()
        .unwrap_or_default()
}

/// The brief of one family, in `locale` (the parents' language, not necessarily the UI's).
pub fn brief(conn: &Connection, family_id: i64, locale: Locale, today: NaiveDate) -> Result<Brief> {
    let detail = family::detail(conn, family_id)?;
    let zh = locale == Locale::ZhCn;
    let mut guardians = Vec::new();
    for g in detail.guardians.iter().filter(|g| g.archived_at.is_none()) {
        let m = g.motivation.as_ref().map(|m| m.primary);
        guardians.push(BriefGuardian {
            id: g.id,
            name: g.info.name.clone(),
            motivation: m,
            motivation_words: m.map(|m| words::motivation(m, zh).to_string()),
            talking_points: m.map(|m| talking_points(m, locale)).unwrap_or_default(),
        });
    }
    let upcoming = opportunity::upcoming(conn, today)?;
    let mut children = Vec::new();
    // (hours left, student, course) of the child most in need of the renewal talk.
    let mut due: Option<(f64, i64, i64)> = None;
    for s in detail.students.iter().filter(|s| s.archived_at.is_none()) {
        let mut courses = Vec::new();
        let mut since = today - Days::new(120);
        for a in ledger::accounts(conn, s.id, today)? {
            let start = a
                .packages
                .iter()
                .map(|p| p.valid_from)
                .max()
                .unwrap_or(since);
            since = since.min(start);
            let (lessons, attended) = context::attendance(conn, s.id, a.course_id, start, today)?;
            let bought = a.packages.iter().map(|p| p.purchased + p.bonus).sum();
            let used = a.packages.iter().map(|p| p.used).sum();
            if due.is_none_or(|(h, _, _)| a.balance < h) {
                due = Some((a.balance, s.id, a.course_id));
            }
            courses.push(BriefCourse {
                course_id: a.course_id,
                course_name: a.course_name.clone(),
                teacher: context::teacher(conn, s.id, a.course_id)?,
                lessons,
                attended,
                bought,
                used,
                left: a.balance,
                expires_on: a
                    .packages
                    .iter()
                    .filter(|p| p.remaining > 0.0 && p.valid_until >= today)
                    .map(|p| p.valid_until)
                    .max(),
            });
        }
        let level = s.info.skill_level.as_deref();
        let opportunities = upcoming
            .iter()
            .filter(|o| courses.iter().any(|c| o.fits(c.course_id, level)))
            .take(3)
            .cloned()
            .collect();
        children.push(BriefChild {
            student_id: s.id,
            name: s.info.name.clone(),
            opportunities,
            courses,
            achievements: achievement::list_for_student(conn, s.id, Some(since))?,
        });
    }
    let script = match due {
        Some((_, student_id, course_id)) => Some(generate(
            conn,
            &ScriptRequest {
                student_id,
                course_id: Some(course_id),
                guardian_id: None,
                goal: ScriptGoal::Renew,
                locale,
                template: None,
            },
            today,
        )?),
        None => None,
    };
    Ok(Brief {
        school_name: settings::school_name(conn)?,
        family_id,
        family_name: detail.family.name,
        on: today,
        locale,
        guardians,
        children,
        script,
    })
}
