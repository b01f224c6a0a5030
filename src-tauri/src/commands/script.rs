use chrono::{Local, Utc};
use encore_core::achievement::{self, Achievement, AchievementInput};
use encore_core::media::{self, Media, MediaType};
use encore_core::opportunity::{self, Opportunity, OpportunityInput, TermPlan};
use encore_core::script::brief::{self, Brief};
use encore_core::script::template::{self, Template, TemplateProblem};
use encore_core::script::{self, Script, ScriptGoal, ScriptRequest};
use encore_core::settings::Locale;
use encore_core::tagging::MotivationType;
use tauri::State;
use tauri_plugin_dialog::DialogExt;

use crate::error::{AppError, AppResult};
use crate::store::Store;

#[tauri::command]
#[specta::specta]
pub async fn list_achievements(
    store: State<'_, Store>,
    student_id: i64,
) -> AppResult<Vec<Achievement>> {
    store.with_conn(|c| achievement::list_for_student(c, student_id, None))
}

#[tauri::command]
#[specta::specta]
pub async fn save_achievement(
    store: State<'_, Store>,
    id: Option<i64>,
    input: AchievementInput,
) -> AppResult<Achievement> {
    store.with_tx(|tx| match id {
        None => achievement::add(tx, &input, Utc::now()),
        Some(id) => achievement::update(tx, id, &input, Utc::now()),
    })
}

#[tauri::command]
#[specta::specta]
pub async fn delete_achievement(store: State<'_, Store>, id: i64) -> AppResult<()> {
    let files = store.with_tx(|tx| achievement::delete(tx, id))?;
    // Files go only once the records are gone for good.
    if let Some(dir) = store.data_dir() {
        media::remove_files(dir, &files);
    }
    Ok(())
}

/// Asks for a photo or video in the system's file dialog and keeps a copy of it. None when the
/// user cancels.
#[tauri::command]
#[specta::specta]
pub async fn attach_media(
    app: tauri::AppHandle,
    store: State<'_, Store>,
    achievement_id: i64,
) -> AppResult<Option<Media>> {
    let picked = app
        .dialog()
        .file()
        .add_filter(
            "Photos and videos",
            &[
                "jpg", "jpeg", "png", "gif", "webp", "mp4", "m4v", "mov", "webm",
            ],
        )
        .blocking_pick_file();
    let Some(path) = picked.and_then(|p| p.into_path().ok()) else {
        return Ok(None);
    };
    let dir = store.data_dir().ok_or(AppError::Internal)?.to_path_buf();
    store
        .with_tx(|tx| media::attach(tx, &dir, achievement_id, &path, Utc::now()))
        .map(Some)
}

/// A photo as a `data:` URL for its thumbnail; None for videos and missing files.
#[tauri::command]
#[specta::specta]
pub async fn media_preview(
    store: State<'_, Store>,
    stored_name: String,
) -> AppResult<Option<String>> {
    use base64::Engine;
    let Some((MediaType::Image, ext)) = media::media_type_of(&stored_name) else {
        return Ok(None);
    };
    let Some(path) = store
        .data_dir()
        .and_then(|d| media::path_of(d, &stored_name))
    else {
        return Ok(None);
    };
    let Ok(bytes) = std::fs::read(path) else {
        return Ok(None);
    };
    let mime = if ext == "jpg" {
        "jpeg".to_string()
    } else {
        ext
    };
    let data = base64::engine::general_purpose::STANDARD.encode(bytes);
    Ok(Some(format!("data:image/{mime};base64,{data}")))
}

#[tauri::command]
#[specta::specta]
pub async fn list_opportunities(store: State<'_, Store>) -> AppResult<Vec<Opportunity>> {
    store.with_conn(|c| opportunity::upcoming(c, Local::now().date_naive()))
}

#[tauri::command]
#[specta::specta]
pub async fn save_opportunity(
    store: State<'_, Store>,
    id: Option<i64>,
    input: OpportunityInput,
) -> AppResult<Opportunity> {
    store.with_tx(|tx| opportunity::save(tx, id, &input, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn archive_opportunity(store: State<'_, Store>, id: i64) -> AppResult<()> {
    store.with_tx(|tx| opportunity::set_archived(tx, id, true, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn list_term_plans(store: State<'_, Store>) -> AppResult<Vec<TermPlan>> {
    store.with_conn(opportunity::plans)
}

#[tauri::command]
#[specta::specta]
pub async fn set_term_plan(
    store: State<'_, Store>,
    course_id: i64,
    level: String,
    body: String,
) -> AppResult<()> {
    store.with_tx(|tx| opportunity::set_plan(tx, course_id, &level, &body, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn get_script_template(
    store: State<'_, Store>,
    motivation: MotivationType,
    goal: ScriptGoal,
    locale: Locale,
) -> AppResult<Template> {
    store.with_conn(|c| template::get(c, motivation, goal, locale))
}

/// Stores the school's text; a text that does not parse is not stored and its problem returned.
#[tauri::command]
#[specta::specta]
pub async fn save_script_template(
    store: State<'_, Store>,
    motivation: MotivationType,
    goal: ScriptGoal,
    locale: Locale,
    body: String,
) -> AppResult<Option<TemplateProblem>> {
    store.with_tx(|tx| template::save(tx, motivation, goal, locale, &body, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn restore_script_template(
    store: State<'_, Store>,
    motivation: MotivationType,
    goal: ScriptGoal,
    locale: Locale,
) -> AppResult<Template> {
    store.with_tx(|tx| template::restore(tx, motivation, goal, locale))
}

#[tauri::command]
#[specta::specta]
pub async fn generate_script(store: State<'_, Store>, request: ScriptRequest) -> AppResult<Script> {
    store.with_conn(|c| script::generate(c, &request, Local::now().date_naive()))
}

#[tauri::command]
#[specta::specta]
pub async fn get_brief(
    store: State<'_, Store>,
    family_id: i64,
    locale: Locale,
) -> AppResult<Brief> {
    store.with_conn(|c| brief::brief(c, family_id, locale, Local::now().date_naive()))
}
