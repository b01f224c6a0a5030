//! Communication notes: the family timeline of talks, calls and messages.

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Entity, Error, Result, ValidationCode};
use crate::guardian::ContactChannel;
use crate::{family, field, search};

text_enum!(NoteKind {
    EnrollmentTalk = "enrollment_talk",
    ProgressUpdate = "progress_update",
    RenewalTalk = "renewal_talk",
    Complaint = "complaint",
    Feedback = "feedback",
    Other = "other",
});

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct NoteInput {
    pub family_id: i64,
    /// The note may concern one student or one guardian of the family.
    pub student_id: Option<i64>,
    pub guardian_id: Option<i64>,
    pub author_id: i64,
    pub channel: ContactChannel,
    pub kind: NoteKind,
    pub body: String,
    /// When the conversation happened, on the school's wall clock.
    pub occurred_at: NaiveDateTime,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Note {
    pub id: i64,
    pub family_id: i64,
    pub student_id: Option<i64>,
    pub student_name: Option<String>,
    pub guardian_id: Option<i64>,
    pub guardian_name: Option<String>,
    pub author_id: i64,
    pub author_name: String,
    pub channel: ContactChannel,
    pub kind: NoteKind,
    pub body: String,
    pub occurred_at: NaiveDateTime,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

struct Clean {
    body: String,
}

fn check(tx: &Transaction, input: &NoteInput, current_author: Option<i64>) -> Result<Clean> {
    let body = field::required_text("body", &input.body, field::NOTE_MAX)?;
    family::ensure_exists(tx, input.family_id)?;
    let belongs = |table: &str, id: i64| -> Result<bool> {
        Ok(tx.query_row(
            &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1 AND family_id = ?2)"),
            params![id, input.family_id],
            |r| r.get(0),
        )?)
    };
    if let Some(id) = input.student_id {
        if !belongs("student", id)? {
            return Err(Error::invalid(
                "studentId",
                ValidationCode::StudentNotInFamily,
            ));
        }
    }
    if let Some(id) = input.guardian_id {
        if !belongs("guardian", id)? {
            return Err(Error::invalid(
                "guardianId",
                ValidationCode::GuardianNotInFamily,
            ));
        }
    }
    let author_active: Option<bool> = tx
        .query_row(
            "SELECT archived_at IS NULL FROM staff WHERE id = ?1",
            [input.author_id],
            |r| r.get(0),
        )
        .optional()?;
    match author_active {
        None => return Err(Error::invalid("authorId", ValidationCode::Required)),
        // Editing an old note keeps its author even after they left.
        Some(false) if current_author != Some(input.author_id) => {
            return Err(Error::invalid("authorId", ValidationCode::StaffArchived))
        }
        Some(_) => {}
    }
    Ok(Clean { body })
}

pub fn add(tx: &Transaction, input: &NoteInput, now: DateTime<Utc>) -> Result<Note> {
    let clean = check(tx, input, None)?;
    tx.execute(
        "INSERT INTO note (family_id, student_id, guardian_id, author_id, channel, kind, body,
                           occurred_at, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            input.family_id,
            input.student_id,
            input.guardian_id,
            input.author_id,
            input.channel,
            input.kind,
            clean.body,
            input.occurred_at,
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    search::index(
        tx,
        search::SearchKind::Note,
        id,
        input.family_id,
        &clean.body.to_lowercase(),
    )?;
    family::touch(tx, input.family_id, now)?;
    get(tx, id)
}

/// A note stays on its family's timeline; everything else about it may change.
pub fn update(tx: &Transaction, id: i64, input: &NoteInput, now: DateTime<Utc>) -> Result<Note> {
    let existing = get(tx, id)?;
    let input = NoteInput {
        family_id: existing.family_id,
        ..input.clone()
    };
    let clean = check(tx, &input, Some(existing.author_id))?;
    tx.execute(
        "UPDATE note SET student_id = ?2, guardian_id = ?3, author_id = ?4, channel = ?5, kind = ?6,
                         body = ?7, occurred_at = ?8, updated_at = ?9
         WHERE id = ?1",
        params![
            id,
            input.student_id,
            input.guardian_id,
            input.author_id,
            input.channel,
            input.kind,
            clean.body,
            input.occurred_at,
            now
        ],
    )?;
    search::index(
        tx,
        search::SearchKind::Note,
        id,
        existing.family_id,
        &clean.body.to_lowercase(),
    )?;
    family::touch(tx, existing.family_id, now)?;
    get(tx, id)
}

pub fn delete(tx: &Transaction, id: i64, now: DateTime<Utc>) -> Result<()> {
    let existing = get(tx, id)?;
    tx.execute("DELETE FROM note WHERE id = ?1", [id])?;
    search::unindex(tx, search::SearchKind::Note, id)?;
    family::touch(tx, existing.family_id, now)?;
    Ok(())
}

const SELECT: &str = "SELECT n.id, n.family_id, n.student_id, s.name, n.guardian_id, g.name, n.author_id,
                             a.name, n.channel, n.kind, n.body, n.occurred_at, n.created_at, n.updated_at
                        FROM note n
                        JOIN staff a ON a.id = n.author_id
                        LEFT JOIN student s ON s.id = n.student_id
                        LEFT JOIN guardian g ON g.id = n.guardian_id";

fn from_row(row: &Row) -> rusqlite::Result<Note> {
    Ok(Note {
        id: row.get(0)?,
        family_id: row.get(1)?,
        student_id: row.get(2)?,
        student_name: row.get(3)?,
        guardian_id: row.get(4)?,
        guardian_name: row.get(5)?,
        author_id: row.get(6)?,
        author_name: row.get(7)?,
        channel: row.get(8)?,
        kind: row.get(9)?,
        body: row.get(10)?,
        occurred_at: row.get(11)?,
        created_at: row.get(12)?,
        updated_at: row.get(13)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Note> {
    conn.query_row(&format!("{SELECT} WHERE n.id = ?1"), [id], from_row)
        .optional()?
        .ok_or(Error::not_found(Entity::Note, id))
}

pub fn list_for_family(conn: &Connection, family_id: i64) -> Result<Vec<Note>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE n.family_id = ?1 ORDER BY n.occurred_at DESC, n.id DESC"
    ))?;
    let rows = stmt.query_map([family_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
