//! Importing rosters: what a preview counts, families merged by phone (and joined to families
//! Encore has), the mapping remembered, 5,000 rows with progress, and statements that show
//! the old system's purchased and remaining hours.

mod common;
mod import_support;

use common::*;
use encore_core::import::{self, CommitOptions, ImportCounts, ImportField as F};
use encore_core::ledger::EntryKind;
use encore_core::{family, statement, student};
use import_support::*;

#[test]
fn a_gbk_roster_previews_its_counts_and_imports_them() {
    let db = db();
    let admin = add_teacher(&db, "陈宇");
    let g = grid("roster-gbk.csv");
    let expected = ImportCounts {
        rows: 6,
        problem_rows: 0,
        families: 4,
        joined_families: 0,
        students: 6,
        packages: 5,
        notes: 3,
        new_courses: 3,
    };
    let p = preview(&db, &g);
    assert_eq!(p.counts, expected);
    assert_eq!(count(&db, "family"), 0, "a preview writes nothing");
    assert_eq!(p.rows[0].family.as_deref(), Some("张小明家"));
    assert_eq!(
        p.rows[1].family.as_deref(),
        Some("张小明家"),
        "same phone, written differently"
    );
    assert_eq!(p.rows[5].family.as_deref(), Some("王一诺家"));

    let report = commit(&db, &g, false, admin).unwrap();
    assert_eq!(report.counts, expected);
    assert_eq!(report.skipped_rows, 0);
    let list = families(&db);
    let names: Vec<&str> = list.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(names.len(), 4);
    let wang = list.iter().find(|f| f.name == "王一诺家").unwrap();
    assert_eq!(wang.student_names, ["王一凡", "王一诺"]);
    assert_eq!(wang.guardian_names, ["王强"]);
    let detail = db.with_conn(|c| family::detail(c, wang.id)).unwrap();
    assert_eq!(
        detail.guardians[0].info.mobile.as_deref(),
        Some("13912345678")
    );
    assert_eq!(detail.notes.len(), 1);
    assert_eq!(detail.notes[0].body, "性格内向，需要多鼓励");
    assert_eq!(detail.notes[0].author_name, "陈宇");
    assert_eq!(count(&db, "course"), 3);
}

#[test]
fn statements_show_purchased_and_remaining_as_the_old_system_had_them() {
    let db = db();
    let admin = add_teacher(&db, "陈宇");
    commit(&db, &grid("roster-gbk.csv"), false, admin).unwrap();
    let id: i64 = db
        .with_conn(|c| {
            Ok(
                c.query_row("SELECT id FROM student WHERE name = '张小明'", [], |r| {
                    r.get(0)
                })?,
            )
        })
        .unwrap();
    let s = db
        .with_conn(|c| statement::statement(c, id, local_now().date_naive()))
        .unwrap();
    let piano = &s.accounts[0];
    assert_eq!(piano.course_name, "钢琴");
    assert_eq!(
        (piano.packages[0].purchased, piano.packages[0].remaining),
        (48.0, 20.0)
    );
    assert_eq!(piano.balance, 20.0);
    let lines: Vec<_> = piano.lines.iter().map(|l| (l.kind, l.hours)).collect();
    assert_eq!(
        lines,
        [(EntryKind::Purchase, 48.0), (EntryKind::Correction, -28.0)]
    );
    assert_eq!(piano.lines[1].reason.as_deref(), Some("used before import"));
    assert_eq!(
        piano.lines[0].date.to_string(),
        "2026-03-01",
        "bought when enrolled"
    );
    assert_eq!(piano.packages[0].valid_until.to_string(), "2027-02-28");

    let child = db.with_conn(|c| student::get(c, id)).unwrap();
    assert_eq!(child.info.birth_date.unwrap().to_string(), "2016-03-14");
    assert_eq!(child.info.enrolled_on.unwrap().to_string(), "2026-03-01");
}

#[test]
fn an_english_bom_roster_names_families_in_english() {
    let db = db();
    let admin = add_teacher(&db, "Ms Lee");
    let report = commit(&db, &grid("roster-bom.csv"), false, admin).unwrap();
    assert_eq!(
        (
            report.counts.families,
            report.counts.students,
            report.counts.packages,
            report.counts.notes
        ),
        (3, 4, 4, 1)
    );
    let names: Vec<String> = families(&db).into_iter().map(|f| f.name).collect();
    assert!(
        names.contains(&"Emma Smith's family".to_string()),
        "{names:?}"
    );
    assert!(names.contains(&"陈思远家".to_string()), "{names:?}");
    let smith = families(&db)
        .into_iter()
        .find(|f| f.name.starts_with("Emma"))
        .unwrap();
    assert_eq!(
        smith.student_names.len(),
        2,
        "+1 phones written two ways are one family"
    );
}

#[test]
fn an_xlsx_with_date_cells_imports_its_dates() {
    let db = db();
    let admin = add_teacher(&db, "陈宇");
    let g = grid("roster-dates.xlsx");
    let p = preview(&db, &g);
    assert_eq!(p.counts.problem_rows, 0, "{:?}", p.rows);
    assert_eq!(
        (p.counts.families, p.counts.students, p.counts.packages),
        (2, 3, 3)
    );
    commit(&db, &g, false, admin).unwrap();
    let (born, until): (String, String) = db
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT s.birth_date, p.valid_until FROM student s JOIN package p ON p.student_id = s.id
                  WHERE s.name = '孙悦'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .unwrap();
    assert_eq!(
        (born.as_str(), until.as_str()),
        ("2017-02-11", "2027-08-31")
    );
}

#[test]
fn a_new_child_with_a_known_phone_joins_that_family() {
    let db = db();
    let admin = add_teacher(&db, "陈宇");
    let zhang = add_family(&db, &zhang_family());
    let csv = "学员姓名,家长姓名,联系电话\n张小华,李芳,138 0013 8000\n";
    let g = import::read_bytes(csv.as_bytes()).unwrap();
    let p = preview(&db, &g);
    assert_eq!((p.counts.families, p.counts.joined_families), (0, 1));
    assert_eq!(p.rows[0].family.as_deref(), Some("张家"));
    assert!(p.rows[0].joins_existing);
    commit(&db, &g, false, admin).unwrap();
    let detail = db.with_conn(|c| family::detail(c, zhang)).unwrap();
    assert_eq!(detail.students.len(), 3);
    assert_eq!(detail.guardians.len(), 2, "no second 李芳");
}

#[test]
fn the_mapping_is_remembered_for_the_same_headers() {
    let db = db();
    let admin = add_teacher(&db, "陈宇");
    let csv = "学号,姓名,电话号码,家长\n1,张小明,13800138000,李芳\n";
    let g = import::read_bytes(csv.as_bytes()).unwrap();
    let first = db.with_conn(|c| import::guess(c, &g.headers)).unwrap();
    assert!(!first.remembered);
    assert_eq!(
        first.mapping,
        [
            None,
            Some(F::StudentName),
            Some(F::Mobile),
            Some(F::GuardianName)
        ]
    );
    // The school says the second column is the guardian's and the fourth the child's.
    let mapping = vec![
        None,
        Some(F::GuardianName),
        Some(F::Mobile),
        Some(F::StudentName),
    ];
    let options = CommitOptions {
        skip_invalid: false,
        staff_id: Some(admin),
    };
    db.with_tx_as(|tx| import::commit(tx, &g, &mapping, options, local_now(), &mut |_| {}))
        .unwrap();
    assert_eq!(families(&db)[0].name, "李芳家");
    let next = db.with_conn(|c| import::guess(c, &g.headers)).unwrap();
    assert!(next.remembered);
    assert_eq!(next.mapping, mapping);
}

#[test]
fn five_thousand_rows_import_in_one_transaction_with_progress() {
    let db = db();
    let admin = add_teacher(&db, "陈宇");
    let g = grid("roster-5000.csv");
    let mapping = guessed(&db, &g);
    let options = CommitOptions {
        skip_invalid: false,
        staff_id: Some(admin),
    };
    let mut reports = Vec::new();
    let started = std::time::Instant::now();
    let report = db
        .with_tx_as(|tx| {
            import::commit(tx, &g, &mapping, options, local_now(), &mut |p| {
                reports.push(p)
            })
        })
        .unwrap();
    eprintln!("5,000 rows imported in {:?}", started.elapsed());
    assert_eq!(
        (
            report.counts.families,
            report.counts.students,
            report.counts.packages
        ),
        (2500, 5000, 5000)
    );
    assert_eq!(count(&db, "student"), 5000);
    assert!(
        reports.len() >= 50 && reports.len() <= 101,
        "{}",
        reports.len()
    );
    assert!(reports.windows(2).all(|w| w[0].done < w[1].done));
    assert_eq!(
        reports.last().map(|p| (p.done, p.total)),
        Some((5000, 5000))
    );
}

#[test]
fn one_child_on_two_rows_for_two_courses_is_one_student_with_two_packages() {
    let db = db();
    let admin = add_teacher(&db, "陈宇");
    let csv = "姓名,手机,课程,课时,剩余课时\n\
               张小明,13800138000,钢琴,20,5\n\
               张小明,138 0013 8000,舞蹈,10,10\n";
    let g = import::read_bytes(csv.as_bytes()).unwrap();
    let report = commit(&db, &g, false, admin).unwrap();
    assert_eq!(
        (
            report.counts.families,
            report.counts.students,
            report.counts.packages
        ),
        (1, 1, 2)
    );
    let kid = &families(&db)[0];
    assert_eq!(
        kid.guardian_names,
        ["张小明家长"],
        "named after the child when the roster has no guardian"
    );
}
