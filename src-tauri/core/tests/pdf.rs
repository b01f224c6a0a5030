//! PDFs read back the way a user's tools read them: `pdftotext` must give the Chinese names,
//! the school's name and the page footers back as text, and `pdfinfo` the pages and paper.
//! `PDF_OUT=/some/dir` keeps the files for a look (e.g. `pdftoppm -r 60 -png`).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::hours::*;
use common::*;
use encore_core::achievement::{self, AchievementInput, AchievementKind};
use encore_core::attendance::AttendanceStatus::{Excused, Present, Unexcused};
use encore_core::family::{self, NewFamily};
use encore_core::pdf::{self, Paper};
use encore_core::renewal::{self, WorklistFilter, WorklistRow};
use encore_core::script::brief;
use encore_core::settings::{self, Locale};
use encore_core::tagging::MotivationType;
use encore_core::{demo, statement};

fn today() -> chrono::NaiveDate {
    now().date_naive()
}

/// The 张 and 王 children at 星光艺术中心: a term of piano, one prize, a tagged mother.
fn fixture() -> School {
    let s = school(1.0);
    s.db.with_tx(|tx| settings::set_school_name(tx, "星光艺术中心"))
        .unwrap();
    s.sell(0, 10.0, 0.0, "2025-09-01", "2026-06-30");
    s.sell(0, 12.0, 2.5, "2026-09-01", "2027-02-28");
    s.sell(1, 20.0, 0.0, "2026-09-01", "2027-02-28");
    s.sell(2, 4.0, 0.0, "2026-09-01", "2026-12-10");
    let mut day = day("2026-09-05");
    for week in 0..12 {
        let mark = match week {
            4 => Excused,
            10 => Unexcused,
            _ => Present,
        };
        let marks = [(0, mark, false), (1, Present, false), (2, Present, true)];
        s.roll_call(&day.to_string(), &marks).unwrap();
        day = day + chrono::Days::new(7);
    }
    s.db.with_tx(|tx| {
        achievement::add(
            tx,
            &AchievementInput {
                student_id: s.kids[0],
                kind: AchievementKind::Competition,
                title: "市少儿钢琴比赛".into(),
                result: Some("二等奖".into()),
                occurred_on: "2026-10-18".parse().unwrap(),
                description: None,
            },
            now(),
        )
    })
    .unwrap();
    let mother =
        s.db.with_conn(|c| encore_core::student::get(c, s.kids[0]))
            .unwrap()
            .guardians[0]
            .guardian_id;
    tag_guardian(&s.db, mother, MotivationType::Future, s.teacher);
    s
}

/// Writes `bytes` where a person can look at them (`PDF_OUT`) or into a temporary folder.
fn keep(bytes: &[u8], name: &str) -> (Option<tempfile::TempDir>, PathBuf) {
    let (dir, folder) = match std::env::var_os("PDF_OUT") {
        Some(out) => (None, PathBuf::from(out)),
        None => {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().to_path_buf();
            (Some(dir), path)
        }
    };
    std::fs::create_dir_all(&folder).unwrap();
    let path = folder.join(name);
    pdf::write_file(&path, bytes).unwrap();
    (dir, path)
}

fn run(tool: &str, args: &[&str], path: &Path) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(path)
        .args(if tool == "pdftotext" { &["-"][..] } else { &[] })
        .output()
        .unwrap_or_else(|e| panic!("{tool} is part of poppler-utils (scripts/setup): {e}"));
    assert!(out.status.success(), "{tool} failed on {}", path.display());
    String::from_utf8(out.stdout).unwrap()
}

/// The text of a PDF, and what pdfinfo says about it.
fn read_back(bytes: &[u8], name: &str) -> (String, String) {
    let (_dir, path) = keep(bytes, name);
    (
        run("pdftotext", &["-enc", "UTF-8"], &path),
        run("pdfinfo", &[], &path),
    )
}

fn pages(info: &str) -> usize {
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo prints the page count")
}

fn page_size(info: &str) -> String {
    info.lines()
        .find_map(|l| l.strip_prefix("Page size:"))
        .expect("pdfinfo prints the page size")
        .trim()
        .to_string()
}

/// Text without any whitespace: a name wrapped inside its cell still counts as present.
fn squeezed(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn a_statement_reads_back_with_the_names_the_school_and_its_footer() {
    let s = fixture();
    let st =
        s.db.with_conn(|c| statement::statement(c, s.kids[0], today()))
            .unwrap();
    let zh = pdf::statement(&st, Locale::ZhCn, Paper::A4).unwrap();
    let (text, info) = read_back(&zh, "statement-zh.pdf");
    for expected in [
        "星光艺术中心",
        "课时对账单",
        "张小明",
        "张家",
        "李芳",
        "钢琴",
        "陈宇",
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
    assert!(text.contains("第 1 页，共 1 页"), "{text}");
    assert_eq!(pages(&info), 1);

    let en = pdf::statement(&st, Locale::En, Paper::A4).unwrap();
    let (text, _) = read_back(&en, "statement-en.pdf");
    for expected in [
        "Class-hour statement",
        "Bought",
        "Remaining",
        "张小明",
        "Page 1 of 1",
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
}

#[test]
fn briefs_start_each_family_on_its_own_page_in_its_own_language() {
    let s = fixture();
    let family_of = |kid: usize| {
        s.db.with_conn(|c| encore_core::student::get(c, s.kids[kid]))
            .unwrap()
            .family_id
    };
    let (zhang, wang) = (family_of(0), family_of(2));
    let briefs =
        s.db.with_conn(|c| {
            Ok(vec![
                brief::brief(c, zhang, Locale::ZhCn, today())?,
                brief::brief(c, wang, Locale::En, today())?,
            ])
        })
        .unwrap();
    let bytes = pdf::briefs(&briefs, Paper::A4).unwrap();
    let (text, info) = read_back(&bytes, "briefs.pdf");
    for expected in [
        "星光艺术中心",
        "家长面谈简报",
        "张小明",
        "张小红",
        "市少儿钢琴比赛",
        "未来发展型",
        "Parent meeting brief",
        "王一",
    ] {
        assert!(text.contains(expected), "{expected} missing from:\n{text}");
    }
    // pdftotext ends every page with a form feed: the first family's pages come first.
    let page_texts: Vec<&str> = text
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .collect();
    assert_eq!(page_texts.len(), pages(&info));
    assert!(page_texts[0].contains("第 1 页，共"), "{}", page_texts[0]);
    let wang = page_texts
        .iter()
        .position(|p| p.contains("王一"))
        .expect("王一's brief");
    assert!(wang >= 1, "王家 starts on a new page");
    assert!(
        page_texts[wang].contains("Page 1 of"),
        "{}",
        page_texts[wang]
    );
    assert!(!page_texts[wang].contains("张小明"));
    assert!(pdf::briefs(&[], Paper::A4).is_err());
}

/// 520 distinct Chinese names: 26 surnames × 20 given names.
fn many_names() -> Vec<String> {
    let given = [
        "子涵", "欣怡", "梓轩", "浩然", "雨桐", "一诺", "思远", "可馨", "俊熙", "若曦", "宇航",
        "语嫣", "天佑", "诗琪", "明哲", "佳怡", "博文", "静怡", "晨阳", "嘉懿",
    ];
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹"
        .chars()
        .flat_map(|s| given.iter().map(move |g| format!("{s}{g}")))
        .collect()
}

#[test]
fn a_long_renewal_list_paginates_and_every_name_comes_back() {
    let db = db();
    db.with_tx(|tx| demo::generate(tx, demo::DEFAULT_SEED, 300, now()))
        .unwrap();
    db.with_tx(|tx| settings::set_school_name(tx, "星光艺术中心"))
        .unwrap();
    let filter = WorklistFilter::default();
    let (demo_rows, header) = db
        .with_conn(|c| {
            Ok((
                renewal::worklist(c, &filter, today())?,
                pdf::renewal_header(c, &filter, Locale::ZhCn, today())?,
            ))
        })
        .unwrap();
    assert!(!demo_rows.is_empty());
    // The demo's rows again and again under new names: a school of thousands, generated in
    // a fraction of the time.
    let rows: Vec<_> = many_names()
        .into_iter()
        .zip(demo_rows.iter().cycle())
        .map(|(name, row)| WorklistRow {
            student_name: name,
            ..row.clone()
        })
        .collect();
    assert!(rows.len() >= 500);
    let bytes = pdf::renewal_list(&rows, &header, Locale::ZhCn, Paper::A4).unwrap();
    let (text, info) = read_back(&bytes, "renewals.pdf");
    let n = pages(&info);
    assert!(n > 1, "{n} page(s) for {} rows", rows.len());
    assert!(text.contains(&format!("第 1 页，共 {n} 页")), "footer");
    assert!(text.contains(&format!("第 {n} 页，共 {n} 页")), "footer");
    assert!(text.contains("星光艺术中心") && text.contains("续费工作台"));
    assert!(text.contains("筛选：未完成"), "the filters head the list");
    // The column titles are repeated on every page.
    assert_eq!(text.matches("剩余课时").count(), n);
    let all = squeezed(&text);
    for r in &rows {
        assert!(
            all.contains(&squeezed(&r.student_name)),
            "{} is missing",
            r.student_name
        );
    }
}

#[test]
fn letter_and_a4_are_different_sizes() {
    let s = fixture();
    let st =
        s.db.with_conn(|c| statement::statement(c, s.kids[0], today()))
            .unwrap();
    let (_, a4) = read_back(
        &pdf::statement(&st, Locale::En, Paper::A4).unwrap(),
        "a4.pdf",
    );
    let (_, letter) = read_back(
        &pdf::statement(&st, Locale::En, Paper::Letter).unwrap(),
        "letter.pdf",
    );
    assert!(page_size(&a4).starts_with("595.2"), "{a4}");
    assert!(page_size(&letter).starts_with("612 x 792"), "{letter}");
}

#[test]
fn a_name_outside_the_bundled_subset_is_still_extractable() {
    let s = fixture();
    let id = add_family(
        &s.db,
        &NewFamily {
            name: "王家".into(),
            students: vec![child("王堃喆")],
            ..zhang_family()
        },
    );
    let kid = s.db.with_conn(|c| family::detail(c, id)).unwrap().students[0].id;
    let st =
        s.db.with_conn(|c| statement::statement(c, kid, today()))
            .unwrap();
    let (text, _) = read_back(
        &pdf::statement(&st, Locale::ZhCn, Paper::A4).unwrap(),
        "rare.pdf",
    );
    assert!(text.contains("王堃喆"), "{text}");
    assert!(text.contains("暂无课时记录"), "{text}");
}
