//! What parents are shown: the class-hour statement of a student, and the warnings the
//! school acts on (few hours left, a package about to expire, lessons taken on credit).

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use specta::Type;

use crate::error::Result;
use std::collections::HashMap;

use crate::hours::from_halves;
use crate::ledger::{self, Account};
use crate::settings;
use crate::student;

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Statement {
    /// Printed at the top; None until the school sets its name.
    pub school_name: Option<String>,
    pub student_id: i64,
    pub student_name: String,
    pub family_id: i64,
    pub family_name: String,
    pub guardian_names: Vec<String>,
    pub on: NaiveDate,
    pub accounts: Vec<Account>,
}

pub fn statement(conn: &Connection, student_id: i64, today: NaiveDate) -> Result<Statement> {
    let s = student::get(conn, student_id)?;
    let family = crate::family::get(conn, s.family_id)?;
    let guardians = crate::guardian::list_for_family(conn, s.family_id)?;
    let guardian_names = guardians
        .into_iter()
        .filter(|g| s.guardians.iter().any(|l| l.guardian_id == g.id))
        .map(|g| g.info.name)
        .collect();
    Ok(Statement {
        school_name: settings::school_name(conn)?,
        student_id,
        student_name: s.info.name,
        family_id: s.family_id,
        family_name: family.name,
        guardian_names,
        on: today,
        accounts: ledger::accounts(conn, student_id, today)?,
    })
}

text_enum!(WarningKind {
    /// Remaining hours at or below the school's threshold.
    LowHours = "low_hours",
    /// A package with hours left ends soon.
    Expiring = "expiring",
    /// Lessons were taken with no hours left.
    Negative = "negative",
});

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct HoursWarning {
    pub kind: WarningKind,
    pub student_id: i64,
    pub student_name: String,
    pub family_id: i64,
    pub course_id: i64,
    pub course_name: String,
    pub remaining: f64,
    /// For `expiring`: the package's last day and the hours it still holds.
    pub valid_until: Option<NaiveDate>,
    pub expiring_hours: Option<f64>,
}

/// Warnings for every active student, most urgent first (credit, then expiry, then low).
pub fn warnings(conn: &Connection, today: NaiveDate) -> Result<Vec<HoursWarning>> {
    let policy = settings::policy(conn)?;
    // One indexed pass over the kept balances, active students in pinyin order.
    let horizon = today + chrono::Days::new(policy.expiring_within_days.into());
    let mut expiring: HashMap<(i64, i64), Vec<(NaiveDate, i64)>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT student_id, course_id, valid_until, remaining_halves FROM package_state
          WHERE remaining_halves > 0 AND valid_until BETWEEN ?1 AND ?2 ORDER BY valid_until",
    )?;
    for row in stmt.query_map(rusqlite::params![today, horizon], |r| {
        Ok((
            (r.get::<_, i64>(0)?, r.get::<_, i64>(1)?),
            (r.get(2)?, r.get::<_, i64>(3)?),
        ))
    })? {
        let (key, package) = row?;
        expiring.entry(key).or_default().push(package);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT s.id, s.name, s.family_id, c.id, c.name, {}
           FROM account_state a
           JOIN student s ON s.id = a.student_id AND s.archived_at IS NULL
           JOIN family f ON f.id = s.family_id AND f.archived_at IS NULL
           JOIN course c ON c.id = a.course_id
          ORDER BY s.sort_key, c.sort_key",
        ledger::BALANCE_ON
    ))?;
    let accounts = stmt
        .query_map([today], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, String>(4)?,
                from_halves(r.get(5)?),
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::new();
    for (student_id, student_name, family_id, course_id, course_name, remaining) in accounts {
        let warn = |kind, valid_until, expiring_hours| HoursWarning {
            kind,
            student_id,
            student_name: student_name.clone(),
            family_id,
            course_id,
            course_name: course_name.clone(),
            remaining,
            valid_until,
            expiring_hours,
        };
        if remaining < 0.0 {
            out.push(warn(WarningKind::Negative, None, None));
        } else if remaining <= policy.low_hours_threshold {
            out.push(warn(WarningKind::LowHours, None, None));
        }
        for (until, halves) in expiring
            .remove(&(student_id, course_id))
            .unwrap_or_default()
        {
            out.push(warn(
                WarningKind::Expiring,
                Some(until),
                Some(from_halves(halves)),
            ));
        }
    }
    let urgency = |k: WarningKind| match k {
        WarningKind::Negative => 0,
        WarningKind::Expiring => 1,
        WarningKind::LowHours => 2,
    };
    out.sort_by_key(|w| urgency(w.kind));
    Ok(out)
}
