//! Insights: the numbers behind the school's questions (data only; charts come in the UI).
//! Renewal rate by motivation type, course, teacher and term; why families leave, month by
//! month; hours sold against hours used; and, from their own modules, the lead funnel
//! (`lead::funnel`) and how many students are at each lifecycle stage (`lifecycle::counts`).
//!
//! Each insight is one SQL statement over indexed data, so it stays quick at a school of a few
//! thousand students; Rust only fills in empty months and works out percentages.

mod churn;
mod hours;
mod renewal_rate;

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result, ValidationCode as Code};

pub use crate::lead::funnel;
pub use crate::lifecycle::counts as lifecycle_counts;
pub use churn::{churn_reasons, ChurnMonth, ReasonCount};
pub use hours::{hours_by_month, HoursMonth, HoursTotals};
pub use renewal_rate::{renewal_rates, RateBy, RateGroup, RenewalRate, TermHalf};

/// Days from `from` to `to`, both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

impl Period {
    pub fn check(&self) -> Result<()> {
        if self.to < self.from {
            return Err(Error::invalid("to", Code::EndsBeforeStart));
        }
        Ok(())
    }
}

/// `part` as a whole percentage of `whole`, rounded half up; None when `whole` is 0.
pub(crate) fn percent(part: u32, whole: u32) -> Option<u32> {
    (whole > 0).then(|| (part * 100 + whole / 2) / whole)
}

/// `2026-11` for every month the period touches, oldest first.
pub(crate) fn months(period: &Period) -> Vec<String> {
    let mut out = Vec::new();
    let mut month = period.from.with_day(1).unwrap_or(period.from);
    while month <= period.to {
        out.push(month.format("%Y-%m").to_string());
        match month.checked_add_months(Months::new(1)) {
            Some(next) => month = next,
            None => break,
        }
    }
    out
}

/// Every full-table read in the query plan of `sql` on a fresh school: what makes a query
/// slow as the school grows. Intermediate results (`SCAN (subquery-…)`, CTEs) are left out
/// only when named in `allowed`.
#[cfg(test)]
pub(crate) fn full_scans(sql: &str, allowed: &[&str]) -> Vec<String> {
    let db = crate::Db::open_in_memory().unwrap();
    db.with_conn(|c| {
        let mut stmt = c.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let mut rows = stmt.raw_query();
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let detail: String = row.get(3)?;
            let scan = detail.starts_with("SCAN") && !detail.starts_with("SCAN (subquery-");
            if scan && !allowed.contains(&detail.as_str()) {
                out.push(detail);
            }
        }
        Ok(out)
    })
    .unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insights_read_only_what_their_period_selects_through_an_index() {
        for by in RateBy::ALL {
            let sql = renewal_rate::sql(*by);
            let derived = [
                "SCAN closed",
                "SCAN typed",
                "SCAN t",
                "SCAN taught",
                "SCAN dated",
            ];
            let scans = full_scans(&sql, &derived);
            assert!(scans.is_empty(), "{by:?}: {scans:?}");
        }
        for sql in [churn::SQL, hours::SQL] {
            let scans = full_scans(sql, &[]);
            assert!(scans.is_empty(), "{scans:?} in {sql}");
        }
    }

    #[test]
    fn percentages_round_half_up_and_need_a_whole() {
        assert_eq!(percent(1, 3), Some(33));
        assert_eq!(percent(2, 3), Some(67));
        assert_eq!(percent(1, 8), Some(13), "12.5 rounds up");
        assert_eq!(percent(0, 0), None);
    }

    #[test]
    fn months_cover_partial_months_at_both_ends() {
        let p = Period {
            from: "2025-11-15".parse().unwrap(),
            to: "2026-02-01".parse().unwrap(),
        };
        assert_eq!(months(&p), ["2025-11", "2025-12", "2026-01", "2026-02"]);
    }
}
