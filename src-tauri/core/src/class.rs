//! Classes: a course taught by a teacher on a weekly slot to enrolled students. A private
//! lesson is a class of one.

use std::collections::HashMap;

use chrono::{DateTime, NaiveTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::course::{self, CourseFormat};
use crate::error::{Entity, Error, Result, ValidationCode as Code};
use crate::{field, romanize, staff};

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ClassInput {
    pub course_id: i64,
    pub teacher_id: i64,
    pub name: String,
    /// 1 = Monday … 7 = Sunday.
    pub weekday: u8,
    /// "HH:MM", the school's wall clock.
    pub start_time: String,
    pub student_ids: Vec<i64>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ClassStudent {
    pub id: i64,
    pub name: String,
    pub family_id: i64,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Class {
    pub id: i64,
    pub course_id: i64,
    pub course_name: String,
    pub teacher_id: i64,
    pub teacher_name: String,
    pub name: String,
    pub weekday: u8,
    pub start_time: String,
    /// In pinyin order.
    pub students: Vec<ClassStudent>,
    pub archived_at: Option<DateTime<Utc>>,
}

struct Clean {
    name: String,
    start_time: String,
}

fn check(tx: &Transaction, input: &ClassInput) -> Result<Clean> {
    let name = field::name("name", &input.name)?;
    let course =
        course::get(tx, input.course_id).map_err(|_| Error::invalid("courseId", Code::Required))?;
    let teacher = staff::get(tx, input.teacher_id)
        .map_err(|_| Error::invalid("teacherId", Code::Required))?;
    if teacher.archived_at.is_some() {
        return Err(Error::invalid("teacherId", Code::StaffArchived));
    }
    if !(1..=7).contains(&input.weekday) {
        return Err(Error::invalid("weekday", Code::InvalidTime));
    }
    let time = NaiveTime::parse_from_str(input.start_time.trim(), "%H:%M")
        .map_err(|_| Error::invalid("startTime", Code::InvalidTime))?;
    if course.format == CourseFormat::Private && input.student_ids.len() > 1 {
        return Err(Error::invalid("studentIds", Code::PrivateClassOfOne));
    }
    for id in &input.student_ids {
        let active: Option<bool> = tx
            .query_row(
                "SELECT archived_at IS NULL FROM student WHERE id = ?1",
                [id],
                |r| r.get(0),
            )
            .optional()?;
        if active != Some(true) {
            return Err(Error::invalid("studentIds", Code::Required));
        }
    }
    Ok(Clean {
        name,
        start_time: time.format("%H:%M").to_string(),
    })
}

fn write_roster(tx: &Transaction, class_id: i64, student_ids: &[i64]) -> Result<()> {
    tx.execute("DELETE FROM class_student WHERE class_id = ?1", [class_id])?;
    let mut stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO class_student (class_id, student_id) VALUES (?1, ?2)",
    )?;
    for id in student_ids {
        stmt.execute(params![class_id, id])?;
    }
    Ok(())
}

pub fn add(tx: &Transaction, input: &ClassInput, now: DateTime<Utc>) -> Result<Class> {
    let clean = check(tx, input)?;
    tx.execute(
        "INSERT INTO class (course_id, teacher_id, name, sort_key, weekday, start_time, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            input.course_id,
            input.teacher_id,
            clean.name,
            romanize::sort_key(&clean.name),
            input.weekday,
            clean.start_time,
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_roster(tx, id, &input.student_ids)?;
    get(tx, id)
}

pub fn update(tx: &Transaction, id: i64, input: &ClassInput) -> Result<Class> {
    get(tx, id)?;
    let clean = check(tx, input)?;
    tx.execute(
        "UPDATE class SET course_id = ?2, teacher_id = ?3, name = ?4, sort_key = ?5, weekday = ?6, start_time = ?7
         WHERE id = ?1",
        params![
            id,
            input.course_id,
            input.teacher_id,
            clean.name,
            romanize::sort_key(&clean.name),
            input.weekday,
            clean.start_time
        ],
    )?;
    write_roster(tx, id, &input.student_ids)?;
    get(tx, id)
}

pub fn set_archived(
    tx: &Transaction,
    id: i64,
    archived: bool,
    now: DateTime<Utc>,
) -> Result<Class> {
    crate::archive::set(tx, "class", Entity::Class, id, archived, now)?;
    get(tx, id)
}

const SELECT: &str = "SELECT c.id, c.course_id, co.name, c.teacher_id, t.name, c.name, c.weekday, c.start_time,
                             c.archived_at
                        FROM class c JOIN course co ON co.id = c.course_id JOIN staff t ON t.id = c.teacher_id";

fn load(conn: &Connection, filter: &str, param: i64) -> Result<Vec<Class>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE {filter} ORDER BY c.weekday, c.start_time, c.sort_key"
    ))?;
    let mut classes = stmt
        .query_map([param], |r| {
            Ok(Class {
                id: r.get(0)?,
                course_id: r.get(1)?,
                course_name: r.get(2)?,
                teacher_id: r.get(3)?,
                teacher_name: r.get(4)?,
                name: r.get(5)?,
                weekday: r.get(6)?,
                start_time: r.get(7)?,
                students: Vec::new(),
                archived_at: r.get(8)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // Rosters in one query rather than one per class.
    let mut rosters: HashMap<i64, Vec<ClassStudent>> = HashMap::new();
    let mut stmt = conn.prepare(&format!(
        "SELECT cs.class_id, s.id, s.name, s.family_id FROM class_student cs
           JOIN student s ON s.id = cs.student_id
          WHERE cs.class_id IN (SELECT c.id FROM class c WHERE {filter}) ORDER BY s.sort_key"
    ))?;
    let rows = stmt.query_map([param], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            ClassStudent {
                id: r.get(1)?,
                name: r.get(2)?,
                family_id: r.get(3)?,
            },
        ))
    })?;
    for row in rows {
        let (class_id, student) = row?;
        rosters.entry(class_id).or_default().push(student);
    }
    for class in &mut classes {
        class.students = rosters.remove(&class.id).unwrap_or_default();
    }
    Ok(classes)
}

pub fn get(conn: &Connection, id: i64) -> Result<Class> {
    load(conn, "c.id = ?1", id)?
        .pop()
        .ok_or(Error::not_found(Entity::Class, id))
}

pub fn list(conn: &Connection, include_archived: bool) -> Result<Vec<Class>> {
    load(conn, "?1 OR c.archived_at IS NULL", include_archived as i64)
}
