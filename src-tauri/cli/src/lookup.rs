//! Finding the record a user names on the command line: an ID, or a name that must match
//! exactly one record (several matches are listed with their IDs).

use encore_core::Result;
use rusqlite::Connection;

use crate::Failure;

/// A student by ID or name (exact first, then part of the name).
pub fn student(conn: &Connection, wanted: &str) -> Result<std::result::Result<i64, Failure>> {
    let wanted = wanted.trim();
    if let Ok(id) = wanted.parse::<i64>() {
        let exists: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM student WHERE id = ?1 AND archived_at IS NULL)",
            [id],
            |r| r.get(0),
        )?;
        return Ok(if exists {
            Ok(id)
        } else {
            Err(Failure::User(format!("no student has the ID {id}")))
        });
    }
    for pattern in [wanted.to_string(), format!("%{wanted}%")] {
        let mut stmt = conn.prepare(
            "SELECT s.id, s.name, f.name FROM student s JOIN family f ON f.id = s.family_id
              WHERE s.archived_at IS NULL AND s.name LIKE ?1 ORDER BY s.sort_key LIMIT 20",
        )?;
        let found = stmt
            .query_map([&pattern], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        match found.as_slice() {
            [] => continue,
            [(id, _, _)] => return Ok(Ok(*id)),
            many => {
                let list = many
                    .iter()
                    .map(|(id, name, family)| format!("  {id}\t{name} ({family})"))
                    .collect::<Vec<_>>()
                    .join("\n");
                return Ok(Err(Failure::User(format!(
                    "{} students match {wanted:?}; name one by its ID:\n{list}",
                    many.len()
                ))));
            }
        }
    }
    Ok(Err(Failure::User(format!(
        "no student is named {wanted:?}"
    ))))
}
