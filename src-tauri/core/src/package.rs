//! Lesson packages: prepaid hours sold to a student for a course, and the manual entries
//! that change them — corrections, refunds, transfers within a family, reversals. Each is a
//! new ledger entry with a reason and an author; nothing is edited in place.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Entity, Error, Result, ValidationCode as Code};
use crate::hours::{to_halves, MAX_HOURS};
use crate::ledger::{self, EntryKind, NewEntry};
use crate::renewal::{self, rules};
use crate::{course, field, staff};

/// ISO 4217 codes a school here is likely to take.
pub const CURRENCIES: &[&str] = &[
    "CNY", "HKD", "TWD", "MOP", "SGD", "MYR", "JPY", "KRW", "USD", "CAD", "AUD", "NZD", "GBP",
    "EUR", "CHF",
];

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PackageInput {
    pub student_id: i64,
    pub course_id: i64,
    pub purchased_hours: f64,
    pub bonus_hours: f64,
    /// In the currency's main unit (yuan, dollars).
    pub price: f64,
    pub currency: String,
    pub purchased_on: NaiveDate,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
    /// Who sold it: a renewal is written on the family timeline in their name.
    pub sold_by: i64,
    /// Why the sale may go against the school's prepaid rules; required when it does.
    pub rule_override: Option<String>,
}

/// A manual change to one package: a correction (±), a refund (−) or a transfer (−) to a
/// sibling.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AdjustmentInput {
    pub package_id: i64,
    pub hours: f64,
    pub reason: String,
    pub author_id: i64,
    pub on: NaiveDate,
}

fn student_course_of(
    conn: &Connection,
    package_id: i64,
) -> Result<(i64, i64, NaiveDate, NaiveDate, String)> {
    conn.query_row(
        "SELECT student_id, course_id, valid_from, valid_until, currency FROM package WHERE id = ?1",
        [package_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
    )
    .optional()?
    .ok_or(Error::not_found(Entity::Package, package_id))
}

fn check_student(conn: &Connection, student_id: i64, field_name: &str) -> Result<i64> {
    let family: Option<i64> = conn
        .query_row(
            "SELECT family_id FROM student WHERE id = ?1 AND archived_at IS NULL",
            [student_id],
            |r| r.get(0),
        )
        .optional()?;
    family.ok_or(Error::invalid(field_name, Code::Required))
}

fn check_author(conn: &Connection, author_id: i64) -> Result<()> {
    match staff::get(conn, author_id) {
        Ok(s) if s.archived_at.is_none() => Ok(()),
        Ok(_) => Err(Error::invalid("authorId", Code::StaffArchived)),
        Err(_) => Err(Error::invalid("authorId", Code::Required)),
    }
}

/// Sells a package: one purchase entry, and one bonus entry when bonus hours are given. A
/// sale to an account that had a package before closes its renewal cycle as renewed. `now`
/// is the school's wall clock.
pub fn sell(tx: &Transaction, input: &PackageInput, now: DateTime<FixedOffset>) -> Result<i64> {
    let local = now;
    let now = now.with_timezone(&Utc);
    check_student(tx, input.student_id, "studentId")?;
    check_author(tx, input.sold_by).map_err(|_| Error::invalid("soldBy", Code::Required))?;
    course::get(tx, input.course_id).map_err(|_| Error::invalid("courseId", Code::Required))?;
    let purchased = to_halves("purchasedHours", input.purchased_hours, 0.5, MAX_HOURS)?;
    let bonus = to_halves("bonusHours", input.bonus_hours, 0.0, MAX_HOURS)?;
    if !input.price.is_finite() || input.price < 0.0 || input.price > 10_000_000.0 {
        return Err(Error::invalid("price", Code::HoursOutOfRange));
    }
    let currency = input.currency.trim().to_ascii_uppercase();
    if !CURRENCIES.contains(&currency.as_str()) {
        return Err(Error::invalid("currency", Code::UnknownCurrency));
    }
    field::past_date("purchasedOn", Some(input.purchased_on), now)?;
    if input.valid_until < input.valid_from {
        return Err(Error::invalid("validUntil", Code::EndsBeforeStart));
    }
    // Hours bought after a package's last day could never pay for a lesson.
    if input.purchased_on > input.valid_until {
        return Err(Error::invalid("validUntil", Code::PackageEnded));
    }
    let rule_override = field::optional_text(
        "ruleOverride",
        input.rule_override.clone(),
        field::SHORT_TEXT_MAX,
    )?;
    let breaches = rules::check(tx, &rules::ProposedSale::of(input))?;
    if !breaches.is_empty() && rule_override.is_none() {
        return Err(Error::invalid(
            "ruleOverride",
            Code::RuleOverrideReasonRequired,
        ));
    }
    tx.execute(
        "INSERT INTO package (student_id, course_id, purchased_halves, bonus_halves, price_cents, currency,
                              purchased_on, valid_from, valid_until, created_at, sold_by, rule_override)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            input.student_id,
            input.course_id,
            purchased,
            bonus,
            (input.price * 100.0).round() as i64,
            currency,
            input.purchased_on,
            input.valid_from,
            input.valid_until,
            now,
            input.sold_by,
            // A reason given for a sale within the rules overrides nothing.
            if breaches.is_empty() { None } else { rule_override },
        ],
    )?;
    let package_id = tx.last_insert_rowid();
    for (kind, halves) in [(EntryKind::Purchase, purchased), (EntryKind::Bonus, bonus)] {
        if halves > 0 {
            ledger::append(
                tx,
                &NewEntry {
                    student_id: input.student_id,
                    course_id: input.course_id,
                    package_id: Some(package_id),
                    kind,
                    halves,
                    session_id: None,
                    on: input.purchased_on,
                    reason: None,
                    author_id: None,
                    reverses_id: None,
                },
                now,
            )?;
        }
    }
    renewal::record_sale(tx, package_id, input.sold_by, local)?;
    Ok(package_id)
}

/// Hours left in a package today, by replaying its account.
fn remaining(conn: &Connection, package_id: i64, today: NaiveDate) -> Result<i64> {
    let (student_id, course_id, ..) = student_course_of(conn, package_id)?;
    let account = ledger::account(conn, student_id, course_id, today)?;
    let left = account
        .packages
        .iter()
        .find(|p| p.id == package_id)
        .map_or(0.0, |p| p.remaining);
    Ok((left * 2.0).round() as i64)
}

struct Checked {
    student_id: i64,
    course_id: i64,
    halves: i64,
    reason: String,
}

/// `sign` −1 takes hours out (refund, transfer), +1/−1 both allowed for corrections (0).
fn check_adjustment(
    tx: &Transaction,
    input: &AdjustmentInput,
    sign: i8,
    now: DateTime<Utc>,
) -> Result<Checked> {
    let (student_id, course_id, _, valid_until, _) = student_course_of(tx, input.package_id)?;
    check_author(tx, input.author_id)?;
    let reason = field::required_text("reason", &input.reason, 500)?;
    field::past_date("on", Some(input.on), now)?;
    let magnitude = to_halves("hours", input.hours.abs(), 0.5, MAX_HOURS)?;
    let halves = match sign {
        0 if input.hours < 0.0 => -magnitude,
        0 => magnitude,
        _ => -magnitude,
    };
    // Hours added after a package's last day could never pay for a lesson.
    if halves > 0 && input.on > valid_until {
        return Err(Error::invalid("on", Code::PackageEnded));
    }
    if halves < 0 && -halves > remaining(tx, input.package_id, now.date_naive())? {
        return Err(Error::invalid("hours", Code::NotEnoughHours));
    }
    Ok(Checked {
        student_id,
        course_id,
        halves,
        reason,
    })
}

fn append_adjustment(
    tx: &Transaction,
    input: &AdjustmentInput,
    c: &Checked,
    kind: EntryKind,
    reverses_id: Option<i64>,
    now: DateTime<Utc>,
) -> Result<i64> {
    ledger::append(
        tx,
        &NewEntry {
            student_id: c.student_id,
            course_id: c.course_id,
            package_id: Some(input.package_id),
            kind,
            halves: c.halves,
            session_id: None,
            on: input.on,
            reason: Some(&c.reason),
            author_id: Some(input.author_id),
            reverses_id,
        },
        now,
    )
}

/// A correction: hours added (positive) or removed (negative), with why and by whom.
pub fn correct(tx: &Transaction, input: &AdjustmentInput, now: DateTime<Utc>) -> Result<i64> {
    let c = check_adjustment(tx, input, 0, now)?;
    append_adjustment(tx, input, &c, EntryKind::Correction, None, now)
}

/// Hours given back to the family (the money is settled outside Encore).
pub fn refund(tx: &Transaction, input: &AdjustmentInput, now: DateTime<Utc>) -> Result<i64> {
    let c = check_adjustment(tx, input, -1, now)?;
    append_adjustment(tx, input, &c, EntryKind::Refund, None, now)
}

/// Moves hours to a sibling: out of this package, into a new package for the other student
/// with the same course and validity. Hours are conserved.
pub fn transfer(
    tx: &Transaction,
    input: &AdjustmentInput,
    to_student_id: i64,
    now: DateTime<Utc>,
) -> Result<i64> {
    let c = check_adjustment(tx, input, -1, now)?;
    let (_, _, valid_from, valid_until, currency) = student_course_of(tx, input.package_id)?;
    let from_family = check_student(tx, c.student_id, "packageId")?;
    let to_family = check_student(tx, to_student_id, "toStudentId")?;
    if from_family != to_family || to_student_id == c.student_id {
        return Err(Error::invalid("toStudentId", Code::NotSameFamily));
    }
    append_adjustment(tx, input, &c, EntryKind::TransferOut, None, now)?;
    tx.execute(
        "INSERT INTO package (student_id, course_id, purchased_halves, bonus_halves, price_cents, currency,
                              purchased_on, valid_from, valid_until, transferred_from, created_at)
         VALUES (?1, ?2, 0, 0, 0, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![to_student_id, c.course_id, currency, input.on, valid_from, valid_until, input.package_id, now],
    )?;
    let new_package = tx.last_insert_rowid();
    ledger::append(
        tx,
        &NewEntry {
            student_id: to_student_id,
            course_id: c.course_id,
            package_id: Some(new_package),
            kind: EntryKind::TransferIn,
            halves: -c.halves,
            session_id: None,
            on: input.on,
            reason: Some(&c.reason),
            author_id: Some(input.author_id),
            reverses_id: None,
        },
        now,
    )?;
    Ok(new_package)
}

/// Undoes a purchase, bonus, correction or refund exactly, as a new correction entry.
pub fn reverse(
    tx: &Transaction,
    entry_id: i64,
    reason: &str,
    author_id: i64,
    on: NaiveDate,
    now: DateTime<Utc>,
) -> Result<i64> {
    let entry: Option<(EntryKind, i64, Option<i64>, bool)> = tx
        .query_row(
            "SELECT kind, halves, package_id, EXISTS (SELECT 1 FROM ledger_entry r WHERE r.reverses_id = e.id)
               FROM ledger_entry e WHERE id = ?1",
            [entry_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let (kind, halves, package_id, already) =
        entry.ok_or(Error::not_found(Entity::LedgerEntry, entry_id))?;
    let reversible = matches!(
        kind,
        EntryKind::Purchase | EntryKind::Bonus | EntryKind::Correction | EntryKind::Refund
    );
    let Some(package_id) = package_id.filter(|_| reversible && !already) else {
        return Err(Error::invalid("entryId", Code::CannotReverse));
    };
    let input = AdjustmentInput {
        package_id,
        hours: crate::hours::from_halves(-halves),
        reason: reason.to_string(),
        author_id,
        on,
    };
    let c = check_adjustment(tx, &input, 0, now)?;
    append_adjustment(tx, &input, &c, EntryKind::Correction, Some(entry_id), now)
}
