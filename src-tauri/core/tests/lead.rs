//! Leads and trials: what the front desk may record, booking and marking trials, dropping and
//! reopening, enrolling in one action, the funnel's arithmetic, and what erasing a family does
//! to the leads it touched.

mod common;

use common::hours::*;
use common::timeline::*;
use common::{count, now, validation};
use encore_core::error::{ConflictCode, ValidationCode as Code};
use encore_core::family;
use encore_core::insight::Period;
use encore_core::lead::{
    self, CloseInput, LeadFilter, LeadSource, LeadState, TrialInput, TrialOutcome, TrialResult,
};
use encore_core::renewal::DeclineReason;
use encore_core::settings::{self, Locale};
use encore_core::{privacy, Error};

fn zhang_family_id(s: &School) -> i64 {
    s.db.with_conn(|c| encore_core::student::get(c, s.kids[0]))
        .unwrap()
        .family_id
}

#[test]
fn a_referral_must_name_the_family_and_only_a_referral_may() {
    let s = school(1.0);
    let referral = lead_input("刘小雨", "2026-11-01", LeadSource::Referral);
    let add = |input: &lead::ProspectInput| s.db.with_tx(|tx| lead::add(tx, input, now()));
    assert_eq!(
        validation(add(&referral)),
        ("referredByFamilyId".into(), Code::Required)
    );
    let walk_in = lead::ProspectInput {
        referred_by_family_id: Some(zhang_family_id(&s)),
        ..lead_input("刘小雨", "2026-11-01", LeadSource::WalkIn)
    };
    assert_eq!(
        validation(add(&walk_in)),
        ("referredByFamilyId".into(), Code::ReferralOnly)
    );
    let bad = [
        (
            lead::ProspectInput {
                phone: Some("12345".into()),
                ..walk_in.clone()
            },
            "phone",
            Code::InvalidPhone,
        ),
        (
            lead::ProspectInput {
                first_contact_on: day("2026-12-25"),
                ..walk_in.clone()
            },
            "firstContactOn",
            Code::DateInFuture,
        ),
        (
            lead::ProspectInput {
                child_name: "  ".into(),
                ..walk_in.clone()
            },
            "childName",
            Code::Required,
        ),
    ];
    for (input, field, code) in bad {
        let input = lead::ProspectInput {
            referred_by_family_id: None,
            ..input
        };
        assert_eq!(validation(add(&input)), (field.into(), code));
    }
    assert_eq!(count(&s.db, "prospect"), 0, "nothing stored half-way");

    let named = lead::ProspectInput {
        referred_by_family_id: Some(zhang_family_id(&s)),
        ..referral
    };
    let lead = add(&named).unwrap();
    assert_eq!(lead.referred_by_family_name.as_deref(), Some("张家"));
    assert_eq!(lead.child_birth_year, Some(2019), "7 years old in 2026");
    assert_eq!(lead.phone.as_deref(), Some("13700001234"));
}

#[test]
fn a_lead_is_corrected_in_place() {
    let s = school(1.0);
    let first = lead_input("刘小雨", "2026-11-01", LeadSource::WalkIn);
    let id = add_lead(&s, &first);
    let corrected = lead::ProspectInput {
        source: LeadSource::Referral,
        referred_by_family_id: Some(zhang_family_id(&s)),
        child_age: None,
        child_birth_year: Some(2018),
        notes: Some("  想学钢琴 ".into()),
        ..first.clone()
    };
    let lead =
        s.db.with_tx(|tx| lead::update(tx, id, &corrected, now()))
            .unwrap();
    assert_eq!(lead.id, id);
    assert_eq!(lead.source, LeadSource::Referral);
    assert_eq!(lead.child_birth_year, Some(2018));
    assert_eq!(lead.notes.as_deref(), Some("想学钢琴"));
    assert_eq!(count(&s.db, "prospect"), 1, "corrected, not added");
    let missing = s.db.with_tx(|tx| lead::update(tx, id + 1, &first, now()));
    assert!(
        matches!(missing, Err(Error::NotFound { .. })),
        "{missing:?}"
    );
}

#[test]
fn trials_are_booked_for_a_course_and_marked_by_staff() {
    let s = school(1.0);
    let dance = dance(&s, &[s.kids[0]]);
    let id = add_lead(&s, &lead_input("刘小雨", "2026-11-01", LeadSource::Flyer));
    let booking = TrialInput {
        prospect_id: id,
        course_id: dance.course,
        class_id: Some(s.class),
        scheduled_at: "2026-11-08T16:00:00".parse().unwrap(),
    };
    assert_eq!(
        validation(s.db.with_tx(|tx| lead::book_trial(tx, &booking, now()))),
        ("classId".into(), Code::Required),
        "the piano class does not teach dance"
    );
    let missed = trial(&s, id, "2026-11-08", Some(TrialResult::NoShow));
    let pending = trial(&s, id, "2026-11-15", None);
    assert!(
        s.db.with_tx(|tx| lead::cancel_trial(tx, missed)).is_err(),
        "a trial with an outcome stays on record"
    );
    s.db.with_tx(|tx| lead::cancel_trial(tx, pending)).unwrap();
    let lead = s.db.with_conn(|c| lead::get(c, id)).unwrap();
    assert_eq!(lead.trials.len(), 1);
    assert_eq!(lead.trials[0].outcome, TrialOutcome::NoShow);
    assert_eq!(lead.trials[0].class_name.as_deref(), Some("周六钢琴A"));
    assert_eq!(lead.trials[0].recorded_by, Some(s.teacher));
}

#[test]
fn a_dropped_lead_keeps_its_reason_and_is_back_when_it_books_a_trial() {
    let s = school(1.0);
    let id = add_lead(
        &s,
        &lead_input("刘小雨", "2026-11-01", LeadSource::SocialMedia),
    );
    let close = |reason, text: Option<&str>| {
        s.db.with_tx(|tx| {
            lead::close(
                tx,
                id,
                &CloseInput {
                    reason,
                    text: text.map(str::to_string),
                },
                on("2026-11-10"),
            )
        })
    };
    assert_eq!(
        validation(close(DeclineReason::Other, None)),
        ("text".into(), Code::Required)
    );
    let dropped = close(DeclineReason::Schedule, None).unwrap();
    assert_eq!(dropped.closed.as_ref().unwrap().on, day("2026-11-10"));
    let list = |state| {
        s.db.with_conn(|c| {
            lead::list(
                c,
                &LeadFilter {
                    state: Some(state),
                    source: None,
                },
            )
        })
        .unwrap()
        .len()
    };
    assert_eq!((list(LeadState::Open), list(LeadState::Dropped)), (0, 1));
    trial(&s, id, "2026-11-20", None);
    assert_eq!((list(LeadState::Open), list(LeadState::Dropped)), (1, 0));
}

#[test]
fn enrolling_creates_the_family_links_the_lead_and_tells_the_story() {
    let s = school(1.0);
    s.db.with_tx(|tx| settings::set_locale(tx, Locale::ZhCn))
        .unwrap();
    let input = lead::ProspectInput {
        referred_by_family_id: Some(zhang_family_id(&s)),
        course_id: Some(s.course),
        ..lead_input("刘小雨", "2026-10-03", LeadSource::Referral)
    };
    let id = add_lead(&s, &input);
    let trial_id = trial(&s, id, "2026-10-10", Some(TrialResult::Attended));
    let draft =
        s.db.with_conn(|c| lead::draft(c, id, day("2026-10-12")))
            .unwrap();
    assert_eq!(draft.name, "刘小雨家");
    assert_eq!(draft.guardians[0].info.name, "刘小雨妈妈");
    assert_eq!(draft.students[0].courses_of_interest, ["钢琴"]);

    let enrolled = enroll(&s, id, "2026-10-12");
    let detail =
        s.db.with_conn(|c| family::detail(c, enrolled.family_id))
            .unwrap();
    assert_eq!(detail.students[0].id, enrolled.student_id);
    assert_eq!(detail.students[0].info.name, "刘小雨");
    assert_eq!(detail.guardians[0].id, enrolled.guardian_ids[0]);
    assert_eq!(
        detail.guardians[0].info.mobile.as_deref(),
        Some("13700001234")
    );
    assert_eq!(
        detail.notes[0].body,
        "报名入学：2026-10-03 首次接触（张家推荐），2026-10-10 16:00 试听（钢琴）。"
    );
    let lead = s.db.with_conn(|c| lead::get(c, id)).unwrap();
    assert_eq!(lead.family_id, Some(enrolled.family_id));
    assert_eq!(lead.converted_on, Some(day("2026-10-12")));
    assert_eq!(lead.trials[0].id, trial_id);
    assert_eq!(lead.trials[0].outcome, TrialOutcome::Enrolled);

    let again = s.db.with_tx(|tx| {
        lead::convert(
            tx,
            id,
            &lead::ConversionInput {
                family: draft.clone(),
                enrolled_by: s.teacher,
            },
            on("2026-10-13"),
        )
    });
    assert!(
        matches!(
            again,
            Err(Error::Conflict {
                code: ConflictCode::ProspectConverted
            })
        ),
        "{again:?}"
    );
    assert_eq!(count(&s.db, "family"), 3, "no second family");
}

#[test]
fn the_funnel_counts_each_lead_in_the_month_it_first_got_in_touch() {
    let s = school(1.0);
    let referred = |child: &str, date: &str| lead::ProspectInput {
        referred_by_family_id: Some(zhang_family_id(&s)),
        ..lead_input(child, date, LeadSource::Referral)
    };
    // September: 2 referrals (both tried, one enrolled), 1 walk-in enrolled without a trial.
    let a = add_lead(&s, &referred("甲", "2026-09-03"));
    let b = add_lead(&s, &referred("乙", "2026-09-20"));
    let c = add_lead(&s, &lead_input("丙", "2026-09-28", LeadSource::WalkIn));
    trial(&s, a, "2026-09-10", Some(TrialResult::Attended));
    trial(&s, b, "2026-09-27", Some(TrialResult::Declined));
    enroll(&s, a, "2026-10-02");
    enroll(&s, c, "2026-09-29");
    // October: 4 flyers; one missed its trial, one is booked; nobody enrolled yet.
    for (i, child) in ["丁", "戊", "己", "庚"].iter().enumerate() {
        let id = add_lead(
            &s,
            &lead_input(child, &format!("2026-10-0{}", i + 1), LeadSource::Flyer),
        );
        match i {
            0 => drop(trial(&s, id, "2026-10-20", Some(TrialResult::NoShow))),
            1 => drop(trial(&s, id, "2026-12-01", None)),
            _ => {}
        }
    }
    // A lead from before the period stays out.
    add_lead(&s, &lead_input("辛", "2026-08-31", LeadSource::WalkIn));

    let period = Period {
        from: day("2026-09-01"),
        to: day("2026-11-30"),
    };
    let f = s.db.with_conn(|c| lead::funnel(c, &period)).unwrap();
    let months: Vec<(&str, u32, u32, u32)> = f
        .months
        .iter()
        .map(|m| {
            let c = m.counts;
            (m.month.as_str(), c.prospects, c.trials, c.enrolled)
        })
        .collect();
    assert_eq!(
        months,
        [
            ("2026-09", 3, 2, 2),
            ("2026-10", 4, 0, 0),
            ("2026-11", 0, 0, 0)
        ]
    );
    let sep = f.months[0].counts;
    assert_eq!(sep.trial_percent, Some(67), "2 of 3 came to a trial");
    assert_eq!(sep.enrolled_percent, Some(67), "2 of 3 enrolled");
    assert_eq!(sep.enrolled_after_trial, 1);
    assert_eq!(sep.trial_enrolled_percent, Some(50), "1 of the 2 trials");
    assert_eq!(
        f.months[2].counts.enrolled_percent, None,
        "no leads, no rate"
    );

    let source = |s: LeadSource| f.sources.iter().find(|x| x.source == s).unwrap().counts;
    let r = source(LeadSource::Referral);
    assert_eq!((r.prospects, r.trials, r.enrolled), (2, 2, 1));
    assert_eq!(r.enrolled_percent, Some(50));
    let w = source(LeadSource::WalkIn);
    assert_eq!(
        (w.prospects, w.enrolled, w.trial_enrolled_percent),
        (1, 1, None)
    );
    assert_eq!(source(LeadSource::Flyer).enrolled_percent, Some(0));
    assert_eq!(source(LeadSource::OpenDay).prospects, 0);
    assert_eq!(f.total.prospects, 7);
    assert_eq!(f.total.enrolled_percent, Some(29), "2 of 7");

    let backwards = Period {
        from: day("2026-11-30"),
        to: day("2026-09-01"),
    };
    assert_eq!(
        validation(s.db.with_conn(|c| lead::funnel(c, &backwards))),
        ("to".into(), Code::EndsBeforeStart)
    );
}

#[test]
fn erasing_a_family_takes_its_own_lead_and_keeps_the_leads_it_referred() {
    let s = school(1.0);
    let zhang = zhang_family_id(&s);
    let referred = add_lead(
        &s,
        &lead::ProspectInput {
            referred_by_family_id: Some(zhang),
            ..lead_input("刘小雨", "2026-10-03", LeadSource::Referral)
        },
    );
    let own = add_lead(&s, &lead_input("陈一", "2026-10-04", LeadSource::WalkIn));
    trial(&s, own, "2026-10-05", Some(TrialResult::Attended));
    let chen = enroll(&s, own, "2026-10-06").family_id;
    for (family_id, name) in [(zhang, "张家"), (chen, "陈一家")] {
        s.db.with_tx(|tx| privacy::erase(tx, family_id, name))
            .unwrap();
    }
    assert_eq!(count(&s.db, "trial_lesson"), 0);
    let left =
        s.db.with_conn(|c| lead::list(c, &LeadFilter::default()))
            .unwrap();
    assert_eq!(left.len(), 1, "陈一's own lead went with the family");
    assert_eq!(left[0].id, referred);
    assert_eq!(left[0].source, LeadSource::Referral);
    assert_eq!(
        left[0].referred_by_family_id, None,
        "the referrer's name is gone"
    );
}
