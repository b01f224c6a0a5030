//! Evaluating a segment: one statement for what each student brings (level, guardians'
//! channels and types, courses), one for the families' renewal history when a family-level
//! criterion asks for it, and the lifecycle stages when a stage is asked for. Rust combines.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

use super::{get, Regularity, SegmentDefinition, SegmentMatch};
use crate::error::Result;
use crate::guardian::ContactChannel;
use crate::lifecycle::{self, Stage};
use crate::tagging::MotivationType;
use crate::value::{family_facts, FamilyFacts};

/// `?1` today. Every lookup is by the student, through an index.
const SQL: &str = "
SELECT s.id, s.family_id, s.skill_level,
       (SELECT group_concat(DISTINCT g.preferred_channel) FROM student_guardian sg
          JOIN guardian g ON g.id = sg.guardian_id AND g.archived_at IS NULL
         WHERE sg.student_id = s.id AND g.preferred_channel IS NOT NULL),
       (SELECT group_concat(DISTINCT type) FROM (
            SELECT (SELECT gm.primary_type FROM guardian_motivation gm
                     WHERE gm.guardian_id = sg.guardian_id ORDER BY gm.id DESC LIMIT 1) AS type
              FROM student_guardian sg
              JOIN guardian g ON g.id = sg.guardian_id AND g.archived_at IS NULL
             WHERE sg.student_id = s.id)
         WHERE type IS NOT NULL),
       (SELECT group_concat(course_id) FROM (
            SELECT p.course_id FROM package p WHERE p.student_id = s.id AND p.purchased_on <= ?1
            UNION
            SELECT cl.course_id FROM class_student cs
              JOIN class cl ON cl.id = cs.class_id AND cl.archived_at IS NULL
             WHERE cs.student_id = s.id))
  FROM student s
  JOIN family f ON f.id = s.family_id AND f.archived_at IS NULL
 WHERE s.archived_at IS NULL
 ORDER BY s.id";

struct Child {
    id: i64,
    family_id: i64,
    skill_level: Option<String>,
    channels: Vec<ContactChannel>,
    motivations: Vec<MotivationType>,
    course_ids: Vec<i64>,
}

/// The values of a `group_concat` (codes and ids hold no commas).
fn values<T>(text: Option<String>, parse: impl Fn(&str) -> Option<T>) -> Vec<T> {
    text.map(|t| t.split(',').filter_map(&parse).collect())
        .unwrap_or_default()
}

/// The students (and their families) the definition selects on `today`.
pub fn evaluate(
    conn: &Connection,
    def: &SegmentDefinition,
    today: NaiveDate,
) -> Result<SegmentMatch> {
    def.check("")?;
    let needs_family = def.renewals.is_some()
        || def.regularity.is_some()
        || def.tenure_months.is_some()
        || !def.sources.is_empty();
    let families: HashMap<i64, FamilyFacts> = if needs_family {
        family_facts(conn, today, None)?
            .into_iter()
            .map(|f| (f.value.family_id, f))
            .collect()
    } else {
        HashMap::new()
    };
    let stages: HashMap<i64, Stage> = if def.stages.is_empty() {
        HashMap::new()
    } else {
        lifecycle::stages(conn, today)?
            .into_iter()
            .map(|s| (s.student_id, s.stage))
            .collect()
    };
    let levels: Vec<String> = def
        .skill_levels
        .iter()
        .map(|l| l.trim().to_lowercase())
        .collect();
    let mut stmt = conn.prepare_cached(SQL)?;
    let rows = stmt.query_map([today], |r| {
        Ok(Child {
            id: r.get(0)?,
            family_id: r.get(1)?,
            skill_level: r.get(2)?,
            channels: values(r.get(3)?, ContactChannel::parse),
            motivations: values(r.get(4)?, MotivationType::parse),
            course_ids: values(r.get(5)?, |id| id.parse().ok()),
        })
    })?;
    let any = |wanted: bool, found: bool| !wanted || found;
    let mut out = SegmentMatch::default();
    let mut family_ids = BTreeSet::new();
    for child in rows {
        let c = child?;
        let level = c.skill_level.as_deref().map(|l| l.trim().to_lowercase());
        let own = any(
            !levels.is_empty(),
            level.is_some_and(|l| levels.contains(&l)),
        ) && any(
            !def.channels.is_empty(),
            c.channels.iter().any(|x| def.channels.contains(x)),
        ) && any(
            !def.motivations.is_empty(),
            c.motivations.iter().any(|x| def.motivations.contains(x)),
        ) && any(
            !def.course_ids.is_empty(),
            c.course_ids.iter().any(|x| def.course_ids.contains(x)),
        ) && any(
            !def.stages.is_empty(),
            stages.get(&c.id).is_some_and(|s| def.stages.contains(s)),
        );
        if own
            && (!needs_family
                || families
                    .get(&c.family_id)
                    .is_some_and(|f| family_fits(def, f, today)))
        {
            out.student_ids.push(c.id);
            family_ids.insert(c.family_id);
        }
    }
    out.family_ids = family_ids.into_iter().collect();
    Ok(out)
}

pub fn evaluate_saved(conn: &Connection, id: i64, today: NaiveDate) -> Result<SegmentMatch> {
    evaluate(conn, &get(conn, id)?.definition, today)
}

fn family_fits(def: &SegmentDefinition, f: &FamilyFacts, today: NaiveDate) -> bool {
    let renewals = f.value.renewals;
    let regular = match def.regularity {
        None => true,
        Some(Regularity::OnTime) => renewals > 0 && f.late_renewals == 0,
        Some(Regularity::Late) => f.late_renewals > 0,
    };
    let tenure = match (def.tenure_months, f.first_start) {
        (None, _) => true,
        (Some(_), None) => false,
        (Some(range), Some(start)) => range.contains(full_months(start, today)),
    };
    regular
        && tenure
        && def.renewals.is_none_or(|r| r.contains(renewals))
        && (def.sources.is_empty() || f.value.source.is_some_and(|s| def.sources.contains(&s)))
}

/// Whole calendar months from `start` to `today`: 2026-01-31 to 2026-02-28 is 0.
fn full_months(start: NaiveDate, today: NaiveDate) -> u32 {
    let months = (today.year() - start.year()) * 12 + today.month() as i32
        - start.month() as i32
        - i32::from(today.day() < start.day());
    u32::try_from(months).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One pass over the students; everything else through an index on the student.
    #[test]
    fn segments_read_only_the_students_in_full() {
        let scans = crate::insight::full_scans(SQL, &["SCAN s"]);
        assert!(scans.is_empty(), "{scans:?}");
    }

    #[test]
    fn tenure_counts_whole_months_only() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(full_months(d("2025-11-22"), d("2026-11-21")), 11);
        assert_eq!(full_months(d("2025-11-22"), d("2026-11-22")), 12);
        assert_eq!(full_months(d("2026-01-31"), d("2026-02-28")), 0);
        assert_eq!(
            full_months(d("2026-12-01"), d("2026-11-22")),
            0,
            "bought ahead"
        );
    }
}
