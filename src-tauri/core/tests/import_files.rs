//! Reading roster files: encodings, workbooks with date cells, ragged rows, the
//! spreadsheet's own row numbers, and files that are refused before anything is imported.

use std::path::PathBuf;

use chrono::NaiveDate;
use encore_core::import::{self, Cell, FileProblem, ImportField as F};

fn path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

fn column(grid: &import::Grid, header: &str) -> usize {
    grid.headers
        .iter()
        .position(|h| h == header)
        .unwrap_or_else(|| panic!("no column {header} in {:?}", grid.headers))
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn a_gbk_csv_from_chinese_excel_reads_as_chinese() {
    let grid = import::read_file(&path("roster-gbk.csv")).unwrap();
    assert_eq!(grid.headers[0], "学员姓名");
    assert_eq!(grid.headers.len(), 12);
    assert_eq!(grid.rows.len(), 6);
    assert_eq!(grid.rows[0].number, 2, "the header is row 1");
    assert_eq!(grid.rows[0].cells[0], Cell::Text("张小明".into()));
    let notes = column(&grid, "备注");
    assert_eq!(
        grid.rows[2].cell(notes),
        &Cell::Text("性格内向，需要多鼓励".into())
    );
    let guess = import::guess_from_headers(&grid.headers);
    assert_eq!(guess[0], Some(F::StudentName));
    assert_eq!(guess[column(&grid, "联系电话")], Some(F::Mobile));
    assert_eq!(guess[column(&grid, "剩余课时")], Some(F::Remaining));
    assert_eq!(guess[column(&grid, "有效期至")], Some(F::Expires));
}

#[test]
fn a_utf8_csv_with_a_bom_keeps_its_first_header_clean() {
    let grid = import::read_file(&path("roster-bom.csv")).unwrap();
    assert_eq!(
        grid.headers[0], "Student name",
        "the BOM is not part of the header"
    );
    assert_eq!(grid.rows.len(), 4);
    assert_eq!(grid.rows[2].cells[0], Cell::Text("陈思远".into()));
    assert!(import::guess_from_headers(&grid.headers)
        .iter()
        .all(Option::is_some));
}

#[test]
fn an_xlsx_keeps_date_cells_as_dates_and_the_sheet_row_numbers() {
    let grid = import::read_file(&path("roster-dates.xlsx")).unwrap();
    assert_eq!(
        grid.headers[0], "姓名",
        "the title row above the headers is skipped"
    );
    assert_eq!(
        grid.rows.iter().map(|r| r.number).collect::<Vec<_>>(),
        [4, 5, 6],
        "title in row 1, headers in row 3"
    );
    assert_eq!(grid.rows[0].cell(3), &Cell::Date(day("2017-02-11")));
    assert_eq!(grid.rows[0].cell(8), &Cell::Date(day("2027-08-31")));
    assert_eq!(
        grid.rows[0].cell(2).display(),
        "13600001111",
        "a phone in a number cell"
    );
    assert_eq!(grid.column_letter(8), "I");
}

#[test]
fn ragged_rows_blank_lines_and_multi_line_cells_keep_the_right_row_numbers() {
    let grid = import::read_file(&path("roster-ragged.csv")).unwrap();
    let numbers: Vec<u32> = grid.rows.iter().map(|r| r.number).collect();
    assert_eq!(
        numbers,
        [2, 3, 6, 7],
        "row 2 spans two lines; rows 4 and 5 are empty"
    );
    assert_eq!(grid.rows[0].cell(6), &Cell::Text("第一行\n第二行".into()));
    assert_eq!(
        grid.rows[1].cell(4),
        &Cell::Empty,
        "a short row reads as empty cells"
    );
    assert_eq!(
        grid.headers.len(),
        9,
        "a longer row adds unnamed columns rather than losing cells"
    );
    assert_eq!(grid.headers[8], "");
    assert_eq!(grid.rows[2].cell(8), &Cell::Text("cells".into()));
}

#[test]
fn the_5000_row_file_reads_whole() {
    let grid = import::read_file(&path("roster-5000.csv")).unwrap();
    assert_eq!(grid.rows.len(), 5000);
    assert_eq!(grid.rows.last().unwrap().number, 5001);
}

#[test]
fn unusable_files_are_refused_with_the_reason() {
    for (name, problem) in [
        ("empty.csv", FileProblem::Empty),
        ("headers-only.csv", FileProblem::HeadersOnly),
        ("photo-renamed.csv", FileProblem::NotASpreadsheet),
    ] {
        assert_eq!(
            import::read_file(&path(name)).unwrap_err(),
            problem,
            "{name}"
        );
    }
    assert_eq!(
        import::read_file(&path("no-such-file.csv")).unwrap_err(),
        FileProblem::Unreadable
    );
    assert_eq!(
        import::read_bytes("\n \n,,,\n".as_bytes()).unwrap_err(),
        FileProblem::Empty
    );
}

#[test]
fn a_50_mb_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("huge.csv");
    // A sparse file: 50 MB long, nothing written. Reading it whole would take the memory.
    let file = std::fs::File::create(&big).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap();
    assert_eq!(import::read_file(&big).unwrap_err(), FileProblem::TooLarge);
}

#[test]
fn gb18030_utf16_and_semicolons_are_read_too() {
    let (gb, _, _) = encoding_rs::GB18030.encode("学员姓名;联系电话\n䶮小宝;13800138000\n");
    let grid = import::read_bytes(&gb).unwrap();
    assert_eq!(grid.headers, ["学员姓名", "联系电话"]);
    assert_eq!(grid.rows[0].cells[0], Cell::Text("䶮小宝".into()));

    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "姓名\t手机\r\n李雷\t13800000001\r\n".encode_utf16() {
        utf16.extend(unit.to_le_bytes());
    }
    let grid = import::read_bytes(&utf16).unwrap();
    assert_eq!(grid.headers, ["姓名", "手机"], "Excel's \"Unicode text\"");
}
