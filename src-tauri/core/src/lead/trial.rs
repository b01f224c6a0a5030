//! Trial lessons: booked for a lead, then marked attended, missed or declined. A dropped lead
//! that books a trial is back, so booking reopens it.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::prospect::{ensure_open, reopen_quietly};
use super::{OutcomeInput, TrialInput, TrialLesson, TrialOutcome};
use crate::error::{Entity, Error, Result, ValidationCode as Code};
use crate::{class, course, field};

pub fn book_trial(tx: &Transaction, input: &TrialInput, now: DateTime<Utc>) -> Result<TrialLesson> {
    ensure_open(tx, input.prospect_id)?;
    course::get(tx, input.course_id).map_err(|_| Error::invalid("courseId", Code::Required))?;
    if let Some(class_id) = input.class_id {
        let of_course = class::get(tx, class_id).is_ok_and(|c| c.course_id == input.course_id);
        if !of_course {
            return Err(Error::invalid("classId", Code::Required));
        }
    }
    reopen_quietly(tx, input.prospect_id, now)?;
    tx.execute(
        "INSERT INTO trial_lesson (prospect_id, course_id, class_id, scheduled_at, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            input.prospect_id,
            input.course_id,
            input.class_id,
            input.scheduled_at,
            now
        ],
    )?;
    get(tx, tx.last_insert_rowid())
}

pub fn record_outcome(
    tx: &Transaction,
    input: &OutcomeInput,
    now: DateTime<Utc>,
) -> Result<TrialLesson> {
    let trial = get(tx, input.trial_id)?;
    ensure_open(tx, trial.prospect_id)?;
    super::active_staff(tx, input.recorded_by, "recordedBy")?;
    let reason = field::optional_text("reason", input.reason.clone(), field::SHORT_TEXT_MAX)?;
    tx.execute(
        "UPDATE trial_lesson SET outcome = ?2, outcome_reason = ?3, recorded_at = ?4,
                recorded_by = ?5
          WHERE id = ?1",
        params![
            input.trial_id,
            TrialOutcome::from(input.result),
            reason,
            now,
            input.recorded_by
        ],
    )?;
    get(tx, input.trial_id)
}

/// Removes a booking that never happened; a trial with an outcome stays on record.
pub fn cancel_trial(tx: &Transaction, trial_id: i64) -> Result<()> {
    let trial = get(tx, trial_id)?;
    ensure_open(tx, trial.prospect_id)?;
    if trial.outcome != TrialOutcome::Pending {
        return Err(Error::invalid("trialId", Code::CannotReverse));
    }
    tx.execute("DELETE FROM trial_lesson WHERE id = ?1", [trial_id])?;
    Ok(())
}

/// The lead's latest trial that could have led to enrolling (attended, or not yet marked).
pub(super) fn latest_open(conn: &Connection, prospect_id: i64) -> Result<Option<i64>> {
    Ok(conn
        .query_row(
            "SELECT id FROM trial_lesson WHERE prospect_id = ?1 AND outcome IN ('pending', 'attended')
              ORDER BY scheduled_at DESC, id DESC LIMIT 1",
            [prospect_id],
            |r| r.get(0),
        )
        .optional()?)
}

const SELECT: &str = "
SELECT t.id, t.prospect_id, t.course_id, c.name, t.class_id, cl.name, t.scheduled_at,
       t.outcome, t.outcome_reason, t.recorded_at, t.recorded_by
  FROM trial_lesson t
  JOIN course c ON c.id = t.course_id
  LEFT JOIN class cl ON cl.id = t.class_id";

fn from_row(r: &Row) -> rusqlite::Result<TrialLesson> {
    Ok(TrialLesson {
        id: r.get(0)?,
        prospect_id: r.get(1)?,
        course_id: r.get(2)?,
        course_name: r.get(3)?,
        class_id: r.get(4)?,
        class_name: r.get(5)?,
        scheduled_at: r.get(6)?,
        outcome: r.get(7)?,
        outcome_reason: r.get(8)?,
        recorded_at: r.get(9)?,
        recorded_by: r.get(10)?,
    })
}

fn get(conn: &Connection, id: i64) -> Result<TrialLesson> {
    conn.query_row(&format!("{SELECT} WHERE t.id = ?1"), [id], from_row)
        .optional()?
        .ok_or(Error::not_found(Entity::TrialLesson, id))
}

/// The trials of these leads, oldest first, by lead.
pub(super) fn of_prospects(
    conn: &Connection,
    ids: &[i64],
) -> Result<HashMap<i64, Vec<TrialLesson>>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE t.prospect_id IN (SELECT value FROM json_each(?1))
          ORDER BY t.prospect_id, t.scheduled_at, t.id"
    ))?;
    let ids = serde_json::to_string(ids).unwrap_or_else(|_| "[]".into());
    let mut out: HashMap<i64, Vec<TrialLesson>> = HashMap::new();
    for trial in stmt.query_map([ids], from_row)? {
        let trial = trial?;
        out.entry(trial.prospect_id).or_default().push(trial);
    }
    Ok(out)
}
