//! Encore at the XL tier as a user meets it, reported and never asserted (tests/perf/app-at-xl
//! builds the release binaries and the school, then runs this under Xvfb):
//!
//! - start to first painted list: from the app process's start (its /proc start time) to the
//!   `encore:first-list` performance mark the family list sets two frames after it first
//!   rendered, read through WebDriver so polling adds nothing to the figure;
//! - memory: PSS summed over the app and every process under it (WebKit's web and network
//!   processes), after it settled, against an empty Tauri window measured the same way.
//!
//! Usage: `ENCORE_APP_BINARY=… app_perf --db XL.db --blank PATH [--rounds N]`

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use encore_e2e::{App, LaunchOptions};

const SETTLE: Duration = Duration::from_secs(10);

struct Args {
    db: PathBuf,
    blank: PathBuf,
    rounds: usize,
}

fn args() -> Args {
    let mut db = None;
    let mut blank = None;
    let mut rounds = 3;
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--db" => db = it.next().map(PathBuf::from),
            "--blank" => blank = it.next().map(PathBuf::from),
            "--rounds" => rounds = it.next().and_then(|n| n.parse().ok()).unwrap_or(3),
            other => panic!("unknown argument {other}"),
        }
    }
    Args {
        db: db.expect("--db XL.db"),
        blank: blank.expect("--blank PATH"),
        rounds,
    }
}

/// Milliseconds since the epoch at which `pid` started.
fn started_ms(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("process stat");
    // Fields after the parenthesised command name; starttime is field 22 of the whole line.
    let rest = &stat[stat.rfind(')').unwrap() + 2..];
    let ticks: f64 = rest.split(' ').nth(19).unwrap().parse().unwrap();
    let boot: f64 = std::fs::read_to_string("/proc/stat")
        .unwrap()
        .lines()
        .find_map(|l| l.strip_prefix("btime "))
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    // SAFETY: sysconf has no preconditions.
    let hz = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    (boot + ticks / hz) * 1000.0
}

fn parent(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    stat[stat.rfind(')')? + 2..].split(' ').nth(1)?.parse().ok()
}

/// `root` and every process below it.
fn tree(root: u32) -> Vec<u32> {
    let all: Vec<u32> = std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
        .collect();
    all.into_iter()
        .filter(|&pid| {
            let mut p = Some(pid);
            while let Some(q) = p {
                if q == root {
                    return true;
                }
                p = parent(q).filter(|&pp| pp != 0 && pp != q);
            }
            false
        })
        .collect()
}

fn pss_kb(pid: u32) -> Option<u64> {
    std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))
        .ok()?
        .lines()
        .find_map(|l| l.strip_prefix("Pss:"))
        .and_then(|v| v.trim().trim_end_matches(" kB").trim().parse().ok())
}

/// Proportional set size of `root`'s tree in MB; each process's share goes to stderr.
fn pss_mb(root: u32) -> f64 {
    let mut kb = 0;
    for pid in tree(root) {
        let Some(own) = pss_kb(pid) else { continue };
        let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
        eprintln!("  {pid} {}: {:.0} MB", name.trim(), own as f64 / 1024.0);
        kb += own;
    }
    kb as f64 / 1024.0
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

async fn start_to_paint(db: &Path) -> f64 {
    let app = App::launch_with(
        LaunchOptions::new()
            .arg("--db")
            .arg(db.display().to_string()),
    )
    .await;
    app.wait_testid("family-row").await;
    let mark = loop {
        let v = app
            .eval(
                "const m = performance.getEntriesByName('encore:first-list')[0];
                 return m ? performance.timeOrigin + m.startTime : null;",
            )
            .await;
        if let Some(ms) = v.as_f64() {
            break ms;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    let pid = *app.app_pids().iter().min().expect("the app runs");
    let took = mark - started_ms(pid);
    app.quit().await;
    took
}

/// Starts `binary` in a fresh home, lets it settle, and returns its tree's PSS.
fn settled_pss(binary: &Path, db: Option<&Path>) -> f64 {
    let home = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(binary);
    cmd.env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .env("XDG_CACHE_HOME", home.path().join("cache"))
        .env("NO_AT_BRIDGE", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    if let Some(db) = db {
        cmd.env("ENCORE_DB", db);
    }
    let mut child: Child = cmd.spawn().expect("start the binary");
    std::thread::sleep(SETTLE);
    let mb = pss_mb(child.id());
    // SAFETY: plain kill(2) of our own child.
    unsafe { libc::kill(child.id() as i32, libc::SIGTERM) };
    let _ = child.wait();
    mb
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let a = args();
    let app = encore_e2e::app_binary();
    let mut paints = Vec::new();
    for round in 0..a.rounds {
        let ms = start_to_paint(&a.db).await;
        eprintln!("start {}: first list painted after {ms:.0} ms", round + 1);
        paints.push(ms);
    }
    let mut encore = Vec::new();
    let mut blank = Vec::new();
    for _ in 0..a.rounds {
        encore.push(settled_pss(&app, Some(&a.db)));
        blank.push(settled_pss(&a.blank, None));
    }
    let (e, b) = (median(encore.clone()), median(blank.clone()));
    println!("| Measure | Result | Target |");
    println!("|---|---:|---|");
    println!(
        "| start to first painted list: first start of the day; median of {} starts | {:.0} ms; {:.0} ms | < 1000 ms |",
        paints.len(),
        paints[0],
        median(paints.clone())
    );
    println!("| PSS, Encore with the XL school (app + WebKit processes) | {e:.0} MB | |");
    println!("| PSS, an empty Tauri window | {b:.0} MB | |");
    println!(
        "| Encore above the empty window | {:.0} MB | ≤ 60 MB |",
        e - b
    );
    eprintln!("rounds: paint {paints:?} ms; Encore {encore:?} MB; blank {blank:?} MB");
}
