//! The synthetic school for benchmarks: its shape, the consistency of its ledger, search and
//! the renewal desk on it, and its seed.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Duration, NaiveDate};
use common::*;
use encore_core::error::ConflictCode;
use encore_core::renewal::{self, WorklistFilter};
use encore_core::search::{self, SearchKind};
use encore_core::synthetic::{self, SyntheticSummary, Tier};
use encore_core::{family, ledger, romanize, settings, Db, Error};

fn school(tier: Tier, seed: u64) -> (Db, SyntheticSummary) {
    let db = db();
    let summary = db
        .with_tx(|tx| synthetic::generate(tx, tier, seed, now()))
        .expect("an empty school takes a synthetic one");
    (db, summary)
}

fn number(db: &Db, sql: &str) -> f64 {
    db.with_conn(|c| Ok(c.query_row(sql, [], |r| r.get::<_, f64>(0))?))
        .unwrap()
}

/// Rows per `days`, over the groups `rows` selects that span at least that long: `counted`
/// (an expression of `count(*)`) between the first and last `date` of each group.
fn rate(db: &Db, counted: &str, date: &str, days: f64, rows: &str) -> f64 {
    number(
        db,
        &format!(
            "SELECT sum(n) / sum(span) FROM (
                SELECT {counted} AS n,
                       (julianday(max({date})) - julianday(min({date}))) / {days} AS span {rows})
              WHERE span >= 1"
        ),
    )
}

fn texts(db: &Db, sql: &str) -> BTreeSet<String> {
    db.with_conn(|c| {
        let mut stmt = c.prepare(sql)?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    })
    .unwrap()
}

fn today() -> NaiveDate {
    now().date_naive()
}

#[test]
fn size_tiers_parse_in_any_case() {
    assert_eq!("xl".parse::<Tier>().unwrap(), Tier::Xl);
    assert_eq!(Tier::parse("XXL"), Some(Tier::Xxl));
    assert_eq!(Tier::parse(" m "), Some(Tier::M));
    assert!("medium".parse::<Tier>().is_err());
    assert!(Tier::parse("xs").is_none());
    let sizes: Vec<usize> = Tier::ALL.iter().map(|t| t.students()).collect();
    assert_eq!(sizes, [50, 300, 800, 2_500, 10_000]);
    for &t in Tier::ALL {
        assert_eq!(Tier::parse(&t.name().to_lowercase()), Some(t));
    }
}

/// The ratios the issue states, and every kind of record the app keeps.
fn check_shape(db: &Db, s: &SyntheticSummary, tier: Tier) {
    for (table, n) in [
        ("family", s.families),
        ("student", s.students),
        ("guardian", s.guardians),
        ("class", s.classes),
        ("package", s.packages),
        ("lesson_session", s.sessions),
        ("attendance", s.attendance),
        ("ledger_entry", s.ledger_entries),
        ("note", s.notes),
        ("achievement", s.achievements),
        ("opportunity", s.opportunities),
        ("renewal_cycle", s.renewal_cycles),
    ] {
        assert_eq!(count(db, table), n as i64, "{table}");
    }
    let on_roll = number(db, "SELECT count(*) FROM student WHERE status <> 'lapsed'");
    assert_eq!(
        on_roll as usize,
        tier.students(),
        "students on the roll today"
    );
    assert!(
        s.students > tier.students(),
        "some students left over the years"
    );

    let children = s.students as f64 / s.families as f64;
    assert!(
        (1.4..=1.8).contains(&children),
        "{children} children per family"
    );
    let courses = number(
        db,
        "SELECT count(*) * 1.0 / count(DISTINCT student_id)
           FROM (SELECT DISTINCT student_id, course_id FROM package WHERE transferred_from IS NULL)",
    );
    assert!(
        (1.7..=2.1).contains(&courses),
        "{courses} courses per child"
    );

    // Weekly lessons in 40 weeks a year: a student's own marks per year in the course, over
    // enrolments of a year or more.
    let weekly = rate(
        db,
        "count(*)",
        "ls.starts_at",
        365.25,
        "FROM attendance a JOIN lesson_session ls ON ls.id = a.session_id
           JOIN class c ON c.id = ls.class_id
          WHERE a.status <> 'make_up' GROUP BY a.student_id, c.course_id",
    );
    assert!((36.0..=44.0).contains(&weekly), "{weekly} lessons a year");
    let statuses = texts(db, "SELECT DISTINCT status FROM attendance");
    assert_eq!(statuses.len(), 5, "every roll-call mark: {statuses:?}");
    let present = number(
        db,
        "SELECT avg(status IN ('present', 'late')) FROM attendance",
    );
    assert!(present > 0.8, "mostly present: {present}");

    // Packages of 10 to 60 hours, renewed one to four times a year.
    let sizes = number(
        db,
        "SELECT min(purchased_halves) FROM package WHERE transferred_from IS NULL",
    );
    assert!(sizes >= 20.0);
    let largest = number(db, "SELECT max(purchased_halves) FROM package");
    assert!(largest <= 120.0);
    let per_year = rate(
        db,
        "count(*) - 1",
        "purchased_on",
        365.25,
        "FROM package WHERE transferred_from IS NULL GROUP BY student_id, course_id",
    );
    assert!(
        (1.0..=4.0).contains(&per_year),
        "{per_year} renewals a year"
    );

    // About one note per family per month, besides the ones Encore writes itself.
    let per_month = rate(
        db,
        "count(*)",
        "occurred_at",
        30.44,
        "FROM note WHERE automatic = 0 GROUP BY family_id",
    );
    assert!(
        (0.7..=1.4).contains(&per_month),
        "{per_month} notes a month"
    );

    let motivations = texts(db, "SELECT DISTINCT primary_type FROM guardian_motivation");
    assert_eq!(motivations.len(), 3, "{motivations:?}");
    let cycles = texts(db, "SELECT DISTINCT status FROM renewal_cycle");
    assert_eq!(cycles.len(), 6, "every renewal status: {cycles:?}");
    let kinds = texts(db, "SELECT DISTINCT kind FROM achievement");
    assert_eq!(kinds.len(), 5, "{kinds:?}");
    let upcoming = number(
        db,
        "SELECT count(*) FROM opportunity WHERE happens_on > date('2026-11-22')",
    );
    let past = number(
        db,
        "SELECT count(*) FROM opportunity WHERE happens_on < date('2026-11-22')",
    );
    assert!(upcoming > 0.0 && past > upcoming);
    let consent = number(db, "SELECT count(DISTINCT family_id) FROM consent") / s.families as f64;
    assert!(
        (0.8..1.0).contains(&consent),
        "most families consented: {consent}"
    );
    assert!(count(db, "tag_link") > 0);

    let families = db
        .with_conn(|c| family::list(c, true, &Default::default()))
        .unwrap();
    assert!(families.iter().any(|f| f.name.ends_with('家')));
    assert!(families.iter().any(|f| f.name.ends_with("'s family")));
    let school_name = db.with_conn(settings::school_name).unwrap();
    assert!(school_name.is_some_and(|n| n.ends_with(tier.name())));
}

/// Kept balances agree with a replay of every account, and no lesson is uncovered unless
/// staff allowed it, as roll call demands.
fn check_ledger(db: &Db) {
    let today = today();
    db.with_conn(|c| {
        let mut by_course: BTreeMap<i64, Vec<i64>> = BTreeMap::new();
        let mut stmt = c.prepare("SELECT course_id, student_id FROM account_state")?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))? {
            let (course, student) = row?;
            by_course.entry(course).or_default().push(student);
        }
        let accounts: usize = by_course.values().map(Vec::len).sum();
        assert_eq!(accounts, ledger::all_accounts(c, today)?.len());
        for (course, students) in &by_course {
            for kept in ledger::balances_in_course(c, *course, students, today)? {
                let replayed = ledger::account(c, kept.student_id, *course, today)?;
                assert_eq!(
                    kept.hours, replayed.balance,
                    "student {} course {course}",
                    kept.student_id
                );
                for line in replayed.lines.iter().filter(|l| l.uncovered > 0.0) {
                    let allowed: bool = c.query_row(
                        "SELECT a.allow_negative FROM ledger_entry e
                           JOIN attendance a ON a.session_id = e.session_id AND a.student_id = e.student_id
                          WHERE e.id = ?1",
                        [line.entry_id],
                        |r| r.get(0),
                    )?;
                    assert!(allowed, "an uncovered lesson needs staff's yes: {line:?}");
                }
            }
        }
        Ok(())
    })
    .unwrap();
}

#[test]
fn a_small_school_has_the_stated_shape_and_a_consistent_ledger() {
    let (db, s) = school(Tier::S, 7);
    check_shape(&db, &s, Tier::S);
    check_ledger(&db);
}

#[test]
fn a_medium_school_has_the_stated_shape_and_a_consistent_ledger() {
    let (db, s) = school(Tier::M, 2026);
    check_shape(&db, &s, Tier::M);
    check_ledger(&db);
    let on_credit = number(
        &db,
        "SELECT count(*) FROM account_state WHERE debt_halves > 0",
    );
    assert!(on_credit > 0.0, "some families have not renewed yet");
}

#[test]
fn search_finds_a_generated_child_by_initials_and_a_guardian_by_phone() {
    let (db, _) = school(Tier::S, 7);
    db.with_conn(|c| {
        let (student, name, family_id): (i64, String, i64) = c.query_row(
            "SELECT id, name, family_id FROM student
              WHERE archived_at IS NULL AND name NOT LIKE '% %' ORDER BY id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        let syllables = romanize::syllables(&name);
        let initials: String = syllables.iter().filter_map(|s| s.chars().next()).collect();
        for query in [initials, syllables.concat(), name.clone()] {
            let hits = search::search(c, &query, 400)?;
            assert!(
                hits.iter()
                    .any(|h| h.kind == SearchKind::Student && h.id == student),
                "{query} finds {name}"
            );
        }
        let (guardian, mobile): (i64, String) = c.query_row(
            "SELECT g.id, g.mobile FROM guardian g JOIN student_guardian sg ON sg.guardian_id = g.id
              WHERE sg.student_id = ?1 ORDER BY g.id LIMIT 1",
            [student],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        // Typed the way people read a number out: 138 0013 8000.
        let typed = format!("{} {} {}", &mobile[..3], &mobile[3..7], &mobile[7..]);
        let hits = search::search(c, &typed, 50)?;
        assert!(
            hits.iter().any(|h| h.kind == SearchKind::Guardian
                && h.id == guardian
                && h.family_id == family_id),
            "{typed} finds the parent of {name}"
        );
        Ok(())
    })
    .unwrap();
}

#[test]
fn the_renewal_desk_has_work_today() {
    let (db, _) = school(Tier::M, 2026);
    let rows = db
        .with_conn(|c| renewal::worklist(c, &WorklistFilter::default(), today()))
        .unwrap();
    assert!(!rows.is_empty());
    // Accounts in a class today, and those of them low on hours or ending soon.
    let current: BTreeSet<(i64, i64)> = db
        .with_conn(|c| {
            let mut stmt = c.prepare(
                "SELECT DISTINCT cs.student_id, cl.course_id FROM class_student cs
                   JOIN class cl ON cl.id = cs.class_id
                   JOIN student s ON s.id = cs.student_id AND s.status = 'active'",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
        .unwrap();
    let soon = today() + Duration::days(30);
    let due = rows
        .iter()
        .filter(|r| current.contains(&(r.student_id, r.course_id)))
        .filter(|r| r.hours_left <= 4.0 || r.expires_on.is_some_and(|d| d <= soon))
        .count();
    let share = due as f64 / current.len() as f64;
    assert!(
        (0.08..=0.25).contains(&share),
        "{due} of {} active accounts due",
        current.len()
    );
    assert!(
        rows.iter().any(|r| r.hours_left <= 0.0),
        "some ran out or expired"
    );
    let renewed_lately = number(
        &db,
        "SELECT count(*) FROM renewal_cycle WHERE status = 'renewed' AND closed_on >= date('2026-10-22')",
    );
    assert!(renewed_lately > 0.0);
}

#[test]
fn the_same_seed_gives_the_same_school() {
    let fingerprint = |seed: u64| {
        let (db, s) = school(Tier::S, seed);
        let names = texts(&db, "SELECT name FROM student ORDER BY id");
        let ledger = number(&db, "SELECT sum(halves * id) FROM ledger_entry");
        let notes = texts(&db, "SELECT body FROM note");
        (s, names, ledger, notes)
    };
    let first = fingerprint(11);
    assert_eq!(first, fingerprint(11));
    let other = fingerprint(12);
    assert_ne!(first.1, other.1, "another seed, other names");
}

#[test]
fn a_school_with_families_is_refused() {
    let db = db();
    add_family(&db, &zhang_family());
    let refused = db.with_tx(|tx| synthetic::generate(tx, Tier::S, 1, now()));
    assert!(matches!(
        refused,
        Err(Error::Conflict {
            code: ConflictCode::SchoolNotEmpty
        })
    ));
    assert_eq!(count(&db, "family"), 1);
    assert_eq!(count(&db, "staff"), 0);
    assert_eq!(db.with_conn(settings::school_name).unwrap(), None);
}
