//! Ledger invariants over random sequences of purchases, lessons, corrections, refunds and
//! transfers.

mod common;

use common::hours::*;
use common::now;
use encore_core::attendance::AttendanceStatus;
use encore_core::package::{self, AdjustmentInput};
use proptest::prelude::*;

#[derive(Debug, Clone)]
enum Step {
    Buy {
        kid: usize,
        halves: u16,
        starts: u16,
        months: u16,
    },
    Lesson {
        day: u16,
        marks: Vec<(usize, u8)>,
        credit: bool,
    },
    Correct {
        kid: usize,
        halves: i16,
        day: u16,
    },
    Refund {
        kid: usize,
        halves: u16,
        day: u16,
    },
    Transfer {
        halves: u16,
        day: u16,
    },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0..3usize, 1..80u16, 0..300u16, 1..12u16).prop_map(|(kid, halves, starts, months)| {
            Step::Buy {
                kid,
                halves,
                starts,
                months,
            }
        }),
        (
            0..430u16,
            prop::collection::vec((0..3usize, 0..5u8), 1..4),
            any::<bool>()
        )
            .prop_map(|(day, marks, credit)| Step::Lesson { day, marks, credit }),
        (0..3usize, -10..10i16, 0..430u16).prop_map(|(kid, halves, day)| Step::Correct {
            kid,
            halves,
            day
        }),
        (0..3usize, 1..10u16, 0..430u16).prop_map(|(kid, halves, day)| Step::Refund {
            kid,
            halves,
            day
        }),
        (1..10u16, 0..430u16).prop_map(|(halves, day)| Step::Transfer { halves, day }),
    ]
}

/// Days after 2025-09-20 (after the fixture's enrollment, before "now", 2026-11-22).
fn date(offset: u16) -> String {
    (day("2025-09-20") + chrono::Days::new(offset.into())).to_string()
}

const STATUSES: [AttendanceStatus; 5] = [
    AttendanceStatus::Present,
    AttendanceStatus::Late,
    AttendanceStatus::Excused,
    AttendanceStatus::Unexcused,
    AttendanceStatus::MakeUp,
];

fn latest_package(s: &School, kid: usize) -> Option<i64> {
    s.account(kid).packages.last().map(|p| p.id)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn balances_always_add_up(steps in prop::collection::vec(step(), 1..25)) {
        let s = school(1.5);
        for step in steps {
            // Any step may be refused by validation; refused steps must change nothing, and the
            // invariants below must hold either way.
            let _ = match step {
                Step::Buy { kid, halves, starts, months } => {
                    let from = date(starts);
                    let until = (day(&from) + chrono::Months::new(months.into())).to_string();
                    s.try_sell(kid, f64::from(halves) / 2.0, 0.0, &from, &until).map(|_| ())
                }
                Step::Lesson { day: d, mut marks, credit } => {
                    marks.sort_by_key(|m| m.0);
                    marks.dedup_by_key(|m| m.0);
                    let marks: Vec<_> = marks.into_iter().map(|(k, st)| (k, STATUSES[st as usize], credit)).collect();
                    s.roll_call(&date(d), &marks).map(|_| ())
                }
                Step::Correct { kid, halves, day: d } => match latest_package(&s, kid) {
                    Some(p) if halves != 0 => s.db.with_tx(|tx| package::correct(tx, &adjust(p, f64::from(halves) / 2.0, s.teacher, d), now())).map(|_| ()),
                    _ => Ok(()),
                },
                Step::Refund { kid, halves, day: d } => match latest_package(&s, kid) {
                    Some(p) => s.db.with_tx(|tx| package::refund(tx, &adjust(p, f64::from(halves) / 2.0, s.teacher, d), now())).map(|_| ()),
                    None => Ok(()),
                },
                Step::Transfer { halves, day: d } => match latest_package(&s, 0) {
                    Some(p) => s.db.with_tx(|tx| package::transfer(tx, &adjust(p, f64::from(halves) / 2.0, s.teacher, d), s.kids[1], now())).map(|_| ()),
                    None => Ok(()),
                },
            };

            let mut family_hours = 0.0;
            for kid in 0..3 {
                let a = s.account(kid);
                let sum: f64 = a.lines.iter().map(|l| l.hours).sum();
                prop_assert_eq!(a.balance, sum, "balance is the sum of the lines");
                let last = a.lines.last().map_or(0.0, |l| l.balance);
                prop_assert_eq!(a.balance, last, "the running balance ends at the balance");
                let lessons: f64 = -a.lines.iter().filter(|l| l.kind == encore_core::ledger::EntryKind::Lesson).map(|l| l.hours).sum::<f64>();
                let used: f64 = a.packages.iter().map(|p| p.used).sum();
                let remaining: f64 = a.packages.iter().map(|p| p.remaining).sum();
                let debt = lessons - used;
                prop_assert!(debt >= 0.0, "packages never cover more than was taught");
                prop_assert_eq!(a.balance, remaining - debt, "balance = hours in packages − lessons on credit");
                let kept = kept_balance(&s, kid);
                prop_assert_eq!(kept, a.balance, "the kept balance always equals the replay");
                for p in &a.packages {
                    prop_assert!(p.remaining >= 0.0, "no package goes below zero");
                    prop_assert_eq!(p.purchased + p.bonus + p.adjusted, p.used + p.expired + p.remaining, "each package's hours are conserved");
                }
                if kid < 2 {
                    family_hours += a.lines.iter().filter(|l| matches!(l.kind, encore_core::ledger::EntryKind::TransferIn | encore_core::ledger::EntryKind::TransferOut)).map(|l| l.hours).sum::<f64>();
                }
            }
            prop_assert_eq!(family_hours, 0.0, "transfers move hours, never make or lose them");
        }
    }
}

/// The balance lists read: kept package state and credit, expiries applied as of today.
fn kept_balance(s: &School, kid: usize) -> f64 {
    s.db.with_conn(|c| {
        let today = now().date_naive();
        let (packages, credit): (i64, i64) = c.query_row(
            "SELECT (SELECT coalesce(sum(remaining_halves), 0) FROM package_state
                      WHERE student_id = ?1 AND course_id = ?2 AND valid_until >= ?3),
                    (SELECT coalesce(sum(debt_halves), 0) FROM account_state WHERE student_id = ?1 AND course_id = ?2)",
            rusqlite::params![s.kids[kid], s.course, today],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok((packages - credit) as f64 / 2.0)
    })
    .unwrap()
}

fn adjust(package_id: i64, hours: f64, author: i64, d: u16) -> AdjustmentInput {
    AdjustmentInput {
        package_id,
        hours,
        reason: "test".into(),
        author_id: author,
        on: day(&date(d)),
    }
}
