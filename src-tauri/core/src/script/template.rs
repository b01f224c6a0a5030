//! Script templates: the shipped minijinja files, the school's edited copies in the
//! database, and rendering that stops runaway templates and says where a mistake is.

use chrono::{DateTime, Utc};
use minijinja::{Environment, ErrorKind, UndefinedBehavior};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;
use specta::Type;

use super::ScriptGoal;
use crate::error::Result;
use crate::settings::Locale;
use crate::tagging::MotivationType;

/// Enough for the longest sensible script many times over; a loop that never ends runs out.
const FUEL: u64 = 100_000;

macro_rules! shipped {
    ($($goal:literal / $type:literal),+ $(,)?) => {
        &[$(
            ($goal, $type, "en", include_str!(concat!("../../../../assets/scripts/", $goal, "/", $type, ".en.j2"))),
            ($goal, $type, "zh-CN", include_str!(concat!("../../../../assets/scripts/", $goal, "/", $type, ".zh-CN.j2"))),
        )+]
    };
}

/// (goal, motivation, locale, text) for every template Encore ships.
const SHIPPED: &[(&str, &str, &str, &str)] = shipped![
    "renew" / "future",
    "renew" / "interest",
    "renew" / "honors",
    "trial" / "future",
    "trial" / "interest",
    "trial" / "honors",
    "upsell" / "future",
    "upsell" / "interest",
    "upsell" / "honors",
    "cross_sell" / "future",
    "cross_sell" / "interest",
    "cross_sell" / "honors",
    "progress" / "future",
    "progress" / "interest",
    "progress" / "honors",
    "feedback" / "future",
    "feedback" / "interest",
    "feedback" / "honors",
];

pub fn shipped(m: MotivationType, g: ScriptGoal, l: Locale) -> &'static str {
    SHIPPED
        .iter()
        .find(|(goal, ty, loc, _)| *goal == g.as_str() && *ty == m.as_str() && *loc == l.as_str())
        .map(|t| t.3)
        .unwrap_or_default()
}

pub(crate) fn seed(conn: &Connection) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(
        "INSERT OR IGNORE INTO script_template (motivation, goal, locale, body) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (goal, ty, locale, body) in SHIPPED {
        stmt.execute(params![ty, goal, locale, body])?;
    }
    Ok(())
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Template {
    pub motivation: MotivationType,
    pub goal: ScriptGoal,
    pub locale: Locale,
    pub body: String,
    /// False while it is the text Encore ships.
    pub edited: bool,
}

pub fn get(conn: &Connection, m: MotivationType, g: ScriptGoal, l: Locale) -> Result<Template> {
    let row: Option<(String, Option<String>)> = conn
        .query_row(
            "SELECT body, edited_at FROM script_template
              WHERE motivation = ?1 AND goal = ?2 AND locale = ?3",
            params![m, g, l],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (body, edited) = match row {
        Some((body, edited_at)) => (body, edited_at.is_some()),
        None => (shipped(m, g, l).to_string(), false),
    };
    Ok(Template {
        motivation: m,
        goal: g,
        locale: l,
        body,
        edited,
    })
}

/// Stores the school's text. A text that does not even parse is refused with its problem.
pub fn save(
    tx: &Transaction,
    m: MotivationType,
    g: ScriptGoal,
    l: Locale,
    body: &str,
    now: DateTime<Utc>,
) -> Result<Option<TemplateProblem>> {
    if let Err(problem) = parse(body) {
        return Ok(Some(problem));
    }
    crate::field::required_text("body", body, crate::field::NOTE_MAX)?;
    tx.execute(
        "INSERT INTO script_template (motivation, goal, locale, body, edited_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (motivation, goal, locale) DO UPDATE SET body = excluded.body,
                                                              edited_at = excluded.edited_at",
        params![m, g, l, body, now],
    )?;
    Ok(None)
}

/// Puts the shipped text back.
pub fn restore(tx: &Transaction, m: MotivationType, g: ScriptGoal, l: Locale) -> Result<Template> {
    tx.execute(
        "INSERT INTO script_template (motivation, goal, locale, body, edited_at)
         VALUES (?1, ?2, ?3, ?4, NULL)
         ON CONFLICT (motivation, goal, locale) DO UPDATE SET body = excluded.body, edited_at = NULL",
        params![m, g, l, shipped(m, g, l)],
    )?;
    get(tx, m, g, l)
}

text_enum!(ProblemKind {
    /// The text is not a valid template (an unclosed tag, a stray `{%`…).
    Syntax = "syntax",
    /// A name the record does not provide, e.g. a misspelt `{{ studnet.name }}`.
    UnknownName = "unknown_name",
    /// Rendering took too many steps: a loop that never ends, or one far too big.
    TooLong = "too_long",
    Other = "other",
});

/// Why a template could not be used, and where.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TemplateProblem {
    pub kind: ProblemKind,
    /// 1-based line in the template, when the engine knows it.
    pub line: Option<u32>,
    /// The engine's own words (English), for the curious.
    pub detail: String,
}

fn problem(e: &minijinja::Error) -> TemplateProblem {
    let kind = match e.kind() {
        ErrorKind::SyntaxError | ErrorKind::UnknownBlock => ProblemKind::Syntax,
        ErrorKind::UndefinedError
        | ErrorKind::UnknownFunction
        | ErrorKind::UnknownFilter
        | ErrorKind::UnknownTest
        | ErrorKind::UnknownMethod => ProblemKind::UnknownName,
        ErrorKind::OutOfFuel => ProblemKind::TooLong,
        _ => ProblemKind::Other,
    };
    TemplateProblem {
        kind,
        line: e.line().map(|l| l as u32),
        detail: e
            .detail()
            .map(str::to_string)
            .unwrap_or_else(|| e.to_string()),
    }
}

fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_fuel(Some(FUEL));
    // Scripts are plain text: nothing is HTML-escaped, and the UI never renders them as HTML.
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
    env.set_keep_trailing_newline(false);
    env
}

fn parse(body: &str) -> std::result::Result<(), TemplateProblem> {
    let env = environment();
    env.template_from_str(body)
        .map(|_| ())
        .map_err(|e| problem(&e))
}

/// Renders `body` against `context`; blank-line runs are folded so optional sections leave
/// no holes.
pub fn render(
    body: &str,
    context: &impl Serialize,
) -> std::result::Result<String, TemplateProblem> {
    let env = environment();
    let template = env.template_from_str(body).map_err(|e| problem(&e))?;
    let text = template
        .render(minijinja::Value::from_serialize(context))
        .map_err(|e| problem(&e))?;
    Ok(tidy(&text))
}

fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines().map(str::trim_end) {
        if line.is_empty() {
            blank += 1;
            if blank > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim_end().to_string()
}
