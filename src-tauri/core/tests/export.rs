//! Exports read back the way a school's spreadsheet would read them: CSV through the csv
//! crate, XLSX through calamine. Same rows, same types; formulas never come back as formulas.

mod common;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use calamine::{open_workbook, Data, Reader, Xlsx};
use chrono::NaiveDate;
use common::hours::{day, school, School};
use common::*;
use encore_core::attendance::AttendanceStatus::Present;
use encore_core::export::{
    self, Cell, ClassRosterExport, ExportError, ExportFailure, ExportFormat, ExportList,
    ExportProgress, Heading, PeopleExport, RenewalsExport, Table, BOM,
};
use encore_core::family::{NewFamily, NewFamilyGuardian};
use encore_core::guardian::Relationship;
use encore_core::settings::Locale;
use encore_core::{demo, Db};

fn today() -> NaiveDate {
    now().date_naive()
}

fn demo_school() -> Db {
    let db = db();
    db.with_tx(|tx| demo::generate(tx, demo::DEFAULT_SEED, 36, now()))
        .unwrap();
    db
}

fn every_list(class_id: i64) -> Vec<ExportList> {
    vec![
        ExportList::Renewals(RenewalsExport::default()),
        ExportList::Families(PeopleExport::default()),
        ExportList::Students(PeopleExport {
            include_archived: true,
            ..Default::default()
        }),
        ExportList::ClassRoster(ClassRosterExport { class_id }),
    ]
}

fn table(db: &Db, list: &ExportList, locale: Locale) -> Table {
    db.with_conn(|c| export::table_of(c, list, locale, today()))
        .unwrap()
}

fn save(table: &Table, format: ExportFormat, path: &Path) {
    export::write(table, format, path, &AtomicBool::new(false), &mut |_| {}).unwrap();
}

/// The CSV's header and rows as text, after checking and removing the byte order mark.
fn read_csv(path: &Path) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).unwrap();
    assert!(bytes.starts_with(BOM), "Excel needs the BOM to read UTF-8");
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(&bytes[BOM.len()..])
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn read_xlsx(path: &Path) -> Vec<Vec<Data>> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    let name = book.sheet_names()[0].clone();
    let formulas = book.worksheet_formula(&name).unwrap();
    assert!(
        formulas.used_cells().all(|(_, _, f)| f.is_empty()),
        "an export never contains a formula"
    );
    let range = book.worksheet_range(&name).unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

/// Excel's serial day number: days since 1899-12-30.
fn serial(d: NaiveDate) -> f64 {
    (d - NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()).num_days() as f64
}

fn csv_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) if export::looks_like_formula(t) => format!("'{t}"),
        Cell::Text(t) => t.clone(),
        Cell::Number(n) => n.to_string(),
        Cell::Date(d) => d.to_string(),
        Cell::Empty => String::new(),
    }
}

fn same_in_xlsx(cell: &Cell, data: &Data) -> bool {
    match (cell, data) {
        (Cell::Text(t), Data::String(s)) => t == s,
        (Cell::Number(n), Data::Float(f)) => n == f,
        (Cell::Number(n), Data::Int(i)) => *n == *i as f64,
        (Cell::Date(d), Data::DateTime(x)) => x.is_datetime() && x.as_f64() == serial(*d),
        (Cell::Empty, Data::Empty) => true,
        _ => false,
    }
}

fn assert_round_trip(table: &Table, dir: &Path) {
    let csv_path = dir.join("list.csv");
    save(table, ExportFormat::Csv, &csv_path);
    let rows = read_csv(&csv_path);
    let headers: Vec<&str> = table.columns.iter().map(|c| c.header.as_str()).collect();
    assert_eq!(rows[0], headers, "{}", table.title);
    assert_eq!(rows.len(), table.rows.len() + 1, "{}", table.title);
    for (read, cells) in rows[1..].iter().zip(&table.rows) {
        let expected: Vec<String> = cells.iter().map(csv_text).collect();
        assert_eq!(read, &expected, "{}", table.title);
        for (text, cell) in read.iter().zip(cells) {
            if let Cell::Number(n) = cell {
                assert_eq!(text.parse::<f64>().unwrap(), *n, "numbers stay numbers");
            }
        }
    }

    let xlsx_path = dir.join("list.xlsx");
    save(table, ExportFormat::Xlsx, &xlsx_path);
    let rows = read_xlsx(&xlsx_path);
    let header: Vec<Data> = headers
        .iter()
        .map(|h| Data::String(h.to_string()))
        .collect();
    assert_eq!(rows[0], header, "{}", table.title);
    assert_eq!(rows.len(), table.rows.len() + 1, "{}", table.title);
    for (i, (read, cells)) in rows[1..].iter().zip(&table.rows).enumerate() {
        assert_eq!(read.len(), cells.len(), "{} row {i}", table.title);
        for (j, (data, cell)) in read.iter().zip(cells).enumerate() {
            assert!(
                same_in_xlsx(cell, data),
                "{} row {i} column {j}: wrote {cell:?}, read {data:?}",
                table.title
            );
        }
    }
}

#[test]
fn every_list_of_the_demo_school_comes_back_from_csv_and_xlsx_unchanged() {
    let db = demo_school();
    let class = db
        .with_conn(|c| encore_core::class::list(c, false))
        .unwrap()
        .into_iter()
        .max_by_key(|c| c.students.len())
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    for locale in [Locale::En, Locale::ZhCn] {
        for list in every_list(class.id) {
            let table = table(&db, &list, locale);
            assert!(
                table.rows.len() >= 3,
                "{list:?} has rows in the demo school"
            );
            assert_round_trip(&table, dir.path());
        }
    }
    let only_files: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(
        only_files.len(),
        2,
        "no temporary files left: {only_files:?}"
    );
}

#[test]
fn worklist_columns_are_typed_and_headed_in_the_chosen_language() {
    let db = demo_school();
    let list = ExportList::Renewals(RenewalsExport::default());
    let zh = table(&db, &list, Locale::ZhCn);
    assert_eq!(zh.columns[0].header, "学员");
    let en = table(&db, &list, Locale::En);
    let col = |name: &str| {
        en.columns
            .iter()
            .position(|c| c.header == name)
            .unwrap_or_else(|| panic!("{name} is a column"))
    };
    let rows = &en.rows;
    assert!(rows
        .iter()
        .all(|r| matches!(r[col("Hours left")], Cell::Number(_))));
    assert!(rows
        .iter()
        .all(|r| matches!(r[col("Risk score")], Cell::Number(_))));
    assert!(rows.iter().any(|r| matches!(r[col("Ends")], Cell::Date(_))));
    assert!(rows
        .iter()
        .any(|r| matches!(r[col("Attendance, last 4 weeks (%)")], Cell::Number(_))));
    assert!(
        rows.iter().any(|r| matches!(&r[col("Guardians")],
            Cell::Text(t) if t.contains("(Future development)") || t.contains("(Interest & growth)"))),
        "guardians carry their motivation type in words"
    );
}

#[test]
fn the_screens_order_and_quick_filter_are_kept() {
    let db = demo_school();
    let students = db
        .with_conn(|c| encore_core::student::list(c, false, &Default::default()))
        .unwrap();
    let shown = vec![students[5].id, students[2].id];
    let list = ExportList::Students(PeopleExport {
        shown: Some(shown),
        ..Default::default()
    });
    let t = table(&db, &list, Locale::En);
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.rows[0][0], Cell::text(&students[5].name));
    assert_eq!(t.rows[1][0], Cell::text(&students[2].name));
}

/// The 张 school with a family whose names are formulas, and 张小明 two hours on credit.
fn school_with_formula_names() -> School {
    let s = school(1.0);
    add_family(
        &s.db,
        &NewFamily {
            name: "=HYPERLINK(\"http://x\",\"y\")".into(),
            guardians: vec![NewFamilyGuardian {
                info: guardian("=1+1", "138 0013 8001"),
                relationship: Relationship::Mother,
            }],
            students: vec![child("+1"), child("-2"), child("@SUM(A1)")],
        },
    );
    s.sell(0, 2.0, 0.0, "2026-09-01", "2027-03-01");
    for date in ["2026-10-31", "2026-11-07", "2026-11-14", "2026-11-21"] {
        s.roll_call(date, &[(0, Present, true)]).unwrap();
    }
    assert_eq!(s.balance(0), -2.0);
    s
}

#[test]
fn formulas_in_names_are_written_inert_while_negative_hours_stay_numbers() {
    let s = school_with_formula_names();
    let dir = tempfile::tempdir().unwrap();
    let families = table(&s.db, &ExportList::Families(Default::default()), Locale::En);
    let students = table(&s.db, &ExportList::Students(Default::default()), Locale::En);
    let roster = table(
        &s.db,
        &ExportList::ClassRoster(ClassRosterExport { class_id: s.class }),
        Locale::En,
    );
    let renewals = table(&s.db, &ExportList::Renewals(Default::default()), Locale::En);
    for t in [&families, &students, &roster, &renewals] {
        assert_round_trip(t, dir.path());
    }

    save(&students, ExportFormat::Csv, &dir.path().join("s.csv"));
    let names: Vec<String> = read_csv(&dir.path().join("s.csv"))
        .into_iter()
        .map(|r| r[0].clone())
        .collect();
    for inert in ["'+1", "'-2", "'@SUM(A1)"] {
        assert!(names.contains(&inert.to_string()), "{inert} in {names:?}");
    }
    save(&families, ExportFormat::Xlsx, &dir.path().join("f.xlsx"));
    let rows = read_xlsx(&dir.path().join("f.xlsx"));
    assert!(rows
        .iter()
        .any(|r| r[0] == Data::String("=HYPERLINK(\"http://x\",\"y\")".into())));

    // 张小明's -2 hours: a number in both formats, not text and not neutralised.
    save(&renewals, ExportFormat::Csv, &dir.path().join("r.csv"));
    let csv_rows = read_csv(&dir.path().join("r.csv"));
    let hours = csv_rows[0].iter().position(|h| h == "Hours left").unwrap();
    let xiaoming = csv_rows.iter().find(|r| r[0] == "张小明").unwrap();
    assert_eq!(xiaoming[hours], "-2");
    save(&renewals, ExportFormat::Xlsx, &dir.path().join("r.xlsx"));
    let xlsx_rows = read_xlsx(&dir.path().join("r.xlsx"));
    let xiaoming = xlsx_rows
        .iter()
        .find(|r| r[0] == Data::String("张小明".into()))
        .unwrap();
    assert_eq!(xiaoming[hours], Data::Float(-2.0));
}

#[test]
fn every_dangerous_start_is_neutralised_in_both_formats() {
    let dangerous = [
        "=HYPERLINK(\"http://x\",\"y\")",
        "+1",
        "-2",
        "@SUM(A1)",
        "\t=1+1",
        "\r=1+1",
    ];
    let mut t = Table::new("t", &[Heading::Reasons, Heading::HoursLeft], Locale::En);
    for text in dangerous {
        t.push(vec![Cell::text(text), Cell::Number(-2.0)]);
    }
    let dir = tempfile::tempdir().unwrap();
    assert_round_trip(&t, dir.path());
    let csv_rows = read_csv(&dir.path().join("list.csv"));
    for (row, text) in csv_rows[1..].iter().zip(dangerous) {
        assert_eq!(row[0], format!("'{text}"));
        assert_eq!(row[1], "-2", "a real negative number is left alone");
    }
}

fn big_table(rows: usize) -> Table {
    let mut t = Table::new(
        "big",
        &[Heading::Student, Heading::HoursLeft, Heading::Ends],
        Locale::ZhCn,
    );
    for i in 0..rows {
        t.push(vec![
            Cell::text(format!("学员{i}")),
            Cell::Number(i as f64 / 2.0),
            Cell::Date(day("2026-01-01") + chrono::Days::new(i as u64 % 365)),
        ]);
    }
    t
}

#[test]
fn a_5000_row_export_reports_its_progress() {
    let t = big_table(5000);
    let dir = tempfile::tempdir().unwrap();
    for format in [ExportFormat::Csv, ExportFormat::Xlsx] {
        let mut seen: Vec<ExportProgress> = Vec::new();
        let path = dir.path().join(format!("big.{}", format.as_str()));
        export::write(&t, format, &path, &AtomicBool::new(false), &mut |p| {
            seen.push(p)
        })
        .unwrap();
        assert!(seen.iter().all(|p| p.rows_total == 5000));
        assert_eq!(seen.first().unwrap().rows_done, 0, "the bar shows at once");
        assert_eq!(seen.last().unwrap().rows_done, 5000);
        assert!(seen.windows(2).all(|w| w[0].rows_done < w[1].rows_done));
        assert!(
            (50..=200).contains(&seen.len()),
            "often enough for a bar, not a flood: {} reports",
            seen.len()
        );
    }
}

#[test]
fn a_cancelled_export_leaves_no_file_and_keeps_an_older_one() {
    let t = big_table(2000);
    let dir = tempfile::tempdir().unwrap();
    for format in [ExportFormat::Csv, ExportFormat::Xlsx] {
        let fresh = dir.path().join(format!("fresh.{}", format.as_str()));
        let older = dir.path().join(format!("older.{}", format.as_str()));
        std::fs::write(&older, "last week's list").unwrap();
        for target in [&fresh, &older] {
            let cancel = AtomicBool::new(false);
            let result = export::write(&t, format, target, &cancel, &mut |p| {
                if p.rows_done >= p.rows_total / 2 {
                    cancel.store(true, Ordering::Relaxed);
                }
            });
            assert!(matches!(result, Err(ExportError::Cancelled)), "{result:?}");
        }
        assert!(!fresh.exists(), "a cancelled export writes nothing");
        assert_eq!(std::fs::read_to_string(&older).unwrap(), "last week's list");
    }
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 2, "only the two older files, no temporary ones");
}

#[test]
fn a_missing_folder_is_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("gone").join("list.csv");
    let err = export::write(
        &big_table(3),
        ExportFormat::Csv,
        &target,
        &AtomicBool::new(false),
        &mut |_| {},
    )
    .unwrap_err();
    assert_eq!(err.failure(), Some(ExportFailure::FolderMissing), "{err}");
}
