//! The renewal desk's records, through `renewal::set_status` as staff set them: over the years
//! many families who stopped said why (declined, on the day), and today's worklist is part
//! way through — some contacted, meetings booked, some postponed or declined, the rest still
//! to contact. The first rows of today's list take each status in turn, so even the smallest
//! school shows them all.

use chrono::{DateTime, Duration, FixedOffset};
use rusqlite::Transaction;

use crate::demo::pick;
use crate::error::Result;
use crate::guardian::ContactChannel;
use crate::renewal::{self, DeclineReason as R, RenewalStatus as S, StatusInput, WorklistFilter};

use super::calendar::{office_hours, wall_clock};
use super::Register;

/// Why families leave, most often first.
const REASONS: &[R] = &[
    R::Schedule,
    R::Schedule,
    R::Price,
    R::LostInterest,
    R::LostInterest,
    R::Moving,
    R::OtherSchool,
    R::Results,
    R::Other,
];

fn status(
    student_id: i64,
    course_id: i64,
    status: S,
    author_id: i64,
    channel: ContactChannel,
) -> StatusInput {
    StatusInput {
        student_id,
        course_id,
        status,
        meeting_at: None,
        postponed_until: None,
        declined_reason: None,
        declined_text: None,
        renewed_package_id: None,
        author_id,
        channel,
        comment: None,
    }
}

fn declined(rng: &mut fastrand::Rng, mut input: StatusInput) -> StatusInput {
    let reason = *pick(rng, REASONS);
    input.status = S::Declined;
    input.declined_reason = Some(reason);
    input.declined_text =
        (reason == R::Other).then(|| "孩子学业太忙 / Too busy with school".into());
    input
}

/// More than half the accounts that ended were closed as declined within days of the last
/// lesson.
pub(super) fn past(tx: &Transaction, rng: &mut fastrand::Rng, reg: &Register) -> Result<()> {
    let (cal, school, staff, courses) = (reg.cal, reg.school, reg.staff, reg.courses);
    for e in school.enrolments.iter().filter(|e| !e.current) {
        if rng.u8(0..100) >= 55 {
            continue;
        }
        let student_id = school.pupils[e.pupil].id;
        let channel = *pick(rng, &[ContactChannel::Phone, ContactChannel::Wechat]);
        let base = status(
            student_id,
            courses[e.course],
            S::Declined,
            *pick(rng, &staff.admins),
            channel,
        );
        let input = declined(rng, base);
        let on = e.until + Duration::days(rng.i64(0..=10));
        renewal::set_status(tx, &input, local(cal.stamp(on, office_hours(rng))))?;
    }
    Ok(())
}

/// Today's worklist, worked on over the last few days.
pub(super) fn current(tx: &Transaction, rng: &mut fastrand::Rng, reg: &Register) -> Result<()> {
    let (cal, staff) = (reg.cal, reg.staff);
    let today = cal.today;
    let rows = renewal::worklist(tx, &WorklistFilter::default(), today)?;
    let turns = [
        S::Contacted,
        S::MeetingScheduled,
        S::Postponed,
        S::ToContact,
        S::Declined,
    ];
    for (i, row) in rows.iter().enumerate() {
        let next = match turns.get(i) {
            Some(&s) => Some(s),
            None => match rng.u8(0..100) {
                0..=44 => None,
                45..=52 => Some(S::ToContact),
                53..=72 => Some(S::Contacted),
                73..=82 => Some(S::MeetingScheduled),
                83..=90 => Some(S::Postponed),
                _ => Some(S::Declined),
            },
        };
        let Some(next) = next else {
            continue;
        };
        let when = cal.stamp(today - Duration::days(rng.i64(0..=5)), office_hours(rng));
        let channel = *pick(rng, ContactChannel::ALL);
        let mut input = status(
            row.student_id,
            row.course_id,
            next,
            *pick(rng, &staff.admins),
            channel,
        );
        match next {
            S::MeetingScheduled => {
                let day = today + Duration::days(rng.i64(1..=7));
                input.meeting_at = Some(wall_clock(day, 16 * 60 + 30 * rng.u32(0..6)));
                input.channel = ContactChannel::Phone;
            }
            S::Postponed => {
                input.postponed_until = Some(today + Duration::days(rng.i64(3..=21)));
            }
            S::Declined => input = declined(rng, input),
            _ => {}
        }
        renewal::set_status(tx, &input, local(when))?;
    }
    Ok(())
}

/// The school's wall clock: the generator keeps it on UTC.
fn local(at: DateTime<chrono::Utc>) -> DateTime<FixedOffset> {
    at.fixed_offset()
}
