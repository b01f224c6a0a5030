//! The CLI against a temporary database file.

use std::process::Command;

fn cli() -> Command {
    Command::new(env!("CARGO_BIN_EXE_encore-cli"))
}

#[test]
fn demo_fills_an_empty_file_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("school.db");
    let out = cli()
        .args(["demo", "--families", "5", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("5 families"));

    let again = cli().arg("demo").env("ENCORE_DB", &db).output().unwrap();
    assert!(
        !again.status.success(),
        "a school with records is never overwritten"
    );
}

#[test]
fn help_lists_the_demo_command() {
    let out = cli().arg("--help").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("demo"));
}

fn demo_db(dir: &std::path::Path) -> std::path::PathBuf {
    let db = dir.join("school.db");
    let out = cli()
        .args(["demo", "--families", "36", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success());
    db
}

#[test]
fn renewals_print_a_ranked_table_with_reasons_in_the_chosen_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = cli()
        .args(["renewals", "--lang", "zh-CN"])
        .env("ENCORE_DB", &db)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert!(lines.next().unwrap().starts_with("学员"));
    assert!(
        lines.count() >= 3,
        "the demo school has renewals due: {text}"
    );
    assert!(text.contains("课时"), "reasons in Chinese: {text}");
}

#[test]
fn a_script_is_printed_for_a_student_named_by_id_and_ambiguous_names_are_listed() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let out = cli()
        .args(["script", "--student", "1", "--lang", "en"])
        .env("ENCORE_DB", &db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.len() > 300, "{text}");

    // Most demo surnames are shared: a bare surname names several students.
    let out = cli()
        .args(["script", "--student", "张"])
        .env("ENCORE_DB", &db)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("students match") && err.contains("ID"),
        "{err}"
    );

    let out = cli()
        .args(["script", "--student", "nobody-at-all"])
        .env("ENCORE_DB", &db)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_backup_is_a_checked_copy_and_is_refused_while_the_file_is_in_use() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("school.db");
    let out = cli()
        .args(["demo", "--size", "small", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let copy = dir.path().join("copy.db");
    let out = cli()
        .arg("backup")
        .arg("--out")
        .arg(&copy)
        .env("ENCORE_DB", &db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let again = cli()
        .args(["renewals", "--db"])
        .arg(&copy)
        .output()
        .unwrap();
    assert!(again.status.success(), "the copy opens as a school");

    // Another process holding the file (as the app does) makes the backup a user error.
    let holder = encore_core::Db::open(&db, chrono::Utc::now()).unwrap();
    let out = cli()
        .arg("backup")
        .arg("--out")
        .arg(dir.path().join("x.db"))
        .env("ENCORE_DB", &db)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Close Encore"));
    drop(holder);
}
