//! Hours sold against hours used, month by month, straight from the ledger: what families
//! paid for, what the school gave on top, and what lessons consumed.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde::Serialize;
use specta::Type;

use super::{months, Period};
use crate::error::Result;
use crate::hours::from_halves;

#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct HoursTotals {
    /// Purchased hours of the packages sold.
    pub sold: f64,
    pub bonus: f64,
    /// Hours lessons deducted (on credit included).
    pub used: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct HoursMonth {
    /// `2026-11`.
    pub month: String,
    pub hours: HoursTotals,
}

/// Reads only the ledger's index by day (`ledger_day` covers every column used).
pub(super) const SQL: &str = "
SELECT substr(occurred_on, 1, 7),
       coalesce(sum(halves) FILTER (WHERE kind = 'purchase'), 0),
       coalesce(sum(halves) FILTER (WHERE kind = 'bonus'), 0),
       coalesce(-sum(halves) FILTER (WHERE kind = 'lesson'), 0)
  FROM ledger_entry
 WHERE occurred_on BETWEEN ?1 AND ?2
 GROUP BY 1";

/// Every month of the period, empty ones included, oldest first.
pub fn hours_by_month(conn: &Connection, period: &Period) -> Result<Vec<HoursMonth>> {
    period.check()?;
    let mut by_month: BTreeMap<String, HoursTotals> = months(period)
        .into_iter()
        .map(|m| (m, HoursTotals::default()))
        .collect();
    let mut stmt = conn.prepare_cached(SQL)?;
    let rows = stmt.query_map([period.from, period.to], |r| {
        Ok((
            r.get::<_, String>(0)?,
            HoursTotals {
                sold: from_halves(r.get(1)?),
                bonus: from_halves(r.get(2)?),
                used: from_halves(r.get(3)?),
            },
        ))
    })?;
    for row in rows {
        let (month, totals) = row?;
        by_month.insert(month, totals);
    }
    Ok(by_month
        .into_iter()
        .map(|(month, hours)| HoursMonth { month, hours })
        .collect())
}
