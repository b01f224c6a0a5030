//! Message templates: 8 goals × 3 motivation types × 2 languages shipped in
//! `assets/messages/`, copied into the school's file and editable like script templates.

use super::MessageGoal;
use crate::script::shelf::{shelf_api, shipped_templates, Shipped};
use crate::settings::Locale;
use crate::tagging::MotivationType;

/// (goal, motivation, locale, text) for every message template Encore ships.
const SHIPPED: &[Shipped] = shipped_templates!["messages":
    "inform_event" / "future",
    "inform_event" / "interest",
    "inform_event" / "honors",
    "convert_trial" / "future",
    "convert_trial" / "interest",
    "convert_trial" / "honors",
    "renewal_reminder" / "future",
    "renewal_reminder" / "interest",
    "renewal_reminder" / "honors",
    "upsell_hours" / "future",
    "upsell_hours" / "interest",
    "upsell_hours" / "honors",
    "cross_sell" / "future",
    "cross_sell" / "interest",
    "cross_sell" / "honors",
    "progress_update" / "future",
    "progress_update" / "interest",
    "progress_update" / "honors",
    "ask_feedback" / "future",
    "ask_feedback" / "interest",
    "ask_feedback" / "honors",
    "win_back" / "future",
    "win_back" / "interest",
    "win_back" / "honors",
];

shelf_api!(MessageTemplate for MessageGoal in "message_template", SHIPPED);
