//! The renewal desk on a fixed day (Sunday 2026-11-22): who is on the worklist and who is not
//! at the exact boundaries, how rows rank and what their reasons say, and which families wait
//! until their day. Status changes and prepaid rules: renewal_cycle.rs.

mod common;

use common::hours::*;
use common::renewal::*;
use common::*;
use encore_core::attendance::AttendanceStatus::{Present, Unexcused};
use encore_core::note::NoteKind;
use encore_core::renewal::{
    self, RenewalStatus, RiskLevel, RiskSignal, StatusInput, WorklistFilter,
};
use encore_core::tagging::MotivationType;

#[test]
fn hours_at_the_threshold_are_due_and_half_an_hour_more_is_not() {
    let s = school(1.0);
    s.sell(0, 4.0, 0.0, "2026-09-01", "2027-06-30");
    s.sell(1, 4.5, 0.0, "2026-09-01", "2027-06-30");
    assert!(
        listed(&s, 0),
        "4.0 hours left is at the default threshold of 4"
    );
    assert!(!listed(&s, 1), "4.5 hours left is above it");
    assert!(!listed(&s, 2), "a student with no package has no renewal");
}

#[test]
fn a_package_ending_in_30_days_is_due_and_in_31_days_is_not() {
    let s = school(1.0);
    s.sell(0, 20.0, 0.0, "2026-09-01", "2026-12-22");
    s.sell(1, 20.0, 0.0, "2026-09-01", "2026-12-23");
    let rows = list(&s);
    assert_eq!(rows.len(), 1, "{rows:#?}");
    assert_eq!(rows[0].student_id, s.kids[0]);
    assert_eq!(rows[0].expires_on, Some(day("2026-12-22")));
    let expiring = rows[0]
        .risk
        .reasons
        .iter()
        .find(|r| r.signal == RiskSignal::Expiring)
        .unwrap();
    assert_eq!(expiring.text.en, "package ends in 30 days (2026-12-22)");
    assert_eq!(expiring.text.zh_cn, "课时包 30 天后到期（2026-12-22）");
}

#[test]
fn a_package_that_expired_yesterday_is_due_and_says_what_was_lost() {
    let s = school(1.0);
    s.sell(0, 10.0, 0.0, "2026-09-01", "2026-11-21");
    s.roll_call("2026-09-05", &[(0, Present, false)]).unwrap();
    let rows = list(&s);
    assert_eq!(rows.len(), 1);
    let row = &rows[0];
    assert_eq!(row.hours_left, 0.0);
    assert_eq!(row.expires_on, Some(day("2026-11-21")));
    let expired = &row.risk.reasons[0];
    assert_eq!(expired.signal, RiskSignal::Expired);
    assert_eq!(
        expired.text.en,
        "package expired on 2026-11-21 with 9 hours unused"
    );
    assert_eq!(expired.text.zh_cn, "课时包已于 2026-11-21 到期，9 课时未用");
}

#[test]
fn a_family_that_renewed_last_week_is_off_the_list_and_counted_as_renewed() {
    let s = school(1.0);
    let old = s.sell(0, 2.0, 0.0, "2026-09-01", "2027-06-30");
    assert!(listed(&s, 0));
    let new = s.sell(0, 20.0, 0.0, "2026-11-15", "2027-06-30");
    assert!(!listed(&s, 0));
    let (status, renewed_by): (String, i64) =
        s.db.with_conn(|c| {
            Ok(c.query_row(
                "SELECT status, renewed_package_id FROM renewal_cycle WHERE package_id = ?1",
                [old],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?)
        })
        .unwrap();
    assert_eq!((status.as_str(), renewed_by), ("renewed", new));
    let timeline = family_notes(&s, 0);
    assert!(
        timeline
            .iter()
            .any(|n| n.contains("renewed, 20 hours valid until 2027-06-30")),
        "{timeline:?}"
    );
    let tile = s.db.with_conn(|c| renewal::dashboard(c, today())).unwrap();
    assert_eq!(tile.renewed_this_month, 1);
}

#[test]
fn postponed_until_tomorrow_is_hidden_today_and_back_tomorrow() {
    let s = school(1.0);
    s.sell(0, 3.0, 0.0, "2026-09-01", "2027-06-30");
    set(
        &s,
        &StatusInput {
            postponed_until: Some(day("2026-11-23")),
            comment: Some("妈妈说月底发工资后再定".into()),
            ..status(&s, 0, RenewalStatus::Postponed)
        },
    )
    .unwrap();
    assert!(!listed(&s, 0), "postponed until tomorrow");
    let postponed = WorklistFilter {
        status: Some(RenewalStatus::Postponed),
        ..Default::default()
    };
    assert_eq!(list_on(&s, &postponed, "2026-11-22").len(), 1);
    let tomorrow = list_on(&s, &WorklistFilter::default(), "2026-11-23");
    assert_eq!(
        tomorrow.len(),
        1,
        "it returns on the day it was postponed to"
    );
    assert_eq!(tomorrow[0].cycle.status, RenewalStatus::Postponed);
}

#[test]
fn families_who_left_long_ago_belong_to_win_back_not_to_renewals() {
    let s = school(1.0);
    // Ran out on 2026-08-22 (92 days ago) and on 2026-08-24 (90 days ago).
    s.sell(0, 1.0, 0.0, "2026-08-01", "2027-06-30");
    s.sell(1, 1.0, 0.0, "2026-08-01", "2027-06-30");
    s.roll_call("2026-08-22", &[(0, Present, false)]).unwrap();
    s.db.with_tx(|tx| {
        encore_core::attendance::save_roll_call(
            tx,
            &encore_core::attendance::RollCall {
                class_id: s.class,
                starts_at: day("2026-08-24").and_hms_opt(9, 30, 0).unwrap(),
                teacher_id: s.teacher,
                marks: vec![encore_core::attendance::Mark {
                    student_id: s.kids[1],
                    status: Present,
                    allow_negative: false,
                }],
            },
            now(),
        )
    })
    .unwrap();
    assert!(!listed(&s, 0));
    assert!(listed(&s, 1));
}

/// Three students, twelve Saturdays of roll call, and what their families said.
fn ranked_school() -> School {
    let s = school(1.0);
    s.sell(0, 12.0, 0.0, "2026-08-01", "2027-06-30");
    s.sell(1, 16.0, 0.0, "2026-08-01", "2027-06-30");
    s.sell(2, 15.5, 0.0, "2026-08-01", "2026-12-02");
    let mut saturday = day("2026-09-05");
    for week in 0..12 {
        let kid0 = if week >= 10 { Unexcused } else { Present };
        s.roll_call(
            &saturday.to_string(),
            &[(0, kid0, false), (1, Present, false), (2, Present, false)],
        )
        .unwrap();
        saturday = saturday + chrono::Days::new(7);
    }
    note_on(
        &s,
        0,
        NoteKind::ProgressUpdate,
        "2026-11-17",
        "小明音阶进步明显",
    );
    note_on(&s, 2, NoteKind::Complaint, "2026-10-20", "家长对调课不满意");
    s
}

#[test]
fn the_worklist_ranks_by_risk_and_explains_each_row_in_both_languages() {
    let s = ranked_school();
    let rows = list(&s);
    let order: Vec<i64> = rows.iter().map(|r| r.student_id).collect();
    assert_eq!(order, [s.kids[0], s.kids[2], s.kids[1]]);

    let ming = &rows[0];
    assert_eq!(ming.hours_left, 0.0);
    assert_eq!(ming.attendance_before, Some(1.0));
    assert_eq!(ming.attendance_recent, Some(0.5));
    assert_eq!(ming.absence_streak, 2);
    assert_eq!(ming.days_since_contact, Some(5));
    assert_eq!(ming.risk.level, RiskLevel::High);
    let en: Vec<&str> = ming
        .risk
        .reasons
        .iter()
        .map(|r| r.text.en.as_str())
        .collect();
    let zh: Vec<&str> = ming
        .risk
        .reasons
        .iter()
        .map(|r| r.text.zh_cn.as_str())
        .collect();
    assert_eq!(
        en,
        [
            "no hours left",
            "attendance fell from 100% to 50%",
            "missed the last 2 lessons"
        ]
    );
    assert_eq!(
        zh,
        ["课时已用完", "出勤率从 100% 降至 50%", "连续缺课 2 次"]
    );

    let wang = &rows[1];
    assert_eq!(wang.hours_left, 3.5);
    assert_eq!(wang.risk.level, RiskLevel::Medium);
    let en: Vec<&str> = wang
        .risk
        .reasons
        .iter()
        .map(|r| r.text.en.as_str())
        .collect();
    assert_eq!(
        en,
        [
            "1 complaint in the last 6 months",
            "only 3.5 hours left",
            "package ends in 10 days (2026-12-02)",
            "no contact for 33 days",
        ]
    );
    assert_eq!(wang.risk.reasons[3].text.zh_cn, "已 33 天未联系");

    let hong = &rows[2];
    assert_eq!(hong.risk.level, RiskLevel::Low);
    assert_eq!(hong.teachers[0].name, "陈宇");
    assert_eq!(hong.guardians.len(), 2);
}

#[test]
fn filters_narrow_by_motivation_teacher_risk_and_status() {
    let s = ranked_school();
    let mother =
        s.db.with_conn(|c| encore_core::student::get(c, s.kids[0]))
            .unwrap()
            .guardians[0]
            .guardian_id;
    tag_guardian(&s.db, mother, MotivationType::Honors, s.teacher);
    let by = |f: WorklistFilter| -> Vec<i64> {
        list_on(&s, &f, "2026-11-22")
            .iter()
            .map(|r| r.student_id)
            .collect()
    };
    let honors = by(WorklistFilter {
        motivation: Some(MotivationType::Honors),
        ..Default::default()
    });
    assert_eq!(honors, [s.kids[0], s.kids[1]], "siblings share the mother");
    let future = by(WorklistFilter {
        motivation: Some(MotivationType::Future),
        ..Default::default()
    });
    assert!(future.is_empty());
    let high = by(WorklistFilter {
        risk: Some(RiskLevel::High),
        ..Default::default()
    });
    assert_eq!(high, [s.kids[0]]);
    let teacher = by(WorklistFilter {
        teacher_id: Some(s.teacher),
        ..Default::default()
    });
    assert_eq!(teacher.len(), 3);
    let nobody = by(WorklistFilter {
        teacher_id: Some(s.teacher + 100),
        ..Default::default()
    });
    assert!(nobody.is_empty());
}
