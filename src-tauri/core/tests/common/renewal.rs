//! The renewal desk on a fixed day (Sunday 2026-11-22): reading the worklist, recording a
//! status, and writing notes as staff would.

use chrono::{DateTime, FixedOffset, NaiveDate};
use encore_core::guardian::ContactChannel;
use encore_core::note::{self, NoteInput, NoteKind};
use encore_core::renewal::{
    self, CycleState, RenewalStatus, StatusInput, WorklistFilter, WorklistRow,
};

use super::hours::{day, School};
use super::now;

pub fn today() -> NaiveDate {
    now().date_naive()
}

pub fn wall(at: &str) -> DateTime<FixedOffset> {
    at.parse().unwrap()
}

pub fn list_on(s: &School, filter: &WorklistFilter, on: &str) -> Vec<WorklistRow> {
    s.db.with_conn(|c| renewal::worklist(c, filter, day(on)))
        .unwrap()
}

pub fn list(s: &School) -> Vec<WorklistRow> {
    list_on(s, &WorklistFilter::default(), "2026-11-22")
}

pub fn listed(s: &School, kid: usize) -> bool {
    list(s).iter().any(|r| r.student_id == s.kids[kid])
}

pub fn status(s: &School, kid: usize, status: RenewalStatus) -> StatusInput {
    StatusInput {
        student_id: s.kids[kid],
        course_id: s.course,
        status,
        meeting_at: None,
        postponed_until: None,
        declined_reason: None,
        declined_text: None,
        renewed_package_id: None,
        author_id: s.teacher,
        channel: ContactChannel::Phone,
        comment: None,
    }
}

pub fn set(s: &School, input: &StatusInput) -> Result<CycleState, encore_core::Error> {
    s.db.with_tx(|tx| renewal::set_status(tx, input, wall("2026-11-22T10:00:00+08:00")))
}

pub fn note_on(s: &School, kid: usize, kind: NoteKind, at: &str, body: &str) {
    let family_id =
        s.db.with_conn(|c| encore_core::student::get(c, s.kids[kid]))
            .unwrap()
            .family_id;
    s.db.with_tx(|tx| {
        note::add(
            tx,
            &NoteInput {
                family_id,
                student_id: None,
                guardian_id: None,
                author_id: s.teacher,
                channel: ContactChannel::Wechat,
                kind,
                body: body.into(),
                occurred_at: format!("{at}T18:00:00").parse().unwrap(),
            },
            now(),
        )
    })
    .unwrap();
}

pub fn family_notes(s: &School, kid: usize) -> Vec<String> {
    s.db.with_conn(|c| {
        let family_id = encore_core::student::get(c, s.kids[kid])?.family_id;
        note::list_for_family(c, family_id)
    })
    .unwrap()
    .into_iter()
    .map(|n| n.body)
    .collect()
}
