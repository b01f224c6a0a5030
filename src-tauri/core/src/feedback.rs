//! End-of-term feedback: what a family said about the term, scored 1–5 (teaching, progress,
//! communication, overall) with their words, and each term's averages for insights.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Row, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Entity, Error, Result, ValidationCode as Code};
use crate::{family, field, staff};

/// A term label is a few words ("2026 秋季", "Autumn 2026"), not a sentence.
const TERM_MAX: usize = 50;

/// How the family scored the term, 1–5; any score but the overall one may be left blank.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Scores {
    pub teaching: Option<u8>,
    pub progress: Option<u8>,
    pub communication: Option<u8>,
    pub overall: u8,
}

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackInput {
    pub family_id: i64,
    /// The child it is about, when it is about one.
    pub student_id: Option<i64>,
    /// The school's label for the term; averages group by it.
    pub term: String,
    #[serde(flatten)]
    pub scores: Scores,
    pub text: Option<String>,
    pub recorded_by: i64,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Feedback {
    pub id: i64,
    pub family_id: i64,
    pub student_id: Option<i64>,
    pub student_name: Option<String>,
    pub term: String,
    #[serde(flatten)]
    pub scores: Scores,
    pub text: Option<String>,
    pub recorded_by: i64,
    pub recorded_by_name: String,
    pub recorded_at: DateTime<Utc>,
}

/// One term's averages; a score nobody gave is None.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TermAverage {
    pub term: String,
    pub responses: u32,
    pub families: u32,
    pub teaching: Option<f64>,
    pub progress: Option<f64>,
    pub communication: Option<f64>,
    pub overall: f64,
}

fn score(field: &str, value: Option<u8>) -> Result<()> {
    match value {
        Some(v) if !(1..=5).contains(&v) => Err(Error::invalid(field, Code::ScoreOutOfRange)),
        _ => Ok(()),
    }
}

pub fn record(tx: &Transaction, input: &FeedbackInput, now: DateTime<Utc>) -> Result<Feedback> {
    family::ensure_exists(tx, input.family_id)?;
    let term = field::required_text("term", &input.term, TERM_MAX)?;
    let Scores {
        teaching,
        progress,
        communication,
        overall,
    } = input.scores;
    score("teaching", teaching)?;
    score("progress", progress)?;
    score("communication", communication)?;
    score("overall", Some(overall))?;
    let text = field::optional_text("text", input.text.clone(), field::NOTE_MAX)?;
    if let Some(id) = input.student_id {
        let belongs: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM student WHERE id = ?1 AND family_id = ?2)",
            params![id, input.family_id],
            |r| r.get(0),
        )?;
        if !belongs {
            return Err(Error::invalid("studentId", Code::StudentNotInFamily));
        }
    }
    match staff::get(tx, input.recorded_by) {
        Ok(s) if s.archived_at.is_none() => {}
        Ok(_) => return Err(Error::invalid("recordedBy", Code::StaffArchived)),
        Err(Error::NotFound { .. }) => return Err(Error::invalid("recordedBy", Code::Required)),
        Err(e) => return Err(e),
    }
    tx.execute(
        "INSERT INTO family_feedback (family_id, student_id, term, teaching, progress,
                                      communication, overall, body, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            input.family_id,
            input.student_id,
            term,
            teaching,
            progress,
            communication,
            overall,
            text,
            input.recorded_by,
            now
        ],
    )?;
    get(tx, tx.last_insert_rowid())
}

const SELECT: &str = "SELECT f.id, f.family_id, f.student_id, s.name, f.term, f.teaching,
                             f.progress, f.communication, f.overall, f.body, f.recorded_by,
                             st.name, f.recorded_at
                        FROM family_feedback f
                        JOIN staff st ON st.id = f.recorded_by
                        LEFT JOIN student s ON s.id = f.student_id";

fn from_row(r: &Row) -> rusqlite::Result<Feedback> {
    Ok(Feedback {
        id: r.get(0)?,
        family_id: r.get(1)?,
        student_id: r.get(2)?,
        student_name: r.get(3)?,
        term: r.get(4)?,
        scores: Scores {
            teaching: r.get(5)?,
            progress: r.get(6)?,
            communication: r.get(7)?,
            overall: r.get(8)?,
        },
        text: r.get(9)?,
        recorded_by: r.get(10)?,
        recorded_by_name: r.get(11)?,
        recorded_at: r.get(12)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Feedback> {
    use rusqlite::OptionalExtension;
    conn.query_row(&format!("{SELECT} WHERE f.id = ?1"), [id], from_row)
        .optional()?
        .ok_or(Error::not_found(Entity::Feedback, id))
}

/// The family's feedback, newest first.
pub fn list_for_family(conn: &Connection, family_id: i64) -> Result<Vec<Feedback>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE f.family_id = ?1 ORDER BY f.recorded_at DESC, f.id DESC"
    ))?;
    let rows = stmt.query_map([family_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Each term's averages, the term recorded most recently first.
pub fn averages(conn: &Connection) -> Result<Vec<TermAverage>> {
    let mut stmt = conn.prepare(
        "SELECT term, count(*), count(DISTINCT family_id), avg(teaching), avg(progress),
                avg(communication), avg(overall)
           FROM family_feedback GROUP BY term ORDER BY max(recorded_at) DESC, term",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(TermAverage {
            term: r.get(0)?,
            responses: r.get(1)?,
            families: r.get(2)?,
            teaching: r.get(3)?,
            progress: r.get(4)?,
            communication: r.get(5)?,
            overall: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
