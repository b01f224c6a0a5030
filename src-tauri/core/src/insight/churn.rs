//! Why families leave, month by month: declined renewals by the month they were recorded and
//! the reason staff chose (seed 003 names results, service, price and competitors).

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde::Serialize;
use specta::Type;

use super::{months, Period};
use crate::bilingual::Bilingual;
use crate::error::Result;
use crate::renewal::{decline_words, DeclineReason};

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReasonCount {
    pub reason: DeclineReason,
    pub count: u32,
    pub words: Bilingual,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ChurnMonth {
    /// `2026-11`.
    pub month: String,
    pub total: u32,
    /// Most frequent first; reasons nobody gave are left out.
    pub reasons: Vec<ReasonCount>,
}

pub(super) const SQL: &str = "
SELECT substr(closed_on, 1, 7), declined_reason, count(*)
  FROM renewal_cycle
 WHERE closed_on BETWEEN ?1 AND ?2 AND status = 'declined'
 GROUP BY 1, 2";

/// Every month of the period, empty ones included, oldest first.
pub fn churn_reasons(conn: &Connection, period: &Period) -> Result<Vec<ChurnMonth>> {
    period.check()?;
    let mut by_month: BTreeMap<String, Vec<ReasonCount>> = months(period)
        .into_iter()
        .map(|m| (m, Vec::new()))
        .collect();
    let mut stmt = conn.prepare_cached(SQL)?;
    let rows = stmt.query_map([period.from, period.to], |r| {
        Ok((r.get::<_, String>(0)?, r.get(1)?, r.get(2)?))
    })?;
    for row in rows {
        let (month, reason, count): (String, DeclineReason, u32) = row?;
        by_month.entry(month).or_default().push(ReasonCount {
            reason,
            count,
            words: decline_words(reason),
        });
    }
    Ok(by_month
        .into_iter()
        .map(|(month, mut reasons)| {
            // Equal counts keep the categories' own order.
            reasons.sort_by_key(|r| {
                let at = DeclineReason::ALL.iter().position(|&x| x == r.reason);
                (std::cmp::Reverse(r.count), at)
            });
            ChurnMonth {
                month,
                total: reasons.iter().map(|r| r.count).sum(),
                reasons,
            }
        })
        .collect())
}
