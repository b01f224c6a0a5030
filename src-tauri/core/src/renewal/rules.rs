//! Prepaid rules: the largest package a school may sell (China caps prepaid off-campus
//! training at e.g. 60 hours or 3 months) and the earliest point a family may renew. A sale
//! against a rule is allowed only with a written reason.

use chrono::{Months, NaiveDate};
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::bilingual::{hours, Bilingual};
use crate::error::{Error, Result, ValidationCode as Code};
use crate::hours::{from_halves, to_halves, MAX_HOURS};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PrepaidRules {
    /// The most purchased hours one package may hold (bonus hours are not prepaid).
    pub max_package_hours: Option<f64>,
    /// The longest validity of one package, in calendar months.
    pub max_package_months: Option<u32>,
    /// Renew only once a student has at most this many hours left in the course.
    pub earliest_renewal_hours: Option<f64>,
}

const KEY: &str = "renewal.prepaid_rules";

pub fn get(conn: &Connection) -> Result<PrepaidRules> {
    let value: Option<String> = conn
        .query_row("SELECT value FROM setting WHERE key = ?1", [KEY], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(value
        .and_then(|v| serde_json::from_str(&v).ok())
        .unwrap_or_default())
}

pub fn set(tx: &Transaction, rules: &PrepaidRules) -> Result<()> {
    if let Some(h) = rules.max_package_hours {
        to_halves("maxPackageHours", h, 0.5, MAX_HOURS)?;
    }
    if let Some(h) = rules.earliest_renewal_hours {
        to_halves("earliestRenewalHours", h, 0.0, MAX_HOURS)?;
    }
    if matches!(rules.max_package_months, Some(m) if m == 0 || m > 120) {
        return Err(Error::invalid("maxPackageMonths", Code::HoursOutOfRange));
    }
    let json = serde_json::to_string(rules).unwrap_or_default();
    tx.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [KEY, json.as_str()],
    )?;
    Ok(())
}

text_enum!(RuleKind {
    MaxHours = "max_hours",
    MaxMonths = "max_months",
    EarliestRenewal = "earliest_renewal",
});

/// A rule a proposed sale goes against, named and explained.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RuleBreach {
    pub rule: RuleKind,
    pub text: Bilingual,
}

/// What a sale would look like to the rules.
pub struct ProposedSale {
    pub student_id: i64,
    pub course_id: i64,
    pub purchased_hours: f64,
    pub valid_from: NaiveDate,
    pub valid_until: NaiveDate,
    /// The day of the sale: hours left are counted on it.
    pub on: NaiveDate,
}

impl ProposedSale {
    pub fn of(input: &crate::package::PackageInput) -> Self {
        ProposedSale {
            student_id: input.student_id,
            course_id: input.course_id,
            purchased_hours: input.purchased_hours,
            valid_from: input.valid_from,
            valid_until: input.valid_until,
            on: input.purchased_on,
        }
    }
}

/// Every rule the sale goes against; empty when it keeps them all.
pub fn check(conn: &Connection, sale: &ProposedSale) -> Result<Vec<RuleBreach>> {
    let rules = get(conn)?;
    let mut out = Vec::new();
    if let Some(max) = rules.max_package_hours {
        if sale.purchased_hours > max {
            out.push(RuleBreach {
                rule: RuleKind::MaxHours,
                text: Bilingual::new(
                    format!(
                        "Prepaid rule: at most {} hours per package; this one has {}.",
                        hours(max),
                        hours(sale.purchased_hours)
                    ),
                    format!(
                        "预付规则：每个课时包最多 {} 课时，本次为 {} 课时。",
                        hours(max),
                        hours(sale.purchased_hours)
                    ),
                ),
            });
        }
    }
    if let Some(months) = rules.max_package_months {
        let limit = sale.valid_from.checked_add_months(Months::new(months));
        if limit.is_some_and(|limit| sale.valid_until >= limit) {
            out.push(RuleBreach {
                rule: RuleKind::MaxMonths,
                text: Bilingual::new(
                    format!(
                        "Prepaid rule: a package may last at most {months} months; this one runs {} to {}.",
                        sale.valid_from, sale.valid_until
                    ),
                    format!(
                        "预付规则：课时包有效期最长 {months} 个月，本次为 {} 至 {}。",
                        sale.valid_from, sale.valid_until
                    ),
                ),
            });
        }
    }
    if let Some(earliest) = rules.earliest_renewal_hours {
        let left = hours_left(conn, sale.student_id, sale.course_id, sale.on)?;
        if left > earliest {
            out.push(RuleBreach {
                rule: RuleKind::EarliestRenewal,
                text: Bilingual::new(
                    format!(
                        "Renewal rule: renew when at most {} hours are left; this student still has {}.",
                        hours(earliest),
                        hours(left)
                    ),
                    format!(
                        "续费规则：剩余不超过 {} 课时才可续费，该学员还有 {} 课时。",
                        hours(earliest),
                        hours(left)
                    ),
                ),
            });
        }
    }
    Ok(out)
}

fn hours_left(conn: &Connection, student_id: i64, course_id: i64, on: NaiveDate) -> Result<f64> {
    let halves: Option<i64> = conn
        .query_row(
            &format!(
                "SELECT {} FROM account_state a WHERE a.student_id = ?2 AND a.course_id = ?3",
                crate::ledger::BALANCE_ON
            ),
            rusqlite::params![on, student_id, course_id],
            |r| r.get(0),
        )
        .optional()?;
    Ok(from_halves(halves.unwrap_or(0)))
}
