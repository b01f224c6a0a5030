//! Demo renewal desk: some families already contacted, a meeting booked, one postponed, one
//! declined, so every status is there to look at.

use chrono::{DateTime, Days, Utc};
use rusqlite::Transaction;

use crate::error::Result;
use crate::guardian::ContactChannel;
use crate::renewal::{self, DeclineReason, RenewalStatus as S, StatusInput, WorklistFilter};

pub(super) fn generate(tx: &Transaction, desk: i64, now: DateTime<Utc>) -> Result<()> {
    let today = now.date_naive();
    let rows = renewal::worklist(tx, &WorklistFilter::default(), today)?;
    let reasons = [
        DeclineReason::Schedule,
        DeclineReason::Price,
        DeclineReason::Moving,
    ];
    for (i, row) in rows.iter().enumerate() {
        let base = StatusInput {
            student_id: row.student_id,
            course_id: row.course_id,
            status: S::Contacted,
            meeting_at: None,
            postponed_until: None,
            declined_reason: None,
            declined_text: None,
            renewed_package_id: None,
            author_id: desk,
            channel: ContactChannel::Wechat,
            comment: None,
        };
        let input = match i % 6 {
            1 => base,
            2 => StatusInput {
                status: S::MeetingScheduled,
                meeting_at: (today + Days::new(3)).and_hms_opt(16, 30, 0),
                channel: ContactChannel::Phone,
                ..base
            },
            3 => StatusInput {
                status: S::Postponed,
                postponed_until: Some(today + Days::new(10)),
                ..base
            },
            4 if i / 6 < reasons.len() => StatusInput {
                status: S::Declined,
                declined_reason: Some(reasons[i / 6]),
                channel: ContactChannel::InPerson,
                ..base
            },
            _ => continue,
        };
        renewal::set_status(tx, &input, now.fixed_offset())?;
    }
    Ok(())
}
