//! Rendering a template the school may have edited: strict about names the record does not
//! provide, stopped by a fuel limit before a runaway loop hangs the app, and saying where a
//! mistake is. Scripts and messages share it.

use minijinja::{Environment, ErrorKind, UndefinedBehavior};
use serde::Serialize;
use specta::Type;

/// Enough for the longest sensible script many times over; a loop that never ends runs out.
const FUEL: u64 = 100_000;

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

/// Whether `body` is a template at all; the problem if not.
pub(crate) fn parse(body: &str) -> Result<(), TemplateProblem> {
    let env = environment();
    env.template_from_str(body)
        .map(|_| ())
        .map_err(|e| problem(&e))
}

/// Renders `body` against `context`; blank-line runs are folded so optional sections leave
/// no holes.
pub fn render(body: &str, context: &impl Serialize) -> Result<String, TemplateProblem> {
    let env = environment();
    let template = env.template_from_str(body).map_err(|e| problem(&e))?;
    let text = template
        .render(minijinja::Value::from_serialize(context))
        .map_err(|e| problem(&e))?;
    Ok(tidy(&text))
}

/// Templates parsed once and kept for a batch: a thousand scripts compile each of the few
/// templates they use once, not a thousand times.
pub(crate) struct Compiled {
    env: Environment<'static>,
}

impl Compiled {
    pub fn new() -> Compiled {
        Compiled { env: environment() }
    }

    /// Renders the template stored under `name`, compiling `body` the first time.
    pub fn render(
        &mut self,
        name: &str,
        body: impl FnOnce() -> String,
        context: &impl Serialize,
    ) -> Result<String, TemplateProblem> {
        if self.env.get_template(name).is_err() {
            self.env
                .add_template_owned(name.to_string(), body())
                .map_err(|e| problem(&e))?;
        }
        let template = self.env.get_template(name).map_err(|e| problem(&e))?;
        let text = template
            .render(minijinja::Value::from_serialize(context))
            .map_err(|e| problem(&e))?;
        Ok(tidy(&text))
    }
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
