//! Copying a message leaves a note on the family's timeline and a log row; the school edits
//! message templates, restores them, and keeps its edits across starts.

mod common;

use common::hours::*;
use common::messages::*;
use common::*;
use encore_core::error::ValidationCode;
use encore_core::guardian::ContactChannel;
use encore_core::message::{self, log, template, CopiedMessage, MessageGoal};
use encore_core::note;
use encore_core::settings::{self, Locale};
use encore_core::tagging::MotivationType;
use encore_core::Db;

fn copied(s: &School, family_id: i64, channel: ContactChannel, text: &str) -> CopiedMessage {
    CopiedMessage {
        family_id,
        student_id: Some(s.kids[0]),
        goal: MessageGoal::RenewalReminder,
        channel,
        text: text.into(),
        staff_id: s.teacher,
    }
}

#[test]
fn a_copied_message_is_written_on_the_family_timeline_and_logged() {
    let s = school_with_art();
    s.db.with_tx(|tx| settings::set_locale(tx, Locale::ZhCn))
        .unwrap();
    let zhang = family_of(&s, 0);
    let text = compose(
        &s,
        &request(zhang, MessageGoal::RenewalReminder, Locale::ZhCn),
    )
    .text
    .unwrap();
    let wall = now().fixed_offset();
    let note_id =
        s.db.with_tx(|tx| {
            message::log_copied(tx, &copied(&s, zhang, ContactChannel::Wechat, &text), wall)
        })
        .unwrap();
    let timeline = s.db.with_conn(|c| note::list_for_family(c, zhang)).unwrap();
    let n = timeline.iter().find(|n| n.id == note_id).unwrap();
    assert_eq!(n.body, format!("已复制消息（续费提醒）：\n{text}"));
    assert_eq!(
        (n.channel, n.student_id, n.author_id),
        (ContactChannel::Wechat, Some(s.kids[0]), s.teacher)
    );
    let automatic: bool =
        s.db.with_conn(|c| {
            Ok(
                c.query_row("SELECT automatic FROM note WHERE id = ?1", [note_id], |r| {
                    r.get(0)
                })?,
            )
        })
        .unwrap();
    assert!(
        automatic,
        "copying is not contact: the renewal desk does not count it"
    );
    let logged = s.db.with_conn(|c| log::list_for_family(c, zhang)).unwrap();
    assert_eq!(logged.len(), 1);
    assert_eq!(
        (logged[0].note_id, logged[0].text.as_str()),
        (Some(note_id), text.as_str())
    );

    // Staff may delete the note; the log keeps the message.
    s.db.with_tx(|tx| note::delete(tx, note_id, now())).unwrap();
    let logged = s.db.with_conn(|c| log::list_for_family(c, zhang)).unwrap();
    assert_eq!(logged[0].note_id, None);

    let refused =
        |m: CopiedMessage| validation(s.db.with_tx(|tx| message::log_copied(tx, &m, wall)));
    assert_eq!(
        refused(copied(&s, zhang, ContactChannel::Phone, &text)),
        ("channel".into(), ValidationCode::NotMessageChannel)
    );
    assert_eq!(
        refused(copied(&s, zhang, ContactChannel::Sms, "  ")),
        ("text".into(), ValidationCode::Required)
    );
    assert_eq!(count(&s.db, "message_log"), 1, "nothing is stored half-way");
}

#[test]
fn the_school_edits_a_message_template_and_can_restore_the_shipped_one() {
    let s = school_with_art();
    let zhang = family_of(&s, 0);
    let (m, g, l) = (
        MotivationType::Interest,
        MessageGoal::AskFeedback,
        Locale::En,
    );
    let broken =
        s.db.with_tx(|tx| template::save(tx, m, g, l, "{% if %}", now()))
            .unwrap();
    assert!(broken.is_some(), "a broken text is not stored");
    let edited =
        s.db.with_tx(|tx| {
            template::save(
                tx,
                m,
                g,
                l,
                "Dear {{ guardian.address }}, how was {{ course }}?",
                now(),
            )
        })
        .unwrap();
    assert_eq!(edited, None);
    assert!(
        s.db.with_conn(|c| template::get(c, m, g, l))
            .unwrap()
            .edited
    );
    assert_eq!(
        compose(&s, &request(zhang, g, l)).text.unwrap(),
        "Dear 李芳, how was 钢琴?"
    );
    let typo =
        s.db.with_tx(|tx| template::save(tx, m, g, l, "Hi {{ studnet.call }}", now()))
            .unwrap();
    assert_eq!(typo, None, "it parses; the mistake shows when it renders");
    let problem = compose(&s, &request(zhang, g, l)).problem.unwrap();
    assert_eq!(problem.line, Some(1));
    let restored = s.db.with_tx(|tx| template::restore(tx, m, g, l)).unwrap();
    assert!(!restored.edited);
    assert_eq!(restored.body, template::shipped(m, g, l));
}

#[test]
fn every_start_copies_in_the_shipped_messages_and_keeps_the_schools_edits() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("school.db");
    let (m, g, l) = (MotivationType::Future, MessageGoal::WinBack, Locale::ZhCn);
    {
        let db = Db::open(&path, now()).unwrap();
        assert_eq!(count(&db, "message_template"), 48);
        db.with_tx(|tx| template::save(tx, m, g, l, "{{ student.call }}，欢迎回来！", now()))
            .unwrap();
    }
    let db = Db::open(&path, now()).unwrap();
    assert_eq!(count(&db, "message_template"), 48);
    let kept = db.with_conn(|c| template::get(c, m, g, l)).unwrap();
    assert_eq!(
        (kept.edited, kept.body.as_str()),
        (true, "{{ student.call }}，欢迎回来！")
    );
}
