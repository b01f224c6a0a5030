//! Where each family stands in its life with the school (seed 003: prospect → first contact →
//! trial → new → active → loyal → lapsed, and why families leave). Stages are derived from
//! the record on a given day — packages, renewals, the renewal desk, archiving — never typed.
//!
//! A lead not enrolled yet (see `lead`):
//! - **Prospect**: no trial booked. **Trial**: a trial booked, attended or missed.
//! - **Left**: dropped (with its reason), or its latest trial ended with the family declining.
//!
//! A student, on `today`; the first rule that holds decides:
//! 1. **Left**: the student or the family is archived, or the student has no valid package
//!    and declined the renewal of their newest package (the decline is the reason).
//! 2. **Lapsed**: no valid package for N days ([`lapsed_after_days`], 60 unless the school
//!    changes it): today minus the last day covered — the later of the newest ended package's
//!    last day and the last lesson — is at least N. Until then a family that simply renews
//!    late keeps its stage. 60 days is longer than the winter break and the usual gap between
//!    two packages, and shorter than the renewal desk's 90 days, so a family is chased on the
//!    desk before it counts as gone; a school with a long summer pause can raise it.
//! 3. **At risk**: on the renewal desk today at high risk (`renewal::worklist`, the same
//!    signals and score staff see there).
//! 4. **Prospect**: never bought a package and did not enrol through a lead.
//! 5. **Loyal**: renewed at least twice, or continuously enrolled for 365 days or more — since
//!    the first package after the last gap of N days or more between packages.
//! 6. **Active**: renewed once.
//! 7. **New**: on the first package, or enrolled through a lead and not sold one yet.
//!
//! A valid package has hours left and has not ended (one bought ahead, starting later,
//! counts). Dates are read as of `today`: packages bought and renewals declined after it are
//! ignored, so a past day can be replayed; balances are the current ones.

mod derive;
mod facts;
mod win_back;

use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::Serialize;
use specta::Type;

use crate::bilingual::Bilingual;
use crate::error::{Error, Result, ValidationCode as Code};
use crate::renewal::DeclineReason;

pub use derive::lead_stage;
pub use facts::{stage_of, stages};
pub use win_back::{win_back, LastContact, WinBackRow};

text_enum!(Stage {
    Prospect = "prospect",
    Trial = "trial",
    New = "new",
    Active = "active",
    Loyal = "loyal",
    AtRisk = "at_risk",
    Lapsed = "lapsed",
    Left = "left",
});

/// Why a family left, when it said so.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LeaveReason {
    /// The category chosen when the renewal was declined or the lead dropped; None when the
    /// record was archived or a trial declined.
    pub reason: Option<DeclineReason>,
    pub text: Option<String>,
    /// The day it was recorded.
    pub on: Option<NaiveDate>,
    /// The reason in words, in both languages.
    pub words: Bilingual,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StudentStage {
    pub student_id: i64,
    pub family_id: i64,
    pub stage: Stage,
    /// The student or the family is archived (and so Left).
    pub archived: bool,
    /// Renewals bought so far, in every course.
    pub renewals: u32,
    /// The first day of the current unbroken run of packages.
    pub enrolled_since: Option<NaiveDate>,
    /// The last day the student had hours, when they have none today.
    pub last_covered_on: Option<NaiveDate>,
    /// For `Left`: why, as far as the record says.
    pub reason: Option<LeaveReason>,
}

/// How many students and leads stand at one stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StageCount {
    pub stage: Stage,
    pub students: u32,
    /// Leads not enrolled: prospects, trials, and (under Left) those who dropped out.
    pub leads: u32,
}

/// Students and leads at every stage on `today`, in the order of `Stage::ALL`.
pub fn counts(conn: &Connection, today: NaiveDate) -> Result<Vec<StageCount>> {
    let mut out: Vec<StageCount> = Stage::ALL
        .iter()
        .map(|&stage| StageCount {
            stage,
            students: 0,
            leads: 0,
        })
        .collect();
    for s in stages(conn, today)? {
        out[s.stage as usize].students += 1;
    }
    let mut stmt = conn.prepare_cached(
        "SELECT p.closed_on IS NOT NULL,
                (SELECT t.outcome FROM trial_lesson t WHERE t.prospect_id = p.id
                  ORDER BY t.scheduled_at DESC, t.id DESC LIMIT 1)
           FROM prospect p
          WHERE p.family_id IS NULL AND p.first_contact_on <= ?1",
    )?;
    let rows = stmt.query_map([today], |r| Ok((r.get(0)?, r.get(1)?)))?;
    for row in rows {
        let (closed, latest) = row?;
        if let Some(stage) = lead_stage(false, closed, latest) {
            out[stage as usize].leads += 1;
        }
    }
    Ok(out)
}

const LAPSED_AFTER: &str = "lifecycle.lapsed_after_days";
/// See the module documentation for why 60.
pub const DEFAULT_LAPSED_AFTER_DAYS: u32 = 60;

/// Days without a valid package after which a student counts as lapsed.
pub fn lapsed_after_days(conn: &Connection) -> Result<u32> {
    let value: Option<String> = conn
        .query_row(
            "SELECT value FROM setting WHERE key = ?1",
            [LAPSED_AFTER],
            |r| r.get(0),
        )
        .optional()?;
    Ok(value
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_LAPSED_AFTER_DAYS))
}

/// Between two weeks (shorter would call every late renewal lapsed) and a year.
pub fn set_lapsed_after_days(tx: &Transaction, days: u32) -> Result<()> {
    if !(14..=365).contains(&days) {
        return Err(Error::invalid("lapsedAfterDays", Code::HoursOutOfRange));
    }
    tx.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (LAPSED_AFTER, days.to_string()),
    )?;
    Ok(())
}
