//! Segments on the grown school (see common/grown.rs): each criterion alone, criteria
//! combined, saved segments, and a segment narrowing the renewal desk.

mod common;

use common::grown::*;
use common::{now, validation};
use encore_core::error::ValidationCode as Code;
use encore_core::guardian::ContactChannel;
use encore_core::lead::LeadSource;
use encore_core::lifecycle::Stage;
use encore_core::renewal::{self, WorklistFilter};
use encore_core::segment::{
    self, Range, Regularity, SegmentDefinition, SegmentInput, SegmentMatch,
};
use encore_core::tagging::MotivationType::{Future, Interest};
use encore_core::{error::Entity, Error};

fn students(g: &Grown, def: &SegmentDefinition) -> Vec<i64> {
    matched(g, def).student_ids
}

fn matched(g: &Grown, def: &SegmentDefinition) -> SegmentMatch {
    g.s.db
        .with_conn(|c| segment::evaluate(c, def, today()))
        .unwrap()
}

fn at_least(min: u32) -> Option<Range> {
    Some(Range {
        min: Some(min),
        max: None,
    })
}

#[test]
fn each_criterion_narrows_on_its_own() {
    let g = grown();
    let k = &g.s.kids;
    let all = students(&g, &SegmentDefinition::default());
    assert_eq!(all, [k[0], k[1], k[2], g.liu_child, g.chen_child]);
    let cases = [
        (
            "renewed at least twice (a family figure)",
            SegmentDefinition {
                renewals: at_least(2),
                ..Default::default()
            },
            vec![k[0], k[1], g.liu_child],
        ),
        (
            "renewed late at least once",
            SegmentDefinition {
                regularity: Some(Regularity::Late),
                ..Default::default()
            },
            vec![k[0], k[1]],
        ),
        (
            "always renewed on time",
            SegmentDefinition {
                regularity: Some(Regularity::OnTime),
                ..Default::default()
            },
            vec![g.liu_child],
        ),
        (
            "with the school for a year or more",
            SegmentDefinition {
                tenure_months: at_least(12),
                ..Default::default()
            },
            vec![k[0], k[1]],
        ),
        (
            "new this autumn: at most 2 whole months",
            SegmentDefinition {
                tenure_months: Some(Range {
                    min: None,
                    max: Some(2),
                }),
                ..Default::default()
            },
            vec![k[2], g.chen_child],
        ),
        (
            "level, compared without case",
            SegmentDefinition {
                skill_levels: vec![" intermediate ".into()],
                ..Default::default()
            },
            vec![k[2]],
        ),
        (
            "prefers the phone",
            SegmentDefinition {
                channels: vec![ContactChannel::Phone],
                ..Default::default()
            },
            vec![k[2]],
        ),
        (
            "interest or future",
            SegmentDefinition {
                motivations: vec![Interest, Future],
                ..Default::default()
            },
            vec![k[0], k[1], g.liu_child, g.chen_child],
        ),
        (
            "dance",
            SegmentDefinition {
                course_ids: vec![g.dance.course],
                ..Default::default()
            },
            vec![g.chen_child],
        ),
        (
            "lapsed",
            SegmentDefinition {
                stages: vec![Stage::Lapsed],
                ..Default::default()
            },
            vec![k[0], k[1]],
        ),
        (
            "came by referral",
            SegmentDefinition {
                sources: vec![LeadSource::Referral],
                ..Default::default()
            },
            vec![g.liu_child],
        ),
    ];
    for (what, def, expected) in cases {
        assert_eq!(students(&g, &def), expected, "{what}");
    }
}

#[test]
fn criteria_combine_with_and_and_give_the_families_too() {
    let g = grown();
    let loyal_future = SegmentDefinition {
        motivations: vec![Future],
        renewals: at_least(2),
        regularity: Some(Regularity::OnTime),
        ..Default::default()
    };
    let m = matched(&g, &loyal_future);
    assert_eq!(m.student_ids, [g.liu_child]);
    assert_eq!(m.family_ids, [g.liu]);
    let piano_future = SegmentDefinition {
        motivations: vec![Future],
        course_ids: vec![g.s.course],
        ..Default::default()
    };
    let m = matched(&g, &piano_future);
    assert_eq!(m.family_ids, [g.zhang, g.liu], "one entry per family");
    assert!(m.has_student(g.s.kids[1]) && !m.has_student(g.s.kids[2]));
    assert!(m.has_family(g.zhang) && !m.has_family(g.wang));
    let nobody = SegmentDefinition {
        course_ids: vec![g.dance.course],
        channels: vec![ContactChannel::Phone],
        ..Default::default()
    };
    assert!(students(&g, &nobody).is_empty());
}

#[test]
fn a_segment_narrows_the_renewal_desk() {
    let g = grown();
    // February 2027: 刘小雨's and 陈一's packages have just ended, 王一's ends this month.
    let on = common::hours::day("2027-02-01");
    let desk = |filter: &WorklistFilter, def: &SegmentDefinition| -> Vec<i64> {
        let m = g.s.db.with_conn(|c| segment::evaluate(c, def, on)).unwrap();
        let mut ids: Vec<i64> =
            g.s.db
                .with_conn(|c| renewal::worklist(c, filter, on))
                .unwrap()
                .into_iter()
                .filter(|row| m.has_student(row.student_id))
                .map(|row| row.student_id)
                .collect();
        ids.sort();
        ids
    };
    let everyone = SegmentDefinition::default();
    let late = SegmentDefinition {
        regularity: Some(Regularity::Late),
        ..Default::default()
    };
    let by_phone = SegmentDefinition {
        channels: vec![ContactChannel::Phone],
        ..Default::default()
    };
    let open = WorklistFilter::default();
    assert_eq!(desk(&open, &everyone), [g.liu_child]);
    assert!(desk(&open, &late).is_empty(), "刘家 always renewed on time");
    let declined = WorklistFilter {
        status: Some(renewal::RenewalStatus::Declined),
        ..Default::default()
    };
    assert_eq!(desk(&declined, &everyone), [g.s.kids[2], g.chen_child]);
    assert_eq!(desk(&declined, &by_phone), [g.s.kids[2]]);
}

#[test]
fn saved_segments_keep_a_name_and_check_their_definition() {
    let g = grown();
    let db = &g.s.db;
    let input = |name: &str, def: SegmentDefinition| SegmentInput {
        name: name.into(),
        definition: def,
    };
    let loyal = SegmentDefinition {
        renewals: at_least(2),
        ..Default::default()
    };
    let saved = db
        .with_tx(|tx| segment::create(tx, &input("VIP 家庭", loyal.clone()), now()))
        .unwrap();
    assert_eq!(saved.definition, loyal);
    assert_eq!(
        validation(db.with_tx(|tx| segment::create(
            tx,
            &input("ｖｉｐ  家庭", loyal.clone()),
            now()
        ))),
        ("name".into(), Code::DuplicateSegment),
        "the same name in full-width letters"
    );
    let upside_down = SegmentDefinition {
        tenure_months: Some(Range {
            min: Some(12),
            max: Some(6),
        }),
        ..Default::default()
    };
    assert_eq!(
        validation(db.with_tx(|tx| segment::create(tx, &input("老客户", upside_down), now()))),
        ("definition.tenureMonths".into(), Code::MinAboveMax)
    );
    let unknown_course = SegmentDefinition {
        course_ids: vec![g.s.course, 999],
        ..Default::default()
    };
    assert_eq!(
        validation(db.with_tx(|tx| segment::create(tx, &input("课程", unknown_course), now()))),
        ("definition.courseIds.1".into(), Code::Required)
    );

    let on_time = SegmentDefinition {
        regularity: Some(Regularity::OnTime),
        ..loyal
    };
    let renamed = db
        .with_tx(|tx| segment::update(tx, saved.id, &input("VIP", on_time), now()))
        .unwrap();
    assert_eq!(renamed.name, "VIP");
    let m = db
        .with_conn(|c| segment::evaluate_saved(c, saved.id, today()))
        .unwrap();
    assert_eq!(m.student_ids, [g.liu_child]);
    let names: Vec<String> = db
        .with_conn(segment::list)
        .unwrap()
        .into_iter()
        .map(|s| s.name)
        .collect();
    assert_eq!(names, ["VIP"]);
    db.with_tx(|tx| segment::delete(tx, saved.id)).unwrap();
    assert!(matches!(
        db.with_tx(|tx| segment::delete(tx, saved.id)),
        Err(Error::NotFound {
            entity: Entity::Segment,
            ..
        })
    ));
}
