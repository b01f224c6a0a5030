//! The family's data as a person reads it, for the PDF a parent receives: the same records as
//! the JSON export, resolved to names, dates and words instead of ids and codes.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use rusqlite::Connection;

use crate::achievement::{self, Achievement};
use crate::attendance::AttendanceStatus;
use crate::consent::{self, Consent};
use crate::error::Result;
use crate::family::{self, Family};
use crate::guardian::{self, Guardian};
use crate::ledger::{self, Account};
use crate::note::{self, Note};
use crate::renewal::{DeclineReason, RenewalStatus};
use crate::settings;
use crate::student::{self, Student};
use crate::tagging::{self, Motivation};

#[derive(Debug, Clone)]
pub struct AttendanceLine {
    pub starts_at: NaiveDateTime,
    pub class_name: String,
    pub status: AttendanceStatus,
}

#[derive(Debug, Clone)]
pub struct RenewalLine {
    pub course_name: String,
    pub status: RenewalStatus,
    pub opened_at: DateTime<Utc>,
    pub closed_on: Option<NaiveDate>,
    pub declined_reason: Option<DeclineReason>,
    pub declined_text: Option<String>,
}

#[derive(Debug, Clone)]
pub struct StudentRecord {
    pub student: Student,
    pub classes: Vec<String>,
    /// Every class-hour account with its ledger lines.
    pub accounts: Vec<Account>,
    pub attendance: Vec<AttendanceLine>,
    pub renewals: Vec<RenewalLine>,
    pub achievements: Vec<Achievement>,
}

#[derive(Debug, Clone)]
pub struct FamilyDocument {
    pub school_name: Option<String>,
    pub on: NaiveDate,
    pub family: Family,
    /// With their current motivation and tags.
    pub guardians: Vec<Guardian>,
    /// Every motivation result per guardian, newest first, in `guardians` order.
    pub motivation_history: Vec<Vec<Motivation>>,
    pub students: Vec<StudentRecord>,
    /// Newest first.
    pub notes: Vec<Note>,
    /// Newest first.
    pub consent: Vec<Consent>,
}

fn rows<T>(
    conn: &Connection,
    sql: &str,
    id: i64,
    f: impl FnMut(&rusqlite::Row) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    let out = stmt.query_map([id], f)?;
    Ok(out.collect::<rusqlite::Result<_>>()?)
}

fn student_record(conn: &Connection, student: Student, today: NaiveDate) -> Result<StudentRecord> {
    let id = student.id;
    Ok(StudentRecord {
        classes: rows(
            conn,
            "SELECT c.name FROM class_student cs JOIN class c ON c.id = cs.class_id
              WHERE cs.student_id = ?1 ORDER BY c.sort_key",
            id,
            |r| r.get(0),
        )?,
        accounts: ledger::accounts(conn, id, today)?,
        attendance: rows(
            conn,
            "SELECT s.starts_at, c.name, a.status FROM attendance a
               JOIN lesson_session s ON s.id = a.session_id JOIN class c ON c.id = s.class_id
              WHERE a.student_id = ?1 ORDER BY s.starts_at",
            id,
            |r| {
                Ok(AttendanceLine {
                    starts_at: r.get(0)?,
                    class_name: r.get(1)?,
                    status: r.get(2)?,
                })
            },
        )?,
        renewals: rows(
            conn,
            "SELECT c.name, r.status, r.opened_at, r.closed_on, r.declined_reason, r.declined_text
               FROM renewal_cycle r JOIN course c ON c.id = r.course_id
              WHERE r.student_id = ?1 ORDER BY r.opened_at, r.id",
            id,
            |r| {
                Ok(RenewalLine {
                    course_name: r.get(0)?,
                    status: r.get(1)?,
                    opened_at: r.get(2)?,
                    closed_on: r.get(3)?,
                    declined_reason: r.get(4)?,
                    declined_text: r.get(5)?,
                })
            },
        )?,
        achievements: achievement::list_for_student(conn, id, None)?,
        student,
    })
}

/// Everything the school keeps about the family, as of `today`.
pub fn family_document(
    conn: &Connection,
    family_id: i64,
    today: NaiveDate,
) -> Result<FamilyDocument> {
    let family = family::get(conn, family_id)?;
    let guardians = guardian::list_for_family(conn, family_id)?;
    let motivation_history = guardians
        .iter()
        .map(|g| tagging::history(conn, g.id))
        .collect::<Result<_>>()?;
    let students = student::list_for_family(conn, family_id)?
        .into_iter()
        .map(|s| student_record(conn, s, today))
        .collect::<Result<_>>()?;
    Ok(FamilyDocument {
        school_name: settings::school_name(conn)?,
        on: today,
        family,
        guardians,
        motivation_history,
        students,
        notes: note::list_for_family(conn, family_id)?,
        consent: consent::history(conn, family_id)?,
    })
}
