//! The foundation as a user meets it: enter a family, write a note in Chinese, find a child by
//! pinyin initials, switch the language, restart, and see everything still there.

use encore_e2e::steps::{add_staff, choose, count, fill, nth};
use encore_e2e::thirtyfour::prelude::*;
use encore_e2e::{testid, App};

/// In an empty school: open the new-family form from the welcome screen and enter the 张
/// household.
async fn enter_zhang_family(app: &App) {
    app.click("nav-families").await;
    app.click("start-empty").await;
    app.type_into("family-name", "张家").await;
    let mother = nth(app, "guardian-row", 0).await;
    fill(&mother, "guardian-name", "李芳").await;
    fill(&mother, "guardian-mobile", "138 0013 8000").await;
    app.click("add-guardian").await;
    let father = nth(app, "guardian-row", 1).await;
    fill(&father, "guardian-name", "张伟").await;
    fill(&father, "guardian-mobile", "+86 139-1234-5678").await;
    let relationship = father
        .find(By::Css(testid("guardian-relationship")))
        .await
        .unwrap();
    choose(app, &relationship, "father").await;
    fill(&nth(app, "student-row", 0).await, "student-name", "张小明").await;
    app.click("add-student").await;
    fill(&nth(app, "student-row", 1).await, "student-name", "张小红").await;
    app.click("save-family").await;
    app.wait_text("family-title", "张家").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_family_a_chinese_note_and_pinyin_search_survive_a_language_switch_and_restart() {
    let mut app = App::launch().await;
    app.wait_testid("welcome").await;
    add_staff(&app, "陈宇").await;
    enter_zhang_family(&app).await;
    assert_eq!(
        count(&app, "student-card").await,
        2,
        "two children on the family page"
    );
    assert_eq!(
        count(&app, "guardian-card").await,
        2,
        "two guardians on the family page"
    );
    let cards = app
        .driver()
        .find_all(By::Css(testid("student-card")))
        .await
        .unwrap();
    for card in cards {
        let text = card.text().await.unwrap();
        assert!(
            text.contains("李芳") && text.contains("张伟"),
            "each child shows both guardians: {text}"
        );
    }

    // A note in Chinese on the timeline.
    app.click("add-note").await;
    choose(&app, &app.wait_testid("note-kind").await, "renewal_talk").await;
    app.type_into(
        "note-body",
        "家长希望小明下学期参加钢琴比赛，约了下周面谈。",
    )
    .await;
    app.click("save-note").await;
    app.wait_text_contains("note-text", "钢琴比赛").await;
    app.wait_text_contains("note-item", "陈宇").await;

    // Find the child by pinyin initials from another page.
    app.click("nav-students").await;
    app.wait_text_contains("student-list-row", "张小").await;
    app.type_into("search-input", "zxm").await;
    app.wait_text("search-hit-title", "张小明").await;
    app.click("search-hit").await;
    app.wait_text("family-title", "张家").await;

    // A two-character note search finds the note.
    app.type_into("search-input", "面谈").await;
    app.wait_text_contains("search-hit-title", "面谈").await;

    // Switch to Chinese: the screen changes at once.
    assert_eq!(app.text("nav-families").await, "Families");
    choose(&app, &app.wait_testid("lang-select").await, "zh-CN").await;
    app.wait_text("nav-families", "家庭").await;
    app.wait_text("add-note", "+ 添加记录").await;
    app.screenshot("family-zh-CN").await;

    // Quit, start again: the language and every record are still there.
    app.restart().await;
    app.wait_text("nav-families", "家庭").await;
    app.wait_text_contains("family-row", "张家").await;
    assert!(app.text("family-row").await.contains("张小明"));
    app.click("family-row-name").await;
    app.wait_text("family-title", "张家").await;
    assert_eq!(count(&app, "student-card").await, 2);
    assert_eq!(count(&app, "guardian-card").await, 2);
    app.wait_text_contains("note-text", "家长希望小明下学期参加钢琴比赛")
        .await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn markup_in_a_childs_name_is_shown_as_plain_text() {
    let app = App::launch().await;
    let payload = "<img src=x onerror=alert(1)>";
    app.click("start-empty").await;
    app.type_into("family-name", "Test family").await;
    fill(
        &nth(&app, "guardian-row", 0).await,
        "guardian-name",
        "Laura Test",
    )
    .await;
    fill(&nth(&app, "student-row", 0).await, "student-name", payload).await;
    app.click("save-family").await;
    app.wait_text("student-card-name", payload).await;
    let images = app
        .eval("return document.querySelectorAll('img').length;")
        .await;
    assert_eq!(images, 0, "the name must not become an element");
    // An alert would have blocked this call with 'unexpected alert open'.
    assert_eq!(app.eval("return document.title;").await, "Encore");
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn bad_input_is_explained_beside_the_field_in_the_ui_language_and_nothing_is_saved() {
    let app = App::launch().await;
    app.click("start-empty").await;
    app.click("save-family").await;
    app.wait_text("field-error", "Required").await;
    assert_eq!(
        app.eval("return document.querySelector('[data-testid=family-name]').getAttribute('aria-invalid');").await,
        "true",
        "the family name is the field marked"
    );

    app.type_into("family-name", "王家").await;
    let guardian = nth(&app, "guardian-row", 0).await;
    fill(&guardian, "guardian-name", "王芳").await;
    fill(&guardian, "guardian-mobile", "12345").await;
    fill(&nth(&app, "student-row", 0).await, "student-name", "王一").await;
    app.click("save-family").await;
    app.wait_text("field-error", "Not a valid phone number")
        .await;
    let marked = guardian.find(By::Css(testid("field-error"))).await;
    assert!(
        marked.is_ok(),
        "the message stands beside the mobile field of that guardian"
    );

    choose(&app, &app.wait_testid("lang-select").await, "zh-CN").await;
    app.click("save-family").await;
    app.wait_text("field-error", "电话号码格式不正确").await;
    assert_eq!(
        app.value("family-name").await,
        "王家",
        "switching language keeps what was typed"
    );

    app.click("nav-families").await;
    app.wait_testid("welcome").await;
    app.quit().await;
}
