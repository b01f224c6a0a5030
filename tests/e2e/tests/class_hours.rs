//! Class hours as a user meets them: a class of three holding packages, a roll call with
//! mixed marks, balances that move by exactly the lesson's hours, and the statement a parent
//! receives.

use encore_e2e::steps::{add_staff, choose, count, enter_family, nth, set_value};
use encore_e2e::thirtyfour::prelude::*;
use encore_e2e::{testid, App};

async fn today(app: &App) -> String {
    let v = app
        .eval("const d = new Date(); const p = (n) => String(n).padStart(2, '0'); return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;")
        .await;
    v.as_str().unwrap().to_string()
}

/// Opens the class-hours page of the family's `index`-th child (family page order).
async fn open_hours(app: &App, index: usize) {
    app.click("nav-families").await;
    app.click("family-row-name").await;
    app.wait_testid("student-card").await;
    nth(app, "student-hours", index)
        .await
        .click()
        .await
        .unwrap();
    app.wait_testid("hours-title").await;
}

async fn sell(app: &App, index: usize, hours: &str) {
    open_hours(app, index).await;
    app.type_into("package-hours", hours).await;
    app.click("save-package").await;
    app.wait_text("account-balance", &format!("{hours} h"))
        .await;
}

async fn mark(app: &App, row: usize, status: &str) {
    let row = nth(app, "rollcall-row", row).await;
    row.find(By::Css(testid(&format!("status-{status}"))))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
}

async fn left(app: &App, row: usize) -> String {
    nth(app, "rollcall-left", row).await.text().await.unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn roll_call_moves_each_balance_by_the_lesson_and_the_statement_lists_it() {
    let app = App::launch().await;
    add_staff(&app, "陈宇").await;
    app.type_into("school-name", "星光艺术中心").await;
    app.click("save-school-name").await;
    enter_family(
        &app,
        "张家",
        &[("李芳", "138 0013 8000")],
        &["张小明", "张小红", "张小华"],
    )
    .await;

    // A 1.5-hour piano course and a Saturday class with all three children.
    app.click("nav-classes").await;
    app.type_into("course-name", "钢琴").await;
    set_value(&app, "course-lesson-hours", "1.5").await;
    app.click("add-course").await;
    app.wait_text_contains("course-item", "钢琴").await;
    app.click("add-class").await;
    app.type_into("class-name", "周六钢琴").await;
    for i in 0..3 {
        nth(&app, "class-student-option", i)
            .await
            .click()
            .await
            .unwrap();
    }
    app.click("save-class").await;
    app.wait_text("class-title", "周六钢琴").await;

    // Each child buys ten hours; a typo of 10,000 hours is refused beside the field.
    open_hours(&app, 0).await;
    app.type_into("package-hours", "10000").await;
    app.click("save-package").await;
    app.wait_text("field-error", "Out of the allowed range")
        .await;
    for child in 0..3 {
        sell(&app, child, "10").await;
    }

    // Roll call today: rows are in pinyin order — 张小红, 张小华, 张小明.
    app.click("nav-classes").await;
    app.click("class-row-name").await;
    app.wait_testid("rollcall").await;
    set_value(
        &app,
        "rollcall-when",
        &format!("{}T09:00", today(&app).await),
    )
    .await;
    app.wait_text_contains("rollcall-left", "10 h left").await;
    let names: Vec<String> = {
        let mut v = Vec::new();
        for i in 0..3 {
            v.push(nth(&app, "rollcall-name", i).await.text().await.unwrap());
        }
        v
    };
    assert_eq!(
        names,
        ["张小红", "张小华", "张小明"],
        "roll call lists the class in pinyin order"
    );
    mark(&app, 0, "excused").await;
    // The keyboard: focus 张小华's row and press L for late.
    let row = nth(&app, "rollcall-row", 1).await;
    app.driver()
        .execute("arguments[0].focus();", vec![row.to_json().unwrap()])
        .await
        .unwrap();
    app.driver()
        .action_chain()
        .send_keys("l")
        .perform()
        .await
        .unwrap();
    app.click("save-rollcall").await;
    app.wait_testid("rollcall-saved").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let now = [
            left(&app, 0).await,
            left(&app, 1).await,
            left(&app, 2).await,
        ];
        if now == ["10 h left", "8.5 h left", "8.5 h left"] {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "balances after roll call: {now:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    app.screenshot("rollcall").await;

    // Saving the same lesson again deducts nothing more.
    app.click("save-rollcall").await;
    app.wait_testid("rollcall-saved").await;
    assert_eq!(left(&app, 2).await, "8.5 h left");
    assert_eq!(
        count(&app, "session-item").await,
        1,
        "one lesson, however often it is saved"
    );

    // 张小明's statement lists the lesson, in the parent's language.
    open_hours(&app, 0).await;
    app.wait_text("account-balance", "8.5 h").await;
    app.click("open-statement").await;
    app.wait_text("statement-student", "张小明").await;
    app.wait_text("statement-school", "星光艺术中心").await;
    app.wait_text("statement-remaining", "8.5").await;
    let lesson = nth(&app, "statement-line", 1).await.text().await.unwrap();
    assert!(
        lesson.contains("Lesson")
            && lesson.contains("周六钢琴")
            && lesson.contains("Present")
            && lesson.contains("-1.5"),
        "{lesson}"
    );
    choose(&app, &app.wait_testid("statement-language").await, "zh-CN").await;
    app.wait_text_contains("statement", "课时对账单").await;
    let lesson = nth(&app, "statement-line", 1).await.text().await.unwrap();
    assert!(
        lesson.contains("上课") && lesson.contains("出勤"),
        "{lesson}"
    );
    assert_eq!(
        app.text("nav-families").await,
        "Families",
        "the screen stays in English"
    );
    app.screenshot("statement-zh-CN").await;
    app.quit().await;
}

/// Picks the option of a `<select>` whose text is `label`, as a click on it would.
async fn choose_by_label(app: &App, id: &str, label: &str) {
    let select = app.wait_testid(id).await;
    app.driver()
        .execute(
            "const s = arguments[0];
             const o = [...s.options].find((o) => o.textContent.trim() === arguments[1]);
             if (!o) throw new Error('no option ' + arguments[1]);
             s.value = o.value;
             s.dispatchEvent(new Event('change', { bubbles: true }));",
            vec![select.to_json().unwrap(), serde_json::json!(label)],
        )
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_make_up_student_from_another_class_keeps_their_mark_and_name() {
    let app = App::launch().await;
    add_staff(&app, "陈宇").await;
    enter_family(&app, "张家", &[("李芳", "13800138000")], &["张小明"]).await;
    // A second family whose child is not in the class.
    app.click("nav-families").await;
    app.click("new-family").await;
    app.type_into("family-name", "王家").await;
    encore_e2e::steps::fill(&nth(&app, "guardian-row", 0).await, "guardian-name", "王芳").await;
    encore_e2e::steps::fill(&nth(&app, "student-row", 0).await, "student-name", "王一").await;
    app.click("save-family").await;
    app.wait_text("family-title", "王家").await;

    app.click("nav-classes").await;
    app.type_into("course-name", "钢琴").await;
    app.click("add-course").await;
    app.wait_text_contains("course-item", "钢琴").await;
    app.click("add-class").await;
    app.type_into("class-name", "周六钢琴").await;
    let options = app
        .driver()
        .find_all(By::Css(testid("class-student-option")))
        .await
        .unwrap();
    for option in options {
        if option.text().await.unwrap().contains("张小明") {
            option.click().await.unwrap();
        }
    }
    app.click("save-class").await;
    app.wait_text("class-title", "周六钢琴").await;
    let class_page = app.eval("return location.pathname;").await;

    // 王一 has hours too; the search box finds the family.
    app.type_into("search-input", "王一").await;
    app.wait_text("search-hit-title", "王一").await;
    app.click("search-hit").await;
    app.wait_text("family-title", "王家").await;
    app.click("student-hours").await;
    app.type_into("package-hours", "10").await;
    app.click("save-package").await;
    app.wait_text("account-balance", "10 h").await;

    // Roll call with 王一 added for a make-up.
    app.click("nav-classes").await;
    app.click("class-row-name").await;
    app.wait_testid("rollcall").await;
    assert_eq!(app.eval("return location.pathname;").await, class_page);
    set_value(
        &app,
        "rollcall-when",
        &format!("{}T09:00", today(&app).await),
    )
    .await;
    app.wait_text_contains("rollcall-name", "张小明").await;
    // 张小明 has no package here: excused, which deducts nothing.
    mark(&app, 0, "excused").await;
    choose_by_label(&app, "rollcall-add-student", "王一").await;
    app.click("save-rollcall").await;
    app.wait_testid("rollcall-saved").await;

    // Open the saved lesson again from another page: 王一 is still there, by name, as a make-up.
    app.click("nav-families").await;
    app.click("nav-classes").await;
    app.click("class-row-name").await;
    app.click("session-item").await;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    loop {
        let rows = app
            .driver()
            .find_all(By::Css(testid("rollcall-row")))
            .await
            .unwrap();
        let mut texts = Vec::new();
        for r in &rows {
            texts.push(r.text().await.unwrap_or_default());
        }
        if let Some(row) = texts.iter().find(|t| t.contains("王一")) {
            assert!(
                row.contains("9 h left"),
                "王一's make-up was deducted: {row}"
            );
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "王一 is missing from the saved lesson: {texts:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let chosen = app
        .eval("return [...document.querySelectorAll('[data-testid=rollcall-row]')].map(r => r.querySelector('.chosen')?.dataset.testid);")
        .await;
    assert_eq!(
        chosen,
        serde_json::json!(["status-excused", "status-make_up"])
    );
    app.quit().await;
}
