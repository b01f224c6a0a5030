//! The enrollment tagging wizard: answers score the three motivation types, the suggestion
//! explains itself, and the staff member's choice is kept on the guardian with its history.

pub mod questionnaire;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Error, Result, ValidationCode as Code};
use crate::{guardian, staff};
pub use questionnaire::Questionnaire;

text_enum!(
    /// Why a parent enrolled (seed 000): the child's future, the child's growth now, or being
    /// seen — stages, competitions, certificates.
    MotivationType {
        Future = "future",
        Interest = "interest",
        Honors = "honors",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Answer {
    pub question_id: String,
    pub option_ids: Vec<String>,
}

/// One answer's pull towards one type: the "why" shown beside the suggestion.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Reason {
    pub question_id: String,
    pub option_id: String,
    pub motivation: MotivationType,
    pub weight: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    /// None until some answer points anywhere.
    pub primary: Option<MotivationType>,
    pub secondary: Option<MotivationType>,
    pub future: u32,
    pub interest: u32,
    pub honors: u32,
    /// The answers behind the primary and secondary type, strongest first.
    pub reasons: Vec<Reason>,
}

/// A secondary type is worth naming when it scores at least this share of the primary.
const SECONDARY_SHARE: f64 = 0.5;

/// Checks the answers against the questionnaire and scores them.
pub fn score(q: &Questionnaire, answers: &[Answer]) -> Result<Suggestion> {
    let mut reasons = Vec::new();
    let mut totals = [0u32; 3];
    for (i, answer) in answers.iter().enumerate() {
        let question = q
            .question(&answer.question_id)
            .ok_or(Error::invalid(format!("answers.{i}"), Code::UnknownAnswer))?;
        if !question.multiple && answer.option_ids.len() > 1 {
            return Err(Error::invalid(format!("answers.{i}"), Code::OneAnswerOnly));
        }
        for option_id in &answer.option_ids {
            let option = question
                .options
                .iter()
                .find(|o| &o.id == option_id)
                .ok_or(Error::invalid(format!("answers.{i}"), Code::UnknownAnswer))?;
            let w = option.weights;
            for (k, (motivation, weight)) in [
                (MotivationType::Future, w.future),
                (MotivationType::Interest, w.interest),
                (MotivationType::Honors, w.honors),
            ]
            .into_iter()
            .enumerate()
            {
                if weight > 0 {
                    totals[k] += u32::from(weight);
                    reasons.push(Reason {
                        question_id: question.id.clone(),
                        option_id: option.id.clone(),
                        motivation,
                        weight,
                    });
                }
            }
        }
    }
    let types = [
        MotivationType::Future,
        MotivationType::Interest,
        MotivationType::Honors,
    ];
    let mut ranked: Vec<(u32, MotivationType)> = totals.iter().copied().zip(types).collect();
    // Highest first; equal scores keep the questionnaire's order, so ties are stable.
    ranked.sort_by_key(|r| std::cmp::Reverse(r.0));
    let primary = (ranked[0].0 > 0).then_some(ranked[0].1);
    let secondary = (ranked[1].0 > 0
        && f64::from(ranked[1].0) >= SECONDARY_SHARE * f64::from(ranked[0].0))
    .then_some(ranked[1].1);
    reasons.retain(|r| Some(r.motivation) == primary || Some(r.motivation) == secondary);
    reasons.sort_by_key(|r| (Some(r.motivation) != primary, std::cmp::Reverse(r.weight)));
    Ok(Suggestion {
        primary,
        secondary,
        future: totals[0],
        interest: totals[1],
        honors: totals[2],
        reasons,
    })
}

/// What the staff member decided at the end of the wizard.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MotivationInput {
    pub guardian_id: i64,
    pub primary: MotivationType,
    pub secondary: Option<MotivationType>,
    pub answers: Vec<Answer>,
    pub tagged_by: i64,
}

/// A guardian's current motivation tag.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Motivation {
    pub primary: MotivationType,
    pub secondary: Option<MotivationType>,
    /// What the answers suggested; differs from `primary` when staff chose otherwise.
    pub suggested: Option<MotivationType>,
    pub tagged_by: String,
    pub tagged_at: DateTime<Utc>,
    pub answers: Vec<Answer>,
}

pub fn record(
    tx: &Transaction,
    q: &Questionnaire,
    input: &MotivationInput,
    now: DateTime<Utc>,
) -> Result<Motivation> {
    guardian::get(tx, input.guardian_id)?;
    match staff::get(tx, input.tagged_by) {
        Ok(s) if s.archived_at.is_none() => {}
        Ok(_) => return Err(Error::invalid("taggedBy", Code::StaffArchived)),
        Err(_) => return Err(Error::invalid("taggedBy", Code::Required)),
    }
    if input.secondary == Some(input.primary) {
        return Err(Error::invalid("secondary", Code::SameAsPrimary));
    }
    let suggestion = score(q, &input.answers)?;
    tx.execute(
        "INSERT INTO guardian_motivation (guardian_id, primary_type, secondary_type, suggested_type, answers,
                                          questionnaire_version, tagged_by, tagged_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            input.guardian_id,
            input.primary,
            input.secondary,
            suggestion.primary,
            serde_json::to_string(&input.answers).unwrap_or_else(|_| "[]".into()),
            q.version,
            input.tagged_by,
            now
        ],
    )?;
    current(tx, input.guardian_id)?.ok_or(Error::invalid("guardianId", Code::Required))
}

fn motivation_row(row: &rusqlite::Row) -> rusqlite::Result<Motivation> {
    let answers: String = row.get(5)?;
    Ok(Motivation {
        primary: row.get(0)?,
        secondary: row.get(1)?,
        suggested: row.get(2)?,
        tagged_by: row.get(3)?,
        tagged_at: row.get(4)?,
        answers: serde_json::from_str(&answers).unwrap_or_default(),
    })
}

const SELECT: &str =
    "SELECT m.primary_type, m.secondary_type, m.suggested_type, s.name, m.tagged_at, m.answers
                        FROM guardian_motivation m JOIN staff s ON s.id = m.tagged_by";

pub fn current(conn: &Connection, guardian_id: i64) -> Result<Option<Motivation>> {
    Ok(conn
        .query_row(
            &format!("{SELECT} WHERE m.guardian_id = ?1 ORDER BY m.id DESC LIMIT 1"),
            [guardian_id],
            motivation_row,
        )
        .optional()?)
}

/// Every time this guardian was tagged, newest first.
pub fn history(conn: &Connection, guardian_id: i64) -> Result<Vec<Motivation>> {
    let mut stmt = conn.prepare(&format!(
        "{SELECT} WHERE m.guardian_id = ?1 ORDER BY m.id DESC"
    ))?;
    let rows = stmt.query_map([guardian_id], motivation_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
