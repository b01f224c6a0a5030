//! Insights: renewal-rate arithmetic by motivation type, course, teacher and term on the
//! grown school (see common/grown.rs), why families leave month by month, hours sold against
//! hours used, lifecycle counts — and every insight answering on a 2,500-student school (timed in benches/school).

mod common;

use common::big_school::big_school;
use common::grown::*;
use common::hours::{day, school};
use common::timeline::*;
use encore_core::attendance::AttendanceStatus::Present;
use encore_core::insight::{self, Period, RateBy, RateGroup, TermHalf};
use encore_core::lifecycle::{self, Stage};
use encore_core::renewal::DeclineReason;
use encore_core::segment::{self, Range, SegmentDefinition};
use encore_core::tagging::MotivationType::{Future, Honors, Interest};
use encore_core::{lead, value};

fn period(from: &str, to: &str) -> Period {
    Period {
        from: day(from),
        to: day(to),
    }
}

/// (group, renewed, declined, percent) for each group, in the order returned.
fn rates(g: &Grown, by: RateBy, p: Period) -> Vec<(RateGroup, u32, u32, Option<u32>)> {
    g.s.db
        .with_conn(|c| insight::renewal_rates(c, by, &p))
        .unwrap()
        .into_iter()
        .map(|r| (r.group, r.renewed, r.declined, r.percent))
        .collect()
}

#[test]
fn renewal_rate_is_renewed_over_closed_in_each_group() {
    let g = grown();
    let all = period("2025-01-01", "2026-12-31");
    let course = |id, name: &str| RateGroup::Course {
        id,
        name: name.into(),
    };
    assert_eq!(
        rates(&g, RateBy::Course, all),
        [
            (course(g.s.course, "钢琴"), 4, 1, Some(80)),
            (course(g.dance.course, "舞蹈"), 0, 1, Some(0)),
        ]
    );
    let teacher = |id: Option<i64>, name: Option<&str>| RateGroup::Teacher {
        id,
        name: name.map(str::to_string),
    };
    assert_eq!(
        rates(&g, RateBy::Teacher, all),
        [
            (teacher(Some(g.s.teacher), Some("陈宇")), 2, 1, Some(67)),
            (teacher(Some(g.dance.teacher), Some("林舞")), 0, 1, Some(0)),
            (teacher(None, None), 2, 0, Some(100)),
        ],
        "刘小雨 is in no class"
    );
    let m = |t| RateGroup::Motivation {
        motivation: Some(t),
    };
    assert_eq!(
        rates(&g, RateBy::Motivation, all),
        [
            (m(Future), 4, 0, Some(100)),
            (m(Honors), 2, 1, Some(67)),
            (m(Interest), 0, 1, Some(0)),
        ],
        "张小明's renewals count under his mother's type and his father's"
    );
    let term = |year, half| RateGroup::Term { year, half };
    assert_eq!(
        rates(&g, RateBy::Term, all),
        [
            (term(2025, TermHalf::Spring), 1, 0, Some(100)),
            (term(2025, TermHalf::Autumn), 1, 0, Some(100)),
            (term(2026, TermHalf::Spring), 1, 0, Some(100)),
            (term(2026, TermHalf::Autumn), 1, 2, Some(33)),
        ],
        "January 2026 belongs to the autumn term of 2025"
    );
    let first_half = period("2026-01-01", "2026-06-30");
    assert_eq!(
        rates(&g, RateBy::Course, first_half),
        [(course(g.s.course, "钢琴"), 2, 0, Some(100))],
        "only cycles closed in the period"
    );
}

#[test]
fn churn_reasons_are_counted_by_month_most_frequent_first() {
    let g = grown();
    decline_on(
        &g.s,
        1,
        g.s.course,
        DeclineReason::Price,
        None,
        "2026-11-20",
    );
    let months =
        g.s.db
            .with_conn(|c| insight::churn_reasons(c, &period("2026-10-01", "2026-11-30")))
            .unwrap();
    assert_eq!(months.len(), 2);
    assert_eq!((months[0].month.as_str(), months[0].total), ("2026-10", 0));
    let nov = &months[1];
    assert_eq!(nov.total, 3);
    let reasons: Vec<(DeclineReason, u32)> =
        nov.reasons.iter().map(|r| (r.reason, r.count)).collect();
    assert_eq!(
        reasons,
        [(DeclineReason::Price, 2), (DeclineReason::Schedule, 1)]
    );
    assert_eq!(nov.reasons[0].words.zh_cn, "价格");
}

#[test]
fn hours_sold_and_used_are_totalled_by_month() {
    let s = school(1.5);
    s.sell(0, 10.0, 2.0, "2026-09-01", "2027-06-30");
    s.sell(2, 5.0, 0.0, "2026-08-20", "2027-06-30");
    s.roll_call("2026-09-05", &[(0, Present, false)]).unwrap();
    s.roll_call("2026-10-03", &[(0, Present, false), (1, Present, true)])
        .unwrap();
    let months =
        s.db.with_conn(|c| insight::hours_by_month(c, &period("2026-09-01", "2026-11-30")))
            .unwrap();
    let got: Vec<(&str, f64, f64, f64)> = months
        .iter()
        .map(|m| (m.month.as_str(), m.hours.sold, m.hours.bonus, m.hours.used))
        .collect();
    assert_eq!(
        got,
        [
            ("2026-09", 10.0, 2.0, 1.5),
            ("2026-10", 0.0, 0.0, 3.0),
            ("2026-11", 0.0, 0.0, 0.0)
        ],
        "August's sale is outside; a lesson on credit is still used"
    );
}

#[test]
fn lifecycle_counts_cover_students_and_leads() {
    let g = grown();
    let counts =
        g.s.db
            .with_conn(|c| insight::lifecycle_counts(c, today()))
            .unwrap();
    let got: Vec<(Stage, u32, u32)> = counts
        .iter()
        .filter(|c| c.students + c.leads > 0)
        .map(|c| (c.stage, c.students, c.leads))
        .collect();
    assert_eq!(
        got,
        [
            (Stage::Prospect, 0, 1),
            (Stage::New, 2, 0),
            (Stage::Loyal, 1, 0),
            (Stage::Lapsed, 2, 0),
        ],
        "周周 is a lead; 王一 and 陈一 declined but still have hours"
    );
}

/// Every insight answers on a big school; how fast is measured by `cargo bench` (benches/school),
/// never by a timed test.
#[test]
fn every_insight_answers_at_a_2500_student_school() {
    let db = big_school();
    // Mid-history: some families renewing, some due, some gone.
    let today = day("2025-11-22");
    let p = period("2024-09-01", "2026-11-30");
    let every_criterion = SegmentDefinition {
        renewals: Some(Range {
            min: Some(1),
            max: None,
        }),
        tenure_months: Some(Range {
            min: Some(6),
            max: None,
        }),
        skill_levels: vec!["beginner".into()],
        motivations: vec![Future],
        stages: vec![Stage::Lapsed, Stage::Left],
        ..Default::default()
    };
    let answers = |what: &str, run: &dyn Fn(&rusqlite::Connection) -> usize| {
        let n = db.with_conn(|c| Ok(run(c))).unwrap();
        assert!(
            n > 0,
            "{what} found nothing: the big school is not exercising it"
        );
    };
    answers("stages", &|c| lifecycle::stages(c, today).unwrap().len());
    answers("win-back", &|c| {
        lifecycle::win_back(c, today).unwrap().len()
    });
    answers("stages in use", &|c| {
        let counts = lifecycle::counts(c, today).unwrap();
        counts.iter().filter(|s| s.students > 0).count()
    });
    answers("segment", &|c| {
        segment::evaluate(c, &every_criterion, today)
            .unwrap()
            .student_ids
            .len()
    });
    answers("values", &|c| value::family_values(c, today).unwrap().len());
    answers("ideal family", &|c| {
        value::ideal_family(c, today).unwrap().by_course.len()
    });
    answers("funnel", &|c| {
        lead::funnel(c, &p).unwrap().total.enrolled as usize
    });
    for by in RateBy::ALL {
        answers(by.as_str(), &|c| {
            insight::renewal_rates(c, *by, &p).unwrap().len()
        });
    }
    answers("churn", &|c| insight::churn_reasons(c, &p).unwrap().len());
    answers("hours", &|c| insight::hours_by_month(c, &p).unwrap().len());
}
