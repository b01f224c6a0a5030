//! A school two years on, read on 2026-11-22. Four paying families:
//!
//! - 张家 (entered directly; mother "future", father "honors"; WeChat): 张小明 bought piano
//!   2025-01-01, renewed on time 2025-06-20 and late 2026-01-05 (the package before had ended
//!   2025-12-31), last package ended 2026-06-30; 张小红 bought once, 2025-09-01 to 2026-08-31.
//!   70 hours in all. Referred 刘家 (enrolled) and 周家 (a lead that never enrolled).
//! - 刘家 (referral by 张家; "future"): 刘小雨 bought piano 2026-03-01 and renewed on time
//!   twice (2026-06-15, 2026-09-20), covered until 2027-01-31. Not in the piano class.
//! - 王家 ("honors"; prefers the phone): 王一, level intermediate, bought piano 2026-09-01 to
//!   2027-02-28 and declined to renew it on 2026-11-10 (price).
//! - 陈家 (walk-in; "interest"): 陈一 bought dance 2026-10-01 to 2027-01-31 and declined on
//!   2026-11-15 (schedule).

use encore_core::family;
use encore_core::guardian::{self, ContactChannel};
use encore_core::lead::{self, LeadSource, TrialResult};
use encore_core::renewal::DeclineReason;
use encore_core::student;
use encore_core::tagging::MotivationType::{Future, Honors, Interest};

use super::hours::{day, school, School};
use super::timeline::*;
use super::{now, tag_guardian};

pub struct Grown {
    pub s: School,
    pub dance: Dance,
    pub zhang: i64,
    pub liu: i64,
    pub wang: i64,
    pub chen: i64,
    pub liu_child: i64,
    pub chen_child: i64,
}

pub const TODAY: &str = "2026-11-22";

fn guardians(s: &School, family_id: i64) -> Vec<i64> {
    s.db.with_conn(|c| family::detail(c, family_id))
        .unwrap()
        .guardians
        .iter()
        .map(|g| g.id)
        .collect()
}

pub fn grown() -> Grown {
    let s = school(1.0);
    let family_of = |kid: usize| {
        s.db.with_conn(|c| student::get(c, s.kids[kid]))
            .unwrap()
            .family_id
    };
    let (zhang, wang) = (family_of(0), family_of(2));

    sell_on(&s, 0, 20.0, "2025-01-01", "2025-06-30");
    sell_on(&s, 0, 20.0, "2025-06-20", "2025-12-31");
    sell_on(&s, 0, 20.0, "2026-01-05", "2026-06-30");
    sell_on(&s, 1, 10.0, "2025-09-01", "2026-08-31");

    let referral = |child: &str, date: &str| lead::ProspectInput {
        referred_by_family_id: Some(zhang),
        course_id: Some(s.course),
        ..lead_input(child, date, LeadSource::Referral)
    };
    let liu_lead = add_lead(&s, &referral("刘小雨", "2026-02-10"));
    trial(&s, liu_lead, "2026-02-20", Some(TrialResult::Attended));
    let liu = enroll(&s, liu_lead, "2026-03-01");
    add_lead(&s, &referral("周周", "2026-04-01"));
    for (from, until) in [
        ("2026-03-01", "2026-06-30"),
        ("2026-06-15", "2026-09-30"),
        ("2026-09-20", "2027-01-31"),
    ] {
        sell_to(&s, liu.student_id, s.course, 10.0, from, until);
    }

    sell_on(&s, 2, 12.0, "2026-09-01", "2027-02-28");
    decline_on(&s, 2, s.course, DeclineReason::Price, None, "2026-11-10");

    let chen_lead = add_lead(&s, &lead_input("陈一", "2026-09-25", LeadSource::WalkIn));
    let chen = enroll(&s, chen_lead, "2026-10-01");
    let dance = dance(&s, &[chen.student_id]);
    sell_to(
        &s,
        chen.student_id,
        dance.course,
        8.0,
        "2026-10-01",
        "2027-01-31",
    );
    decline_for(
        &s,
        chen.student_id,
        dance.course,
        DeclineReason::Schedule,
        None,
        "2026-11-15",
    );

    let z = guardians(&s, zhang);
    tag_guardian(&s.db, z[0], Future, s.teacher);
    tag_guardian(&s.db, z[1], Honors, s.teacher);
    tag_guardian(&s.db, liu.guardian_ids[0], Future, s.teacher);
    let w = guardians(&s, wang)[0];
    tag_guardian(&s.db, w, Honors, s.teacher);
    tag_guardian(&s.db, chen.guardian_ids[0], Interest, s.teacher);
    s.db.with_tx(|tx| {
        let mut info = guardian::get(tx, w)?.info;
        info.preferred_channel = Some(ContactChannel::Phone);
        guardian::update(tx, w, &info, now())?;
        let mut wang_yi = student::get(tx, s.kids[2])?;
        wang_yi.info.skill_level = Some("Intermediate".into());
        student::update(tx, s.kids[2], &wang_yi.info, &wang_yi.guardians, now())
    })
    .unwrap();

    Grown {
        dance,
        zhang,
        liu: liu.family_id,
        wang,
        chen: chen.family_id,
        liu_child: liu.student_id,
        chen_child: chen.student_id,
        s,
    }
}

pub fn today() -> chrono::NaiveDate {
    day(TODAY)
}
