//! Leads on the demo school, as the front desk works them: a prospect referred by a family
//! already at the school books a trial, comes, and enrolls in one action; the new family's
//! page asks for the enrollment questionnaire, the funnel counts one more prospect, trial and
//! enrollment, and the referring family's value counts the family it brought.

use encore_e2e::steps::{choose, nth, set_value, wait_any};
use encore_e2e::{App, LaunchOptions};

/// The funnel's three totals: prospects, trials, enrolled.
async fn funnel(app: &App) -> [u32; 3] {
    app.wait_testid("funnel-prospects").await;
    let mut out = [0; 3];
    for (i, id) in ["funnel-prospects", "funnel-trials", "funnel-enrolled"]
        .iter()
        .enumerate()
    {
        out[i] = app.text(id).await.trim().parse().unwrap();
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
async fn a_referred_prospect_books_a_trial_and_enrolls_and_the_funnel_and_referrer_count_it() {
    let app = App::launch_with(LaunchOptions::new().arg("--demo")).await;
    app.wait_testid("family-row").await;
    app.click("nav-leads").await;
    app.wait_testid("funnel").await;
    let before = funnel(&app).await;

    // A prospect referred by the demo's first family.
    app.click("lead-add").await;
    app.type_into("lead-guardian", "周丽").await;
    app.type_into("lead-phone", "139 1234 5678").await;
    app.type_into("lead-child", "周乐乐").await;
    app.type_into("lead-age", "7").await;
    choose(&app, &app.wait_testid("lead-source").await, "referral").await;
    // A referral names the family that referred it.
    app.click("lead-save").await;
    app.wait_testid("field-error").await;
    app.type_into("referrer-search", "张小明").await;
    let (i, _) = wait_any(&app, "referrer-option", "张小明家").await;
    nth(&app, "referrer-option", i).await.click().await.unwrap();
    app.wait_text("referrer-chosen", "张小明家").await;
    app.click("lead-save").await;
    app.wait_testid_gone("lead-form").await;
    app.wait_text("lead-child-name", "周乐乐").await;
    app.wait_text_contains("lead-source", "张小明家").await;

    // A trial lesson, booked and then marked attended.
    app.click("lead-book-trial").await;
    app.wait_testid("trial-dialog").await;
    set_value(&app, "trial-when", "2026-01-10T16:00").await;
    app.click("trial-save").await;
    app.wait_testid_gone("trial-dialog").await;
    app.wait_text("lead-trial-outcome", "Booked").await;
    app.click("lead-record-outcome").await;
    app.wait_testid("outcome-dialog").await;
    choose(&app, &app.wait_testid("outcome-result").await, "attended").await;
    app.click("outcome-save").await;
    app.wait_testid_gone("outcome-dialog").await;
    app.wait_text("lead-trial-outcome", "Attended").await;
    app.screenshot("leads").await;

    // Enroll: the family form comes prefilled from the lead; confirming creates the family.
    app.click("lead-enroll").await;
    app.wait_testid("enroll-form").await;
    assert_eq!(app.value("family-name").await, "周乐乐家");
    assert_eq!(app.value("student-name").await, "周乐乐");
    assert_eq!(app.value("guardian-name").await, "周丽");
    choose(
        &app,
        &app.wait_testid("guardian-relationship").await,
        "mother",
    )
    .await;
    app.screenshot("leads-enroll").await;
    app.click("enroll-save").await;
    app.wait_text("family-title", "周乐乐家").await;
    app.wait_text_contains("enrolled-prompt", "周丽").await;
    app.wait_text("stage-badge", "New").await;
    app.click("enrolled-run-wizard").await;
    app.wait_text_contains("wizard-title", "周丽").await;

    // The funnel counts the lead at every step.
    app.click("nav-leads").await;
    app.wait_testid("funnel").await;
    let after = app
        .wait_text_matching("funnel-enrolled", "one more enrolled", |t| {
            t.trim() == (before[2] + 1).to_string()
        })
        .await;
    assert!(!after.is_empty());
    assert_eq!(
        funnel(&app).await,
        [before[0] + 1, before[1] + 1, before[2] + 1]
    );

    // The referring family brought one family.
    choose(
        &app,
        &app.wait_testid("lead-filter-state").await,
        "enrolled",
    )
    .await;
    app.wait_text("lead-child-name", "周乐乐").await;
    app.click("lead-referrer").await;
    app.wait_text("family-title", "张小明家").await;
    app.wait_text("value-referrals", "1").await;
    app.screenshot("leads-referrer-value").await;

    // The lead desk in Chinese.
    app.click("nav-leads").await;
    choose(&app, &app.wait_testid("lang-select").await, "zh-CN").await;
    app.wait_text_contains("funnel", "转化漏斗").await;
    app.wait_text_contains("lead-add", "新增意向客户").await;
    app.screenshot("leads-zh").await;

    // The win-back list, with the setting that decides when a family has lapsed.
    app.click("winback-link").await;
    app.wait_css("[data-testid=winback-row], [data-testid=winback-empty]")
        .await;
    assert_eq!(app.value("lapsed-after").await, "60");
    set_value(&app, "lapsed-after", "90").await;
    app.click("lapsed-after-save").await;
    app.settle().await;
    app.click("nav-leads").await;
    app.click("winback-link").await;
    app.wait_css("[data-testid=winback-row], [data-testid=winback-empty]")
        .await;
    assert_eq!(app.value("lapsed-after").await, "90", "the setting is kept");
}
