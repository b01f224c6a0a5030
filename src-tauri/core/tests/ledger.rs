//! The class-hour ledger: balances derived from entries, oldest-valid-first consumption,
//! expiry, policy, corrections, transfers, and roll call that never deducts twice.

mod common;

use common::hours::*;
use common::*;
use encore_core::attendance::AttendanceStatus::{Excused, Late, MakeUp, Present, Unexcused};
use encore_core::error::ValidationCode as Code;
use encore_core::ledger::EntryKind;
use encore_core::package::{self, AdjustmentInput};
use encore_core::settings::{self, ClassHourPolicy};
use encore_core::statement::{self, WarningKind};

fn adjustment(package_id: i64, hours: f64, author: i64, on: &str) -> AdjustmentInput {
    AdjustmentInput {
        package_id,
        hours,
        reason: "录入错误 / typing mistake".into(),
        author_id: author,
        on: day(on),
    }
}

#[test]
fn the_balance_is_the_sum_of_the_ledger() {
    let s = school(1.0);
    s.sell(0, 20.0, 2.0, "2026-09-01", "2027-02-28");
    s.roll_call("2026-09-05", &[(0, Present, false)]).unwrap();
    s.roll_call("2026-09-12", &[(0, Late, false)]).unwrap();
    let a = s.account(0);
    assert_eq!(a.balance, 20.0);
    assert_eq!(a.lines.iter().map(|l| l.hours).sum::<f64>(), a.balance);
    let kinds: Vec<_> = a.lines.iter().map(|l| l.kind).collect();
    assert_eq!(
        kinds,
        [
            EntryKind::Purchase,
            EntryKind::Bonus,
            EntryKind::Lesson,
            EntryKind::Lesson
        ]
    );
    let lesson = &a.lines[2];
    assert_eq!(lesson.class_name.as_deref(), Some("周六钢琴A"));
    assert_eq!(lesson.teacher_name.as_deref(), Some("陈宇"));
    assert_eq!(lesson.status, Some(Present));
    assert_eq!(a.packages[0].used, 2.0);
}

#[test]
fn lessons_use_the_oldest_valid_package_first_and_skip_expired_ones() {
    let s = school(1.5);
    let autumn = s.sell(0, 3.0, 0.0, "2026-09-01", "2026-10-31");
    let winter = s.sell(0, 30.0, 0.0, "2026-10-01", "2027-03-31");
    s.roll_call("2026-10-03", &[(0, Present, false)]).unwrap();
    s.roll_call("2026-10-10", &[(0, Present, false)]).unwrap();
    s.roll_call("2026-10-17", &[(0, Present, false)]).unwrap();
    let a = s.account(0);
    let pkg = |id| a.packages.iter().find(|p| p.id == id).unwrap();
    assert_eq!(
        (pkg(autumn).used, pkg(autumn).remaining),
        (3.0, 0.0),
        "the older package is used up first"
    );
    assert_eq!((pkg(winter).used, pkg(winter).remaining), (1.5, 28.5));
    assert_eq!(a.balance, 28.5);
}

#[test]
fn unused_hours_expire_on_the_last_valid_day() {
    let s = school(1.0);
    let old = s.sell(0, 10.0, 0.0, "2026-06-01", "2026-08-31");
    s.roll_call("2026-07-04", &[(0, Present, false)]).unwrap();
    let a = s.account(0);
    let expiry = a
        .lines
        .iter()
        .find(|l| l.kind == EntryKind::Expiry)
        .expect("an expiry line");
    assert_eq!(
        (expiry.hours, expiry.date, expiry.package_id),
        (-9.0, day("2026-08-31"), Some(old))
    );
    assert_eq!(a.balance, 0.0);
    assert_eq!(a.packages[0].expired, 9.0);
    // A lesson after the package ended is not covered by it.
    let refused = s.roll_call("2026-09-05", &[(0, Present, false)]);
    assert_eq!(validation(refused), ("marks.0".into(), Code::NoHoursLeft));
}

#[test]
fn excused_absences_deduct_nothing_unless_the_school_decides_otherwise() {
    let s = school(1.0);
    s.sell(0, 10.0, 0.0, "2026-09-01", "2027-08-31");
    s.sell(1, 10.0, 0.0, "2026-09-01", "2027-08-31");
    s.roll_call("2026-09-05", &[(0, Excused, false), (1, Unexcused, false)])
        .unwrap();
    assert_eq!((s.balance(0), s.balance(1)), (10.0, 9.0));

    let strict = ClassHourPolicy {
        deduct_excused: true,
        deduct_unexcused: false,
        ..ClassHourPolicy::default()
    };
    s.db.with_tx(|tx| settings::set_policy(tx, &strict))
        .unwrap();
    s.roll_call("2026-09-12", &[(0, Excused, false), (1, Unexcused, false)])
        .unwrap();
    assert_eq!((s.balance(0), s.balance(1)), (9.0, 9.0));
}

#[test]
fn saving_a_roll_call_twice_recomputes_instead_of_deducting_again() {
    let s = school(1.5);
    s.sell(0, 10.0, 0.0, "2026-09-01", "2027-08-31");
    s.sell(1, 10.0, 0.0, "2026-09-01", "2027-08-31");
    let first = s
        .roll_call("2026-09-05", &[(0, Present, false), (1, Present, false)])
        .unwrap();
    let again = s
        .roll_call("2026-09-05", &[(0, Present, false), (1, Present, false)])
        .unwrap();
    assert_eq!(first, again, "one session per class and start time");
    assert_eq!((s.balance(0), s.balance(1)), (8.5, 8.5));
    // Correcting a mark: 小红 was in fact excused.
    s.roll_call("2026-09-05", &[(0, Present, false), (1, Excused, false)])
        .unwrap();
    assert_eq!((s.balance(0), s.balance(1)), (8.5, 10.0));
    assert_eq!(count(&s.db, "lesson_session"), 1);
}

#[test]
fn a_lesson_with_no_hours_left_needs_staffs_yes_and_shows_as_credit() {
    let s = school(1.0);
    s.sell(0, 1.0, 0.0, "2026-09-01", "2027-08-31");
    s.roll_call("2026-09-05", &[(0, Present, false)]).unwrap();
    let refused = s.roll_call("2026-09-12", &[(0, MakeUp, false)]);
    assert_eq!(validation(refused), ("marks.0".into(), Code::NoHoursLeft));
    assert_eq!(
        s.balance(0),
        0.0,
        "the refused roll call left nothing behind"
    );
    assert_eq!(count(&s.db, "lesson_session"), 1);

    s.roll_call("2026-09-12", &[(0, MakeUp, true)]).unwrap();
    assert_eq!(s.balance(0), -1.0);
    let warnings =
        s.db.with_conn(|c| statement::warnings(c, now().date_naive()))
            .unwrap();
    assert_eq!(warnings[0].kind, WarningKind::Negative);
    // The next package pays back the lesson taken on credit.
    s.sell(0, 10.0, 0.0, "2026-09-15", "2027-08-31");
    assert_eq!(s.balance(0), 9.0);
}

#[test]
fn a_reversal_undoes_an_entry_exactly_and_only_once() {
    let s = school(1.0);
    let p = s.sell(0, 10.0, 0.0, "2026-09-01", "2027-08-31");
    let fix = s
        .db
        .with_tx(|tx| package::correct(tx, &adjustment(p, 2.5, s.teacher, "2026-09-02"), now()))
        .unwrap();
    assert_eq!(s.balance(0), 12.5);
    s.db.with_tx(|tx| package::reverse(tx, fix, "重复录入", s.teacher, day("2026-09-03"), now()))
        .unwrap();
    assert_eq!(
        s.balance(0),
        10.0,
        "the reversal takes back exactly what the correction added"
    );
    let twice =
        s.db.with_tx(|tx| package::reverse(tx, fix, "again", s.teacher, day("2026-09-03"), now()));
    assert_eq!(validation(twice).1, Code::CannotReverse);
    let lines = s.account(0).lines;
    assert!(lines.iter().any(|l| l.entry_id == Some(fix) && l.reversed));
    let last = lines.last().unwrap();
    assert_eq!(
        (
            last.kind,
            last.reason.as_deref(),
            last.author_name.as_deref()
        ),
        (EntryKind::Correction, Some("重复录入"), Some("陈宇"))
    );
}

#[test]
fn corrections_and_refunds_cannot_take_more_than_is_left() {
    let s = school(1.0);
    let p = s.sell(0, 4.0, 0.0, "2026-09-01", "2027-08-31");
    let too_much =
        s.db.with_tx(|tx| package::refund(tx, &adjustment(p, 5.0, s.teacher, "2026-09-02"), now()));
    assert_eq!(validation(too_much), ("hours".into(), Code::NotEnoughHours));
    s.db.with_tx(|tx| package::refund(tx, &adjustment(p, 4.0, s.teacher, "2026-09-02"), now()))
        .unwrap();
    assert_eq!(s.balance(0), 0.0);
    let no_reason = AdjustmentInput {
        reason: " ".into(),
        ..adjustment(p, -1.0, s.teacher, "2026-09-02")
    };
    assert_eq!(
        validation(s.db.with_tx(|tx| package::correct(tx, &no_reason, now()))).0,
        "reason"
    );
}

#[test]
fn transfers_between_siblings_conserve_hours() {
    let s = school(1.0);
    let p = s.sell(0, 20.0, 0.0, "2026-09-01", "2027-08-31");
    s.roll_call("2026-09-05", &[(0, Present, false)]).unwrap();
    let before = s.balance(0) + s.balance(1);
    s.db.with_tx(|tx| {
        package::transfer(
            tx,
            &adjustment(p, 6.0, s.teacher, "2026-09-06"),
            s.kids[1],
            now(),
        )
    })
    .unwrap();
    assert_eq!((s.balance(0), s.balance(1)), (13.0, 6.0));
    assert_eq!(s.balance(0) + s.balance(1), before);
    // 小红 can now attend on the transferred hours.
    s.roll_call("2026-09-12", &[(1, Present, false)]).unwrap();
    assert_eq!(s.balance(1), 5.0);

    let other_family = s.db.with_tx(|tx| {
        package::transfer(
            tx,
            &adjustment(p, 1.0, s.teacher, "2026-09-06"),
            s.kids[2],
            now(),
        )
    });
    assert_eq!(
        validation(other_family),
        ("toStudentId".into(), Code::NotSameFamily)
    );
}

#[test]
fn bad_packages_and_roll_calls_are_refused_and_store_nothing() {
    let s = school(1.0);
    let cases = [
        (
            s.try_sell(0, -2.0, 0.0, "2026-09-01", "2027-08-31"),
            "purchasedHours",
            Code::HoursOutOfRange,
        ),
        (
            s.try_sell(0, 10_000.0, 0.0, "2026-09-01", "2027-08-31"),
            "purchasedHours",
            Code::HoursOutOfRange,
        ),
        (
            s.try_sell(0, 10.25, 0.0, "2026-09-01", "2027-08-31"),
            "purchasedHours",
            Code::NotHalfHours,
        ),
        (
            s.try_sell(0, 10.0, 0.0, "2026-09-01", "2026-08-01"),
            "validUntil",
            Code::EndsBeforeStart,
        ),
    ];
    for (result, field, code) in cases {
        assert_eq!(validation(result), (field.to_string(), code));
    }
    let odd_currency = s.db.with_tx(|tx| {
        package::sell(
            tx,
            &package::PackageInput {
                student_id: s.kids[0],
                course_id: s.course,
                purchased_hours: 10.0,
                bonus_hours: 0.0,
                price: 100.0,
                currency: "XYZ".into(),
                purchased_on: day("2026-09-01"),
                valid_from: day("2026-09-01"),
                valid_until: day("2027-09-01"),
                sold_by: s.teacher,
                rule_override: None,
            },
            now().fixed_offset(),
        )
    });
    assert_eq!(
        validation(odd_currency),
        ("currency".into(), Code::UnknownCurrency)
    );
    assert_eq!(
        (count(&s.db, "package"), count(&s.db, "ledger_entry")),
        (0, 0)
    );

    s.sell(0, 10.0, 0.0, "2025-01-01", "2027-08-31");
    // The fixture children enrolled on 2025-09-01.
    let early = s.roll_call("2025-08-30", &[(0, Present, false)]);
    assert_eq!(
        validation(early),
        ("marks.0".into(), Code::BeforeEnrollment)
    );
    assert_eq!(count(&s.db, "lesson_session"), 0);
}

#[test]
fn warnings_name_low_hours_and_packages_about_to_expire() {
    let s = school(1.0);
    s.sell(0, 4.0, 0.0, "2026-09-01", "2027-08-31");
    s.sell(1, 20.0, 0.0, "2026-09-01", "2026-12-10");
    s.sell(2, 20.0, 0.0, "2026-09-01", "2027-08-31");
    let w =
        s.db.with_conn(|c| statement::warnings(c, now().date_naive()))
            .unwrap();
    let kinds: Vec<_> = w
        .iter()
        .map(|w| (w.student_name.as_str(), w.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("张小红", WarningKind::Expiring),
            ("张小明", WarningKind::LowHours)
        ]
    );
    assert_eq!(w[0].valid_until, Some(day("2026-12-10")));
}

#[test]
fn hours_cannot_be_added_to_a_package_after_its_last_day() {
    let s = school(1.0);
    let late = s.try_sell(0, 10.0, 0.0, "2026-09-01", "2026-08-31");
    assert_eq!(validation(late).1, Code::EndsBeforeStart);
    let p = s.sell(0, 10.0, 0.0, "2026-06-01", "2026-08-31");
    let after_end = s
        .db
        .with_tx(|tx| package::correct(tx, &adjustment(p, 1.0, s.teacher, "2026-09-02"), now()));
    assert_eq!(validation(after_end), ("on".into(), Code::PackageEnded));
    // Within its validity the same correction is fine, and the unused hours expire.
    s.db.with_tx(|tx| package::correct(tx, &adjustment(p, 1.0, s.teacher, "2026-08-30"), now()))
        .unwrap();
    assert_eq!(s.account(0).packages[0].expired, 11.0);
}

#[test]
fn kept_balances_can_be_rebuilt_from_the_ledger_alone() {
    let s = school(1.0);
    s.sell(0, 4.0, 0.0, "2026-09-01", "2027-08-31");
    s.sell(1, 20.0, 0.0, "2026-09-01", "2026-12-10");
    s.roll_call("2026-09-05", &[(0, Present, false), (1, Late, false)])
        .unwrap();
    let today = now().date_naive();
    let before = s.db.with_conn(|c| statement::warnings(c, today)).unwrap();
    assert!(!before.is_empty());
    s.db.with_tx(|tx| {
        tx.execute_batch("DELETE FROM package_state; DELETE FROM account_state;")?;
        encore_core::ledger::refresh_all(tx)
    })
    .unwrap();
    let after = s.db.with_conn(|c| statement::warnings(c, today)).unwrap();
    assert_eq!(format!("{before:?}"), format!("{after:?}"));
}

#[test]
fn roll_call_balances_come_from_one_query_and_match_the_ledger() {
    let s = school(1.5);
    s.sell(0, 10.0, 0.0, "2026-09-01", "2027-08-31");
    s.sell(1, 3.0, 0.0, "2026-09-01", "2026-10-01");
    s.roll_call("2026-09-05", &[(0, Present, false), (1, Present, false)])
        .unwrap();
    // Saving again without 小红 gives her hours back.
    s.roll_call("2026-09-05", &[(0, Present, false)]).unwrap();
    let today = now().date_naive();
    let left =
        s.db.with_conn(|c| encore_core::ledger::balances_in_course(c, s.course, &s.kids, today))
            .unwrap();
    let by_kid = |k: usize| {
        left.iter()
            .find(|h| h.student_id == s.kids[k])
            .map(|h| h.hours)
    };
    assert_eq!(by_kid(0), Some(s.balance(0)));
    assert_eq!(by_kid(0), Some(8.5));
    assert_eq!(by_kid(1), Some(s.balance(1)));
    assert_eq!(by_kid(1), Some(0.0), "her package has since expired unused");
    assert_eq!(by_kid(2), None, "王一 has no account in this course");
}
