//! Family value: renewals, tenure, families brought and hours bought, the score built from
//! them, and the ideal family — what the best families share, set against all of them.

mod common;

use common::grown::*;
use common::hours::{day, school};
use common::timeline::*;
use encore_core::lead::{self, LeadSource, TrialResult};
use encore_core::tagging::MotivationType::{Future, Honors, Interest};
use encore_core::value::{self, ProfileKey};

#[test]
fn each_family_is_scored_from_its_renewals_referrals_tenure_and_hours() {
    let g = grown();
    let values =
        g.s.db
            .with_conn(|c| value::family_values(c, today()))
            .unwrap();
    let order: Vec<(i64, u32)> = values.iter().map(|v| (v.family_id, v.score)).collect();
    // 张家: 2 renewals (20) + 1 family brought (15) + 607 days = 3 half years (15) + 70 h (7).
    // 刘家: 2 renewals (20) + 266 days (5) + 30 h (3). 王家: 12 h (1). 陈家: nothing whole yet.
    assert_eq!(
        order,
        [(g.zhang, 57), (g.liu, 28), (g.wang, 1), (g.chen, 0)]
    );
    let zhang = &values[0];
    assert_eq!(zhang.renewals, 2);
    assert_eq!(
        zhang.tenure_days, 607,
        "2025-01-01 to the end of the last package, 2026-08-31"
    );
    assert_eq!((zhang.referrals, zhang.referred_leads), (1, 2));
    assert_eq!(zhang.hours_bought, 70.0);
    assert_eq!(zhang.source, None, "entered directly");
    let mut types = zhang.motivations.clone();
    types.sort_by_key(|t| t.as_str());
    assert_eq!(types, [Future, Honors]);
    let liu = &values[1];
    assert_eq!(liu.tenure_days, 266, "still enrolled: to today");
    assert_eq!(liu.source, Some(LeadSource::Referral));
}

#[test]
fn converting_a_referred_lead_counts_one_family_brought() {
    let s = school(1.0);
    let zhang =
        s.db.with_conn(|c| encore_core::student::get(c, s.kids[0]))
            .unwrap()
            .family_id;
    let referred = |child: &str| lead::ProspectInput {
        referred_by_family_id: Some(zhang),
        ..lead_input(child, "2026-10-01", LeadSource::Referral)
    };
    let a = add_lead(&s, &referred("刘小雨"));
    add_lead(&s, &referred("周周"));
    let brought = |on: &str| {
        let v =
            s.db.with_conn(|c| value::family_value(c, zhang, day(on)))
                .unwrap();
        (v.referrals, v.referred_leads, v.score)
    };
    assert_eq!(brought("2026-10-20"), (0, 2, 0), "two leads, none enrolled");
    trial(&s, a, "2026-10-08", Some(TrialResult::Attended));
    enroll(&s, a, "2026-10-21");
    assert_eq!(
        brought("2026-10-20"),
        (0, 2, 0),
        "read on a day before it enrolled"
    );
    assert_eq!(
        brought("2026-10-21"),
        (1, 2, 15),
        "one family brought: 15 points"
    );
}

#[test]
fn the_ideal_family_is_what_the_best_quarter_shares_more_than_everyone() {
    let g = grown();
    let ideal =
        g.s.db
            .with_conn(|c| value::ideal_family(c, today()))
            .unwrap();
    // Four paying families: the best quarter is 张家 alone.
    assert_eq!(ideal.min_score, Some(57));
    assert_eq!((ideal.top.families, ideal.all.families), (1, 4));
    assert_eq!(ideal.top.renewals, 2.0);
    assert_eq!(ideal.all.renewals, 1.0, "(2 + 2 + 0 + 0) / 4");
    assert_eq!(ideal.all.hours_bought, 30.0, "(70 + 30 + 12 + 8) / 4");

    let share = |shares: &[value::ProfileShare], key: ProfileKey| {
        let s = shares.iter().find(|s| s.key == key).unwrap();
        (
            s.top_families,
            s.all_families,
            s.top_percent,
            s.all_percent,
            s.lift,
        )
    };
    let m = |t| ProfileKey::Motivation {
        motivation: Some(t),
    };
    assert_eq!(
        share(&ideal.by_motivation, m(Future)),
        (1, 2, Some(100), Some(50), Some(2.0)),
        "twice as common among the best"
    );
    assert_eq!(
        share(&ideal.by_motivation, m(Honors)),
        (1, 2, Some(100), Some(50), Some(2.0)),
        "张家's father counts too"
    );
    assert_eq!(
        share(&ideal.by_motivation, m(Interest)),
        (0, 1, Some(0), Some(25), Some(0.0))
    );
    let piano = ProfileKey::Course {
        id: g.s.course,
        name: "钢琴".into(),
    };
    assert_eq!(
        share(&ideal.by_course, piano),
        (1, 3, Some(100), Some(75), Some(1.33))
    );
    let source = |source| ProfileKey::Source { source };
    assert_eq!(
        share(&ideal.by_source, source(None)),
        (1, 2, Some(100), Some(50), Some(2.0))
    );
    assert_eq!(
        share(&ideal.by_source, source(Some(LeadSource::Referral))),
        (0, 1, Some(0), Some(25), Some(0.0))
    );
    assert_eq!(
        ideal.by_course[0].key,
        ProfileKey::Course {
            id: g.s.course,
            name: "钢琴".into()
        },
        "most top families first"
    );
}

#[test]
fn a_school_with_no_paying_family_has_no_ideal_family_yet() {
    let s = school(1.0);
    let ideal =
        s.db.with_conn(|c| value::ideal_family(c, day("2026-11-22")))
            .unwrap();
    assert_eq!((ideal.min_score, ideal.all.families), (None, 0));
    assert!(ideal.by_motivation.is_empty());
}
