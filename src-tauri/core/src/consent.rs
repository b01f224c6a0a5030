//! Guardian consent: what a family agreed to — keeping its records, photos and videos of the
//! children, contact by message — on which day, given by which guardian, recorded by whom.
//! Every decision is a new row; the newest is the one in force, the older ones its history.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result, ValidationCode as Code};
use crate::{family, field};

text_enum!(
    /// What a guardian may agree to.
    ConsentScope {
        /// Keeping the family's records (names, contacts, notes, class hours).
        Records = "records",
        /// Taking and keeping photos and videos of the children.
        Media = "media",
        /// Contacting the family by message: WeChat, SMS, e-mail.
        Messages = "messages",
    }
);

/// A decision recorded on the family page.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ConsentInput {
    /// The guardian who decided; None when the record does not say.
    pub guardian_id: Option<i64>,
    /// The day the guardian decided.
    pub given_on: NaiveDate,
    /// The scopes agreed to; every scope left out is refused (or withdrawn).
    pub scopes: Vec<ConsentScope>,
    /// The staff member recording it.
    pub recorded_by: i64,
    pub note: Option<String>,
}

/// The same decision taken with the new-family form, where guardians have no ids yet:
/// `given_by` is the guardian's place in the form (0 for the first).
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct EnrollmentConsent {
    pub given_by: Option<u32>,
    pub given_on: NaiveDate,
    pub scopes: Vec<ConsentScope>,
    pub recorded_by: i64,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Consent {
    pub id: i64,
    pub family_id: i64,
    pub guardian_id: Option<i64>,
    pub guardian_name: Option<String>,
    /// The scopes agreed to, in `ConsentScope::ALL` order.
    pub scopes: Vec<ConsentScope>,
    pub given_on: NaiveDate,
    pub note: Option<String>,
    pub recorded_by: i64,
    pub recorded_by_name: String,
    pub recorded_at: DateTime<Utc>,
}

impl Consent {
    pub fn allows(&self, scope: ConsentScope) -> bool {
        self.scopes.contains(&scope)
    }
}

/// Records a decision for the family and returns it.
pub fn record(
    tx: &Transaction,
    family_id: i64,
    input: &ConsentInput,
    now: DateTime<Utc>,
) -> Result<Consent> {
    family::ensure_exists(tx, family_id)?;
    if let Some(id) = input.guardian_id {
        let belongs: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM guardian WHERE id = ?1 AND family_id = ?2)",
            params![id, family_id],
            |r| r.get(0),
        )?;
        if !belongs {
            return Err(Error::invalid("guardianId", Code::GuardianNotInFamily));
        }
    }
    let given_on = field::past_date("givenOn", Some(input.given_on), now)?;
    let recorder_active: Option<bool> = tx
        .query_row(
            "SELECT archived_at IS NULL FROM staff WHERE id = ?1",
            [input.recorded_by],
            |r| r.get(0),
        )
        .optional()?;
    match recorder_active {
        None => return Err(Error::invalid("recordedBy", Code::Required)),
        Some(false) => return Err(Error::invalid("recordedBy", Code::StaffArchived)),
        Some(true) => {}
    }
    let note = field::optional_text("note", input.note.clone(), field::SHORT_TEXT_MAX)?;
    let has = |s| input.scopes.contains(&s);
    tx.execute(
        "INSERT INTO consent (family_id, guardian_id, records, media, messages, given_on, note,
                              recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            family_id,
            input.guardian_id,
            has(ConsentScope::Records),
            has(ConsentScope::Media),
            has(ConsentScope::Messages),
            given_on,
            note,
            input.recorded_by,
            now
        ],
    )?;
    get(tx, tx.last_insert_rowid())
}

/// Records the decision taken with the new-family form, naming the guardian by its place in
/// the form (guardians are created in form order).
pub fn record_at_enrollment(
    tx: &Transaction,
    family_id: i64,
    input: &EnrollmentConsent,
    now: DateTime<Utc>,
) -> Result<Consent> {
    let guardian_id = match input.given_by {
        None => None,
        Some(place) => Some(
            tx.query_row(
                "SELECT id FROM guardian WHERE family_id = ?1 ORDER BY id LIMIT 1 OFFSET ?2",
                params![family_id, place],
                |r| r.get(0),
            )
            .optional()?
            .ok_or(Error::invalid("consent.givenBy", Code::GuardianNotInFamily))?,
        ),
    };
    let consent = ConsentInput {
        guardian_id,
        given_on: input.given_on,
        scopes: input.scopes.clone(),
        recorded_by: input.recorded_by,
        note: input.note.clone(),
    };
    // The form shows these fields under `consent.`.
    record(tx, family_id, &consent, now).map_err(|e| match e {
        Error::Validation { field, code } => Error::invalid(format!("consent.{field}"), code),
        other => other,
    })
}

const SELECT: &str = "SELECT c.id, c.family_id, c.guardian_id, g.name, c.records, c.media,
                             c.messages, c.given_on, c.note, c.recorded_by, s.name, c.recorded_at
                        FROM consent c
                        JOIN staff s ON s.id = c.recorded_by
                        LEFT JOIN guardian g ON g.id = c.guardian_id";

fn from_row(r: &Row) -> rusqlite::Result<Consent> {
    let flags: [bool; 3] = [r.get(4)?, r.get(5)?, r.get(6)?];
    Ok(Consent {
        id: r.get(0)?,
        family_id: r.get(1)?,
        guardian_id: r.get(2)?,
        guardian_name: r.get(3)?,
        scopes: ConsentScope::ALL
            .iter()
            .zip(flags)
            .filter_map(|(s, on)| on.then_some(*s))
            .collect(),
        given_on: r.get(7)?,
        note: r.get(8)?,
        recorded_by: r.get(9)?,
        recorded_by_name: r.get(10)?,
        recorded_at: r.get(11)?,
    })
}

fn get(conn: &Connection, id: i64) -> Result<Consent> {
    Ok(conn.query_row(&format!("{SELECT} WHERE c.id = ?1"), [id], from_row)?)
}

/// The decision in force; None when the family was never asked.
pub fn current(conn: &Connection, family_id: i64) -> Result<Option<Consent>> {
    Ok(conn
        .query_row(
            &format!("{SELECT} WHERE c.family_id = ?1 ORDER BY c.id DESC LIMIT 1"),
            [family_id],
            from_row,
        )
        .optional()?)
}

/// Every decision of the family, newest first.
pub fn history(conn: &Connection, family_id: i64) -> Result<Vec<Consent>> {
    family::ensure_exists(conn, family_id)?;
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE c.family_id = ?1 ORDER BY c.id DESC"
    ))?;
    let rows = stmt.query_map([family_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
