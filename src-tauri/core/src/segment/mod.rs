//! Segments (seed 001): groups of students and families by how often and how regularly the
//! family renews, how long it has been with the school, the child's level, the guardians'
//! preferred channel and motivation type, the course, the lifecycle stage and how the family
//! came. A definition combines criteria; it evaluates to student and family ids, so any list,
//! the renewal desk and the exports can keep just those rows. Definitions can be saved under a
//! name (`saved`).
//!
//! Within one criterion any listed value matches (motivation future *or* honors); criteria
//! combine with *and*. An empty list or missing range does not narrow anything. Family-level
//! criteria (renewals, regularity, tenure, source) hold for every child of the family; the
//! others are the child's own (its guardians, its courses, its level, its stage). Archived
//! students and families are never in a segment.

mod filter;
mod saved;

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result, ValidationCode as Code};
use crate::guardian::ContactChannel;
use crate::lead::LeadSource;
use crate::lifecycle::Stage;
use crate::tagging::MotivationType;

pub use filter::{evaluate, evaluate_saved};
pub use saved::{create, delete, get, list, update, SavedSegment, SegmentInput};

/// Inclusive bounds; a missing bound is open.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Range {
    pub min: Option<u32>,
    pub max: Option<u32>,
}

impl Range {
    pub fn contains(&self, n: u32) -> bool {
        self.min.is_none_or(|m| n >= m) && self.max.is_none_or(|m| n <= m)
    }
}

text_enum!(
    /// How regularly a family renews.
    Regularity {
        /// Renewed at least once, and always before the package being renewed ended.
        OnTime = "on_time",
        /// At least one renewal came after the package being renewed had ended.
        Late = "late",
    }
);

/// Stored as JSON: fields added later read as "not narrowing" in older definitions.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase", default)]
pub struct SegmentDefinition {
    /// How many times the family has renewed, in every course and child together.
    pub renewals: Option<Range>,
    pub regularity: Option<Regularity>,
    /// Full months since the family's first package began.
    pub tenure_months: Option<Range>,
    /// `beginner`, `intermediate`, `advanced` or a school's own grade, compared without case.
    pub skill_levels: Vec<String>,
    pub channels: Vec<ContactChannel>,
    pub motivations: Vec<MotivationType>,
    /// The child bought a package for the course or is in one of its classes.
    pub course_ids: Vec<i64>,
    pub stages: Vec<Stage>,
    pub sources: Vec<LeadSource>,
}

impl SegmentDefinition {
    /// Ranges must not be upside down; `prefix` places errors inside a larger form.
    pub fn check(&self, prefix: &str) -> Result<()> {
        for (name, range) in [
            ("renewals", self.renewals),
            ("tenureMonths", self.tenure_months),
        ] {
            if let Some(Range {
                min: Some(min),
                max: Some(max),
            }) = range
            {
                if min > max {
                    return Err(Error::invalid(format!("{prefix}{name}"), Code::MinAboveMax));
                }
            }
        }
        Ok(())
    }
}

/// The students in a segment and their families, each in ascending id order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SegmentMatch {
    pub student_ids: Vec<i64>,
    pub family_ids: Vec<i64>,
}

impl SegmentMatch {
    pub fn has_student(&self, id: i64) -> bool {
        self.student_ids.binary_search(&id).is_ok()
    }

    pub fn has_family(&self, id: i64) -> bool {
        self.family_ids.binary_search(&id).is_ok()
    }
}
