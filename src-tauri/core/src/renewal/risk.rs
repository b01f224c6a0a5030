//! How likely a family is to leave at renewal, and why, in words a teacher would say. The
//! score only orders the list; the reasons are what staff read.

use chrono::NaiveDate;
use serde::Serialize;
use specta::Type;

use crate::bilingual::{hours, plural, Bilingual};

/// What the worklist knows about one student in one course on one day.
#[derive(Debug, Clone, Default)]
pub struct Signals {
    pub hours_left: f64,
    /// The school's "few hours left" threshold.
    pub threshold: f64,
    /// The last day the student's hours are valid, when some are.
    pub covered_until: Option<NaiveDate>,
    /// The school's "ends soon" window, in days.
    pub expiring_within: i64,
    /// The newest package that has ended, and the hours it still held then.
    pub ended: Option<(NaiveDate, f64)>,
    /// Share of lessons attended in the last 4 weeks and in the 8 before, with how many
    /// lessons each share is of.
    pub recent: Option<(f64, u32)>,
    pub before: Option<(f64, u32)>,
    /// Lessons missed since the last one attended.
    pub absence_streak: u32,
    pub days_since_contact: Option<i64>,
    /// Complaint notes in the last six months.
    pub complaints: u32,
}

text_enum!(RiskSignal {
    OnCredit = "on_credit",
    RanOut = "ran_out",
    Expired = "expired",
    LowHours = "low_hours",
    Expiring = "expiring",
    AttendanceFell = "attendance_fell",
    Absences = "absences",
    NoContact = "no_contact",
    Complaints = "complaints",
});

text_enum!(RiskLevel {
    High = "high",
    Medium = "medium",
    Low = "low",
});

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RiskReason {
    pub signal: RiskSignal,
    pub points: u32,
    pub text: Bilingual,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Risk {
    /// 0–100; orders the worklist.
    pub score: u32,
    pub level: RiskLevel,
    /// Strongest first.
    pub reasons: Vec<RiskReason>,
}

/// Attendance must fall by at least this share to count, over at least this many lessons
/// in each window: one missed lesson out of two is not a trend.
const FALL_NOTICED: f64 = 0.15;
const FALL_SERIOUS: f64 = 0.30;
const MIN_LESSONS: u32 = 2;

pub fn assess(s: &Signals, today: NaiveDate) -> Risk {
    let mut reasons = Vec::new();
    let mut add = |signal, points, en: String, zh: String| {
        reasons.push(RiskReason {
            signal,
            points,
            text: Bilingual::new(en, zh),
        })
    };
    let h = s.hours_left;
    if h < 0.0 {
        add(
            RiskSignal::OnCredit,
            35,
            format!("{} hours taken on credit", hours(-h)),
            format!("已欠 {} 课时", hours(-h)),
        );
    } else if h == 0.0 {
        match s.ended {
            Some((on, left)) if left > 0.0 && s.covered_until.is_none() => add(
                RiskSignal::Expired,
                30,
                format!("package expired on {on} with {} hours unused", hours(left)),
                format!("课时包已于 {on} 到期，{} 课时未用", hours(left)),
            ),
            _ => add(
                RiskSignal::RanOut,
                30,
                "no hours left".into(),
                "课时已用完".into(),
            ),
        }
    } else if h <= s.threshold {
        add(
            RiskSignal::LowHours,
            if h <= s.threshold / 2.0 { 20 } else { 10 },
            format!("only {} hours left", hours(h)),
            format!("仅剩 {} 课时", hours(h)),
        );
    }
    let ends_in = s
        .covered_until
        .map(|until| (until, (until - today).num_days()));
    if let Some((until, days)) = ends_in.filter(|&(_, d)| h > 0.0 && d <= s.expiring_within) {
        add(
            RiskSignal::Expiring,
            if days <= 7 { 20 } else { 10 },
            format!("package ends in {} ({until})", plural(days, "day", "days")),
            format!("课时包 {days} 天后到期（{until}）"),
        );
    }
    if let (Some((recent, rn)), Some((before, bn))) = (s.recent, s.before) {
        let fall = before - recent;
        if rn >= MIN_LESSONS && bn >= MIN_LESSONS && fall >= FALL_NOTICED - 1e-9 {
            let (b, r) = (percent(before), percent(recent));
            add(
                RiskSignal::AttendanceFell,
                if fall >= FALL_SERIOUS - 1e-9 { 25 } else { 15 },
                format!("attendance fell from {b}% to {r}%"),
                format!("出勤率从 {b}% 降至 {r}%"),
            );
        }
    }
    if s.absence_streak >= 2 {
        let n = s.absence_streak;
        add(
            RiskSignal::Absences,
            if n >= 3 { 20 } else { 10 },
            format!("missed the last {n} lessons"),
            format!("连续缺课 {n} 次"),
        );
    }
    match s.days_since_contact {
        None => add(
            RiskSignal::NoContact,
            15,
            "no contact on record".into(),
            "尚无沟通记录".into(),
        ),
        Some(days) if days >= 30 => add(
            RiskSignal::NoContact,
            if days >= 60 { 15 } else { 10 },
            format!("no contact for {days} days"),
            format!("已 {days} 天未联系"),
        ),
        Some(_) => {}
    }
    if s.complaints > 0 {
        let n = s.complaints;
        add(
            RiskSignal::Complaints,
            if n >= 2 { 25 } else { 15 },
            format!(
                "{} in the last 6 months",
                plural(n.into(), "complaint", "complaints")
            ),
            format!("近半年有 {n} 次投诉"),
        );
    }
    reasons.sort_by_key(|r| std::cmp::Reverse(r.points));
    let score = reasons.iter().map(|r| r.points).sum::<u32>().min(100);
    Risk {
        score,
        level: level(score),
        reasons,
    }
}

pub fn level(score: u32) -> RiskLevel {
    match score {
        50.. => RiskLevel::High,
        25.. => RiskLevel::Medium,
        _ => RiskLevel::Low,
    }
}

fn percent(share: f64) -> i64 {
    (share * 100.0).round() as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        "2026-11-22".parse().unwrap()
    }

    fn calm() -> Signals {
        Signals {
            hours_left: 20.0,
            threshold: 4.0,
            covered_until: Some("2027-03-01".parse().unwrap()),
            expiring_within: 30,
            days_since_contact: Some(3),
            ..Default::default()
        }
    }

    #[test]
    fn a_calm_account_has_no_reasons_until_its_package_nears_its_end() {
        let r = assess(&calm(), today());
        assert_eq!((r.score, r.level), (0, RiskLevel::Low));
        assert!(r.reasons.is_empty(), "{r:?}");
        let ending = Signals {
            covered_until: Some("2026-12-22".parse().unwrap()),
            ..calm()
        };
        let r = assess(&ending, today());
        assert_eq!(r.reasons.len(), 1, "{r:?}");
        assert_eq!(r.reasons[0].signal, RiskSignal::Expiring);
    }

    #[test]
    fn one_missed_lesson_out_of_two_is_not_a_trend() {
        let s = Signals {
            recent: Some((0.5, 1)),
            before: Some((1.0, 8)),
            ..calm()
        };
        assert!(!assess(&s, today())
            .reasons
            .iter()
            .any(|r| r.signal == RiskSignal::AttendanceFell));
    }

    #[test]
    fn the_score_is_capped_and_reasons_come_strongest_first() {
        let s = Signals {
            hours_left: -2.0,
            covered_until: None,
            recent: Some((0.25, 4)),
            before: Some((1.0, 8)),
            absence_streak: 3,
            days_since_contact: Some(90),
            complaints: 2,
            ..calm()
        };
        let r = assess(&s, today());
        assert_eq!(r.score, 100);
        assert_eq!(r.level, RiskLevel::High);
        let points: Vec<u32> = r.reasons.iter().map(|r| r.points).collect();
        let mut sorted = points.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(points, sorted);
        assert_eq!(r.reasons[0].text.en, "2 hours taken on credit");
    }
}
