//! `renewals --format csv|xlsx|pdf --out FILE`, read back the way a school would open it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use calamine::{open_workbook, Data, Reader, Xlsx};

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_encore-cli"))
}

fn demo_db(dir: &Path) -> PathBuf {
    let db = dir.join("school.db");
    let out = cli()
        .args(["demo", "--families", "36", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success());
    db
}

fn renewals(db: &Path, args: &[&str]) -> Output {
    cli()
        .arg("renewals")
        .args(args)
        .env("ENCORE_DB", db)
        .output()
        .unwrap()
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// Rows in the terminal table, to compare the files against.
fn table_rows(db: &Path, lang: &str) -> usize {
    ok(&renewals(db, &["--lang", lang])).lines().count() - 1
}

#[test]
fn csv_has_a_bom_chinese_headers_and_every_row_of_the_table() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let file = dir.path().join("续费.csv");
    let said = ok(&renewals(
        &db,
        &[
            "--format",
            "csv",
            "--lang",
            "zh-CN",
            "--out",
            file.to_str().unwrap(),
        ],
    ));
    assert!(said.contains("written to"), "{said}");
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "Excel needs the BOM");
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "学员");
    let hours = header.iter().position(|h| h == "剩余课时").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), table_rows(&db, "zh-CN"));
    assert!(rows.iter().all(|r| r[hours].parse::<f64>().is_ok()));
}

#[test]
fn xlsx_is_chosen_by_the_extension_and_keeps_numbers_as_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let file = dir.path().join("renewals.xlsx");
    ok(&renewals(
        &db,
        &["--lang", "en", "--out", file.to_str().unwrap()],
    ));
    let mut book: Xlsx<_> = open_workbook(&file).unwrap();
    let range = book.worksheet_range("Renewals").unwrap();
    let rows: Vec<&[Data]> = range.rows().collect();
    assert_eq!(rows[0][0], Data::String("Student".into()));
    let hours = rows[0]
        .iter()
        .position(|h| *h == Data::String("Hours left".into()))
        .unwrap();
    assert_eq!(rows.len() - 1, table_rows(&db, "en"));
    assert!(rows[1..].iter().all(|r| matches!(r[hours], Data::Float(_))));
}

#[test]
fn pdf_is_written_where_asked() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let file = dir.path().join("renewals.pdf");
    ok(&renewals(
        &db,
        &[
            "--format",
            "pdf",
            "--paper",
            "letter",
            "--out",
            file.to_str().unwrap(),
        ],
    ));
    assert!(std::fs::read(&file).unwrap().starts_with(b"%PDF"));
}

#[test]
fn a_file_format_without_out_is_a_user_error() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = renewals(&db, &["--format", "xlsx"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out"));
    let missing = dir.path().join("no-such-folder").join("x.csv");
    let out = renewals(&db, &["--out", missing.to_str().unwrap()]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "an unwritable target is the user's to fix"
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "only the database"
    );
}
