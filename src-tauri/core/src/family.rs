//! Families: the household a school deals with — its guardians, its students, its timeline.

use chrono::{DateTime, NaiveDateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Entity, Error, Result, ValidationCode};
use crate::guardian::{self, Guardian, GuardianInfo, Relationship};
use crate::note::{self, Note};
use crate::student::{self, GuardianLink, Student, StudentInfo};
use crate::{field, romanize, search};

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Family {
    pub id: i64,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub archived_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct NewFamilyGuardian {
    pub info: GuardianInfo,
    /// How this guardian relates to every student entered with the family.
    pub relationship: Relationship,
}

/// A whole household entered at once at the front desk.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct NewFamily {
    pub name: String,
    pub guardians: Vec<NewFamilyGuardian>,
    pub students: Vec<StudentInfo>,
}

/// A line of the families list.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FamilySummary {
    pub id: i64,
    pub name: String,
    pub guardian_names: Vec<String>,
    pub student_names: Vec<String>,
    pub last_contact_at: Option<NaiveDateTime>,
    pub archived: bool,
    /// The guardians' current motivation types, for a glance at the list.
    pub motivations: Vec<crate::tagging::MotivationType>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FamilyDetail {
    pub family: Family,
    pub guardians: Vec<Guardian>,
    pub students: Vec<Student>,
    /// Newest first.
    pub notes: Vec<Note>,
}

/// Creates the family, its guardians and its students in one transaction; each student is
/// linked to every guardian with that guardian's relationship.
pub fn create(tx: &Transaction, input: &NewFamily, now: DateTime<Utc>) -> Result<i64> {
    let name = field::name("name", &input.name)?;
    if input.guardians.is_empty() {
        return Err(Error::invalid(
            "guardians",
            ValidationCode::GuardianRequired,
        ));
    }
    let guardians = input
        .guardians
        .iter()
        .enumerate()
        .map(|(i, g)| {
            Ok((
                guardian::clean(&g.info, &format!("guardians.{i}."))?,
                g.relationship,
            ))
        })
        .collect::<Result<Vec<_>>>()?;
    let students = input
        .students
        .iter()
        .enumerate()
        .map(|(i, s)| student::clean(s, &format!("students.{i}."), now))
        .collect::<Result<Vec<_>>>()?;

    tx.execute(
        "INSERT INTO family (name, sort_key, created_at, updated_at) VALUES (?1, ?2, ?3, ?3)",
        params![name, romanize::sort_key(&name), now],
    )?;
    let family_id = tx.last_insert_rowid();
    search::index(
        tx,
        search::SearchKind::Family,
        family_id,
        family_id,
        &romanize::name_keys(&name),
    )?;

    let mut links = Vec::with_capacity(guardians.len());
    for (info, relationship) in &guardians {
        let guardian_id = guardian::insert(tx, family_id, info, now)?;
        links.push(GuardianLink {
            guardian_id,
            relationship: *relationship,
        });
    }
    for info in &students {
        student::insert(tx, family_id, info, &links, now)?;
    }
    Ok(family_id)
}

pub fn rename(tx: &Transaction, id: i64, name: &str, now: DateTime<Utc>) -> Result<Family> {
    let name = field::name("name", name)?;
    let changed = tx.execute(
        "UPDATE family SET name = ?2, sort_key = ?3, updated_at = ?4 WHERE id = ?1",
        params![id, name, romanize::sort_key(&name), now],
    )?;
    if changed == 0 {
        return Err(Error::not_found(Entity::Family, id));
    }
    search::index(
        tx,
        search::SearchKind::Family,
        id,
        id,
        &romanize::name_keys(&name),
    )?;
    get(tx, id)
}

/// Archiving keeps everything but takes the family off the everyday lists.
pub fn set_archived(
    tx: &Transaction,
    id: i64,
    archived: bool,
    now: DateTime<Utc>,
) -> Result<Family> {
    crate::archive::set(tx, "family", Entity::Family, id, archived, now)?;
    touch(tx, id, now)?;
    get(tx, id)
}

pub(crate) fn ensure_exists(conn: &Connection, id: i64) -> Result<()> {
    let exists: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM family WHERE id = ?1)",
        [id],
        |r| r.get(0),
    )?;
    if exists {
        Ok(())
    } else {
        Err(Error::not_found(Entity::Family, id))
    }
}

/// Marks the family as changed whenever one of its members or notes changes.
pub(crate) fn touch(tx: &Transaction, id: i64, now: DateTime<Utc>) -> Result<()> {
    tx.execute(
        "UPDATE family SET updated_at = ?2 WHERE id = ?1",
        params![id, now],
    )?;
    Ok(())
}

fn from_row(row: &Row) -> rusqlite::Result<Family> {
    Ok(Family {
        id: row.get(0)?,
        name: row.get(1)?,
        created_at: row.get(2)?,
        updated_at: row.get(3)?,
        archived_at: row.get(4)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> Result<Family> {
    conn.query_row(
        "SELECT id, name, created_at, updated_at, archived_at FROM family WHERE id = ?1",
        [id],
        from_row,
    )
    .optional()?
    .ok_or(Error::not_found(Entity::Family, id))
}

pub fn detail(conn: &Connection, id: i64) -> Result<FamilyDetail> {
    Ok(FamilyDetail {
        family: get(conn, id)?,
        guardians: guardian::list_for_family(conn, id)?,
        students: student::list_for_family(conn, id)?,
        notes: note::list_for_family(conn, id)?,
    })
}

/// Families in pinyin order with their members' names and the last contact, narrowed by
/// `filter`.
pub fn list(
    conn: &Connection,
    include_archived: bool,
    filter: &crate::tag::TagFilter,
) -> Result<Vec<FamilySummary>> {
    let by_motivation = crate::tag::GUARDIAN_HAS_MOTIVATION.replace("?m", "?2");
    let mut stmt = conn.prepare(&format!(
        "SELECT f.id, f.name,
                (SELECT group_concat(name, char(31) ORDER BY sort_key) FROM guardian
                  WHERE family_id = f.id AND archived_at IS NULL),
                (SELECT group_concat(name, char(31) ORDER BY sort_key) FROM student
                  WHERE family_id = f.id AND archived_at IS NULL),
                (SELECT max(occurred_at) FROM note WHERE family_id = f.id),
                f.archived_at IS NOT NULL,
                (SELECT group_concat(DISTINCT m.primary_type) FROM guardian g
                   JOIN guardian_motivation m
                     ON m.id = (SELECT max(id) FROM guardian_motivation WHERE guardian_id = g.id)
                  WHERE g.family_id = f.id AND g.archived_at IS NULL)
           FROM family f
          WHERE (?1 OR f.archived_at IS NULL)
            AND (?2 IS NULL OR EXISTS (SELECT 1 FROM guardian g WHERE g.family_id = f.id AND {by_motivation}))
            AND (?3 IS NULL OR EXISTS (SELECT 1 FROM tag_link l
                                        LEFT JOIN guardian g ON g.id = l.guardian_id
                                        LEFT JOIN student s ON s.id = l.student_id
                                        WHERE l.tag_id = ?3 AND l.removed_at IS NULL
                                          AND (g.family_id = f.id OR s.family_id = f.id)))
          ORDER BY f.sort_key"
    ))?;
    let rows = stmt.query_map(
        rusqlite::params![include_archived, filter.motivation, filter.tag_id],
        |r| {
            let motivations: Option<String> = r.get(6)?;
            Ok(FamilySummary {
                id: r.get(0)?,
                name: r.get(1)?,
                guardian_names: student::split_names(r.get(2)?),
                student_names: student::split_names(r.get(3)?),
                last_contact_at: r.get(4)?,
                archived: r.get(5)?,
                motivations: motivations
                    .map(|m| {
                        m.split(',')
                            .filter_map(crate::tagging::MotivationType::parse)
                            .collect()
                    })
                    .unwrap_or_default(),
            })
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// True when the school holds no families yet: the moment to offer the demo school.
pub fn is_empty(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row("SELECT NOT EXISTS (SELECT 1 FROM family)", [], |r| r.get(0))?)
}
