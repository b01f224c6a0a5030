use chrono::Utc;
use encore_core::student::{self, GuardianLink, Student, StudentInfo, StudentRow};
use encore_core::tag::TagFilter;
use tauri::State;

use crate::error::AppResult;
use crate::store::Store;

#[tauri::command]
#[specta::specta]
pub async fn list_students(
    store: State<'_, Store>,
    include_archived: bool,
    filter: TagFilter,
) -> AppResult<Vec<StudentRow>> {
    store.with_conn(|c| student::list(c, include_archived, &filter))
}

#[tauri::command]
#[specta::specta]
pub async fn add_student(
    store: State<'_, Store>,
    family_id: i64,
    info: StudentInfo,
    guardians: Vec<GuardianLink>,
) -> AppResult<Student> {
    store.with_tx(|tx| student::add(tx, family_id, &info, &guardians, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn update_student(
    store: State<'_, Store>,
    id: i64,
    info: StudentInfo,
    guardians: Vec<GuardianLink>,
) -> AppResult<Student> {
    store.with_tx(|tx| student::update(tx, id, &info, &guardians, Utc::now()))
}

#[tauri::command]
#[specta::specta]
pub async fn set_student_archived(
    store: State<'_, Store>,
    id: i64,
    archived: bool,
) -> AppResult<Student> {
    store.with_tx(|tx| student::set_archived(tx, id, archived, Utc::now()))
}
