//! Which backups to keep: the newest of each of the last 7 days, 4 weeks and 12 months that
//! have a backup (grandfather–father–son), plus everything from the last 24 hours, so the
//! copy taken before this morning's import survives this afternoon's "Back up now".
//! Pure: it sees dates, never files.

use std::collections::HashSet;

use chrono::{Datelike, Duration, NaiveDateTime};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retention {
    pub daily: usize,
    pub weekly: usize,
    pub monthly: usize,
}

/// What Encore keeps.
pub const RETENTION: Retention = Retention {
    daily: 7,
    weekly: 4,
    monthly: 12,
};

/// The items of `backups` (anything with its date) that the retention no longer keeps.
/// Backups dated after `now` (a clock that went back) are kept.
pub fn to_delete<T: Clone>(
    backups: &[(T, NaiveDateTime)],
    now: NaiveDateTime,
    keep: Retention,
) -> Vec<T> {
    let mut order: Vec<usize> = (0..backups.len()).collect();
    // Newest first; equal dates keep their given order.
    order.sort_by(|&a, &b| backups[b].1.cmp(&backups[a].1));
    let mut kept = HashSet::new();
    let recent = now - Duration::hours(24);
    for &i in &order {
        if backups[i].1 > recent {
            kept.insert(i);
        }
    }
    let mut newest_per = |period: &dyn Fn(NaiveDateTime) -> (i32, u32), count: usize| {
        let mut seen = HashSet::new();
        for &i in &order {
            if seen.len() == count {
                break;
            }
            if seen.insert(period(backups[i].1)) {
                kept.insert(i);
            }
        }
    };
    newest_per(&|t| (t.year(), t.ordinal()), keep.daily);
    newest_per(&|t| (t.iso_week().year(), t.iso_week().week()), keep.weekly);
    newest_per(&|t| (t.year(), t.month()), keep.monthly);
    order
        .into_iter()
        .filter(|i| !kept.contains(i))
        .map(|i| backups[i].0.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    /// One daily backup at 08:00 for `days` days from `first`, rotating after each as Encore
    /// does; returns what is left.
    fn simulate(first: &str, days: i64) -> Vec<NaiveDateTime> {
        let start = at(first);
        let mut folder: Vec<NaiveDateTime> = Vec::new();
        for d in 0..days {
            let now = start + Duration::days(d);
            folder.push(now);
            let listed: Vec<_> = folder.iter().map(|&t| (t, t)).collect();
            let gone = to_delete(&listed, now, RETENTION);
            folder.retain(|t| !gone.contains(t));
        }
        folder.sort();
        folder
    }

    #[test]
    fn a_year_of_daily_backups_leaves_7_days_4_weeks_and_12_months() {
        let left = simulate("2025-01-01 08:00", 400);
        let last = at("2025-01-01 08:00") + Duration::days(399); // 2026-02-04, a Wednesday
                                                                 // The last 7 days.
        for d in 0..7 {
            assert!(left.contains(&(last - Duration::days(d))), "day -{d}");
        }
        // The newest of each of the last 4 ISO weeks: Sundays of the 3 weeks before.
        for sunday in ["2026-02-01 08:00", "2026-01-25 08:00", "2026-01-18 08:00"] {
            assert!(left.contains(&at(sunday)), "{sunday}");
        }
        // The newest of each of the last 12 months: their last days.
        for end in ["2026-01-31 08:00", "2025-12-31 08:00", "2025-03-31 08:00"] {
            assert!(left.contains(&at(end)), "{end}");
        }
        assert!(
            !left.contains(&at("2025-02-28 08:00")),
            "13 months ago is gone"
        );
        assert!(left.len() <= 7 + 4 + 12, "{} kept: {left:?}", left.len());
        assert_eq!(left.len(), 7 + 2 + 10, "overlaps count once: {left:?}");
    }

    #[test]
    fn everything_from_the_last_day_is_kept() {
        let now = at("2026-11-22 16:00");
        let backups = [
            ("daily", at("2026-11-22 08:00")),
            ("before-import", at("2026-11-22 10:00")),
            ("manual", at("2026-11-22 15:00")),
            ("yesterday-early", at("2026-11-21 08:00")),
            ("yesterday-late", at("2026-11-21 18:00")),
        ];
        let gone = to_delete(&backups, now, RETENTION);
        assert_eq!(gone, ["yesterday-early"]);
    }

    #[test]
    fn a_pause_of_weeks_keeps_the_days_that_have_backups() {
        // Closed for the summer: the 7 daily copies are the last 7 days with a backup.
        let mut backups: Vec<(u32, NaiveDateTime)> = (0..10)
            .map(|d| (d, at("2026-06-01 08:00") + Duration::days(d as i64)))
            .collect();
        backups.push((99, at("2026-09-01 08:00")));
        let gone = to_delete(&backups, at("2026-09-01 08:00"), RETENTION);
        // Kept: September, and June 4–10 as the last 7 days with a backup.
        assert_eq!(gone, [3, 2, 1, 0]);
    }

    #[test]
    fn a_clock_that_went_back_deletes_nothing_from_the_future() {
        let backups = [
            ("future", at("2030-01-01 08:00")),
            ("now", at("2026-11-22 08:00")),
        ];
        assert!(to_delete(&backups, at("2026-11-22 09:00"), RETENTION).is_empty());
    }
}
