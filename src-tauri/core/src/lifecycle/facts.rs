//! Reading what the stage rules need for every student in one statement, plus the renewal
//! desk's high-risk rows.

use std::collections::HashSet;

use chrono::NaiveDate;
use rusqlite::{params, Connection, Row};

use super::derive::{derive, Facts};
use super::{lapsed_after_days, LeaveReason, StudentStage};
use crate::bilingual::Bilingual;
use crate::error::{Entity, Error, Result};
use crate::renewal::{self, DeclineReason, RiskLevel, WorklistFilter};

/// `?1` today, `?2` N (days that make a gap), `?3` one student or NULL for all. Every
/// per-student lookup goes through an index on the student; the only full reads are of the
/// students themselves and, once, of the packages to find each student's unbroken run.
pub(super) const SQL: &str = "
WITH gaps AS (
    SELECT student_id, valid_from,
           row_number() OVER run = 1
           OR valid_from > date(max(valid_until) OVER (run ROWS BETWEEN UNBOUNDED PRECEDING
                                                       AND 1 PRECEDING), '+' || ?2 || ' days')
               AS starts_run
      FROM package
     WHERE purchased_on <= ?1 AND (?3 IS NULL OR student_id = ?3)
    WINDOW run AS (PARTITION BY student_id ORDER BY valid_from, id)
), runs AS (
    SELECT student_id, max(valid_from) AS since FROM gaps WHERE starts_run GROUP BY student_id
)
SELECT s.id, s.family_id, s.archived_at IS NOT NULL OR f.archived_at IS NOT NULL,
       (SELECT count(*) FROM package p WHERE p.student_id = s.id AND p.purchased_on <= ?1),
       EXISTS (SELECT 1 FROM prospect pr WHERE pr.student_id = s.id),
       EXISTS (SELECT 1 FROM package_state ps JOIN package p ON p.id = ps.package_id
                WHERE ps.student_id = s.id AND ps.remaining_halves > 0
                  AND ps.valid_until >= ?1 AND p.purchased_on <= ?1),
       max(coalesce((SELECT max(p.valid_until) FROM package p
                      WHERE p.student_id = s.id AND p.purchased_on <= ?1 AND p.valid_until < ?1), ''),
           -- The newest lesson of each of the student's accounts: a few index probes
           -- backwards from today instead of every entry the student ever had.
           coalesce((SELECT max((SELECT e.occurred_on FROM ledger_entry e
                                  WHERE e.student_id = a.student_id AND e.course_id = a.course_id
                                    AND e.occurred_on <= ?1 AND e.kind = 'lesson'
                                  ORDER BY e.occurred_on DESC LIMIT 1))
                       FROM account_state a WHERE a.student_id = s.id), '')),
       (SELECT count(*) FROM renewal_cycle rc JOIN package np ON np.id = rc.renewed_package_id
         WHERE rc.student_id = s.id AND rc.status = 'renewed' AND np.purchased_on <= ?1),
       runs.since,
       (SELECT json_array(rc.declined_reason, rc.declined_text, rc.closed_on)
          FROM renewal_cycle rc
         WHERE rc.student_id = s.id AND rc.status = 'declined' AND rc.closed_on <= ?1
           AND NOT EXISTS (SELECT 1 FROM package later
                            -- `+`: through the student's few packages, never the course's many.
                            WHERE later.student_id = rc.student_id AND +later.course_id = rc.course_id
                              AND later.id > coalesce(rc.package_id, 0) AND later.purchased_on <= ?1)
         ORDER BY rc.closed_on DESC, rc.id DESC LIMIT 1)
  FROM student s
  JOIN family f ON f.id = s.family_id
  LEFT JOIN runs ON runs.student_id = s.id
 WHERE ?3 IS NULL OR s.id = ?3
 ORDER BY s.id";

fn facts(r: &Row) -> rusqlite::Result<(i64, i64, Facts)> {
    let last: String = r.get(6)?;
    let declined: Option<String> = r.get(9)?;
    Ok((
        r.get(0)?,
        r.get(1)?,
        Facts {
            archived: r.get(2)?,
            packages: r.get(3)?,
            converted: r.get(4)?,
            covered: r.get(5)?,
            last_covered_on: last.parse().ok(),
            renewals: r.get(7)?,
            enrolled_since: r.get(8)?,
            declined: declined.as_deref().and_then(decline),
            high_risk: false,
        },
    ))
}

/// `["price", "too far", "2026-10-01"]` from the SQL above.
fn decline(json: &str) -> Option<LeaveReason> {
    let (reason, text, on): (String, Option<String>, Option<NaiveDate>) =
        serde_json::from_str(json).ok()?;
    let reason = DeclineReason::parse(&reason)?;
    let words = renewal::decline_words(reason);
    let detail = text
        .as_deref()
        .map(|t| format!(" — {t}"))
        .unwrap_or_default();
    Some(LeaveReason {
        reason: Some(reason),
        words: Bilingual::new(
            format!("{}{detail}", words.en),
            format!("{}{detail}", words.zh_cn),
        ),
        text,
        on,
    })
}

fn archived() -> LeaveReason {
    LeaveReason {
        reason: None,
        text: None,
        on: None,
        words: Bilingual::new("archived", "已归档"),
    }
}

fn read(conn: &Connection, today: NaiveDate, one: Option<i64>) -> Result<Vec<StudentStage>> {
    let n = lapsed_after_days(conn)?;
    let at_risk: HashSet<i64> = renewal::worklist(
        conn,
        &WorklistFilter {
            risk: Some(RiskLevel::High),
            ..Default::default()
        },
        today,
    )?
    .into_iter()
    .map(|row| row.student_id)
    .collect();
    let mut stmt = conn.prepare_cached(SQL)?;
    let rows = stmt.query_map(params![today, n, one], facts)?;
    let mut out = Vec::new();
    for row in rows {
        let (student_id, family_id, mut f) = row?;
        f.high_risk = at_risk.contains(&student_id);
        let stage = derive(&f, today, n);
        let reason = match stage {
            super::Stage::Left if f.archived => Some(archived()),
            super::Stage::Left => f.declined,
            _ => None,
        };
        out.push(StudentStage {
            student_id,
            family_id,
            stage,
            archived: f.archived,
            renewals: f.renewals,
            enrolled_since: f.enrolled_since,
            last_covered_on: f.last_covered_on.filter(|_| !f.covered),
            reason,
        });
    }
    Ok(out)
}

/// Every student's stage on `today`, archived students included (as Left), by id.
pub fn stages(conn: &Connection, today: NaiveDate) -> Result<Vec<StudentStage>> {
    read(conn, today, None)
}

pub fn stage_of(conn: &Connection, student_id: i64, today: NaiveDate) -> Result<StudentStage> {
    read(conn, today, Some(student_id))?
        .pop()
        .ok_or(Error::not_found(Entity::Student, student_id))
}

#[cfg(test)]
mod tests {
    use super::SQL;

    /// One pass over the students, and one over the packages to find the runs (each student
    /// then finds its own run through an automatic index): nothing read in full per student.
    #[test]
    fn stages_read_every_table_but_students_and_packages_through_an_index() {
        let allowed = [
            "SCAN s",
            "SCAN package USING INDEX package_student",
            "SCAN gaps",
        ];
        let scans = crate::insight::full_scans(SQL, &allowed);
        assert!(scans.is_empty(), "{scans:?}");
    }
}
