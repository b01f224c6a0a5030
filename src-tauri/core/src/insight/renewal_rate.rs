//! Renewal rate: renewed cycles as a share of closed ones (renewed + declined), counted by the
//! day they closed, as the home page's tile counts them. Grouped by the guardians' motivation
//! type, the course, the teacher of the student's class in that course, or the term.
//!
//! A cycle counts once in each group it belongs to: a child whose mother is tagged "future"
//! and father "honors" counts under both, so group totals may exceed the school's. Cycles
//! with no tagged guardian or no class come last, in a group of their own.

use rusqlite::{Connection, Row};
use serde::Serialize;
use specta::Type;

use super::{percent, Period};
use crate::error::Result;
use crate::tagging::MotivationType;

text_enum!(RateBy {
    Motivation = "motivation",
    Course = "course",
    Teacher = "teacher",
    Term = "term",
});

text_enum!(
    /// Schools here run two terms: spring (February to July) and autumn (August to January,
    /// named by the year it starts).
    TermHalf {
        Spring = "spring",
        Autumn = "autumn",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(tag = "by", rename_all = "camelCase")]
pub enum RateGroup {
    /// None: no guardian of the child is tagged.
    Motivation {
        motivation: Option<MotivationType>,
    },
    Course {
        id: i64,
        name: String,
    },
    /// None: the child is in no class of the course.
    Teacher {
        id: Option<i64>,
        name: Option<String>,
    },
    Term {
        year: i32,
        half: TermHalf,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RenewalRate {
    pub group: RateGroup,
    pub renewed: u32,
    pub declined: u32,
    /// Renewed as a share of renewed + declined, rounded.
    pub percent: Option<u32>,
}

/// Cycles closed in the period (`?1`–`?2`), through the index on the closing day.
const CLOSED: &str = "
WITH closed AS (
    SELECT id, student_id, course_id, closed_on, status = 'renewed' AS renewed
      FROM renewal_cycle WHERE closed_on BETWEEN ?1 AND ?2
)";

/// Every query answers: group id, group text, renewed, closed.
const BY_MOTIVATION: &str = ", typed AS (
    SELECT DISTINCT c.id, c.renewed,
           (SELECT gm.primary_type FROM guardian_motivation gm
             WHERE gm.guardian_id = sg.guardian_id ORDER BY gm.id DESC LIMIT 1) AS type
      FROM closed c JOIN student_guardian sg ON sg.student_id = c.student_id
)
SELECT NULL, type, sum(renewed), count(*) FROM typed WHERE type IS NOT NULL GROUP BY type
UNION ALL
SELECT NULL, NULL, sum(renewed), count(*) FROM closed
 WHERE id NOT IN (SELECT id FROM typed WHERE type IS NOT NULL) HAVING count(*) > 0";

const BY_COURSE: &str = "
SELECT c.course_id, co.name, sum(c.renewed), count(*)
  FROM closed c JOIN course co ON co.id = c.course_id
 GROUP BY c.course_id ORDER BY co.sort_key";

const BY_TEACHER: &str = ", taught AS (
    SELECT DISTINCT c.id, c.renewed, cl.teacher_id
      FROM closed c
      JOIN class_student cs ON cs.student_id = c.student_id
      JOIN class cl ON cl.id = cs.class_id AND cl.course_id = c.course_id
)
SELECT * FROM (SELECT t.teacher_id, st.name, sum(t.renewed), count(*)
                 FROM taught t JOIN staff st ON st.id = t.teacher_id
                GROUP BY t.teacher_id ORDER BY st.sort_key)
UNION ALL
SELECT NULL, NULL, sum(renewed), count(*) FROM closed
 WHERE id NOT IN (SELECT id FROM taught) HAVING count(*) > 0";

const BY_TERM: &str = ", dated AS (
    SELECT cast(substr(closed_on, 1, 4) AS INTEGER) AS year,
           cast(substr(closed_on, 6, 2) AS INTEGER) AS month, renewed
      FROM closed
)
SELECT CASE WHEN month = 1 THEN year - 1 ELSE year END AS term_year,
       CASE WHEN month BETWEEN 2 AND 7 THEN 'spring' ELSE 'autumn' END AS half,
       sum(renewed), count(*)
  FROM dated GROUP BY term_year, half ORDER BY term_year, half = 'autumn'";

pub(super) fn sql(by: RateBy) -> String {
    let tail = match by {
        RateBy::Motivation => BY_MOTIVATION,
        RateBy::Course => BY_COURSE,
        RateBy::Teacher => BY_TEACHER,
        RateBy::Term => BY_TERM,
    };
    format!("{CLOSED}{tail}")
}

fn group(by: RateBy, r: &Row) -> rusqlite::Result<RateGroup> {
    Ok(match by {
        RateBy::Motivation => RateGroup::Motivation {
            motivation: r.get(1)?,
        },
        RateBy::Course => RateGroup::Course {
            id: r.get(0)?,
            name: r.get(1)?,
        },
        RateBy::Teacher => RateGroup::Teacher {
            id: r.get(0)?,
            name: r.get(1)?,
        },
        RateBy::Term => RateGroup::Term {
            year: r.get(0)?,
            half: r.get(1)?,
        },
    })
}

/// Renewal rates for cycles closed in the period, one statement per grouping.
pub fn renewal_rates(conn: &Connection, by: RateBy, period: &Period) -> Result<Vec<RenewalRate>> {
    period.check()?;
    let mut stmt = conn.prepare_cached(&sql(by))?;
    let rows = stmt.query_map([period.from, period.to], |r| {
        let renewed: u32 = r.get(2)?;
        let closed: u32 = r.get(3)?;
        Ok(RenewalRate {
            group: group(by, r)?,
            renewed,
            declined: closed - renewed,
            percent: percent(renewed, closed),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
