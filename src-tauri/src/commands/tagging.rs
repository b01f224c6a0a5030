use chrono::Utc;
use encore_core::tag::{self, Tag, TagInput, TagTarget, WordingFlag};
use encore_core::tagging::{self, Answer, Motivation, MotivationInput, Questionnaire, Suggestion};
use serde::Serialize;
use specta::Type;
use tauri::State;

use crate::error::AppResult;
use crate::store::Store;

/// The questionnaire in use, and why a school's own file was not used, if it was not.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct QuestionnaireView {
    pub questionnaire: Questionnaire,
    pub problem: Option<String>,
}

#[tauri::command]
#[specta::specta]
pub async fn get_questionnaire(store: State<'_, Store>) -> AppResult<QuestionnaireView> {
    let (questionnaire, problem) = Questionnaire::load(store.data_dir());
    Ok(QuestionnaireView {
        questionnaire,
        problem,
    })
}

#[tauri::command]
#[specta::specta]
pub async fn score_answers(store: State<'_, Store>, answers: Vec<Answer>) -> AppResult<Suggestion> {
    let (q, _) = Questionnaire::load(store.data_dir());
    Ok(tagging::score(&q, &answers)?)
}

#[tauri::command]
#[specta::specta]
pub async fn record_motivation(
    store: State<'_, Store>,
    input: MotivationInput,
) -> AppResult<Motivation> {
    let (q, _) = Questionnaire::load(store.data_dir());
    store.with_tx(|tx| tagging::record(tx, &q, &input, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn motivation_history(
    store: State<'_, Store>,
    guardian_id: i64,
) -> AppResult<Vec<Motivation>> {
    store.with_conn(|c| tagging::history(c, guardian_id))
}

#[tauri::command]
#[specta::specta]
pub async fn list_tags(store: State<'_, Store>) -> AppResult<Vec<Tag>> {
    store.with_conn(tag::list)
}

#[tauri::command]
#[specta::specta]
pub async fn add_tag(store: State<'_, Store>, input: TagInput) -> AppResult<Tag> {
    store.with_tx(|tx| tag::add(tx, &input, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn attach_tag(store: State<'_, Store>, tag_id: i64, target: TagTarget) -> AppResult<()> {
    store.with_tx(|tx| tag::attach(tx, tag_id, target, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn detach_tag(store: State<'_, Store>, tag_id: i64, target: TagTarget) -> AppResult<()> {
    store.with_tx(|tx| tag::detach(tx, tag_id, target, Utc::now()))
}

/// Flags words that label a person, with a neutral alternative, while staff type a tag.
#[tauri::command]
#[specta::specta]
pub async fn check_wording(text: String) -> AppResult<Vec<WordingFlag>> {
    Ok(tag::check_wording(&text))
}
