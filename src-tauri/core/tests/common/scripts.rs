//! The scripts fixture: 张小明 near the end of his autumn piano package, with achievements
//! behind him and a competition ahead; and golden files that reviewers read.

use std::path::PathBuf;

use encore_core::achievement::{self, AchievementInput, AchievementKind};
use encore_core::attendance::AttendanceStatus::{Excused, Present};
use encore_core::opportunity::{self, OpportunityInput, OpportunityKind};
use encore_core::settings;
use encore_core::tagging::MotivationType;

use super::hours::{day, school, School};
use super::{now, tag_guardian};

/// 张小明 (beginner piano with 陈宇) near the end of his autumn package, with a competition
/// prize and a recital behind him and a spring competition ahead.
pub fn fixture() -> School {
    let s = school(1.0);
    s.db.with_tx(|tx| settings::set_school_name(tx, "星光艺术中心"))
        .unwrap();
    let sell = |kid, hours, bonus, price, from, until| {
        s.try_sell_for(kid, hours, bonus, price, from, until)
            .unwrap()
    };
    sell(0, 10.0, 0.0, 1900.0, "2025-09-01", "2026-06-30");
    sell(0, 12.0, 2.5, 2280.0, "2026-09-01", "2027-02-28");
    sell(1, 20.0, 0.0, 3600.0, "2026-09-01", "2027-02-28");
    let mut day = day("2026-09-05");
    for week in 0..12 {
        let mark = if week == 4 { Excused } else { Present };
        s.roll_call(&day.to_string(), &[(0, mark, false), (1, Present, false)])
            .unwrap();
        day = day + chrono::Days::new(7);
    }
    let achievements = [
        (
            AchievementKind::Competition,
            "市少儿钢琴比赛",
            Some("二等奖"),
            "2026-10-18",
            Some("弹奏《小步舞曲》，评委称赞节奏稳定"),
        ),
        (
            AchievementKind::Performance,
            "秋季汇报演出",
            None,
            "2026-11-08",
            None,
        ),
    ];
    for won in achievements {
        add_achievement(&s, won);
    }
    let opportunities = [
        (
            "春季青少年钢琴大赛",
            OpportunityKind::Competition,
            "2027-03-20",
            Some(s.course),
            Some("beginner"),
            Some("intermediate"),
        ),
        (
            "高级组独奏会",
            OpportunityKind::Recital,
            "2027-01-10",
            Some(s.course),
            Some("advanced"),
            None,
        ),
        (
            "去年的夏令营",
            OpportunityKind::Camp,
            "2026-07-01",
            None,
            None,
            None,
        ),
    ];
    for event in opportunities {
        add_opportunity(&s, event);
    }
    s.db.with_tx(|tx| {
        opportunity::set_plan(
            tx,
            s.course,
            "beginner",
            "下学期学习双手配合与简单和弦，完成《拜厄》前 40 首，准备一级考试曲目。",
            now(),
        )
    })
    .unwrap();
    s
}

/// 小明's (kind, title, result, day, description).
pub type Won<'a> = (
    AchievementKind,
    &'a str,
    Option<&'a str>,
    &'a str,
    Option<&'a str>,
);

pub fn add_achievement(s: &School, (kind, title, result, on, description): Won) {
    s.db.with_tx(|tx| {
        achievement::add(
            tx,
            &AchievementInput {
                student_id: s.kids[0],
                kind,
                title: title.into(),
                result: result.map(Into::into),
                occurred_on: on.parse().unwrap(),
                description: description.map(Into::into),
            },
            now(),
        )
    })
    .unwrap();
}

/// (title, kind, day, course, lowest level, highest level); None: open.
pub type Event<'a> = (
    &'a str,
    OpportunityKind,
    &'a str,
    Option<i64>,
    Option<&'a str>,
    Option<&'a str>,
);

pub fn add_opportunity(s: &School, (title, kind, on, course_id, min, max): Event) {
    s.db.with_tx(|tx| {
        opportunity::save(
            tx,
            None,
            &OpportunityInput {
                kind,
                title: title.into(),
                happens_on: on.parse().unwrap(),
                course_id,
                level_min: min.map(Into::into),
                level_max: max.map(Into::into),
                description: None,
            },
            now(),
        )
    })
    .unwrap();
}

pub fn tag_mother(s: &School, m: MotivationType) -> i64 {
    let mother =
        s.db.with_conn(|c| encore_core::student::get(c, s.kids[0]))
            .unwrap()
            .guardians[0]
            .guardian_id;
    tag_guardian(&s.db, mother, m, s.teacher);
    mother
}

pub fn golden(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// Compares with the reviewed file; `UPDATE_GOLDEN=1` rewrites it (then read the diff).
pub fn assert_golden(name: &str, text: &str) {
    let path = golden(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, format!("{text}\n")).unwrap();
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing {name}; run with UPDATE_GOLDEN=1 and review it"));
    assert_eq!(text, expected.trim_end_matches('\n'), "{name} changed");
}
