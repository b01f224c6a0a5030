//! Why the demo's parents enrolled: most families' first guardian has been through the
//! enrollment questions, answered the way a parent of that type would talk, so the families
//! list shows motivation types and its filter finds them.

use chrono::{DateTime, Utc};
use rusqlite::Transaction;

use crate::error::Result;
use crate::tagging::{self, Answer, MotivationInput, MotivationType, Questionnaire};

/// Tags the first guardian of about four families in five; returns how many were tagged.
pub(super) fn generate(
    tx: &Transaction,
    seed: u64,
    admin_id: i64,
    now: DateTime<Utc>,
) -> Result<usize> {
    // A stream of its own, so the rest of the demo is the same with or without tags.
    let mut rng = fastrand::Rng::with_seed(seed ^ 0x7461_6773);
    let q = Questionnaire::built_in();
    let guardians: Vec<i64> = {
        let mut stmt =
            tx.prepare("SELECT min(id) FROM guardian GROUP BY family_id ORDER BY family_id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut tagged = 0;
    for guardian_id in guardians {
        if rng.u8(0..5) == 0 {
            continue;
        }
        // Interest-led parents are the most common, honors-led the least (seed 000).
        let kind = match rng.u8(0..20) {
            0..=7 => MotivationType::Interest,
            8..=14 => MotivationType::Future,
            _ => MotivationType::Honors,
        };
        let answers = answers_of(&q, kind, &mut rng);
        let suggestion = tagging::score(&q, &answers)?;
        let input = MotivationInput {
            guardian_id,
            primary: suggestion.primary.unwrap_or(kind),
            secondary: suggestion.secondary,
            answers,
            tagged_by: admin_id,
        };
        tagging::record(tx, &q, &input, now)?;
        tagged += 1;
    }
    Ok(tagged)
}

/// Five or six questions answered as a parent of `kind` would, with the odd answer that
/// points elsewhere.
pub(crate) fn answers_of(
    q: &Questionnaire,
    kind: MotivationType,
    rng: &mut fastrand::Rng,
) -> Vec<Answer> {
    let weight = |o: &crate::tagging::questionnaire::AnswerOption| match kind {
        MotivationType::Future => o.weights.future,
        MotivationType::Interest => o.weights.interest,
        MotivationType::Honors => o.weights.honors,
    };
    let mut answers = Vec::new();
    for question in &q.questions {
        if rng.u8(0..4) == 0 {
            continue;
        }
        let best = question
            .options
            .iter()
            .max_by_key(|o| weight(o))
            .unwrap_or(&question.options[0]);
        let option = if rng.u8(0..5) == 0 {
            &question.options[rng.usize(..question.options.len())]
        } else {
            best
        };
        answers.push(Answer {
            question_id: question.id.clone(),
            option_ids: vec![option.id.clone()],
        });
    }
    answers
}
