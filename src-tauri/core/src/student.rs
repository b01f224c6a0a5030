//! Students: the children (or adults) who take lessons. Each has at least one guardian from
//! its own family.

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Entity, Error, Result, ValidationCode};
use crate::guardian::Relationship;
use crate::{family, field, romanize, search};

text_enum!(Gender {
    Female = "female",
    Male = "male",
    Other = "other",
});

text_enum!(StudentStatus {
    Prospect = "prospect",
    Trial = "trial",
    Active = "active",
    Paused = "paused",
    Lapsed = "lapsed",
});

/// The three common levels; any other text is a school-defined grade shown as typed.
pub const SKILL_LEVELS: [&str; 3] = ["beginner", "intermediate", "advanced"];
const COURSE_MAX: usize = 50;
const COURSES_MAX: usize = 20;

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StudentInfo {
    pub name: String,
    pub birth_date: Option<NaiveDate>,
    pub gender: Option<Gender>,
    pub courses_of_interest: Vec<String>,
    /// `beginner`, `intermediate`, `advanced`, or a school's own grade ("ABRSM Grade 3").
    pub skill_level: Option<String>,
    pub status: StudentStatus,
    pub enrolled_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct GuardianLink {
    pub guardian_id: i64,
    pub relationship: Relationship,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Student {
    pub id: i64,
    pub family_id: i64,
    pub info: StudentInfo,
    pub guardians: Vec<GuardianLink>,
    pub archived_at: Option<DateTime<Utc>>,
    pub tags: Vec<crate::tag::Tag>,
}

/// A line of the students list.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StudentRow {
    pub id: i64,
    pub family_id: i64,
    pub family_name: String,
    pub name: String,
    pub status: StudentStatus,
    pub skill_level: Option<String>,
    pub birth_date: Option<NaiveDate>,
    pub guardian_names: Vec<String>,
    pub archived: bool,
}

pub fn clean(info: &StudentInfo, prefix: &str, now: DateTime<Utc>) -> Result<StudentInfo> {
    let f = |name: &str| format!("{prefix}{name}");
    let mut courses = Vec::new();
    for course in &info.courses_of_interest {
        if let Some(c) =
            field::optional_text(&f("coursesOfInterest"), Some(course.clone()), COURSE_MAX)?
        {
            if !courses.contains(&c) {
                courses.push(c);
            }
        }
    }
    if courses.len() > COURSES_MAX {
        return Err(Error::invalid(
            f("coursesOfInterest"),
            ValidationCode::TooLong,
        ));
    }
    Ok(StudentInfo {
        name: field::name(&f("name"), &info.name)?,
        birth_date: field::past_date(&f("birthDate"), info.birth_date, now)?,
        gender: info.gender,
        courses_of_interest: courses,
        skill_level: field::optional_text(&f("skillLevel"), info.skill_level.clone(), COURSE_MAX)?,
        status: info.status,
        enrolled_on: field::past_date(&f("enrolledOn"), info.enrolled_on, now)?,
    })
}

/// Inserts a cleaned student with its (already checked) guardian links.
pub(crate) fn insert(
    tx: &Transaction,
    family_id: i64,
    info: &StudentInfo,
    links: &[GuardianLink],
    now: DateTime<Utc>,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO student (family_id, name, sort_key, birth_date, gender, courses_of_interest,
                              skill_level, status, enrolled_on, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10)",
        params![
            family_id,
            info.name,
            romanize::sort_key(&info.name),
            info.birth_date,
            info.gender,
            courses_json(&info.courses_of_interest),
            info.skill_level,
            info.status,
            info.enrolled_on,
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    write_links(tx, id, links)?;
    search::index(
        tx,
        search::SearchKind::Student,
        id,
        family_id,
        &romanize::name_keys(&info.name),
    )?;
    Ok(id)
}

pub fn add(
    tx: &Transaction,
    family_id: i64,
    info: &StudentInfo,
    links: &[GuardianLink],
    now: DateTime<Utc>,
) -> Result<Student> {
    family::ensure_exists(tx, family_id)?;
    let info = clean(info, "", now)?;
    check_links(tx, family_id, links)?;
    let id = insert(tx, family_id, &info, links, now)?;
    family::touch(tx, family_id, now)?;
    get(tx, id)
}

pub fn update(
    tx: &Transaction,
    id: i64,
    info: &StudentInfo,
    links: &[GuardianLink],
    now: DateTime<Utc>,
) -> Result<Student> {
    let existing = get(tx, id)?;
    let info = clean(info, "", now)?;
    check_links(tx, existing.family_id, links)?;
    tx.execute(
        "UPDATE student SET name = ?2, sort_key = ?3, birth_date = ?4, gender = ?5,
                            courses_of_interest = ?6, skill_level = ?7, status = ?8,
                            enrolled_on = ?9, updated_at = ?10
         WHERE id = ?1",
        params![
            id,
            info.name,
            romanize::sort_key(&info.name),
            info.birth_date,
            info.gender,
            courses_json(&info.courses_of_interest),
            info.skill_level,
            info.status,
            info.enrolled_on,
            now
        ],
    )?;
    tx.execute("DELETE FROM student_guardian WHERE student_id = ?1", [id])?;
    write_links(tx, id, links)?;
    search::index(
        tx,
        search::SearchKind::Student,
        id,
        existing.family_id,
        &romanize::name_keys(&info.name),
    )?;
    family::touch(tx, existing.family_id, now)?;
    get(tx, id)
}

pub fn set_archived(
    tx: &Transaction,
    id: i64,
    archived: bool,
    now: DateTime<Utc>,
) -> Result<Student> {
    let existing = get(tx, id)?;
    tx.execute(
        "UPDATE student SET archived_at = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, archived.then_some(now), now],
    )?;
    family::touch(tx, existing.family_id, now)?;
    get(tx, id)
}

/// Every student needs a guardian of its own family, each named once.
fn check_links(tx: &Transaction, family_id: i64, links: &[GuardianLink]) -> Result<()> {
    if links.is_empty() {
        return Err(Error::invalid(
            "guardians",
            ValidationCode::GuardianRequired,
        ));
    }
    let mut seen = HashSet::new();
    for link in links {
        if !seen.insert(link.guardian_id) {
            return Err(Error::invalid(
                "guardians",
                ValidationCode::DuplicateGuardian,
            ));
        }
        let in_family: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM guardian WHERE id = ?1 AND family_id = ?2)",
            params![link.guardian_id, family_id],
            |r| r.get(0),
        )?;
        if !in_family {
            return Err(Error::invalid(
                "guardians",
                ValidationCode::GuardianNotInFamily,
            ));
        }
    }
    Ok(())
}

fn write_links(tx: &Transaction, student_id: i64, links: &[GuardianLink]) -> Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO student_guardian (student_id, guardian_id, relationship) VALUES (?1, ?2, ?3)",
    )?;
    for link in links {
        stmt.execute(params![student_id, link.guardian_id, link.relationship])?;
    }
    Ok(())
}

fn courses_json(courses: &[String]) -> String {
    serde_json::to_string(courses).unwrap_or_else(|_| "[]".into())
}

const COLUMNS: &str = "id, family_id, name, birth_date, gender, courses_of_interest, skill_level,
                       status, enrolled_on, archived_at";

fn from_row(row: &Row) -> rusqlite::Result<Student> {
    let courses: String = row.get(5)?;
    Ok(Student {
        id: row.get(0)?,
        family_id: row.get(1)?,
        info: StudentInfo {
            name: row.get(2)?,
            birth_date: row.get(3)?,
            gender: row.get(4)?,
            courses_of_interest: serde_json::from_str(&courses).unwrap_or_default(),
            skill_level: row.get(6)?,
            status: row.get(7)?,
            enrolled_on: row.get(8)?,
        },
        guardians: Vec::new(),
        archived_at: row.get(9)?,
        tags: Vec::new(),
    })
}

fn links_of(conn: &Connection, student_id: i64) -> Result<Vec<GuardianLink>> {
    let mut stmt = conn.prepare_cached(
        "SELECT guardian_id, relationship FROM student_guardian WHERE student_id = ?1 ORDER BY guardian_id",
    )?;
    let rows = stmt.query_map([student_id], |r| {
        Ok(GuardianLink {
            guardian_id: r.get(0)?,
            relationship: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn get(conn: &Connection, id: i64) -> Result<Student> {
    let mut student = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM student WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or(Error::not_found(Entity::Student, id))?;
    student.guardians = links_of(conn, id)?;
    student.tags = tags_of(conn, id)?;
    Ok(student)
}

pub fn list_for_family(conn: &Connection, family_id: i64) -> Result<Vec<Student>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM student WHERE family_id = ?1 ORDER BY archived_at IS NOT NULL, birth_date, id"
    ))?;
    let mut students = stmt
        .query_map([family_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for s in &mut students {
        s.guardians = links_of(conn, s.id)?;
        s.tags = tags_of(conn, s.id)?;
    }
    Ok(students)
}

fn tags_of(conn: &Connection, id: i64) -> Result<Vec<crate::tag::Tag>> {
    crate::tag::tags_of(
        conn,
        crate::tag::TagTarget {
            guardian_id: None,
            student_id: Some(id),
        },
    )
}

/// All students in pinyin order, with family and guardian names, narrowed by `filter`.
pub fn list(
    conn: &Connection,
    include_archived: bool,
    filter: &crate::tag::TagFilter,
) -> Result<Vec<StudentRow>> {
    let by_motivation = crate::tag::GUARDIAN_HAS_MOTIVATION.replace("?m", "?2");
    let mut stmt = conn.prepare(&format!(
        "SELECT s.id, s.family_id, f.name, s.name, s.status, s.skill_level, s.birth_date,
                (SELECT group_concat(g.name, char(31) ORDER BY g.sort_key)
                   FROM student_guardian sg JOIN guardian g ON g.id = sg.guardian_id
                  WHERE sg.student_id = s.id AND g.archived_at IS NULL),
                s.archived_at IS NOT NULL OR f.archived_at IS NOT NULL
           FROM student s JOIN family f ON f.id = s.family_id
          WHERE (?1 OR (s.archived_at IS NULL AND f.archived_at IS NULL))
            AND (?2 IS NULL OR EXISTS (SELECT 1 FROM student_guardian sg JOIN guardian g ON g.id = sg.guardian_id
                                        WHERE sg.student_id = s.id AND {by_motivation}))
            AND (?3 IS NULL OR EXISTS (SELECT 1 FROM tag_link l
                                        WHERE l.tag_id = ?3 AND l.removed_at IS NULL
                                          AND (l.student_id = s.id OR l.guardian_id IN
                                               (SELECT guardian_id FROM student_guardian WHERE student_id = s.id))))
          ORDER BY s.sort_key"
    ))?;
    let rows = stmt.query_map(
        rusqlite::params![include_archived, filter.motivation, filter.tag_id],
        |r| {
            let names: Option<String> = r.get(7)?;
            Ok(StudentRow {
                id: r.get(0)?,
                family_id: r.get(1)?,
                family_name: r.get(2)?,
                name: r.get(3)?,
                status: r.get(4)?,
                skill_level: r.get(5)?,
                birth_date: r.get(6)?,
                guardian_names: split_names(names),
                archived: r.get(8)?,
            })
        },
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Splits a `group_concat(..., char(31))` of names.
pub(crate) fn split_names(joined: Option<String>) -> Vec<String> {
    joined
        .map(|s| s.split('\u{1f}').map(str::to_string).collect())
        .unwrap_or_default()
}
