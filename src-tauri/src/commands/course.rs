use chrono::Utc;
use encore_core::class::{self, Class, ClassInput};
use encore_core::course::{self, Course, CourseInput};
use tauri::State;

use crate::error::AppResult;
use crate::store::Store;

#[tauri::command]
#[specta::specta]
pub async fn list_courses(
    store: State<'_, Store>,
    include_archived: bool,
) -> AppResult<Vec<Course>> {
    store.with_conn(|c| course::list(c, include_archived))
}

#[tauri::command]
#[specta::specta]
pub async fn add_course(store: State<'_, Store>, input: CourseInput) -> AppResult<Course> {
    store.with_tx(|tx| course::add(tx, &input, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn update_course(
    store: State<'_, Store>,
    id: i64,
    input: CourseInput,
) -> AppResult<Course> {
    store.with_tx(|tx| course::update(tx, id, &input))
}

#[tauri::command]
#[specta::specta]
pub async fn set_course_archived(
    store: State<'_, Store>,
    id: i64,
    archived: bool,
) -> AppResult<Course> {
    store.with_tx(|tx| course::set_archived(tx, id, archived, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn list_classes(
    store: State<'_, Store>,
    include_archived: bool,
) -> AppResult<Vec<Class>> {
    store.with_conn(|c| class::list(c, include_archived))
}

#[tauri::command]
#[specta::specta]
pub async fn get_class(store: State<'_, Store>, id: i64) -> AppResult<Class> {
    store.with_conn(|c| class::get(c, id))
}

#[tauri::command]
#[specta::specta]
pub async fn add_class(store: State<'_, Store>, input: ClassInput) -> AppResult<Class> {
    store.with_tx(|tx| class::add(tx, &input, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn update_class(store: State<'_, Store>, id: i64, input: ClassInput) -> AppResult<Class> {
    store.with_tx(|tx| class::update(tx, id, &input))
}

#[tauri::command]
#[specta::specta]
pub async fn set_class_archived(
    store: State<'_, Store>,
    id: i64,
    archived: bool,
) -> AppResult<Class> {
    store.with_tx(|tx| class::set_archived(tx, id, archived, Utc::now()))
}
