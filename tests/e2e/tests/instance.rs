//! A second Encore on the same file: on a desktop session it hands over to the running window
//! (the single-instance plugin, over D-Bus); where it cannot see the first one (no session bus,
//! as for a second user or another PC on a share) the exclusive lock gives a clear message,
//! never "database is locked". Another file always opens in its own window.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use encore_e2e::{app_binary, App, LaunchOptions};

/// A session bus address that cannot be reached: the plugin cannot look for a first instance.
const NO_BUS: &str = "unix:path=/nonexistent/encore-e2e-bus";

#[tokio::test(flavor = "multi_thread")]
async fn a_second_instance_says_the_file_is_already_open() {
    let home = tempfile::tempdir().unwrap();
    let db = home.path().join("school.db");
    // The first instance, started by hand on the display the suite runs under.
    let mut first = Command::new(app_binary())
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("ENCORE_DB", &db)
        .env("DBUS_SESSION_BUS_ADDRESS", NO_BUS)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the first instance");
    let deadline = Instant::now() + Duration::from_secs(20);
    while !db.exists() {
        assert!(
            Instant::now() < deadline,
            "the first instance never created its file"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(Duration::from_millis(500)).await;

    let second = App::launch_with(
        LaunchOptions::new()
            .env("DBUS_SESSION_BUS_ADDRESS", NO_BUS)
            .arg("--db")
            .arg(db.display().to_string()),
    )
    .await;
    second.wait_testid("open-failure").await;
    second
        .wait_text_contains(
            "open-failure-message",
            "Encore is already open on this file",
        )
        .await;
    second.screenshot("already-open").await;
    second.quit().await;

    // SIGTERM lets the first instance close its window cleanly.
    unsafe { libc::kill(first.id() as i32, libc::SIGTERM) };
    first.wait().unwrap();
}

/// A private session bus, as a desktop session has; stopped on drop.
struct SessionBus {
    daemon: std::process::Child,
    address: String,
}

impl SessionBus {
    fn start() -> SessionBus {
        use std::io::BufRead;
        let mut daemon = Command::new("dbus-daemon")
            .args(["--session", "--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon (package dbus) runs the session bus");
        let mut address = String::new();
        std::io::BufReader::new(daemon.stdout.take().unwrap())
            .read_line(&mut address)
            .unwrap();
        SessionBus {
            daemon,
            address: address.trim().to_string(),
        }
    }
}

impl Drop for SessionBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}

fn start(home: &std::path::Path, bus: &SessionBus, db: &std::path::Path) -> std::process::Child {
    Command::new(app_binary())
        .env("HOME", home)
        .env("XDG_DATA_HOME", home.join("data"))
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("DBUS_SESSION_BUS_ADDRESS", &bus.address)
        .args(["--db".as_ref(), db.as_os_str()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start Encore")
}

async fn wait_for_file(path: &std::path::Path) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !path.exists() {
        assert!(
            Instant::now() < deadline,
            "{} never appeared",
            path.display()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // The file appears as the database opens; the bus name is claimed just before.
    tokio::time::sleep(Duration::from_millis(500)).await;
}

fn stop(mut child: std::process::Child) {
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    child.wait().unwrap();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_start_on_the_same_file_hands_over_to_the_running_window() {
    let home = tempfile::tempdir().unwrap();
    let bus = SessionBus::start();
    let db = home.path().join("school.db");
    let mut first = start(home.path(), &bus, &db);
    wait_for_file(&db).await;

    // Same file, spelt differently: the second start hands over and exits at once.
    let mut second = start(home.path(), &bus, &home.path().join(".").join("school.db"));
    let deadline = Instant::now() + Duration::from_secs(20);
    let status = loop {
        if let Some(status) = second.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the second start kept running");
        tokio::time::sleep(Duration::from_millis(100)).await;
    };
    assert!(status.success(), "handed over: {status}");
    assert!(
        first.try_wait().unwrap().is_none(),
        "the first window stays"
    );

    // Another file on the same bus is not swallowed: it opens in its own window.
    let other_db = home.path().join("other.db");
    let mut other = start(home.path(), &bus, &other_db);
    wait_for_file(&other_db).await;
    tokio::time::sleep(Duration::from_secs(1)).await;
    assert!(other.try_wait().unwrap().is_none(), "another file opens");

    stop(other);
    stop(first);
}
