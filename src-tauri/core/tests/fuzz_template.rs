//! Fuzzing template rendering, bounded so it runs with every `cargo test`: token soup, the
//! shipped templates cut, spliced and sprinkled with tokens, and random text, rendered
//! against a real student's context (the live preview's path) and against odd data. Every
//! template comes back as text or as a `TemplateProblem`; none panics. `FUZZ_CASES=n` runs
//! more cases.

mod common;

use std::sync::OnceLock;

use common::hours::*;
use common::now;
use encore_core::attendance::AttendanceStatus::Present;
use encore_core::script::template;
use encore_core::script::{self, ScriptGoal, ScriptRequest};
use encore_core::settings::Locale;
use encore_core::tagging::MotivationType;
use proptest::prelude::*;
use proptest::test_runner::Config;

fn config(default_cases: u32) -> Config {
    let cases = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default_cases);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// 张小明 with a package, a few lessons and a tagged mother: the context a script sees.
fn fixture() -> &'static School {
    static SCHOOL: OnceLock<School> = OnceLock::new();
    SCHOOL.get_or_init(|| {
        let s = school(1.0);
        s.sell(0, 12.0, 1.0, "2026-09-01", "2027-02-28");
        for day in ["2026-09-05", "2026-09-12", "2026-09-19"] {
            s.roll_call(day, &[(0, Present, false)]).unwrap();
        }
        let mother =
            s.db.with_conn(|c| encore_core::family::detail(c, 1))
                .unwrap()
                .guardians[0]
                .id;
        common::tag_guardian(&s.db, mother, MotivationType::Honors, s.teacher);
        s
    })
}

/// Renders `text` as the template editor's live preview does.
fn preview(text: &str, goal: ScriptGoal, locale: Locale) {
    let s = fixture();
    let script =
        s.db.with_conn(|c| {
            script::generate(
                c,
                &ScriptRequest {
                    student_id: s.kids[0],
                    course_id: None,
                    guardian_id: None,
                    goal,
                    locale,
                    template: Some(text.to_string()),
                },
                now().date_naive(),
            )
        })
        .expect("a template problem is reported in the script, never as an error");
    assert!(
        script.text.is_some() != script.problem.is_some(),
        "exactly one of text and problem: {script:?}"
    );
}

const TOKENS: &[&str] = &[
    "{{",
    "}}",
    "{%",
    "%}",
    "{#",
    "#}",
    "{%-",
    "-%}",
    "{{-",
    "-}}",
    " ",
    "\n",
    "student",
    ".",
    "name",
    "call",
    "guardian",
    "address",
    "achievements",
    "opportunities",
    "term",
    "plan",
    "a",
    "for",
    "in",
    "endfor",
    "if",
    "endif",
    "else",
    "elif",
    "not",
    "and",
    "or",
    "is",
    "none",
    "|",
    "length",
    "upper",
    "first",
    "join",
    "default",
    "selectattr",
    "(",
    ")",
    "[",
    "]",
    ",",
    ":",
    "0",
    "1",
    "-1",
    "99999999999999999999",
    "~",
    "+",
    "-",
    "*",
    "**",
    "/",
    "//",
    "%",
    "==",
    "'x'",
    "\"",
    "'",
    "range",
    "range(100000)",
    "loop",
    "loop.index",
    "loop.cycle",
    "set",
    "=",
    "macro",
    "endmacro",
    "call",
    "caller",
    "recursive",
    "include",
    "import",
    "from",
    "extends",
    "block",
    "endblock",
    "raw",
    "endraw",
    "filter",
    "endfilter",
    "with",
    "endwith",
    "self",
    "super()",
    "namespace()",
    "true",
    "false",
    "…",
    "张小明",
    "续费",
    "\u{0}",
    "\u{feff}",
    "\\",
    "{{ student.name }}",
    "{% for x in range(999999) %}",
    "{% endfor %}",
];

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![4 => prop::sample::select(TOKENS.to_vec()).prop_map(String::from), 1 => "[\\PC]{0,6}"],
        0..60,
    )
    .prop_map(|parts| parts.concat())
}

fn shipped() -> impl Strategy<Value = (&'static str, ScriptGoal, Locale)> {
    (
        prop::sample::select(MotivationType::ALL.to_vec()),
        prop::sample::select(ScriptGoal::ALL.to_vec()),
        prop::sample::select(Locale::ALL.to_vec()),
    )
        .prop_map(|(m, g, l)| (template::shipped(m, g, l), g, l))
}

/// A cut, a copied span or an inserted token, at character positions.
#[derive(Debug, Clone)]
enum Edit {
    Cut(prop::sample::Index, usize),
    Copy(prop::sample::Index, prop::sample::Index, usize),
    Insert(prop::sample::Index, &'static str),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<prop::sample::Index>(), 1..40usize).prop_map(|(a, n)| Edit::Cut(a, n)),
        (
            any::<prop::sample::Index>(),
            any::<prop::sample::Index>(),
            1..80usize
        )
            .prop_map(|(a, b, n)| Edit::Copy(a, b, n)),
        (
            any::<prop::sample::Index>(),
            prop::sample::select(TOKENS.to_vec())
        )
            .prop_map(|(a, t)| Edit::Insert(a, t)),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for e in edits {
        let len = chars.len().max(1);
        match e {
            Edit::Cut(at, n) => {
                let from = at.index(len).min(chars.len());
                let to = (from + n).min(chars.len());
                chars.drain(from..to);
            }
            Edit::Copy(from, to, n) => {
                let from = from.index(len).min(chars.len());
                let span: Vec<char> = chars[from..(from + n).min(chars.len())].to_vec();
                let at = to.index(len).min(chars.len());
                chars.splice(at..at, span);
            }
            Edit::Insert(at, token) => {
                let at = at.index(len).min(chars.len());
                chars.splice(at..at, token.chars());
            }
        }
    }
    chars.into_iter().collect()
}

proptest! {
    #![proptest_config(config(1500))]

    #[test]
    fn token_soup_renders_or_names_its_problem(text in soup(), goal in prop::sample::select(ScriptGoal::ALL.to_vec())) {
        preview(&text, goal, Locale::ZhCn);
    }

    #[test]
    fn damaged_shipped_templates_render_or_name_their_problem(
        (body, goal, locale) in shipped(),
        edits in prop::collection::vec(edit(), 1..6),
    ) {
        preview(&apply(body, &edits), goal, locale);
    }

    #[test]
    fn any_text_against_odd_data_renders_or_names_its_problem(
        text in prop_oneof![soup(), "[\\PC]{0,200}"],
        name in "[\\PC]{0,20}",
        n in any::<i64>(),
        x in any::<f64>(),
    ) {
        let context = serde_json::json!({
            "student": { "name": name, "call": name, "level": null, "age": n },
            "guardian": { "address": x, "name": [n, x, null] },
            "achievements": [{ "title": name, "date": n, "result": null, "kind": "grading" }],
            "opportunities": [],
            "term": { "attendance": x, "attended": n, "lessons": 0, "since": null },
            "plan": null,
        });
        match template::render(&text, &context) {
            Ok(_) => {}
            Err(problem) => prop_assert!(problem.line.is_none_or(|l| l >= 1)),
        }
    }
}
