//! Kept balances: per-package hours and per-account credit, rewritten from a replay on every
//! ledger write so that lists can read every balance in one indexed query.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::{account, all_accounts, Account};
use crate::error::Result;

/// Rewrites the kept balances of one account from a replay of its entries. Called by every
/// write to the ledger, inside its transaction.
pub(crate) fn refresh(conn: &Connection, student_id: i64, course_id: i64) -> Result<()> {
    // No final expiry step: readers apply "valid until before today" themselves.
    let account = account(conn, student_id, course_id, NaiveDate::MIN)?;
    store_state(conn, &account)
}

/// Rebuilds every kept balance, e.g. after an upgrade that introduced them.
pub fn refresh_all(conn: &Connection) -> Result<()> {
    conn.execute("DELETE FROM package_state", [])?;
    conn.execute("DELETE FROM account_state", [])?;
    for account in all_accounts(conn, NaiveDate::MIN)? {
        store_state(conn, &account)?;
    }
    Ok(())
}

fn store_state(conn: &Connection, account: &Account) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "INSERT INTO package_state (package_id, student_id, course_id, remaining_halves, valid_until)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (package_id) DO UPDATE SET remaining_halves = excluded.remaining_halves,
                                                valid_until = excluded.valid_until",
    )?;
    for p in &account.packages {
        stmt.execute(params![
            p.id,
            account.student_id,
            account.course_id,
            (p.remaining * 2.0).round() as i64,
            p.valid_until
        ])?;
    }
    conn.prepare_cached(
        "INSERT INTO account_state (student_id, course_id, debt_halves) VALUES (?1, ?2, ?3)
         ON CONFLICT (student_id, course_id) DO UPDATE SET debt_halves = excluded.debt_halves",
    )?
    .execute(params![
        account.student_id,
        account.course_id,
        (account.on_credit * 2.0).round() as i64
    ])?;
    Ok(())
}

/// SQL for an account's hours on the day bound to `?1`, read from the kept balances of the
/// `account_state` row aliased `a`: packages whose last day has passed count as empty.
pub(crate) const BALANCE_ON: &str = "coalesce((SELECT sum(p.remaining_halves) FROM package_state p
      WHERE p.student_id = a.student_id AND p.course_id = a.course_id AND p.valid_until >= ?1), 0)
    - a.debt_halves";

/// An account as a script tells it, read from the kept balances instead of a replay of its
/// whole history: a thousand scripts for the renewal list would otherwise replay years of
/// lessons each.
pub(crate) struct Standing {
    pub course_name: String,
    /// Hours left on the day asked, as `Account::balance`.
    pub balance: f64,
    /// The last day hours are valid, if any are.
    pub covered_until: Option<NaiveDate>,
    /// The first day of the newest package.
    pub newest_from: Option<NaiveDate>,
}

pub(crate) fn standing(
    conn: &Connection,
    student_id: i64,
    course_id: i64,
    today: NaiveDate,
) -> Result<Standing> {
    let mut stmt = conn.prepare_cached(
        "SELECT c.name,
                coalesce((SELECT sum(p.remaining_halves) FROM package_state p
                           WHERE p.student_id = ?1 AND p.course_id = ?2 AND p.valid_until >= ?3), 0)
                - coalesce((SELECT a.debt_halves FROM account_state a
                             WHERE a.student_id = ?1 AND a.course_id = ?2), 0),
                (SELECT max(p.valid_until) FROM package_state p
                  WHERE p.student_id = ?1 AND p.course_id = ?2
                    AND p.remaining_halves > 0 AND p.valid_until >= ?3),
                (SELECT p.valid_from FROM package p WHERE p.student_id = ?1 AND p.course_id = ?2
                  ORDER BY p.valid_from DESC, p.id DESC LIMIT 1)
           FROM course c WHERE c.id = ?2",
    )?;
    Ok(stmt.query_row(params![student_id, course_id, today], |r| {
        Ok(Standing {
            course_name: r.get(0)?,
            balance: crate::hours::from_halves(r.get(1)?),
            covered_until: r.get(2)?,
            newest_from: r.get(3)?,
        })
    })?)
}
