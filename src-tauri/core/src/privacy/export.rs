//! All of one family's data as JSON, for a parent who asks what the school keeps about them
//! (PIPL art. 45, GDPR art. 15 and 20): every row of every table in `tables`, columns as
//! stored, plus the names of the school records those rows point at (staff, courses,
//! classes, lessons, tags) so the file reads on its own.

use chrono::{DateTime, Utc};
use rusqlite::types::ValueRef;
use rusqlite::Connection;
use serde::{Serialize, Serializer};
use serde_json::Value;

use super::tables::FAMILY_TABLES;
use crate::error::Result;
use crate::family;

/// Names the file's format, so a reader knows what it holds.
pub const FORMAT: &str = "encore-family-export";
pub const FORMAT_VERSION: u32 = 1;

/// Columns that hold JSON text; exported as JSON, not as a string of it.
const JSON_COLUMNS: &[&str] = &["courses_of_interest", "answers"];

/// One row, columns in the table's order.
struct Record(Vec<(String, Value)>);

impl Serialize for Record {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

/// Named lists of rows, in the order given.
struct Sections(Vec<(&'static str, Vec<Record>)>);

impl Serialize for Sections {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct FamilyExport {
    format: &'static str,
    format_version: u32,
    schema_version: usize,
    exported_at: DateTime<Utc>,
    family_id: i64,
    /// How to read the numbers.
    units: [&'static str; 3],
    records: Sections,
    /// School records the family's rows point at, by id.
    references: Sections,
    /// The photos and videos of the family's achievements, as named in the media folder.
    media_files: Vec<String>,
}

const STUDENTS: &str = "(SELECT id FROM student WHERE family_id = ?1)";
const GUARDIANS: &str = "(SELECT id FROM guardian WHERE family_id = ?1)";

fn references() -> Vec<(&'static str, String)> {
    let sessions = format!(
        "(SELECT session_id FROM attendance WHERE student_id IN {STUDENTS}
          UNION SELECT session_id FROM ledger_entry WHERE student_id IN {STUDENTS})"
    );
    let classes = format!(
        "(SELECT class_id FROM class_student WHERE student_id IN {STUDENTS}
          UNION SELECT class_id FROM lesson_session WHERE id IN {sessions})"
    );
    vec![
        (
            "staff",
            format!(
                "SELECT id, name, role FROM staff WHERE id IN (
                   SELECT author_id FROM note WHERE family_id = ?1
                   UNION SELECT author_id FROM ledger_entry WHERE student_id IN {STUDENTS}
                   UNION SELECT sold_by FROM package WHERE student_id IN {STUDENTS}
                   UNION SELECT tagged_by FROM guardian_motivation WHERE guardian_id IN {GUARDIANS}
                   UNION SELECT recorded_by FROM consent WHERE family_id = ?1
                   UNION SELECT teacher_id FROM lesson_session WHERE id IN {sessions}
                   UNION SELECT teacher_id FROM class WHERE id IN {classes}) ORDER BY id"
            ),
        ),
        (
            "courses",
            format!(
                "SELECT id, name, format, lesson_halves FROM course WHERE id IN (
                   SELECT course_id FROM package WHERE student_id IN {STUDENTS}
                   UNION SELECT course_id FROM ledger_entry WHERE student_id IN {STUDENTS}
                   UNION SELECT course_id FROM renewal_cycle WHERE student_id IN {STUDENTS}
                   UNION SELECT course_id FROM class WHERE id IN {classes}) ORDER BY id"
            ),
        ),
        (
            "classes",
            format!(
                "SELECT id, course_id, teacher_id, name, weekday, start_time FROM class
                  WHERE id IN {classes} ORDER BY id"
            ),
        ),
        (
            "lessonSessions",
            format!(
                "SELECT id, class_id, starts_at, teacher_id FROM lesson_session
                  WHERE id IN {sessions} ORDER BY starts_at, id"
            ),
        ),
        (
            "tags",
            format!(
                "SELECT id, name FROM tag WHERE id IN (SELECT tag_id FROM tag_link
                  WHERE guardian_id IN {GUARDIANS} OR student_id IN {STUDENTS}) ORDER BY id"
            ),
        ),
    ]
}

fn records(conn: &Connection, sql: &str, family_id: i64) -> Result<Vec<Record>> {
    let mut stmt = conn.prepare(sql)?;
    let names: Vec<String> = stmt.column_names().iter().map(|n| n.to_string()).collect();
    let mut rows = stmt.query([family_id])?;
    let mut out = Vec::new();
    while let Some(row) = rows.next()? {
        let mut record = Vec::with_capacity(names.len());
        for (i, name) in names.iter().enumerate() {
            let value = match row.get_ref(i)? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(n) => Value::from(n),
                ValueRef::Real(x) => Value::from(x),
                ValueRef::Text(t) => {
                    let text = String::from_utf8_lossy(t).into_owned();
                    match JSON_COLUMNS.contains(&name.as_str()) {
                        true => serde_json::from_str(&text).unwrap_or(Value::String(text)),
                        false => Value::String(text),
                    }
                }
                ValueRef::Blob(b) => Value::String(b.iter().map(|x| format!("{x:02x}")).collect()),
            };
            record.push((name.clone(), value));
        }
        out.push(Record(record));
    }
    Ok(out)
}

/// The family's data as pretty-printed UTF-8 JSON.
pub fn family_json(conn: &Connection, family_id: i64, now: DateTime<Utc>) -> Result<Vec<u8>> {
    family::ensure_exists(conn, family_id)?;
    let mut sections = Vec::new();
    for t in FAMILY_TABLES.iter().rev() {
        if let Some(key) = t.export_as {
            let sql = format!(
                "SELECT * FROM {} WHERE {} ORDER BY {}",
                t.table, t.rows, t.order
            );
            sections.push((key, records(conn, &sql, family_id)?));
        }
    }
    let mut refs = Vec::new();
    for (key, sql) in references() {
        refs.push((key, records(conn, &sql, family_id)?));
    }
    let mut media = conn.prepare(&format!(
        "SELECT m.stored_name FROM achievement_media m JOIN achievement a ON a.id = m.achievement_id
          WHERE a.student_id IN {STUDENTS} ORDER BY m.id"
    ))?;
    let media_files = media
        .query_map([family_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let export = FamilyExport {
        format: FORMAT,
        format_version: FORMAT_VERSION,
        schema_version: crate::db::LATEST_VERSION,
        exported_at: now,
        family_id,
        units: [
            "Hours are stored as half-hours: a `halves` of 3 is 1.5 hours.",
            "Prices are in cents of their currency: `price_cents` 360000 is 3600.00.",
            "Times are RFC 3339 UTC; dates are YYYY-MM-DD; note times are the school's clock.",
        ],
        records: Sections(sections),
        references: Sections(refs),
        media_files,
    };
    // Serializing plain maps, strings and numbers cannot fail.
    Ok(serde_json::to_vec_pretty(&export).unwrap_or_default())
}

/// A file name to offer in the save dialog: `family-张家-2026-11-22.json`.
pub fn suggested_file_name(family_name: &str, today: chrono::NaiveDate) -> String {
    let pdf = crate::pdf::suggested_file_name("family", Some(family_name), today);
    format!("{}.json", pdf.trim_end_matches(".pdf"))
}
