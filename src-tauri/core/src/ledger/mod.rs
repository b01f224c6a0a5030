//! The class-hour ledger. Entries are facts (bought, used, corrected, refunded, moved) and are
//! never changed in place. Everything else — which package a lesson used, what expired, the
//! balance — is derived by replaying the entries in date order, so parents and school always
//! read the same numbers.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection};
use serde::Serialize;
use specta::Type;

use crate::attendance::AttendanceStatus;
use crate::error::Result;
use crate::hours::from_halves;

mod kept;
mod load;
mod replay;

pub use kept::refresh_all;
pub(crate) use kept::{refresh, standing, BALANCE_ON};
use load::{load_entries, load_packages, Key, Pkg, Raw, Scope};
use replay::replay;

text_enum!(EntryKind {
    Purchase = "purchase",
    Bonus = "bonus",
    Lesson = "lesson",
    Correction = "correction",
    Refund = "refund",
    TransferOut = "transfer_out",
    TransferIn = "transfer_in",
    /// Derived: hours left in a package when its validity ended.
    Expiry = "expiry",
});

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LedgerLine {
    /// None for derived lines (expiries).
    pub entry_id: Option<i64>,
    pub date: NaiveDate,
    pub kind: EntryKind,
    /// Signed: credits positive, deductions negative.
    pub hours: f64,
    /// The balance after this line.
    pub balance: f64,
    pub package_id: Option<i64>,
    pub class_name: Option<String>,
    pub teacher_name: Option<String>,
    pub status: Option<AttendanceStatus>,
    pub reason: Option<String>,
    pub author_name: Option<String>,
    /// Hours of a lesson no package could cover (taken on credit).
    pub uncovered: f64,
    pub reversed: bool,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PackageBalance {
    pub id: i64,
    pub purchased: f64,
    pub bonus: f64,
    pub used: f64,
    pub expired: f64,
    /// Corrections, refunds and transfers, net.
    pub adjusted: f64,
    pub remaining: f64,
    pub price_cents: i64,
    pub currency: String,
    pub purchased_on: NaiveDate,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
    pub transferred_from: Option<i64>,
}

/// One student's hours for one course.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Account {
    pub student_id: i64,
    pub course_id: i64,
    pub course_name: String,
    pub lines: Vec<LedgerLine>,
    pub packages: Vec<PackageBalance>,
    /// Always the sum of `lines`; negative when lessons were taken on credit.
    pub balance: f64,
    /// Lesson hours no package has covered yet.
    pub on_credit: f64,
}

/// Replays a student's entries for a course as of `today`.
pub fn account(
    conn: &Connection,
    student_id: i64,
    course_id: i64,
    today: NaiveDate,
) -> Result<Account> {
    let course_name: String =
        conn.query_row("SELECT name FROM course WHERE id = ?1", [course_id], |r| {
            r.get(0)
        })?;
    let scope = Scope::One {
        student_id,
        course_id,
    };
    let pkgs = load_packages(conn, scope)?
        .into_iter()
        .map(|(_, p)| p)
        .collect();
    let entries = load_entries(conn, scope)?
        .into_iter()
        .map(|(_, e)| e)
        .collect();
    Ok(replay(
        student_id,
        course_id,
        course_name,
        pkgs,
        entries,
        today,
    ))
}

/// Every account in the school, replayed from two queries rather than two per account.
pub fn all_accounts(conn: &Connection, today: NaiveDate) -> Result<Vec<Account>> {
    let mut courses = HashMap::new();
    let mut stmt = conn.prepare_cached("SELECT id, name FROM course")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
        let (id, name) = row?;
        courses.insert(id, name);
    }
    let mut grouped: std::collections::BTreeMap<Key, (Vec<Pkg>, Vec<Raw>)> =
        std::collections::BTreeMap::new();
    for (key, p) in load_packages(conn, Scope::All)? {
        grouped.entry(key).or_default().0.push(p);
    }
    for (key, e) in load_entries(conn, Scope::All)? {
        grouped.entry(key).or_default().1.push(e);
    }
    Ok(grouped
        .into_iter()
        .map(|((student_id, course_id), (pkgs, entries))| {
            let name = courses.get(&course_id).cloned().unwrap_or_default();
            replay(student_id, course_id, name, pkgs, entries, today)
        })
        .collect())
}

/// Every account a student has: one per course with packages or entries.
pub fn accounts(conn: &Connection, student_id: i64, today: NaiveDate) -> Result<Vec<Account>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT e.course_id FROM ledger_entry e JOIN course c ON c.id = e.course_id
          WHERE e.student_id = ?1 ORDER BY c.sort_key",
    )?;
    let courses = stmt
        .query_map([student_id], |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    courses
        .into_iter()
        .map(|c| account(conn, student_id, c, today))
        .collect()
}

pub(crate) struct NewEntry<'a> {
    pub student_id: i64,
    pub course_id: i64,
    pub package_id: Option<i64>,
    pub kind: EntryKind,
    pub halves: i64,
    pub session_id: Option<i64>,
    pub on: NaiveDate,
    pub reason: Option<&'a str>,
    pub author_id: Option<i64>,
    pub reverses_id: Option<i64>,
}

/// Takes back a lesson's deductions (when its roll call is saved again), keeping the kept
/// balances of every account it touched right, as `append` does for new entries.
pub(crate) fn remove_session(conn: &Connection, session_id: i64) -> Result<()> {
    let accounts: Vec<Key> = conn
        .prepare_cached(
            "SELECT DISTINCT student_id, course_id FROM ledger_entry WHERE session_id = ?1",
        )?
        .query_map([session_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    conn.execute(
        "DELETE FROM ledger_entry WHERE session_id = ?1",
        [session_id],
    )?;
    for (student_id, course_id) in accounts {
        refresh(conn, student_id, course_id)?;
    }
    Ok(())
}

/// Hours left on `today` for some students in one course, from the kept balances in one
/// query: what a roll call shows beside each name. Students with no account are left out.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct HoursLeft {
    pub student_id: i64,
    pub hours: f64,
}

pub fn balances_in_course(
    conn: &Connection,
    course_id: i64,
    student_ids: &[i64],
    today: NaiveDate,
) -> Result<Vec<HoursLeft>> {
    if student_ids.is_empty() {
        return Ok(Vec::new());
    }
    let ids = student_ids
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(",");
    let mut stmt = conn.prepare(&format!(
        "SELECT a.student_id, {BALANCE_ON} FROM account_state a
          WHERE a.course_id = ?2 AND a.student_id IN ({ids})"
    ))?;
    let rows = stmt.query_map(params![today, course_id], |r| {
        Ok(HoursLeft {
            student_id: r.get(0)?,
            hours: from_halves(r.get(1)?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn append(conn: &Connection, e: &NewEntry, now: DateTime<Utc>) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO ledger_entry (student_id, course_id, package_id, kind, halves, session_id, occurred_on,
                                   reason, author_id, reverses_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        e.student_id,
        e.course_id,
        e.package_id,
        e.kind,
        e.halves,
        e.session_id,
        e.on,
        e.reason,
        e.author_id,
        e.reverses_id,
        now
    ])?;
    let id = conn.last_insert_rowid();
    refresh(conn, e.student_id, e.course_id)?;
    Ok(id)
}
