//! `encore-cli import`: a roster file in, with the columns guessed (or remembered from the
//! app), every row problem printed, and nothing written while any row has one unless
//! `--skip-invalid` is given.

use std::path::PathBuf;

use chrono::{Local, Utc};
use encore_core::import::{
    self, CommitOptions, ImportCounts, ImportError, ImportField as F, RowProblemCode as P,
};
use encore_core::staff::{self, StaffInput, StaffRole};
use encore_core::Db;

use crate::Failure;

pub struct Request {
    pub file: PathBuf,
    pub dry_run: bool,
    pub skip_invalid: bool,
    /// Who imports: a staff ID or name.
    pub staff: Option<String>,
}

fn field_name(f: F) -> &'static str {
    match f {
        F::StudentName => "student name",
        F::Gender => "gender",
        F::BirthDate => "birth date",
        F::GuardianName => "guardian",
        F::Relationship => "relationship",
        F::Mobile => "mobile",
        F::Wechat => "WeChat ID",
        F::Email => "email",
        F::Course => "course",
        F::Purchased => "purchased hours",
        F::Remaining => "remaining hours",
        F::Price => "price",
        F::Enrolled => "enrolled on",
        F::Expires => "expires on",
        F::Notes => "notes",
    }
}

fn problem_text(p: P) -> &'static str {
    match p {
        P::Required => "this cell must not be empty",
        P::TooLong => "too long",
        P::InvalidPhone => "not a phone number",
        P::InvalidWechat => "not a WeChat ID",
        P::InvalidEmail => "not an email address",
        P::InvalidDate => "not a date (write 2024-09-01, 2024/9/1 or 2024年9月1日)",
        P::DateInFuture => "a date in the future",
        P::DateTooOld => "a date before 1900",
        P::UnknownGender => "not a gender Encore records (female, male, other, 女, 男)",
        P::InvalidHours => "not a number of hours between 0 and 1000",
        P::NotHalfHours => "hours must be whole or half hours",
        P::RemainingAbovePurchased => "more hours remaining than purchased",
        P::CourseRequired => "hours need a course",
        P::EndsBeforeStart => "the package ends before it starts",
        P::PackageEnded => "the package has already ended",
        P::InvalidPrice => "not a price",
        P::GuardianRequired => "no guardian: give a name or a phone number",
        P::DuplicateStudent => "the same student appears earlier in the file",
        P::AlreadyInEncore => "Encore already has this student with this guardian's phone",
        P::Invalid => "refused",
    }
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn counts_line(c: &ImportCounts) -> String {
    let mut parts = vec![
        plural(c.families, "family", "families"),
        plural(c.students, "student", "students"),
        plural(c.packages, "package", "packages"),
        plural(c.notes, "note", "notes"),
    ];
    if c.joined_families > 0 {
        parts.push(
            plural(c.joined_families, "family", "families") + " already in Encore gaining students",
        );
    }
    if c.new_courses > 0 {
        parts.push(plural(c.new_courses, "new course", "new courses"));
    }
    parts.join(", ")
}

/// The staff member named by ID or exact name; None when none is named and the school has
/// not exactly one. A name in a school with no staff yet is added, inside the import.
enum Importer {
    Known(i64),
    New(String),
    Unnamed,
}

fn importer(db: &Db, wanted: Option<&str>) -> Result<Importer, Failure> {
    let all = db.with_conn(|c| staff::list(c, false))?;
    let Some(wanted) = wanted.map(str::trim) else {
        return Ok(match all.as_slice() {
            [only] => Importer::Known(only.id),
            _ => Importer::Unnamed,
        });
    };
    if let Some(s) = all
        .iter()
        .find(|s| s.id.to_string() == wanted || s.name.eq_ignore_ascii_case(wanted))
    {
        return Ok(Importer::Known(s.id));
    }
    if all.is_empty() && wanted.parse::<i64>().is_err() {
        return Ok(Importer::New(wanted.to_string()));
    }
    Err(Failure::User(format!(
        "no staff member is {wanted:?}; name one of:\n{}",
        staff_list(&all)
    )))
}

fn staff_list(all: &[staff::Staff]) -> String {
    all.iter()
        .map(|s| format!("  {}\t{}", s.id, s.name))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn run(db: &Db, request: Request) -> Result<(), Failure> {
    let grid = import::read_file(&request.file)
        .map_err(|p| Failure::User(format!("{}: {p}", request.file.display())))?;
    let guess = db.with_conn(|c| import::guess(c, &grid.headers))?;
    let mapping = guess.mapping;
    println!("{}: {} rows", request.file.display(), grid.rows.len());
    let columns: Vec<String> = mapping
        .iter()
        .enumerate()
        .filter_map(|(i, f)| {
            f.map(|f| {
                format!(
                    "{} {} → {}",
                    grid.column_letter(i),
                    grid.headers[i],
                    field_name(f)
                )
            })
        })
        .collect();
    let source = if guess.remembered {
        "as last time"
    } else {
        "guessed"
    };
    println!("columns ({source}): {}", columns.join(", "));
    import::check_mapping(&mapping, grid.headers.len())
        .map_err(|p| Failure::User(format!("cannot import: {p}")))?;

    let today = Local::now().date_naive();
    let preview = db
        .with_conn(|c| Ok(import::preview(c, &grid, &mapping, today, Utc::now())))?
        .map_err(import_failure)?;
    for row in preview.rows.iter().filter(|r| !r.problems.is_empty()) {
        for p in &row.problems {
            let place = match (&p.letter, p.column) {
                (Some(letter), Some(c)) => {
                    format!(", column {letter} ({})", grid.headers[c as usize])
                }
                _ => String::new(),
            };
            println!("row {}{place}: {}", row.row, problem_text(p.code));
        }
    }
    let bad = preview.counts.problem_rows;
    if bad > 0 && !request.skip_invalid {
        return Err(Failure::User(format!(
            "{}; nothing was imported (fix them, or pass --skip-invalid to import the other rows)",
            plural(bad, "row has a problem", "rows have problems")
        )));
    }
    let skipped = if bad > 0 {
        format!(
            " ({} left out)",
            plural(bad, "row with problems", "rows with problems")
        )
    } else {
        String::new()
    };
    if request.dry_run {
        println!("would import: {}{skipped}", counts_line(&preview.counts));
        return Ok(());
    }

    let importer = importer(db, request.staff.as_deref())?;
    let report = db
        .with_tx_as(|tx| {
            let staff_id = match &importer {
                Importer::Known(id) => Some(*id),
                Importer::New(name) => {
                    let input = StaffInput {
                        name: name.clone(),
                        role: StaffRole::Admin,
                    };
                    Some(staff::add(tx, &input, Utc::now())?.id)
                }
                Importer::Unnamed => None,
            };
            let options = CommitOptions {
                skip_invalid: request.skip_invalid,
                staff_id,
            };
            import::commit(
                tx,
                &grid,
                &mapping,
                options,
                Local::now().fixed_offset(),
                &mut |_| {},
            )
        })
        .map_err(|e| match e {
            ImportError::StaffRequired => staff_required(db),
            other => import_failure(other),
        })?;
    println!("imported: {}{skipped}", counts_line(&report.counts));
    Ok(())
}

fn staff_required(db: &Db) -> Failure {
    let all = db.with_conn(|c| staff::list(c, false)).unwrap_or_default();
    if all.is_empty() {
        return Failure::User(
            "packages and notes are written in someone's name: pass --staff NAME \
             (the school has no staff yet; NAME is added as an administrator)"
                .into(),
        );
    }
    Failure::User(format!(
        "packages and notes are written in someone's name: pass --staff with one of:\n{}",
        staff_list(&all)
    ))
}

fn import_failure(e: ImportError) -> Failure {
    match e {
        ImportError::Domain(e) => e.into(),
        other => Failure::User(other.to_string()),
    }
}
