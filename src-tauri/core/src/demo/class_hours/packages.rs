//! The packages each family buys, planned ahead of roll call so every lesson is covered
//! (except the few deliberately taken on credit), and the sizes the school sells.

use std::collections::BTreeMap;

use chrono::{Duration, Months, NaiveDate, NaiveDateTime};

use crate::settings::ClassHourPolicy;
use crate::student::StudentStatus;

use super::schedule::{ClassPlan, SessionPlan};
use super::{pick, CourseSpec, Pupil, COURSES};

/// Students whose family has not renewed yet and who came to their last lessons on credit.
const ON_CREDIT: usize = 2;
/// Students with hours left in a package that ends within the month.
const EXPIRING: usize = 2;

pub(super) struct Bought {
    pub(super) on: NaiveDate,
    pub(super) until: NaiveDate,
    pub(super) hours: f64,
    pub(super) bonus: f64,
    pub(super) price: f64,
    pub(super) usd: bool,
    /// Half-hours left as the plan replays the lessons.
    left: i64,
}

pub(super) struct AccountPlan {
    pub(super) packages: Vec<Bought>,
    /// Lessons no package covers: staff said yes to taking them on credit.
    pub(super) on_credit: Vec<NaiveDateTime>,
}

/// One student's hours for one course, planned.
pub(super) struct Account {
    pub(super) pupil: usize,
    pub(super) course: usize,
    /// The lessons roll call will deduct, in order.
    pub(super) lessons: Vec<NaiveDateTime>,
    pub(super) plan: AccountPlan,
    /// The last package sold, with its purchase date, while it is still valid.
    pub(super) open_package: Option<(i64, NaiveDate)>,
}

/// An account for every course each enrolled student takes, with the packages that cover
/// its lessons; one or two families have not renewed in the last three weeks, and one or two
/// have hours in a package about to end.
pub(super) fn plan_accounts(
    rng: &mut fastrand::Rng,
    pupils: &[Pupil],
    classes: &[ClassPlan],
    sessions: &[SessionPlan],
    policy: &ClassHourPolicy,
    today: NaiveDate,
) -> Vec<Account> {
    let mut lessons: BTreeMap<(usize, usize), Vec<NaiveDateTime>> = BTreeMap::new();
    for class in classes {
        for &p in &class.roster {
            lessons.entry((p, class.course)).or_default();
        }
    }
    for s in sessions {
        for &(p, status) in &s.marks {
            if policy.deducts(status) {
                let course = classes[s.class].course;
                lessons.entry((p, course)).or_default().push(s.starts_at);
            }
        }
    }
    let mut seeds = Vec::with_capacity(lessons.len());
    let mut accounts: Vec<Account> = lessons
        .into_iter()
        .map(|((pupil, course), mut lessons)| {
            lessons.sort();
            let seed = rng.u64(..);
            seeds.push(seed);
            let plan = plan_account(
                seed,
                &pupils[pupil],
                &COURSES[course],
                &lessons,
                today,
                today,
            );
            Account {
                pupil,
                course,
                lessons,
                plan,
                open_package: None,
            }
        })
        .collect();
    let mut order: Vec<usize> = (0..accounts.len()).collect();
    rng.shuffle(&mut order);
    let renew_before = today - Duration::weeks(3);
    let mut late = 0;
    for &i in &order {
        let a = &mut accounts[i];
        if late == ON_CREDIT || pupils[a.pupil].status != StudentStatus::Active {
            continue;
        }
        let spec = &COURSES[a.course];
        let plan = plan_account(
            seeds[i],
            &pupils[a.pupil],
            spec,
            &a.lessons,
            renew_before,
            today,
        );
        if (1..=3).contains(&plan.on_credit.len()) {
            a.plan = plan;
            late += 1;
        }
    }
    // One or two others hold hours in a package that ends within the month: sold for a
    // shorter term, whole months still, which changes nothing before today.
    let mut ending = 0;
    for &i in &order {
        let a = &mut accounts[i];
        let Some(last) = a.plan.packages.last_mut() else {
            continue;
        };
        if ending == EXPIRING || !a.plan.on_credit.is_empty() || last.left < 2 {
            continue;
        }
        let soon = |&until: &NaiveDate| {
            today + Duration::weeks(1) <= until && until <= today + Duration::weeks(4)
        };
        let term = (3..=12)
            .map(|months| last.on + Months::new(months) - Duration::days(1))
            .find(soon);
        if let Some(until) = term.filter(|&until| until <= last.until) {
            last.until = until;
            ending += 1;
        }
    }
    accounts
}

/// The packages a family buys for one course: one before the first lesson, and a renewal
/// whenever the next lesson would not be covered — unless it falls on or after
/// `renew_before`, when the lesson is taken on credit instead. Replays lessons the way the
/// ledger does, so what the plan covers, roll call covers. Seeded per account so the plan can
/// be redone with another `renew_before`.
fn plan_account(
    seed: u64,
    pupil: &Pupil,
    spec: &CourseSpec,
    lessons: &[NaiveDateTime],
    renew_before: NaiveDate,
    today: NaiveDate,
) -> AccountPlan {
    let mut rng = fastrand::Rng::with_seed(seed);
    let usd = pupil.english && rng.bool();
    let need = (spec.lesson_hours * 2.0).round() as i64;
    let enrolled = pupil.enrolled_on.unwrap_or(today);
    let first_lesson = lessons.first().map_or(today, |t| t.date());
    let mut last = between(
        &mut rng,
        enrolled.max(first_lesson - Duration::days(45)),
        first_lesson,
    );
    let trial = pupil.status == StudentStatus::Trial;
    let mut plan = AccountPlan {
        packages: vec![buy(&mut rng, spec, last, usd, trial)],
        on_credit: Vec::new(),
    };
    for &t in lessons {
        let day = t.date();
        let valid = |b: &Bought| b.on <= day && day <= b.until;
        let available: i64 = plan
            .packages
            .iter()
            .filter(|b| valid(b))
            .map(|b| b.left)
            .sum();
        if available < need {
            if day < renew_before {
                let on = between(&mut rng, last.max(day - Duration::days(10)), day);
                plan.packages.push(buy(&mut rng, spec, on, usd, false));
            } else {
                plan.on_credit.push(t);
            }
        }
        let mut owed = need;
        for b in plan.packages.iter_mut().filter(|b| valid(b)) {
            let take = owed.min(b.left);
            b.left -= take;
            owed -= take;
        }
        last = day;
    }
    plan
}

/// A package size a school sells: bigger ones are cheaper per hour, last longer and come
/// with bonus hours in `bonus_odds` sales out of four.
struct Size {
    hours: f64,
    months: [u32; 2],
    discount: f64,
    bonus: f64,
    bonus_odds: u8,
}

#[rustfmt::skip]
const SIZES: &[Size] = &[
    Size { hours: 10.0, months: [3, 4], discount: 1.0, bonus: 0.0, bonus_odds: 0 },
    Size { hours: 20.0, months: [6, 6], discount: 0.95, bonus: 1.0, bonus_odds: 1 },
    Size { hours: 30.0, months: [9, 12], discount: 0.9, bonus: 2.0, bonus_odds: 2 },
    Size { hours: 48.0, months: [12, 12], discount: 0.85, bonus: 4.0, bonus_odds: 4 },
];

/// A package of one of the usual sizes, 20 hours most often. A trial student starts with the
/// smallest.
fn buy(
    rng: &mut fastrand::Rng,
    spec: &CourseSpec,
    on: NaiveDate,
    usd: bool,
    trial: bool,
) -> Bought {
    let size = if trial {
        0
    } else {
        *pick(rng, &[0, 0, 1, 1, 1, 1, 2, 2, 2, 3])
    };
    let size = &SIZES[size];
    let bonus = if rng.u8(0..4) < size.bonus_odds {
        size.bonus
    } else {
        0.0
    };
    let (rate, step) = if usd {
        (spec.usd_per_hour, 5.0)
    } else {
        (spec.cny_per_hour, 10.0)
    };
    Bought {
        on,
        until: on + Months::new(*pick(rng, &size.months)) - Duration::days(1),
        hours: size.hours,
        bonus,
        price: (rate * size.hours * size.discount / step).round() * step,
        usd,
        left: ((size.hours + bonus) * 2.0) as i64,
    }
}

/// A day from `from` to `to` inclusive (`from` when the range is empty).
fn between(rng: &mut fastrand::Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    from + Duration::days(rng.i64(0..=(to - from).num_days().max(0)))
}
