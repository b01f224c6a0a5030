//! The tagging wizard as staff use it: enroll a family, answer the questions, accept the
//! suggestion, see the tag on the guardian, filter the family list by it, and read it in
//! Chinese; a custom tag with hurtful wording is caught and reworded.

use encore_e2e::steps::{add_staff, choose, count, enter_family};
use encore_e2e::thirtyfour::prelude::*;
use encore_e2e::App;

async fn answer(app: &App, question: &str, option: &str) {
    let css = format!("[data-option=\"{question}.{option}\"]");
    app.wait_css(&css).await.click().await.unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn the_wizard_tags_a_guardian_and_the_family_list_filters_by_it() {
    let app = App::launch().await;
    add_staff(&app, "陈宇").await;
    enter_family(&app, "张家", &[("李芳", "13800138000")], &["张小明"]).await;
    app.click("run-wizard").await;
    app.wait_text_contains("wizard-title", "李芳").await;

    answer(&app, "hope", "stage").await;
    answer(&app, "showcase", "many").await;
    answer(&app, "sharing", "often").await;
    answer(&app, "value", "results").await;
    app.wait_text("wizard-suggestion", "Honors & showcase")
        .await;
    let why = app.text("wizard-reasons").await;
    assert!(
        why.contains("perform, compete") && why.contains("+3"),
        "the reasons name the deciding answers: {why}"
    );
    app.screenshot("wizard").await;
    app.click("wizard-save").await;

    app.wait_text("family-title", "张家").await;
    app.wait_text("guardian-motivation", "Honors & showcase")
        .await;

    // A tag in hurtful words is caught and reworded before it is saved.
    let card = app.wait_testid("guardian-card").await;
    card.find(By::Css("[data-testid=add-tag]"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    choose(&app, &app.wait_testid("tag-choice").await, "new").await;
    app.type_into("tag-name", "家长难缠").await;
    app.wait_text_contains("wording-flag", "需要经常沟通").await;
    app.click("use-suggestion").await;
    assert_eq!(
        app.value("tag-name").await,
        "需要经常沟通",
        "a Chinese word gets a Chinese alternative"
    );
    app.click("save-tag").await;
    app.wait_text_contains("tag-chip", "需要经常沟通").await;

    // The family list filters by the motivation.
    app.click("nav-families").await;
    app.wait_text("family-row-name", "张家").await;
    choose(&app, &app.wait_testid("tag-filter").await, "m:honors").await;
    app.wait_text_contains("family-motivation", "Honors & showcase")
        .await;
    assert_eq!(count(&app, "family-row").await, 1);
    // The printed list says which families it holds.
    let header = app
        .eval("return document.querySelector('[data-testid=print-header]').textContent;")
        .await;
    let header = header.as_str().unwrap_or_default();
    assert!(
        header.contains("Families") && header.contains("Honors & showcase"),
        "{header}"
    );
    choose(&app, &app.wait_testid("tag-filter").await, "m:future").await;
    app.wait_testid_gone("family-row").await;
    app.wait_text("no-match", "Nothing matches this filter.")
        .await;
    choose(&app, &app.wait_testid("tag-filter").await, "").await;
    app.wait_testid("family-row").await;

    // In Chinese the same tag reads in Chinese.
    choose(&app, &app.wait_testid("lang-select").await, "zh-CN").await;
    app.wait_text("family-motivation", "荣誉展示型").await;
    app.quit().await;
}
