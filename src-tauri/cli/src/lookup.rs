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
        if let Some(picked) = pick(&found, "students", wanted) {
            return Ok(picked);
        }
    }
    Ok(Err(Failure::User(format!(
        "no student is named {wanted:?}"
    ))))
}

/// A family by ID, or by its own name or the name of one of its guardians or students
/// (exact first, then part of a name). Families that match through several members count
/// once; several families are listed with their IDs and members.
pub fn family(conn: &Connection, wanted: &str) -> Result<std::result::Result<i64, Failure>> {
    let wanted = wanted.trim();
    if let Ok(id) = wanted.parse::<i64>() {
        let exists: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM family WHERE id = ?1 AND archived_at IS NULL)",
            [id],
            |r| r.get(0),
        )?;
        return Ok(if exists {
            Ok(id)
        } else {
            Err(Failure::User(format!("no family has the ID {id}")))
        });
    }
    for pattern in [wanted.to_string(), format!("%{wanted}%")] {
        let mut stmt = conn.prepare(
            "SELECT f.id, f.name,
                    (SELECT group_concat(name, ', ') FROM (
                         SELECT name FROM guardian WHERE family_id = f.id AND archived_at IS NULL
                         UNION ALL
                         SELECT name FROM student WHERE family_id = f.id AND archived_at IS NULL))
               FROM family f
              WHERE f.archived_at IS NULL
                AND (f.name LIKE ?1
                     OR EXISTS (SELECT 1 FROM guardian g WHERE g.family_id = f.id
                                   AND g.archived_at IS NULL AND g.name LIKE ?1)
                     OR EXISTS (SELECT 1 FROM student s WHERE s.family_id = f.id
                                   AND s.archived_at IS NULL AND s.name LIKE ?1))
              ORDER BY f.sort_key LIMIT 20",
        )?;
        let found = stmt
            .query_map([&pattern], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                ))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        if let Some(picked) = pick(&found, "families", wanted) {
            return Ok(picked);
        }
    }
    Ok(Err(Failure::User(format!(
        "no family, guardian or student is named {wanted:?}"
    ))))
}

/// One match is the answer; several are listed with their IDs so the user can name one; none
/// means trying the next, looser pattern.
fn pick(
    found: &[(i64, String, String)],
    plural: &str,
    wanted: &str,
) -> Option<std::result::Result<i64, Failure>> {
    match found {
        [] => None,
        [(id, _, _)] => Some(Ok(*id)),
        many => {
            let list = many
                .iter()
                .map(|(id, name, detail)| format!("  {id}\t{name} ({detail})"))
                .collect::<Vec<_>>()
                .join("\n");
            Some(Err(Failure::User(format!(
                "{} {plural} match {wanted:?}; name one by its ID:\n{list}",
                many.len()
            ))))
        }
    }
}
