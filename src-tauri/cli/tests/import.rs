//! `encore-cli import` against a temporary database: counts, row errors with their row and
//! column, exit 1 and nothing written while any row has a problem, --skip-invalid, --dry-run.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use chrono::Datelike;

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_encore-cli"))
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name)
}

/// Three children of two families (one phone written two ways) and, when `bad`, a fourth row
/// with a phone that is too short in column C. Packages end in two years, whenever this runs.
fn roster(dir: &Path, bad: bool) -> PathBuf {
    let ends = format!("{}-06-30", chrono::Local::now().year() + 2);
    let mut csv = format!(
        "学员姓名,家长姓名,联系电话,课程名称,购买课时,剩余课时,有效期至,备注\n\
         张小明,李芳,138 0013 8000,钢琴,48,20,{ends},想参加比赛\n\
         张小红,李芳,138-0013-8000,舞蹈,24,24,{ends},\n\
         王一诺,王强,+86 139 1234 5678,美术,30,6.5,{ends},\n"
    );
    if bad {
        csv.push_str(&format!("刘洋,陈静,12345,钢琴,20,10,{ends},\n"));
    }
    let path = dir.join(if bad { "bad.csv" } else { "good.csv" });
    std::fs::write(&path, csv).unwrap();
    path
}

fn import(db: &Path, file: &Path, flags: &[&str]) -> Output {
    cli()
        .arg("import")
        .arg(file)
        .args(flags)
        .env("ENCORE_DB", db)
        .output()
        .unwrap()
}

fn students(db: &Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT count(*) FROM student", [], |r| r.get(0))
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_dry_run_prints_the_counts_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("school.db");
    let out = import(&db, &roster(dir.path(), false), &["--dry-run"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.contains("would import: 2 families, 3 students, 3 packages, 1 note"),
        "{text}"
    );
    assert!(
        text.contains("C 联系电话 → mobile"),
        "the mapping is shown: {text}"
    );
    assert_eq!(students(&db), 0);
}

#[test]
fn an_import_names_the_staff_member_and_writes_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("school.db");
    let file = roster(dir.path(), false);
    let unnamed = import(&db, &file, &[]);
    assert_eq!(unnamed.status.code(), Some(1));
    assert!(stderr(&unnamed).contains("--staff"), "{}", stderr(&unnamed));
    assert_eq!(students(&db), 0);

    let out = import(&db, &file, &["--staff", "陈宇"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("imported: 2 families, 3 students, 3 packages"));
    assert_eq!(students(&db), 3);

    let again = import(&db, &file, &[]);
    assert_eq!(
        again.status.code(),
        Some(1),
        "the same roster twice is refused"
    );
    assert!(stdout(&again).contains("row 2, column A (学员姓名): Encore already has this student"));
    assert_eq!(students(&db), 3);
}

#[test]
fn any_row_problem_means_exit_1_and_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("school.db");
    let file = roster(dir.path(), true);
    for flags in [&["--staff", "陈宇"][..], &["--dry-run"][..]] {
        let out = import(&db, &file, flags);
        assert_eq!(out.status.code(), Some(1), "{flags:?}");
        assert!(
            stdout(&out).contains("row 5, column C (联系电话): not a phone number"),
            "{}",
            stdout(&out)
        );
        assert!(stderr(&out).contains("nothing was imported"));
    }
    assert_eq!(students(&db), 0);
}

#[test]
fn skip_invalid_imports_the_other_rows() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("school.db");
    let out = import(
        &db,
        &roster(dir.path(), true),
        &["--skip-invalid", "--staff", "陈宇"],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("(1 row with problems left out)"),
        "{}",
        stdout(&out)
    );
    assert_eq!(students(&db), 3);
}

#[test]
fn files_that_are_not_rosters_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("school.db");
    for (name, says) in [
        ("photo-renamed.csv", "not a CSV file or an Excel workbook"),
        ("empty.csv", "the file is empty"),
        ("headers-only.csv", "a header row but no rows"),
    ] {
        let out = import(&db, &fixture(name), &["--dry-run"]);
        assert_eq!(out.status.code(), Some(1), "{name}");
        assert!(stderr(&out).contains(says), "{name}: {}", stderr(&out));
    }
}
