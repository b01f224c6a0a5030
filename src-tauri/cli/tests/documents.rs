//! `brief` and `statement` write PDFs whose text (read back with pdftotext) names the family
//! or student asked for; names that fit several records are refused with the list.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

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

fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn poppler(tool: &str, pdf: &Path) -> String {
    let mut command = Command::new(tool);
    command.arg(pdf);
    if tool == "pdftotext" {
        command.arg("-");
    }
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("{tool} is part of poppler-utils (scripts/setup): {e}"));
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

/// One row of a query on the demo file (read after the CLI has closed it).
fn query(db: &Path, sql: &str) -> (i64, String) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row(sql, [], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
}

#[test]
fn a_statement_is_written_for_a_student_named_by_id() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let (id, name) = query(
        &db,
        "SELECT s.id, s.name FROM student s
          WHERE EXISTS (SELECT 1 FROM ledger_entry e WHERE e.student_id = s.id)
          ORDER BY s.id LIMIT 1",
    );
    let pdf = dir.path().join("statement.pdf");
    let out = cli()
        .args(["statement", "--student", &id.to_string(), "--lang", "en"])
        .args(["--paper", "letter", "--out"])
        .arg(&pdf)
        .env("ENCORE_DB", &db)
        .output()
        .unwrap();
    ok(&out);
    let text = poppler("pdftotext", &pdf);
    assert!(text.contains("Class-hour statement"), "{text}");
    assert!(text.contains(&name), "{name} missing from {text}");
    assert!(text.contains("Page 1 of"), "{text}");
    assert!(poppler("pdfinfo", &pdf).contains("612 x 792"));
}

#[test]
fn a_brief_is_written_for_a_family_named_by_a_guardian() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let (family, guardian) = query(
        &db,
        "SELECT min(family_id), name FROM guardian GROUP BY name HAVING count(*) = 1
          ORDER BY name LIMIT 1",
    );
    let (_, family_name) = query(
        &db,
        &format!("SELECT id, name FROM family WHERE id = {family}"),
    );
    let pdf = dir.path().join("brief.pdf");
    let out = cli()
        .args(["brief", "--family", &guardian, "--lang", "zh-CN", "--out"])
        .arg(&pdf)
        .env("ENCORE_DB", &db)
        .output()
        .unwrap();
    ok(&out);
    let text = poppler("pdftotext", &pdf);
    assert!(text.contains("家长面谈简报"), "{text}");
    assert!(
        text.contains(&family_name),
        "{family_name} missing from {text}"
    );
    assert!(text.contains(&guardian), "{guardian} missing from {text}");
    assert!(text.contains("第 1 页，共"), "{text}");

    // The family's own ID names the same family.
    let by_id = dir.path().join("by-id.pdf");
    let out = cli()
        .args(["brief", "--family", &family.to_string(), "--out"])
        .arg(&by_id)
        .env("ENCORE_DB", &db)
        .output()
        .unwrap();
    ok(&out);
    assert!(poppler("pdftotext", &by_id).contains(&family_name));
}

#[test]
fn a_name_shared_by_several_families_is_refused_with_their_ids() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo_db(dir.path());
    let pdf = dir.path().join("brief.pdf");
    // The demo has several 单 families (单梓涵家, 单雨桐家…).
    let out = cli()
        .args(["brief", "--family", "单", "--out"])
        .arg(&pdf)
        .env("ENCORE_DB", &db)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("families match") && err.contains("ID"),
        "{err}"
    );
    assert!(!pdf.exists(), "nothing is written");

    let out = cli()
        .args(["statement", "--student", "nobody-at-all", "--out"])
        .arg(&pdf)
        .env("ENCORE_DB", &db)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!pdf.exists());
}
