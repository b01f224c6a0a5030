//! A parent's copy of the family's data: the JSON holds every record of every table the family
//! has rows in (and nothing of other families), the PDF says the same in words, in either
//! language, with its text extractable.

mod common;
mod privacy_support;

use std::process::Command;

use common::hours::*;
use common::now;
use encore_core::pdf::{self, Paper};
use encore_core::privacy;
use encore_core::settings::Locale;
use privacy_support::*;
use serde_json::Value;

fn length(v: &Value, section: &str) -> usize {
    v["records"][section]
        .as_array()
        .unwrap_or_else(|| panic!("records.{section} is a list"))
        .len()
}

#[test]
fn the_json_export_holds_every_record_of_the_family_and_nothing_of_the_others() {
    let s = school(1.0);
    let dir = tempfile::tempdir().unwrap();
    let f = fill(&s, dir.path());
    let bytes =
        s.db.with_conn(|c| privacy::family_json(c, f.zhang, now()))
            .unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["format"], "encore-family-export");
    assert_eq!(v["familyId"], f.zhang);
    let order = [
        "family",
        "guardians",
        "students",
        "studentGuardians",
        "notes",
        "leads",
        "trialLessons",
        "consent",
        "copiedMessages",
        "feedback",
        "motivationHistory",
        "tagLinks",
        "classMemberships",
        "attendance",
        "packages",
        "ledgerEntries",
        "renewalCycles",
        "achievements",
        "achievementMedia",
    ];
    let mut listed: Vec<&str> = v["records"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = order.to_vec();
    listed.sort();
    expected.sort();
    assert_eq!(listed, expected);
    let at: Vec<usize> = order
        .iter()
        .map(|k| text.find(&format!("\"{k}\": [")).unwrap())
        .collect();
    assert!(
        at.windows(2).all(|w| w[0] < w[1]),
        "sections come parents first: {at:?}"
    );
    for (section, rows) in [
        ("family", 1),
        ("guardians", 2),
        ("students", 2),
        ("studentGuardians", 4),
        ("notes", 2),
        ("consent", 1),
        ("motivationHistory", 1),
        ("tagLinks", 2),
        ("classMemberships", 2),
        ("attendance", 4),
        // Three sold, one made by the transfer.
        ("packages", 3),
        ("renewalCycles", 1),
        ("achievements", 1),
        ("achievementMedia", 1),
    ] {
        assert_eq!(length(&v, section), rows, "records.{section}");
    }
    assert!(
        length(&v, "ledgerEntries") >= 7,
        "purchases, bonus, transfer, lessons"
    );
    assert_eq!(v["records"]["students"][0]["name"], CHILD);
    assert_eq!(
        v["records"]["students"][0]["courses_of_interest"],
        serde_json::json!(["钢琴"]),
        "JSON kept in a column comes out as JSON"
    );
    assert_eq!(v["records"]["consent"][0]["media"], 1);
    assert!(text.contains(NOTE_TEXT));
    assert_eq!(v["mediaFiles"], serde_json::json!([f.photo]));
    assert_eq!(v["references"]["staff"][0]["name"], "陈宇");
    assert_eq!(v["references"]["courses"][0]["name"], "钢琴");
    assert_eq!(
        v["references"]["lessonSessions"].as_array().unwrap().len(),
        3
    );
    assert_eq!(v["references"]["tags"][0]["name"], "钢琴比赛组");
    assert!(
        !text.contains("王一"),
        "another family's child is not in this family's file"
    );
}

#[test]
fn the_pdf_copy_reads_back_with_the_childs_name_the_note_consent_and_file_names() {
    let s = school(1.0);
    let dir = tempfile::tempdir().unwrap();
    let f = fill(&s, dir.path());
    for (locale, words) in [
        (Locale::ZhCn, ["授权同意", "保存档案", "沟通记录", "出勤"]),
        (
            Locale::En,
            ["Consent", "keeping records", "Notes", "Attendance"],
        ),
    ] {
        let bytes =
            s.db.with_conn(|c| {
                let doc = privacy::family_document(c, f.zhang, now().date_naive())?;
                pdf::family_record(&doc, locale, Paper::A4)
            })
            .unwrap();
        let path = dir.path().join(format!("family-{}.pdf", locale.as_str()));
        pdf::write_file(&path, &bytes).unwrap();
        let out = Command::new("pdftotext")
            .args(["-enc", "UTF-8"])
            .arg(&path)
            .arg("-")
            .output()
            .expect("pdftotext is part of poppler-utils (scripts/setup)");
        let text = String::from_utf8(out.stdout).unwrap();
        for needle in [
            CHILD,
            "张小红",
            "李芳",
            "蓝鲸计划",
            "市少儿钢琴比赛",
            "领奖.jpg",
            "周六钢琴A",
        ]
        .into_iter()
        .chain(words)
        {
            assert!(
                text.contains(needle),
                "{needle} in the {locale:?} copy:\n{text}"
            );
        }
    }
}
