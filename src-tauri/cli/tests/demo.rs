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
