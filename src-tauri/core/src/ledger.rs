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

struct Pkg {
    id: i64,
    purchased: i64,
    bonus: i64,
    used: i64,
    expired: i64,
    adjusted: i64,
    remaining: i64,
    price_cents: i64,
    currency: String,
    purchased_on: NaiveDate,
    valid_from: NaiveDate,
    valid_until: NaiveDate,
    transferred_from: Option<i64>,
    closed: bool,
}

struct Raw {
    id: i64,
    package_id: Option<i64>,
    kind: EntryKind,
    halves: i64,
    on: NaiveDate,
    reason: Option<String>,
    author: Option<String>,
    class_name: Option<String>,
    teacher: Option<String>,
    status: Option<AttendanceStatus>,
    reversed: bool,
}

/// Which accounts to load: one, or every account in the school (in one pass).
#[derive(Clone, Copy)]
enum Scope {
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

type Key = (i64, i64);

fn load_packages(conn: &Connection, scope: Scope) -> Result<Vec<(Key, Pkg)>> {
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

fn load_entries(conn: &Connection, scope: Scope) -> Result<Vec<(Key, Raw)>> {
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

/// The ledger's arithmetic: packages and entries of one account, in order, as of `today`.
fn replay(
    student_id: i64,
    course_id: i64,
    course_name: String,
    mut pkgs: Vec<Pkg>,
    entries: Vec<Raw>,
    today: NaiveDate,
) -> Account {
    let index: HashMap<i64, usize> = pkgs.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    let mut lines = Vec::with_capacity(entries.len() + pkgs.len());
    let mut balance = 0i64;
    let mut debt = 0i64;

    for e in entries {
        expire_before(e.on, &mut pkgs, &mut lines, &mut balance);
        let mut uncovered = 0i64;
        match e.kind {
            EntryKind::Lesson => {
                let mut need = -e.halves;
                let mut order: Vec<usize> = (0..pkgs.len())
                    .filter(|&i| {
                        pkgs[i].valid_from <= e.on
                            && e.on <= pkgs[i].valid_until
                            && pkgs[i].remaining > 0
                    })
                    .collect();
                order.sort_by_key(|&i| (pkgs[i].valid_from, pkgs[i].purchased_on, pkgs[i].id));
                for i in order {
                    let take = need.min(pkgs[i].remaining);
                    pkgs[i].remaining -= take;
                    pkgs[i].used += take;
                    need -= take;
                    if need == 0 {
                        break;
                    }
                }
                uncovered = need;
                debt += need;
            }
            _ => {
                if let Some(&i) = e.package_id.and_then(|id| index.get(&id)) {
                    let p = &mut pkgs[i];
                    match e.kind {
                        EntryKind::Purchase => {}
                        EntryKind::Bonus => {}
                        _ => p.adjusted += e.halves,
                    }
                    p.remaining += e.halves;
                    // A back-dated lesson may have used hours that this refund, transfer or
                    // correction takes out: those lessons go back on credit rather than the
                    // package going below zero. The balance is the same either way.
                    if p.remaining < 0 {
                        let shortfall = (-p.remaining).min(p.used);
                        p.used -= shortfall;
                        p.remaining += shortfall;
                        debt += shortfall;
                    }
                    // Hours taken on credit are paid back by the next hours that arrive.
                    if e.halves > 0 && debt > 0 && !p.closed {
                        let pay = debt.min(p.remaining);
                        p.remaining -= pay;
                        p.used += pay;
                        debt -= pay;
                    }
                }
            }
        }
        balance += e.halves;
        lines.push(LedgerLine {
            entry_id: Some(e.id),
            date: e.on,
            kind: e.kind,
            hours: from_halves(e.halves),
            balance: from_halves(balance),
            package_id: e.package_id,
            class_name: e.class_name,
            teacher_name: e.teacher,
            status: e.status,
            reason: e.reason,
            author_name: e.author,
            uncovered: from_halves(uncovered),
            reversed: e.reversed,
        });
    }
    expire_before(today, &mut pkgs, &mut lines, &mut balance);

    Account {
        student_id,
        course_id,
        course_name,
        lines,
        packages: pkgs
            .into_iter()
            .map(|p| PackageBalance {
                id: p.id,
                purchased: from_halves(p.purchased),
                bonus: from_halves(p.bonus),
                used: from_halves(p.used),
                expired: from_halves(p.expired),
                adjusted: from_halves(p.adjusted),
                remaining: from_halves(p.remaining),
                price_cents: p.price_cents,
                currency: p.currency,
                purchased_on: p.purchased_on,
                valid_from: p.valid_from,
                valid_until: p.valid_until,
                transferred_from: p.transferred_from,
            })
            .collect(),
        balance: from_halves(balance),
        on_credit: from_halves(debt),
    }
}

/// Closes every package whose validity ended before `date`; hours left in it expire.
fn expire_before(
    date: NaiveDate,
    pkgs: &mut [Pkg],
    lines: &mut Vec<LedgerLine>,
    balance: &mut i64,
) {
    let mut due: Vec<usize> = (0..pkgs.len())
        .filter(|&i| !pkgs[i].closed && pkgs[i].valid_until < date)
        .collect();
    due.sort_by_key(|&i| (pkgs[i].valid_until, pkgs[i].id));
    for i in due {
        let p = &mut pkgs[i];
        p.closed = true;
        if p.remaining > 0 {
            *balance -= p.remaining;
            lines.push(derived_expiry(p, *balance));
            p.expired += p.remaining;
            p.remaining = 0;
        }
    }
}

fn derived_expiry(p: &Pkg, balance: i64) -> LedgerLine {
    LedgerLine {
        entry_id: None,
        date: p.valid_until,
        kind: EntryKind::Expiry,
        hours: -from_halves(p.remaining),
        balance: from_halves(balance),
        package_id: Some(p.id),
        class_name: None,
        teacher_name: None,
        status: None,
        reason: None,
        author_name: None,
        uncovered: 0.0,
        reversed: false,
    }
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
