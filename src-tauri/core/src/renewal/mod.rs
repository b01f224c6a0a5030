//! The renewal desk (seed 000: "pull up the list of parents whose fees are due but have not
//! renewed yet"): who to talk to now and why, each conversation tracked to an outcome, and
//! the school's prepaid rules checked when a package is sold.

mod cycle;
mod dashboard;
pub mod risk;
pub mod rules;
mod worklist;

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use specta::Type;

pub use cycle::{decline_words, record_sale, set_status, StatusInput};
pub use dashboard::{dashboard, RenewalDashboard};
pub use risk::{Risk, RiskLevel, RiskReason, RiskSignal};
pub use worklist::{worklist, GuardianBrief, Person, WorklistFilter, WorklistRow};

text_enum!(RenewalStatus {
    ToContact = "to_contact",
    Contacted = "contacted",
    MeetingScheduled = "meeting_scheduled",
    Renewed = "renewed",
    /// Comes back onto the list on the day it was postponed to.
    Postponed = "postponed",
    Declined = "declined",
});

impl RenewalStatus {
    /// Renewed and declined end a cycle.
    pub fn closes(self) -> bool {
        matches!(self, RenewalStatus::Renewed | RenewalStatus::Declined)
    }
}

text_enum!(
    /// Why a family did not renew, in the categories schools compare over time.
    DeclineReason {
        Results = "results",
        Schedule = "schedule",
        Price = "price",
        LostInterest = "lost_interest",
        Moving = "moving",
        OtherSchool = "other_school",
        Other = "other",
    }
);

/// Where one student's renewal of one course stands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CycleState {
    /// None until someone first records a status: every due account starts "to contact".
    pub id: Option<i64>,
    /// The package being renewed.
    pub package_id: Option<i64>,
    pub status: RenewalStatus,
    pub meeting_at: Option<NaiveDateTime>,
    pub postponed_until: Option<NaiveDate>,
    pub declined_reason: Option<DeclineReason>,
    pub declined_text: Option<String>,
    pub renewed_package_id: Option<i64>,
}
