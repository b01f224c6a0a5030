//! The fastest answers SQLite gives on the same data, measured in the same run as Encore's
//! own functions so each is reported as a ratio.
//!
//! - The worklist baseline is one hand-written query returning the same rows (every
//!   student × course due for renewal and not renewed) with the same facts (balance, dates,
//!   twelve weeks of attendance, last contact, complaints, cycle, teachers, guardians with
//!   their motivation, tags), over the same indexes, read as raw values: no risk scoring, no
//!   JSON, no structs. What Encore adds on top of it is what the ratio measures.
//! - The search baseline is a plain `LIKE` scan of the same search keys, without the trigram
//!   index and without ranking.

use chrono::{Days, NaiveDate};
use rusqlite::{params, Connection};

const WORKLIST: &str = "
SELECT s.id, s.name, f.id, f.name, c.id, c.name, b.halves, b.covered_until, b.ended,
       (SELECT group_concat(ls.starts_at || (at.status IN ('present', 'late', 'make_up')))
          FROM class_student cs
          JOIN class cl ON cl.id = cs.class_id AND cl.course_id = b.course_id
          JOIN lesson_session ls ON ls.class_id = cl.id AND ls.starts_at >= ?6 AND ls.starts_at < ?7
          JOIN attendance at ON at.session_id = ls.id AND at.student_id = b.student_id
         WHERE cs.student_id = b.student_id) AS marks,
       (SELECT max(n.occurred_at) FROM note n
         WHERE n.family_id = s.family_id AND (n.automatic = 0 OR n.kind = 'renewal_talk')),
       (SELECT count(*) FROM note n
         WHERE n.family_id = s.family_id AND n.kind = 'complaint' AND n.occurred_at >= ?8),
       rc.id, rc.status, rc.meeting_at, rc.postponed_until, rc.declined_reason,
       (SELECT group_concat(st.id || ':' || st.name)
          FROM class_student cs
          JOIN class cl ON cl.id = cs.class_id AND cl.archived_at IS NULL AND cl.course_id = b.course_id
          JOIN staff st ON st.id = cl.teacher_id
         WHERE cs.student_id = s.id),
       (SELECT group_concat(g.id || ':' || g.name || ':' || coalesce(
                  (SELECT gm.primary_type FROM guardian_motivation gm
                    WHERE gm.guardian_id = g.id ORDER BY gm.id DESC LIMIT 1), ''))
          FROM student_guardian sg
          JOIN guardian g ON g.id = sg.guardian_id AND g.archived_at IS NULL
         WHERE sg.student_id = s.id),
       (SELECT group_concat(tl.tag_id) FROM tag_link tl
         WHERE tl.removed_at IS NULL
           AND (tl.student_id = s.id
                OR tl.guardian_id IN (SELECT guardian_id FROM student_guardian WHERE student_id = s.id)))
  FROM (SELECT a.student_id, a.course_id,
               coalesce((SELECT sum(p.remaining_halves) FROM package_state p
                          WHERE p.student_id = a.student_id AND p.course_id = a.course_id
                            AND p.valid_until >= ?1), 0) - a.debt_halves AS halves,
               (SELECT max(p.valid_until) FROM package_state p
                 WHERE p.student_id = a.student_id AND p.course_id = a.course_id
                   AND p.remaining_halves > 0 AND p.valid_until >= ?1) AS covered_until,
               (SELECT max(p.valid_until) FROM package_state p
                 WHERE p.student_id = a.student_id AND p.course_id = a.course_id
                   AND p.valid_until < ?1) AS ended,
               (SELECT max(e.occurred_on) FROM ledger_entry e
                 WHERE e.student_id = a.student_id AND e.course_id = a.course_id) AS last_entry,
               (SELECT max(p.id) FROM package p
                 WHERE p.student_id = a.student_id AND p.course_id = a.course_id) AS latest
          FROM account_state a) b
  JOIN student s ON s.id = b.student_id AND s.archived_at IS NULL
  JOIN family f ON f.id = s.family_id AND f.archived_at IS NULL
  JOIN course c ON c.id = b.course_id
  LEFT JOIN renewal_cycle rc ON rc.student_id = b.student_id AND rc.course_id = b.course_id
                            AND coalesce(rc.package_id, 0) = coalesce(b.latest, 0)
 WHERE (b.halves <= ?2 OR b.covered_until <= ?3)
   AND (b.halves > 0 OR max(coalesce(b.last_entry, ''), coalesce(b.ended, '')) >= ?4)
   AND coalesce(rc.status, '') NOT IN ('renewed', 'declined')
   AND (coalesce(rc.status, '') <> 'postponed' OR coalesce(rc.postponed_until, '') <= ?1)
 ORDER BY s.sort_key, c.sort_key";

/// Rows of the hand-written worklist on `today` with the default policy (4 hours, 30 days,
/// 90 days lapsed); every value is read so SQLite cannot skip work.
pub fn worklist(conn: &Connection, today: NaiveDate) -> usize {
    let day = |back: u64| today - Days::new(back);
    let mut stmt = conn.prepare_cached(WORKLIST).unwrap();
    let mut rows = stmt
        .query(params![
            today,
            8,
            today + Days::new(30),
            day(90),
            day(28),
            day(84),
            today + Days::new(1),
            day(182),
        ])
        .unwrap();
    let mut n = 0;
    while let Some(row) = rows.next().unwrap() {
        for i in 0..row.as_ref().column_count() {
            std::hint::black_box(row.get_ref(i).unwrap());
        }
        n += 1;
    }
    n
}

/// Hits of a plain LIKE scan for `term` over the same search keys.
pub fn search(conn: &Connection, term: &str) -> usize {
    let mut stmt = conn
        .prepare_cached("SELECT kind, ref_id, family_id FROM search_doc WHERE keys LIKE ?1")
        .unwrap();
    let rows = stmt
        .query_map([format!("%{}%", term.to_lowercase())], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
            ))
        })
        .unwrap();
    let mut n = 0;
    for row in rows {
        std::hint::black_box(row.unwrap());
        n += 1;
    }
    n
}
