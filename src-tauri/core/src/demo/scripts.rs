//! Demo material for scripts and briefs: next term's plans, upcoming competitions, exams and a
//! recital, and this term's achievements for many students, in both of the school's languages.

use chrono::{DateTime, Days, Utc};
use rusqlite::Transaction;

use crate::achievement::{self, AchievementInput, AchievementKind as A};
use crate::error::Result;
use crate::opportunity::{self, OpportunityInput, OpportunityKind as O};

pub(crate) const PLANS: [(&str, &str); 3] = [
    (
        "beginner",
        "下学期打牢基础：节奏、姿势和基本功，每月一次课堂小展示，学期末登台汇报演出。\nNext term builds the foundations: rhythm, posture and technique, a small class showcase every month and the end-of-term recital on stage.",
    ),
    (
        "intermediate",
        "下学期完成两首完整作品并练习舞台表现，其中一首作为春季比赛曲目。\nNext term: two complete pieces and stage presence, one of them prepared as the spring competition piece.",
    ),
    (
        "advanced",
        "下学期备考下一级别，同时筹备一场个人展示，学习自己设计练习计划。\nNext term prepares the next grade exam and a solo showcase, and the student learns to plan their own practice.",
    ),
];

pub(crate) const ACHIEVEMENTS: [(A, &str, Option<&str>); 4] = [
    (A::Performance, "秋季汇报演出 · Autumn recital", None),
    (
        A::Competition,
        "区少儿才艺大赛 · District Youth Talent Contest",
        Some("二等奖 · Second prize"),
    ),
    (A::Grading, "一级考试 · Grade 1 exam", Some("通过 · Passed")),
    (A::Milestone, "第一次完整演奏 · First complete piece", None),
];

pub(super) fn generate(
    tx: &Transaction,
    rng: &mut fastrand::Rng,
    now: DateTime<Utc>,
) -> Result<()> {
    let today = now.date_naive();
    let mut stmt = tx.prepare("SELECT id FROM course ORDER BY id")?;
    let courses = stmt
        .query_map([], |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (i, &course) in courses.iter().enumerate() {
        for (level, plan) in PLANS {
            opportunity::set_plan(tx, course, level, plan, now)?;
        }
        let ahead = |days: u64| today + Days::new(days + i as u64 * 3);
        let events = [
            (
                O::Competition,
                "春季少儿公开赛 · Spring Junior Open Competition",
                ahead(110),
                Some("beginner"),
                Some("intermediate"),
            ),
            (
                O::Competition,
                "高级组邀请赛 · Advanced Invitational",
                ahead(75),
                Some("advanced"),
                Some("advanced"),
            ),
            (
                O::Exam,
                "冬季考级 · Winter grading exam",
                ahead(60),
                Some("intermediate"),
                Some("advanced"),
            ),
        ];
        for (kind, title, on, min, max) in events {
            opportunity::save(
                tx,
                None,
                &OpportunityInput {
                    kind,
                    title: title.into(),
                    happens_on: on,
                    course_id: Some(course),
                    level_min: min.map(Into::into),
                    level_max: max.map(Into::into),
                    description: None,
                },
                now,
            )?;
        }
    }
    opportunity::save(
        tx,
        None,
        &OpportunityInput {
            kind: O::Recital,
            title: "新年汇报演出 · New Year recital".into(),
            happens_on: today + Days::new(38),
            course_id: None,
            level_min: None,
            level_max: None,
            description: Some("全校学员均可报名 · Open to every student".into()),
        },
        now,
    )?;
    let mut stmt =
        tx.prepare("SELECT DISTINCT student_id FROM account_state ORDER BY student_id")?;
    let students = stmt
        .query_map([], |r| r.get::<_, i64>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for student_id in students {
        if rng.u8(0..10) >= 6 {
            continue;
        }
        let (kind, title, result) = ACHIEVEMENTS[rng.usize(..ACHIEVEMENTS.len())];
        achievement::add(
            tx,
            &AchievementInput {
                student_id,
                kind,
                title: title.into(),
                result: result.map(Into::into),
                occurred_on: today - Days::new(rng.u64(5..80)),
                description: None,
            },
            now,
        )?;
    }
    Ok(())
}
