//! Element helpers: find, wait for, click, type into and read elements by test id, run
//! scripts, and take screenshots (also when a test fails).

use std::path::PathBuf;
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;

use crate::{artifacts_dir, testid, App, DEFAULT_TIMEOUT, POLL};

impl App {
    /// Wait until an element matching `css` exists, and return it.
    pub async fn wait_css(&self, css: &str) -> WebElement {
        self.wait_css_for(css, DEFAULT_TIMEOUT).await
    }

    /// Like [`App::wait_css`] with an explicit timeout.
    pub async fn wait_css_for(&self, css: &str, timeout: Duration) -> WebElement {
        let deadline = Instant::now() + timeout;
        loop {
            match self.driver().find(By::Css(css)).await {
                Ok(el) => return el,
                Err(err) if Instant::now() >= deadline => {
                    self.fail(&format!(
                        "no element matches `{css}` after {timeout:?}: {err}"
                    ))
                    .await
                }
                Err(_) => tokio::time::sleep(POLL).await,
            }
        }
    }

    /// Wait until `[data-testid="<id>"]` exists, and return it.
    pub async fn wait_testid(&self, id: &str) -> WebElement {
        self.wait_css(&testid(id)).await
    }

    /// Wait until no element matches `[data-testid="<id>"]`.
    pub async fn wait_testid_gone(&self, id: &str) {
        let css = testid(id);
        let deadline = Instant::now() + DEFAULT_TIMEOUT;
        loop {
            let found = self
                .driver()
                .find_all(By::Css(&css))
                .await
                .map(|v| !v.is_empty())
                .unwrap_or(true);
            if !found {
                return;
            }
            if Instant::now() >= deadline {
                self.fail::<()>(&format!("`{css}` still present after {DEFAULT_TIMEOUT:?}"))
                    .await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Whether `[data-testid="<id>"]` exists right now (no waiting).
    pub async fn exists(&self, id: &str) -> bool {
        self.driver()
            .find_all(By::Css(testid(id)))
            .await
            .map(|v| !v.is_empty())
            .unwrap_or(false)
    }

    /// Click `[data-testid="<id>"]` (waiting for it first).
    pub async fn click(&self, id: &str) {
        let el = self.wait_testid(id).await;
        if let Err(err) = el.click().await {
            self.fail::<()>(&format!("click on `{}` failed: {err}", testid(id)))
                .await;
        }
    }

    /// Replace the content of the input `[data-testid="<id>"]` with `text`, typed key by key.
    pub async fn type_into(&self, id: &str, text: &str) {
        let el = self.wait_testid(id).await;
        if let Err(err) = el.clear().await {
            self.fail::<()>(&format!("clearing `{}` failed: {err}", testid(id)))
                .await;
        }
        if let Err(err) = el.send_keys(text).await {
            self.fail::<()>(&format!("typing into `{}` failed: {err}", testid(id)))
                .await;
        }
    }

    /// The visible text of `[data-testid="<id>"]` (waiting for it first).
    pub async fn text(&self, id: &str) -> String {
        let css = testid(id);
        let deadline = Instant::now() + DEFAULT_TIMEOUT;
        loop {
            // Re-find on every try: Svelte may replace the node between find and read.
            let el = self.wait_css(&css).await;
            match el.text().await {
                Ok(t) => return t,
                Err(err) if Instant::now() >= deadline => {
                    self.fail(&format!("reading text of `{css}` failed: {err}"))
                        .await
                }
                Err(_) => tokio::time::sleep(POLL).await,
            }
        }
    }

    /// The current `value` of the input `[data-testid="<id>"]`.
    pub async fn value(&self, id: &str) -> String {
        let el = self.wait_testid(id).await;
        el.prop("value").await.ok().flatten().unwrap_or_default()
    }

    /// Wait until the text of `[data-testid="<id>"]` equals `expected` (trimmed).
    pub async fn wait_text(&self, id: &str, expected: &str) {
        self.wait_text_matching(id, &format!("== {expected:?}"), |t| t.trim() == expected)
            .await;
    }

    /// Wait until the text of `[data-testid="<id>"]` contains `needle`; returns the text.
    pub async fn wait_text_contains(&self, id: &str, needle: &str) -> String {
        self.wait_text_matching(id, &format!("contains {needle:?}"), |t| t.contains(needle))
            .await
    }

    /// Wait until the text of `[data-testid="<id>"]` satisfies `pred`; returns the text.
    pub async fn wait_text_matching(
        &self,
        id: &str,
        what: &str,
        pred: impl Fn(&str) -> bool,
    ) -> String {
        let css = testid(id);
        let deadline = Instant::now() + DEFAULT_TIMEOUT;
        let mut last = String::from("<element not found>");
        loop {
            if let Ok(el) = self.driver().find(By::Css(&css)).await {
                if let Ok(t) = el.text().await {
                    if pred(&t) {
                        return t;
                    }
                    last = t;
                }
            }
            if Instant::now() >= deadline {
                self.fail::<()>(&format!(
                    "text of `{css}` never became {what} within {DEFAULT_TIMEOUT:?}; last: {last:?}"
                ))
                .await;
            }
            tokio::time::sleep(POLL).await;
        }
    }

    /// Run JavaScript in the page (`return ...;` to get a value back).
    pub async fn eval(&self, script: &str) -> serde_json::Value {
        match self.driver().execute(script, Vec::new()).await {
            Ok(ret) => ret.json().clone(),
            Err(err) => self.fail(&format!("script failed: {err}\n{script}")).await,
        }
    }

    /// Wait until the page has painted its current state (two animation frames). WebKit's
    /// screenshot shows the last painted frame, which can lag behind the DOM.
    pub async fn settle(&self) {
        let script = "const done = arguments[arguments.length - 1];\n\
                      requestAnimationFrame(() => requestAnimationFrame(() => done(null)));";
        if let Some(session) = &self.session {
            if let Err(err) = session.execute_async(script, Vec::new()).await {
                eprintln!("encore-e2e: waiting for a paint failed: {err}");
            }
        }
    }

    /// Save a PNG of the window to `tests/e2e/artifacts/<name>.png` and return its path.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let dir = artifacts_dir();
        std::fs::create_dir_all(&dir).expect("create tests/e2e/artifacts");
        let path = dir.join(format!("{name}.png"));
        self.settle().await;
        self.driver()
            .screenshot(&path)
            .await
            .unwrap_or_else(|err| panic!("screenshot {} failed: {err}", path.display()));
        path
    }

    /// Fail the test with `msg`, saving a screenshot first (best effort) so the failure can
    /// be looked at. The tauri-driver/app log is printed when the `App` is dropped.
    pub async fn fail<T>(&self, msg: &str) -> T {
        let mut note = String::new();
        if let Some(session) = &self.session {
            let dir = artifacts_dir();
            // libtest names each test's thread after the test.
            let test = std::thread::current()
                .name()
                .unwrap_or("unnamed")
                .replace("::", "-");
            let path = dir.join(format!("failure-{test}.png"));
            self.settle().await;
            if std::fs::create_dir_all(&dir).is_ok() && session.screenshot(&path).await.is_ok() {
                note = format!("\n(screenshot: {})", path.display());
            }
        }
        panic!("{msg}{note}");
    }
}
