//! Nothing but a Tauri window with an empty page, built with the app's Tauri and features.

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the blank window runs");
}
