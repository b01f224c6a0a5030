//! Writes the roster files in `tests/fixtures/` (repository root). They are committed; run
//! this again only to change them:
//! `cargo test -p encore-core --test import_fixtures -- --ignored`.

use std::fmt::Write as _;
use std::path::PathBuf;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn write(name: &str, bytes: &[u8]) {
    std::fs::create_dir_all(fixtures()).unwrap();
    std::fs::write(fixtures().join(name), bytes).unwrap();
}

/// What Chinese Excel saves as "CSV (逗号分隔)": GBK, dates and phones as people type them.
const GBK_ROSTER: &str = "\
学员姓名,性别,出生日期,家长姓名,关系,联系电话,课程名称,购买课时,剩余课时,报名日期,有效期至,备注
张小明,男,2016-03-14,李芳,妈妈,138 0013 8000,钢琴,48,20,2026/3/1,2027年2月28日,家长希望参加明年的钢琴比赛
张小红,女,2018/5/2,李芳,妈妈,138-0013-8000,舞蹈,24,24,2026-09-01,2027-08-31,
王一诺,女,2017年7月9日,王强,爸爸,+86 139 1234 5678,美术,30,6.5,2026-05-10,2027-05-09,性格内向，需要多鼓励
刘洋,男,2015-11-30,陈静,外婆,(0755) 8888-6666,钢琴,20,,2026-10-01,,
赵子涵,女,,赵磊,父亲,13712345678,,,,2026-08-15,,只来试听过一次
王一凡,男,2019-01-20,王强,爸爸,139-1234-5678,舞蹈,12,10,2026-05-10,2027-05-09,
";

/// English headers, UTF-8 with a BOM (what Excel writes for "CSV UTF-8"), +1 and +86 phones.
const BOM_ROSTER: &str = "\u{feff}\
Student name,Guardian,Relationship,Mobile,Birth date,Course,Purchased,Remaining,Enrolled,Expires,Notes
Emma Smith,Olivia Smith,Mother,+1 (415) 555-0100,2016-04-02,Piano,20,12,2026-09-01,2027-08-31,Wants to try the spring recital
Liam Smith,Olivia Smith,Mother,+1 415-555-0100,2018-07-19,Piano,10,10,2026-09-01,2027-08-31,
陈思远,陈伟,Father,+86 186 0000 1111,2014/2/3,Violin,40,32.5,2026/6/1,2027/5/31,
Noah Brown,James Brown,Father,+1 212 555 0199,,Drawing,16,,2026-10-10,,
";

/// Short rows, a long row, a blank line, a row of empty cells, a note spanning two lines,
/// and one bad row (row 7: a short phone in C, hours that are not a number in E).
const RAGGED_ROSTER: &str = "\
学员姓名,家长姓名,联系电话,课程名称,购买课时,剩余课时,备注
李雷,李明,13800000001,钢琴,20,10,\"第一行
第二行\"
韩梅梅,韩涛,13800000002

,,,,,,
林涛,林峰,13800000003,美术,10,10,,extra,cells
吴昊,吴刚,138000,钢琴,abc,5
";

/// One problem per row from row 3 on, each in a known column; row 10 repeats row 2.
const PROBLEM_ROSTER: &str = "\
学员姓名,家长姓名,联系电话,出生日期,课程名称,购买课时,剩余课时,有效期至
张三,张父,13900000001,2016-01-01,钢琴,20,10,2027-06-30
,李母,13900000002,2016-01-01,钢琴,20,10,2027-06-30
王五,王父,12345,2016-01-01,钢琴,20,10,2027-06-30
赵六,赵母,13900000004,2030-01-01,钢琴,20,10,2027-06-30
钱七,钱父,13900000005,2016-13-45,钢琴,20,10,2027-06-30
孙八,孙母,13900000006,2016-01-01,,20,10,2027-06-30
周九,周父,13900000007,2016-01-01,钢琴,10,20,2027-06-30
吴十,吴母,13900000008,2016-01-01,钢琴,20,10,2025-06-30
张三,张父,139-0000-0001,2016-01-01,钢琴,20,10,2027-06-30
郑一,,,2016-01-01,钢琴,20,10,2027-06-30
冯二,冯母,13900000011,2016-01-01,钢琴,20.3,10,2027-06-30
";

const SURNAMES: &[&str] = &["张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴"];
const GIVEN: &[&str] = &[
    "子涵", "一诺", "欣怡", "梓萱", "浩然", "宇轩", "思远", "雨桐", "俊杰", "可馨",
];

/// 2,500 families of two children, each with a package: 5,000 rows.
fn large_roster() -> String {
    let mut out =
        String::from("学员姓名,家长姓名,联系电话,课程名称,购买课时,剩余课时,报名日期,有效期至\n");
    for family in 0..2500 {
        let surname = SURNAMES[family % SURNAMES.len()];
        let phone = format!("1390{:07}", family);
        let parent = ["伟", "芳", "强", "静", "磊"][family % 5];
        for child in 0..2 {
            // Siblings differ (offsets 0 and 3); families differ by phone.
            let name = format!("{surname}{}", GIVEN[(family + child * 3) % GIVEN.len()]);
            let course = ["钢琴", "舞蹈", "美术"][(family + child) % 3];
            let left = (family + child) % 20;
            writeln!(
                out,
                "{name},{surname}{parent},{phone},{course},20,{left},2026-09-01,2027-08-31"
            )
            .unwrap();
        }
    }
    out
}

/// A workbook as a school exports it: a title row, a blank row, then headers; dates as date
/// cells, phones as number cells, and one enrollment date typed as text.
fn workbook() -> Vec<u8> {
    let mut book = Workbook::new();
    let fixed = ExcelDateTime::from_ymd(2026, 11, 1).unwrap();
    book.set_properties(&DocProperties::new().set_creation_datetime(&fixed));
    let sheet = book.add_worksheet();
    sheet.set_name("学员名单").unwrap();
    let date = Format::new().set_num_format("yyyy\"年\"m\"月\"d\"日\"");
    sheet.write_string(0, 0, "2026 秋季学员名单").unwrap();
    let headers = [
        "姓名",
        "联系人",
        "手机",
        "生日",
        "课程",
        "课时",
        "剩余课时",
        "报名时间",
        "到期日",
    ];
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(2, c as u16, *h).unwrap();
    }
    let d = |y, m, day| ExcelDateTime::from_ymd(y, m, day).unwrap();
    let rows = [
        (
            "孙悦",
            "孙丽",
            13600001111.0,
            d(2017, 2, 11),
            "钢琴",
            30.0,
            18.0,
            d(2026, 9, 1),
            d(2027, 8, 31),
        ),
        (
            "孙阳",
            "孙丽",
            13600001111.0,
            d(2019, 6, 6),
            "钢琴",
            30.0,
            30.0,
            d(2026, 9, 1),
            d(2027, 8, 31),
        ),
        (
            "周杰",
            "周涛",
            0.0,
            d(2016, 12, 25),
            "吉他",
            20.0,
            5.0,
            d(2026, 3, 1),
            d(2027, 2, 28),
        ),
    ];
    for (i, (name, guardian, phone, born, course, bought, left, enrolled, ends)) in
        rows.iter().enumerate()
    {
        let r = 3 + i as u32;
        sheet.write_string(r, 0, *name).unwrap();
        sheet.write_string(r, 1, *guardian).unwrap();
        if *phone > 0.0 {
            sheet.write_number(r, 2, *phone).unwrap();
        } else {
            sheet.write_string(r, 2, "135 0000 2222").unwrap();
        }
        sheet.write_date_with_format(r, 3, born, &date).unwrap();
        sheet.write_string(r, 4, *course).unwrap();
        sheet.write_number(r, 5, *bought).unwrap();
        sheet.write_number(r, 6, *left).unwrap();
        if i == 2 {
            sheet.write_string(r, 7, "2026年3月1日").unwrap();
        } else {
            sheet.write_date_with_format(r, 7, enrolled, &date).unwrap();
        }
        sheet.write_date_with_format(r, 8, ends, &date).unwrap();
    }
    book.save_to_buffer().unwrap()
}

#[test]
#[ignore = "writes the committed fixtures; run by hand to change them"]
fn generate_fixtures() {
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(GBK_ROSTER);
    assert!(!unmappable, "every character of the roster exists in GBK");
    write("roster-gbk.csv", &gbk);
    write("roster-bom.csv", BOM_ROSTER.as_bytes());
    write("roster-ragged.csv", RAGGED_ROSTER.as_bytes());
    write("roster-problems.csv", PROBLEM_ROSTER.as_bytes());
    write("roster-5000.csv", large_roster().as_bytes());
    write("roster-dates.xlsx", &workbook());
    write("empty.csv", b"");
    write(
        "headers-only.csv",
        "学员姓名,家长姓名,联系电话\n".as_bytes(),
    );
    // A PNG picture renamed .csv.
    let mut png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec();
    png.extend((0u8..=255).cycle().take(4000).map(|b| b.wrapping_mul(31)));
    write("photo-renamed.csv", &png);
}
