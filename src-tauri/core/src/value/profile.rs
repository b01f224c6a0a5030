//! The ideal family (seed 002): what the families who renew and refer most have in common —
//! their guardians' motivation type, their courses, how they came to the school — set against
//! every paying family, so a trait that is merely common does not pass for a mark of value.
//!
//! The top families are the best quarter by value score (rounded up, ties at the boundary
//! included, a score of 0 never). For each trait: how many top families have it, how many of
//! all families do, both as shares, and the lift — top share over overall share; above 1 the
//! trait is more common among the best families than in the school as a whole.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use specta::Type;

use super::{family_facts, FamilyValue};
use crate::error::Result;
use crate::insight::percent;
use crate::lead::LeadSource;
use crate::tagging::MotivationType;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "by", rename_all = "camelCase")]
pub enum ProfileKey {
    /// None: no guardian tagged.
    Motivation {
        motivation: Option<MotivationType>,
    },
    Course {
        id: i64,
        name: String,
    },
    /// None: entered directly, not through a lead.
    Source {
        source: Option<LeadSource>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ProfileShare {
    pub key: ProfileKey,
    pub top_families: u32,
    pub all_families: u32,
    pub top_percent: Option<u32>,
    pub all_percent: Option<u32>,
    /// Top share over overall share, to two decimals; None without top families.
    pub lift: Option<f64>,
}

/// Averages over a group of families, to one decimal.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ValueSummary {
    pub families: u32,
    pub renewals: f64,
    pub referrals: f64,
    pub tenure_days: f64,
    pub hours_bought: f64,
    pub score: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct IdealFamily {
    /// The lowest score among the top families; None when no family scores yet.
    pub min_score: Option<u32>,
    pub top: ValueSummary,
    pub all: ValueSummary,
    /// Most top families first.
    pub by_motivation: Vec<ProfileShare>,
    pub by_course: Vec<ProfileShare>,
    pub by_source: Vec<ProfileShare>,
}

pub fn ideal_family(conn: &Connection, today: NaiveDate) -> Result<IdealFamily> {
    let families: Vec<FamilyValue> = family_facts(conn, today, None)?
        .into_iter()
        .filter(|f| f.first_start.is_some())
        .map(|f| f.value)
        .collect();
    let mut scores: Vec<u32> = families.iter().map(|f| f.score).collect();
    scores.sort_unstable_by(|a, b| b.cmp(a));
    let min_score = scores
        .get(scores.len().div_ceil(4).saturating_sub(1))
        .copied()
        .filter(|&s| s > 0);
    let top: Vec<&FamilyValue> = families
        .iter()
        .filter(|f| min_score.is_some_and(|m| f.score >= m))
        .collect();
    let all: Vec<&FamilyValue> = families.iter().collect();
    let courses = course_names(conn)?;
    let motivation_keys = |f: &FamilyValue| -> Vec<ProfileKey> {
        if f.motivations.is_empty() {
            return vec![ProfileKey::Motivation { motivation: None }];
        }
        f.motivations
            .iter()
            .map(|&m| ProfileKey::Motivation {
                motivation: Some(m),
            })
            .collect()
    };
    let course_keys = |f: &FamilyValue| -> Vec<ProfileKey> {
        f.course_ids
            .iter()
            .map(|&id| ProfileKey::Course {
                id,
                name: courses.get(&id).cloned().unwrap_or_default(),
            })
            .collect()
    };
    let source_key = |f: &FamilyValue| vec![ProfileKey::Source { source: f.source }];
    Ok(IdealFamily {
        min_score,
        top: summary(&top),
        all: summary(&all),
        by_motivation: shares(&top, &all, motivation_keys),
        by_course: shares(&top, &all, course_keys),
        by_source: shares(&top, &all, source_key),
    })
}

fn course_names(conn: &Connection) -> Result<BTreeMap<i64, String>> {
    let mut stmt = conn.prepare_cached("SELECT id, name FROM course")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn shares(
    top: &[&FamilyValue],
    all: &[&FamilyValue],
    keys: impl Fn(&FamilyValue) -> Vec<ProfileKey>,
) -> Vec<ProfileShare> {
    // A handful of keys per dimension: a list is simpler than a map needing an order.
    let mut counts: Vec<(ProfileKey, u32, u32)> = Vec::new();
    let mut count = |f: &FamilyValue, in_top: bool| {
        for key in keys(f) {
            let at = match counts.iter().position(|(k, ..)| *k == key) {
                Some(at) => at,
                None => {
                    counts.push((key, 0, 0));
                    counts.len() - 1
                }
            };
            if in_top {
                counts[at].1 += 1;
            } else {
                counts[at].2 += 1;
            }
        }
    };
    for f in all {
        count(f, false);
    }
    for f in top {
        count(f, true);
    }
    let (n_top, n_all) = (top.len() as u32, all.len() as u32);
    let mut out: Vec<ProfileShare> = counts
        .into_iter()
        .map(|(key, t, a)| ProfileShare {
            key,
            top_families: t,
            all_families: a,
            top_percent: percent(t, n_top),
            all_percent: percent(a, n_all),
            lift: (n_top > 0 && a > 0).then(|| {
                let lift = (f64::from(t) / f64::from(n_top)) / (f64::from(a) / f64::from(n_all));
                (lift * 100.0).round() / 100.0
            }),
        })
        .collect();
    out.sort_by_key(|s| {
        (
            std::cmp::Reverse(s.top_families),
            std::cmp::Reverse(s.all_families),
        )
    });
    out
}

fn summary(families: &[&FamilyValue]) -> ValueSummary {
    let n = families.len();
    if n == 0 {
        return ValueSummary::default();
    }
    let mean = |f: &dyn Fn(&FamilyValue) -> f64| {
        let sum: f64 = families.iter().map(|v| f(v)).sum();
        (sum / n as f64 * 10.0).round() / 10.0
    };
    ValueSummary {
        families: n as u32,
        renewals: mean(&|v| f64::from(v.renewals)),
        referrals: mean(&|v| f64::from(v.referrals)),
        tenure_days: mean(&|v| v.tenure_days as f64),
        hours_bought: mean(&|v| v.hours_bought),
        score: mean(&|v| f64::from(v.score)),
    }
}
