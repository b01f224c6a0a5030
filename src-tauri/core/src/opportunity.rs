//! What lies ahead for students: competitions, recitals, exams, camps and showcases, each for
//! a course and a range of levels, and the next term's plan per course and level. Scripts name
//! the ones that fit the child.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Entity, Error, Result, ValidationCode as Code};
use crate::student::SKILL_LEVELS;
use crate::{course, field};

text_enum!(OpportunityKind {
    Competition = "competition",
    Recital = "recital",
    Exam = "exam",
    Camp = "camp",
    Showcase = "showcase",
});

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct OpportunityInput {
    pub kind: OpportunityKind,
    pub title: String,
    pub happens_on: NaiveDate,
    /// None: open to every course.
    pub course_id: Option<i64>,
    /// One of the skill levels (beginner, intermediate, advanced); None: no bound.
    pub level_min: Option<String>,
    pub level_max: Option<String>,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Opportunity {
    pub id: i64,
    pub kind: OpportunityKind,
    pub title: String,
    pub happens_on: NaiveDate,
    pub course_id: Option<i64>,
    pub course_name: Option<String>,
    pub level_min: Option<String>,
    pub level_max: Option<String>,
    pub description: Option<String>,
}

/// A level's place in the order; None for a level the school wrote in its own words.
pub fn level_rank(level: &str) -> Option<usize> {
    SKILL_LEVELS.iter().position(|l| *l == level)
}

fn check_level(field_name: &str, level: &Option<String>) -> Result<Option<usize>> {
    match level.as_deref().map(str::trim).filter(|l| !l.is_empty()) {
        None => Ok(None),
        Some(l) => level_rank(l)
            .map(Some)
            .ok_or(Error::invalid(field_name, Code::Required)),
    }
}

pub fn save(
    tx: &Transaction,
    id: Option<i64>,
    input: &OpportunityInput,
    now: DateTime<Utc>,
) -> Result<Opportunity> {
    let title = field::required_text("title", &input.title, field::SHORT_TEXT_MAX)?;
    let description =
        field::optional_text("description", input.description.clone(), field::NOTE_MAX)?;
    if let Some(c) = input.course_id {
        course::get(tx, c).map_err(|_| Error::invalid("courseId", Code::Required))?;
    }
    let min = check_level("levelMin", &input.level_min)?;
    let max = check_level("levelMax", &input.level_max)?;
    if let (Some(a), Some(b)) = (min, max) {
        if a > b {
            return Err(Error::invalid("levelMax", Code::LevelRange));
        }
    }
    let level = |r: Option<usize>| r.map(|i| SKILL_LEVELS[i]);
    let (min, max) = (level(min), level(max));
    let id = match id {
        None => {
            tx.execute(
                "INSERT INTO opportunity (kind, title, happens_on, course_id, level_min, level_max,
                                          description, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    input.kind,
                    title,
                    input.happens_on,
                    input.course_id,
                    min,
                    max,
                    description,
                    now
                ],
            )?;
            tx.last_insert_rowid()
        }
        Some(id) => {
            get(tx, id)?;
            tx.execute(
                "UPDATE opportunity SET kind = ?1, title = ?2, happens_on = ?3, course_id = ?4,
                        level_min = ?5, level_max = ?6, description = ?7 WHERE id = ?8",
                params![
                    input.kind,
                    title,
                    input.happens_on,
                    input.course_id,
                    min,
                    max,
                    description,
                    id
                ],
            )?;
            id
        }
    };
    get(tx, id)
}

pub fn set_archived(tx: &Transaction, id: i64, archived: bool, now: DateTime<Utc>) -> Result<()> {
    get(tx, id)?;
    tx.execute(
        "UPDATE opportunity SET archived_at = ?2 WHERE id = ?1",
        params![id, archived.then_some(now)],
    )?;
    Ok(())
}

const COLUMNS: &str = "o.id, o.kind, o.title, o.happens_on, o.course_id, c.name, o.level_min,
    o.level_max, o.description FROM opportunity o LEFT JOIN course c ON c.id = o.course_id";

fn from_row(r: &Row) -> rusqlite::Result<Opportunity> {
    Ok(Opportunity {
        id: r.get(0)?,
        kind: r.get(1)?,
        title: r.get(2)?,
        happens_on: r.get(3)?,
        course_id: r.get(4)?,
        course_name: r.get(5)?,
        level_min: r.get(6)?,
        level_max: r.get(7)?,
        description: r.get(8)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Opportunity> {
    conn.query_row(&format!("SELECT {COLUMNS} WHERE o.id = ?1"), [id], from_row)
        .optional()?
        .ok_or(Error::not_found(Entity::Opportunity, id))
}

/// Opportunities from `from` on, soonest first.
pub fn upcoming(conn: &Connection, from: NaiveDate) -> Result<Vec<Opportunity>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} WHERE o.archived_at IS NULL AND o.happens_on >= ?1
          ORDER BY o.happens_on, o.id"
    ))?;
    let rows = stmt.query_map([from], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Opportunity {
    /// Whether it suits a student of this course and level. A student whose level is unknown
    /// (or in the school's own words) is shown every level's opportunities.
    pub fn fits(&self, course_id: i64, level: Option<&str>) -> bool {
        let course_ok = self.course_id.is_none_or(|c| c == course_id);
        let Some(rank) = level.and_then(level_rank) else {
            return course_ok;
        };
        let min_ok = self
            .level_min
            .as_deref()
            .and_then(level_rank)
            .is_none_or(|m| rank >= m);
        let max_ok = self
            .level_max
            .as_deref()
            .and_then(level_rank)
            .is_none_or(|m| rank <= m);
        course_ok && min_ok && max_ok
    }
}

/// The next term's plan for a course and level, if the school wrote one.
pub fn plan(conn: &Connection, course_id: i64, level: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT body FROM term_plan WHERE course_id = ?1 AND level = ?2",
            params![course_id, level],
            |r| r.get(0),
        )
        .optional()?)
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TermPlan {
    pub course_id: i64,
    pub level: String,
    pub body: String,
}

pub fn plans(conn: &Connection) -> Result<Vec<TermPlan>> {
    let mut stmt = conn.prepare("SELECT course_id, level, body FROM term_plan")?;
    let rows = stmt.query_map([], |r| {
        Ok(TermPlan {
            course_id: r.get(0)?,
            level: r.get(1)?,
            body: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Writes the plan; a blank text removes it.
pub fn set_plan(
    tx: &Transaction,
    course_id: i64,
    level: &str,
    body: &str,
    now: DateTime<Utc>,
) -> Result<()> {
    course::get(tx, course_id)?;
    if level_rank(level).is_none() {
        return Err(Error::invalid("level", Code::Required));
    }
    match field::optional_text("body", Some(body.to_string()), field::NOTE_MAX)? {
        None => {
            tx.execute(
                "DELETE FROM term_plan WHERE course_id = ?1 AND level = ?2",
                params![course_id, level],
            )?;
        }
        Some(body) => {
            tx.execute(
                "INSERT INTO term_plan (course_id, level, body, updated_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (course_id, level) DO UPDATE SET body = excluded.body,
                                                              updated_at = excluded.updated_at",
                params![course_id, level, body, now],
            )?;
        }
    }
    Ok(())
}
