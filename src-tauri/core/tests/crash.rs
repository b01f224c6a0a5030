//! Power cuts and crashes: a child process writing in a loop is killed with SIGKILL at random
//! moments, 60 times over. After each kill the file passes `integrity_check` and holds every
//! write the child reported as committed (it prints a line only after the commit returned).
//!
//! The child is this same test binary, started again with `ENCORE_CRASH_CHILD` set, running
//! only `crash_child`; without the variable that test does nothing.

#![cfg(unix)]

mod common;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use common::*;
use encore_core::family::{self, NewFamily, NewFamilyGuardian};
use encore_core::guardian::Relationship;
use encore_core::note::{self, NoteInput};
use encore_core::Db;
use rusqlite::{Connection, OpenFlags};

const ROUNDS: usize = 60;
const CHILD: &str = "ENCORE_CRASH_CHILD";

/// In the child: opens the file and writes households and notes until killed, printing
/// `committed <name>` after each commit.
#[test]
fn crash_child() {
    let Some(path) = std::env::var_os(CHILD) else {
        return;
    };
    let round: usize = std::env::var("ENCORE_CRASH_ROUND")
        .unwrap()
        .parse()
        .unwrap();
    let db = Db::open(Path::new(&path), now()).expect("the file opens after the last crash");
    let author = db
        .with_conn(|c| {
            Ok(c.query_row("SELECT min(id) FROM staff", [], |r| {
                r.get::<_, Option<i64>>(0)
            })?)
        })
        .unwrap()
        .unwrap_or_else(|| add_teacher(&db, "王老师"));
    for i in 0.. {
        let name = format!("家{round}-{i}");
        let family_id = db
            .with_tx(|tx| {
                let family_id = family::create(tx, &household(&name), now())?;
                // A big note makes the transaction span several pages.
                let body = format!("{name} ").repeat(300);
                note::add(tx, &note_input(family_id, author, &body), now())?;
                Ok(family_id)
            })
            .unwrap();
        println!("committed {name} {family_id}");
    }
}

fn household(name: &str) -> NewFamily {
    NewFamily {
        name: name.into(),
        guardians: vec![NewFamilyGuardian {
            info: guardian(&format!("{name}妈妈"), "138 0013 8000"),
            relationship: Relationship::Mother,
        }],
        students: vec![child(&format!("{name}宝宝"))],
    }
}

fn note_input(family_id: i64, author_id: i64, body: &str) -> NoteInput {
    NoteInput {
        family_id,
        student_id: None,
        guardian_id: None,
        author_id,
        channel: encore_core::guardian::ContactChannel::Wechat,
        kind: encore_core::note::NoteKind::ProgressUpdate,
        body: body.into(),
        occurred_at: "2026-11-22T09:00:00".parse().unwrap(),
    }
}

#[test]
fn every_reported_write_survives_sigkill_and_the_file_stays_whole() {
    if std::env::var_os(CHILD).is_some() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("school.db");
    let seed = fastrand::u64(..);
    eprintln!("crash test seed {seed}");
    let mut rng = fastrand::Rng::with_seed(seed);
    let mut committed: Vec<String> = Vec::new();
    for round in 0..ROUNDS {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "crash_child", "--nocapture", "--test-threads=1"])
            .env(CHILD, &path)
            .env("ENCORE_CRASH_ROUND", round.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(rest) = line.strip_prefix("committed ") {
                    let _ = tx.send(rest.split(' ').next().unwrap().to_string());
                }
            }
        });
        // Let it write for a while (at least one commit), then pull the plug.
        let first = rx.recv_timeout(Duration::from_secs(60));
        assert!(first.is_ok(), "round {round}: the child never committed");
        std::thread::sleep(Duration::from_millis(rng.u64(0..120)));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        reader.join().unwrap();
        committed.extend(first);
        committed.extend(rx.try_iter());

        let conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_WRITE).unwrap();
        let verdict: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(verdict, "ok", "round {round} (seed {seed})");
        let mut stmt = conn
            .prepare("SELECT 1 FROM family WHERE name = ?1")
            .unwrap();
        for name in &committed {
            assert!(
                stmt.exists([name]).unwrap(),
                "round {round} (seed {seed}): {name} was reported committed but is missing"
            );
        }
        let notes: i64 = conn
            .query_row("SELECT count(*) FROM note", [], |r| r.get(0))
            .unwrap();
        assert!(notes as usize >= committed.len());
    }
    assert!(committed.len() >= ROUNDS);
}
