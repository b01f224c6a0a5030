/// Every command the UI may call. Declaring them makes Tauri deny any command that the
/// window's capability (capabilities/main.json) does not grant by name.
const COMMANDS: &[&str] = &[
    "app_status",
    "set_locale",
    "load_demo",
    "list_families",
    "get_family",
    "create_family",
    "rename_family",
    "set_family_archived",
    "add_guardian",
    "update_guardian",
    "set_guardian_archived",
    "list_students",
    "add_student",
    "update_student",
    "set_student_archived",
    "add_note",
    "update_note",
    "delete_note",
    "list_staff",
    "add_staff",
    "update_staff",
    "set_staff_archived",
    "search",
    "get_policy",
    "set_policy",
    "list_courses",
    "add_course",
    "update_course",
    "set_course_archived",
    "list_classes",
    "get_class",
    "add_class",
    "update_class",
    "set_class_archived",
    "save_roll_call",
    "get_roll_call",
    "list_sessions",
    "sell_package",
    "correct_package",
    "refund_package",
    "transfer_package",
    "reverse_entry",
    "get_statement",
    "list_warnings",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build step failed");
}
