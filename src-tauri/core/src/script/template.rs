//! Script templates: the shipped minijinja files and the school's edited copies in the
//! database. Rendering lives in `render`, storage in `shelf`; both are shared with messages.

pub use super::render::{render, ProblemKind, TemplateProblem};
use super::shelf::{shelf_api, shipped_templates, Shipped};
use super::ScriptGoal;
use crate::settings::Locale;
use crate::tagging::MotivationType;

/// (goal, motivation, locale, text) for every script template Encore ships.
const SHIPPED: &[Shipped] = shipped_templates!["scripts":
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

shelf_api!(Template for ScriptGoal in "script_template", SHIPPED);
