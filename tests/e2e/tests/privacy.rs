//! A parent's rights from the family page: consent taken with the new family, a copy of all
//! the family's data (JSON and PDF, saved into `ENCORE_SAVE_DIR` because the system's save
//! dialog cannot be driven), then erasure after typing the family's name — after which the
//! family is gone from the list, from search, and from the database file's bytes.

use std::path::Path;
use std::time::{Duration, Instant};

use encore_e2e::steps::{add_staff, choose, fill, nth};
use encore_e2e::{App, LaunchOptions};

const NOTE: &str = "蓝鲸计划-7F3A：家长担心孩子手腕旧伤";

/// Waits for a file with `extension` in `dir` and returns its bytes.
async fn saved_file(dir: &Path, extension: &str) -> Vec<u8> {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let found = std::fs::read_dir(dir)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == extension));
        if let Some(path) = found {
            return std::fs::read(path).unwrap();
        }
        assert!(
            Instant::now() < deadline,
            "no .{extension} file was saved in {}",
            dir.display()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn holds(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

/// Clicks `id` after bringing it to the middle of the window (the form's sticky Save bar
/// would otherwise cover it).
async fn click_centered(app: &App, id: &str) {
    app.wait_testid(id).await;
    app.eval(&format!(
        "document.querySelector('[data-testid={id}]').scrollIntoView({{ block: 'center' }});"
    ))
    .await;
    app.click(id).await;
}

/// Waits until the text of `id` (read from the DOM, wherever it is scrolled) contains
/// `needle`.
async fn wait_dom_text(app: &App, id: &str, needle: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        let text = app
            .eval(&format!(
                "const e = document.querySelector('[data-testid={id}]'); return e ? e.textContent : '';"
            ))
            .await;
        let text = text.as_str().unwrap_or_default().to_string();
        if text.contains(needle) {
            return text;
        }
        if Instant::now() > deadline {
            return app
                .fail(&format!("{id} never contained {needle:?}; last: {text:?}"))
                .await;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Types a search as one input event with the box keeping focus. (WebDriver's clear blurs the
/// box, and the box closes its results 150 ms after a blur: a quick answer can lose that race.)
async fn search_for(app: &App, text: &str) {
    app.wait_testid("search-input").await;
    app.eval(&format!(
        "const e = document.querySelector('[data-testid=search-input]');
         e.focus(); e.value = {text:?}; e.dispatchEvent(new Event('input', {{ bubbles: true }}));"
    ))
    .await;
}

/// The new-family form with one guardian and one child.
async fn new_family(app: &App, name: &str, guardian: &str, mobile: &str, child: &str) {
    app.type_into("family-name", name).await;
    let row = nth(app, "guardian-row", 0).await;
    fill(&row, "guardian-name", guardian).await;
    fill(&row, "guardian-mobile", mobile).await;
    fill(&nth(app, "student-row", 0).await, "student-name", child).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_family_gives_consent_gets_a_copy_of_its_data_and_is_erased_from_the_ui() {
    let saves = tempfile::tempdir().unwrap();
    let app = App::launch_with(
        LaunchOptions::new().env("ENCORE_SAVE_DIR", saves.path().display().to_string()),
    )
    .await;
    app.wait_testid("welcome").await;
    add_staff(&app, "陈宇").await;

    // Another family, whose records must survive.
    app.click("nav-families").await;
    app.click("start-empty").await;
    new_family(&app, "王家", "王芳", "13912345678", "王一").await;
    app.click("save-family").await;
    app.wait_text("family-title", "王家").await;

    // 张家, with consent taken at the desk: records and photos, not messages.
    app.click("nav-families").await;
    app.click("new-family").await;
    new_family(&app, "张家", "李芳", "13800138000", "张小明").await;
    click_centered(&app, "consent-scope-records").await;
    click_centered(&app, "consent-scope-media").await;
    choose(&app, &app.wait_testid("consent-given-by").await, "0").await;
    app.click("save-family").await;
    app.wait_text("family-title", "张家").await;
    let consent = app.wait_text_contains("consent-current", "Agreed to").await;
    assert!(
        consent.contains("Photos and videos")
            && consent.contains("李芳")
            && consent.contains("陈宇"),
        "the consent names its scopes, who gave it and who recorded it: {consent}"
    );
    assert!(
        consent.contains("Not agreed: Contact by message"),
        "{consent}"
    );

    app.click("add-note").await;
    app.type_into("note-body", NOTE).await;
    app.click("save-note").await;
    app.wait_text_contains("note-text", "蓝鲸计划").await;

    // A copy of everything: JSON, then a readable PDF.
    click_centered(&app, "privacy-export-json").await;
    wait_dom_text(&app, "privacy-saved", "Saved to").await;
    let json: serde_json::Value = serde_json::from_slice(&saved_file(saves.path(), "json").await)
        .expect("the export is JSON");
    assert_eq!(json["records"]["students"][0]["name"], "张小明");
    assert_eq!(json["records"]["notes"][0]["body"], NOTE);
    assert_eq!(json["records"]["consent"][0]["media"], 1);
    assert!(
        !json.to_string().contains("王一"),
        "only this family's records"
    );
    click_centered(&app, "privacy-pdf-save").await;
    wait_dom_text(&app, "privacy-pdf-saved", ".pdf").await;
    assert!(saved_file(saves.path(), "pdf").await.starts_with(b"%PDF"));

    // Erase: the button waits for the family's name; the dialog says what backups keep.
    click_centered(&app, "privacy-erase").await;
    app.wait_text_contains("privacy-erase-backups", "until they rotate out")
        .await;
    app.type_into("privacy-erase-name", "王家").await;
    assert_eq!(
        app.eval("return document.querySelector('[data-testid=privacy-erase-confirm]').disabled;")
            .await,
        true,
        "another family's name does not unlock the button"
    );
    app.type_into("privacy-erase-name", "张家").await;
    app.click("privacy-erase-confirm").await;
    app.wait_text_contains("privacy-erased", "张家 was erased")
        .await;
    app.wait_text_contains("privacy-erased-counts", "children 1, notes 1")
        .await;
    app.screenshot("privacy-erased").await;

    app.click("privacy-back").await;
    app.wait_text_contains("family-row", "王家").await;
    let rows = app
        .eval("return [...document.querySelectorAll('[data-testid=family-row]')].map(r => r.textContent).join('|');")
        .await;
    assert!(
        !rows.as_str().unwrap().contains("张家"),
        "the family left the list: {rows}"
    );
    search_for(&app, "张小明").await;
    app.wait_text_contains("search-results", "张小明").await;
    assert!(
        !app.exists("search-hit").await,
        "search finds nothing of the child"
    );
    search_for(&app, "王一").await;
    app.wait_text("search-hit-title", "王一").await;

    let mut bytes = std::fs::read(app.db_path()).unwrap();
    let mut wal = app.db_path().as_os_str().to_owned();
    wal.push("-wal");
    bytes.extend(std::fs::read(&wal).unwrap_or_default());
    for needle in ["张小明", "蓝鲸计划"] {
        assert!(
            !holds(&bytes, needle),
            "{needle} is gone from the file and its log"
        );
    }
    assert!(
        holds(&bytes, "王一"),
        "the other family is still in the file"
    );
    app.quit().await;
}

/// Calls a command straight through Tauri's IPC, as a script in the page could, and returns
/// the error it answered with ("ok" when it answered).
async fn invoke_list_families(app: &App) -> String {
    let script = "const done = arguments[arguments.length - 1];
        window.__TAURI_INTERNALS__
          .invoke('list_families', { includeArchived: false, filter: { motivation: null, tagId: null } })
          .then(() => done('ok'), (e) => done(JSON.stringify(e)));";
    let answer = app
        .driver()
        .execute_async(script, Vec::new())
        .await
        .unwrap();
    answer.json().as_str().unwrap_or_default().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_passcode_lock_hides_everything_and_rust_refuses_commands_until_unlocked() {
    let mut app = App::launch().await;
    app.wait_testid("welcome").await;
    app.click("nav-staff").await;
    click_centered(&app, "lock-turn-on").await;
    app.type_into("lock-new", "2580").await;
    app.type_into("lock-again", "2580").await;
    click_centered(&app, "lock-save").await;
    wait_dom_text(&app, "lock-state", "locks after 10 idle minutes").await;
    app.screenshot("lock-settings").await;
    assert_eq!(invoke_list_families(&app).await, "ok");

    click_centered(&app, "lock-now").await;
    app.wait_css("[data-testid=lock-screen][open]").await;
    assert_eq!(
        invoke_list_families(&app).await,
        r#"{"kind":"locked"}"#,
        "Rust refuses commands while locked, whatever the page does"
    );
    app.type_into("lock-passcode", "1111").await;
    app.click("lock-unlock").await;
    app.wait_testid("lock-wrong").await;
    app.type_into("lock-passcode", "2580").await;
    app.click("lock-unlock").await;
    app.wait_css("[data-testid=lock-screen]:not([open])").await;
    assert_eq!(invoke_list_families(&app).await, "ok");

    // A new start opens locked.
    app.restart().await;
    app.wait_css("[data-testid=lock-screen][open]").await;
    app.screenshot("lock-screen").await;
    app.type_into("lock-passcode", "2580").await;
    app.click("lock-unlock").await;
    app.wait_css("[data-testid=lock-screen]:not([open])").await;
    app.wait_testid("welcome").await;
    app.quit().await;
}
