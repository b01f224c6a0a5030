//! Insights for a period: every chart of the insights page in one read, so the page draws
//! them together and a period change costs one round trip.

use chrono::Local;
use encore_core::insight::{self, ChurnMonth, HoursMonth, Period, RateBy, RenewalRate};
use encore_core::lead::Funnel;
use encore_core::lifecycle::StageCount;
use serde::Serialize;
use specta::Type;
use tauri::State;

use crate::error::AppResult;
use crate::store::Store;

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Insights {
    pub by_motivation: Vec<RenewalRate>,
    pub by_course: Vec<RenewalRate>,
    pub by_teacher: Vec<RenewalRate>,
    pub by_term: Vec<RenewalRate>,
    pub churn: Vec<ChurnMonth>,
    pub hours: Vec<HoursMonth>,
    pub funnel: Funnel,
    /// Stages are as of today, whatever the period.
    pub lifecycle: Vec<StageCount>,
}

#[tauri::command]
#[specta::specta]
pub async fn get_insights(store: State<'_, Store>, period: Period) -> AppResult<Insights> {
    store.with_conn(|c| {
        let rates = |by| insight::renewal_rates(c, by, &period);
        Ok(Insights {
            by_motivation: rates(RateBy::Motivation)?,
            by_course: rates(RateBy::Course)?,
            by_teacher: rates(RateBy::Teacher)?,
            by_term: rates(RateBy::Term)?,
            churn: insight::churn_reasons(c, &period)?,
            hours: insight::hours_by_month(c, &period)?,
            funnel: insight::funnel(c, &period)?,
            lifecycle: insight::lifecycle_counts(c, Local::now().date_naive())?,
        })
    })
}
