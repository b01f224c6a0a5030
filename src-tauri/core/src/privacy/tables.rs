//! Where a family's records live: every table holding rows about one family, and how to pick
//! those rows (`?1` is the family's id). Export reads this list and erasure deletes along it,
//! so the two can never disagree about what "all of a family's data" is. A test checks the
//! list against the schema's foreign keys, so a new table cannot be forgotten.

/// A table holding rows about one family.
pub(crate) struct FamilyTable {
    pub table: &'static str,
    /// The key in the JSON export; None for data derived from other rows (kept balances, the
    /// search index), which is erased but not exported.
    pub export_as: Option<&'static str>,
    /// The family's rows, with `?1` the family's id.
    pub rows: &'static str,
    /// A stable order for the export.
    pub order: &'static str,
}

const fn t(
    table: &'static str,
    export_as: Option<&'static str>,
    rows: &'static str,
    order: &'static str,
) -> FamilyTable {
    FamilyTable {
        table,
        export_as,
        rows,
        order,
    }
}

/// Children before parents: the order erasure deletes in (the export reads it backwards).
pub(crate) const FAMILY_TABLES: &[FamilyTable] = &[
    t(
        "achievement_media",
        Some("achievementMedia"),
        "achievement_id IN (SELECT a.id FROM achievement a JOIN student s ON s.id = a.student_id
                             WHERE s.family_id = ?1)",
        "id",
    ),
    t("achievement", Some("achievements"), STUDENTS, "id"),
    t("renewal_cycle", Some("renewalCycles"), STUDENTS, "id"),
    t("ledger_entry", Some("ledgerEntries"), STUDENTS, "id"),
    t("package_state", None, STUDENTS, "package_id"),
    t("account_state", None, STUDENTS, "student_id, course_id"),
    t("package", Some("packages"), STUDENTS, "id"),
    t(
        "attendance",
        Some("attendance"),
        STUDENTS,
        "session_id, student_id",
    ),
    t(
        "class_student",
        Some("classMemberships"),
        STUDENTS,
        "class_id, student_id",
    ),
    t(
        "tag_link",
        Some("tagLinks"),
        "guardian_id IN (SELECT id FROM guardian WHERE family_id = ?1)
         OR student_id IN (SELECT id FROM student WHERE family_id = ?1)",
        "id",
    ),
    t(
        "guardian_motivation",
        Some("motivationHistory"),
        "guardian_id IN (SELECT id FROM guardian WHERE family_id = ?1)",
        "id",
    ),
    t("family_feedback", Some("feedback"), FAMILY, "id"),
    // Before notes: a copied message points at the note it left.
    t("message_log", Some("copiedMessages"), FAMILY, "id"),
    t("consent", Some("consent"), FAMILY, "id"),
    t(
        "trial_lesson",
        Some("trialLessons"),
        "prospect_id IN (SELECT id FROM prospect WHERE family_id = ?1)",
        "id",
    ),
    // The family's own lead record; leads it referred belong to the families referred and
    // lose only the referrer's name (ON DELETE SET NULL).
    t("prospect", Some("leads"), FAMILY, "id"),
    t("note", Some("notes"), FAMILY, "id"),
    t("search_doc", None, FAMILY, "id"),
    t(
        "student_guardian",
        Some("studentGuardians"),
        STUDENTS,
        "student_id, guardian_id",
    ),
    t("student", Some("students"), FAMILY, "id"),
    t("guardian", Some("guardians"), FAMILY, "id"),
    t("family", Some("family"), "id = ?1", "id"),
];

const STUDENTS: &str = "student_id IN (SELECT id FROM student WHERE family_id = ?1)";
const FAMILY: &str = "family_id = ?1";

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::FAMILY_TABLES;
    use crate::Db;

    #[test]
    fn every_table_that_points_at_a_family_is_exported_and_erased() {
        let db = Db::open_in_memory().unwrap();
        let listed: BTreeSet<&str> = FAMILY_TABLES.iter().map(|t| t.table).collect();
        let found = db
            .with_conn(|c| {
                let mut names = c.prepare(
                    "SELECT name FROM sqlite_schema WHERE type = 'table'
                       AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_fts%'",
                )?;
                let tables: Vec<String> = names
                    .query_map([], |r| r.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                // A table is the family's when it names the family, one of its people, or
                // (through a foreign key) another of the family's tables.
                let mut personal: BTreeSet<String> = ["family".to_string()].into();
                loop {
                    let before = personal.len();
                    for table in &tables {
                        let mut fks = c.prepare(
                            "SELECT \"table\" FROM pragma_foreign_key_list(?1)
                             UNION SELECT name FROM pragma_table_info(?1)
                              WHERE name IN ('family_id', 'student_id', 'guardian_id')",
                        )?;
                        let targets: Vec<String> = fks
                            .query_map([table], |r| r.get(0))?
                            .collect::<rusqlite::Result<_>>()?;
                        let points_at_family = targets.iter().any(|t| {
                            personal.contains(t)
                                || matches!(t.as_str(), "family_id" | "student_id" | "guardian_id")
                        });
                        if points_at_family {
                            personal.insert(table.clone());
                        }
                    }
                    if personal.len() == before {
                        break;
                    }
                }
                Ok(personal)
            })
            .unwrap();
        let found: BTreeSet<&str> = found.iter().map(String::as_str).collect();
        assert_eq!(
            found, listed,
            "a table holding a family's rows must be listed in FAMILY_TABLES, or export and \
             erasure would leave it behind"
        );
    }
}
