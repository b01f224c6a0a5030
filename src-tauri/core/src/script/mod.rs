//! Conversation scripts (seed 000): what to say to this parent, for this goal, filled from the
//! record — achievements first, then next term's plan, then what this parent cares about.
//! Templates are minijinja files the school may edit; rendering never runs away.

pub mod brief;
pub(crate) mod context;
mod render;
pub(crate) mod shelf;
pub mod template;
pub(crate) mod words;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result, ValidationCode as Code};
use crate::settings::Locale;
use crate::tagging::{self, MotivationType};
pub use context::{call_name, ScriptContext};
pub use template::{ProblemKind, Template, TemplateProblem};

text_enum!(ScriptGoal {
    Renew = "renew",
    /// Turn a trial lesson into an enrollment.
    Trial = "trial",
    /// More hours, a bigger package.
    Upsell = "upsell",
    /// Another course.
    CrossSell = "cross_sell",
    Progress = "progress",
    Feedback = "feedback",
});

pub(crate) fn seed_templates(conn: &Connection) -> rusqlite::Result<()> {
    template::seed(conn)
}

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ScriptRequest {
    pub student_id: i64,
    /// None: the course the student was most recently active in.
    pub course_id: Option<i64>,
    /// None: the first of the student's guardians tagged by the wizard, else the first.
    pub guardian_id: Option<i64>,
    pub goal: ScriptGoal,
    pub locale: Locale,
    /// Try a template text instead of the stored one (the editor's live preview).
    pub template: Option<String>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Script {
    pub student_id: i64,
    pub course_id: i64,
    pub guardian_id: i64,
    /// The guardian's type from the wizard; `tagged` is false when none was recorded and the
    /// script fell back to interest & growth.
    pub motivation: MotivationType,
    pub tagged: bool,
    pub goal: ScriptGoal,
    pub locale: Locale,
    /// The script, or None when the template has a problem.
    pub text: Option<String>,
    pub problem: Option<TemplateProblem>,
}

/// Writes one script. A template problem is reported in the result, not as an error: the
/// editor shows it beside the text.
pub fn generate(conn: &Connection, req: &ScriptRequest, today: NaiveDate) -> Result<Script> {
    ScriptWriter::new(conn, today).write(req)
}

/// Writes a script for each request, in order (the renewal list's batch).
pub fn generate_many(
    conn: &Connection,
    requests: &[ScriptRequest],
    today: NaiveDate,
) -> Result<Vec<Script>> {
    let mut writer = ScriptWriter::new(conn, today);
    requests.iter().map(|r| writer.write(r)).collect()
}

/// Writes scripts on one day, keeping what every script of a batch shares: the compiled
/// templates and the school-wide parts of the context.
pub(crate) struct ScriptWriter<'c> {
    conn: &'c Connection,
    today: NaiveDate,
    compiled: render::Compiled,
    shared: context::Shared,
}

impl<'c> ScriptWriter<'c> {
    pub(crate) fn new(conn: &'c Connection, today: NaiveDate) -> Self {
        ScriptWriter {
            conn,
            today,
            compiled: render::Compiled::new(),
            shared: context::Shared::default(),
        }
    }

    pub(crate) fn write(&mut self, req: &ScriptRequest) -> Result<Script> {
        let conn = self.conn;
        let student = crate::student::get(conn, req.student_id)?;
        let course_id = match req.course_id {
            Some(c) => c,
            None => main_course(conn, req.student_id)?
                .ok_or(Error::invalid("courseId", Code::Required))?,
        };
        let (guardian_id, motivation) = pick_guardian(conn, &student, req.guardian_id)?;
        let tagged = motivation.is_some();
        let motivation = motivation.unwrap_or(MotivationType::Interest);
        let subject = context::Subject {
            student: &student,
            course_id,
            guardian_id,
            goal: req.goal.as_str(),
            motivation: motivation.as_str(),
        };
        let ctx = context::build_with(conn, &subject, req.locale, self.today, &mut self.shared)?;
        let rendered = match &req.template {
            // The editor's live preview: a text that is never kept.
            Some(text) => template::render(text, &ctx),
            None => {
                let name = format!(
                    "{}/{}.{}",
                    req.goal.as_str(),
                    motivation.as_str(),
                    req.locale.as_str()
                );
                let mut stored = Ok(String::new());
                let text = self.compiled.render(
                    &name,
                    || match template::get(conn, motivation, req.goal, req.locale) {
                        Ok(t) => t.body,
                        Err(e) => {
                            stored = Err(e);
                            String::new()
                        }
                    },
                    &ctx,
                );
                stored?;
                text
            }
        };
        let (text, problem) = match rendered {
            Ok(text) => (Some(text), None),
            Err(p) => (None, Some(p)),
        };
        Ok(Script {
            student_id: req.student_id,
            course_id,
            guardian_id,
            motivation,
            tagged,
            goal: req.goal,
            locale: req.locale,
            text,
            problem,
        })
    }
}

/// The course with the student's newest ledger entry, else the first class they are in.
pub fn main_course(conn: &Connection, student_id: i64) -> Result<Option<i64>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(
            // Each account's newest entry is one index probe; reading the student's whole
            // history to sort it is not.
            "SELECT course_id FROM (
                 SELECT a.course_id,
                        (SELECT max(e.occurred_on) FROM ledger_entry e
                          WHERE e.student_id = ?1 AND e.course_id = a.course_id) AS at
                   FROM account_state a WHERE a.student_id = ?1
                 UNION ALL
                 SELECT cl.course_id, '' FROM class_student cs JOIN class cl ON cl.id = cs.class_id
                  WHERE cs.student_id = ?1)
              ORDER BY at DESC LIMIT 1",
            [student_id],
            |r| r.get(0),
        )
        .optional()?)
}

/// The guardian a script speaks to and their recorded type: `wanted`, else the first of the
/// student's guardians tagged by the wizard, else the first.
pub(crate) fn pick_guardian(
    conn: &Connection,
    student: &crate::student::Student,
    wanted: Option<i64>,
) -> Result<(i64, Option<MotivationType>)> {
    let mut first = None;
    for link in &student.guardians {
        if wanted.is_some_and(|w| w != link.guardian_id) {
            continue;
        }
        let m = tagging::current(conn, link.guardian_id)?.map(|m| m.primary);
        if m.is_some() || wanted.is_some() {
            return Ok((link.guardian_id, m));
        }
        first.get_or_insert(link.guardian_id);
    }
    match (first, wanted) {
        (Some(g), None) => Ok((g, None)),
        _ => Err(Error::invalid("guardianId", Code::GuardianNotInFamily)),
    }
}
