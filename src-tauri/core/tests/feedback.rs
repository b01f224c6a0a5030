//! End-of-term feedback: scores 1–5 with the parents' words, refused with the field and code
//! when out of range, listed per family and averaged per term.

mod common;

use common::hours::*;
use common::messages::family_of;
use common::*;
use encore_core::error::ValidationCode;
use encore_core::feedback::{self, FeedbackInput, Scores, TermAverage};

fn input(s: &School, family_id: i64, term: &str, overall: u8) -> FeedbackInput {
    FeedbackInput {
        family_id,
        student_id: Some(s.kids[0]),
        term: term.into(),
        scores: Scores {
            teaching: Some(5),
            progress: Some(4),
            communication: None,
            overall,
        },
        text: Some("  老师很耐心，希望多一些练琴方法的指导。 ".into()),
        recorded_by: s.teacher,
    }
}

#[test]
fn feedback_is_kept_with_the_family_newest_first() {
    let s = school(1.0);
    let zhang = family_of(&s, 0);
    let first =
        s.db.with_tx(|tx| feedback::record(tx, &input(&s, zhang, " 2026 春季 ", 4), now()))
            .unwrap();
    assert_eq!(first.term, "2026 春季");
    assert_eq!(
        first.text.as_deref(),
        Some("老师很耐心，希望多一些练琴方法的指导。")
    );
    assert_eq!(
        (
            first.scores.teaching,
            first.scores.communication,
            first.student_name.as_deref()
        ),
        (Some(5), None, Some("张小明"))
    );
    assert_eq!(first.recorded_by_name, "陈宇");
    let later = now() + chrono::Days::new(1);
    let second =
        s.db.with_tx(|tx| feedback::record(tx, &input(&s, zhang, "2026 秋季", 5), later))
            .unwrap();
    let listed =
        s.db.with_conn(|c| feedback::list_for_family(c, zhang))
            .unwrap();
    let ids: Vec<i64> = listed.iter().map(|f| f.id).collect();
    assert_eq!(ids, [second.id, first.id]);
    let wang = family_of(&s, 2);
    assert!(s
        .db
        .with_conn(|c| feedback::list_for_family(c, wang))
        .unwrap()
        .is_empty());
}

#[test]
fn scores_outside_one_to_five_an_empty_term_and_a_stranger_child_are_refused() {
    let s = school(1.0);
    let zhang = family_of(&s, 0);
    let refused = |i: FeedbackInput| validation(s.db.with_tx(|tx| feedback::record(tx, &i, now())));
    let code = ValidationCode::ScoreOutOfRange;
    assert_eq!(
        refused(input(&s, zhang, "2026 秋季", 0)),
        ("overall".into(), code)
    );
    assert_eq!(
        refused(input(&s, zhang, "2026 秋季", 6)),
        ("overall".into(), code)
    );
    for (field, score) in [("teaching", 0), ("progress", 6), ("communication", 9)] {
        let mut i = input(&s, zhang, "2026 秋季", 3);
        match field {
            "teaching" => i.scores.teaching = Some(score),
            "progress" => i.scores.progress = Some(score),
            _ => i.scores.communication = Some(score),
        }
        assert_eq!(refused(i), (field.into(), code));
    }
    assert_eq!(
        refused(input(&s, zhang, "   ", 3)),
        ("term".into(), ValidationCode::Required)
    );
    assert_eq!(
        refused(FeedbackInput {
            student_id: Some(s.kids[2]),
            ..input(&s, zhang, "2026 秋季", 3)
        }),
        ("studentId".into(), ValidationCode::StudentNotInFamily)
    );
    assert_eq!(
        refused(FeedbackInput {
            recorded_by: 9999,
            ..input(&s, zhang, "2026 秋季", 3)
        }),
        ("recordedBy".into(), ValidationCode::Required)
    );
    assert_eq!(
        count(&s.db, "family_feedback"),
        0,
        "nothing is stored half-way"
    );
}

#[test]
fn each_term_is_averaged_over_the_scores_given() {
    let s = school(1.0);
    let (zhang, wang) = (family_of(&s, 0), family_of(&s, 2));
    let record = |i: FeedbackInput, day: u64| {
        s.db.with_tx(|tx| feedback::record(tx, &i, now() + chrono::Days::new(day)))
            .unwrap();
    };
    record(input(&s, zhang, "2026 春季", 3), 0);
    let mut autumn = input(&s, zhang, "2026 秋季", 4);
    (autumn.scores.teaching, autumn.scores.progress) = (Some(2), None);
    record(autumn, 10);
    let mut other = input(&s, wang, "2026 秋季", 5);
    (other.student_id, other.scores.communication) = (None, Some(5));
    record(other, 11);
    let averages = s.db.with_conn(feedback::averages).unwrap();
    assert_eq!(
        averages,
        [
            TermAverage {
                term: "2026 秋季".into(),
                responses: 2,
                families: 2,
                teaching: Some(3.5),
                progress: Some(4.0),
                communication: Some(5.0),
                overall: 4.5,
            },
            TermAverage {
                term: "2026 春季".into(),
                responses: 1,
                families: 1,
                teaching: Some(5.0),
                progress: Some(4.0),
                communication: None,
                overall: 3.0,
            },
        ]
    );
}
