//! Encore's desktop shell: opens the database, registers the commands, starts the window.
//! All behaviour lives in `encore-core`; this crate only wires it to Tauri.

mod commands;
mod error;
mod instance;
mod launch;
mod lock_state;
mod store;

use std::path::Path;

use tauri::Manager;

pub use error::AppError;
use launch::Launch;
use store::Store;

/// Every command the UI may call; the TypeScript bindings are generated from this list.
pub fn specta_builder() -> tauri_specta::Builder<tauri::Wry> {
    use commands::*;
    tauri_specta::Builder::<tauri::Wry>::new()
        .commands(tauri_specta::collect_commands![
            app::app_status,
            app::set_locale,
            app::load_demo,
            family::list_families,
            family::get_family,
            family::create_family,
            family::rename_family,
            family::set_family_archived,
            guardian::add_guardian,
            guardian::update_guardian,
            guardian::set_guardian_archived,
            student::list_students,
            student::add_student,
            student::update_student,
            student::set_student_archived,
            note::add_note,
            note::update_note,
            note::delete_note,
            staff::list_staff,
            staff::add_staff,
            staff::update_staff,
            staff::set_staff_archived,
            search::search,
            app::get_policy,
            app::set_policy,
            app::get_school_name,
            app::set_school_name,
            course::list_courses,
            course::add_course,
            course::update_course,
            course::set_course_archived,
            course::list_classes,
            course::get_class,
            course::add_class,
            course::update_class,
            course::set_class_archived,
            attendance::save_roll_call,
            attendance::get_roll_call,
            attendance::list_sessions,
            package::sell_package,
            package::correct_package,
            package::refund_package,
            package::transfer_package,
            package::reverse_entry,
            package::get_statement,
            package::list_warnings,
            package::hours_left,
            tagging::get_questionnaire,
            tagging::score_answers,
            tagging::record_motivation,
            tagging::motivation_history,
            tagging::list_tags,
            tagging::add_tag,
            tagging::attach_tag,
            tagging::detach_tag,
            tagging::check_wording,
            renewal::renewal_worklist,
            renewal::set_renewal_status,
            renewal::renewal_dashboard,
            renewal::get_prepaid_rules,
            renewal::set_prepaid_rules,
            renewal::check_package_rules,
            script::list_achievements,
            script::save_achievement,
            script::delete_achievement,
            script::attach_media,
            script::media_preview,
            script::list_opportunities,
            script::save_opportunity,
            script::archive_opportunity,
            script::list_term_plans,
            script::set_term_plan,
            script::get_script_template,
            script::save_script_template,
            script::restore_script_template,
            script::generate_script,
            script::get_brief,
            pdf::save_renewals_pdf,
            pdf::save_statement_pdf,
            pdf::save_briefs_pdf,
            import::open_import,
            import::preview_import,
            import::commit_import,
            export::export_list,
            export::cancel_export,
            consent::consent_history,
            consent::record_consent,
            privacy::save_family_json,
            privacy::save_family_pdf,
            privacy::erase_family,
            lock::lock_status,
            lock::unlock,
            lock::lock_now,
            lock::report_activity,
            lock::set_passcode,
            lock::set_lock_idle,
            lock::turn_off_lock,
            backup::list_backups,
            backup::recovery_backups,
            backup::back_up_now,
            backup::choose_backup_folder,
            backup::reset_backup_folder,
            backup::restore_backup,
            backup::restore_from_file,
            message::compose_message,
            message::log_copied_message,
            message::compose_segment_messages,
            message::get_message_template,
            message::save_message_template,
            message::restore_message_template,
            feedback::record_feedback,
            feedback::list_feedback,
            feedback::feedback_averages,
            insight::get_insights,
            chart::save_chart_csv,
            chart::save_chart_png,
            segment::list_segments,
            segment::create_segment,
            segment::update_segment,
            segment::delete_segment,
            segment::evaluate_segment,
            lead::list_leads,
            lead::get_lead,
            lead::add_lead,
            lead::update_lead,
            lead::close_lead,
            lead::reopen_lead,
            lead::book_trial,
            lead::record_trial_outcome,
            lead::cancel_trial,
            lead::draft_lead_family,
            lead::convert_lead,
            lead::lead_funnel,
            lifecycle::student_stage,
            lifecycle::lifecycle_counts,
            lifecycle::win_back_list,
            lifecycle::get_lapsed_after_days,
            lifecycle::set_lapsed_after_days,
            value::family_value,
            value::ideal_family,
        ])
        .constant("CURRENCIES", encore_core::package::CURRENCIES)
        // Ids are SQLite rowids, far below 2^53.
        .dangerously_cast_bigints_to_number()
        // One TS type per Rust type: the UI sends back exactly what it received.
        .disable_serde_phases()
}

/// Writes `ui/src/lib/ipc/bindings.ts` (or any path); the bindings test compares against it.
pub fn export_bindings(path: &Path) -> Result<(), String> {
    specta_builder()
        .export(
            specta_typescript::Typescript::default()
                .header("// Generated from src-tauri by tauri-specta. Do not edit: run `UPDATE_BINDINGS=1 cargo test -p encore --test bindings`."),
            path,
        )
        .map_err(|e| e.to_string())
}

pub fn run() {
    let launch = match Launch::parse(std::env::args_os().skip(1), std::env::var_os("ENCORE_DB")) {
        Ok(launch) if launch.help => {
            println!("{}", launch::USAGE);
            return;
        }
        Ok(launch) => launch,
        Err(message) => {
            eprintln!("encore: {message}\n\n{}", launch::USAGE);
            std::process::exit(2);
        }
    };
    let builder = specta_builder();
    let context = tauri::generate_context!();
    let mut app = tauri::Builder::default();
    // First of the plugins: a second start on the same file must stop before anything else.
    if let Some(single) = instance::plugin(&launch, &context.config().identifier) {
        app = app.plugin(single);
    }
    app.plugin(tauri_plugin_dialog::init())
        .manage(commands::import::OpenRoster::default())
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            let data_dir = app.path().app_data_dir()?;
            let store = Store::open(launch.db_path(&data_dir));
            if launch.demo {
                open_demo(&store);
            }
            app.manage(store);
            app.manage(commands::export::ExportCancel::default());
            commands::backup::start_daily_backups(app.handle());
            Ok(())
        })
        .build(context)
        .expect("Encore could not start its window")
        .run(|app, event| {
            if let tauri::RunEvent::Exit = event {
                // Close the file cleanly: SQLite folds the write-ahead log back into it, so the
                // file alone holds everything (a copy taken by hand after Encore closed is whole).
                if let Some(store) = app.try_state::<Store>() {
                    store.close();
                }
            }
        });
}

/// `--demo` fills an empty school; a school with records is left alone.
fn open_demo(store: &Store) {
    let empty = store.with_conn(encore_core::family::is_empty);
    match empty {
        Ok(true) => {
            if let Err(err) = store.with_tx(|tx| encore_core::demo::load(tx, chrono::Utc::now())) {
                eprintln!("encore: could not load the demo school: {err:?}");
            }
        }
        Ok(false) => eprintln!(
            "encore: {} already holds records; --demo left it as it is",
            store.path.display()
        ),
        Err(_) => {} // the window explains why the file could not be opened
    }
}
