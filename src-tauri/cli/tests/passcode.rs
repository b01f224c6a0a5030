//! A forgotten passcode never locks a school out of its records: with Encore closed,
//! `encore-cli remove-passcode` turns the lock off and touches nothing else.

use std::process::Command;

use chrono::Utc;
use encore_core::{lock, Db};

#[test]
fn remove_passcode_turns_the_lock_off() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("school.db");
    {
        let db = Db::open(&path, Utc::now()).unwrap();
        db.with_tx(|tx| lock::set_passcode(tx, None, "2580", 5))
            .unwrap();
    }
    let out = Command::new(env!("CARGO_BIN_EXE_encore-cli"))
        .args(["remove-passcode", "--db"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("passcode lock"));
    let db = Db::open(&path, Utc::now()).unwrap();
    let settings = db.with_conn(lock::settings).unwrap();
    assert!(!settings.enabled);
    assert_eq!(settings.idle_minutes, 5, "only the passcode goes");
}
