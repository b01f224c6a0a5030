//! The staff list: administrators and teachers, who write notes (and later teach classes).

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Entity, Error, Result};
use crate::{field, romanize};

text_enum!(StaffRole {
    Admin = "admin",
    Teacher = "teacher",
});

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StaffInput {
    pub name: String,
    pub role: StaffRole,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Staff {
    pub id: i64,
    pub name: String,
    pub role: StaffRole,
    pub archived_at: Option<DateTime<Utc>>,
}

const COLUMNS: &str = "id, name, role, archived_at";

fn from_row(row: &Row) -> rusqlite::Result<Staff> {
    Ok(Staff {
        id: row.get(0)?,
        name: row.get(1)?,
        role: row.get(2)?,
        archived_at: row.get(3)?,
    })
}

pub fn add(tx: &Transaction, input: &StaffInput, now: DateTime<Utc>) -> Result<Staff> {
    let name = field::name("name", &input.name)?;
    tx.execute(
        "INSERT INTO staff (name, role, sort_key, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![name, input.role, romanize::sort_key(&name), now],
    )?;
    get(tx, tx.last_insert_rowid())
}

pub fn update(tx: &Transaction, id: i64, input: &StaffInput) -> Result<Staff> {
    let name = field::name("name", &input.name)?;
    let changed = tx.execute(
        "UPDATE staff SET name = ?2, role = ?3, sort_key = ?4 WHERE id = ?1",
        params![id, name, input.role, romanize::sort_key(&name)],
    )?;
    if changed == 0 {
        return Err(Error::not_found(Entity::Staff, id));
    }
    get(tx, id)
}

pub fn set_archived(
    tx: &Transaction,
    id: i64,
    archived: bool,
    now: DateTime<Utc>,
) -> Result<Staff> {
    crate::archive::set(tx, "staff", Entity::Staff, id, archived, now)?;
    get(tx, id)
}

pub fn get(conn: &Connection, id: i64) -> Result<Staff> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM staff WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::not_found(Entity::Staff, id))
}

pub fn list(conn: &Connection, include_archived: bool) -> Result<Vec<Staff>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM staff WHERE ?1 OR archived_at IS NULL ORDER BY sort_key"
    ))?;
    let rows = stmt.query_map([include_archived], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
