//! Preparing a parent meeting in the real app, on the demo school: a family whose guardian
//! values recognition gets a one-page brief naming an upcoming competition at the child's
//! level, and the brief is written again in the parents' other language.

use encore_e2e::steps::{choose, count, wait_any};
use encore_e2e::{App, LaunchOptions};

const COMPETITIONS: [&str; 2] = ["Spring Junior Open Competition", "Advanced Invitational"];

#[tokio::test(flavor = "multi_thread")]
async fn a_meeting_brief_for_an_honors_family_names_a_competition_in_both_languages() {
    let app = App::launch_with(LaunchOptions::new().arg("--demo")).await;

    // Families whose guardian is tagged "honors & showcase"; open the first.
    app.wait_testid("family-row-name").await;
    choose(&app, &app.wait_testid("tag-filter").await, "m:honors").await;
    app.settle().await;
    app.click("family-row-name").await;
    app.wait_testid("student-card").await;

    app.click("prepare-meeting").await;
    app.wait_testid("brief").await;
    choose(&app, &app.wait_testid("brief-locale").await, "en").await;
    wait_any(&app, "brief-motivation", "Honors & showcase").await;
    assert_eq!(
        count(&app, "brief-talking-point").await % 3,
        0,
        "three points a type"
    );

    // The script names a competition that fits the child's level.
    let script = app
        .wait_text_matching(
            "brief-script",
            "a renewal script naming a competition",
            |t| COMPETITIONS.iter().any(|c| t.contains(c)),
        )
        .await;
    assert!(
        script.len() > 400,
        "a whole conversation, not a line: {script}"
    );

    // The parents read Chinese: the same brief, written again.
    choose(&app, &app.wait_testid("brief-locale").await, "zh-CN").await;
    let zh = app
        .wait_text_matching("brief-script", "the script in Chinese", |t| {
            t.contains("课时") && !t.contains("hours")
        })
        .await;
    assert!(
        zh.contains("春季少儿公开赛") || zh.contains("高级组邀请赛"),
        "{zh}"
    );
    wait_any(&app, "brief-motivation", "荣誉展示型").await;
}
