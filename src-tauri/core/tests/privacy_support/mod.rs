//! A family with something in every table a family's data lives in — packages, a transfer
//! between the siblings, lessons shared with another family's child, a lesson of its own,
//! notes, tags, a motivation, consent, a renewal, an achievement with a photo — for the
//! export and erasure tests.
#![allow(dead_code)]

use std::path::Path;

use chrono::FixedOffset;
use encore_core::achievement::{self, AchievementInput, AchievementKind};
use encore_core::attendance::AttendanceStatus::{Excused, Present};
use encore_core::consent::{self, ConsentInput, ConsentScope};
use encore_core::guardian::ContactChannel;
use encore_core::note::{self, NoteInput, NoteKind};
use encore_core::package::{self, AdjustmentInput};
use encore_core::renewal::{self, RenewalStatus, StatusInput};
use encore_core::tag::{self, TagInput, TagTarget};
use encore_core::tagging::MotivationType;
use encore_core::{family, media};

use crate::common::hours::*;
use crate::common::*;

/// Written on the 张 family's timeline; nothing else in the school contains it.
pub const NOTE_TEXT: &str = "蓝鲸计划-7F3A：家长担心孩子手腕旧伤，请老师留意。";
/// The child whose name must leave no trace.
pub const CHILD: &str = "张小明";

pub struct Filled {
    pub zhang: i64,
    pub wang: i64,
    pub mother: i64,
    pub photo: String,
    /// Roll calls: two shared with 王一, one 张小明 took alone.
    pub shared_sessions: Vec<i64>,
    pub own_session: i64,
}

pub fn fill(s: &School, data_dir: &Path) -> Filled {
    let zhang = s.db.with_conn(|c| Ok(family_of(c, s.kids[0]))).unwrap();
    let wang = s.db.with_conn(|c| Ok(family_of(c, s.kids[2]))).unwrap();
    let detail = s.db.with_conn(|c| family::detail(c, zhang)).unwrap();
    let mother = detail.guardians[0].id;

    let first = s.sell(0, 10.0, 1.0, "2026-09-01", "2027-06-30");
    s.sell(1, 10.0, 0.0, "2026-09-01", "2027-06-30");
    s.sell(2, 10.0, 0.0, "2026-09-01", "2027-06-30");
    s.db.with_tx(|tx| {
        package::transfer(
            tx,
            &AdjustmentInput {
                package_id: first,
                hours: 2.0,
                reason: "哥哥的课时转给妹妹".into(),
                author_id: s.teacher,
                on: day("2026-10-01"),
            },
            s.kids[1],
            now(),
        )
    })
    .unwrap();
    let shared_sessions = vec![
        s.roll_call(
            "2026-10-03",
            &[
                (0, Present, false),
                (1, Excused, false),
                (2, Present, false),
            ],
        )
        .unwrap(),
        s.roll_call("2026-10-10", &[(0, Present, false), (2, Present, false)])
            .unwrap(),
    ];
    let own_session = s.roll_call("2026-10-17", &[(0, Present, false)]).unwrap();

    s.db.with_tx(|tx| {
        note::add(
            tx,
            &NoteInput {
                family_id: zhang,
                student_id: Some(s.kids[0]),
                guardian_id: Some(mother),
                author_id: s.teacher,
                channel: ContactChannel::Wechat,
                kind: NoteKind::ProgressUpdate,
                body: NOTE_TEXT.into(),
                occurred_at: day("2026-10-05").and_hms_opt(18, 0, 0).unwrap(),
            },
            now(),
        )
    })
    .unwrap();
    let tag =
        s.db.with_tx(|tx| {
            tag::add(
                tx,
                &TagInput {
                    name: "钢琴比赛组".into(),
                    keep_wording: false,
                },
                now(),
            )
        })
        .unwrap()
        .id;
    for target in [
        TagTarget {
            guardian_id: Some(mother),
            student_id: None,
        },
        TagTarget {
            guardian_id: None,
            student_id: Some(s.kids[0]),
        },
    ] {
        s.db.with_tx(|tx| tag::attach(tx, tag, target, now()))
            .unwrap();
    }
    tag_guardian(&s.db, mother, MotivationType::Honors, s.teacher);
    s.db.with_tx(|tx| {
        consent::record(
            tx,
            zhang,
            &ConsentInput {
                guardian_id: Some(mother),
                given_on: day("2026-09-01"),
                scopes: vec![ConsentScope::Records, ConsentScope::Media],
                recorded_by: s.teacher,
                note: None,
            },
            now(),
        )
    })
    .unwrap();
    s.db.with_tx(|tx| {
        renewal::set_status(
            tx,
            &StatusInput {
                student_id: s.kids[0],
                course_id: s.course,
                status: RenewalStatus::Contacted,
                meeting_at: None,
                postponed_until: None,
                declined_reason: None,
                declined_text: None,
                renewed_package_id: None,
                author_id: s.teacher,
                channel: ContactChannel::Phone,
                comment: Some("妈妈说下周答复".into()),
            },
            now().with_timezone(&FixedOffset::east_opt(8 * 3600).unwrap()),
        )
    })
    .unwrap();
    let prize =
        s.db.with_tx(|tx| {
            achievement::add(
                tx,
                &AchievementInput {
                    student_id: s.kids[0],
                    kind: AchievementKind::Competition,
                    title: "市少儿钢琴比赛".into(),
                    result: Some("二等奖".into()),
                    occurred_on: day("2026-10-18"),
                    description: None,
                },
                now(),
            )
        })
        .unwrap()
        .id;
    let source = data_dir.join("领奖.jpg");
    std::fs::write(
        &source,
        [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F'],
    )
    .unwrap();
    let photo =
        s.db.with_tx(|tx| media::attach(tx, data_dir, prize, &source, now()))
            .unwrap()
            .stored_name;
    Filled {
        zhang,
        wang,
        mother,
        photo,
        shared_sessions,
        own_session,
    }
}

fn family_of(c: &rusqlite::Connection, student: i64) -> i64 {
    c.query_row(
        "SELECT family_id FROM student WHERE id = ?1",
        [student],
        |r| r.get(0),
    )
    .unwrap()
}
