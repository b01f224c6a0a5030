//! Copied messages: Encore sends nothing, so copying a message to paste into WeChat, SMS or
//! e-mail is the moment it is recorded — a note on the family's timeline and a log row.

use chrono::{DateTime, FixedOffset, Utc};
use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

use super::MessageGoal;
use crate::bilingual::Bilingual;
use crate::error::{Error, Result, ValidationCode as Code};
use crate::field;
use crate::guardian::ContactChannel;
use crate::note::{self, NoteInput, NoteKind};
use crate::settings::{self, Locale};

/// A message is a few sentences; an edited one may be longer, but stays well inside a note.
const TEXT_MAX: usize = 10_000;

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CopiedMessage {
    pub family_id: i64,
    pub student_id: Option<i64>,
    pub goal: MessageGoal,
    /// Where it will be pasted: WeChat, SMS or e-mail.
    pub channel: ContactChannel,
    /// The text as copied, after any edits staff made.
    pub text: String,
    pub staff_id: i64,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LoggedMessage {
    pub id: i64,
    pub family_id: i64,
    pub student_id: Option<i64>,
    pub goal: MessageGoal,
    pub channel: ContactChannel,
    pub text: String,
    /// None once staff deleted the timeline note.
    pub note_id: Option<i64>,
    pub copied_by: i64,
    pub copied_at: DateTime<Utc>,
}

/// Records a copied message; returns the id of the note it left on the timeline. `now` is the
/// school's wall clock. The note is automatic and does not count as contact: copying is not
/// sending.
pub fn log_copied(tx: &Transaction, m: &CopiedMessage, now: DateTime<FixedOffset>) -> Result<i64> {
    if !matches!(
        m.channel,
        ContactChannel::Wechat | ContactChannel::Sms | ContactChannel::Email
    ) {
        return Err(Error::invalid("channel", Code::NotMessageChannel));
    }
    let text = field::required_text("text", &m.text, TEXT_MAX)?;
    let locale = settings::locale(tx)?.unwrap_or(Locale::En);
    let what = goal_words(m.goal);
    let heading = Bilingual::new(
        format!("Message copied ({}):", what.en),
        format!("已复制消息（{}）：", what.zh_cn),
    );
    let kind = match m.goal {
        MessageGoal::ProgressUpdate => NoteKind::ProgressUpdate,
        _ => NoteKind::Other,
    };
    let input = NoteInput {
        family_id: m.family_id,
        student_id: m.student_id,
        guardian_id: None,
        author_id: m.staff_id,
        channel: m.channel,
        kind,
        body: format!("{}\n{text}", heading.get(locale)),
        occurred_at: now.naive_local(),
    };
    let utc = now.with_timezone(&Utc);
    let note = note::add(tx, &input, utc).map_err(|e| match e {
        Error::Validation { field, code } if field == "authorId" => Error::invalid("staffId", code),
        other => other,
    })?;
    tx.execute("UPDATE note SET automatic = 1 WHERE id = ?1", [note.id])?;
    tx.execute(
        "INSERT INTO message_log (family_id, student_id, goal, channel, body, note_id, copied_by,
                                  copied_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            m.family_id,
            m.student_id,
            m.goal,
            m.channel,
            text,
            note.id,
            m.staff_id,
            utc
        ],
    )?;
    Ok(note.id)
}

/// The family's copied messages, newest first.
pub fn list_for_family(conn: &Connection, family_id: i64) -> Result<Vec<LoggedMessage>> {
    let mut stmt = conn.prepare(
        "SELECT id, family_id, student_id, goal, channel, body, note_id, copied_by, copied_at
           FROM message_log WHERE family_id = ?1 ORDER BY copied_at DESC, id DESC",
    )?;
    let rows = stmt.query_map([family_id], |r| {
        Ok(LoggedMessage {
            id: r.get(0)?,
            family_id: r.get(1)?,
            student_id: r.get(2)?,
            goal: r.get(3)?,
            channel: r.get(4)?,
            text: r.get(5)?,
            note_id: r.get(6)?,
            copied_by: r.get(7)?,
            copied_at: r.get(8)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The goal in words, for the timeline.
pub fn goal_words(goal: MessageGoal) -> Bilingual {
    use MessageGoal as G;
    match goal {
        G::InformEvent => Bilingual::new("upcoming event", "活动通知"),
        G::ConvertTrial => Bilingual::new("after the trial lesson", "体验课回访"),
        G::RenewalReminder => Bilingual::new("renewal reminder", "续费提醒"),
        G::UpsellHours => Bilingual::new("more hours", "增加课时"),
        G::CrossSell => Bilingual::new("another course", "推荐新课程"),
        G::ProgressUpdate => Bilingual::new("progress update", "学习进展"),
        G::AskFeedback => Bilingual::new("asking for feedback", "征求意见"),
        G::WinBack => Bilingual::new("welcome back", "邀请回来"),
    }
}
