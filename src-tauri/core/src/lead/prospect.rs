//! Recording leads, reading them back with their trials, and dropping or reopening them.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::{
    trial, CloseInput, Closure, LeadFilter, LeadSource, LeadState, Prospect, ProspectInput,
};
use crate::error::{ConflictCode, Entity, Error, Result, ValidationCode as Code};
use crate::renewal::DeclineReason;
use crate::{course, family, field, lifecycle};

struct Clean {
    guardian_name: String,
    phone: Option<String>,
    child_name: String,
    birth_year: Option<i32>,
    notes: Option<String>,
}

fn clean(conn: &Connection, input: &ProspectInput, now: DateTime<Utc>) -> Result<Clean> {
    let guardian_name = field::name("guardianName", &input.guardian_name)?;
    let child_name = field::name("childName", &input.child_name)?;
    let phone = field::phone("phone", input.phone.clone())?;
    field::past_date("firstContactOn", Some(input.first_contact_on), now)?;
    let birth_year = match (input.child_birth_year, input.child_age) {
        (Some(year), _) => Some(birth_year("childBirthYear", year, now)?),
        (None, Some(age)) => {
            let year = input.first_contact_on.year() - i32::try_from(age).unwrap_or(i32::MAX);
            Some(birth_year("childAge", year, now)?)
        }
        (None, None) => None,
    };
    if let Some(id) = input.course_id {
        course::get(conn, id).map_err(|_| Error::invalid("courseId", Code::Required))?;
    }
    match (input.source, input.referred_by_family_id) {
        (LeadSource::Referral, None) => {
            return Err(Error::invalid("referredByFamilyId", Code::Required))
        }
        (LeadSource::Referral, Some(id)) => family::ensure_exists(conn, id)
            .map_err(|_| Error::invalid("referredByFamilyId", Code::Required))?,
        (_, Some(_)) => return Err(Error::invalid("referredByFamilyId", Code::ReferralOnly)),
        (_, None) => {}
    }
    Ok(Clean {
        guardian_name,
        phone,
        child_name,
        birth_year,
        notes: field::optional_text("notes", input.notes.clone(), field::NOTE_MAX)?,
    })
}

/// A year of birth no later than this year and no earlier than 1900.
fn birth_year(name: &str, year: i32, now: DateTime<Utc>) -> Result<i32> {
    if year > now.year() {
        Err(Error::invalid(name, Code::DateInFuture))
    } else if year < 1900 {
        Err(Error::invalid(name, Code::DateTooOld))
    } else {
        Ok(year)
    }
}

pub fn add(tx: &Transaction, input: &ProspectInput, now: DateTime<Utc>) -> Result<Prospect> {
    let id = store(tx, None, input, now)?;
    get(tx, id)
}

/// Corrects what was typed; an enrolled lead may still be corrected (its source, say).
pub fn update(
    tx: &Transaction,
    id: i64,
    input: &ProspectInput,
    now: DateTime<Utc>,
) -> Result<Prospect> {
    get(tx, id)?;
    store(tx, Some(id), input, now)?;
    get(tx, id)
}

/// Inserts a new lead (`id` None) or rewrites what staff typed about an existing one.
fn store(
    tx: &Transaction,
    id: Option<i64>,
    input: &ProspectInput,
    now: DateTime<Utc>,
) -> Result<i64> {
    let c = clean(tx, input, now)?;
    tx.execute(
        "INSERT INTO prospect (id, guardian_name, phone, child_name, child_birth_year, course_id,
                               source, referred_by_family_id, first_contact_on, notes,
                               created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11)
         ON CONFLICT (id) DO UPDATE SET
             guardian_name = excluded.guardian_name, phone = excluded.phone,
             child_name = excluded.child_name, child_birth_year = excluded.child_birth_year,
             course_id = excluded.course_id, source = excluded.source,
             referred_by_family_id = excluded.referred_by_family_id,
             first_contact_on = excluded.first_contact_on, notes = excluded.notes,
             updated_at = excluded.updated_at",
        params![
            id,
            c.guardian_name,
            c.phone,
            c.child_name,
            c.birth_year,
            input.course_id,
            input.source,
            input.referred_by_family_id,
            input.first_contact_on,
            c.notes,
            now
        ],
    )?;
    Ok(id.unwrap_or_else(|| tx.last_insert_rowid()))
}

/// The lead dropped out, for a reason in the renewal desk's categories. `now` is the school's
/// wall clock: the day it closed.
pub fn close(
    tx: &Transaction,
    id: i64,
    input: &CloseInput,
    now: DateTime<FixedOffset>,
) -> Result<Prospect> {
    ensure_open(tx, id)?;
    let text = field::optional_text("text", input.text.clone(), field::SHORT_TEXT_MAX)?;
    if input.reason == DeclineReason::Other && text.is_none() {
        return Err(Error::invalid("text", Code::Required));
    }
    tx.execute(
        "UPDATE prospect SET closed_reason = ?2, closed_text = ?3, closed_on = ?4, updated_at = ?5
          WHERE id = ?1",
        params![
            id,
            input.reason,
            text,
            now.date_naive(),
            now.with_timezone(&Utc)
        ],
    )?;
    get(tx, id)
}

/// A dropped lead that came back.
pub fn reopen(tx: &Transaction, id: i64, now: DateTime<Utc>) -> Result<Prospect> {
    ensure_open(tx, id)?;
    reopen_quietly(tx, id, now)?;
    get(tx, id)
}

pub(super) fn reopen_quietly(tx: &Transaction, id: i64, now: DateTime<Utc>) -> Result<()> {
    tx.execute(
        "UPDATE prospect SET closed_reason = NULL, closed_text = NULL, closed_on = NULL,
                updated_at = ?2
          WHERE id = ?1 AND closed_on IS NOT NULL",
        params![id, now],
    )?;
    Ok(())
}

/// Fails unless the lead exists and has not enrolled.
pub(super) fn ensure_open(conn: &Connection, id: i64) -> Result<()> {
    let converted: Option<bool> = conn
        .query_row(
            "SELECT family_id IS NOT NULL FROM prospect WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    match converted {
        None => Err(Error::not_found(Entity::Prospect, id)),
        Some(true) => Err(Error::Conflict {
            code: ConflictCode::ProspectConverted,
        }),
        Some(false) => Ok(()),
    }
}

const SELECT: &str = "
SELECT p.id, p.guardian_name, p.phone, p.child_name, p.child_birth_year, p.course_id, c.name,
       p.source, p.referred_by_family_id, rf.name, p.first_contact_on, p.notes, p.family_id,
       p.student_id, p.converted_on, p.closed_reason, p.closed_text, p.closed_on
  FROM prospect p
  LEFT JOIN course c ON c.id = p.course_id
  LEFT JOIN family rf ON rf.id = p.referred_by_family_id";

fn from_row(r: &Row) -> rusqlite::Result<Prospect> {
    let closed_reason: Option<DeclineReason> = r.get(15)?;
    let closed_on: Option<NaiveDate> = r.get(17)?;
    Ok(Prospect {
        id: r.get(0)?,
        guardian_name: r.get(1)?,
        phone: r.get(2)?,
        child_name: r.get(3)?,
        child_birth_year: r.get(4)?,
        course_id: r.get(5)?,
        course_name: r.get(6)?,
        source: r.get(7)?,
        referred_by_family_id: r.get(8)?,
        referred_by_family_name: r.get(9)?,
        first_contact_on: r.get(10)?,
        notes: r.get(11)?,
        family_id: r.get(12)?,
        student_id: r.get(13)?,
        converted_on: r.get(14)?,
        closed: closed_reason.zip(closed_on).map(|(reason, on)| Closure {
            reason,
            text: r.get(16).ok().flatten(),
            on,
        }),
        trials: Vec::new(),
        stage: None,
    })
}

/// Attaches each lead's trials (one query for the whole list) and its stage.
fn complete(conn: &Connection, mut leads: Vec<Prospect>) -> Result<Vec<Prospect>> {
    let ids: Vec<i64> = leads.iter().map(|l| l.id).collect();
    let mut trials = trial::of_prospects(conn, &ids)?;
    for lead in &mut leads {
        lead.trials = trials.remove(&lead.id).unwrap_or_default();
        lead.stage = lifecycle::lead_stage(
            lead.family_id.is_some(),
            lead.closed.is_some(),
            lead.trials.last().map(|t| t.outcome),
        );
    }
    Ok(leads)
}

pub fn get(conn: &Connection, id: i64) -> Result<Prospect> {
    let lead = conn
        .query_row(&format!("{SELECT} WHERE p.id = ?1"), [id], from_row)
        .optional()?
        .ok_or(Error::not_found(Entity::Prospect, id))?;
    let mut one = complete(conn, vec![lead])?;
    Ok(one.remove(0))
}

/// Leads, the most recent first contact first.
pub fn list(conn: &Connection, filter: &LeadFilter) -> Result<Vec<Prospect>> {
    let state = match filter.state {
        None => "1",
        Some(LeadState::Open) => "p.family_id IS NULL AND p.closed_on IS NULL",
        Some(LeadState::Enrolled) => "p.family_id IS NOT NULL",
        Some(LeadState::Dropped) => "p.closed_on IS NOT NULL",
    };
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE {state} AND (?1 IS NULL OR p.source = ?1)
          ORDER BY p.first_contact_on DESC, p.id DESC"
    ))?;
    let leads = stmt
        .query_map([filter.source], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    complete(conn, leads)
}
