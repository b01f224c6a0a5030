//! Words the scripts put into sentences, in the script's language.

use crate::achievement::AchievementKind as A;
use crate::opportunity::OpportunityKind as O;

pub fn level(level: &str, zh: bool) -> String {
    let word = match (level, zh) {
        ("beginner", false) => "beginner",
        ("intermediate", false) => "intermediate",
        ("advanced", false) => "advanced",
        ("beginner", true) => "初级",
        ("intermediate", true) => "中级",
        ("advanced", true) => "高级",
        // The school's own word for a level stays as written.
        (other, _) => other,
    };
    word.to_string()
}

pub fn achievement(kind: A, zh: bool) -> &'static str {
    match (kind, zh) {
        (A::Performance, false) => "performance",
        (A::Competition, false) => "competition",
        (A::Grading, false) => "grading exam",
        (A::Certificate, false) => "certificate",
        (A::Milestone, false) => "milestone",
        (A::Performance, true) => "演出",
        (A::Competition, true) => "比赛",
        (A::Grading, true) => "考级",
        (A::Certificate, true) => "证书",
        (A::Milestone, true) => "成长节点",
    }
}

pub fn opportunity(kind: O, zh: bool) -> &'static str {
    match (kind, zh) {
        (O::Competition, false) => "competition",
        (O::Recital, false) => "recital",
        (O::Exam, false) => "grading exam",
        (O::Camp, false) => "camp",
        (O::Showcase, false) => "showcase",
        (O::Competition, true) => "比赛",
        (O::Recital, true) => "汇报演出",
        (O::Exam, true) => "考级",
        (O::Camp, true) => "集训营",
        (O::Showcase, true) => "展示活动",
    }
}

/// 360000 cents → "3,600"; cents only when there are some.
pub fn money(cents: i64) -> String {
    let units = cents / 100;
    let digits = units.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match cents % 100 {
        0 => grouped,
        rest => format!("{grouped}.{rest:02}"),
    }
}

pub fn motivation(m: crate::tagging::MotivationType, zh: bool) -> &'static str {
    use crate::tagging::MotivationType as M;
    match (m, zh) {
        (M::Future, false) => "Future development",
        (M::Interest, false) => "Interest & growth",
        (M::Honors, false) => "Honors & showcase",
        (M::Future, true) => "未来发展型",
        (M::Interest, true) => "兴趣成长型",
        (M::Honors, true) => "荣誉展示型",
    }
}

/// A day as a message names it: "20 March", "3月20日"; the year only when it is not this year's.
pub fn day(date: chrono::NaiveDate, today: chrono::NaiveDate, zh: bool) -> String {
    use chrono::Datelike;
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let other_year = date.year() != today.year();
    match (zh, other_year) {
        (true, false) => format!("{}月{}日", date.month(), date.day()),
        (true, true) => format!("{}年{}月{}日", date.year(), date.month(), date.day()),
        (false, false) => format!("{} {}", date.day(), MONTHS[date.month0() as usize]),
        (false, true) => format!(
            "{} {} {}",
            date.day(),
            MONTHS[date.month0() as usize],
            date.year()
        ),
    }
}

pub fn weekday(date: chrono::NaiveDate, zh: bool) -> &'static str {
    use chrono::{Datelike, Weekday as W};
    match (date.weekday(), zh) {
        (W::Mon, false) => "Monday",
        (W::Tue, false) => "Tuesday",
        (W::Wed, false) => "Wednesday",
        (W::Thu, false) => "Thursday",
        (W::Fri, false) => "Friday",
        (W::Sat, false) => "Saturday",
        (W::Sun, false) => "Sunday",
        (W::Mon, true) => "周一",
        (W::Tue, true) => "周二",
        (W::Wed, true) => "周三",
        (W::Thu, true) => "周四",
        (W::Fri, true) => "周五",
        (W::Sat, true) => "周六",
        (W::Sun, true) => "周日",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn money_reads_as_people_write_it() {
        assert_eq!(super::money(360_000), "3,600");
        assert_eq!(super::money(123_456_789), "1,234,567.89");
        assert_eq!(super::money(9_900), "99");
    }

    #[test]
    fn days_carry_their_year_only_when_it_is_another() {
        let d = |s: &str| s.parse().unwrap();
        let today = d("2026-11-22");
        assert_eq!(super::day(d("2026-12-05"), today, true), "12月5日");
        assert_eq!(super::day(d("2027-03-20"), today, true), "2027年3月20日");
        assert_eq!(super::day(d("2026-12-05"), today, false), "5 December");
        assert_eq!(super::day(d("2027-03-20"), today, false), "20 March 2027");
    }
}
