//! Conversation scripts and meeting briefs from one fixture family: the renewal script for
//! each parent type in both languages is compared with reviewed golden files, and template
//! mistakes are reported with their line instead of breaking anything.

mod common;

use common::hours::*;
use common::scripts::{assert_golden, fixture, tag_mother};
use common::*;
use encore_core::script::brief;
use encore_core::script::template;
use encore_core::script::{self, ProblemKind, ScriptGoal, ScriptRequest};
use encore_core::settings::Locale;
use encore_core::tagging::MotivationType;

fn renew(s: &School, locale: Locale, template: Option<&str>) -> script::Script {
    s.db.with_conn(|c| {
        script::generate(
            c,
            &ScriptRequest {
                student_id: s.kids[0],
                course_id: None,
                guardian_id: None,
                goal: ScriptGoal::Renew,
                locale,
                template: template.map(Into::into),
            },
            now().date_naive(),
        )
    })
    .unwrap()
}

#[test]
fn the_renewal_script_for_each_parent_type_reads_as_reviewed_in_both_languages() {
    let s = fixture();
    for m in [
        MotivationType::Future,
        MotivationType::Interest,
        MotivationType::Honors,
    ] {
        tag_mother(&s, m);
        for locale in [Locale::En, Locale::ZhCn] {
            let script = renew(&s, locale, None);
            assert_eq!((script.motivation, script.tagged), (m, true));
            assert_eq!(script.problem, None);
            let text = script.text.unwrap();
            assert_golden(
                &format!("renew-{}.{}.txt", m.as_str(), locale.as_str()),
                &text,
            );
            // What the record says must reach the parent, whatever the type.
            for fact in ["春季青少年钢琴大赛", "市少儿钢琴比赛", "拜厄"] {
                assert!(
                    text.contains(fact),
                    "{m:?} {locale:?} lacks {fact}:\n{text}"
                );
            }
            assert!(
                !text.contains("高级组独奏会"),
                "an advanced recital does not fit a beginner"
            );
            assert!(!text.contains("none") && !text.contains("[]"), "{text}");
        }
    }
}

#[test]
fn every_shipped_template_renders_for_the_fixture_and_for_a_bare_record() {
    let full = fixture();
    tag_mother(&full, MotivationType::Honors);
    let bare = school(1.0);
    bare.sell(0, 4.0, 0.0, "2026-09-01", "2027-02-28");
    for s in [&full, &bare] {
        for m in MotivationType::ALL {
            for g in ScriptGoal::ALL {
                for l in [Locale::En, Locale::ZhCn] {
                    let body = template::shipped(*m, *g, l);
                    assert!(!body.is_empty(), "{m:?} {g:?} {l:?} is shipped");
                    let script =
                        s.db.with_conn(|c| {
                            script::generate(
                                c,
                                &ScriptRequest {
                                    student_id: s.kids[0],
                                    course_id: None,
                                    guardian_id: None,
                                    goal: *g,
                                    locale: l,
                                    template: Some(body.into()),
                                },
                                now().date_naive(),
                            )
                        })
                        .unwrap();
                    assert_eq!(script.problem, None, "{m:?} {g:?} {l:?}");
                    let text = script.text.unwrap();
                    assert!(text.contains("小明"), "{m:?} {g:?} {l:?}: {text}");
                    assert!(!text.contains("\n\n\n"), "{m:?} {g:?} {l:?}");
                }
            }
        }
    }
}

#[test]
fn template_mistakes_name_their_line_and_runaway_loops_stop() {
    let s = fixture();
    let problem = |body: &str| renew(&s, Locale::En, Some(body)).problem.unwrap();
    let unknown = problem("Dear {{ guardian.address }},\n{{ studnet.name }} did well.");
    assert_eq!(
        (unknown.kind, unknown.line),
        (ProblemKind::UnknownName, Some(2))
    );
    let syntax = problem("Hello\n{% if achievements %}\nno end");
    assert_eq!(syntax.kind, ProblemKind::Syntax);
    assert!(syntax.line.is_some());
    let endless =
        problem("{% for a in range(1000) %}{% for b in range(1000) %}x{% endfor %}{% endfor %}");
    assert_eq!(endless.kind, ProblemKind::TooLong);
    // A template cannot reach beyond the record it is given.
    assert_eq!(problem("{{ env }}").kind, ProblemKind::UnknownName);
}

#[test]
fn the_school_edits_a_template_and_can_restore_the_shipped_one() {
    let s = fixture();
    tag_mother(&s, MotivationType::Honors);
    let (m, g, l) = (MotivationType::Honors, ScriptGoal::Renew, Locale::En);
    let broken =
        s.db.with_tx(|tx| template::save(tx, m, g, l, "{% if %}", now()))
            .unwrap();
    assert_eq!(
        broken.unwrap().kind,
        ProblemKind::Syntax,
        "a broken text is not stored"
    );
    let edited =
        s.db.with_tx(|tx| template::save(tx, m, g, l, "Hello {{ guardian.address }}!", now()))
            .unwrap();
    assert_eq!(edited, None);
    assert_eq!(renew(&s, l, None).text.unwrap(), "Hello 李芳!");
    let restored = s.db.with_tx(|tx| template::restore(tx, m, g, l)).unwrap();
    assert!(!restored.edited);
    assert_eq!(restored.body, template::shipped(m, g, l));
}

#[test]
fn the_brief_puts_siblings_together_with_the_script_for_the_child_who_is_due() {
    let s = fixture();
    tag_mother(&s, MotivationType::Honors);
    let family =
        s.db.with_conn(|c| encore_core::student::get(c, s.kids[0]))
            .unwrap()
            .family_id;
    let b =
        s.db.with_conn(|c| brief::brief(c, family, Locale::ZhCn, now().date_naive()))
            .unwrap();
    let names: Vec<&str> = b.children.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names.len(), 2, "{names:?}");
    let ming = b.children.iter().find(|c| c.name == "张小明").unwrap();
    let piano = &ming.courses[0];
    assert_eq!((piano.lessons, piano.attended), (12, 11));
    assert_eq!(piano.teacher.as_deref(), Some("陈宇"));
    assert_eq!(ming.achievements.len(), 2);
    let mother = &b.guardians[0];
    assert_eq!(mother.motivation_words.as_deref(), Some("荣誉展示型"));
    assert_eq!(mother.talking_points.len(), 3);
    let script = b.script.unwrap();
    assert_eq!(
        script.student_id, s.kids[0],
        "小明 has fewer hours left than 小红"
    );
    assert!(script.text.unwrap().contains("春季青少年钢琴大赛"));
}

/// The renewal list writes its scripts in one batch, reusing compiled templates and the
/// school-wide parts; each must read exactly as if it had been written alone.
#[test]
fn a_batch_of_scripts_reads_as_each_script_written_alone() {
    let s = fixture();
    tag_mother(&s, MotivationType::Honors);
    let requests: Vec<ScriptRequest> = [Locale::ZhCn, Locale::En, Locale::ZhCn]
        .into_iter()
        .flat_map(|locale| {
            [ScriptGoal::Renew, ScriptGoal::Upsell, ScriptGoal::CrossSell].map(|goal| {
                ScriptRequest {
                    student_id: s.kids[0],
                    course_id: None,
                    guardian_id: None,
                    goal,
                    locale,
                    template: None,
                }
            })
        })
        .collect();
    let today = now().date_naive();
    let batch =
        s.db.with_conn(|c| script::generate_many(c, &requests, today))
            .unwrap();
    assert_eq!(batch.len(), requests.len());
    for (request, written) in requests.iter().zip(&batch) {
        let alone =
            s.db.with_conn(|c| script::generate(c, request, today))
                .unwrap();
        assert!(written.text.as_deref().is_some_and(|t| !t.is_empty()));
        assert_eq!(
            written.text, alone.text,
            "{:?} {:?}",
            request.goal, request.locale
        );
    }
}
