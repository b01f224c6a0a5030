//! Lifecycle stages on a timeline of fixed dates: each stage, each transition and each
//! boundary (59 vs 60 days without hours, renewed once vs twice, 364 vs 365 days enrolled),
//! the reasons families give when they leave, and the win-back list.

mod common;

use common::hours::*;
use common::now;
use common::renewal::note_on;
use common::timeline::*;
use encore_core::attendance::AttendanceStatus::Present;
use encore_core::lead::{LeadSource, TrialResult};
use encore_core::lifecycle::{self, Stage};
use encore_core::note::NoteKind;
use encore_core::renewal::DeclineReason;
use encore_core::student;

#[test]
fn a_first_package_is_new_and_lapses_on_the_60th_day_without_hours() {
    let s = school(1.0);
    sell_on(&s, 0, 10.0, "2026-01-01", "2026-03-31");
    assert_eq!(stage(&s, 0, "2026-02-01"), Stage::New);
    let day59 = stage_on(&s, 0, "2026-05-29");
    assert_eq!(
        day59.stage,
        Stage::New,
        "59 days is a late renewal: {day59:?}"
    );
    assert_eq!(day59.last_covered_on, Some(day("2026-03-31")));
    assert_eq!(stage(&s, 0, "2026-05-30"), Stage::Lapsed, "60 days");
    assert_eq!(
        stage(&s, 1, "2026-05-30"),
        Stage::Prospect,
        "a sibling who never bought hours"
    );

    s.db.with_tx(|tx| lifecycle::set_lapsed_after_days(tx, 90))
        .unwrap();
    assert_eq!(
        stage(&s, 0, "2026-05-30"),
        Stage::New,
        "the school chose 90 days"
    );
    assert!(s
        .db
        .with_tx(|tx| lifecycle::set_lapsed_after_days(tx, 7))
        .is_err());
}

#[test]
fn hours_used_up_count_from_the_last_lesson_not_the_package_end() {
    let s = school(1.0);
    sell_on(&s, 0, 2.0, "2026-01-05", "2026-12-31");
    s.roll_call("2026-01-10", &[(0, Present, false)]).unwrap();
    s.roll_call("2026-02-14", &[(0, Present, false)]).unwrap();
    assert_eq!(stage(&s, 0, "2026-04-14"), Stage::New, "59 days after");
    let lapsed = stage_on(&s, 0, "2026-04-15");
    assert_eq!(lapsed.stage, Stage::Lapsed);
    assert_eq!(lapsed.last_covered_on, Some(day("2026-02-14")));
}

#[test]
fn renewing_once_is_active_and_twice_is_loyal() {
    let s = school(1.0);
    sell_on(&s, 0, 10.0, "2026-01-01", "2026-04-30");
    sell_on(&s, 0, 10.0, "2026-04-20", "2026-08-31");
    sell_on(&s, 0, 10.0, "2026-08-25", "2026-12-31");
    assert_eq!(stage(&s, 0, "2026-04-10"), Stage::New, "before the renewal");
    let once = stage_on(&s, 0, "2026-05-01");
    assert_eq!((once.stage, once.renewals), (Stage::Active, 1));
    let twice = stage_on(&s, 0, "2026-09-01");
    assert_eq!((twice.stage, twice.renewals), (Stage::Loyal, 2));
    assert_eq!(twice.enrolled_since, Some(day("2026-01-01")));
}

#[test]
fn a_year_of_unbroken_enrollment_is_loyal_on_day_365_not_364() {
    let s = school(1.0);
    sell_on(&s, 0, 40.0, "2025-01-01", "2026-06-30");
    assert_eq!(stage(&s, 0, "2025-12-31"), Stage::New, "364 days");
    assert_eq!(stage(&s, 0, "2026-01-01"), Stage::Loyal, "365 days");
}

#[test]
fn a_gap_of_60_days_between_packages_starts_the_year_again() {
    let s = school(1.0);
    for kid in [0, 1] {
        sell_on(&s, kid, 10.0, "2024-01-01", "2024-03-31");
    }
    // 59 days without hours for 张小红, 60 for 张小明: he had lapsed when he came back.
    sell_on(&s, 1, 40.0, "2024-05-30", "2025-06-30");
    sell_on(&s, 0, 40.0, "2024-05-31", "2025-06-30");
    let kept = stage_on(&s, 1, "2025-01-05");
    assert_eq!(kept.enrolled_since, Some(day("2024-01-01")));
    assert_eq!(kept.stage, Stage::Loyal, "370 days unbroken");
    let restarted = stage_on(&s, 0, "2025-01-05");
    assert_eq!(restarted.enrolled_since, Some(day("2024-05-31")));
    assert_eq!(
        restarted.stage,
        Stage::Active,
        "one renewal, 219 days since he came back"
    );
}

#[test]
fn high_risk_on_the_renewal_desk_makes_a_student_at_risk() {
    let s = school(1.0);
    sell_on(&s, 0, 1.0, "2026-10-01", "2027-03-31");
    s.roll_call("2026-10-03", &[(0, Present, false)]).unwrap();
    s.roll_call("2026-10-10", &[(0, Present, true)]).unwrap();
    // One hour on credit (35) and nobody has talked to the family (15): high.
    assert_eq!(stage(&s, 0, "2026-11-22"), Stage::AtRisk);
    note_on(&s, 0, NoteKind::ProgressUpdate, "2026-11-20", "聊了进度");
    assert_eq!(
        stage(&s, 0, "2026-11-22"),
        Stage::New,
        "a recent talk brings the risk down to medium"
    );
}

#[test]
fn a_declined_renewal_is_left_with_its_reason_once_the_hours_are_gone() {
    let s = school(1.0);
    sell_on(&s, 0, 10.0, "2026-06-01", "2026-09-30");
    decline_on(
        &s,
        0,
        s.course,
        DeclineReason::Price,
        Some("学费太贵"),
        "2026-09-15",
    );
    assert_eq!(stage(&s, 0, "2026-09-20"), Stage::New, "still has hours");
    let left = stage_on(&s, 0, "2026-10-01");
    assert_eq!(left.stage, Stage::Left, "the day after the package ended");
    let reason = left.reason.unwrap();
    assert_eq!(reason.reason, Some(DeclineReason::Price));
    assert_eq!(reason.on, Some(day("2026-09-15")));
    assert_eq!(reason.words.en, "price — 学费太贵");
    assert_eq!(reason.words.zh_cn, "价格 — 学费太贵");

    sell_on(&s, 0, 10.0, "2026-10-05", "2027-01-31");
    let back = stage_on(&s, 0, "2026-10-06");
    assert_eq!(
        (back.stage, back.reason),
        (Stage::Active, None),
        "a family that comes back after declining has renewed"
    );
}

#[test]
fn archived_students_and_families_have_left() {
    let s = school(1.0);
    sell_on(&s, 0, 10.0, "2026-09-01", "2027-06-30");
    s.db.with_tx(|tx| student::set_archived(tx, s.kids[0], true, now()))
        .unwrap();
    let left = stage_on(&s, 0, "2026-11-22");
    assert_eq!(left.stage, Stage::Left);
    assert!(left.archived);
    assert_eq!(left.reason.unwrap().words.en, "archived");
}

#[test]
fn a_lead_moves_from_prospect_to_trial_to_new_student() {
    let s = school(1.0);
    let lead = add_lead(&s, &lead_input("刘小雨", "2026-10-01", LeadSource::OpenDay));
    let lead_stage = |id| {
        s.db.with_conn(|c| encore_core::lead::get(c, id))
            .unwrap()
            .stage
    };
    assert_eq!(lead_stage(lead), Some(Stage::Prospect));
    trial(&s, lead, "2026-10-05", Some(TrialResult::NoShow));
    assert_eq!(
        lead_stage(lead),
        Some(Stage::Trial),
        "missed, still a trial"
    );
    trial(&s, lead, "2026-10-12", Some(TrialResult::Declined));
    assert_eq!(
        lead_stage(lead),
        Some(Stage::Left),
        "declined after a trial"
    );
    trial(&s, lead, "2026-10-19", Some(TrialResult::Attended));
    assert_eq!(
        lead_stage(lead),
        Some(Stage::Trial),
        "came back for another"
    );

    let counts =
        s.db.with_conn(|c| lifecycle::counts(c, day("2026-10-20")))
            .unwrap();
    let at = |stage: Stage| counts.iter().find(|c| c.stage == stage).unwrap();
    assert_eq!(
        (at(Stage::Trial).leads, at(Stage::Prospect).students),
        (1, 3)
    );

    let enrolled = enroll(&s, lead, "2026-10-20");
    assert_eq!(lead_stage(lead), None, "the student's stage takes over");
    let student = |d: &str| {
        s.db.with_conn(|c| lifecycle::stage_of(c, enrolled.student_id, day(d)))
            .unwrap()
            .stage
    };
    assert_eq!(
        student("2026-10-20"),
        Stage::New,
        "enrolled, first package to come"
    );
    let counts =
        s.db.with_conn(|c| lifecycle::counts(c, day("2026-10-20")))
            .unwrap();
    let at = |stage: Stage| counts.iter().find(|c| c.stage == stage).unwrap();
    assert_eq!((at(Stage::Trial).leads, at(Stage::New).students), (0, 1));
}

#[test]
fn the_win_back_list_holds_families_whose_children_are_all_gone() {
    let s = school(1.0);
    // 张家: 张小明 declined and ran out; 张小红 still has hours until spring.
    sell_on(&s, 0, 10.0, "2026-03-01", "2026-06-30");
    sell_on(&s, 1, 20.0, "2026-03-01", "2026-06-30");
    sell_on(&s, 1, 20.0, "2026-06-20", "2027-03-31");
    decline_on(&s, 0, s.course, DeclineReason::Schedule, None, "2026-06-10");
    // 王家: 王一 drifted away without a word.
    sell_on(&s, 2, 12.0, "2026-01-10", "2026-05-31");
    note_on(
        &s,
        2,
        NoteKind::ProgressUpdate,
        "2026-05-20",
        "王一妈妈说暑假再看看",
    );
    let list = |d: &str| s.db.with_conn(|c| lifecycle::win_back(c, day(d))).unwrap();
    let rows = list("2026-07-29");
    assert!(rows.is_empty(), "王家 has 59 days without hours: {rows:#?}");
    let rows = list("2026-07-30");
    assert_eq!(rows.len(), 1, "张家 still has a child with hours");
    let wang = &rows[0];
    assert_eq!(wang.family_name, "王家");
    assert_eq!((wang.stage, wang.reason.clone()), (Stage::Lapsed, None));
    assert_eq!(wang.last_package_end, Some(day("2026-05-31")));
    assert_eq!(wang.hours_bought, 12.0);
    let contact = wang.last_contact.as_ref().unwrap();
    assert_eq!(contact.excerpt, "王一妈妈说暑假再看看");
    assert_eq!(contact.at.date(), day("2026-05-20"));

    s.db.with_tx(|tx| student::set_archived(tx, s.kids[1], true, now()))
        .unwrap();
    let rows = list("2026-07-30");
    let names: Vec<&str> = rows.iter().map(|r| r.family_name.as_str()).collect();
    assert_eq!(
        names,
        ["张家", "王家"],
        "with 张小红 archived, 张家 is gone too, and it left more recently"
    );
    let zhang = &rows[0];
    assert_eq!(zhang.stage, Stage::Left);
    assert_eq!(
        zhang.reason.as_ref().unwrap().reason,
        Some(DeclineReason::Schedule)
    );
    assert_eq!(zhang.hours_bought, 50.0, "every package the family bought");
    assert_eq!(zhang.student_names, ["张小明"]);
}
