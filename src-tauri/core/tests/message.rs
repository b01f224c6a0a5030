//! Goal-based messages from one fixture family: every goal × parent type × language is
//! compared with a reviewed golden file, every shipped template renders without holes for a
//! full and a bare record, and a family lacking what a goal needs is told apart.

mod common;

use common::hours::*;
use common::messages::*;
use common::scripts::{add_achievement, add_opportunity, assert_golden, tag_mother, Won};
use common::*;
use encore_core::achievement::AchievementKind;
use encore_core::consent::{self, ConsentInput, ConsentScope};
use encore_core::error::ValidationCode;
use encore_core::family::NewFamily;
use encore_core::message::{self, template, MessageGoal, MessageRequest, Missing};
use encore_core::opportunity::OpportunityKind;
use encore_core::settings::Locale;
use encore_core::tagging::MotivationType;

/// A result for 小明 and an event open to every course on 2026-12-20.
fn add_news(s: &School, won: Won, (kind, title): (OpportunityKind, &str)) {
    add_achievement(s, won);
    add_opportunity(s, (title, kind, "2026-12-20", None, None, None));
}

/// Classes but no package, no school name, no term plan, no attendance: a competition won, an
/// event of `kind` and a second course, so every goal can still be written.
fn bare(kind: OpportunityKind) -> School {
    let s = school(1.0);
    add_course(&s, "少儿美术");
    let prize = (
        AchievementKind::Competition,
        "区少儿钢琴比赛",
        Some("一等奖"),
        "2026-10-01",
        None,
    );
    add_news(&s, prize, (kind, "新年活动"));
    s
}

/// The fixture with a newer grading result and a grading exam coming first.
fn graded() -> School {
    let s = school_with_art();
    let grade = (
        AchievementKind::Grading,
        "钢琴一级",
        Some("优秀"),
        "2026-11-15",
        None,
    );
    add_news(&s, grade, (OpportunityKind::Exam, "冬季考级"));
    s
}
#[test]
fn every_goal_and_type_reads_as_reviewed_in_both_languages() {
    let s = school_with_art();
    let zhang = family_of(&s, 0);
    for g in MessageGoal::ALL {
        for m in MotivationType::ALL {
            for l in [Locale::En, Locale::ZhCn] {
                let msg = compose(
                    &s,
                    &MessageRequest {
                        motivation: Some(*m),
                        ..request(zhang, *g, l)
                    },
                );
                assert_eq!(
                    (msg.missing, msg.problem.clone()),
                    (None, None),
                    "{g:?} {m:?}"
                );
                assert_eq!(msg.motivation, *m);
                let text = msg.text.unwrap();
                let name = format!("messages/{}-{}.{}.txt", g.as_str(), m.as_str(), l.as_str());
                assert_golden(&name, &text);
            }
        }
    }
}

/// What a message must never show: template leftovers, empty values, doubled punctuation.
fn holes(text: &str) -> Vec<&'static str> {
    const HOLES: [&str; 14] = [
        "none", "None", "{{", "}}", "{%", "%}", "[]", "  ", "\n\n", " .", " ,", "，。", "。。",
        "，，",
    ];
    HOLES.into_iter().filter(|h| text.contains(h)).collect()
}

#[test]
fn every_shipped_template_renders_without_holes_for_a_full_and_a_bare_record() {
    let full = school_with_art();
    tag_mother(&full, MotivationType::Honors);
    let (showcase, camp) = (bare(OpportunityKind::Showcase), bare(OpportunityKind::Camp));
    let graded = graded();
    for (s, signed) in [
        (&full, true),
        (&showcase, false),
        (&camp, false),
        (&graded, true),
    ] {
        let family = family_of(s, 0);
        for g in MessageGoal::ALL {
            for m in MotivationType::ALL {
                for l in [Locale::En, Locale::ZhCn] {
                    let body = template::shipped(*m, *g, l);
                    let msg = compose(
                        s,
                        &MessageRequest {
                            motivation: Some(*m),
                            template: Some(body.into()),
                            ..request(family, *g, l)
                        },
                    );
                    let at = format!("{g:?} {m:?} {l:?} (signed: {signed})");
                    assert_eq!((msg.missing, msg.problem), (None, None), "{at}");
                    let text = msg.text.unwrap();
                    assert!(holes(&text).is_empty(), "{at} {:?}:\n{text}", holes(&text));
                    assert!(text.contains("小明"), "{at}:\n{text}");
                    if *g == MessageGoal::CrossSell {
                        assert!(
                            text.contains("少儿美术"),
                            "{at}: not a course he takes:\n{text}"
                        );
                    }
                    assert_eq!(text.contains("星光艺术中心"), signed, "{at}:\n{text}");
                    // A WeChat or SMS length: a few sentences.
                    let limit = if l == Locale::ZhCn { 400 } else { 800 };
                    assert!(text.chars().count() <= limit, "{at} is too long:\n{text}");
                }
            }
        }
    }
}

#[test]
fn the_type_comes_from_the_guardian_unless_staff_choose_another() {
    let s = school_with_art();
    let zhang = family_of(&s, 0);
    let untagged = compose(
        &s,
        &request(zhang, MessageGoal::ProgressUpdate, Locale::ZhCn),
    );
    assert_eq!(
        (untagged.motivation, untagged.tagged),
        (MotivationType::Interest, false)
    );
    let mother = tag_mother(&s, MotivationType::Future);
    let tagged = compose(
        &s,
        &request(zhang, MessageGoal::ProgressUpdate, Locale::ZhCn),
    );
    assert_eq!(
        (tagged.motivation, tagged.tagged, tagged.guardian_id),
        (MotivationType::Future, true, Some(mother))
    );
    let chosen = compose(
        &s,
        &MessageRequest {
            motivation: Some(MotivationType::Honors),
            ..request(zhang, MessageGoal::ProgressUpdate, Locale::ZhCn)
        },
    );
    assert_eq!(chosen.motivation, MotivationType::Honors);
    assert_eq!(
        chosen.text.unwrap(),
        s.db.with_conn(|c| {
            let body = template::get(
                c,
                MotivationType::Honors,
                MessageGoal::ProgressUpdate,
                Locale::ZhCn,
            )?
            .body;
            message::compose(
                c,
                &MessageRequest {
                    motivation: Some(MotivationType::Honors),
                    template: Some(body),
                    ..request(zhang, MessageGoal::ProgressUpdate, Locale::ZhCn)
                },
                now().date_naive(),
            )
        })
        .unwrap()
        .text
        .unwrap()
    );
}

#[test]
fn the_child_the_goal_fits_is_chosen_and_a_named_child_must_be_the_familys() {
    let s = school_with_art();
    s.sell(1, 20.0, 0.0, "2026-09-01", "2027-02-28");
    let zhang = family_of(&s, 0);
    let renewal = compose(
        &s,
        &request(zhang, MessageGoal::RenewalReminder, Locale::En),
    );
    assert_eq!(
        renewal.student_id,
        Some(s.kids[0]),
        "小明 has fewer hours left than 小红"
    );
    let named = compose(
        &s,
        &MessageRequest {
            student_id: Some(s.kids[1]),
            ..request(zhang, MessageGoal::RenewalReminder, Locale::ZhCn)
        },
    );
    assert!(named.text.unwrap().contains("小红"));
    let other = s.db.with_conn(|c| {
        message::compose(
            c,
            &MessageRequest {
                student_id: Some(s.kids[2]),
                ..request(zhang, MessageGoal::RenewalReminder, Locale::En)
            },
            now().date_naive(),
        )
    });
    assert_eq!(
        validation(other),
        ("studentId".into(), ValidationCode::StudentNotInFamily)
    );
}

#[test]
fn a_segment_gets_one_message_per_family_and_says_what_a_family_lacks() {
    let s = school_with_art();
    let (zhang, wang) = (family_of(&s, 0), family_of(&s, 2));
    let li = add_family(
        &s.db,
        &NewFamily {
            name: "李家".into(),
            students: vec![child("李乐")],
            ..zhang_family()
        },
    );
    let batch =
        s.db.with_conn(|c| {
            message::compose_for_segment(
                c,
                &[zhang, li, wang],
                MessageGoal::InformEvent,
                Locale::ZhCn,
                now().date_naive(),
            )
        })
        .unwrap();
    let families: Vec<i64> = batch.iter().map(|m| m.family_id).collect();
    assert_eq!(families, [zhang, li, wang]);
    assert!(batch[0]
        .text
        .as_deref()
        .unwrap()
        .contains("春季青少年钢琴大赛"));
    assert_eq!(
        (batch[1].missing, batch[1].text.clone()),
        (Some(Missing::NoCourse), None)
    );
    assert_eq!(batch[1].family_name, "李家");
    assert!(batch[2].text.as_deref().unwrap().contains("王一"));

    // A family that declined contact by message is not written to.
    s.db.with_tx(|tx| {
        consent::record(
            tx,
            wang,
            &ConsentInput {
                guardian_id: None,
                given_on: "2026-09-01".parse().unwrap(),
                scopes: vec![ConsentScope::Records],
                recorded_by: s.teacher,
                note: None,
            },
            now(),
        )
    })
    .unwrap();
    let declined = compose(&s, &request(wang, MessageGoal::InformEvent, Locale::ZhCn));
    assert_eq!(
        (declined.missing, declined.text),
        (Some(Missing::MessagesDeclined), None)
    );

    // Without an event at the child's level there is nothing to tell.
    let plain = school(1.0);
    let no_event = compose(
        &plain,
        &request(family_of(&plain, 0), MessageGoal::InformEvent, Locale::En),
    );
    assert_eq!(no_event.missing, Some(Missing::NoEvent));
    let no_other = compose(
        &plain,
        &request(family_of(&plain, 0), MessageGoal::CrossSell, Locale::En),
    );
    assert_eq!(no_other.missing, Some(Missing::NoOtherCourse));
}
