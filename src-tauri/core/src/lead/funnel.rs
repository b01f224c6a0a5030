//! The lead funnel: prospects → trials → enrolled. Leads are counted by the month of their
//! first contact (a cohort), each with what has become of it since, so every rate is a share
//! of the same leads and can never pass 100%.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde::Serialize;
use specta::Type;

use super::LeadSource;
use crate::error::Result;
use crate::insight::{months, percent, Period};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FunnelCounts {
    pub prospects: u32,
    /// Leads that came to at least one trial (attended, then enrolled or declined).
    pub trials: u32,
    /// Leads that enrolled, with or without a trial.
    pub enrolled: u32,
    /// Leads that came to a trial and then enrolled.
    pub enrolled_after_trial: u32,
    /// Trials as a share of prospects, rounded; None without prospects.
    pub trial_percent: Option<u32>,
    /// Enrolled as a share of prospects: the funnel's conversion.
    pub enrolled_percent: Option<u32>,
    /// Enrolled after a trial as a share of trials: how well trials convert.
    pub trial_enrolled_percent: Option<u32>,
}

impl FunnelCounts {
    fn add(&mut self, prospects: u32, trials: u32, enrolled: u32, after_trial: u32) {
        self.prospects += prospects;
        self.trials += trials;
        self.enrolled += enrolled;
        self.enrolled_after_trial += after_trial;
        self.trial_percent = percent(self.trials, self.prospects);
        self.enrolled_percent = percent(self.enrolled, self.prospects);
        self.trial_enrolled_percent = percent(self.enrolled_after_trial, self.trials);
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FunnelMonth {
    /// `2026-11`.
    pub month: String,
    pub counts: FunnelCounts,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FunnelBySource {
    pub source: LeadSource,
    pub counts: FunnelCounts,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Funnel {
    /// Every month of the period, empty ones included, oldest first.
    pub months: Vec<FunnelMonth>,
    /// Every source, in the order of `LeadSource::ALL`.
    pub sources: Vec<FunnelBySource>,
    pub total: FunnelCounts,
}

/// One statement: leads first contacted in the period, by month and source.
const SQL: &str = "
WITH lead AS (
    SELECT substr(p.first_contact_on, 1, 7) AS month, p.source, p.family_id IS NOT NULL AS enrolled,
           EXISTS (SELECT 1 FROM trial_lesson t
                    WHERE t.prospect_id = p.id
                      AND t.outcome IN ('attended', 'enrolled', 'declined')) AS trialed
      FROM prospect p
     WHERE p.first_contact_on BETWEEN ?1 AND ?2
)
SELECT month, source, count(*), sum(trialed), sum(enrolled), sum(trialed AND enrolled)
  FROM lead GROUP BY month, source";

pub fn funnel(conn: &Connection, period: &Period) -> Result<Funnel> {
    period.check()?;
    let mut by_month: BTreeMap<String, FunnelCounts> = months(period)
        .into_iter()
        .map(|m| (m, FunnelCounts::default()))
        .collect();
    let mut by_source: Vec<FunnelBySource> = LeadSource::ALL
        .iter()
        .map(|&source| FunnelBySource {
            source,
            counts: FunnelCounts::default(),
        })
        .collect();
    let mut total = FunnelCounts::default();
    let mut stmt = conn.prepare_cached(SQL)?;
    let rows = stmt.query_map([period.from, period.to], |r| {
        Ok((
            r.get::<_, String>(0)?,
            r.get::<_, LeadSource>(1)?,
            [r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?],
        ))
    })?;
    for row in rows {
        let (month, source, [p, t, e, a]): (String, LeadSource, [u32; 4]) = row?;
        by_month.entry(month).or_default().add(p, t, e, a);
        if let Some(s) = by_source.iter_mut().find(|s| s.source == source) {
            s.counts.add(p, t, e, a);
        }
        total.add(p, t, e, a);
    }
    Ok(Funnel {
        months: by_month
            .into_iter()
            .map(|(month, counts)| FunnelMonth { month, counts })
            .collect(),
        sources: by_source,
        total,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_funnel_reads_leads_by_first_contact_through_an_index() {
        let scans = crate::insight::full_scans(SQL, &["SCAN lead"]);
        assert!(scans.is_empty(), "{scans:?}");
    }
}
