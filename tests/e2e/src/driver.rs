//! Process control: start tauri-driver (and through it the app) on free local ports with the
//! test's home and environment, open the WebDriver session, and stop everything again
//! without leaving an app instance behind.

use std::fs::File;
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use thirtyfour::prelude::*;
use thirtyfour::Capabilities;

use crate::{App, POLL};

/// How long tauri-driver gets to open its ports, and the app to stop.
/// An app normally exits within a fraction of a second of its session ending; after this
/// it is asked to with SIGTERM.
const APP_EXIT_GRACE: Duration = Duration::from_secs(5);
const PROCESS_TIMEOUT: Duration = Duration::from_secs(20);

impl App {
    pub(crate) async fn start(&mut self) {
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

    pub(crate) async fn stop(&mut self) {
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
        let mut deadline = Instant::now() + APP_EXIT_GRACE;
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
                // Give it the same grace to close its window and database.
                deadline = Instant::now() + APP_EXIT_GRACE;
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
pub(crate) fn app_pids(binary: &Path, home: &Path) -> Vec<u32> {
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
