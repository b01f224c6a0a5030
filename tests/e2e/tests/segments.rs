//! Saved segments in the real app, on the demo school: a segment saved from the renewal desk
//! narrows the desk to its students and the family list to its families, and "Everyone"
//! brings the whole list back.

use encore_e2e::steps::{choose, count};
use encore_e2e::{App, LaunchOptions};
use thirtyfour::By;

#[tokio::test(flavor = "multi_thread")]
async fn a_saved_segment_narrows_the_desk_and_the_family_list() {
    let app = App::launch_with(LaunchOptions::new().arg("--demo")).await;

    app.click("nav-renewals").await;
    app.wait_testid("renewal-row").await;
    let all_rows = count(&app, "renewal-row").await;

    // Families whose parent enrolled for the child's future, renewed at most once.
    app.click("segment-new").await;
    app.wait_testid("segment-editor").await;
    app.type_into("segment-name", "未来发展型 · 新家庭").await;
    app.type_into("segment-renewals-max", "1").await;
    app.wait_css("[data-testid=\"segment-motivations\"] input[value=\"future\"]")
        .await
        .click()
        .await
        .unwrap();
    app.screenshot("segment-editor").await;
    app.click("segment-save").await;
    app.wait_testid_gone("segment-editor").await;
    app.settle().await;
    let selected = app
        .wait_css("[data-testid=\"segment-select\"] option:checked")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(selected, "未来发展型 · 新家庭");
    let narrowed = settled_count(&app, "renewal-row", |n| n < all_rows).await;
    assert!(narrowed > 0, "the demo school has such families");

    // The same segment on the family list.
    app.click("nav-families").await;
    app.wait_testid("family-row").await;
    let all_families = count(&app, "family-row").await;
    let select = app.wait_testid("segment-select").await;
    let value = select
        .find(By::Css("option:last-child"))
        .await
        .unwrap()
        .value()
        .await
        .unwrap()
        .unwrap();
    choose(&app, &select, &value).await;
    let families = settled_count(&app, "family-row", |n| n < all_families).await;
    assert!(families > 0);
    app.screenshot("segment-families").await;
    choose(&app, &app.wait_testid("segment-select").await, "").await;
    settled_count(&app, "family-row", |n| n == all_families).await;
    app.quit().await;
}

/// The number of `id` elements once it satisfies `ok` (the segment is evaluated in Rust).
async fn settled_count(app: &App, id: &str, ok: impl Fn(usize) -> bool) -> usize {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let n = count(app, id).await;
        if ok(n) {
            return n;
        }
        if std::time::Instant::now() >= deadline {
            return app
                .fail(&format!("{id}: {n} rows, never as expected"))
                .await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}
