//! Goal-based messages and insights in the real app, on the demo school: a renewal reminder
//! copied from a family page lands on its timeline as an automatic note with the text, and
//! end-of-term feedback is listed where it was recorded; the insights page draws the renewal
//! rate with bars, and its SVG renders to a PNG in the webview (what Export PNG sends to Rust).
//! Messages for a saved segment: one copied from the list lands on that family's timeline.

use encore_e2e::steps::{choose, count, nth, wait_any};
use encore_e2e::{App, LaunchOptions};
use thirtyfour::By;

#[tokio::test(flavor = "multi_thread")]
async fn a_copied_renewal_reminder_is_noted_on_the_timeline_and_insights_draw_bars() {
    let app = App::launch_with(LaunchOptions::new().arg("--demo")).await;

    // A family due for renewal, from the desk.
    app.click("nav-renewals").await;
    app.wait_testid("renewal-row").await;
    nth(&app, "renewal-student", 0).await.click().await.unwrap();
    app.wait_testid("message-panel").await;

    // The reminder, written in Chinese for the parent while the screen stays in English.
    choose(
        &app,
        &app.wait_testid("message-goal").await,
        "renewal_reminder",
    )
    .await;
    choose(&app, &app.wait_testid("message-locale").await, "zh-CN").await;
    let text = wait_for_value(&app, |v| v.chars().any(is_han)).await;
    let notes_before = count(&app, "note-item").await;

    choose(&app, &app.wait_testid("message-channel").await, "wechat").await;
    app.click("message-copy").await;
    app.wait_testid("message-copied").await;

    // The timeline shows the automatic note carrying the message as copied.
    let first_line = text.lines().next().unwrap().to_string();
    let (_, note) = wait_any(&app, "note-text", &first_line).await;
    assert!(
        note.starts_with("Message copied (renewal reminder):"),
        "{note}"
    );
    assert_eq!(count(&app, "note-item").await, notes_before + 1);

    // End-of-term feedback, recorded on the same page and listed there.
    app.click("feedback-add").await;
    choose(&app, &app.wait_testid("feedback-overall").await, "5").await;
    choose(&app, &app.wait_testid("feedback-teaching").await, "4").await;
    app.type_into("feedback-text", "老师很耐心").await;
    app.click("feedback-save").await;
    let scores = app
        .wait_text_contains("feedback-scores", "Overall 5/5")
        .await;
    assert!(scores.contains("Teaching 4/5"), "{scores}");

    // Insights: the renewal rate by motivation type is drawn with bars.
    app.click("nav-insights").await;
    app.wait_testid("chart-rate-motivation-svg").await;
    let bars = app
        .driver()
        .find_all(thirtyfour::By::Css(
            "[data-testid=\"chart-rate-motivation\"] [data-testid=\"chart-bar\"]",
        ))
        .await
        .unwrap();
    assert!(!bars.is_empty(), "the demo school has closed renewals");
    app.screenshot("insights").await;
    let title = app.text("chart-rate-motivation").await;
    assert!(title.contains("Renewal rate by motivation type"), "{title}");

    // The ideal family: top families against all paying families, drawn with bars.
    app.wait_testid("chart-ideal-motivation-svg").await;
    let ideal_bars = app
        .driver()
        .find_all(thirtyfour::By::Css(
            "[data-testid=\"ideal-family\"] [data-testid=\"chart-bar\"]",
        ))
        .await
        .unwrap();
    assert!(
        !ideal_bars.is_empty(),
        "the demo school has families who renew and refer"
    );

    // The chart turns into a PNG inside the webview (no tainted canvas, no blocked image).
    let png = app
        .driver()
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               const svg = document.querySelector('[data-testid="chart-rate-motivation-svg"]');
               const xml = new XMLSerializer().serializeToString(svg);
               const img = new Image();
               img.onload = () => {
                   const c = document.createElement('canvas');
                   c.width = 200; c.height = 100;
                   c.getContext('2d').drawImage(img, 0, 0, 200, 100);
                   done(c.toDataURL('image/png').slice(0, 22));
               };
               img.onerror = () => done('error');
               img.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(xml);"#,
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(png.json().as_str(), Some("data:image/png;base64,"));
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_message_copied_for_a_segment_is_noted_on_that_familys_timeline() {
    let app = App::launch_with(LaunchOptions::new().arg("--demo")).await;

    // A segment saved on the renewal desk: families whose parent enrolled for the future.
    app.click("nav-renewals").await;
    app.wait_testid("renewal-row").await;
    app.click("segment-new").await;
    app.wait_testid("segment-editor").await;
    app.type_into("segment-name", "未来发展型").await;
    app.wait_css("[data-testid=\"segment-motivations\"] input[value=\"future\"]")
        .await
        .click()
        .await
        .unwrap();
    app.click("segment-save").await;
    app.wait_testid_gone("segment-editor").await;

    // Its messages, in Chinese: one per family, each with its own Copy.
    app.click("segment-messages-link").await;
    app.wait_testid("segment-message").await;
    choose(
        &app,
        &app.wait_testid("segment-messages-locale").await,
        "zh-CN",
    )
    .await;
    let card = wait_for_card(&app).await;
    let text = card
        .find(By::Css("[data-testid=\"segment-message-text\"]"))
        .await
        .unwrap()
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default();
    app.screenshot("segment-messages").await;
    card.find(By::Css("[data-testid=\"segment-message-copy\"]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    app.wait_testid("segment-message-copied").await;

    // That family's timeline carries the copy as an automatic note.
    card.find(By::Css("h2 a"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let first_line = text.lines().next().unwrap().to_string();
    let (_, note) = wait_any(&app, "note-text", &first_line).await;
    assert!(
        note.starts_with("Message copied (renewal reminder):"),
        "{note}"
    );
    app.quit().await;
}

/// The first message card once its text is written in Chinese (rewritten after the choice).
async fn wait_for_card(app: &App) -> thirtyfour::WebElement {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let card = nth(app, "segment-message", 0).await;
        if let Ok(area) = card
            .find(By::Css("[data-testid=\"segment-message-text\"]"))
            .await
        {
            let value = area.prop("value").await.ok().flatten().unwrap_or_default();
            if value.chars().any(is_han) {
                return card;
            }
        }
        if std::time::Instant::now() >= deadline {
            return app.fail("no segment message in Chinese").await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The message box's value once it satisfies `ok` (it is rewritten after each choice).
async fn wait_for_value(app: &App, ok: impl Fn(&str) -> bool) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let value = app.value("message-text").await;
        if ok(&value) {
            return value;
        }
        if std::time::Instant::now() >= deadline {
            return app
                .fail(&format!("message text never fit: {value:?}"))
                .await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}
