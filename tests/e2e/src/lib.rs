//! Harness for end-to-end tests that drive the real Encore binary through `tauri-driver`
//! (which drives Debian's `WebKitWebDriver`, which drives the app's webview).
//!
//! Every [`App`] gets its own temporary directory used as `HOME`, `XDG_DATA_HOME`,
//! `XDG_CONFIG_HOME` and `XDG_CACHE_HOME`, with the database at [`App::db_path`] (passed to
//! the app as `ENCORE_DB`). [`App::restart`] quits the app and starts it again on the same
//! home and database. Dropping an `App` ends the WebDriver session, stops `tauri-driver` with
//! SIGTERM (never SIGKILL, so it can stop `WebKitWebDriver`) and waits for the app to exit.
//!
//! ```no_run
//! use encore_e2e::App;
//!
//! #[tokio::test(flavor = "multi_thread")]
//! async fn title_is_shown() {
//!     let app = App::launch().await;
//!     app.wait_text("app-title", "Encore").await;
//!     app.quit().await;
//! }
//! ```
//!
//! Requirements: `ENCORE_APP_BINARY` (absolute path of a built `encore`), `tauri-driver` on
//! `PATH` (or in `~/.cargo/bin`, or named by `TAURI_DRIVER`), `WebKitWebDriver` on `PATH`, and
//! a display (run under `xvfb-run -a`). `scripts/test` provides all of them. Run the suite with
//! `--test-threads=1`: each app costs ~300 MB and the machines have two cores.

use std::fs::File;
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub mod steps;

pub use thirtyfour;
use thirtyfour::prelude::*;
use thirtyfour::Capabilities;

/// How long the wait helpers poll before failing the test.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);
/// How long tauri-driver gets to open its ports, and the app to stop.
const PROCESS_TIMEOUT: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(100);

/// What to start the app with. `LaunchOptions::default()` means no arguments, no extra
/// environment, and `ENCORE_DB` pointing at the test's database.
#[derive(Debug, Clone)]
pub struct LaunchOptions {
    args: Vec<String>,
    env: Vec<(String, String)>,
    set_db_env: bool,
}

impl Default for LaunchOptions {
    fn default() -> Self {
        Self {
            args: Vec::new(),
            env: Vec::new(),
            set_db_env: true,
        }
    }
}

impl LaunchOptions {
    pub fn new() -> Self {
        Self::default()
    }

    /// Append a command-line argument for the app (e.g. `"--demo"`).
    pub fn arg(mut self, arg: impl Into<String>) -> Self {
        self.args.push(arg.into());
        self
    }

    /// Set an environment variable for the app (e.g. `("LANG", "zh_CN.UTF-8")`; by default the
    /// app sees `LANG=en_US.UTF-8` and no `LC_ALL` / `LC_MESSAGES` / `LANGUAGE`).
    pub fn env(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.env.push((key.into(), value.into()));
        self
    }

    /// Do not set `ENCORE_DB`: the app uses its default location under the test's
    /// `XDG_DATA_HOME`.
    pub fn without_db_env(mut self) -> Self {
        self.set_db_env = false;
        self
    }
}

/// A running Encore app under test (see the crate docs).
pub struct App {
    // Field order matters for Drop: the session goes first, then the driver, then the files.
    session: Option<WebDriver>,
    driver: Option<Child>,
    options: LaunchOptions,
    binary: PathBuf,
    home: tempfile::TempDir,
    db: PathBuf,
    log: PathBuf,
    launches: u32,
}

impl App {
    /// Start the app with default options in a fresh home directory.
    pub async fn launch() -> App {
        Self::launch_with(LaunchOptions::default()).await
    }

    /// Start the app with the given options in a fresh home directory.
    pub async fn launch_with(options: LaunchOptions) -> App {
        let binary = app_binary();
        let home = tempfile::Builder::new()
            .prefix("encore-e2e-")
            .tempdir()
            .expect("create a temporary home directory");
        for sub in [".local/share", ".config", ".cache"] {
            std::fs::create_dir_all(home.path().join(sub)).expect("create XDG directories");
        }
        let db = home.path().join("encore-test.db");
        let log = home.path().join("tauri-driver.log");
        let mut app = App {
            session: None,
            driver: None,
            options,
            binary,
            home,
            db,
            log,
            launches: 0,
        };
        app.start().await;
        app
    }

    /// Quit the app and start it again with the same options, home and database.
    pub async fn restart(&mut self) {
        self.stop().await;
        self.start().await;
    }

    /// Quit the app cleanly (prefer this over just dropping it at the end of a test).
    pub async fn quit(mut self) {
        self.stop().await;
    }

    /// The WebDriver session, for anything the helpers below do not cover.
    pub fn driver(&self) -> &WebDriver {
        self.session
            .as_ref()
            .expect("the app is not running (stopped and not restarted)")
    }

    /// The database file the app was given in `ENCORE_DB`.
    pub fn db_path(&self) -> &Path {
        &self.db
    }

    /// The temporary directory used as `HOME` (and parent of the XDG directories).
    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// How many times the app has been started (1 after `launch`, 2 after one `restart`, ...).
    pub fn launches(&self) -> u32 {
        self.launches
    }

    // ---------------------------------------------------------------- element helpers

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

    // ---------------------------------------------------------------- process control

    async fn start(&mut self) {
        assert!(self.session.is_none() && self.driver.is_none());
        self.launches += 1;
        let port = free_port();
        let native_port = loop {
            let p = free_port();
            if p != port {
                break p;
            }
        };

        let home = self.home.path();
        let log = File::options()
            .create(true)
            .append(true)
            .open(&self.log)
            .expect("open tauri-driver log");
        let mut cmd = Command::new(tauri_driver());
        cmd.arg("--port")
            .arg(port.to_string())
            .arg("--native-port")
            .arg(native_port.to_string())
            .env("HOME", home)
            .env("XDG_DATA_HOME", home.join(".local/share"))
            .env("XDG_CONFIG_HOME", home.join(".config"))
            .env("XDG_CACHE_HOME", home.join(".cache"))
            // Marks every process of this App, so `wait_for_app_exit` finds exactly ours.
            .env("ENCORE_E2E_INSTANCE", home)
            // No accessibility bus under Xvfb: skip the at-spi connection attempt.
            .env("NO_AT_BRIDGE", "1")
            .env_remove("ENCORE_DB")
            // A known OS locale (first start follows it); tests override with
            // `LaunchOptions::env("LANG", "zh_CN.UTF-8")`.
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANGUAGE")
            .env("LANG", "en_US.UTF-8")
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("dup log"))
            .stderr(log);
        if self.options.set_db_env {
            cmd.env("ENCORE_DB", &self.db);
        }
        for (k, v) in &self.options.env {
            cmd.env(k, v);
        }
        let child = cmd
            .spawn()
            .unwrap_or_else(|err| panic!("could not start tauri-driver: {err}"));
        self.driver = Some(child);

        // tauri-driver answers on `port` before WebKitWebDriver listens on `native_port`;
        // a session request in between fails, so wait for both.
        let deadline = Instant::now() + PROCESS_TIMEOUT;
        while !(port_open(port) && port_open(native_port)) {
            if let Some(status) = self
                .driver
                .as_mut()
                .and_then(|c| c.try_wait().ok().flatten())
            {
                self.driver = None;
                panic!(
                    "tauri-driver exited early ({status}); log:\n{}",
                    read_log(&self.log)
                );
            }
            if Instant::now() >= deadline {
                panic!(
                    "tauri-driver did not open ports {port} and {native_port} within {PROCESS_TIMEOUT:?}; log:\n{}",
                    read_log(&self.log)
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }

        let mut caps = Capabilities::new();
        caps.set("browserName", "wry").expect("caps");
        caps.set(
            "tauri:options",
            serde_json::json!({
                "application": self.binary,
                "args": self.options.args,
            }),
        )
        .expect("caps");
        let session = WebDriver::new(format!("http://127.0.0.1:{port}"), caps)
            .await
            .unwrap_or_else(|err| {
                panic!(
                    "could not start a WebDriver session with {}: {err}\nlog:\n{}",
                    self.binary.display(),
                    read_log(&self.log)
                )
            });
        self.session = Some(session);
    }

    async fn stop(&mut self) {
        if let Some(session) = self.session.take() {
            if let Err(err) = session.quit().await {
                eprintln!("encore-e2e: ending the WebDriver session failed: {err}");
            }
        }
        self.stop_driver();
        self.wait_for_app_exit();
    }

    /// SIGTERM tauri-driver (it then stops WebKitWebDriver) and wait for it to exit.
    fn stop_driver(&mut self) {
        let Some(mut child) = self.driver.take() else {
            return;
        };
        if child.try_wait().ok().flatten().is_none() {
            sigterm(child.id());
        }
        let deadline = Instant::now() + PROCESS_TIMEOUT;
        loop {
            match child.try_wait() {
                Ok(Some(_)) => return,
                Ok(None) if Instant::now() < deadline => std::thread::sleep(POLL),
                Ok(None) => {
                    eprintln!(
                        "encore-e2e: tauri-driver (pid {}) did not exit within {PROCESS_TIMEOUT:?} of SIGTERM",
                        child.id()
                    );
                    return;
                }
                Err(err) => {
                    eprintln!("encore-e2e: waiting for tauri-driver failed: {err}");
                    return;
                }
            }
        }
    }

    /// Wait until no process of ours runs the app binary (so a restart never meets the
    /// previous instance's database lock). An instance still alive after the timeout gets
    /// SIGTERM.
    fn wait_for_app_exit(&self) {
        let deadline = Instant::now() + PROCESS_TIMEOUT;
        let mut termed = false;
        loop {
            let pids = app_pids(&self.binary, self.home.path());
            if pids.is_empty() {
                return;
            }
            if Instant::now() >= deadline {
                if termed {
                    eprintln!("encore-e2e: app processes {pids:?} are still running");
                    return;
                }
                eprintln!(
                    "encore-e2e: app processes {pids:?} outlived the session; sending SIGTERM"
                );
                for pid in pids {
                    sigterm(pid);
                }
                termed = true;
                continue;
            }
            std::thread::sleep(POLL);
        }
    }
}

impl Drop for App {
    fn drop(&mut self) {
        // thirtyfour ends a dropped session synchronously on its own thread.
        drop(self.session.take());
        self.stop_driver();
        self.wait_for_app_exit();
        if std::thread::panicking() {
            eprintln!(
                "---- tauri-driver / app log ({}) ----\n{}\n---- end of log ----",
                self.log.display(),
                read_log(&self.log)
            );
        }
    }
}

/// The CSS selector for `data-testid="<id>"`.
pub fn testid(id: &str) -> String {
    format!("[data-testid=\"{id}\"]")
}

/// `tests/e2e/artifacts` (gitignored): screenshots of failures and of `App::screenshot`.
pub fn artifacts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts")
}

/// The app under test: `ENCORE_APP_BINARY`, which must be set. The suite fails (never skips)
/// without it.
pub fn app_binary() -> PathBuf {
    let Some(raw) = std::env::var_os("ENCORE_APP_BINARY") else {
        panic!(
            "ENCORE_APP_BINARY is not set. The end-to-end tests need the absolute path of a \
             built app, e.g. `ENCORE_APP_BINARY=$PWD/target/debug/encore xvfb-run -a cargo test \
             -p encore-e2e -- --test-threads=1`, or just run `scripts/test`."
        );
    };
    let path = PathBuf::from(raw);
    assert!(
        path.is_absolute(),
        "ENCORE_APP_BINARY must be an absolute path, got {}",
        path.display()
    );
    assert!(
        path.is_file(),
        "ENCORE_APP_BINARY={} does not exist (build it with `cargo build -p encore`)",
        path.display()
    );
    path
}

fn tauri_driver() -> PathBuf {
    if let Some(p) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(p);
    }
    let mut dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo/bin"));
    }
    dirs.into_iter()
        .map(|d| d.join("tauri-driver"))
        .find(|p| p.is_file())
        .unwrap_or_else(|| {
            panic!(
                "tauri-driver not found on PATH or in ~/.cargo/bin; install it with \
                 `cargo install tauri-driver --locked` (scripts/setup does)"
            )
        })
}

fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("find a free local port")
}

fn port_open(port: u16) -> bool {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok()
}

fn sigterm(pid: u32) {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return;
    };
    // SAFETY: kill(2) with a pid of a process this harness started; no memory is touched.
    unsafe {
        libc::kill(pid, libc::SIGTERM);
    }
}

/// Pids of processes running `binary` whose environment carries this App's marker.
fn app_pids(binary: &Path, home: &Path) -> Vec<u32> {
    let mut marker = b"ENCORE_E2E_INSTANCE=".to_vec();
    marker.extend_from_slice(home.as_os_str().as_encoded_bytes());
    let canonical = binary
        .canonicalize()
        .unwrap_or_else(|_| binary.to_path_buf());
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<u32>().ok())
        .filter(|pid| {
            let exe = std::fs::read_link(format!("/proc/{pid}/exe")).ok();
            let same_exe = exe.is_some_and(|e| {
                e == canonical
                    // A rebuilt binary shows as "<path> (deleted)".
                    || e.as_os_str().as_encoded_bytes().starts_with(canonical.as_os_str().as_encoded_bytes())
            });
            same_exe
                && std::fs::read(format!("/proc/{pid}/environ"))
                    .is_ok_and(|env| env.split(|b| *b == 0).any(|kv| kv == marker.as_slice()))
        })
        .collect()
}

fn read_log(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|err| format!("<no log: {err}>"))
}
