//! Fuzzing the roster importer, bounded so it runs with every `cargo test`: random bytes,
//! random CSV-ish text (in UTF-8, with a BOM, or in GBK as Chinese Excel writes it), broken
//! workbooks, and random cells under real headers go through read → guess → preview → commit.
//! Whatever comes in, the importer answers with a grid, a preview or a typed problem; it
//! never panics. `FUZZ_CASES=n` runs more cases.

mod common;

use chrono::{FixedOffset, TimeZone};
use common::*;
use encore_core::import::{self, CommitOptions, Grid};
use encore_core::Db;
use proptest::prelude::*;
use proptest::test_runner::Config;

fn config(default_cases: u32) -> Config {
    let cases = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default_cases);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Everything after reading: guess a mapping, preview, and write what may be written.
fn through(db: &Db, grid: &Grid, staff: i64) {
    let mapping = db
        .with_conn(|c| import::guess(c, &grid.headers))
        .expect("guessing reads only settings")
        .mapping;
    let now = FixedOffset::east_opt(8 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 11, 22, 17, 30, 0)
        .unwrap();
    let _ = db.with_conn(|c| {
        Ok(import::preview(
            c,
            grid,
            &mapping,
            now.date_naive(),
            now.to_utc(),
        ))
    });
    let _ = db.with_tx_as(|tx| {
        import::commit(
            tx,
            grid,
            &mapping,
            CommitOptions {
                skip_invalid: true,
                staff_id: Some(staff),
            },
            now,
            &mut |_| {},
        )
    });
}

fn school() -> (Db, i64) {
    let db = db();
    let staff = add_teacher(&db, "陈宇");
    (db, staff)
}

const HEADERS: &[&str] = &[
    "学员姓名",
    "性别",
    "出生日期",
    "家长姓名",
    "关系",
    "联系电话",
    "微信",
    "邮箱",
    "课程",
    "购买课时",
    "剩余课时",
    "金额",
    "报名日期",
    "有效期至",
    "备注",
    "Student name",
    "Phone",
    "",
    "学员姓名",
];

/// Pieces a roster cell is made of, good and bad.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[\\PC]{0,12}",
        "[张王李小明红一 ]{1,6}",
        "1[3-9][0-9]{9}",
        "\\+?[0-9 ()-]{0,20}",
        "-?[0-9]{1,12}(\\.[0-9]{0,3})?",
        "(19|20|99)[0-9]{2}[-/年.][0-9]{1,2}[-/月.][0-9]{1,3}日?",
        "[0-9]{5}(\\.[0-9]+)?",
        "=[A-Z]+\\(.{0,10}\\)",
        "[\",\\n\\r\\t;]{1,4}",
        Just("妈妈".to_string()),
        Just("NaN".to_string()),
        Just("1e308".to_string()),
        Just("\u{feff}".to_string()),
    ]
}

fn csv_text() -> impl Strategy<Value = String> {
    let row = prop::collection::vec(cell(), 0..8);
    (
        prop::collection::vec(row, 0..12),
        prop::sample::select(vec![",", "\t", ";"]),
        any::<bool>(),
    )
        .prop_map(|(rows, sep, quote)| {
            rows.iter()
                .map(|r| {
                    r.iter()
                        .map(|c| {
                            if quote {
                                format!("\"{}\"", c.replace('"', "\"\""))
                            } else {
                                c.clone()
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(sep)
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn random_bytes_are_read_or_refused_never_a_panic(
        head in prop::sample::select(vec![&b""[..], b"PK\x03\x04", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", b"\xEF\xBB\xBF", b"\xFF\xFE"]),
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
    ) {
        let (db, staff) = school();
        let mut input = head.to_vec();
        input.extend(bytes);
        if let Ok(grid) = import::read_bytes(&input) {
            through(&db, &grid, staff);
        }
    }
}

proptest! {
    #![proptest_config(config(192))]

    #[test]
    fn csv_ish_text_in_any_encoding_is_read_or_refused_never_a_panic(
        text in csv_text(),
        encoding in 0..3u8,
    ) {
        let (db, staff) = school();
        let bytes = match encoding {
            0 => text.into_bytes(),
            1 => [&b"\xEF\xBB\xBF"[..], text.as_bytes()].concat(),
            _ => encoding_rs::GBK.encode(&text).0.into_owned(),
        };
        if let Ok(grid) = import::read_bytes(&bytes) {
            through(&db, &grid, staff);
        }
    }

    #[test]
    fn random_cells_under_real_headers_preview_and_commit_never_a_panic(
        columns in prop::collection::vec(prop::sample::select(HEADERS.to_vec()), 1..10),
        rows in prop::collection::vec(prop::collection::vec(cell(), 0..12), 0..10),
    ) {
        let (db, staff) = school();
        let quote = |c: &str| format!("\"{}\"", c.replace('"', "\"\"").replace(['\r'], ""));
        let mut text = columns.iter().map(|h| quote(h)).collect::<Vec<_>>().join(",");
        for row in &rows {
            text.push('\n');
            text.push_str(&row.iter().map(|c| quote(c)).collect::<Vec<_>>().join(","));
        }
        if let Ok(grid) = import::read_bytes(text.as_bytes()) {
            through(&db, &grid, staff);
        }
    }
}

/// A workbook as Excel writes it, with text and number cells under the first row's headers.
fn workbook(headers: &[&str], rows: &[Vec<(String, f64, bool)>]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, (text, number, as_number)) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 1, c as u16);
            if *as_number {
                sheet.write_number(r, c, *number).unwrap();
            } else {
                sheet.write_string(r, c, text).unwrap();
            }
        }
    }
    book.save_to_buffer().unwrap()
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn workbooks_whole_or_damaged_are_read_or_refused_never_a_panic(
        columns in prop::collection::vec(prop::sample::select(HEADERS.to_vec()), 1..8),
        rows in prop::collection::vec(
            prop::collection::vec((cell(), prop_oneof![any::<f64>(), 0.0..80000.0f64, -5.0..50.0f64], any::<bool>()), 0..8),
            0..6,
        ),
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..4),
    ) {
        let (db, staff) = school();
        let mut bytes = workbook(&columns, &rows);
        if let Ok(grid) = import::read_bytes(&bytes) {
            through(&db, &grid, staff);
        }
        let len = bytes.len();
        for (at, value) in flips {
            bytes[at.index(len)] = value;
        }
        if let Ok(grid) = import::read_bytes(&bytes) {
            through(&db, &grid, staff);
        }
    }
}
