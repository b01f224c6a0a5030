//! Renewal cycles on a fixed day: every status change is written on the family timeline in
//! the school's language, incomplete changes are refused, and a sale against the prepaid
//! rules names the rule and needs a reason.

mod common;

use common::hours::*;
use common::renewal::*;
use common::*;
use encore_core::error::ValidationCode as Code;
use encore_core::renewal::rules::{self, PrepaidRules, RuleKind};
use encore_core::renewal::{self, DeclineReason, RenewalStatus, StatusInput, WorklistFilter};

#[test]
fn every_status_change_is_written_on_the_family_timeline() {
    let s = school(1.0);
    s.sell(0, 3.0, 0.0, "2026-09-01", "2027-06-30");
    set(&s, &status(&s, 0, RenewalStatus::Contacted)).unwrap();
    set(
        &s,
        &StatusInput {
            meeting_at: Some("2026-11-25T16:30:00".parse().unwrap()),
            ..status(&s, 0, RenewalStatus::MeetingScheduled)
        },
    )
    .unwrap();
    let declined = set(
        &s,
        &StatusInput {
            declined_reason: Some(DeclineReason::Schedule),
            declined_text: Some("周六要上奥数".into()),
            ..status(&s, 0, RenewalStatus::Declined)
        },
    )
    .unwrap();
    assert_eq!(declined.status, RenewalStatus::Declined);
    let notes = family_notes(&s, 0);
    for expected in [
        "Renewal, 钢琴: contacted.",
        "Renewal, 钢琴: meeting on 2026-11-25 16:30.",
        "Renewal, 钢琴: will not renew (schedule) — 周六要上奥数.",
    ] {
        assert!(
            notes.iter().any(|n| n == expected),
            "{expected} in {notes:?}"
        );
    }
    assert!(!listed(&s, 0), "a declined family is not on the open list");
    let declined_filter = WorklistFilter {
        status: Some(RenewalStatus::Declined),
        ..Default::default()
    };
    assert_eq!(list_on(&s, &declined_filter, "2026-11-22").len(), 1);
    let tile = s.db.with_conn(|c| renewal::dashboard(c, today())).unwrap();
    assert_eq!((tile.due_this_month, tile.renewed_percent), (1, Some(0)));
}

#[test]
fn the_timeline_speaks_the_schools_language() {
    let s = school(1.0);
    s.db.with_tx(|tx| encore_core::settings::set_locale(tx, encore_core::settings::Locale::ZhCn))
        .unwrap();
    s.sell(0, 3.0, 0.0, "2026-09-01", "2027-06-30");
    set(
        &s,
        &StatusInput {
            postponed_until: Some(day("2026-12-01")),
            comment: Some("等期末考试结束".into()),
            ..status(&s, 0, RenewalStatus::Postponed)
        },
    )
    .unwrap();
    assert!(family_notes(&s, 0)
        .contains(&"续费（钢琴）：暂缓，2026-12-01 再跟进。 等期末考试结束".to_string()));
}

#[test]
fn incomplete_status_changes_are_refused_and_write_nothing() {
    let s = school(1.0);
    s.sell(0, 3.0, 0.0, "2026-09-01", "2027-06-30");
    let notes_before = count(&s.db, "note");
    let cases = [
        (
            status(&s, 0, RenewalStatus::MeetingScheduled),
            "meetingAt",
            Code::Required,
        ),
        (
            status(&s, 0, RenewalStatus::Postponed),
            "postponedUntil",
            Code::Required,
        ),
        (
            StatusInput {
                postponed_until: Some(today()),
                ..status(&s, 0, RenewalStatus::Postponed)
            },
            "postponedUntil",
            Code::NotInFuture,
        ),
        (
            status(&s, 0, RenewalStatus::Declined),
            "declinedReason",
            Code::Required,
        ),
        (
            StatusInput {
                declined_reason: Some(DeclineReason::Other),
                ..status(&s, 0, RenewalStatus::Declined)
            },
            "declinedText",
            Code::Required,
        ),
        (
            StatusInput {
                renewed_package_id: Some(9999),
                ..status(&s, 0, RenewalStatus::Renewed)
            },
            "renewedPackageId",
            Code::NotNewerPackage,
        ),
    ];
    for (input, field, code) in cases {
        assert_eq!(validation(set(&s, &input)), (field.to_string(), code));
    }
    assert_eq!(count(&s.db, "note"), notes_before);
    assert_eq!(count(&s.db, "renewal_cycle"), 0);
}

#[test]
fn a_sale_against_the_prepaid_rules_names_the_rule_and_needs_a_reason() {
    let s = school(1.0);
    s.sell(0, 30.0, 0.0, "2026-09-01", "2027-06-30");
    s.db.with_tx(|tx| {
        rules::set(
            tx,
            &PrepaidRules {
                max_package_hours: Some(60.0),
                max_package_months: Some(3),
                earliest_renewal_hours: Some(20.0),
            },
        )
    })
    .unwrap();
    let sale = rules::ProposedSale {
        student_id: s.kids[0],
        course_id: s.course,
        purchased_hours: 80.0,
        valid_from: day("2026-11-22"),
        valid_until: day("2027-02-22"),
        on: today(),
    };
    let breaches = s.db.with_conn(|c| rules::check(c, &sale)).unwrap();
    let kinds: Vec<RuleKind> = breaches.iter().map(|b| b.rule).collect();
    assert_eq!(
        kinds,
        [
            RuleKind::MaxHours,
            RuleKind::MaxMonths,
            RuleKind::EarliestRenewal
        ]
    );
    assert_eq!(
        breaches[0].text.en,
        "Prepaid rule: at most 60 hours per package; this one has 80."
    );
    assert_eq!(
        breaches[2].text.zh_cn,
        "续费规则：剩余不超过 20 课时才可续费，该学员还有 30 课时。"
    );
    let within = rules::ProposedSale {
        purchased_hours: 60.0,
        valid_until: day("2027-02-21"),
        student_id: s.kids[1],
        ..sale
    };
    assert!(s
        .db
        .with_conn(|c| rules::check(c, &within))
        .unwrap()
        .is_empty());

    let packages = count(&s.db, "package");
    assert_eq!(
        validation(s.try_sell(0, 10.0, 0.0, "2026-11-22", "2027-01-31")),
        ("ruleOverride".into(), Code::RuleOverrideReasonRequired)
    );
    assert_eq!(count(&s.db, "package"), packages, "nothing sold");
}
