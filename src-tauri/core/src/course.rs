//! Courses: what a school teaches, private or group, and how many hours a lesson takes.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Entity, Error, Result};
use crate::{field, hours, romanize};

text_enum!(CourseFormat {
    Private = "private",
    Group = "group",
});

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CourseInput {
    pub name: String,
    pub format: CourseFormat,
    /// Class hours one lesson deducts, e.g. 1 or 1.5.
    pub lesson_hours: f64,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Course {
    pub id: i64,
    pub name: String,
    pub format: CourseFormat,
    pub lesson_hours: f64,
    pub archived_at: Option<DateTime<Utc>>,
}

fn clean(input: &CourseInput) -> Result<(String, i64)> {
    let name = field::name("name", &input.name)?;
    let halves = hours::to_halves("lessonHours", input.lesson_hours, 0.5, 8.0)?;
    Ok((name, halves))
}

pub fn add(tx: &Transaction, input: &CourseInput, now: DateTime<Utc>) -> Result<Course> {
    let (name, halves) = clean(input)?;
    tx.execute(
        "INSERT INTO course (name, sort_key, format, lesson_halves, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![name, romanize::sort_key(&name), input.format, halves, now],
    )?;
    get(tx, tx.last_insert_rowid())
}

pub fn update(tx: &Transaction, id: i64, input: &CourseInput) -> Result<Course> {
    let (name, halves) = clean(input)?;
    let changed = tx.execute(
        "UPDATE course SET name = ?2, sort_key = ?3, format = ?4, lesson_halves = ?5 WHERE id = ?1",
        params![id, name, romanize::sort_key(&name), input.format, halves],
    )?;
    if changed == 0 {
        return Err(Error::not_found(Entity::Course, id));
    }
    get(tx, id)
}

pub fn set_archived(
    tx: &Transaction,
    id: i64,
    archived: bool,
    now: DateTime<Utc>,
) -> Result<Course> {
    crate::archive::set(tx, "course", Entity::Course, id, archived, now)?;
    get(tx, id)
}

const COLUMNS: &str = "id, name, format, lesson_halves, archived_at";

fn from_row(row: &Row) -> rusqlite::Result<Course> {
    Ok(Course {
        id: row.get(0)?,
        name: row.get(1)?,
        format: row.get(2)?,
        lesson_hours: hours::from_halves(row.get(3)?),
        archived_at: row.get(4)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Course> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM course WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::not_found(Entity::Course, id))
}

pub fn list(conn: &Connection, include_archived: bool) -> Result<Vec<Course>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM course WHERE ?1 OR archived_at IS NULL ORDER BY sort_key"
    ))?;
    let rows = stmt.query_map([include_archived], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
