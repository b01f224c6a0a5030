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

#[cfg(test)]
mod tests {
    #[test]
    fn money_reads_as_people_write_it() {
        assert_eq!(super::money(360_000), "3,600");
        assert_eq!(super::money(123_456_789), "1,234,567.89");
        assert_eq!(super::money(9_900), "99");
    }
}
