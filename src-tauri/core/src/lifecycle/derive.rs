//! The stage rules of the module documentation, as pure functions of what the record says.

use chrono::NaiveDate;

use super::{LeaveReason, Stage};
use crate::lead::TrialOutcome;

/// What the record says about one student on one day.
#[derive(Debug, Clone, Default)]
pub(crate) struct Facts {
    pub archived: bool,
    /// Packages bought by the day.
    pub packages: u32,
    /// Enrolled through a lead.
    pub converted: bool,
    /// Has a package with hours left that has not ended.
    pub covered: bool,
    /// The later of the newest ended package's last day and the last lesson.
    pub last_covered_on: Option<NaiveDate>,
    pub renewals: u32,
    /// The first package after the last gap of N days or more.
    pub enrolled_since: Option<NaiveDate>,
    /// A declined renewal of the newest package.
    pub declined: Option<LeaveReason>,
    /// On the renewal desk at high risk.
    pub high_risk: bool,
}

/// Renewals that make a family loyal on their own.
const LOYAL_RENEWALS: u32 = 2;
/// Days of unbroken enrollment that make a family loyal on their own.
const LOYAL_DAYS: i64 = 365;

pub(crate) fn derive(f: &Facts, today: NaiveDate, lapsed_after: u32) -> Stage {
    if f.archived || (!f.covered && f.declined.is_some()) {
        return Stage::Left;
    }
    let uncovered_days = f
        .last_covered_on
        .filter(|_| !f.covered)
        .map(|d| (today - d).num_days());
    if uncovered_days.is_some_and(|days| days >= i64::from(lapsed_after)) {
        return Stage::Lapsed;
    }
    if f.high_risk {
        return Stage::AtRisk;
    }
    if f.packages == 0 && !f.converted {
        return Stage::Prospect;
    }
    let enrolled_days = f.enrolled_since.map(|d| (today - d).num_days());
    if f.renewals >= LOYAL_RENEWALS || enrolled_days.is_some_and(|d| d >= LOYAL_DAYS) {
        return Stage::Loyal;
    }
    if f.renewals >= 1 {
        Stage::Active
    } else {
        Stage::New
    }
}

/// A lead's stage: None once it enrolled (the student's stage takes over).
pub fn lead_stage(
    converted: bool,
    closed: bool,
    latest_trial: Option<TrialOutcome>,
) -> Option<Stage> {
    if converted {
        return None;
    }
    Some(match latest_trial {
        _ if closed => Stage::Left,
        Some(TrialOutcome::Declined) => Stage::Left,
        Some(_) => Stage::Trial,
        None => Stage::Prospect,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bilingual::Bilingual;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn first_package() -> Facts {
        Facts {
            packages: 1,
            covered: true,
            enrolled_since: Some(day("2026-09-01")),
            ..Default::default()
        }
    }

    #[test]
    fn an_ended_package_keeps_its_stage_for_59_days_and_lapses_on_the_60th() {
        let f = Facts {
            covered: false,
            last_covered_on: Some(day("2026-03-31")),
            ..first_package()
        };
        assert_eq!(derive(&f, day("2026-05-29"), 60), Stage::New);
        assert_eq!(derive(&f, day("2026-05-30"), 60), Stage::Lapsed);
        assert_eq!(
            derive(&f, day("2026-05-29"), 59),
            Stage::Lapsed,
            "N is a setting"
        );
    }

    #[test]
    fn a_decline_means_left_only_once_the_hours_are_gone() {
        let declined = Some(LeaveReason {
            reason: None,
            text: None,
            on: None,
            words: Bilingual::new("", ""),
        });
        let still_covered = Facts {
            declined: declined.clone(),
            ..first_package()
        };
        assert_eq!(derive(&still_covered, day("2026-10-01"), 60), Stage::New);
        let ended = Facts {
            covered: false,
            last_covered_on: Some(day("2026-09-30")),
            ..still_covered
        };
        assert_eq!(derive(&ended, day("2026-10-01"), 60), Stage::Left);
    }

    #[test]
    fn high_risk_outranks_loyalty_but_not_lapsing() {
        let f = Facts {
            renewals: 3,
            high_risk: true,
            ..first_package()
        };
        assert_eq!(derive(&f, day("2026-10-01"), 60), Stage::AtRisk);
        let gone = Facts {
            covered: false,
            last_covered_on: Some(day("2026-01-01")),
            ..f
        };
        assert_eq!(derive(&gone, day("2026-10-01"), 60), Stage::Lapsed);
    }

    #[test]
    fn leads_are_prospects_until_a_trial_and_left_when_they_decline() {
        assert_eq!(lead_stage(false, false, None), Some(Stage::Prospect));
        let no_show = Some(TrialOutcome::NoShow);
        assert_eq!(lead_stage(false, false, no_show), Some(Stage::Trial));
        let declined = Some(TrialOutcome::Declined);
        assert_eq!(lead_stage(false, false, declined), Some(Stage::Left));
        assert_eq!(lead_stage(false, true, None), Some(Stage::Left));
        assert_eq!(lead_stage(true, false, None), None);
    }
}
