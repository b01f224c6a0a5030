//! Erasing a family leaves nothing of it: not in any table, not in the search index, not in
//! the media folder, and not in the bytes of the database file or its write-ahead log. The
//! other families, and the lessons they shared, stay whole.

mod common;
mod privacy_support;

use std::path::Path;

use common::hours::*;
use common::*;
use encore_core::class::{self, ClassInput};
use encore_core::error::ValidationCode as Code;
use encore_core::guardian::ContactChannel;
use encore_core::note::{self, NoteInput, NoteKind};
use encore_core::privacy::{self, MentionPlace};
use encore_core::{family, search, Db};
use privacy_support::*;

/// The database file and its write-ahead log, as bytes on disk.
fn file_bytes(db: &Path) -> Vec<u8> {
    let mut bytes = std::fs::read(db).unwrap();
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    if let Ok(log) = std::fs::read(&wal) {
        bytes.extend(log);
    }
    bytes
}

fn holds(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

#[test]
fn an_erased_family_is_gone_from_the_file_and_its_log_and_the_others_keep_their_lessons() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("school.db");
    let s = school_in(Db::open(&path, now()).unwrap(), 1.0);
    let f = fill(&s, dir.path());
    let wang_before = s.account(2);
    let before = file_bytes(&path);
    for needle in [CHILD, NOTE_TEXT, "zhangxiaoming"] {
        assert!(
            holds(&before, needle),
            "the fixture writes {needle} to the file first"
        );
    }

    let report = privacy::erase_family(&s.db, Some(dir.path()), f.zhang, " 张家 ").unwrap();
    assert_eq!(
        (
            report.family_name.as_str(),
            report.guardians,
            report.students,
            report.notes
        ),
        ("张家", 2, 2, 2),
        "the progress note and the note the renewal desk wrote"
    );
    assert_eq!(report.media_files, 1);
    assert!(report.scrubbed);
    assert!(report.mentions.is_empty(), "{:?}", report.mentions);

    let after = file_bytes(&path);
    for needle in [
        CHILD,
        NOTE_TEXT,
        "蓝鲸计划",
        "zhangxiaoming",
        "张小红",
        "哥哥的课时转给妹妹",
    ] {
        assert!(
            !holds(&after, needle),
            "{needle} must not survive in the database file or its WAL"
        );
    }
    assert!(
        !dir.path().join("media").join(&f.photo).exists(),
        "the achievement's photo is deleted"
    );

    s.db.with_conn(|c| {
        let broken: i64 =
            c.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0))?;
        assert_eq!(broken, 0, "no row points at an erased one");
        let check: String = c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
        assert_eq!(check, "ok");
        // The index stores its terms prefix-compressed, so the file scan above cannot see
        // them: look inside the index's own pages.
        let indexed: i64 = c.query_row(
            "SELECT count(*) FROM search_fts_data
              WHERE instr(block, CAST('小明' AS BLOB)) > 0 OR instr(block, CAST('蓝鲸' AS BLOB)) > 0",
            [],
            |r| r.get(0),
        )?;
        assert_eq!(indexed, 0, "the search index keeps no term of the erased family");
        assert!(search::search(c, "张小明", 10)?.is_empty());
        assert!(search::search(c, "zxm", 10)?.is_empty());
        assert!(search::search(c, "蓝鲸", 10)?.is_empty());
        assert_eq!(search::search(c, "王一", 10)?.len(), 1, "the other family is still found");
        for session in &f.shared_sessions {
            let marks: i64 = c.query_row(
                "SELECT count(*) FROM attendance WHERE session_id = ?1",
                [session],
                |r| r.get(0),
            )?;
            assert_eq!(marks, 1, "a shared roll call keeps 王一's mark");
        }
        let own: i64 = c.query_row(
            "SELECT count(*) FROM lesson_session WHERE id = ?1",
            [f.own_session],
            |r| r.get(0),
        )?;
        assert_eq!(own, 0, "a roll call only the erased child attended goes with it");
        Ok(())
    })
    .unwrap();
    let wang_after = s.account(2);
    assert_eq!(
        (wang_after.balance, wang_after.lines.len()),
        (wang_before.balance, wang_before.lines.len()),
        "the other family's hours are untouched"
    );
    assert!(s.db.with_conn(|c| family::get(c, f.wang)).is_ok());
    assert!(s.db.with_conn(|c| family::get(c, f.zhang)).is_err());
}

#[test]
fn an_erasure_confirmed_with_another_name_erases_nothing() {
    let s = school(1.0);
    let dir = tempfile::tempdir().unwrap();
    let f = fill(&s, dir.path());
    let before = count(&s.db, "note");
    assert_eq!(
        validation(s.db.with_tx(|tx| privacy::erase(tx, f.zhang, "王家"))),
        ("confirmName".into(), Code::ConfirmationMismatch)
    );
    assert_eq!(count(&s.db, "note"), before);
    assert!(s.db.with_conn(|c| family::get(c, f.zhang)).is_ok());
}

#[test]
fn a_class_or_another_familys_note_that_still_names_the_child_is_reported() {
    let s = school(1.0);
    let dir = tempfile::tempdir().unwrap();
    let f = fill(&s, dir.path());
    let private =
        s.db.with_tx(|tx| {
            class::add(
                tx,
                &ClassInput {
                    course_id: s.course,
                    teacher_id: s.teacher,
                    name: "张小明 周三加课".into(),
                    weekday: 3,
                    start_time: "17:00".into(),
                    student_ids: vec![s.kids[0]],
                },
                now(),
            )
        })
        .unwrap()
        .id;
    let note =
        s.db.with_tx(|tx| {
            note::add(
                tx,
                &NoteInput {
                    family_id: f.wang,
                    student_id: None,
                    guardian_id: None,
                    author_id: s.teacher,
                    channel: ContactChannel::InPerson,
                    kind: NoteKind::Other,
                    body: "王一想和张小明一起上课".into(),
                    occurred_at: day("2026-10-06").and_hms_opt(9, 0, 0).unwrap(),
                },
                now(),
            )
        })
        .unwrap()
        .id;
    let erasure =
        s.db.with_tx(|tx| privacy::erase(tx, f.zhang, "张家"))
            .unwrap();
    let places: Vec<_> = erasure
        .report
        .mentions
        .iter()
        .map(|m| (m.place, m.id, m.family_id))
        .collect();
    assert_eq!(
        places,
        [
            (MentionPlace::Class, private, None),
            (MentionPlace::Note, note, Some(f.wang))
        ],
        "staff are told what still names the child, to reword it"
    );
}
