//! The renewal worklist: every student whose hours run low, whose package ends soon or has
//! ended, and who has not renewed, ranked by risk. One SQL statement reads it all from
//! indexed data (kept balances, twelve weeks of roll calls, the family's notes); Rust only
//! scores and filters the rows it returns.

use chrono::{Days, NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection, Row};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::risk::{self, Risk, RiskLevel, Signals};
use super::{CycleState, RenewalStatus};
use crate::error::Result;
use crate::hours::{from_halves, to_halves};
use crate::ledger::BALANCE_ON;
use crate::settings::{self, ClassHourPolicy};
use crate::tagging::MotivationType;

/// Accounts that ran out or ended longer ago than this have left; they belong to a win-back
/// list, not to this month's renewals.
pub const LAPSED_AFTER_DAYS: u64 = 90;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Person {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct GuardianBrief {
    pub id: i64,
    pub name: String,
    /// From the tagging wizard; None until the guardian is tagged.
    pub motivation: Option<MotivationType>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct WorklistRow {
    pub student_id: i64,
    pub student_name: String,
    pub family_id: i64,
    pub family_name: String,
    pub course_id: i64,
    pub course_name: String,
    pub teachers: Vec<Person>,
    pub guardians: Vec<GuardianBrief>,
    /// Tags of the student and of the student's guardians.
    pub tag_ids: Vec<i64>,
    pub hours_left: f64,
    /// The last day hours are valid; for an ended package, the day it ended.
    pub expires_on: Option<NaiveDate>,
    /// Share of lessons attended in the last 4 weeks, and in the 8 weeks before.
    pub attendance_recent: Option<f64>,
    pub attendance_before: Option<f64>,
    pub absence_streak: u32,
    pub days_since_contact: Option<i64>,
    pub complaints: u32,
    pub risk: Risk,
    pub cycle: CycleState,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct WorklistFilter {
    pub motivation: Option<MotivationType>,
    pub course_id: Option<i64>,
    pub teacher_id: Option<i64>,
    /// None: everyone still to be talked to, postponed families whose day has come included.
    /// `postponed` or `declined` show those families instead.
    pub status: Option<RenewalStatus>,
    pub risk: Option<RiskLevel>,
    pub tag_id: Option<i64>,
}

const SQL: &str = "
WITH acct AS (
    SELECT a.student_id, a.course_id, BALANCE AS halves,
           (SELECT max(p.valid_until) FROM package_state p
             WHERE p.student_id = a.student_id AND p.course_id = a.course_id
               AND p.remaining_halves > 0 AND p.valid_until >= ?1) AS covered_until,
           (SELECT p.valid_until || ' ' || p.remaining_halves FROM package_state p
             WHERE p.student_id = a.student_id AND p.course_id = a.course_id AND p.valid_until < ?1
             ORDER BY p.valid_until DESC LIMIT 1) AS ended,
           (SELECT max(p.id) FROM package p
             WHERE p.student_id = a.student_id AND p.course_id = a.course_id) AS latest_package,
           (SELECT max(e.occurred_on) FROM ledger_entry e
             WHERE e.student_id = a.student_id AND e.course_id = a.course_id) AS last_entry
      FROM account_state a
), due AS MATERIALIZED (
    SELECT * FROM acct
     WHERE (halves <= ?2 OR covered_until <= ?3)
       AND (halves > 0 OR max(coalesce(last_entry, ''), coalesce(substr(ended, 1, 10), '')) >= ?4)
), marks AS (
    -- Only due students, through their own classes' roll calls: a dozen index lookups each
    -- instead of a scan of every roll call in the window.
    SELECT d.student_id, d.course_id, ls.starts_at,
           at.status IN ('present', 'late', 'make_up') AS ok
      FROM due d
      -- CROSS JOIN fixes this order; the planner would rather scan the window's roll calls.
      CROSS JOIN class_student cs ON cs.student_id = d.student_id
      CROSS JOIN class cl ON cl.id = cs.class_id AND cl.course_id = d.course_id
      CROSS JOIN lesson_session ls ON ls.class_id = cl.id AND ls.starts_at >= ?6 AND ls.starts_at < ?7
      CROSS JOIN attendance at ON at.session_id = ls.id AND at.student_id = d.student_id
), streaks AS (
    SELECT *, max(CASE WHEN ok THEN starts_at END)
                  OVER (PARTITION BY student_id, course_id) AS last_ok
      FROM marks
), att AS (
    SELECT student_id, course_id,
           sum(starts_at >= ?5) AS recent_n, sum(starts_at >= ?5 AND ok) AS recent_ok,
           sum(starts_at < ?5) AS before_n, sum(starts_at < ?5 AND ok) AS before_ok,
           sum(NOT ok AND starts_at > coalesce(last_ok, '')) AS streak
      FROM streaks GROUP BY student_id, course_id
)
SELECT s.id, s.name, s.family_id, f.name, c.id, c.name, acct.halves, acct.covered_until,
       acct.ended, att.recent_n, att.recent_ok, att.before_n, att.before_ok, att.streak,
       (SELECT max(n.occurred_at) FROM note n
         WHERE n.family_id = s.family_id AND (n.automatic = 0 OR n.kind = 'renewal_talk')),
       (SELECT count(*) FROM note n
         WHERE n.family_id = s.family_id AND n.kind = 'complaint' AND n.occurred_at >= ?8),
       acct.latest_package, rc.id, rc.status, rc.meeting_at, rc.postponed_until,
       rc.declined_reason, rc.declined_text, rc.renewed_package_id,
       (SELECT json_group_array(json_object('id', st.id, 'name', st.name))
          FROM class_student cs
          JOIN class cl ON cl.id = cs.class_id AND cl.archived_at IS NULL
          JOIN staff st ON st.id = cl.teacher_id
         WHERE cs.student_id = s.id AND cl.course_id = c.id),
       (SELECT json_group_array(json_object('id', g.id, 'name', g.name, 'motivation',
                  (SELECT gm.primary_type FROM guardian_motivation gm
                    WHERE gm.guardian_id = g.id ORDER BY gm.id DESC LIMIT 1)))
          FROM student_guardian sg
          JOIN guardian g ON g.id = sg.guardian_id AND g.archived_at IS NULL
         WHERE sg.student_id = s.id),
       (SELECT json_group_array(tag_id) FROM (
            SELECT tl.tag_id FROM tag_link tl WHERE tl.student_id = s.id AND tl.removed_at IS NULL
            UNION
            SELECT tl.tag_id FROM student_guardian sg
              JOIN tag_link tl ON tl.guardian_id = sg.guardian_id AND tl.removed_at IS NULL
             WHERE sg.student_id = s.id))
  FROM due acct
  JOIN student s ON s.id = acct.student_id AND s.archived_at IS NULL
  JOIN family f ON f.id = s.family_id AND f.archived_at IS NULL
  JOIN course c ON c.id = acct.course_id
  LEFT JOIN att ON att.student_id = acct.student_id AND att.course_id = acct.course_id
  LEFT JOIN renewal_cycle rc ON rc.student_id = acct.student_id AND rc.course_id = acct.course_id
                            AND coalesce(rc.package_id, 0) = coalesce(acct.latest_package, 0)
 WHERE coalesce(rc.status, '') <> 'renewed'
 ORDER BY s.sort_key, c.sort_key";

/// The whole worklist on `today`, filtered and ranked by risk (highest first).
pub fn worklist(
    conn: &Connection,
    filter: &WorklistFilter,
    today: NaiveDate,
) -> Result<Vec<WorklistRow>> {
    let policy = settings::policy(conn)?;
    let threshold = to_halves("lowHoursThreshold", policy.low_hours_threshold, 0.0, 1000.0)?;
    let day = |back: u64| today - Days::new(back);
    let mut stmt = conn.prepare_cached(&SQL.replace("BALANCE", BALANCE_ON))?;
    let rows = stmt.query_map(
        params![
            today,
            threshold,
            today + Days::new(policy.expiring_within_days.into()),
            day(LAPSED_AFTER_DAYS),
            day(28),
            day(84),
            today + Days::new(1),
            day(182),
        ],
        |r| read_row(r, &policy, today),
    )?;
    let mut out = Vec::new();
    for row in rows {
        let row = row?;
        if shown(&row, filter, today) {
            out.push(row);
        }
    }
    // Stable: equal scores keep pinyin order.
    out.sort_by(|a, b| {
        b.risk
            .score
            .cmp(&a.risk.score)
            .then(a.hours_left.total_cmp(&b.hours_left))
    });
    Ok(out)
}

fn shown(row: &WorklistRow, f: &WorklistFilter, today: NaiveDate) -> bool {
    let status = row.cycle.status;
    let status_ok = match f.status {
        None => match status {
            RenewalStatus::Declined | RenewalStatus::Renewed => false,
            RenewalStatus::Postponed => row.cycle.postponed_until.is_none_or(|d| d <= today),
            _ => true,
        },
        Some(wanted) => wanted == status,
    };
    status_ok
        && f.course_id.is_none_or(|c| c == row.course_id)
        && f.teacher_id
            .is_none_or(|t| row.teachers.iter().any(|p| p.id == t))
        && f.motivation
            .is_none_or(|m| row.guardians.iter().any(|g| g.motivation == Some(m)))
        && f.risk.is_none_or(|l| l == row.risk.level)
        && f.tag_id.is_none_or(|t| row.tag_ids.contains(&t))
}

fn json<T: for<'a> Deserialize<'a>>(text: Option<String>) -> Vec<T> {
    text.and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

fn share(ok: Option<i64>, n: Option<i64>) -> Option<(f64, u32)> {
    match (ok, n) {
        (Some(ok), Some(n)) if n > 0 => Some((ok as f64 / n as f64, n as u32)),
        _ => None,
    }
}

fn read_row(r: &Row, policy: &ClassHourPolicy, today: NaiveDate) -> rusqlite::Result<WorklistRow> {
    let hours_left = from_halves(r.get(6)?);
    let covered_until: Option<NaiveDate> = r.get(7)?;
    let ended = r.get::<_, Option<String>>(8)?.and_then(|s| {
        let (day, halves) = s.split_once(' ')?;
        Some((day.parse().ok()?, from_halves(halves.parse().ok()?)))
    });
    let recent = share(r.get(10)?, r.get(9)?);
    let before = share(r.get(12)?, r.get(11)?);
    let last_contact: Option<NaiveDateTime> = r.get(14)?;
    let mut teachers: Vec<Person> = json(r.get(24)?);
    teachers.dedup_by_key(|p| p.id);
    let signals = Signals {
        hours_left,
        threshold: policy.low_hours_threshold,
        covered_until,
        expiring_within: policy.expiring_within_days.into(),
        ended,
        recent,
        before,
        absence_streak: r.get::<_, Option<u32>>(13)?.unwrap_or(0),
        days_since_contact: last_contact.map(|t| (today - t.date()).num_days()),
        complaints: r.get(15)?,
    };
    let cycle_id: Option<i64> = r.get(17)?;
    Ok(WorklistRow {
        student_id: r.get(0)?,
        student_name: r.get(1)?,
        family_id: r.get(2)?,
        family_name: r.get(3)?,
        course_id: r.get(4)?,
        course_name: r.get(5)?,
        teachers,
        guardians: json(r.get(25)?),
        tag_ids: json(r.get(26)?),
        hours_left,
        expires_on: covered_until.or(ended.map(|(d, _)| d)),
        attendance_recent: recent.map(|(s, _)| s),
        attendance_before: before.map(|(s, _)| s),
        absence_streak: signals.absence_streak,
        days_since_contact: signals.days_since_contact,
        complaints: signals.complaints,
        risk: risk::assess(&signals, today),
        cycle: CycleState {
            id: cycle_id,
            package_id: r.get(16)?,
            status: r
                .get::<_, Option<RenewalStatus>>(18)?
                .unwrap_or(RenewalStatus::ToContact),
            meeting_at: r.get(19)?,
            postponed_until: r.get(20)?,
            declined_reason: r.get(21)?,
            declined_text: r.get(22)?,
            renewed_package_id: r.get(23)?,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Db;

    /// The worklist must stay one pass over indexed data as the school grows: no table behind
    /// it may be read in full except the accounts being listed.
    #[test]
    fn the_worklist_reads_every_table_but_the_accounts_through_an_index() {
        let db = Db::open_in_memory().unwrap();
        let plan: Vec<String> = db
            .with_conn(|c| {
                let sql = format!("EXPLAIN QUERY PLAN {}", SQL.replace("BALANCE", BALANCE_ON));
                let mut stmt = c.prepare(&sql)?;
                let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
                let rows = stmt.query_map(params![day, 8, day, day, day, day, day, day], |r| {
                    r.get::<_, String>(3)
                })?;
                Ok(rows.collect::<rusqlite::Result<_>>()?)
            })
            .unwrap();
        // The accounts (`a`), the due ones materialised from them (`d`, `acct`) and the
        // intermediate results built from indexed lookups.
        let allowed = ["SCAN a", "SCAN d", "SCAN acct", "SCAN streaks"];
        let full_scans: Vec<&String> = plan
            .iter()
            .filter(|d| d.starts_with("SCAN"))
            .filter(|d| !allowed.contains(&d.as_str()) && !d.starts_with("SCAN (subquery-"))
            .collect();
        assert!(full_scans.is_empty(), "{full_scans:?} in {plan:#?}");
    }
}
