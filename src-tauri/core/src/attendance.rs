//! Roll call: who came to a class session, and the lesson deductions that follow from it.
//! A session is unique per class and start time; saving it again replaces its marks and
//! recomputes its ledger entries, so nothing is deducted twice.

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Entity, Error, Result, ValidationCode as Code};
use crate::ledger::{self, EntryKind, NewEntry};
use crate::{class, course, settings, staff};

text_enum!(AttendanceStatus {
    Present = "present",
    Late = "late",
    Excused = "excused",
    Unexcused = "unexcused",
    MakeUp = "make_up",
});

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Mark {
    pub student_id: i64,
    pub status: AttendanceStatus,
    /// Staff confirmed the lesson may be taken with no hours left.
    pub allow_negative: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RollCall {
    pub class_id: i64,
    pub starts_at: NaiveDateTime,
    /// The class's teacher, or a substitute.
    pub teacher_id: i64,
    pub marks: Vec<Mark>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SessionSummary {
    pub id: i64,
    pub class_id: i64,
    pub starts_at: NaiveDateTime,
    pub teacher_name: String,
    pub attended: u32,
    pub absent: u32,
}

pub fn save_roll_call(tx: &Transaction, input: &RollCall, now: DateTime<Utc>) -> Result<i64> {
    let class = class::get(tx, input.class_id)?;
    let course = course::get(tx, class.course_id)?;
    match staff::get(tx, input.teacher_id) {
        Ok(t) if t.archived_at.is_none() => {}
        Ok(_) => return Err(Error::invalid("teacherId", Code::StaffArchived)),
        Err(_) => return Err(Error::invalid("teacherId", Code::Required)),
    }
    let date = input.starts_at.date();
    if date > now.date_naive() + chrono::Days::new(1) {
        return Err(Error::invalid("startsAt", Code::DateInFuture));
    }
    let policy = settings::policy(tx)?;
    let lesson_halves = (course.lesson_hours * 2.0).round() as i64;

    let session_id: i64 = tx.query_row(
        "INSERT INTO lesson_session (class_id, starts_at, teacher_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?4)
         ON CONFLICT (class_id, starts_at) DO UPDATE SET teacher_id = excluded.teacher_id,
                                                         updated_at = excluded.updated_at
         RETURNING id",
        params![input.class_id, input.starts_at, input.teacher_id, now],
        |r| r.get(0),
    )?;
    // Saving again recomputes: the old marks and their deductions go, the new ones come.
    ledger::remove_session(tx, session_id)?;
    tx.execute("DELETE FROM attendance WHERE session_id = ?1", [session_id])?;

    let mut charged = Vec::new();
    for (i, mark) in input.marks.iter().enumerate() {
        let enrolled: Option<Option<chrono::NaiveDate>> = tx
            .query_row(
                "SELECT enrolled_on FROM student WHERE id = ?1",
                [mark.student_id],
                |r| r.get(0),
            )
            .optional()?;
        let enrolled = enrolled.ok_or(Error::invalid(format!("marks.{i}"), Code::Required))?;
        if enrolled.is_some_and(|on| on > date) {
            return Err(Error::invalid(format!("marks.{i}"), Code::BeforeEnrollment));
        }
        let inserted = tx.execute(
            "INSERT OR IGNORE INTO attendance (session_id, student_id, status, allow_negative) VALUES (?1, ?2, ?3, ?4)",
            params![session_id, mark.student_id, mark.status, mark.allow_negative],
        )?;
        if inserted == 0 {
            return Err(Error::invalid(format!("marks.{i}"), Code::DuplicateStudent));
        }
        if policy.deducts(mark.status) {
            let entry = ledger::append(
                tx,
                &NewEntry {
                    student_id: mark.student_id,
                    course_id: course.id,
                    package_id: None,
                    kind: EntryKind::Lesson,
                    halves: -lesson_halves,
                    session_id: Some(session_id),
                    on: date,
                    reason: None,
                    author_id: None,
                    reverses_id: None,
                },
                now,
            )?;
            charged.push((i, mark, entry));
        }
    }
    // A lesson that no package covers needs staff's explicit yes.
    for (i, mark, entry) in charged {
        if mark.allow_negative {
            continue;
        }
        let account = ledger::account(tx, mark.student_id, course.id, now.date_naive())?;
        let uncovered = account
            .lines
            .iter()
            .any(|l| l.entry_id == Some(entry) && l.uncovered > 0.0);
        if uncovered {
            return Err(Error::invalid(format!("marks.{i}"), Code::NoHoursLeft));
        }
    }
    Ok(session_id)
}

/// The marks saved for a class at a start time, if roll call was taken.
pub fn roll_call(
    conn: &Connection,
    class_id: i64,
    starts_at: NaiveDateTime,
) -> Result<Option<RollCall>> {
    let session: Option<(i64, i64)> = conn
        .query_row(
            "SELECT id, teacher_id FROM lesson_session WHERE class_id = ?1 AND starts_at = ?2",
            params![class_id, starts_at],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let Some((session_id, teacher_id)) = session else {
        return Ok(None);
    };
    let mut stmt = conn.prepare(
        "SELECT a.student_id, a.status, a.allow_negative FROM attendance a
           JOIN student s ON s.id = a.student_id WHERE a.session_id = ?1 ORDER BY s.sort_key",
    )?;
    let marks = stmt
        .query_map([session_id], |r| {
            Ok(Mark {
                student_id: r.get(0)?,
                status: r.get(1)?,
                allow_negative: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Some(RollCall {
        class_id,
        starts_at,
        teacher_id,
        marks,
    }))
}

/// Past sessions of a class, newest first.
pub fn sessions(conn: &Connection, class_id: i64) -> Result<Vec<SessionSummary>> {
    class::get(conn, class_id).map_err(|_| Error::not_found(Entity::Class, class_id))?;
    let mut stmt = conn.prepare(
        "SELECT ls.id, ls.class_id, ls.starts_at, t.name,
                (SELECT count(*) FROM attendance a WHERE a.session_id = ls.id AND a.status IN ('present', 'late', 'make_up')),
                (SELECT count(*) FROM attendance a WHERE a.session_id = ls.id AND a.status IN ('excused', 'unexcused'))
           FROM lesson_session ls JOIN staff t ON t.id = ls.teacher_id
          WHERE ls.class_id = ?1 ORDER BY ls.starts_at DESC",
    )?;
    let rows = stmt.query_map([class_id], |r| {
        Ok(SessionSummary {
            id: r.get(0)?,
            class_id: r.get(1)?,
            starts_at: r.get(2)?,
            teacher_name: r.get(3)?,
            attended: r.get(4)?,
            absent: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
