//! A second Encore on the same file gets a clear message, never "database is locked".

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use encore_e2e::{app_binary, App, LaunchOptions};

#[tokio::test(flavor = "multi_thread")]
async fn a_second_instance_says_the_file_is_already_open() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("school.db");
    // The first instance, started by hand on the display the suite runs under.
    let mut first = Command::new(app_binary())
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("ENCORE_DB", &db)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the first instance");
    let deadline = Instant::now() + Duration::from_secs(20);
    while !db.exists() {
        assert!(
            Instant::now() < deadline,
            "the first instance never created its file"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;

    let second = App::launch_with(
        LaunchOptions::new()
            .arg("--db")
            .arg(db.display().to_string()),
    )
    .await;
    second.wait_testid("open-failure").await;
    second
        .wait_text_contains(
            "open-failure-message",
            "Encore is already open on this file",
        )
        .await;
    second.screenshot("already-open").await;
    second.quit().await;

    // SIGTERM lets the first instance close its window cleanly.
    unsafe { libc::kill(first.id() as i32, libc::SIGTERM) };
    first.wait().unwrap();
}
