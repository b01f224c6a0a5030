//! The families' timelines: an enrollment talk when each child starts, then about one note a
//! month while the family is with the school (progress, feedback, renewal talks, the odd
//! complaint), and the note each renewal left. Written in bulk in the order they happened,
//! each with its search entry as `note::add` writes it, so note text is searchable.

use chrono::{Duration, NaiveDate, NaiveDateTime};
use rusqlite::{params, Connection};

use crate::bilingual::{hours, Bilingual};
use crate::demo::{pick, NOTES_EN, NOTES_ZH};
use crate::error::Result;
use crate::guardian::ContactChannel;
use crate::hours::from_halves;
use crate::note::NoteKind;
use crate::search::SearchKind;
use crate::settings::{self, Locale};

use super::bookkeeping::RenewalNote;
use super::calendar::{between, office_hours, wall_clock};
use super::catalogue::{course_name, interest};
use super::Register;

/// Notes beyond the demo's, naming the course as well as the child.
const MORE_NOTES_ZH: &[(NoteKind, &str)] = &[
    (
        NoteKind::ProgressUpdate,
        "{child}在{course}课上进步很快，本月学会了新的技巧，老师建议在家每天练习二十分钟。",
    ),
    (
        NoteKind::ProgressUpdate,
        "期中反馈：{child}的{course}基础扎实，下一步重点是细节和表现力。",
    ),
    (
        NoteKind::Feedback,
        "家长说{child}每周都盼着上{course}课，回家会主动给家人展示。",
    ),
    (
        NoteKind::Other,
        "家长询问{course}课下学期的上课时间是否调整，已告知暂不变动。",
    ),
    (
        NoteKind::Other,
        "家长来电请假：{child}下周外出旅行，{course}课已登记请假。",
    ),
    (
        NoteKind::RenewalTalk,
        "和家长聊了{child}下学期{course}的目标，家长倾向继续报名，等期末展示后再定。",
    ),
    (
        NoteKind::Complaint,
        "家长反映{course}教室空调太冷，已联系物业调整。",
    ),
];
const MORE_NOTES_EN: &[(NoteKind, &str)] = &[
    (NoteKind::ProgressUpdate, "{child} is doing well in {course}: learned a new technique this month; the teacher suggests twenty minutes of practice a day."),
    (NoteKind::ProgressUpdate, "Mid-term update: {child} has solid {course} basics; next focus is detail and expression."),
    (NoteKind::Feedback, "Parent says {child} looks forward to {course} every week and shows the family at home."),
    (NoteKind::Other, "Parent asked whether next term's {course} times will change; told they stay the same."),
    (NoteKind::Other, "Parent called in: {child} travels next week and will miss {course}; noted."),
    (NoteKind::RenewalTalk, "Talked about {child}'s {course} goals for next term; parent leans towards continuing and will decide after the showcase."),
    (NoteKind::Complaint, "Parent says the {course} room is too cold; asked the building to adjust the air conditioning."),
];

/// What a month's conversation is about, out of a hundred: complaints are rare.
const KINDS: &[(NoteKind, u8)] = &[
    (NoteKind::ProgressUpdate, 40),
    (NoteKind::Feedback, 22),
    (NoteKind::Other, 18),
    (NoteKind::RenewalTalk, 16),
    (NoteKind::Complaint, 4),
];

struct Row {
    family_id: i64,
    student_id: i64,
    guardian_id: Option<i64>,
    author_id: i64,
    channel: ContactChannel,
    kind: NoteKind,
    body: String,
    occurred_at: NaiveDateTime,
    automatic: bool,
}

pub(super) fn write(
    tx: &Connection,
    rng: &mut fastrand::Rng,
    reg: &Register,
    renewals: Vec<RenewalNote>,
) -> Result<usize> {
    let cal = reg.cal;
    let mut rows = conversations(rng, reg);
    // Renewal notes are in the school's language, as `renewal::record_sale` writes them.
    let locale = settings::locale(tx)?.unwrap_or(Locale::En);
    rows.extend(renewals.into_iter().map(|r| {
        let name = course_name(r.course);
        let h = hours(from_halves(r.halves));
        let text = Bilingual::new(
            format!(
                "Renewal, {name}: renewed, {h} hours valid until {}.",
                r.until
            ),
            format!("续费（{name}）：已续费，{h} 课时，有效期至 {}。", r.until),
        );
        Row {
            family_id: r.family_id,
            student_id: r.student_id,
            guardian_id: None,
            author_id: r.author_id,
            channel: ContactChannel::InPerson,
            kind: NoteKind::RenewalTalk,
            body: text.get(locale).to_string(),
            occurred_at: r.occurred_at,
            automatic: true,
        }
    }));
    rows.sort_by_key(|r| r.occurred_at);
    let mut note = tx.prepare_cached(
        "INSERT INTO note (family_id, student_id, guardian_id, author_id, channel, kind, body,
                           occurred_at, created_at, updated_at, automatic)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10)",
    )?;
    // Search entries as `note::add` writes them, gathered first and indexed by one statement:
    // the full-text index flushes to disk at the end of every statement that touches it.
    tx.execute_batch(
        "CREATE TEMP TABLE synthetic_note_keys (ref_id INTEGER PRIMARY KEY, family_id INTEGER, keys TEXT)",
    )?;
    let mut keys = tx.prepare_cached("INSERT INTO temp.synthetic_note_keys VALUES (?1, ?2, ?3)")?;
    for r in &rows {
        note.execute(params![
            r.family_id,
            r.student_id,
            r.guardian_id,
            r.author_id,
            r.channel,
            r.kind,
            r.body,
            r.occurred_at,
            r.occurred_at.and_utc().min(cal.now),
            r.automatic
        ])?;
        keys.execute(params![
            tx.last_insert_rowid(),
            r.family_id,
            r.body.to_lowercase()
        ])?;
    }
    tx.execute(
        "INSERT INTO search_doc (kind, ref_id, family_id, keys)
         SELECT ?1, ref_id, family_id, keys FROM temp.synthetic_note_keys ORDER BY ref_id",
        [SearchKind::Note],
    )?;
    tx.execute_batch("DROP TABLE temp.synthetic_note_keys")?;
    Ok(rows.len())
}

/// Each family's talks with the school while it is here.
fn conversations(rng: &mut fastrand::Rng, reg: &Register) -> Vec<Row> {
    let (cal, school, staff) = (reg.cal, reg.school, reg.staff);
    let mut courses_of: Vec<Vec<usize>> = vec![Vec::new(); school.pupils.len()];
    for e in &school.enrolments {
        courses_of[e.pupil].push(e.course);
    }
    let yesterday = cal.today - Duration::days(1);
    let mut rows = Vec::new();
    for household in &school.households {
        let (zh, en) = ([NOTES_ZH, MORE_NOTES_ZH], [NOTES_EN, MORE_NOTES_EN]);
        let templates = if household.english { en } else { zh };
        let mut note = |rng: &mut fastrand::Rng, p: usize, kind: NoteKind, day: NaiveDate| {
            let pupil = &school.pupils[p];
            let course = courses_of[p].first().copied();
            let author = match course {
                Some(c) if kind == NoteKind::ProgressUpdate && rng.bool() => {
                    staff.teachers[*pick(rng, &staff.teach[c])]
                }
                _ => *pick(rng, &staff.admins),
            };
            let course_words = course.map_or_else(
                || {
                    pupil
                        .info
                        .courses_of_interest
                        .first()
                        .cloned()
                        .unwrap_or_default()
                },
                |c| interest(c, household.english).to_string(),
            );
            let options: Vec<&str> = templates
                .iter()
                .flat_map(|list| list.iter())
                .filter(|(k, _)| *k == kind)
                .map(|(_, text)| *text)
                .collect();
            rows.push(Row {
                family_id: household.id,
                student_id: pupil.id,
                guardian_id: Some(*pick(rng, &household.guardians)),
                author_id: author,
                channel: *pick(rng, ContactChannel::ALL),
                kind,
                body: pick(rng, &options)
                    .replace("{child}", &pupil.info.name)
                    .replace("{course}", &course_words),
                occurred_at: wall_clock(day.min(yesterday), office_hours(rng)),
                automatic: false,
            });
        };
        let mut last = household.joined;
        for &p in &household.pupils {
            let pupil = &school.pupils[p];
            let started = pupil.info.enrolled_on.unwrap_or(household.joined);
            note(rng, p, NoteKind::EnrollmentTalk, started);
            last = last.max(pupil.left_on.unwrap_or(yesterday));
        }
        let months = (last - household.joined).num_days() as f64 / 30.44;
        let count = (months * (0.8 + 0.4 * rng.f64())).round() as usize;
        for _ in 0..count {
            let day = between(rng, household.joined, last);
            let p = *pick(rng, &household.pupils);
            let mut roll = rng.u8(0..100);
            let kind = KINDS
                .iter()
                .find(|(_, share)| {
                    let hit = roll < *share;
                    roll = roll.saturating_sub(*share);
                    hit
                })
                .map_or(NoteKind::Other, |(k, _)| *k);
            note(rng, p, kind, day);
        }
    }
    rows
}
