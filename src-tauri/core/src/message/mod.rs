//! Goal-based messages (seed 004): a few sentences for WeChat, SMS or e-mail, chosen by what
//! the school wants (the goal) and who it is talking to (the parent's motivation type), filled
//! from the family's record. Encore sends nothing: staff copy the text, and each copy is kept
//! on the family's timeline (`log`).

mod context;
pub mod log;
pub mod template;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::consent::{self, ConsentScope};
use crate::error::{Error, Result, ValidationCode as Code};
use crate::ledger;
use crate::script::{self, TemplateProblem};
use crate::settings::Locale;
use crate::student::{self, Student, StudentStatus};
use crate::tagging::MotivationType;
pub use context::MessageContext;
pub use log::{log_copied, CopiedMessage};
pub use template::MessageTemplate;

text_enum!(MessageGoal {
    /// Tell the family about an upcoming competition, recital, exam, camp or showcase.
    InformEvent = "inform_event",
    /// Turn a trial lesson into an enrollment.
    ConvertTrial = "convert_trial",
    RenewalReminder = "renewal_reminder",
    /// More hours, a bigger package.
    UpsellHours = "upsell_hours",
    /// Another course.
    CrossSell = "cross_sell",
    ProgressUpdate = "progress_update",
    AskFeedback = "ask_feedback",
    /// A family that stopped coming.
    WinBack = "win_back",
});

text_enum!(
    /// What a family lacks for a message to be written.
    Missing {
        /// No current child in the family.
        NoStudent = "no_student",
        /// No child takes a course yet.
        NoCourse = "no_course",
        /// Nothing upcoming fits the child's course and level (to inform about an event).
        NoEvent = "no_event",
        /// The child already takes every course the school offers (to suggest another).
        NoOtherCourse = "no_other_course",
        /// The family's consent in force does not cover contact by message.
        MessagesDeclined = "messages_declined",
    }
);

pub(crate) fn seed_templates(conn: &Connection) -> rusqlite::Result<()> {
    template::seed(conn)
}

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MessageRequest {
    pub family_id: i64,
    /// None: the child the goal fits best (a trial child for a trial, the one with the fewest
    /// hours for a renewal…).
    pub student_id: Option<i64>,
    pub goal: MessageGoal,
    pub locale: Locale,
    /// None: the type recorded for the child's guardian, as in scripts and briefs.
    pub motivation: Option<MotivationType>,
    /// Try a template text instead of the stored one (the editor's live preview).
    pub template: Option<String>,
}

impl MessageRequest {
    /// The stored template, to the family's own type, about the child the goal fits best.
    pub fn for_family(family_id: i64, goal: MessageGoal, locale: Locale) -> Self {
        MessageRequest {
            family_id,
            student_id: None,
            goal,
            locale,
            motivation: None,
            template: None,
        }
    }
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Message {
    pub family_id: i64,
    pub family_name: String,
    pub student_id: Option<i64>,
    pub student_name: Option<String>,
    pub guardian_id: Option<i64>,
    pub goal: MessageGoal,
    pub motivation: MotivationType,
    /// False when no type was recorded for the guardian (nor chosen): the message then
    /// speaks to interest & growth.
    pub tagged: bool,
    pub locale: Locale,
    /// The message, or None when something is missing or the template has a problem.
    pub text: Option<String>,
    pub missing: Option<Missing>,
    pub problem: Option<TemplateProblem>,
}

/// Writes one family's message. Missing data and template problems are reported in the
/// result, not as errors, so a batch carries on and the editor shows them beside the text.
pub fn compose(conn: &Connection, req: &MessageRequest, today: NaiveDate) -> Result<Message> {
    let family = crate::family::get(conn, req.family_id)?;
    let students = student::list_for_family(conn, req.family_id)?;
    let candidates = match req.student_id {
        Some(id) => vec![students
            .iter()
            .find(|s| s.id == id)
            .ok_or(Error::invalid("studentId", Code::StudentNotInFamily))?],
        None => ranked(conn, &students, req.goal, today)?,
    };
    let mut message = Message {
        family_id: family.id,
        family_name: family.name,
        student_id: None,
        student_name: None,
        guardian_id: None,
        goal: req.goal,
        motivation: req.motivation.unwrap_or(MotivationType::Interest),
        tagged: false,
        locale: req.locale,
        text: None,
        missing: Some(Missing::NoStudent),
        problem: None,
    };
    // A recorded refusal is respected; a family with no consent on record is not refused.
    if consent::current(conn, req.family_id)?.is_some_and(|c| !c.allows(ConsentScope::Messages)) {
        message.missing = Some(Missing::MessagesDeclined);
        return Ok(message);
    }
    // The first child the goal can be written about; else the first child's gap.
    for (i, s) in candidates.into_iter().enumerate() {
        let (guardian_id, recorded) = script::pick_guardian(conn, s, None)?;
        let motivation = req
            .motivation
            .or(recorded)
            .unwrap_or(MotivationType::Interest);
        let ctx = match script::main_course(conn, s.id)? {
            Some(course_id) => {
                let recipient = context::Recipient {
                    student: s,
                    course_id,
                    guardian_id,
                    goal: req.goal,
                    motivation,
                };
                Some(context::build(conn, &recipient, req.locale, today)?)
            }
            None => None,
        };
        let gap = match &ctx {
            Some(ctx) => lacks(ctx, req.goal),
            None => Some(Missing::NoCourse),
        };
        if i == 0 || gap.is_none() {
            message.student_id = Some(s.id);
            message.student_name = Some(s.info.name.clone());
            message.guardian_id = Some(guardian_id);
            message.motivation = motivation;
            message.tagged = recorded.is_some();
            message.missing = gap;
        }
        let (Some(ctx), None) = (ctx, gap) else {
            continue;
        };
        let body = match &req.template {
            Some(text) => text.clone(),
            None => template::get(conn, motivation, req.goal, req.locale)?.body,
        };
        match script::template::render(&body, &ctx) {
            Ok(text) => message.text = Some(text),
            Err(p) => message.problem = Some(p),
        }
        break;
    }
    Ok(message)
}

/// One message per family, each to the type recorded for it; a family lacking what the goal
/// needs gets its `missing` instead of stopping the others.
pub fn compose_for_segment(
    conn: &Connection,
    family_ids: &[i64],
    goal: MessageGoal,
    locale: Locale,
    today: NaiveDate,
) -> Result<Vec<Message>> {
    family_ids
        .iter()
        .map(|&family_id| {
            compose(
                conn,
                &MessageRequest::for_family(family_id, goal, locale),
                today,
            )
        })
        .collect()
}

/// What the goal needs that the record does not have.
fn lacks(ctx: &MessageContext, goal: MessageGoal) -> Option<Missing> {
    match goal {
        MessageGoal::InformEvent if ctx.event.is_none() => Some(Missing::NoEvent),
        MessageGoal::CrossSell if ctx.script.other_course.is_none() => Some(Missing::NoOtherCourse),
        _ => None,
    }
}

/// The family's current children, the best fit for the goal first: by status (a trial child
/// for a trial, a lapsed one to win back, else an active one), then for renewals and more
/// hours the fewest hours left, then the family's order (eldest first).
fn ranked<'a>(
    conn: &Connection,
    students: &'a [Student],
    goal: MessageGoal,
    today: NaiveDate,
) -> Result<Vec<&'a Student>> {
    let mut keyed = Vec::new();
    for (i, s) in students.iter().enumerate() {
        if s.archived_at.is_some() {
            continue;
        }
        let hours = match (goal, script::main_course(conn, s.id)?) {
            (MessageGoal::RenewalReminder | MessageGoal::UpsellHours, Some(course)) => {
                ledger::account(conn, s.id, course, today)?.balance
            }
            _ => 0.0,
        };
        keyed.push((status_rank(goal, s.info.status), hours, i, s));
    }
    keyed.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)).then(a.2.cmp(&b.2)));
    Ok(keyed.into_iter().map(|k| k.3).collect())
}

fn status_rank(goal: MessageGoal, status: StudentStatus) -> u8 {
    use StudentStatus as S;
    let order: &[S] = match goal {
        MessageGoal::ConvertTrial => &[S::Trial, S::Prospect],
        MessageGoal::WinBack => &[S::Lapsed, S::Paused],
        _ => &[S::Active, S::Trial, S::Paused],
    };
    order
        .iter()
        .position(|&s| s == status)
        .unwrap_or(order.len()) as u8
}
