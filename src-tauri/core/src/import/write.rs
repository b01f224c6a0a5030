//! Writing an import through the same domain functions the forms use, in the caller's one
//! transaction: any failure leaves nothing behind once the caller rolls back.

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, Utc};
use rusqlite::Transaction;
use serde::Serialize;
use specta::Type;

use super::mapping::{self, Mapping};
use super::plan::{self, key, ImportCounts, PlannedFamily};
use super::read::Grid;
use super::ImportError;
use crate::course::{self, CourseFormat, CourseInput};
use crate::error::{Error, ValidationCode};
use crate::family::{self, NewFamily, NewFamilyGuardian};
use crate::guardian::ContactChannel;
use crate::note::{self, NoteInput, NoteKind};
use crate::package::{self, AdjustmentInput, PackageInput};
use crate::settings::{self, Locale};
use crate::student::{self, GuardianLink};
use crate::{staff, Result};

#[derive(Debug, Clone, Copy, Default)]
pub struct CommitOptions {
    /// Import the good rows and leave out the rows with problems. Without it, one problem
    /// anywhere means nothing is written.
    pub skip_invalid: bool,
    /// Who imports: packages are sold, and notes written, in their name.
    pub staff_id: Option<i64>,
}

/// How far a commit has got, in rows.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportProgress {
    pub done: u32,
    pub total: u32,
}

/// What was written.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    pub counts: ImportCounts,
    /// Rows with problems that were left out (only with `skip_invalid`).
    pub skipped_rows: u32,
}

/// Words written into the school's records, in the school's language.
struct Wording {
    used_before_import: &'static str,
    rule_override: &'static str,
}

fn wording(locale: Locale) -> Wording {
    match locale {
        Locale::ZhCn => Wording {
            used_before_import: "导入前已用",
            rule_override: "从旧系统导入",
        },
        Locale::En => Wording {
            used_before_import: "used before import",
            rule_override: "imported from the old system",
        },
    }
}

/// Imports the rows. `now` is the school's wall clock: packages ended before today are
/// refused, and hours already used are entered today. Reports progress per family.
pub fn commit(
    tx: &Transaction,
    grid: &Grid,
    mapping: &Mapping,
    options: CommitOptions,
    now: DateTime<FixedOffset>,
    progress: &mut dyn FnMut(ImportProgress),
) -> Result<ImportReport, ImportError> {
    let utc = now.with_timezone(&Utc);
    let today = now.date_naive();
    let plan = plan::plan(tx, grid, mapping, today, utc)?;
    let skipped_rows = plan.counts.problem_rows;
    if skipped_rows > 0 && !options.skip_invalid {
        return Err(ImportError::RowsHaveProblems { rows: skipped_rows });
    }
    let needs_staff = plan.counts.packages + plan.counts.notes > 0;
    let staff_id = match options.staff_id {
        Some(id) => match staff::get(tx, id) {
            Ok(s) if s.archived_at.is_none() => id,
            Ok(_) => return Err(Error::invalid("staffId", ValidationCode::StaffArchived).into()),
            Err(_) => return Err(ImportError::StaffRequired),
        },
        None if needs_staff => return Err(ImportError::StaffRequired),
        None => 0,
    };
    let mut writer = Writer {
        tx,
        now,
        staff_id,
        words: wording(settings::locale(tx)?.unwrap_or(Locale::En)),
        currency: tx
            .query_row(
                "SELECT currency FROM package ORDER BY id DESC LIMIT 1",
                [],
                |r| r.get(0),
            )
            .unwrap_or_else(|_| "CNY".to_string()),
        courses: course::list(tx, false)?
            .into_iter()
            .map(|c| (key(&c.name), c.id))
            .collect(),
    };
    let total = plan.counts.rows - skipped_rows;
    let mut done = 0;
    let mut reported = None;
    for family in &plan.families {
        writer.family(family)?;
        done += family.rows;
        // At most about a hundred reports, however large the file.
        let step = Some(done * 100 / total.max(1));
        if step != reported || done == total {
            reported = step;
            progress(ImportProgress { done, total });
        }
    }
    mapping::remember(tx, &grid.headers, mapping)?;
    Ok(ImportReport {
        counts: plan.counts,
        skipped_rows,
    })
}

struct Writer<'t> {
    tx: &'t Transaction<'t>,
    now: DateTime<FixedOffset>,
    staff_id: i64,
    words: Wording,
    currency: String,
    courses: HashMap<String, i64>,
}

impl Writer<'_> {
    fn utc(&self) -> DateTime<Utc> {
        self.now.with_timezone(&Utc)
    }

    fn family(&mut self, family: &PlannedFamily) -> Result<(), ImportError> {
        let first_row = family.students[0].row;
        let at_row = |row: u32| move |source: Error| ImportError::Row { row, source };
        let (family_id, ids) = match family.existing {
            Some((family_id, guardian_id)) => {
                let mut ids = Vec::new();
                for s in &family.students {
                    let links = [GuardianLink {
                        guardian_id,
                        relationship: s.relationship,
                    }];
                    let added = student::add(self.tx, family_id, &s.info, &links, self.utc())
                        .map_err(at_row(s.row))?;
                    ids.push(added.id);
                }
                (family_id, ids)
            }
            None => {
                let input = NewFamily {
                    name: family.name.clone(),
                    guardians: vec![NewFamilyGuardian {
                        info: family.guardian.clone(),
                        relationship: family.relationship,
                    }],
                    students: family.students.iter().map(|s| s.info.clone()).collect(),
                };
                let family_id =
                    family::create(self.tx, &input, self.utc()).map_err(at_row(first_row))?;
                let created = student::list_for_family(self.tx, family_id)?;
                let ids = family
                    .students
                    .iter()
                    .map(|s| {
                        created
                            .iter()
                            .find(|c| key(&c.info.name) == key(&s.info.name))
                            .map(|c| c.id)
                            .ok_or(ImportError::Row {
                                row: s.row,
                                source: Error::invalid("studentName", ValidationCode::Required),
                            })
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                (family_id, ids)
            }
        };
        for (s, student_id) in family.students.iter().zip(ids) {
            for (row, k) in &s.packages {
                self.package(student_id, k).map_err(at_row(*row))?;
            }
            for body in &s.notes {
                let input = NoteInput {
                    family_id,
                    student_id: Some(student_id),
                    guardian_id: None,
                    author_id: self.staff_id,
                    channel: ContactChannel::InPerson,
                    kind: NoteKind::Other,
                    body: body.clone(),
                    occurred_at: self.now.naive_local(),
                };
                note::add(self.tx, &input, self.utc()).map_err(at_row(s.row))?;
            }
        }
        Ok(())
    }

    /// A package of the purchased size, and the hours the old system had already used as an
    /// opening correction, so statements show both numbers the school knows.
    fn package(&mut self, student_id: i64, k: &super::row::ParsedPackage) -> Result<()> {
        let course_id = match self.courses.get(&key(&k.course)) {
            Some(id) => *id,
            None => {
                let input = CourseInput {
                    name: k.course.clone(),
                    format: CourseFormat::Group,
                    lesson_hours: 1.0,
                };
                let id = course::add(self.tx, &input, self.utc())?.id;
                self.courses.insert(key(&k.course), id);
                id
            }
        };
        let input = PackageInput {
            student_id,
            course_id,
            purchased_hours: k.purchased,
            bonus_hours: 0.0,
            price: k.price,
            currency: self.currency.clone(),
            purchased_on: k.purchased_on,
            valid_from: k.purchased_on,
            valid_until: k.valid_until,
            sold_by: self.staff_id,
            rule_override: Some(self.words.rule_override.to_string()),
        };
        let package_id = package::sell(self.tx, &input, self.now)?;
        let used = k.purchased - k.remaining;
        if used > 0.0 {
            let correction = AdjustmentInput {
                package_id,
                hours: -used,
                reason: self.words.used_before_import.to_string(),
                author_id: self.staff_id,
                on: self.now.date_naive(),
            };
            package::correct(self.tx, &correction, self.utc())?;
        }
        Ok(())
    }
}
