//! What the school knows about each family beyond names: why the parents enrolled (the
//! tagging wizard, answered as a parent of that type would, every type represented), the
//! school's own tags, and the consent most families gave when they joined. All through the
//! domain functions, dated to when it happened.

use chrono::{Duration, NaiveDate};
use rusqlite::Transaction;

use crate::consent::{self, ConsentInput, ConsentScope};
use crate::demo::motivation::answers_of;
use crate::demo::pick;
use crate::error::Result;
use crate::tag::{self, TagInput, TagTarget};
use crate::tagging::{self, MotivationInput, MotivationType as M, Questionnaire};

use super::calendar::{between, office_hours};
use super::Register;

/// Tags a school puts on parents, and on children.
const GUARDIAN_TAGS: &[&str] = &[
    "VIP",
    "转介绍 Referral",
    "老生 Long-time family",
    "双语家庭 Bilingual family",
    "周末优先 Prefers weekends",
];
const STUDENT_TAGS: &[&str] = &[
    "比赛班 Competition team",
    "考级 Exam track",
    "需要接送 Needs pick-up",
];

pub(super) fn write(tx: &Transaction, rng: &mut fastrand::Rng, reg: &Register) -> Result<()> {
    motivations(tx, rng, reg)?;
    tags(tx, rng, reg)?;
    consents(tx, rng, reg)
}

/// Interest-led parents are the most common, honors-led the least (seed 000); the first three
/// families tagged cover the three types, so even the smallest school shows each.
fn motivations(tx: &Transaction, rng: &mut fastrand::Rng, reg: &Register) -> Result<()> {
    let cal = reg.cal;
    let q = Questionnaire::built_in();
    let mut tagged = 0;
    for household in &reg.school.households {
        for (g, &guardian_id) in household.guardians.iter().enumerate() {
            let odds = if g == 0 { 85 } else { 20 };
            if rng.u8(0..100) >= odds {
                continue;
            }
            let kind = match (tagged, rng.u8(0..20)) {
                (0, _) => M::Future,
                (1, _) => M::Interest,
                (2, _) => M::Honors,
                (_, 0..=7) => M::Interest,
                (_, 8..=14) => M::Future,
                _ => M::Honors,
            };
            tagged += 1;
            let on = household.joined + Duration::days(rng.i64(0..=14));
            tag_guardian(tx, rng, reg, &q, guardian_id, kind, on)?;
            // Some are asked again a year on and answer differently.
            let later = on + Duration::days(365);
            if later < cal.today && rng.u8(0..100) < 5 {
                let kind = *pick(rng, M::ALL);
                tag_guardian(tx, rng, reg, &q, guardian_id, kind, later)?;
            }
        }
    }
    Ok(())
}

/// Records `kind` for the guardian on `on`, with answers a parent of that type gives.
fn tag_guardian(
    tx: &Transaction,
    rng: &mut fastrand::Rng,
    reg: &Register,
    q: &Questionnaire,
    guardian_id: i64,
    kind: M,
    on: NaiveDate,
) -> Result<()> {
    let answers = answers_of(q, kind, rng);
    let suggestion = tagging::score(q, &answers)?;
    // Staff keep the type they heard in the conversation; the answers' other pull, if any,
    // becomes the secondary type.
    let secondary = [suggestion.primary, suggestion.secondary]
        .into_iter()
        .flatten()
        .find(|&t| t != kind);
    let input = MotivationInput {
        guardian_id,
        primary: kind,
        secondary,
        answers,
        tagged_by: *pick(rng, &reg.staff.admins),
    };
    tagging::record(tx, q, &input, reg.cal.stamp(on, office_hours(rng)))?;
    Ok(())
}

/// About one parent in eight and one child in seven carry a tag; one in ten comes off again.
fn tags(tx: &Transaction, rng: &mut fastrand::Rng, reg: &Register) -> Result<()> {
    let (cal, school) = (reg.cal, reg.school);
    let created = cal.stamp(cal.start, 9 * 60);
    let add = |name: &str| -> Result<i64> {
        let input = TagInput {
            name: name.into(),
            keep_wording: false,
        };
        Ok(tag::add(tx, &input, created)?.id)
    };
    let for_guardians = GUARDIAN_TAGS
        .iter()
        .map(|n| add(n))
        .collect::<Result<Vec<_>>>()?;
    let for_students = STUDENT_TAGS
        .iter()
        .map(|n| add(n))
        .collect::<Result<Vec<_>>>()?;
    let mut links = Vec::new();
    for household in &school.households {
        for &g in &household.guardians {
            if rng.u8(0..8) == 0 {
                let target = TagTarget {
                    guardian_id: Some(g),
                    student_id: None,
                };
                links.push((*pick(rng, &for_guardians), target, household.joined));
            }
        }
        for &p in &household.pupils {
            if rng.u8(0..7) == 0 {
                let target = TagTarget {
                    guardian_id: None,
                    student_id: Some(school.pupils[p].id),
                };
                links.push((*pick(rng, &for_students), target, household.joined));
            }
        }
    }
    for (tag_id, target, joined) in links {
        let on = between(rng, joined, cal.today);
        tag::attach(tx, tag_id, target, cal.stamp(on, office_hours(rng)))?;
        if rng.u8(0..10) == 0 {
            let off = between(rng, on, cal.today);
            tag::detach(tx, tag_id, target, cal.stamp(off, office_hours(rng)))?;
        }
    }
    Ok(())
}

/// Nine families in ten agreed to their records being kept when they joined, most to photos
/// and messages too; a few changed their mind about photos later.
fn consents(tx: &Transaction, rng: &mut fastrand::Rng, reg: &Register) -> Result<()> {
    let (cal, staff) = (reg.cal, reg.staff);
    for household in &reg.school.households {
        if rng.u8(0..10) == 0 {
            continue;
        }
        let mut scopes = vec![ConsentScope::Records];
        if rng.u8(0..100) < 85 {
            scopes.push(ConsentScope::Media);
        }
        if rng.u8(0..100) < 90 {
            scopes.push(ConsentScope::Messages);
        }
        let decide = |rng: &mut fastrand::Rng, on: NaiveDate, scopes: Vec<ConsentScope>| {
            let input = ConsentInput {
                guardian_id: household.guardians.first().copied(),
                given_on: on,
                scopes,
                recorded_by: *pick(rng, &staff.admins),
                note: None,
            };
            consent::record(tx, household.id, &input, cal.stamp(on, office_hours(rng)))
        };
        decide(rng, household.joined, scopes.clone())?;
        if scopes.contains(&ConsentScope::Media) && rng.u8(0..100) < 4 {
            scopes.retain(|&s| s != ConsentScope::Media);
            let on = between(rng, household.joined, cal.today);
            decide(rng, on, scopes)?;
        }
    }
    Ok(())
}
