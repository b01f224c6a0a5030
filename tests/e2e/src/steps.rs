//! Steps a user takes, shared by the suites: fill a row's field, pick an option, add staff,
//! enter a household.

use std::time::{Duration, Instant};

use thirtyfour::prelude::*;

use crate::{testid, App};

/// The `index`-th element with this test id (rows repeat their field ids).
pub async fn nth(app: &App, id: &str, index: usize) -> WebElement {
    app.wait_testid(id).await;
    let all = app.driver().find_all(By::Css(testid(id))).await.unwrap();
    all.into_iter()
        .nth(index)
        .unwrap_or_else(|| panic!("there is no {id} number {index}"))
}

/// Types into the field `id` inside `row`.
pub async fn fill(row: &WebElement, id: &str, text: &str) {
    let input = row.find(By::Css(testid(id))).await.unwrap();
    input.clear().await.unwrap();
    input.send_keys(text).await.unwrap();
}

/// Picks an option of a `<select>` by value, as a click on the option would.
pub async fn choose(app: &App, select: &WebElement, value: &str) {
    app.driver()
        .execute(
            "arguments[0].value = arguments[1];
             arguments[0].dispatchEvent(new Event('change', { bubbles: true }));",
            vec![select.to_json().unwrap(), serde_json::json!(value)],
        )
        .await
        .unwrap();
}

/// Sets a date or time input the way the picker would (typing into them is locale-bound).
pub async fn set_value(app: &App, id: &str, value: &str) {
    let input = app.wait_testid(id).await;
    app.driver()
        .execute(
            "arguments[0].value = arguments[1];
             arguments[0].dispatchEvent(new Event('input', { bubbles: true }));",
            vec![input.to_json().unwrap(), serde_json::json!(value)],
        )
        .await
        .unwrap();
}

pub async fn count(app: &App, id: &str) -> usize {
    app.driver()
        .find_all(By::Css(testid(id)))
        .await
        .unwrap()
        .len()
}

pub async fn add_staff(app: &App, name: &str) {
    app.click("nav-staff").await;
    app.type_into("staff-name", name).await;
    app.click("add-staff").await;
    app.wait_text_contains("staff-row", name).await;
}

/// From the welcome screen of an empty school: a family with guardians (name, mobile) and
/// children; lands on the family page.
pub async fn enter_family(app: &App, name: &str, guardians: &[(&str, &str)], children: &[&str]) {
    app.click("nav-families").await;
    app.click("start-empty").await;
    app.type_into("family-name", name).await;
    for (i, (guardian, mobile)) in guardians.iter().enumerate() {
        if i > 0 {
            app.click("add-guardian").await;
        }
        let row = nth(app, "guardian-row", i).await;
        fill(&row, "guardian-name", guardian).await;
        fill(&row, "guardian-mobile", mobile).await;
    }
    for (i, child) in children.iter().enumerate() {
        if i > 0 {
            app.click("add-student").await;
        }
        fill(&nth(app, "student-row", i).await, "student-name", child).await;
    }
    app.click("save-family").await;
    app.wait_text("family-title", name).await;
}

/// Waits until one of the elements `id` contains `needle`; returns its index and text.
pub async fn wait_any(app: &App, id: &str, needle: &str) -> (usize, String) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let all = app.driver().find_all(By::Css(testid(id))).await.unwrap();
        for (i, el) in all.iter().enumerate() {
            if let Ok(text) = el.text().await {
                if text.contains(needle) {
                    return (i, text);
                }
            }
        }
        if Instant::now() > deadline {
            return app.fail(&format!("no {id} contains {needle:?}")).await;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
