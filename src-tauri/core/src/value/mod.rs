//! What each family is worth to the school over time (seed 002: value is renewals, referrals
//! and what a family pays): how often it renewed, how long it has been with the school, how
//! many families it brought, how many hours it bought, and one score that orders them. From
//! the families who score highest comes the school's "ideal family" in numbers (`profile`).
//!
//! The score, out of 100, weighs what seed 002 weighs, referrals highest per unit because a
//! referred family is a new customer the school did not pay to find:
//! - renewals: 10 points each, at most 40;
//! - families brought (referred leads that enrolled): 15 points each, at most 30;
//! - tenure: 5 points per full half year (182 days), at most 20;
//! - hours bought: 1 point per full 10 purchased hours, at most 10.

mod profile;

use chrono::NaiveDate;
use rusqlite::{Connection, Row};
use serde::Serialize;
use specta::Type;

use crate::error::{Entity, Error, Result};
use crate::hours::from_halves;
use crate::lead::LeadSource;
use crate::tagging::MotivationType;

pub use profile::{ideal_family, IdealFamily, ProfileKey, ProfileShare, ValueSummary};

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FamilyValue {
    pub family_id: i64,
    pub family_name: String,
    pub renewals: u32,
    /// From the first package's first day to today, or to the last package's last day once
    /// it has ended.
    pub tenure_days: i64,
    /// Referred leads that enrolled: the families this one brought.
    pub referrals: u32,
    /// Every lead that named this family, enrolled or not.
    pub referred_leads: u32,
    /// Purchased hours over the family's whole history (bonus hours not included).
    pub hours_bought: f64,
    pub score: u32,
    /// How the family first came, when it came through a lead.
    pub source: Option<LeadSource>,
    /// The guardians' current types.
    pub motivations: Vec<MotivationType>,
    /// Courses the family bought packages for.
    pub course_ids: Vec<i64>,
}

/// What the family-level segments and the value scores both read, per family.
#[derive(Debug, Clone)]
pub(crate) struct FamilyFacts {
    pub value: FamilyValue,
    /// Renewals bought after the renewed package had already ended.
    pub late_renewals: u32,
    pub first_start: Option<NaiveDate>,
}

/// `?1` today, `?2` one family or NULL for every family that is not archived. Each figure
/// is read through an index on the family's students, packages or leads.
const SQL: &str = "
SELECT f.id, f.name,
       (SELECT count(*) FROM student s
          JOIN renewal_cycle rc ON rc.student_id = s.id AND rc.status = 'renewed'
          JOIN package np ON np.id = rc.renewed_package_id
         WHERE s.family_id = f.id AND np.purchased_on <= ?1),
       (SELECT count(*) FROM student s
          JOIN renewal_cycle rc ON rc.student_id = s.id AND rc.status = 'renewed'
          JOIN package np ON np.id = rc.renewed_package_id
          JOIN package op ON op.id = rc.package_id
         WHERE s.family_id = f.id AND np.purchased_on <= ?1 AND np.purchased_on > op.valid_until),
       (SELECT min(p.valid_from) FROM student s JOIN package p ON p.student_id = s.id
         WHERE s.family_id = f.id AND p.purchased_on <= ?1),
       (SELECT max(p.valid_until) FROM student s JOIN package p ON p.student_id = s.id
         WHERE s.family_id = f.id AND p.purchased_on <= ?1),
       (SELECT coalesce(sum(p.purchased_halves), 0) FROM student s
          JOIN package p ON p.student_id = s.id
         WHERE s.family_id = f.id AND p.purchased_on <= ?1),
       (SELECT count(DISTINCT pr.family_id) FROM prospect pr
         WHERE pr.referred_by_family_id = f.id AND pr.converted_on <= ?1),
       (SELECT count(*) FROM prospect pr
         WHERE pr.referred_by_family_id = f.id AND pr.first_contact_on <= ?1),
       (SELECT pr.source FROM prospect pr WHERE pr.family_id = f.id
         ORDER BY pr.first_contact_on, pr.id LIMIT 1),
       (SELECT json_group_array(DISTINCT type) FROM (
            SELECT (SELECT gm.primary_type FROM guardian_motivation gm
                     WHERE gm.guardian_id = g.id ORDER BY gm.id DESC LIMIT 1) AS type
              FROM guardian g WHERE g.family_id = f.id AND g.archived_at IS NULL)
         WHERE type IS NOT NULL),
       (SELECT json_group_array(DISTINCT p.course_id) FROM student s
          JOIN package p ON p.student_id = s.id
         WHERE s.family_id = f.id AND p.purchased_on <= ?1)
  FROM family f
 WHERE (?2 IS NULL AND f.archived_at IS NULL) OR f.id = ?2
 ORDER BY f.id";

fn facts_row(r: &Row, today: NaiveDate) -> rusqlite::Result<FamilyFacts> {
    let first_start: Option<NaiveDate> = r.get(4)?;
    let last_end: Option<NaiveDate> = r.get(5)?;
    let tenure_days = match first_start {
        Some(start) => (last_end.map_or(today, |end| end.min(today)) - start)
            .num_days()
            .max(0),
        None => 0,
    };
    let renewals: u32 = r.get(2)?;
    let referrals: u32 = r.get(7)?;
    let hours_bought = from_halves(r.get(6)?);
    let json = |i: usize| -> rusqlite::Result<String> {
        Ok(r.get::<_, Option<String>>(i)?.unwrap_or_default())
    };
    Ok(FamilyFacts {
        value: FamilyValue {
            family_id: r.get(0)?,
            family_name: r.get(1)?,
            renewals,
            tenure_days,
            referrals,
            referred_leads: r.get(8)?,
            hours_bought,
            score: score(renewals, referrals, tenure_days, hours_bought),
            source: r.get(9)?,
            motivations: serde_json::from_str(&json(10)?).unwrap_or_default(),
            course_ids: serde_json::from_str(&json(11)?).unwrap_or_default(),
        },
        late_renewals: r.get(3)?,
        first_start,
    })
}

pub(crate) fn family_facts(
    conn: &Connection,
    today: NaiveDate,
    one: Option<i64>,
) -> Result<Vec<FamilyFacts>> {
    let mut stmt = conn.prepare_cached(SQL)?;
    let rows = stmt.query_map(rusqlite::params![today, one], |r| facts_row(r, today))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The score of the module documentation.
pub fn score(renewals: u32, referrals: u32, tenure_days: i64, hours_bought: f64) -> u32 {
    let tenure = u32::try_from(tenure_days / 182).unwrap_or(0);
    let hours = (hours_bought / 10.0).floor().clamp(0.0, 10.0) as u32;
    (renewals.saturating_mul(10)).min(40)
        + (referrals.saturating_mul(15)).min(30)
        + (tenure.saturating_mul(5)).min(20)
        + hours
}

/// Every family that has bought a package (archived ones aside), highest score first.
pub fn family_values(conn: &Connection, today: NaiveDate) -> Result<Vec<FamilyValue>> {
    let mut out: Vec<FamilyValue> = family_facts(conn, today, None)?
        .into_iter()
        .filter(|f| f.first_start.is_some())
        .map(|f| f.value)
        .collect();
    out.sort_by(|a, b| b.score.cmp(&a.score).then(a.family_id.cmp(&b.family_id)));
    Ok(out)
}

pub fn family_value(conn: &Connection, family_id: i64, today: NaiveDate) -> Result<FamilyValue> {
    family_facts(conn, today, Some(family_id))?
        .pop()
        .map(|f| f.value)
        .ok_or(Error::not_found(Entity::Family, family_id))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One pass over the families; everything else through an index on the family.
    #[test]
    fn family_figures_read_only_the_families_in_full() {
        let scans = crate::insight::full_scans(SQL, &["SCAN f"]);
        assert!(scans.is_empty(), "{scans:?}");
    }

    #[test]
    fn each_part_of_the_score_is_capped() {
        assert_eq!(score(0, 0, 0, 0.0), 0);
        assert_eq!(score(2, 1, 400, 48.0), 20 + 15 + 10 + 4);
        assert_eq!(score(9, 5, 5000, 900.0), 40 + 30 + 20 + 10);
        assert_eq!(score(0, 0, 181, 9.5), 0, "no part counts until it is whole");
    }
}
