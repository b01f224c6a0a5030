//! Lists out of Encore as CSV (UTF-8 with BOM, for Excel) and XLSX, with spreadsheet formula
//! injection neutralised.
//!
//! A list is first read into a [`Table`] of typed cells in the export's language
//! ([`table_of`]), then [`write`]n to a temporary file beside the target that becomes the
//! target only once complete and on disk.

mod csv_file;
mod error;
mod lists;
mod progress;
mod roster;
mod table;
mod words;
mod xlsx_file;

use std::collections::HashMap;
use std::hash::Hash;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::Result;
use crate::renewal::{self, WorklistFilter};
use crate::settings::Locale;
use crate::tag::TagFilter;
use crate::{class, family, student};
pub use csv_file::BOM;
pub use error::{ExportError, ExportFailure};
pub use lists::{families, renewals, students};
pub use progress::ExportProgress;
pub use roster::{class_roster, members, RosterMember};
pub use table::{looks_like_formula, Cell, Column, Table};
pub use words::Heading;

text_enum!(ExportFormat {
    Csv = "csv",
    Xlsx = "xlsx",
});

/// One row of the worklist: a student's account in one course.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct WorklistKey {
    pub student_id: i64,
    pub course_id: i64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RenewalsExport {
    pub filter: WorklistFilter,
    /// The rows the screen shows after its quick filter and sort, in that order; None for
    /// the whole filtered list ranked by risk.
    pub shown: Option<Vec<WorklistKey>>,
}

/// The families or the students list.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PeopleExport {
    pub include_archived: bool,
    pub filter: TagFilter,
    /// Ids the screen shows, in its order; None for the whole list.
    pub shown: Option<Vec<i64>>,
}

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ClassRosterExport {
    pub class_id: i64,
}

/// Which list to export, narrowed as the screen narrows it.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ExportList {
    Renewals(RenewalsExport),
    Families(PeopleExport),
    Students(PeopleExport),
    ClassRoster(ClassRosterExport),
}

/// Reads the list on `today` into a table headed in `locale`.
pub fn table_of(
    conn: &Connection,
    list: &ExportList,
    locale: Locale,
    today: NaiveDate,
) -> Result<Table> {
    Ok(match list {
        ExportList::Renewals(r) => {
            let rows = renewal::worklist(conn, &r.filter, today)?;
            let rows = as_shown(rows, r.shown.as_deref(), |row| WorklistKey {
                student_id: row.student_id,
                course_id: row.course_id,
            });
            renewals(&rows, locale)
        }
        ExportList::Families(p) => {
            let rows = family::list(conn, p.include_archived, &p.filter)?;
            families(&as_shown(rows, p.shown.as_deref(), |f| f.id), locale)
        }
        ExportList::Students(p) => {
            let rows = student::list(conn, p.include_archived, &p.filter)?;
            students(&as_shown(rows, p.shown.as_deref(), |s| s.id), locale)
        }
        ExportList::ClassRoster(c) => {
            let class = class::get(conn, c.class_id)?;
            class_roster(&class, &members(conn, &class, today)?, locale)
        }
    })
}

/// The rows named in `shown`, in its order; ids no longer in the list are skipped.
fn as_shown<T, K: Eq + Hash>(rows: Vec<T>, shown: Option<&[K]>, key: impl Fn(&T) -> K) -> Vec<T> {
    let Some(shown) = shown else {
        return rows;
    };
    let mut by_key: HashMap<K, T> = rows.into_iter().map(|r| (key(&r), r)).collect();
    shown.iter().filter_map(|k| by_key.remove(k)).collect()
}

/// What the save dialog proposes: "Renewals 2026-11-22.xlsx", "续费名单 2026-11-22.csv".
pub fn file_name(table: &Table, format: ExportFormat, today: NaiveDate) -> String {
    let title: String = table
        .title
        .chars()
        .map(|c| {
            if c.is_control() || "\\/:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    format!("{} {today}.{}", title.trim(), format.as_str())
}

/// Save dialogs may return a name typed without its extension; Excel needs it to open the file.
pub fn with_extension(path: PathBuf, format: ExportFormat) -> PathBuf {
    let has = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(format.as_str()));
    if has {
        path
    } else {
        let mut name = path.into_os_string();
        name.push(".");
        name.push(format.as_str());
        PathBuf::from(name)
    }
}

/// Writes `table` to `target`, reporting rows done to `progress` and stopping when `cancel`
/// is set. On any error, Cancel included, `target` is left as it was and no temporary file
/// remains.
pub fn write(
    table: &Table,
    format: ExportFormat,
    target: &Path,
    cancel: &AtomicBool,
    progress: &mut dyn FnMut(ExportProgress),
) -> Result<(), ExportError> {
    let mut rows = progress::RowCounter::start(table.rows.len(), cancel, progress);
    let mut part =
        crate::part_file::PartFile::beside(target).map_err(|e| ExportError::write(target, e))?;
    match format {
        ExportFormat::Csv => csv_file::write(table, &mut part, &mut rows)?,
        ExportFormat::Xlsx => xlsx_file::write(table, &mut part, &mut rows)?,
    }
    // A Cancel pressed while the workbook was being saved still wins.
    rows.check()?;
    part.commit().map_err(|e| ExportError::write(target, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_typed_without_its_extension_gets_one() {
        let p = |s: &str| with_extension(PathBuf::from(s), ExportFormat::Xlsx);
        assert_eq!(p("/tmp/list"), PathBuf::from("/tmp/list.xlsx"));
        assert_eq!(p("/tmp/list.XLSX"), PathBuf::from("/tmp/list.XLSX"));
        assert_eq!(p("/tmp/list.csv"), PathBuf::from("/tmp/list.csv.xlsx"));
    }

    #[test]
    fn file_names_carry_the_list_and_the_day_without_unsafe_characters() {
        let table = Table::new("周六 A/B", &[], Locale::ZhCn);
        let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(
            file_name(&table, ExportFormat::Csv, day),
            "周六 A_B 2026-11-22.csv"
        );
    }

    #[test]
    fn shown_rows_keep_the_screen_order_and_skip_ids_gone_since() {
        let rows = vec![(1, "a"), (2, "b"), (3, "c")];
        let picked = as_shown(rows.clone(), Some(&[3, 9, 1]), |r| r.0);
        assert_eq!(picked, vec![(3, "c"), (1, "a")]);
        assert_eq!(as_shown(rows.clone(), None, |r: &(i32, &str)| r.0), rows);
    }
}
