//! Enrolling a lead in one action: the family form comes prefilled from the lead, the family,
//! guardians and students are created exactly as the families page creates them, and the lead
//! is linked to the first student so the funnel and referral counts can follow it. The UI then
//! opens the tagging wizard for the new guardian.

use chrono::{DateTime, FixedOffset, Utc};
use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::prospect::ensure_open;
use super::{get, trial, LeadSource, Prospect};
use crate::bilingual::Bilingual;
use crate::error::{Error, Result, ValidationCode as Code};
use crate::family::{self, NewFamily, NewFamilyGuardian};
use crate::guardian::{ContactChannel, GuardianInfo, Relationship};
use crate::note::{self, NoteInput, NoteKind};
use crate::settings::{self, Locale};
use crate::student::{StudentInfo, StudentStatus};

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ConversionInput {
    /// The family as confirmed on the form; its first student is the lead's child.
    pub family: NewFamily,
    /// Who enrolled the family: the trial is marked enrolled and the timeline note written in
    /// their name.
    pub enrolled_by: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Conversion {
    pub family_id: i64,
    pub student_id: i64,
    /// In the order entered: the first is the one to tag in the wizard.
    pub guardian_ids: Vec<i64>,
}

/// The family form prefilled from the lead: its guardian (relationship still to choose), its
/// child, enrolled today.
pub fn draft(conn: &Connection, prospect_id: i64, today: chrono::NaiveDate) -> Result<NewFamily> {
    let lead = get(conn, prospect_id)?;
    let chinese = lead
        .child_name
        .chars()
        .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    Ok(NewFamily {
        // As the demo school and the roster import name families.
        name: if chinese {
            format!("{}家", lead.child_name)
        } else {
            format!("{}'s family", lead.child_name)
        },
        guardians: vec![NewFamilyGuardian {
            info: GuardianInfo {
                name: lead.guardian_name.clone(),
                mobile: lead.phone.clone(),
                ..Default::default()
            },
            relationship: Relationship::Other,
        }],
        students: vec![StudentInfo {
            name: lead.child_name.clone(),
            birth_date: None,
            gender: None,
            courses_of_interest: lead.course_name.iter().cloned().collect(),
            skill_level: None,
            status: StudentStatus::Active,
            enrolled_on: Some(today),
        }],
    })
}

/// Creates the family through `family::create`, links the lead to it, marks its latest trial
/// enrolled and writes where the family came from on its timeline. A dropped lead may enroll
/// (it came back). `now` is the school's wall clock.
pub fn convert(
    tx: &Transaction,
    prospect_id: i64,
    input: &ConversionInput,
    now: DateTime<FixedOffset>,
) -> Result<Conversion> {
    ensure_open(tx, prospect_id)?;
    super::active_staff(tx, input.enrolled_by, "enrolledBy")?;
    if input.family.students.is_empty() {
        return Err(Error::invalid("family.students", Code::Required));
    }
    let utc = now.with_timezone(&Utc);
    let family_id = family::create(tx, &input.family, utc)?;
    let ids = |table: &str| -> Result<Vec<i64>> {
        let mut stmt = tx.prepare(&format!(
            "SELECT id FROM {table} WHERE family_id = ?1 ORDER BY id"
        ))?;
        let rows = stmt.query_map([family_id], |r| r.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    };
    let student_id = ids("student")?[0];
    let guardian_ids = ids("guardian")?;
    let trial_id = trial::latest_open(tx, prospect_id)?;
    tx.execute(
        "UPDATE prospect SET family_id = ?2, student_id = ?3, converted_on = ?4,
                closed_reason = NULL, closed_text = NULL, closed_on = NULL, updated_at = ?5
          WHERE id = ?1",
        params![prospect_id, family_id, student_id, now.date_naive(), utc],
    )?;
    if let Some(id) = trial_id {
        tx.execute(
            "UPDATE trial_lesson SET outcome = 'enrolled', recorded_at = ?2, recorded_by = ?3
              WHERE id = ?1",
            params![id, utc, input.enrolled_by],
        )?;
    }
    let lead = get(tx, prospect_id)?;
    let locale = settings::locale(tx)?.unwrap_or(Locale::En);
    let note = note::add(
        tx,
        &NoteInput {
            family_id,
            student_id: Some(student_id),
            guardian_id: guardian_ids.first().copied(),
            author_id: input.enrolled_by,
            channel: ContactChannel::InPerson,
            kind: NoteKind::EnrollmentTalk,
            body: story(&lead).get(locale).to_string(),
            occurred_at: now.naive_local(),
        },
        utc,
    )?;
    // Encore wrote it: it records where the family came from, not a conversation.
    tx.execute("UPDATE note SET automatic = 1 WHERE id = ?1", [note.id])?;
    Ok(Conversion {
        family_id,
        student_id,
        guardian_ids,
    })
}

/// "Enrolled: first contact on 2026-10-03 (referral by 王家), trial on 2026-10-10 (钢琴)."
fn story(lead: &Prospect) -> Bilingual {
    let source = source_words(lead.source);
    let (by_en, by_zh) = match &lead.referred_by_family_name {
        Some(name) if lead.source == LeadSource::Referral => {
            (format!("referral by {name}"), format!("{name}推荐"))
        }
        _ => (source.en, source.zh_cn),
    };
    let trial = lead
        .trials
        .iter()
        .rev()
        .find(|t| t.outcome == super::TrialOutcome::Enrolled);
    let (trial_en, trial_zh) = match trial {
        Some(t) => {
            let at = t.scheduled_at.format("%Y-%m-%d %H:%M");
            (
                format!(", trial on {at} ({})", t.course_name),
                format!("，{at} 试听（{}）", t.course_name),
            )
        }
        None => (String::new(), String::new()),
    };
    let first = lead.first_contact_on;
    Bilingual::new(
        format!("Enrolled: first contact on {first} ({by_en}){trial_en}."),
        format!("报名入学：{first} 首次接触（{by_zh}）{trial_zh}。"),
    )
}

/// A lead's source in words, for the timeline.
pub fn source_words(source: LeadSource) -> Bilingual {
    match source {
        LeadSource::Referral => Bilingual::new("referral", "转介绍"),
        LeadSource::WalkIn => Bilingual::new("walk-in", "自然到访"),
        LeadSource::OpenDay => Bilingual::new("open day", "开放日"),
        LeadSource::SocialMedia => Bilingual::new("social media", "社交媒体"),
        LeadSource::Flyer => Bilingual::new("flyer", "传单"),
        LeadSource::Other => Bilingual::new("other", "其他"),
    }
}
