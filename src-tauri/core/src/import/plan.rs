//! What an import would do, row by row: problems (including duplicates within the file and
//! students Encore already has), and the families the good rows make. Students sharing a
//! guardian's phone become one family; a phone Encore already knows adds the student to that
//! family.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;
use serde::Serialize;
use specta::Type;

use super::mapping::{self, ImportField as F, Mapping};
use super::read::Grid;
use super::row::{self, Columns, ParsedPackage, ParsedRow, RowProblem, RowProblemCode};
use super::ImportError;
use crate::guardian::{GuardianInfo, Relationship};
use crate::student::StudentInfo;

/// One row as the preview table shows it.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RowPreview {
    /// The spreadsheet's row number.
    pub row: u32,
    pub student: String,
    pub guardian: String,
    pub mobile: String,
    pub course: String,
    pub purchased: Option<f64>,
    pub remaining: Option<f64>,
    /// The family the student would start or join; None for a row with problems.
    pub family: Option<String>,
    /// True when `family` is already in Encore.
    pub joins_existing: bool,
    pub problems: Vec<RowProblem>,
}

/// What an import writes; the preview counts what it would write, skipping rows with
/// problems.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportCounts {
    pub rows: u32,
    pub problem_rows: u32,
    pub families: u32,
    /// Families already in Encore that gain students.
    pub joined_families: u32,
    pub students: u32,
    pub packages: u32,
    pub notes: u32,
    pub new_courses: u32,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportPreview {
    pub rows: Vec<RowPreview>,
    pub counts: ImportCounts,
}

pub(super) struct PlannedStudent {
    pub row: u32,
    pub info: StudentInfo,
    pub relationship: Relationship,
    pub packages: Vec<(u32, ParsedPackage)>,
    pub notes: Vec<String>,
}

pub(super) struct PlannedFamily {
    /// An existing family and the guardian with the same phone.
    pub existing: Option<(i64, i64)>,
    pub name: String,
    pub guardian: GuardianInfo,
    pub relationship: Relationship,
    pub students: Vec<PlannedStudent>,
    pub rows: u32,
}

pub(super) struct Plan {
    pub rows: Vec<RowPreview>,
    pub families: Vec<PlannedFamily>,
    pub counts: ImportCounts,
}

/// Who Encore already has, read once: guardians by phone, students by family.
struct Known {
    by_phone: HashMap<String, Vec<(i64, i64)>>,
    students: HashSet<(i64, String)>,
    family_names: HashMap<i64, String>,
    courses: HashSet<String>,
}

impl Known {
    fn load(conn: &Connection) -> crate::Result<Known> {
        let mut by_phone: HashMap<String, Vec<(i64, i64)>> = HashMap::new();
        let mut stmt = conn.prepare(
            "SELECT g.mobile, g.family_id, g.id FROM guardian g JOIN family f ON f.id = g.family_id
              WHERE g.mobile IS NOT NULL AND g.archived_at IS NULL AND f.archived_at IS NULL",
        )?;
        for row in stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))? {
            let (mobile, family, guardian): (String, i64, i64) = row?;
            by_phone.entry(mobile).or_default().push((family, guardian));
        }
        let students = conn
            .prepare("SELECT family_id, name FROM student WHERE archived_at IS NULL")?
            .query_map([], |r| Ok((r.get(0)?, key(&r.get::<_, String>(1)?))))?
            .collect::<rusqlite::Result<_>>()?;
        let family_names = conn
            .prepare("SELECT id, name FROM family")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let courses = conn
            .prepare("SELECT name FROM course WHERE archived_at IS NULL")?
            .query_map([], |r| Ok(key(&r.get::<_, String>(0)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Known {
            by_phone,
            students,
            family_names,
            courses,
        })
    }

    /// The one family whose guardian has this phone; several families share nothing.
    fn family_of(&self, phone: &str) -> Option<(i64, i64)> {
        let found = self.by_phone.get(phone)?;
        let family = found[0].0;
        found.iter().all(|(f, _)| *f == family).then_some(found[0])
    }
}

/// Names compared the way people mean them: case and spacing aside.
pub(super) fn key(name: &str) -> String {
    name.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// 张小明家 / "Emma Smith's family", as the demo school names families.
fn family_name(first_child: &str) -> String {
    if row::is_chinese(first_child) {
        format!("{first_child}家")
    } else {
        format!("{first_child}'s family")
    }
}

/// Previews an import: nothing is written.
pub fn preview(
    conn: &Connection,
    grid: &Grid,
    mapping: &Mapping,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<ImportPreview, ImportError> {
    let plan = plan(conn, grid, mapping, today, now)?;
    Ok(ImportPreview {
        rows: plan.rows,
        counts: plan.counts,
    })
}

pub(super) fn plan(
    conn: &Connection,
    grid: &Grid,
    mapping: &Mapping,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Plan, ImportError> {
    mapping::check(mapping, grid.headers.len()).map_err(ImportError::Mapping)?;
    let columns = Columns::new(grid, mapping);
    let known = Known::load(conn)?;
    let mut parsed: Vec<ParsedRow> = grid
        .rows
        .iter()
        .map(|r| row::parse(&columns, r, today, now))
        .collect();

    let mut seen = HashSet::new();
    for p in parsed.iter_mut().filter(|p| !p.student.name.is_empty()) {
        let contact = p
            .guardian
            .mobile
            .clone()
            .unwrap_or_else(|| key(&p.guardian.name));
        let course = p.course.as_deref().map(key).unwrap_or_default();
        let duplicate = !seen.insert((key(&p.student.name), contact, course));
        let in_encore = p.guardian.mobile.as_ref().is_some_and(|m| {
            known.by_phone.get(m).is_some_and(|found| {
                found
                    .iter()
                    .any(|(f, _)| known.students.contains(&(*f, key(&p.student.name))))
            })
        });
        for (bad, code) in [
            (duplicate, RowProblemCode::DuplicateStudent),
            (in_encore, RowProblemCode::AlreadyInEncore),
        ] {
            if bad {
                p.problems.push(columns.problem(F::StudentName, code));
            }
        }
    }

    let mut families: Vec<PlannedFamily> = Vec::new();
    let mut family_at: HashMap<String, usize> = HashMap::new();
    let mut rows = Vec::with_capacity(parsed.len());
    for p in parsed {
        let mut preview = RowPreview {
            row: p.number,
            student: p.student.name.clone(),
            guardian: p.guardian.name.clone(),
            mobile: p.guardian.mobile.clone().unwrap_or_default(),
            course: p.course.clone().unwrap_or_default(),
            purchased: p.package.as_ref().map(|k| k.purchased),
            remaining: p.package.as_ref().map(|k| k.remaining),
            family: None,
            joins_existing: false,
            problems: p.problems.clone(),
        };
        if p.problems.is_empty() {
            let at = place(&mut families, &mut family_at, &known, p);
            preview.family = Some(families[at].name.clone());
            preview.joins_existing = families[at].existing.is_some();
        }
        rows.push(preview);
    }
    let counts = count(&rows, &families, &known);
    Ok(Plan {
        rows,
        families,
        counts,
    })
}

/// Puts a good row's student into its family (by the guardian's phone; a row without one is
/// a family of its own), merging rows of the same student. Returns the family's index.
fn place(
    families: &mut Vec<PlannedFamily>,
    family_at: &mut HashMap<String, usize>,
    known: &Known,
    p: ParsedRow,
) -> usize {
    let family_key = p
        .guardian
        .mobile
        .clone()
        .unwrap_or_else(|| format!("row {}", p.number));
    let at = *family_at.entry(family_key).or_insert_with(|| {
        let existing = p
            .guardian
            .mobile
            .as_deref()
            .and_then(|m| known.family_of(m));
        families.push(PlannedFamily {
            existing,
            name: existing
                .and_then(|(f, _)| known.family_names.get(&f).cloned())
                .unwrap_or_else(|| family_name(&p.student.name)),
            guardian: p.guardian.clone(),
            relationship: p.relationship,
            students: Vec::new(),
            rows: 0,
        });
        families.len() - 1
    });
    let family = &mut families[at];
    family.rows += 1;
    let student_at = match family
        .students
        .iter()
        .position(|s| key(&s.info.name) == key(&p.student.name))
    {
        Some(i) => i,
        None => {
            family.students.push(PlannedStudent {
                row: p.number,
                info: p.student,
                relationship: p.relationship,
                packages: Vec::new(),
                notes: Vec::new(),
            });
            family.students.len() - 1
        }
    };
    let student = &mut family.students[student_at];
    if let Some(course) = p.course {
        if !student.info.courses_of_interest.contains(&course) {
            student.info.courses_of_interest.push(course);
        }
    }
    student.packages.extend(p.package.map(|k| (p.number, k)));
    student.notes.extend(p.note);
    at
}

fn count(rows: &[RowPreview], families: &[PlannedFamily], known: &Known) -> ImportCounts {
    let students = || families.iter().flat_map(|f| &f.students);
    let packages = || students().flat_map(|s| &s.packages);
    let new_courses: HashSet<String> = packages()
        .map(|(_, k)| key(&k.course))
        .filter(|c| !known.courses.contains(c))
        .collect();
    ImportCounts {
        rows: rows.len() as u32,
        problem_rows: rows.iter().filter(|r| !r.problems.is_empty()).count() as u32,
        families: families.iter().filter(|f| f.existing.is_none()).count() as u32,
        joined_families: families.iter().filter(|f| f.existing.is_some()).count() as u32,
        students: students().count() as u32,
        packages: packages().count() as u32,
        notes: students().map(|s| s.notes.len() as u32).sum(),
        new_courses: new_courses.len() as u32,
    }
}
