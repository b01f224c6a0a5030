//! What parents are shown: the class-hour statement of a student, and the warnings the
//! school acts on (few hours left, a package about to expire, lessons taken on credit).

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use specta::Type;

use crate::error::Result;
use crate::ledger::{self, Account};
use crate::settings;
use crate::student;

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Statement {
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
    // Active students in pinyin order; their accounts come from one replay of the ledger.
    let mut stmt = conn.prepare(
        "SELECT s.id, s.name, s.family_id FROM student s
           JOIN family f ON f.id = s.family_id AND f.archived_at IS NULL
          WHERE s.archived_at IS NULL ORDER BY s.sort_key",
    )?;
    let students = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut accounts: std::collections::HashMap<i64, Vec<Account>> =
        std::collections::HashMap::new();
    for account in ledger::all_accounts(conn, today)? {
        accounts
            .entry(account.student_id)
            .or_default()
            .push(account);
    }
    let mut out = Vec::new();
    for (student_id, student_name, family_id) in students {
        for account in accounts.remove(&student_id).unwrap_or_default() {
            let warn = |kind, valid_until, expiring_hours| HoursWarning {
                kind,
                student_id,
                student_name: student_name.clone(),
                family_id,
                course_id: account.course_id,
                course_name: account.course_name.clone(),
                remaining: account.balance,
                valid_until,
                expiring_hours,
            };
            if account.balance < 0.0 {
                out.push(warn(WarningKind::Negative, None, None));
            } else if account.balance <= policy.low_hours_threshold {
                out.push(warn(WarningKind::LowHours, None, None));
            }
            let horizon = today + chrono::Days::new(policy.expiring_within_days.into());
            for p in &account.packages {
                if p.remaining > 0.0 && p.valid_until >= today && p.valid_until <= horizon {
                    out.push(warn(
                        WarningKind::Expiring,
                        Some(p.valid_until),
                        Some(p.remaining),
                    ));
                }
            }
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
