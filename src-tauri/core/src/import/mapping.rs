//! Which file column holds which Encore field: guessed from English and Chinese headers,
//! adjustable, and remembered for the next file with the same headers.

use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::Serialize;
use specta::Type;

use super::headers::{guess_from_headers, normalise};
use crate::error::Result;

text_enum!(
    /// What a roster column can hold.
    ImportField {
        StudentName = "student_name",
        Gender = "gender",
        BirthDate = "birth_date",
        GuardianName = "guardian_name",
        Relationship = "relationship",
        Mobile = "mobile",
        Wechat = "wechat",
        Email = "email",
        Course = "course",
        Purchased = "purchased",
        Remaining = "remaining",
        Price = "price",
        Enrolled = "enrolled",
        Expires = "expires",
        Notes = "notes",
    }
);

/// One entry per file column: the field it fills, or None to leave it out.
pub type Mapping = Vec<Option<ImportField>>;

text_enum!(
    /// Why a mapping cannot be used.
    MappingProblem {
        /// Every row needs a student's name.
        NoStudentName = "no_student_name",
        /// Two columns would fill the same field.
        FieldTwice = "field_twice",
        /// The mapping was made for a file with other columns.
        WrongColumns = "wrong_columns",
    }
);

impl std::fmt::Display for MappingProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            MappingProblem::NoStudentName => "no column holds the student's name",
            MappingProblem::FieldTwice => "two columns are mapped to the same field",
            MappingProblem::WrongColumns => "the mapping does not fit the file's columns",
        })
    }
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MappingGuess {
    pub mapping: Mapping,
    /// True when the mapping is the one last used for these headers.
    pub remembered: bool,
}

/// A stable key for a set of headers (FNV-1a: the same on every build and platform).
fn key(headers: &[String]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for h in headers {
        for b in normalise(h).bytes().chain([0x1f]) {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("import.mapping.{hash:016x}")
}

/// The mapping used last time for these headers, else the guess from the headers.
pub fn guess(conn: &Connection, headers: &[String]) -> Result<MappingGuess> {
    let stored: Option<String> = conn
        .query_row(
            "SELECT value FROM setting WHERE key = ?1",
            [key(headers)],
            |r| r.get(0),
        )
        .optional()?;
    let remembered = stored
        .and_then(|json| serde_json::from_str::<Vec<Option<String>>>(&json).ok())
        .map(|codes| {
            codes
                .iter()
                .map(|c| c.as_deref().and_then(ImportField::parse))
                .collect::<Mapping>()
        })
        .filter(|m| check(m, headers.len()).is_ok());
    Ok(match remembered {
        Some(mapping) => MappingGuess {
            mapping,
            remembered: true,
        },
        None => MappingGuess {
            mapping: guess_from_headers(headers),
            remembered: false,
        },
    })
}

/// Keeps the mapping for the next file with these headers.
pub fn remember(tx: &Transaction, headers: &[String], mapping: &Mapping) -> Result<()> {
    let codes: Vec<Option<&str>> = mapping.iter().map(|f| f.map(|f| f.as_str())).collect();
    tx.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [
            key(headers),
            serde_json::to_string(&codes).unwrap_or_default(),
        ],
    )?;
    Ok(())
}

pub fn check(mapping: &Mapping, columns: usize) -> std::result::Result<(), MappingProblem> {
    if mapping.len() != columns {
        return Err(MappingProblem::WrongColumns);
    }
    let fields: Vec<ImportField> = mapping.iter().flatten().copied().collect();
    if fields
        .iter()
        .enumerate()
        .any(|(i, f)| fields[..i].contains(f))
    {
        return Err(MappingProblem::FieldTwice);
    }
    if !fields.contains(&ImportField::StudentName) {
        return Err(MappingProblem::NoStudentName);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ImportField as F;

    #[test]
    fn a_mapping_needs_the_student_name_once() {
        assert_eq!(
            check(&vec![None, Some(F::Mobile)], 2),
            Err(MappingProblem::NoStudentName)
        );
        assert_eq!(
            check(&vec![Some(F::StudentName), Some(F::StudentName)], 2),
            Err(MappingProblem::FieldTwice)
        );
        assert_eq!(
            check(&vec![Some(F::StudentName)], 2),
            Err(MappingProblem::WrongColumns)
        );
    }
}
