//! Reading packages and entries for one account, or for the whole school in one pass.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::EntryKind;
use crate::attendance::AttendanceStatus;
use crate::error::Result;

pub(super) struct Pkg {
    pub(super) id: i64,
    pub(super) purchased: i64,
    pub(super) bonus: i64,
    pub(super) used: i64,
    pub(super) expired: i64,
    pub(super) adjusted: i64,
    pub(super) remaining: i64,
    pub(super) price_cents: i64,
    pub(super) currency: String,
    pub(super) purchased_on: NaiveDate,
    pub(super) valid_from: NaiveDate,
    pub(super) valid_until: NaiveDate,
    pub(super) transferred_from: Option<i64>,
    pub(super) closed: bool,
}

pub(super) struct Raw {
    pub(super) id: i64,
    pub(super) package_id: Option<i64>,
    pub(super) kind: EntryKind,
    pub(super) halves: i64,
    pub(super) on: NaiveDate,
    pub(super) reason: Option<String>,
    pub(super) author: Option<String>,
    pub(super) class_name: Option<String>,
    pub(super) teacher: Option<String>,
    pub(super) status: Option<AttendanceStatus>,
    pub(super) reversed: bool,
}

/// Which accounts to load: one, or every account in the school (in one pass).
#[derive(Clone, Copy)]
pub(super) enum Scope {
    One { student_id: i64, course_id: i64 },
    All,
}

impl Scope {
    fn filter(self, alias: &str) -> String {
        match self {
            Scope::One { .. } => format!("{alias}.student_id = ?1 AND {alias}.course_id = ?2"),
            Scope::All => "?1 IS NULL AND ?2 IS NULL".to_string(),
        }
    }

    fn params(self) -> [Option<i64>; 2] {
        match self {
            Scope::One {
                student_id,
                course_id,
            } => [Some(student_id), Some(course_id)],
            Scope::All => [None, None],
        }
    }
}

pub(super) type Key = (i64, i64);

pub(super) fn load_packages(conn: &Connection, scope: Scope) -> Result<Vec<(Key, Pkg)>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT p.id, p.purchased_halves, p.bonus_halves, p.price_cents, p.currency, p.purchased_on,
                p.valid_from, p.valid_until, p.transferred_from, p.student_id, p.course_id
           FROM package p WHERE {}
          ORDER BY p.student_id, p.course_id, p.valid_from, p.purchased_on, p.id",
        scope.filter("p")
    ))?;
    let rows = stmt.query_map(params![scope.params()[0], scope.params()[1]], |r| {
        Ok((
            (r.get(9)?, r.get(10)?),
            Pkg {
                id: r.get(0)?,
                purchased: r.get(1)?,
                bonus: r.get(2)?,
                used: 0,
                expired: 0,
                adjusted: 0,
                remaining: 0,
                price_cents: r.get(3)?,
                currency: r.get(4)?,
                purchased_on: r.get(5)?,
                valid_from: r.get(6)?,
                valid_until: r.get(7)?,
                transferred_from: r.get(8)?,
                closed: false,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn load_entries(conn: &Connection, scope: Scope) -> Result<Vec<(Key, Raw)>> {
    // Credits before deductions on the same day: a package bought on the day of a lesson
    // covers it.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT e.student_id, e.course_id, e.id, e.package_id, e.kind, e.halves, e.occurred_on, e.reason, au.name, c.name, t.name,
                a.status, EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_id = e.id)
           FROM ledger_entry e
           LEFT JOIN staff au ON au.id = e.author_id
           LEFT JOIN lesson_session ls ON ls.id = e.session_id
           LEFT JOIN class c ON c.id = ls.class_id
           LEFT JOIN staff t ON t.id = ls.teacher_id
           LEFT JOIN attendance a ON a.session_id = e.session_id AND a.student_id = e.student_id
          WHERE {}
          ORDER BY e.student_id, e.course_id, e.occurred_on, e.halves < 0, ls.starts_at, e.id",
        scope.filter("e")
    ))?;
    let rows = stmt.query_map(params![scope.params()[0], scope.params()[1]], |r| {
        Ok((
            (r.get(0)?, r.get(1)?),
            Raw {
                id: r.get(2)?,
                package_id: r.get(3)?,
                kind: r.get(4)?,
                halves: r.get(5)?,
                on: r.get(6)?,
                reason: r.get(7)?,
                author: r.get(8)?,
                class_name: r.get(9)?,
                teacher: r.get(10)?,
                status: r.get(11)?,
                reversed: r.get(12)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
