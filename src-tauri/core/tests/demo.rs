//! The demo school generator.

mod common;

use std::collections::HashSet;

use chrono::{Duration, NaiveDate};
use common::*;
use encore_core::course::CourseFormat;
use encore_core::error::ConflictCode;
use encore_core::ledger::{self, EntryKind};
use encore_core::statement::{self, WarningKind};
use encore_core::student::{self, StudentStatus};
use encore_core::{class, course, demo, family, search, Db, Error};

#[test]
fn the_demo_school_is_bilingual_with_siblings_and_notes() {
    let db = db();
    let summary = db.with_tx(|tx| demo::load(tx, now())).unwrap();
    assert!((30..=40).contains(&summary.families));
    assert_eq!(count(&db, "family"), summary.families as i64);
    let written = |sql: &str| -> i64 {
        db.with_conn(|c| Ok(c.query_row(sql, [], |r| r.get(0))?))
            .unwrap()
    };
    assert_eq!(
        written("SELECT count(*) FROM note WHERE automatic = 0"),
        summary.notes as i64
    );
    assert!(
        written("SELECT count(*) FROM note WHERE automatic = 1") > 0,
        "renewals and renewal talks are on the timelines"
    );

    let families = db
        .with_conn(|c| family::list(c, false, &Default::default()))
        .unwrap();
    assert!(
        families.iter().any(|f| f.student_names.len() >= 2),
        "some families have siblings"
    );
    assert!(
        families.iter().any(|f| f.name.ends_with('家')),
        "Chinese families"
    );
    assert!(
        families.iter().any(|f| f.name.ends_with("'s family")),
        "English-speaking families"
    );
    for f in &families {
        let mut kids = f.student_names.clone();
        kids.sort();
        kids.dedup();
        assert_eq!(
            kids.len(),
            f.student_names.len(),
            "siblings differ in {}",
            f.name
        );
    }
    let hits = db.with_conn(|c| search::search(c, "zxm", 5)).unwrap();
    assert_eq!(
        hits[0].title, "张小明",
        "the demo answers the example query"
    );
}

#[test]
fn the_same_seed_gives_the_same_school() {
    let names = || {
        let db = db();
        db.with_tx(|tx| demo::generate(tx, 7, 12, now())).unwrap();
        db.with_conn(|c| family::list(c, true, &Default::default()))
            .unwrap()
            .into_iter()
            .map(|f| (f.name, f.student_names))
            .collect::<Vec<_>>()
    };
    assert_eq!(names(), names());
}

#[test]
fn the_demo_is_never_loaded_over_real_data() {
    let db = db();
    add_family(&db, &zhang_family());
    let refused = db.with_tx(|tx| demo::load(tx, now()));
    assert!(matches!(
        refused,
        Err(Error::Conflict {
            code: ConflictCode::SchoolNotEmpty
        })
    ));
    assert_eq!(count(&db, "family"), 1);
}

fn demo_school() -> (Db, demo::DemoSummary) {
    let db = db();
    let summary = db.with_tx(|tx| demo::load(tx, now())).unwrap();
    (db, summary)
}

#[test]
fn the_demo_school_has_courses_and_classes_for_every_active_student() {
    let (db, summary) = demo_school();
    let courses = db.with_conn(|c| course::list(c, false)).unwrap();
    assert_eq!(courses.len(), summary.courses);
    assert!(courses.iter().any(|c| c.format == CourseFormat::Private));
    assert!(courses
        .iter()
        .any(|c| c.format == CourseFormat::Group && c.lesson_hours == 1.5));

    let classes = db.with_conn(|c| class::list(c, false)).unwrap();
    assert_eq!(classes.len(), summary.classes);
    let format = |id| courses.iter().find(|c| c.id == id).unwrap().format;
    for class in &classes {
        match format(class.course_id) {
            CourseFormat::Private => assert_eq!(class.students.len(), 1, "{}", class.name),
            CourseFormat::Group => assert!(
                (2..=12).contains(&class.students.len()),
                "{} has {} students",
                class.name,
                class.students.len()
            ),
        }
    }
    assert!(classes
        .iter()
        .any(|c| format(c.course_id) == CourseFormat::Private));
    let teachers: HashSet<&str> = classes.iter().map(|c| c.teacher_name.as_str()).collect();
    assert_eq!(teachers, HashSet::from(["陈宇", "Sarah Miller", "赵敏"]));

    let in_class: HashSet<i64> = classes
        .iter()
        .flat_map(|c| c.students.iter().map(|s| s.id))
        .collect();
    let students = db
        .with_conn(|c| student::list(c, false, &Default::default()))
        .unwrap();
    for s in students
        .iter()
        .filter(|s| s.status == StudentStatus::Active)
    {
        assert!(in_class.contains(&s.id), "{} is in a class", s.name);
    }
}

/// (first, last) day of the entries of one kind.
fn span(db: &Db, kind: &str) -> (NaiveDate, NaiveDate) {
    db.with_conn(|c| {
        Ok(c.query_row(
            "SELECT min(occurred_on), max(occurred_on) FROM ledger_entry WHERE kind = ?1",
            [kind],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    })
    .unwrap()
}

#[test]
fn the_demo_school_has_packages_and_months_of_lessons_up_to_yesterday() {
    let (db, summary) = demo_school();
    let today = now().date_naive();
    assert_eq!(count(&db, "package"), summary.packages as i64);
    assert_eq!(count(&db, "lesson_session"), summary.sessions as i64);
    let (first, last) = span(&db, "lesson");
    assert!(
        last - first >= Duration::days(90),
        "lessons from {first} to {last}"
    );
    assert!(last < today, "no roll call today or later");
    let (bought_first, bought_last) = span(&db, "purchase");
    assert!(today - bought_first <= Duration::days(245) && bought_last <= today);

    // Packages are bought on or after enrollment and last 3 to 12 months.
    let packages: Vec<(NaiveDate, NaiveDate, NaiveDate, String)> = db
        .with_conn(|c| {
            let mut stmt = c.prepare(
                "SELECT s.enrolled_on, p.purchased_on, p.valid_until, p.currency
                   FROM package p JOIN student s ON s.id = p.student_id
                  WHERE p.transferred_from IS NULL",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
        .unwrap();
    for (enrolled, bought, until, _) in &packages {
        assert!(enrolled <= bought, "bought {bought}, enrolled {enrolled}");
        assert!((89..=366).contains(&(*until - *bought).num_days()));
    }
    let currencies: HashSet<&str> = packages.iter().map(|p| p.3.as_str()).collect();
    assert_eq!(currencies, HashSet::from(["CNY", "USD"]));

    // Roll call saw every kind of attendance.
    let statuses = db
        .with_conn(|c| {
            Ok(
                c.query_row("SELECT count(DISTINCT status) FROM attendance", [], |r| {
                    r.get::<_, i64>(0)
                })?,
            )
        })
        .unwrap();
    assert_eq!(statuses, 5);
}

#[test]
fn every_demo_account_adds_up_and_the_school_has_warnings() {
    let (db, _) = demo_school();
    let today = now().date_naive();
    let students = db
        .with_conn(|c| student::list(c, true, &Default::default()))
        .unwrap();
    let mut on_credit = HashSet::new();
    let mut accounts = 0;
    for s in &students {
        for a in db.with_conn(|c| ledger::accounts(c, s.id, today)).unwrap() {
            accounts += 1;
            let sum: f64 = a.lines.iter().map(|l| l.hours).sum();
            assert_eq!(a.balance, sum, "{} {}", s.name, a.course_name);
            let remaining: f64 = a.packages.iter().map(|p| p.remaining).sum();
            if a.lines.iter().any(|l| l.uncovered > 0.0) {
                on_credit.insert(s.id);
                assert!(a.balance < 0.0);
            } else {
                assert_eq!(a.balance, remaining, "{} {}", s.name, a.course_name);
            }
            assert!(a.lines.iter().any(|l| l.kind == EntryKind::Purchase));
        }
    }
    assert!(accounts >= 40, "{accounts} accounts");
    assert!(
        (1..=2).contains(&on_credit.len()),
        "one or two students on credit"
    );

    let warnings = db.with_conn(|c| statement::warnings(c, today)).unwrap();
    let kinds: HashSet<WarningKind> = warnings.iter().map(|w| w.kind).collect();
    assert_eq!(
        kinds,
        HashSet::from([
            WarningKind::Negative,
            WarningKind::LowHours,
            WarningKind::Expiring
        ])
    );
    let warned: HashSet<i64> = warnings.iter().map(|w| w.student_id).collect();
    assert!(
        warned.len() <= students.len() / 4,
        "a handful, not everyone: {}",
        warned.len()
    );
}

#[test]
fn the_same_seed_gives_the_same_ledger() {
    let ledger = |seed| {
        let db = db();
        db.with_tx(|tx| demo::generate(tx, seed, 12, now()))
            .unwrap();
        db.with_conn(|c| {
            let mut stmt = c.prepare(
                "SELECT s.name, co.name, e.kind, e.halves, e.occurred_on
                   FROM ledger_entry e JOIN student s ON s.id = e.student_id
                   JOIN course co ON co.id = e.course_id ORDER BY e.id",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get::<_, i64>(3)?,
                    r.get::<_, NaiveDate>(4)?,
                ))
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
        .unwrap()
    };
    let first = ledger(7);
    assert!(first.iter().any(|e| e.2 == "lesson"));
    assert_eq!(first, ledger(7));
    assert_ne!(first, ledger(8));
}

#[test]
fn most_demo_families_show_why_they_enrolled() {
    use encore_core::tag::TagFilter;
    use encore_core::tagging::MotivationType;
    let db = db();
    db.with_tx(|tx| demo::load(tx, now())).unwrap();
    let families = db
        .with_conn(|c| family::list(c, false, &TagFilter::default()))
        .unwrap();
    let tagged = families
        .iter()
        .filter(|f| !f.motivations.is_empty())
        .count();
    assert!(
        tagged * 2 > families.len(),
        "{tagged} of {} families tagged",
        families.len()
    );
    for kind in [
        MotivationType::Future,
        MotivationType::Interest,
        MotivationType::Honors,
    ] {
        let filter = TagFilter {
            motivation: Some(kind),
            tag_id: None,
        };
        let found = db.with_conn(|c| family::list(c, false, &filter)).unwrap();
        assert!(
            !found.is_empty(),
            "the demo has {kind:?} families to filter by"
        );
    }
}
