//! Leads and trials (seed 003): a family the school has talked to but not enrolled yet, where
//! it came from (a referral by a named family, a walk-in, an open day…), its trial lessons and
//! their outcomes, and the one action that enrolls it — the family, guardian and student made
//! through the usual family form, after which the UI opens the tagging wizard. The funnel
//! follows leads from first contact to trial to enrollment, by month and by source.

mod conversion;
mod funnel;
mod prospect;
mod trial;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result, ValidationCode as Code};
use crate::lifecycle::Stage;
use crate::renewal::DeclineReason;

pub use conversion::{convert, draft, source_words, Conversion, ConversionInput};
pub use funnel::{funnel, Funnel, FunnelBySource, FunnelCounts, FunnelMonth};
pub use prospect::{add, close, get, list, reopen, update};
pub use trial::{book_trial, cancel_trial, record_outcome};

text_enum!(
    /// How a lead first came to the school.
    LeadSource {
        /// Brought by a family already at the school, which the lead names.
        Referral = "referral",
        WalkIn = "walk_in",
        OpenDay = "open_day",
        SocialMedia = "social_media",
        Flyer = "flyer",
        Other = "other",
    }
);

text_enum!(TrialOutcome {
    Pending = "pending",
    Attended = "attended",
    NoShow = "no_show",
    /// Written by [`convert`], never typed: enrolling is one action.
    Enrolled = "enrolled",
    Declined = "declined",
});

text_enum!(
    /// What staff record after a trial lesson.
    TrialResult {
        Attended = "attended",
        NoShow = "no_show",
        Declined = "declined",
    }
);

impl From<TrialResult> for TrialOutcome {
    fn from(r: TrialResult) -> Self {
        match r {
            TrialResult::Attended => TrialOutcome::Attended,
            TrialResult::NoShow => TrialOutcome::NoShow,
            TrialResult::Declined => TrialOutcome::Declined,
        }
    }
}

/// What the front desk types when a family first gets in touch.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ProspectInput {
    pub guardian_name: String,
    pub phone: Option<String>,
    pub child_name: String,
    /// Either the year of birth or the child's age on the day of first contact (the year wins
    /// when both are given).
    pub child_birth_year: Option<i32>,
    pub child_age: Option<u32>,
    pub course_id: Option<i64>,
    pub source: LeadSource,
    /// Required for a referral, refused for any other source.
    pub referred_by_family_id: Option<i64>,
    pub first_contact_on: NaiveDate,
    pub notes: Option<String>,
}

/// Why and when a lead dropped out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CloseInput {
    pub reason: DeclineReason,
    /// Required when the reason is `other`.
    pub text: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Closure {
    pub reason: DeclineReason,
    pub text: Option<String>,
    pub on: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TrialInput {
    pub prospect_id: i64,
    pub course_id: i64,
    /// A class of that course the child joins for the trial, if any.
    pub class_id: Option<i64>,
    /// The school's wall clock.
    pub scheduled_at: NaiveDateTime,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeInput {
    pub trial_id: i64,
    pub result: TrialResult,
    /// Why the family declined or missed it, in a sentence.
    pub reason: Option<String>,
    pub recorded_by: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TrialLesson {
    pub id: i64,
    pub prospect_id: i64,
    pub course_id: i64,
    pub course_name: String,
    pub class_id: Option<i64>,
    pub class_name: Option<String>,
    pub scheduled_at: NaiveDateTime,
    pub outcome: TrialOutcome,
    pub outcome_reason: Option<String>,
    pub recorded_at: Option<DateTime<Utc>>,
    pub recorded_by: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Prospect {
    pub id: i64,
    pub guardian_name: String,
    pub phone: Option<String>,
    pub child_name: String,
    pub child_birth_year: Option<i32>,
    pub course_id: Option<i64>,
    pub course_name: Option<String>,
    pub source: LeadSource,
    pub referred_by_family_id: Option<i64>,
    pub referred_by_family_name: Option<String>,
    pub first_contact_on: NaiveDate,
    pub notes: Option<String>,
    /// Set once the lead enrolled.
    pub family_id: Option<i64>,
    pub student_id: Option<i64>,
    pub converted_on: Option<NaiveDate>,
    pub closed: Option<Closure>,
    /// Oldest first.
    pub trials: Vec<TrialLesson>,
    /// Prospect, Trial or Left while the lead is open or dropped; None once enrolled (the
    /// student's own stage then comes from `lifecycle`).
    pub stage: Option<Stage>,
}

text_enum!(
    /// Which leads a list shows.
    LeadState {
        /// Neither enrolled nor dropped.
        Open = "open",
        Enrolled = "enrolled",
        Dropped = "dropped",
    }
);

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LeadFilter {
    pub state: Option<LeadState>,
    pub source: Option<LeadSource>,
}

/// Staff who record something must exist and still work at the school.
fn active_staff(conn: &rusqlite::Connection, id: i64, field: &str) -> Result<()> {
    match crate::staff::get(conn, id) {
        Ok(s) if s.archived_at.is_none() => Ok(()),
        Ok(_) => Err(Error::invalid(field, Code::StaffArchived)),
        Err(_) => Err(Error::invalid(field, Code::Required)),
    }
}
