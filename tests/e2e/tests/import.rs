//! Roster import in the real app: a CSV through the column-mapping screen (one column mapped
//! by hand), a preview with the spreadsheet's row numbers, the families on the list with the
//! remark on the timeline; the same file again remembers the mapping and is held back because
//! every student is already in Encore.
//!
//! The file comes from `ENCORE_IMPORT_FILE`, which the app reads instead of showing the system
//! dialog (WebDriver cannot drive a native dialog).

use encore_e2e::steps::{add_staff, choose, count, nth};
use encore_e2e::{App, LaunchOptions};

/// Three children, two of them sharing a phone written two ways; the remark column has a
/// header Encore does not guess, so it is mapped by hand. No end dates: the packages run a
/// year from the import, whenever the test runs.
const ROSTER: &str = "\
学员姓名,家长姓名,联系电话,课程名称,购买课时,剩余课时,报名日期,说明文字
张小明,李芳,138 0013 8000,钢琴,48,20,2025/9/1,想参加明年的钢琴比赛
张小红,李芳,138-0013-8000,舞蹈,24,24,2025-09-01,
王一诺,王强,+86 139 1234 5678,美术,30,6.5,2025年5月10日,
";

#[tokio::test(flavor = "multi_thread")]
async fn a_csv_mapped_by_hand_brings_its_families_in_once() {
    let dir = tempfile::tempdir().unwrap();
    let roster = dir.path().join("学员名单.csv");
    std::fs::write(&roster, ROSTER).unwrap();
    let app =
        App::launch_with(LaunchOptions::new().env("ENCORE_IMPORT_FILE", roster.to_string_lossy()))
            .await;
    app.wait_testid("welcome").await;
    add_staff(&app, "陈宇").await;

    // A new school starts from its roster.
    app.click("nav-families").await;
    app.click("welcome-import").await;
    app.click("import-choose").await;
    app.wait_text_contains("import-file", "学员名单.csv").await;
    assert_eq!(count(&app, "import-column").await, 8);
    let notes = nth(&app, "import-column-field", 7).await;
    assert_eq!(notes.prop("value").await.unwrap().unwrap_or_default(), "");
    let first = nth(&app, "import-column-field", 0).await;
    assert_eq!(
        first.prop("value").await.unwrap().as_deref(),
        Some("student_name"),
        "guesses are preselected"
    );
    choose(&app, &notes, "notes").await;

    app.click("import-preview-button").await;
    app.wait_text_contains(
        "import-counts",
        "2 new families, 3 students, 3 packages, 1 notes",
    )
    .await;
    let mut rows = Vec::new();
    for i in 0..count(&app, "import-row-number").await {
        rows.push(
            nth(&app, "import-row-number", i)
                .await
                .text()
                .await
                .unwrap(),
        );
    }
    assert_eq!(rows, ["2", "3", "4"], "the spreadsheet's own row numbers");
    assert!(!app.exists("import-row-problem").await);
    app.wait_text_contains("import-commit", "Import 3 rows")
        .await;
    app.click("import-commit").await;
    app.wait_text_contains("import-result-counts", "2 new families")
        .await;

    // The families are on the list, and the remark is on the timeline.
    app.click("import-to-families").await;
    app.wait_text_contains("family-count", "2").await;
    let mut names = Vec::new();
    for i in 0..count(&app, "family-row-name").await {
        names.push(nth(&app, "family-row-name", i).await.text().await.unwrap());
    }
    names.sort();
    assert_eq!(names, ["张小明家", "王一诺家"]);
    for i in 0..count(&app, "family-row-name").await {
        let row = nth(&app, "family-row-name", i).await;
        if row.text().await.unwrap() == "张小明家" {
            row.click().await.unwrap();
            break;
        }
    }
    app.wait_text("family-title", "张小明家").await;
    app.wait_text_contains("note-text", "想参加明年的钢琴比赛")
        .await;

    // The same file again, from the families toolbar: the hand-made mapping is remembered,
    // and every row is already in Encore, so nothing can be imported.
    app.click("nav-families").await;
    app.click("open-import").await;
    app.click("import-choose").await;
    let notes = nth(&app, "import-column-field", 7).await;
    assert_eq!(
        notes.prop("value").await.unwrap().as_deref(),
        Some("notes"),
        "remembered for these headers"
    );
    app.click("import-preview-button").await;
    app.wait_text_contains("import-problem-count", "3 rows have problems")
        .await;
    app.wait_text_contains("import-row-problem", "already has this student")
        .await;
    let commit = app.wait_testid("import-commit").await;
    assert!(
        !commit.is_enabled().await.unwrap(),
        "problems hold the import back"
    );
    app.quit().await;
}
