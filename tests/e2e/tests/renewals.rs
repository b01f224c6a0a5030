//! The renewal desk in the real app, on the demo school: the home tile leads to a ranked
//! worklist whose rows explain their risk; a renewal postponed from the desk leaves the open
//! list and appears on the family's timeline; the reasons follow the language switch; the
//! printed list carries its header.

use encore_e2e::steps::{choose, count, nth, wait_any};
use encore_e2e::{App, LaunchOptions};

#[tokio::test(flavor = "multi_thread")]
async fn a_renewal_postponed_from_the_desk_leaves_the_list_and_lands_on_the_timeline() {
    let app = App::launch_with(LaunchOptions::new().arg("--demo")).await;

    // Home: this month's renewals at a glance, one click from the worklist.
    app.wait_testid("renewal-tile").await;
    let due: usize = app.text("tile-due").await.parse().unwrap();
    assert!(due > 0, "the demo school has renewals due");
    app.click("renewal-tile").await;
    app.wait_testid("renewal-row").await;
    let rows = count(&app, "renewal-row").await;
    assert!(rows >= 3, "a worklist to work through, got {rows}");

    // Ranked by risk, and every row says why in words.
    let mut scores = Vec::new();
    for i in 0..rows {
        let badge = nth(&app, "renewal-risk", i).await.text().await.unwrap();
        let score: u32 = badge.rsplit(' ').next().unwrap().parse().unwrap();
        scores.push(score);
        let reasons = nth(&app, "renewal-reasons", i).await.text().await.unwrap();
        assert!(!reasons.trim().is_empty(), "row {i} explains its risk");
    }
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");

    // Only high-risk families, then everyone again.
    choose(&app, &app.wait_testid("renewal-filter-risk").await, "high").await;
    app.settle().await;
    let high = count(&app, "renewal-row").await;
    for i in 0..high {
        let badge = nth(&app, "renewal-risk", i).await.text().await.unwrap();
        assert!(badge.starts_with("High"), "{badge}");
    }
    choose(&app, &app.wait_testid("renewal-filter-risk").await, "").await;
    app.settle().await;
    assert_eq!(count(&app, "renewal-row").await, rows);

    // Postpone the top row's renewal with a comment.
    let student = nth(&app, "renewal-student", 0).await.text().await.unwrap();
    nth(&app, "renewal-update", 0).await.click().await.unwrap();
    app.wait_testid("renewal-dialog").await;
    choose(&app, &app.wait_testid("renewal-status").await, "postponed").await;
    app.wait_testid("renewal-postponed").await;
    app.type_into("renewal-comment", "家长下周出差回来再谈")
        .await;
    app.click("renewal-save").await;
    app.wait_testid_gone("renewal-dialog").await;
    app.settle().await;
    assert_eq!(
        count(&app, "renewal-row").await,
        rows - 1,
        "postponed rows wait"
    );
    choose(
        &app,
        &app.wait_testid("renewal-filter-status").await,
        "postponed",
    )
    .await;
    app.settle().await;
    let (row, _) = wait_any(&app, "renewal-student", &student).await;

    // The family's timeline tells the story.
    nth(&app, "renewal-student", row)
        .await
        .click()
        .await
        .unwrap();
    app.wait_testid("timeline").await;
    let (_, note) = wait_any(&app, "note-text", "家长下周出差回来再谈").await;
    assert!(note.contains("postponed until"), "{note}");

    // Reasons follow the language; the printout names the list and its filters.
    app.click("nav-renewals").await;
    app.wait_testid("renewal-row").await;
    choose(&app, &app.wait_testid("lang-select").await, "zh-CN").await;
    let reasons = app
        .wait_text_matching("renewal-reasons", "Chinese", |t| {
            t.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        })
        .await;
    assert!(!reasons.is_empty());
    let header = app
        .eval("return document.querySelector('[data-testid=print-header]').textContent;")
        .await;
    let header = header.as_str().unwrap();
    assert!(
        header.contains("续费工作台") && header.contains("筛选"),
        "{header}"
    );
}
