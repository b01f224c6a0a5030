//! A damaged school file opens the recovery screen, which offers the newest good backup;
//! restoring it with one click brings the school back, and the damaged file is kept aside.

use encore_e2e::{steps, App, LaunchOptions};

#[tokio::test(flavor = "multi_thread")]
async fn a_damaged_file_is_restored_from_the_recovery_screen() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("school.db");
    let options = LaunchOptions::new()
        .without_db_env()
        .env("ENCORE_DB", db.display().to_string());

    // The demo school, backed up by hand on the Staff page (beside the daily backup written
    // at start).
    let app = App::launch_with(options.clone().arg("--demo")).await;
    app.wait_testid("family-row-name").await;
    let first_family = app.text("family-row-name").await;
    assert!(!first_family.is_empty());
    app.click("nav-staff").await;
    app.wait_testid("backup-panel").await;
    app.click("backup-now").await;
    app.wait_text_contains("backup-notice", "Backup written")
        .await;
    assert!(
        steps::count(&app, "backup-row").await >= 2,
        "daily and manual"
    );
    app.screenshot("backup-panel").await;
    app.quit().await;

    // The school's file is overwritten with garbage, and so is its write-ahead log if the
    // harness's way of ending the app left one (it would otherwise still hold the records).
    let len = std::fs::metadata(&db).unwrap().len() as usize;
    let garbage = vec![0x42u8; len];
    std::fs::write(&db, &garbage).unwrap();
    let wal = dir.path().join("school.db-wal");
    if wal.exists() {
        std::fs::write(&wal, vec![0x42u8; 4096]).unwrap();
    }

    let app = App::launch_with(options).await;
    app.wait_testid("open-failure").await;
    app.wait_text_contains("open-failure-message", "damaged")
        .await;
    app.wait_testid("recovery-backup").await;
    app.screenshot("recovery-screen").await;
    // The first offer is the newest: the one taken by hand.
    app.click("recovery-restore").await;
    app.wait_text("family-row-name", &first_family).await;
    app.wait_text_contains("restore-notice", "school.db.replaced-")
        .await;
    app.screenshot("recovery-restored").await;
    app.quit().await;

    let kept: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("school.db.replaced-")
        })
        .collect();
    assert_eq!(kept.len(), 1, "the damaged file is kept aside: {kept:?}");
    assert_eq!(std::fs::read(&kept[0]).unwrap(), garbage);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_school_file_in_a_sync_folder_shows_why_that_is_risky() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("Dropbox").join("school.db");
    let app = App::launch_with(
        LaunchOptions::new()
            .without_db_env()
            .env("ENCORE_DB", db.display().to_string()),
    )
    .await;
    app.wait_text_contains("storage-warning", "Dropbox folder")
        .await;
    app.screenshot("storage-warning").await;
    app.quit().await;
}
