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

mod driver;
mod elements;
pub mod steps;

use std::path::{Path, PathBuf};
use std::process::Child;
use std::time::Duration;

pub use thirtyfour;
use thirtyfour::prelude::*;

/// How long the wait helpers poll before failing the test.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(15);
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

    /// The running app's process ids (its WebKit helpers are their children).
    pub fn app_pids(&self) -> Vec<u32> {
        driver::app_pids(&self.binary, self.home.path())
    }

    /// How many times the app has been started (1 after `launch`, 2 after one `restart`, ...).
    pub fn launches(&self) -> u32 {
        self.launches
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
