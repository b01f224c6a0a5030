//! Renewal cycles: what staff recorded about renewing one student's course, and the note each
//! change leaves on the family timeline so the story can be read in one place.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, Utc};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::{CycleState, DeclineReason, RenewalStatus as S};
use crate::bilingual::{hours, Bilingual};
use crate::error::{Error, Result, ValidationCode as Code};
use crate::guardian::ContactChannel;
use crate::hours::from_halves;
use crate::note::{self, NoteInput, NoteKind};
use crate::settings::{self, Locale};
use crate::{course, field, student};

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct StatusInput {
    pub student_id: i64,
    pub course_id: i64,
    pub status: S,
    /// Required for `meeting_scheduled`.
    pub meeting_at: Option<NaiveDateTime>,
    /// Required for `postponed`; a day after today.
    pub postponed_until: Option<NaiveDate>,
    /// Required for `declined`; `other` also needs the text.
    pub declined_reason: Option<DeclineReason>,
    pub declined_text: Option<String>,
    /// Required for `renewed`: the package the family bought.
    pub renewed_package_id: Option<i64>,
    pub author_id: i64,
    /// How the family was reached, for the timeline note.
    pub channel: ContactChannel,
    pub comment: Option<String>,
}

/// Records a renewal status for the student's course and writes it on the family timeline.
/// `now` is the school's wall clock.
pub fn set_status(
    tx: &Transaction,
    input: &StatusInput,
    now: DateTime<FixedOffset>,
) -> Result<CycleState> {
    let pupil = student::get(tx, input.student_id)?;
    let course = course::get(tx, input.course_id)?;
    let today = now.date_naive();
    let package_id = latest_package(tx, input.student_id, input.course_id, i64::MAX)?;
    let comment = field::optional_text("comment", input.comment.clone(), field::NOTE_MAX)?;
    let mut state = CycleState {
        id: None,
        package_id,
        status: input.status,
        meeting_at: None,
        postponed_until: None,
        declined_reason: None,
        declined_text: None,
        renewed_package_id: None,
    };
    match input.status {
        S::MeetingScheduled => {
            state.meeting_at = Some(input.meeting_at.ok_or(required("meetingAt"))?);
        }
        S::Postponed => {
            let until = input.postponed_until.ok_or(required("postponedUntil"))?;
            if until <= today {
                return Err(Error::invalid("postponedUntil", Code::NotInFuture));
            }
            state.postponed_until = Some(until);
        }
        S::Declined => {
            let reason = input.declined_reason.ok_or(required("declinedReason"))?;
            let text = field::optional_text(
                "declinedText",
                input.declined_text.clone(),
                field::SHORT_TEXT_MAX,
            )?;
            if reason == DeclineReason::Other && text.is_none() {
                return Err(required("declinedText"));
            }
            state.declined_reason = Some(reason);
            state.declined_text = text;
        }
        S::Renewed => {
            let renewal = input
                .renewed_package_id
                .ok_or(required("renewedPackageId"))?;
            let newer: Option<bool> = tx
                .query_row(
                    "SELECT id > coalesce(?2, 0) FROM package WHERE id = ?1 AND student_id = ?3",
                    params![renewal, package_id, input.student_id],
                    |r| r.get(0),
                )
                .optional()?;
            if newer != Some(true) {
                return Err(Error::invalid("renewedPackageId", Code::NotNewerPackage));
            }
            state.renewed_package_id = Some(renewal);
        }
        S::ToContact | S::Contacted => {}
    }
    state.id = Some(store(tx, input.student_id, input.course_id, &state, now)?);
    let locale = settings::locale(tx)?.unwrap_or(Locale::En);
    let what = describe(tx, &state)?;
    let body = format!(
        "{} {}",
        note_text(&course.name, &what).get(locale),
        comment.unwrap_or_default()
    );
    write_note(
        tx,
        pupil.family_id,
        input.student_id,
        input.author_id,
        input.channel,
        input.status,
        body.trim(),
        now.naive_local(),
        now.with_timezone(&Utc),
    )?;
    Ok(state)
}

/// A package sold to an account that had one before is a renewal of that one: its cycle
/// closes as renewed, whether or not anyone had opened it. Returns the renewed cycle.
pub fn record_sale(
    tx: &Transaction,
    package_id: i64,
    sold_by: i64,
    now: DateTime<FixedOffset>,
) -> Result<Option<i64>> {
    let (student_id, course_id, purchased_on): (i64, i64, NaiveDate) = tx.query_row(
        "SELECT student_id, course_id, purchased_on FROM package WHERE id = ?1",
        [package_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let Some(previous) = latest_package(tx, student_id, course_id, package_id)? else {
        return Ok(None);
    };
    if cycle_at(tx, student_id, course_id, Some(previous))?.is_some_and(|(_, s)| s == S::Renewed) {
        return Ok(None);
    }
    let state = CycleState {
        id: None,
        package_id: Some(previous),
        status: S::Renewed,
        meeting_at: None,
        postponed_until: None,
        declined_reason: None,
        declined_text: None,
        renewed_package_id: Some(package_id),
    };
    let id = store(tx, student_id, course_id, &state, now)?;
    let course = course::get(tx, course_id)?;
    let family_id = student::get(tx, student_id)?.family_id;
    let locale = settings::locale(tx)?.unwrap_or(Locale::En);
    let body = note_text(&course.name, &describe(tx, &state)?);
    write_note(
        tx,
        family_id,
        student_id,
        sold_by,
        ContactChannel::InPerson,
        S::Renewed,
        body.get(locale),
        purchased_on.and_time(now.time()),
        now.with_timezone(&Utc),
    )?;
    Ok(Some(id))
}

fn required(field: &str) -> Error {
    Error::invalid(field, Code::Required)
}

/// The account's newest package sold before `before` (an id).
fn latest_package(
    tx: &Transaction,
    student_id: i64,
    course_id: i64,
    before: i64,
) -> Result<Option<i64>> {
    Ok(tx.query_row(
        "SELECT max(id) FROM package WHERE student_id = ?1 AND course_id = ?2 AND id < ?3",
        params![student_id, course_id, before],
        |r| r.get(0),
    )?)
}

fn cycle_at(
    tx: &Transaction,
    student_id: i64,
    course_id: i64,
    package_id: Option<i64>,
) -> Result<Option<(i64, S)>> {
    Ok(tx
        .query_row(
            "SELECT id, status FROM renewal_cycle
              WHERE student_id = ?1 AND course_id = ?2 AND coalesce(package_id, 0) = coalesce(?3, 0)",
            params![student_id, course_id, package_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

fn store(
    tx: &Transaction,
    student_id: i64,
    course_id: i64,
    s: &CycleState,
    now: DateTime<FixedOffset>,
) -> Result<i64> {
    let closed_on = s.status.closes().then(|| now.date_naive());
    let stamp = now.with_timezone(&Utc);
    if let Some((id, _)) = cycle_at(tx, student_id, course_id, s.package_id)? {
        tx.execute(
            "UPDATE renewal_cycle SET status = ?2, meeting_at = ?3, postponed_until = ?4,
                    declined_reason = ?5, declined_text = ?6, renewed_package_id = ?7,
                    updated_at = ?8, closed_on = ?9
              WHERE id = ?1",
            params![
                id,
                s.status,
                s.meeting_at,
                s.postponed_until,
                s.declined_reason,
                s.declined_text,
                s.renewed_package_id,
                stamp,
                closed_on
            ],
        )?;
        return Ok(id);
    }
    tx.execute(
        "INSERT INTO renewal_cycle (student_id, course_id, package_id, status, meeting_at,
                                    postponed_until, declined_reason, declined_text,
                                    renewed_package_id, opened_at, updated_at, closed_on)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11)",
        params![
            student_id,
            course_id,
            s.package_id,
            s.status,
            s.meeting_at,
            s.postponed_until,
            s.declined_reason,
            s.declined_text,
            s.renewed_package_id,
            stamp,
            closed_on
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

#[allow(clippy::too_many_arguments)]
fn write_note(
    tx: &Transaction,
    family_id: i64,
    student_id: i64,
    author_id: i64,
    channel: ContactChannel,
    status: S,
    body: &str,
    occurred_at: NaiveDateTime,
    now: DateTime<Utc>,
) -> Result<()> {
    // Putting a family back on the to-contact list is not a conversation with it.
    let kind = if status == S::ToContact {
        NoteKind::Other
    } else {
        NoteKind::RenewalTalk
    };
    let input = NoteInput {
        family_id,
        student_id: Some(student_id),
        guardian_id: None,
        author_id,
        channel,
        kind,
        body: body.to_string(),
        occurred_at,
    };
    let note = note::add(tx, &input, now)?;
    tx.execute("UPDATE note SET automatic = 1 WHERE id = ?1", [note.id])?;
    Ok(())
}

fn note_text(course: &str, what: &Bilingual) -> Bilingual {
    Bilingual::new(
        format!("Renewal, {course}: {}.", what.en),
        format!("续费（{course}）：{}。", what.zh_cn),
    )
}

/// The status in words, for the timeline.
fn describe(tx: &Transaction, s: &CycleState) -> Result<Bilingual> {
    Ok(match s.status {
        S::ToContact => Bilingual::new("to contact", "待联系"),
        S::Contacted => Bilingual::new("contacted", "已联系"),
        S::MeetingScheduled => {
            let at = s
                .meeting_at
                .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
                .unwrap_or_default();
            Bilingual::new(format!("meeting on {at}"), format!("约定 {at} 面谈"))
        }
        S::Postponed => {
            let until = s.postponed_until.map(|d| d.to_string()).unwrap_or_default();
            Bilingual::new(
                format!("postponed until {until}"),
                format!("暂缓，{until} 再跟进"),
            )
        }
        S::Declined => {
            let reason = s
                .declined_reason
                .map(decline_words)
                .unwrap_or_else(|| Bilingual::new("", ""));
            let text = s
                .declined_text
                .as_deref()
                .map(|t| format!(" — {t}"))
                .unwrap_or_default();
            Bilingual::new(
                format!("will not renew ({}){text}", reason.en),
                format!("不续费（{}）{text}", reason.zh_cn),
            )
        }
        S::Renewed => {
            let (halves, until): (i64, NaiveDate) = tx.query_row(
                "SELECT purchased_halves + bonus_halves, valid_until FROM package WHERE id = ?1",
                [s.renewed_package_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let h = hours(from_halves(halves));
            Bilingual::new(
                format!("renewed, {h} hours valid until {until}"),
                format!("已续费，{h} 课时，有效期至 {until}"),
            )
        }
    })
}

pub fn decline_words(reason: DeclineReason) -> Bilingual {
    use DeclineReason as R;
    match reason {
        R::Results => Bilingual::new("results below expectation", "效果未达预期"),
        R::Schedule => Bilingual::new("schedule", "时间安排"),
        R::Price => Bilingual::new("price", "价格"),
        R::LostInterest => Bilingual::new("child lost interest", "孩子失去兴趣"),
        R::Moving => Bilingual::new("moving away", "搬家"),
        R::OtherSchool => Bilingual::new("chose another school", "选择了其他机构"),
        R::Other => Bilingual::new("other", "其他"),
    }
}
