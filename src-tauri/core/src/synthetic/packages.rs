//! The packages each family buys: 10 to 60 hours at a time, sized so an account renews one to
//! four times a year, and planned before roll call is written by replaying each account's
//! lessons the way the ledger does (oldest valid package first, expiries when validity ends,
//! credit paid back by the next purchase). A family renews when the next lesson would not be
//! covered, so every lesson is covered, except for the few families who have not renewed in
//! the last weeks and take lessons on credit with staff's yes. A few others hold hours in a
//! package that ends within the month.

use std::collections::HashSet;

use chrono::{Duration, Months, NaiveDate};

use crate::settings::ClassHourPolicy;
use crate::student::StudentStatus;

use super::calendar::{between, Calendar};
use super::catalogue::{CourseSpec, COURSES};
use super::households::School;
use super::roll_call::Session;

pub(super) struct Sale {
    pub(super) enrolment: usize,
    pub(super) on: NaiveDate,
    pub(super) until: NaiveDate,
    pub(super) purchased: i64,
    pub(super) bonus: i64,
    pub(super) price_cents: i64,
    pub(super) usd: bool,
    /// Index into the staff's administrators.
    pub(super) seller: usize,
    /// A lesson given for a referral, added to this package on that day.
    pub(super) reward_on: Option<NaiveDate>,
    /// Hours refunded from this package, the account's last, when its lessons stopped.
    pub(super) refund: Option<(NaiveDate, i64)>,
}

pub(super) struct Plan {
    /// In the order they were sold.
    pub(super) sales: Vec<Sale>,
    /// (session, enrolment): lessons no package covers, taken on credit with staff's yes.
    pub(super) on_credit: HashSet<(usize, usize)>,
}

/// A package size a school sells: bigger ones are cheaper per hour and come with bonus hours
/// in `bonus_odds` sales out of four.
struct Size {
    hours: i64,
    discount: f64,
    bonus: i64,
    bonus_odds: u8,
}

#[rustfmt::skip]
const SIZES: &[Size] = &[
    Size { hours: 10, discount: 1.0, bonus: 0, bonus_odds: 0 },
    Size { hours: 15, discount: 1.0, bonus: 0, bonus_odds: 0 },
    Size { hours: 20, discount: 0.95, bonus: 1, bonus_odds: 1 },
    Size { hours: 30, discount: 0.9, bonus: 2, bonus_odds: 2 },
    Size { hours: 40, discount: 0.88, bonus: 3, bonus_odds: 3 },
    Size { hours: 48, discount: 0.85, bonus: 4, bonus_odds: 4 },
    Size { hours: 60, discount: 0.82, bonus: 6, bonus_odds: 4 },
];

/// Share of active accounts, in percent, tried with a family that has not renewed in the
/// last weeks; kept when that means one to three lessons on credit (about one try in five).
const LATE: u8 = 40;
/// Share of active accounts, in percent, whose package ends within the month.
const ENDING: u8 = 6;
/// A family that is about to stop buys the smallest package.
const WINDING_DOWN_DAYS: i64 = 120;

/// One package in the replay.
struct Held {
    from: NaiveDate,
    until: NaiveDate,
    left: i64,
    closed: bool,
}

/// An account as the ledger replays it: the same arithmetic in the same order.
#[derive(Default)]
struct Book {
    held: Vec<Held>,
    debt: i64,
}

impl Book {
    fn expire_before(&mut self, day: NaiveDate) {
        for p in self.held.iter_mut().filter(|p| !p.closed && p.until < day) {
            p.closed = true;
            p.left = 0;
        }
    }

    fn valid(p: &Held, day: NaiveDate) -> bool {
        p.from <= day && day <= p.until && p.left > 0
    }

    fn available(&self, day: NaiveDate) -> i64 {
        self.held
            .iter()
            .filter(|p| Self::valid(p, day))
            .map(|p| p.left)
            .sum()
    }

    fn credit(&mut self, on: NaiveDate, until: NaiveDate, halves: i64) {
        self.expire_before(on);
        let pay = self.debt.min(halves);
        self.debt -= pay;
        self.held.push(Held {
            from: on,
            until,
            left: halves - pay,
            closed: false,
        });
    }

    fn lesson(&mut self, day: NaiveDate, need: i64) {
        let mut need = need;
        for p in self.held.iter_mut().filter(|p| Self::valid(p, day)) {
            let take = need.min(p.left);
            p.left -= take;
            need -= take;
        }
        self.debt += need;
    }
}

pub(super) fn plan(
    rng: &mut fastrand::Rng,
    cal: &Calendar,
    school: &School,
    sessions: &[Session],
    policy: &ClassHourPolicy,
    admins: usize,
) -> Plan {
    let mut lessons: Vec<Vec<(NaiveDate, usize)>> = vec![Vec::new(); school.enrolments.len()];
    for (i, s) in sessions.iter().enumerate() {
        for &(m, status) in &s.marks {
            if policy.deducts(status) {
                lessons[m].push((s.starts_at.date(), i));
            }
        }
    }
    let mut plan = Plan {
        sales: Vec::new(),
        on_credit: HashSet::new(),
    };
    for (e, lessons) in lessons.iter().enumerate() {
        let enrolment = &school.enrolments[e];
        let active = enrolment.current
            && school.pupils[enrolment.pupil].info.status == StudentStatus::Active;
        let shop = Shop {
            cal,
            school,
            e,
            lessons,
            admins,
            seed: rng.u64(..),
        };
        let mut account = shop.account(NaiveDate::MAX);
        // Replayed with the same choices up to the day the family stopped renewing.
        if active && rng.u8(0..100) < LATE {
            let late = shop.account(cal.today - Duration::days(rng.i64(7..=28)));
            if (1..=3).contains(&late.on_credit.len()) {
                account = late;
            }
        }
        if active && account.left >= 4 && rng.u8(0..100) < ENDING {
            ending_soon(cal, &mut account.sales);
        }
        // Two in five families who stop with hours still valid have them refunded.
        if !enrolment.current && account.left > 0 && rng.u8(0..5) < 2 {
            if let Some(last) = account.sales.last_mut() {
                // Not before the package's referral lesson, which the hours include.
                let on = enrolment
                    .until
                    .min(cal.today)
                    .max(last.reward_on.unwrap_or(last.on));
                last.refund = Some((on, account.left));
            }
        }
        plan.on_credit
            .extend(account.on_credit.into_iter().map(|session| (session, e)));
        plan.sales.extend(account.sales);
    }
    plan.sales.sort_by_key(|s| (s.on, s.enrolment));
    plan
}

/// Sold for a shorter term than usual, whole months still: the newest package ends within
/// the month with hours left, which changes nothing before today.
fn ending_soon(cal: &Calendar, sales: &mut [Sale]) {
    let Some(sale) = sales.last_mut() else {
        return;
    };
    let soon = (1..=18)
        .map(|m| sale.on + Months::new(m) - Duration::days(1))
        .find(|&d| d >= cal.today + Duration::days(7) && d <= cal.today + Duration::days(28));
    if let Some(until) = soon.filter(|&d| d < sale.until) {
        sale.until = until;
    }
}

struct AccountPlan {
    sales: Vec<Sale>,
    /// Sessions whose lesson no package covers.
    on_credit: Vec<usize>,
    left: i64,
}

/// One account's lessons, to be sold packages for.
struct Shop<'a> {
    cal: &'a Calendar,
    school: &'a School,
    e: usize,
    lessons: &'a [(NaiveDate, usize)],
    admins: usize,
    /// The account's own choices, the same on every replay.
    seed: u64,
}

impl Shop<'_> {
    /// One package before the first lesson and one whenever the next lesson would not be
    /// covered, until `renew_before`; from then on lessons are taken on credit.
    fn account(&self, renew_before: NaiveDate) -> AccountPlan {
        let rng = &mut fastrand::Rng::with_seed(self.seed);
        let enrolment = &self.school.enrolments[self.e];
        let pupil = &self.school.pupils[enrolment.pupil];
        let spec = &COURSES[enrolment.course];
        let need = spec.lesson_halves;
        let counter = Counter {
            enrolment: self.e,
            spec,
            usd: self.school.households[pupil.household].english && enrolment.pupil % 5 < 2,
            yearly: 40 * need / 2,
            admins: self.admins,
            need,
            today: self.cal.today,
        };
        let yearly = counter.yearly;
        // One to four packages a year.
        let sizes: Vec<&Size> = SIZES
            .iter()
            .filter(|s| 4 * s.hours >= yearly && 20 * s.hours <= 21 * yearly)
            .collect();
        let mut size = sizes[rng.usize(..sizes.len())];
        let winding_down =
            (!enrolment.current).then(|| enrolment.until - Duration::days(WINDING_DOWN_DAYS));
        let mut plan = AccountPlan {
            sales: Vec::new(),
            on_credit: Vec::new(),
            left: 0,
        };
        let mut book = Book::default();
        let first = self.lessons.first().map_or(enrolment.from, |l| l.0);
        let first_on = between(rng, enrolment.from.max(first - Duration::days(14)), first);
        // A trial starts with the smallest package.
        let opening = if pupil.info.status == StudentStatus::Trial {
            sizes[0]
        } else {
            size
        };
        let first_on = first_on.min(self.cal.today);
        counter.sell(rng, &mut book, &mut plan.sales, first_on, opening);
        let mut last = first_on;
        for &(day, session) in self.lessons {
            book.expire_before(day);
            if book.available(day) < need {
                if day < renew_before {
                    // Mostly the same size again.
                    if rng.u8(0..4) == 0 {
                        size = sizes[rng.usize(..sizes.len())];
                    }
                    let earliest = (last + Duration::days(1)).max(day - Duration::days(10));
                    let on = between(rng, earliest.min(day), day);
                    let size = if winding_down.is_some_and(|d| on >= d) {
                        sizes[0]
                    } else {
                        size
                    };
                    counter.sell(rng, &mut book, &mut plan.sales, on, size);
                } else {
                    plan.on_credit.push(session);
                }
            }
            book.lesson(day, need);
            last = day;
        }
        book.expire_before(enrolment.until.min(self.cal.today));
        plan.left = book.held.last().map_or(0, |p| p.left);
        plan
    }
}

/// How one account is sold to: its course's rates, its family's currency, its pace.
struct Counter<'a> {
    enrolment: usize,
    spec: &'a CourseSpec,
    usd: bool,
    /// Hours a year at one lesson a week.
    yearly: i64,
    admins: usize,
    /// Half-hours a lesson takes.
    need: i64,
    today: NaiveDate,
}

impl Counter<'_> {
    /// Sells `size` on `on`, valid long enough to be used at the account's pace with a margin.
    fn sell(
        &self,
        rng: &mut fastrand::Rng,
        book: &mut Book,
        sales: &mut Vec<Sale>,
        on: NaiveDate,
        size: &Size,
    ) {
        let months = (size.hours as f64 / self.yearly as f64 * 12.0 * 1.3).ceil() as u32;
        let until = on + Months::new(months.clamp(3, 18)) - Duration::days(1);
        let bonus = if rng.u8(0..4) < size.bonus_odds {
            size.bonus
        } else {
            0
        };
        let (rate, step) = if self.usd {
            (self.spec.usd_per_hour, 5.0)
        } else {
            (self.spec.cny_per_hour, 10.0)
        };
        let price = (rate * size.hours as f64 * size.discount / step).round() * step;
        book.credit(on, until, 2 * (size.hours + bonus));
        // One package in seventy earns a lesson for a referral within a month. The package
        // cannot run out that soon, so it is counted from the sale.
        let reward_on = (rng.u8(0..70) == 0).then(|| {
            if let Some(held) = book.held.last_mut() {
                held.left += self.need;
            }
            (on + Duration::days(rng.i64(1..=30)))
                .min(until)
                .min(self.today)
        });
        sales.push(Sale {
            enrolment: self.enrolment,
            on,
            until,
            purchased: 2 * size.hours,
            bonus: 2 * bonus,
            price_cents: (price * 100.0) as i64,
            usd: self.usd,
            seller: rng.usize(..self.admins),
            reward_on,
            refund: None,
        });
    }
}
