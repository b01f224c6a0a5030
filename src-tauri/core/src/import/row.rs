//! One roster row read through the mapping: cleaned with the same field rules as the forms,
//! every problem named with its column.

use std::collections::HashMap;

use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::Serialize;
use specta::Type;

use super::mapping::{ImportField as F, Mapping};
use super::read::{Cell, Grid, GridRow};
use super::value;
use crate::error::{Error, ValidationCode};
use crate::field;
use crate::guardian::{self, GuardianInfo, Relationship};
use crate::hours::MAX_HOURS;
use crate::student::{self, StudentInfo, StudentStatus};

text_enum!(
    /// What is wrong with a cell or a row; the UI shows `import_problem_<code>`.
    RowProblemCode {
        Required = "required",
        TooLong = "too_long",
        InvalidPhone = "invalid_phone",
        InvalidWechat = "invalid_wechat",
        InvalidEmail = "invalid_email",
        InvalidDate = "invalid_date",
        DateInFuture = "date_in_future",
        DateTooOld = "date_too_old",
        UnknownGender = "unknown_gender",
        InvalidHours = "invalid_hours",
        NotHalfHours = "not_half_hours",
        RemainingAbovePurchased = "remaining_above_purchased",
        /// Hours without a course to hold them.
        CourseRequired = "course_required",
        EndsBeforeStart = "ends_before_start",
        /// The package's last day has passed: its hours could never be used.
        PackageEnded = "package_ended",
        InvalidPrice = "invalid_price",
        /// Neither a guardian's name nor any way to reach one.
        GuardianRequired = "guardian_required",
        /// The same student (name and guardian's phone, same course) earlier in the file.
        DuplicateStudent = "duplicate_student",
        /// Encore already has this student with this guardian's phone.
        AlreadyInEncore = "already_in_encore",
        Invalid = "invalid",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RowProblem {
    /// The grid column (None when the problem is the row's, not a cell's).
    pub column: Option<u32>,
    /// The spreadsheet's column letter.
    pub letter: Option<String>,
    pub code: RowProblemCode,
}

#[derive(Debug, Clone)]
pub(super) struct ParsedPackage {
    pub course: String,
    pub purchased: f64,
    pub remaining: f64,
    pub price: f64,
    pub purchased_on: NaiveDate,
    pub valid_until: NaiveDate,
}

#[derive(Debug, Clone)]
pub(super) struct ParsedRow {
    pub number: u32,
    pub student: StudentInfo,
    pub guardian: GuardianInfo,
    pub relationship: Relationship,
    pub course: Option<String>,
    pub package: Option<ParsedPackage>,
    pub note: Option<String>,
    pub problems: Vec<RowProblem>,
}

/// The mapping turned around: which column holds each field.
pub(super) struct Columns<'a> {
    grid: &'a Grid,
    of: HashMap<F, usize>,
}

impl<'a> Columns<'a> {
    pub fn new(grid: &'a Grid, mapping: &Mapping) -> Self {
        let of = mapping
            .iter()
            .enumerate()
            .filter_map(|(i, f)| f.map(|f| (f, i)))
            .collect();
        Columns { grid, of }
    }

    pub fn problem(&self, field: F, code: RowProblemCode) -> RowProblem {
        let column = self.of.get(&field).copied();
        RowProblem {
            column: column.map(|c| c as u32),
            letter: column.map(|c| self.grid.column_letter(c)),
            code,
        }
    }

    /// The first of `fields` that has a column, for problems of a missing value.
    fn first_mapped(&self, fields: &[F]) -> F {
        fields
            .iter()
            .copied()
            .find(|f| self.of.contains_key(f))
            .unwrap_or(fields[0])
    }
}

struct Reading<'r, 'a> {
    columns: &'r Columns<'a>,
    row: &'r GridRow,
    problems: Vec<RowProblem>,
}

impl Reading<'_, '_> {
    fn cell(&self, field: F) -> &Cell {
        self.columns
            .of
            .get(&field)
            .map_or(&Cell::Empty, |&c| self.row.cell(c))
    }

    fn text(&self, field: F) -> Option<String> {
        value::text(self.cell(field))
    }

    fn flag(&mut self, field: F, code: RowProblemCode) {
        let p = self.columns.problem(field, code);
        if !self.problems.contains(&p) {
            self.problems.push(p);
        }
    }

    /// Runs a field rule; its error becomes a problem on `field`'s column.
    fn check<T>(&mut self, field: F, result: crate::Result<T>) -> Option<T> {
        result.map_err(|e| self.flag(field, problem_of(&e))).ok()
    }

    fn date(&mut self, field: F, now: DateTime<Utc>, past: bool) -> Option<NaiveDate> {
        let cell = self.cell(field).clone();
        if cell.is_empty() {
            return None;
        }
        let Some(d) = value::date(&cell) else {
            self.flag(field, RowProblemCode::InvalidDate);
            return None;
        };
        if past {
            self.check(field, field::past_date("date", Some(d), now))
                .flatten()
        } else {
            Some(d)
        }
    }

    fn hours(&mut self, field: F) -> Option<f64> {
        let cell = self.cell(field).clone();
        if cell.is_empty() {
            return None;
        }
        match value::hours(&cell) {
            Some(h) if (0.0..=MAX_HOURS).contains(&h) => {
                if (h * 2.0).fract() != 0.0 {
                    self.flag(field, RowProblemCode::NotHalfHours);
                    return None;
                }
                Some(h)
            }
            _ => {
                self.flag(field, RowProblemCode::InvalidHours);
                None
            }
        }
    }
}

fn problem_of(error: &Error) -> RowProblemCode {
    use ValidationCode as V;
    let Error::Validation { code, .. } = error else {
        return RowProblemCode::Invalid;
    };
    match code {
        V::Required => RowProblemCode::Required,
        V::TooLong => RowProblemCode::TooLong,
        V::InvalidPhone => RowProblemCode::InvalidPhone,
        V::InvalidEmail => RowProblemCode::InvalidEmail,
        V::InvalidWechat => RowProblemCode::InvalidWechat,
        V::DateInFuture => RowProblemCode::DateInFuture,
        V::DateTooOld => RowProblemCode::DateTooOld,
        V::HoursOutOfRange => RowProblemCode::InvalidHours,
        V::NotHalfHours => RowProblemCode::NotHalfHours,
        _ => RowProblemCode::Invalid,
    }
}

/// True for a name with Chinese characters: it gets Chinese wording (张小明家, 张小明家长).
pub(super) fn is_chinese(name: &str) -> bool {
    name.chars()
        .any(|c| matches!(c, '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}'))
}

/// How a family's front desk would name a guardian whose name the roster leaves out.
fn unnamed_guardian(student: &str) -> String {
    if is_chinese(student) {
        format!("{student}家长")
    } else {
        format!("{student}'s parent")
    }
}

/// Reads one row. `today` is the school's date: packages that ended before it are refused.
pub(super) fn parse(
    columns: &Columns,
    row: &GridRow,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> ParsedRow {
    let mut r = Reading {
        columns,
        row,
        problems: Vec::new(),
    };
    let name_text = r.text(F::StudentName).unwrap_or_default();
    let name = r
        .check(F::StudentName, field::name("name", &name_text))
        .unwrap_or_default();
    let gender = match r.text(F::Gender) {
        Some(t) => {
            let g = value::gender(&t);
            if g.is_none() {
                r.flag(F::Gender, RowProblemCode::UnknownGender);
            }
            g
        }
        None => None,
    };
    let birth_date = r.date(F::BirthDate, now, true);
    let enrolled_on = r.date(F::Enrolled, now, true);
    let course = r
        .text(F::Course)
        .and_then(|c| r.check(F::Course, field::name("course", &c)));

    let mobile = r
        .check(F::Mobile, field::phone("mobile", r.text(F::Mobile)))
        .flatten();
    let wechat_id = r
        .check(F::Wechat, field::wechat("wechat", r.text(F::Wechat)))
        .flatten();
    let email = r
        .check(F::Email, field::email("email", r.text(F::Email)))
        .flatten();
    let reachable = mobile.is_some() || wechat_id.is_some() || email.is_some();
    let guardian_name = match r.text(F::GuardianName) {
        Some(g) => r.check(F::GuardianName, field::name("guardian", &g)),
        None if reachable && !name.is_empty() => Some(unnamed_guardian(&name)),
        None if reachable => None,
        None => {
            let at = columns.first_mapped(&[F::GuardianName, F::Mobile]);
            r.flag(at, RowProblemCode::GuardianRequired);
            None
        }
    };
    let relationship = r
        .text(F::Relationship)
        .map_or(Relationship::Other, |t| value::relationship(&t));

    let purchased = r.hours(F::Purchased);
    let remaining = r.hours(F::Remaining);
    let price = match value::text(r.cell(F::Price)) {
        None => 0.0,
        Some(_) => match value::money(r.cell(F::Price)) {
            Some(p) if (0.0..=10_000_000.0).contains(&p) => p,
            _ => {
                r.flag(F::Price, RowProblemCode::InvalidPrice);
                0.0
            }
        },
    };
    let expires = r.date(F::Expires, now, false);
    let note = r
        .text(F::Notes)
        .and_then(|n| r.check(F::Notes, field::required_text("notes", &n, field::NOTE_MAX)));

    let package = match (purchased, remaining) {
        (None, None) => None,
        (Some(p), left) => Some((p, left.unwrap_or(p))),
        (None, Some(left)) => Some((left, left)),
    }
    .filter(|&(p, left)| p > 0.0 || left > 0.0)
    .and_then(|(purchased, remaining)| {
        if remaining > purchased {
            r.flag(F::Remaining, RowProblemCode::RemainingAbovePurchased);
        }
        let purchased_on = enrolled_on.unwrap_or(today);
        // A roster without an end date: the package runs a year from the import.
        let valid_until = expires.unwrap_or(today.checked_add_months(Months::new(12))?);
        if valid_until < today {
            r.flag(F::Expires, RowProblemCode::PackageEnded);
        } else if valid_until < purchased_on {
            r.flag(F::Expires, RowProblemCode::EndsBeforeStart);
        }
        let Some(course) = course.clone() else {
            let at = columns.first_mapped(&[F::Course, F::Purchased, F::Remaining]);
            r.flag(at, RowProblemCode::CourseRequired);
            return None;
        };
        Some(ParsedPackage {
            course,
            purchased,
            remaining,
            price,
            purchased_on,
            valid_until,
        })
    });

    let student = StudentInfo {
        name,
        birth_date,
        gender,
        courses_of_interest: course.iter().cloned().collect(),
        skill_level: None,
        status: StudentStatus::Active,
        enrolled_on,
    };
    let guardian = GuardianInfo {
        name: guardian_name.unwrap_or_default(),
        mobile,
        wechat_id,
        email,
        preferred_channel: None,
        best_time: None,
    };
    if r.problems.is_empty() {
        // The forms' own rules have the last word, so nothing the forms refuse gets in.
        if let Err(e) = student::clean(&student, "", now) {
            r.flag(F::StudentName, problem_of(&e));
        }
        if let Err(e) = guardian::clean(&guardian, "") {
            r.flag(F::GuardianName, problem_of(&e));
        }
    }
    ParsedRow {
        number: row.number,
        student,
        guardian,
        relationship,
        course,
        package,
        note,
        problems: r.problems,
    }
}
