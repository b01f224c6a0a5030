//! The app starts from the built binary, shows its UI, follows the OS locale on first start,
//! and starts again on the same database.

use encore_e2e::{App, LaunchOptions};

#[tokio::test(flavor = "multi_thread")]
async fn app_starts_and_shows_title() {
    let app = App::launch().await;
    app.wait_text("app-title", "Encore").await;
    assert!(
        app.db_path().exists(),
        "the app did not create its database at ENCORE_DB={}",
        app.db_path().display()
    );
    app.screenshot("smoke-en").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn first_start_follows_a_chinese_os_locale() {
    let app = App::launch_with(LaunchOptions::new().env("LANG", "zh_CN.UTF-8")).await;
    app.wait_text("app-title", "安可").await;
    assert_eq!(
        app.eval("return document.documentElement.lang;").await,
        "zh-CN"
    );
    app.screenshot("smoke-zh-CN").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn restart_starts_a_new_instance_on_the_same_database() {
    let mut app = App::launch().await;
    app.wait_text("app-title", "Encore").await;
    // A marker in the page's JS state survives only within one instance.
    app.eval("window.__e2eMarker = 42; return null;").await;
    assert_eq!(app.eval("return window.__e2eMarker ?? null;").await, 42);
    let db = app.db_path().to_path_buf();

    app.restart().await;
    assert_eq!(app.launches(), 2);
    assert_eq!(app.db_path(), db);
    app.wait_text("app-title", "Encore").await;
    assert_eq!(
        app.eval("return window.__e2eMarker ?? null;").await,
        serde_json::Value::Null
    );
    app.quit().await;
}
