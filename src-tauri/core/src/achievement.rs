//! What a student achieved: performances, competitions (with their result), grading exams,
//! certificates and milestones. The renewal conversation starts here (seed 000).

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Entity, Error, Result, ValidationCode as Code};
use crate::{field, student};

text_enum!(AchievementKind {
    Performance = "performance",
    Competition = "competition",
    Grading = "grading",
    Certificate = "certificate",
    Milestone = "milestone",
});

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AchievementInput {
    pub student_id: i64,
    pub kind: AchievementKind,
    pub title: String,
    pub result: Option<String>,
    pub occurred_on: NaiveDate,
    pub description: Option<String>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Achievement {
    pub id: i64,
    pub student_id: i64,
    pub kind: AchievementKind,
    pub title: String,
    pub result: Option<String>,
    pub occurred_on: NaiveDate,
    pub description: Option<String>,
    pub media: Vec<crate::media::Media>,
}

struct Clean {
    title: String,
    result: Option<String>,
    description: Option<String>,
}

fn check(conn: &Connection, input: &AchievementInput, now: DateTime<Utc>) -> Result<Clean> {
    student::get(conn, input.student_id)?;
    field::past_date("occurredOn", Some(input.occurred_on), now)?;
    Ok(Clean {
        title: field::required_text("title", &input.title, field::SHORT_TEXT_MAX)?,
        result: field::optional_text("result", input.result.clone(), field::SHORT_TEXT_MAX)?,
        description: field::optional_text(
            "description",
            input.description.clone(),
            field::NOTE_MAX,
        )?,
    })
}

pub fn add(tx: &Transaction, input: &AchievementInput, now: DateTime<Utc>) -> Result<Achievement> {
    let c = check(tx, input, now)?;
    tx.execute(
        "INSERT INTO achievement (student_id, kind, title, result, occurred_on, description,
                                  created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)",
        params![
            input.student_id,
            input.kind,
            c.title,
            c.result,
            input.occurred_on,
            c.description,
            now
        ],
    )?;
    get(tx, tx.last_insert_rowid())
}

/// Changes everything but the student it belongs to.
pub fn update(
    tx: &Transaction,
    id: i64,
    input: &AchievementInput,
    now: DateTime<Utc>,
) -> Result<Achievement> {
    let existing = get(tx, id)?;
    let input = AchievementInput {
        student_id: existing.student_id,
        ..input.clone()
    };
    let c = check(tx, &input, now)?;
    tx.execute(
        "UPDATE achievement SET kind = ?2, title = ?3, result = ?4, occurred_on = ?5,
                description = ?6, updated_at = ?7 WHERE id = ?1",
        params![
            id,
            input.kind,
            c.title,
            c.result,
            input.occurred_on,
            c.description,
            now
        ],
    )?;
    get(tx, id)
}

/// Removes the record; its media files are returned so the caller can delete them once the
/// transaction has committed.
pub fn delete(tx: &Transaction, id: i64) -> Result<Vec<String>> {
    let existing = get(tx, id)?;
    tx.execute("DELETE FROM achievement WHERE id = ?1", [id])?;
    Ok(existing.media.into_iter().map(|m| m.stored_name).collect())
}

const COLUMNS: &str = "id, student_id, kind, title, result, occurred_on, description";

fn from_row(r: &Row) -> rusqlite::Result<Achievement> {
    Ok(Achievement {
        id: r.get(0)?,
        student_id: r.get(1)?,
        kind: r.get(2)?,
        title: r.get(3)?,
        result: r.get(4)?,
        occurred_on: r.get(5)?,
        description: r.get(6)?,
        media: Vec::new(),
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Achievement> {
    let mut a = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM achievement WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or(Error::not_found(Entity::Achievement, id))?;
    a.media = crate::media::list_for(conn, &[a.id])?
        .remove(&a.id)
        .unwrap_or_default();
    Ok(a)
}

/// A student's achievements on or after `since`, newest first, with their media.
pub fn list_for_student(
    conn: &Connection,
    student_id: i64,
    since: Option<NaiveDate>,
) -> Result<Vec<Achievement>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM achievement WHERE student_id = ?1 AND occurred_on >= ?2
          ORDER BY occurred_on DESC, id DESC"
    ))?;
    let since = since.unwrap_or(NaiveDate::MIN);
    let mut list = stmt
        .query_map(params![student_id, since], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let ids: Vec<i64> = list.iter().map(|a| a.id).collect();
    let mut media = crate::media::list_for(conn, &ids)?;
    for a in &mut list {
        a.media = media.remove(&a.id).unwrap_or_default();
    }
    Ok(list)
}

pub(crate) fn ensure_exists(conn: &Connection, id: i64) -> Result<()> {
    let exists: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM achievement WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?;
    if exists {
        Ok(())
    } else {
        Err(Error::invalid("achievementId", Code::Required))
    }
}
