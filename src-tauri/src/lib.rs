//! Encore's desktop shell: opens the database, registers the commands, starts the window.
//! All behaviour lives in `encore-core`; this crate only wires it to Tauri.

pub fn run() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("error while running Encore");
}
