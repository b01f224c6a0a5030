//! The school's calendar: five years of history ending today, and the 40 teaching weeks of
//! each of them (no lessons over New Year, Spring Festival, the summer holidays and National
//! Day).

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, NaiveDateTime, NaiveTime, Utc};

/// How far back the school's records go.
pub(super) const YEARS: u32 = 5;

/// ISO weeks without lessons: twelve of the 52 (and the odd 53rd), so 40 remain.
const BREAKS: &[u32] = &[1, 5, 6, 7, 28, 29, 30, 31, 32, 33, 40, 52, 53];

pub(super) struct Calendar {
    /// The day the school opened its books.
    pub(super) start: NaiveDate,
    pub(super) today: NaiveDate,
    pub(super) now: DateTime<Utc>,
}

impl Calendar {
    pub(super) fn new(now: DateTime<Utc>) -> Self {
        let today = now.date_naive();
        Calendar {
            start: today - Months::new(12 * YEARS),
            today,
            now,
        }
    }

    /// Days of weekly lessons on `weekday` (1 = Monday) from `from` up to, not including,
    /// `until`, skipping the breaks.
    pub(super) fn lesson_days(
        &self,
        weekday: u8,
        from: NaiveDate,
        until: NaiveDate,
    ) -> impl Iterator<Item = NaiveDate> {
        let offset = i64::from(weekday) - i64::from(from.weekday().number_from_monday());
        let first = from + Duration::days(offset.rem_euclid(7));
        std::iter::successors(Some(first), |d| Some(*d + Duration::weeks(1)))
            .take_while(move |d| *d < until)
            .filter(|d| teaching(*d))
    }

    /// A moment on `day` at `minutes` after midnight, never later than now: what the app
    /// stamps a record written then with.
    pub(super) fn stamp(&self, day: NaiveDate, minutes: u32) -> DateTime<Utc> {
        wall_clock(day, minutes).and_utc().min(self.now)
    }
}

/// Whether lessons run in the week of `day`.
pub(super) fn teaching(day: NaiveDate) -> bool {
    !BREAKS.contains(&day.iso_week().week())
}

/// The school's wall clock at `minutes` after midnight on `day`.
pub(super) fn wall_clock(day: NaiveDate, minutes: u32) -> NaiveDateTime {
    let time = NaiveTime::from_num_seconds_from_midnight_opt(minutes.min(1439) * 60, 0);
    day.and_time(time.unwrap_or_default())
}

/// A day from `from` to `to` inclusive (`from` when the range is empty).
pub(super) fn between(rng: &mut fastrand::Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    from + Duration::days(rng.i64(0..=(to - from).num_days().max(0)))
}

/// Opening hours, as minutes after midnight: when the front desk talks to families.
pub(super) fn office_hours(rng: &mut fastrand::Rng) -> u32 {
    rng.u32(9..20) * 60 + 15 * rng.u32(0..4)
}
