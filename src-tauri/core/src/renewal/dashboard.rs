//! The home page's renewal tile: this month's renewals at a glance.

use chrono::{Datelike, Months, NaiveDate};
use rusqlite::{params, Connection};
use serde::Serialize;
use specta::Type;

use super::{worklist, RiskLevel, WorklistFilter};
use crate::error::Result;
use crate::settings;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RenewalDashboard {
    /// Renewals falling due by the end of this month: those still open on the worklist and
    /// those renewed or declined since the month began.
    pub due_this_month: u32,
    pub renewed_this_month: u32,
    /// Renewed as a share of due, rounded; None when nothing is due.
    pub renewed_percent: Option<u32>,
    /// Open renewals at high risk.
    pub at_risk: u32,
    /// Open renewals whose hours have already run out or ended.
    pub overdue: u32,
}

pub fn dashboard(conn: &Connection, today: NaiveDate) -> Result<RenewalDashboard> {
    let month_start = today.with_day(1).unwrap_or(today);
    let month_end = month_start
        .checked_add_months(Months::new(1))
        .and_then(|d| d.pred_opt())
        .unwrap_or(today);
    let threshold = settings::policy(conn)?.low_hours_threshold;
    let open = worklist(conn, &WorklistFilter::default(), today)?;
    let due_open = open
        .iter()
        .filter(|r| r.hours_left <= threshold || r.expires_on.is_some_and(|d| d <= month_end))
        .count() as u32;
    let (renewed, declined): (u32, u32) = conn.query_row(
        "SELECT coalesce(sum(status = 'renewed'), 0), coalesce(sum(status = 'declined'), 0)
           FROM renewal_cycle WHERE closed_on BETWEEN ?1 AND ?2",
        params![month_start, today],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let due = due_open + renewed + declined;
    Ok(RenewalDashboard {
        due_this_month: due,
        renewed_this_month: renewed,
        renewed_percent: (due > 0).then(|| (renewed * 100 + due / 2) / due),
        at_risk: open
            .iter()
            .filter(|r| r.risk.level == RiskLevel::High)
            .count() as u32,
        overdue: open.iter().filter(|r| r.hours_left <= 0.0).count() as u32,
    })
}
