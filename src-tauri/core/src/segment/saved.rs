//! Saved segments: a definition kept under a name, one name per segment (case and width
//! folded, as tags are), to pick again in any list, the renewal desk or an export.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::SegmentDefinition;
use crate::error::{Entity, Error, Result, ValidationCode as Code};
use crate::{course, field, tag};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SegmentInput {
    pub name: String,
    pub definition: SegmentDefinition,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SavedSegment {
    pub id: i64,
    pub name: String,
    pub definition: SegmentDefinition,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// The cleaned name, its folded form and the definition as JSON.
fn clean(
    conn: &Connection,
    input: &SegmentInput,
    id: Option<i64>,
) -> Result<(String, String, String)> {
    let name = field::name("name", &input.name)?;
    let folded = tag::fold(&name);
    let taken: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM saved_segment WHERE folded = ?1 AND id IS NOT ?2)",
        params![folded, id],
        |r| r.get(0),
    )?;
    if taken {
        return Err(Error::invalid("name", Code::DuplicateSegment));
    }
    let def = &input.definition;
    def.check("definition.")?;
    for (i, &course_id) in def.course_ids.iter().enumerate() {
        course::get(conn, course_id)
            .map_err(|_| Error::invalid(format!("definition.courseIds.{i}"), Code::Required))?;
    }
    for (i, level) in def.skill_levels.iter().enumerate() {
        field::required_text(
            &format!("definition.skillLevels.{i}"),
            level,
            field::NAME_MAX,
        )?;
    }
    let json = serde_json::to_string(def).unwrap_or_else(|_| "{}".into());
    Ok((name, folded, json))
}

pub fn create(tx: &Transaction, input: &SegmentInput, now: DateTime<Utc>) -> Result<SavedSegment> {
    let (name, folded, json) = clean(tx, input, None)?;
    tx.execute(
        "INSERT INTO saved_segment (name, folded, definition, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?4)",
        params![name, folded, json, now],
    )?;
    get(tx, tx.last_insert_rowid())
}

pub fn update(
    tx: &Transaction,
    id: i64,
    input: &SegmentInput,
    now: DateTime<Utc>,
) -> Result<SavedSegment> {
    get(tx, id)?;
    let (name, folded, json) = clean(tx, input, Some(id))?;
    tx.execute(
        "UPDATE saved_segment SET name = ?2, folded = ?3, definition = ?4, updated_at = ?5
          WHERE id = ?1",
        params![id, name, folded, json, now],
    )?;
    get(tx, id)
}

pub fn delete(tx: &Transaction, id: i64) -> Result<()> {
    if tx.execute("DELETE FROM saved_segment WHERE id = ?1", [id])? == 0 {
        return Err(Error::not_found(Entity::Segment, id));
    }
    Ok(())
}

fn from_row(r: &Row) -> rusqlite::Result<SavedSegment> {
    let json: String = r.get(2)?;
    let definition = serde_json::from_str(&json).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, Box::new(e))
    })?;
    Ok(SavedSegment {
        id: r.get(0)?,
        name: r.get(1)?,
        definition,
        created_at: r.get(3)?,
        updated_at: r.get(4)?,
    })
}

const SELECT: &str = "SELECT id, name, definition, created_at, updated_at FROM saved_segment";

pub fn get(conn: &Connection, id: i64) -> Result<SavedSegment> {
    conn.query_row(&format!("{SELECT} WHERE id = ?1"), [id], from_row)
        .optional()?
        .ok_or(Error::not_found(Entity::Segment, id))
}

/// By name, folded.
pub fn list(conn: &Connection) -> Result<Vec<SavedSegment>> {
    let mut stmt = conn.prepare(&format!("{SELECT} ORDER BY folded"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
