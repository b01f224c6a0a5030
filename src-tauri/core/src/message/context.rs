//! What a message may say: everything a script may say about the child, plus what a few
//! sentences need ready-made — the newest achievement and the next event with their days as
//! people write them, whether the hours are used up, and who signs. The names here join the
//! script's as the message templates' contract.

use chrono::{Days, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::MessageGoal;
use crate::error::Result;
use crate::script::context::{self, PackagePart, ScriptContext, Subject};
use crate::script::context::{AchievementPart, OpportunityPart};
use crate::script::words;
use crate::settings::{self, Locale};
use crate::student::Student;
use crate::tagging::MotivationType;

#[derive(Debug, Clone, Serialize)]
pub struct MessageContext {
    #[serde(flatten)]
    pub script: ScriptContext,
    /// The school's name once it is set; a message is not signed before.
    pub sign_off: Option<String>,
    /// True when the hours are used up (or the account is on credit).
    pub hours_out: bool,
    pub expires_day: Option<String>,
    /// The newest achievement of this term.
    pub achievement: Option<Achieved>,
    /// The soonest upcoming event that fits the child's course and level.
    pub event: Option<Event>,
    /// The biggest package the course usually sells.
    pub package: Option<PackagePart>,
    /// The day of the child's latest lesson attended: a trial's date, or when a family
    /// stopped coming.
    pub last_lesson_day: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Achieved {
    #[serde(flatten)]
    pub part: AchievementPart,
    pub day: String,
    /// What the child did, to follow their name: "earned Second prize at …", "在…中获得二等奖".
    pub done: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Event {
    #[serde(flatten)]
    pub part: OpportunityPart,
    pub day: String,
    pub weekday: &'static str,
}

/// Who a message is about and for.
pub struct Recipient<'a> {
    pub student: &'a Student,
    pub course_id: i64,
    pub guardian_id: i64,
    pub goal: MessageGoal,
    pub motivation: MotivationType,
}

pub fn build(
    conn: &Connection,
    r: &Recipient,
    locale: Locale,
    today: NaiveDate,
) -> Result<MessageContext> {
    let zh = locale == Locale::ZhCn;
    let subject = Subject {
        student: r.student,
        course_id: r.course_id,
        guardian_id: r.guardian_id,
        goal: r.goal.as_str(),
        motivation: r.motivation.as_str(),
    };
    let script = context::build(conn, &subject, locale, today)?;
    let day = |d: NaiveDate| words::day(d, today, zh);
    Ok(MessageContext {
        sign_off: settings::school_name(conn)?,
        hours_out: script.hours_left == "0" || script.hours_left.starts_with('-'),
        expires_day: script.expires_on.map(day),
        achievement: script.achievements.first().map(|a| Achieved {
            day: day(a.date),
            done: done(a.kind, &a.title, a.result.as_deref(), zh),
            part: a.clone(),
        }),
        event: script.opportunities.first().map(|o| Event {
            day: day(o.date),
            weekday: words::weekday(o.date, zh),
            part: o.clone(),
        }),
        package: script.packages.first().cloned(),
        last_lesson_day: last_lesson(conn, r.student.id, r.course_id, today)?.map(day),
        script,
    })
}

/// An achievement as the predicate of a sentence, so templates need no grammar per kind.
fn done(kind: &str, title: &str, result: Option<&str>, zh: bool) -> String {
    let with = |text: String| match (result, zh) {
        (Some(r), true) => format!("{text}（{r}）"),
        (Some(r), false) => format!("{text} ({r})"),
        (None, _) => text,
    };
    match (kind, result, zh) {
        ("competition", Some(r), true) => format!("在{title}中获得{r}"),
        ("competition", Some(r), false) => format!("earned {r} at {title}"),
        ("competition", None, true) => format!("参加了{title}"),
        ("competition", None, false) => format!("competed in {title}"),
        ("grading", _, true) => with(format!("通过了{title}")),
        ("grading", _, false) => with(format!("passed {title}")),
        ("certificate", _, true) => with(format!("获得了{title}")),
        ("certificate", _, false) => with(format!("earned {title}")),
        ("milestone", _, true) => with(format!("迎来了一个成长节点：{title}")),
        ("milestone", _, false) => with(format!("reached a milestone: {title}")),
        (_, _, true) => with(format!("参加了{title}")),
        (_, _, false) => with(format!("performed at {title}")),
    }
}

fn last_lesson(
    conn: &Connection,
    student_id: i64,
    course_id: i64,
    today: NaiveDate,
) -> Result<Option<NaiveDate>> {
    let at: Option<Option<String>> = conn
        .query_row(
            "SELECT max(ls.starts_at) FROM attendance at
               JOIN lesson_session ls ON ls.id = at.session_id
               JOIN class cl ON cl.id = ls.class_id AND cl.course_id = ?2
              WHERE at.student_id = ?1 AND at.status IN ('present', 'late', 'make_up')
                AND ls.starts_at < ?3",
            params![student_id, course_id, today + Days::new(1)],
            |r| r.get(0),
        )
        .optional()?;
    // Sessions start at a wall-clock "YYYY-MM-DD HH:MM:SS"; the day is its first ten characters.
    Ok(at
        .flatten()
        .and_then(|t| t.get(..10).and_then(|d| d.parse().ok())))
}

#[cfg(test)]
mod tests {
    use super::done;

    #[test]
    fn an_achievement_reads_as_what_the_child_did() {
        let prize = Some("二等奖");
        assert_eq!(
            done("competition", "市赛", prize, true),
            "在市赛中获得二等奖"
        );
        assert_eq!(
            done("competition", "City Cup", Some("2nd prize"), false),
            "earned 2nd prize at City Cup"
        );
        assert_eq!(
            done("grading", "钢琴一级", Some("优秀"), true),
            "通过了钢琴一级（优秀）"
        );
        assert_eq!(
            done("performance", "Spring Recital", None, false),
            "performed at Spring Recital"
        );
    }
}
