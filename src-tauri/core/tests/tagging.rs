//! The tagging wizard and tags: scoring that explains itself, results kept with history,
//! respectful custom tags, and lists filtered by either.

mod common;

use common::*;
use encore_core::error::ValidationCode as Code;
use encore_core::tag::{self, TagFilter, TagInput, TagTarget};
use encore_core::tagging::{self, Answer, MotivationInput, MotivationType::*, Questionnaire};
use encore_core::{family, guardian, student};

fn answers(pairs: &[(&str, &[&str])]) -> Vec<Answer> {
    pairs
        .iter()
        .map(|(q, opts)| Answer {
            question_id: q.to_string(),
            option_ids: opts.iter().map(|o| o.to_string()).collect(),
        })
        .collect()
}

#[test]
fn each_type_has_answer_sets_that_suggest_it_and_the_reasons_say_why() {
    let q = Questionnaire::built_in();
    let cases = [
        (
            Future,
            answers(&[
                ("hope", &["skills_path"]),
                ("admission", &["yes_admission"]),
                ("choice", &["parent"]),
                ("showcase", &["none"]),
            ]),
            // Equal weights keep the questionnaire's order.
            ("hope", "skills_path"),
        ),
        (
            Interest,
            answers(&[
                ("hope", &["enjoyment"]),
                ("choice", &["child"]),
                ("compare", &["rarely"]),
                ("value", &["happy_child", "attention"]),
            ]),
            ("hope", "enjoyment"),
        ),
        (
            Honors,
            answers(&[
                ("hope", &["stage"]),
                ("showcase", &["many"]),
                ("sharing", &["often"]),
                ("admission", &["no"]),
            ]),
            ("hope", "stage"),
        ),
    ];
    for (expected, given, deciding) in cases {
        let s = tagging::score(&q, &given).unwrap();
        assert_eq!(s.primary, Some(expected), "{given:?}");
        assert_eq!(
            s.secondary, None,
            "a clear case names no second type: {s:?}"
        );
        let first = &s.reasons[0];
        assert_eq!(
            (first.question_id.as_str(), first.option_id.as_str()),
            deciding
        );
        assert!(s.reasons.iter().all(|r| r.motivation == expected));
    }
}

#[test]
fn mixed_answers_surface_a_secondary_type_with_its_own_reasons() {
    let q = Questionnaire::built_in();
    let mixed = answers(&[
        ("hope", &["skills_path"]),
        ("admission", &["yes_grading"]),
        ("showcase", &["many"]),
        ("value", &["progress_plan", "results"]),
    ]);
    let s = tagging::score(&q, &mixed).unwrap();
    assert_eq!(
        (s.primary, s.secondary),
        (Some(Future), Some(Honors)),
        "{s:?}"
    );
    assert_eq!((s.future, s.honors), (7, 6));
    assert!(s
        .reasons
        .iter()
        .any(|r| r.motivation == Honors && r.option_id == "many"));
    assert_eq!(
        s.reasons[0].motivation, Future,
        "the primary's reasons come first"
    );
}

#[test]
fn no_answers_suggest_nothing_and_unknown_answers_are_refused() {
    let q = Questionnaire::built_in();
    assert_eq!(tagging::score(&q, &[]).unwrap().primary, None);
    let unknown = tagging::score(&q, &answers(&[("hope", &["fame"])]));
    assert_eq!(
        validation(unknown),
        ("answers.0".into(), Code::UnknownAnswer)
    );
    let two = tagging::score(&q, &answers(&[("hope", &["enjoyment", "stage"])]));
    assert_eq!(validation(two).1, Code::OneAnswerOnly);
}

#[test]
fn the_staff_choice_is_kept_with_who_when_and_the_answers_and_history_stays() {
    let db = db();
    let id = add_family(&db, &zhang_family());
    let mother = db.with_conn(|c| guardian::list_for_family(c, id)).unwrap()[0].id;
    let teacher = add_teacher(&db, "陈宇");
    let q = Questionnaire::built_in();
    let given = answers(&[("hope", &["enjoyment"]), ("choice", &["child"])]);
    // Staff overrode the suggestion (interest) with honors, interest second.
    let input = MotivationInput {
        guardian_id: mother,
        primary: Honors,
        secondary: Some(Interest),
        answers: given.clone(),
        tagged_by: teacher,
    };
    db.with_tx(|tx| tagging::record(tx, &q, &input, now()))
        .unwrap();
    let g = db.with_conn(|c| guardian::get(c, mother)).unwrap();
    let m = g.motivation.unwrap();
    assert_eq!(
        (m.primary, m.secondary, m.suggested),
        (Honors, Some(Interest), Some(Interest))
    );
    assert_eq!(
        (m.tagged_by.as_str(), m.tagged_at, m.answers),
        ("陈宇", now(), given)
    );

    let again = MotivationInput {
        primary: Interest,
        secondary: None,
        ..input.clone()
    };
    db.with_tx(|tx| tagging::record(tx, &q, &again, now()))
        .unwrap();
    let history = db.with_conn(|c| tagging::history(c, mother)).unwrap();
    assert_eq!(
        history.iter().map(|m| m.primary).collect::<Vec<_>>(),
        [Interest, Honors]
    );

    let same = MotivationInput {
        secondary: Some(Honors),
        primary: Honors,
        ..input
    };
    assert_eq!(
        validation(db.with_tx(|tx| tagging::record(tx, &q, &same, now()))).1,
        Code::SameAsPrimary
    );
}

#[test]
fn custom_tags_must_be_named_short_unique_in_any_case_and_respectful() {
    let db = db();
    let add = |name: &str, keep: bool| {
        db.with_tx(|tx| {
            tag::add(
                tx,
                &TagInput {
                    name: name.into(),
                    keep_wording: keep,
                },
                now(),
            )
        })
    };
    add("VIP", false).unwrap();
    assert_eq!(
        validation(add("  ", false)),
        ("name".into(), Code::Required)
    );
    assert_eq!(validation(add(&"长".repeat(31), false)).1, Code::TooLong);
    assert_eq!(validation(add("vip", false)).1, Code::DuplicateTag);
    assert_eq!(
        validation(add("ｖｉｐ", false)).1,
        Code::DuplicateTag,
        "full-width is the same tag"
    );
    assert_eq!(validation(add("家长难缠", false)).1, Code::WordingFlagged);
    add("家长难缠", true).expect("staff may keep their words after seeing the suggestion");
    assert_eq!(count(&db, "tag"), 2);
}

#[test]
fn lists_filter_by_motivation_or_tag_through_guardians() {
    let db = db();
    let zhang = add_family(&db, &zhang_family());
    add_family(
        &db,
        &encore_core::family::NewFamily {
            name: "王家".into(),
            students: vec![child("王一")],
            ..zhang_family()
        },
    );
    let teacher = add_teacher(&db, "陈宇");
    let detail = db.with_conn(|c| family::detail(c, zhang)).unwrap();
    let q = Questionnaire::built_in();
    let input = MotivationInput {
        guardian_id: detail.guardians[0].id,
        primary: Future,
        secondary: Some(Honors),
        answers: vec![],
        tagged_by: teacher,
    };
    db.with_tx(|tx| tagging::record(tx, &q, &input, now()))
        .unwrap();

    let by = |f: TagFilter| {
        db.with_conn(|c| family::list(c, false, &f))
            .unwrap()
            .into_iter()
            .map(|f| f.name)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        by(TagFilter {
            motivation: Some(Future),
            tag_id: None
        }),
        ["张家"]
    );
    assert_eq!(
        by(TagFilter {
            motivation: Some(Honors),
            tag_id: None
        }),
        ["张家"],
        "secondary types count too"
    );
    assert!(by(TagFilter {
        motivation: Some(Interest),
        tag_id: None
    })
    .is_empty());
    let all = db
        .with_conn(|c| family::list(c, false, &TagFilter::default()))
        .unwrap();
    assert_eq!(
        all.iter().find(|f| f.name == "张家").unwrap().motivations,
        [Future]
    );

    let scholarship = db
        .with_tx(|tx| {
            tag::add(
                tx,
                &TagInput {
                    name: "奖学金".into(),
                    keep_wording: false,
                },
                now(),
            )
        })
        .unwrap();
    let kid = detail.students[1].id;
    db.with_tx(|tx| {
        tag::attach(
            tx,
            scholarship.id,
            TagTarget {
                guardian_id: None,
                student_id: Some(kid),
            },
            now(),
        )
    })
    .unwrap();
    let students = |f: TagFilter| {
        db.with_conn(|c| student::list(c, false, &f))
            .unwrap()
            .into_iter()
            .map(|s| s.name)
            .collect::<Vec<_>>()
    };
    assert_eq!(
        students(TagFilter {
            motivation: None,
            tag_id: Some(scholarship.id)
        }),
        ["张小红"]
    );
    assert_eq!(
        by(TagFilter {
            motivation: None,
            tag_id: Some(scholarship.id)
        }),
        ["张家"]
    );
    assert_eq!(
        students(TagFilter {
            motivation: Some(Future),
            tag_id: None
        })
        .len(),
        2,
        "both children of the tagged mother"
    );

    db.with_tx(|tx| {
        tag::detach(
            tx,
            scholarship.id,
            TagTarget {
                guardian_id: None,
                student_id: Some(kid),
            },
            now(),
        )
    })
    .unwrap();
    assert!(students(TagFilter {
        motivation: None,
        tag_id: Some(scholarship.id)
    })
    .is_empty());
    assert_eq!(
        count(&db, "tag_link"),
        1,
        "a removed tag stays in the history"
    );
}
