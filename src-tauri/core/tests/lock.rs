//! The passcode lock: only a salted hash is stored, changing or removing it needs the
//! current passcode, and the running lock closes at start and after idle minutes, refuses
//! every command while closed, and slows down guessing.

mod common;

use chrono::Duration;
use common::*;
use encore_core::error::ValidationCode as Code;
use encore_core::lock::{self, LockSettings, LockState, Locked};

#[test]
fn only_a_salted_argon2_hash_is_stored_and_changes_need_the_current_passcode() {
    let db = db();
    assert_eq!(
        db.with_conn(lock::settings).unwrap(),
        LockSettings {
            enabled: false,
            idle_minutes: 10
        },
        "off by default"
    );
    assert_eq!(
        validation(db.with_tx(|tx| lock::set_passcode(tx, None, "123", 5))),
        ("passcode".into(), Code::PasscodeTooShort)
    );
    assert_eq!(
        validation(db.with_tx(|tx| lock::set_passcode(tx, None, "2580", 0))),
        ("idleMinutes".into(), Code::IdleOutOfRange)
    );
    let on = db
        .with_tx(|tx| lock::set_passcode(tx, None, "2580", 5))
        .unwrap();
    assert_eq!(
        on,
        LockSettings {
            enabled: true,
            idle_minutes: 5
        }
    );
    let stored: String = db
        .with_conn(|c| {
            Ok(c.query_row(
                "SELECT value FROM setting WHERE key = 'lock.passcode'",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert!(stored.starts_with("$argon2id$"), "{stored}");
    assert!(!stored.contains("2580"));
    let again: String = {
        let db2 = encore_core::Db::open_in_memory().unwrap();
        db2.with_tx(|tx| lock::set_passcode(tx, None, "2580", 5))
            .unwrap();
        db2.with_conn(|c| {
            Ok(c.query_row(
                "SELECT value FROM setting WHERE key = 'lock.passcode'",
                [],
                |r| r.get(0),
            )?)
        })
        .unwrap()
    };
    assert_ne!(stored, again, "each hash has its own salt");

    assert!(db.with_conn(|c| lock::verify(c, "2580")).unwrap());
    assert!(!db.with_conn(|c| lock::verify(c, "2581")).unwrap());
    assert_eq!(
        validation(db.with_tx(|tx| lock::set_passcode(tx, Some("0000"), "1111", 5))),
        ("current".into(), Code::WrongPasscode)
    );
    assert_eq!(
        validation(db.with_tx(|tx| lock::turn_off(tx, "0000"))),
        ("current".into(), Code::WrongPasscode)
    );
    db.with_tx(|tx| lock::set_passcode(tx, Some("2580"), "星光2026", 15))
        .unwrap();
    assert!(db.with_conn(|c| lock::verify(c, "星光2026")).unwrap());
    assert_eq!(
        db.with_tx(|tx| lock::set_idle_minutes(tx, 30))
            .unwrap()
            .idle_minutes,
        30
    );
    assert!(
        !db.with_tx(|tx| lock::turn_off(tx, "星光2026"))
            .unwrap()
            .enabled
    );
    db.with_tx(|tx| lock::set_passcode(tx, None, "2580", 5))
        .unwrap();
    assert!(
        !db.with_tx(lock::remove).unwrap().enabled,
        "encore-cli can remove a forgotten passcode"
    );
}

#[test]
fn the_running_lock_closes_at_start_and_when_idle_and_refuses_commands_while_closed() {
    let t0 = now();
    let on = LockSettings {
        enabled: true,
        idle_minutes: 5,
    };
    let mut lock = LockState::new(on, t0);
    assert!(
        lock.status(t0).locked,
        "a passcode set means the window starts locked"
    );
    assert_eq!(lock.admit(t0), Err(Locked));
    assert!(lock.unlock(|| Ok(false), t0).unwrap().locked);
    assert!(!lock.unlock(|| Ok(true), t0).unwrap().locked);
    let t1 = t0 + Duration::minutes(4);
    assert_eq!(lock.admit(t1), Ok(()), "a command counts as activity");
    let t2 = t1 + Duration::minutes(4);
    assert_eq!(
        lock.admit(t2),
        Ok(()),
        "four minutes after the last command is not idle yet"
    );
    let t3 = t2 + Duration::minutes(5);
    assert!(!lock.status(t2).locked);
    assert!(lock.status(t3).locked, "five idle minutes lock it");
    assert_eq!(lock.admit(t3), Err(Locked));

    let mut off = LockState::new(
        LockSettings {
            enabled: false,
            idle_minutes: 5,
        },
        t0,
    );
    assert_eq!(
        off.admit(t0 + Duration::hours(3)),
        Ok(()),
        "no passcode, no lock"
    );
    off.lock();
    assert!(!off.status(t0).locked);
    lock.apply(
        LockSettings {
            enabled: false,
            idle_minutes: 5,
        },
        t3,
    );
    assert_eq!(lock.admit(t3), Ok(()), "turning the lock off opens it");
}

#[test]
fn after_five_wrong_passcodes_each_try_waits_and_is_not_even_checked_meanwhile() {
    let t0 = now();
    let mut lock = LockState::new(
        LockSettings {
            enabled: true,
            idle_minutes: 5,
        },
        t0,
    );
    for _ in 0..4 {
        assert_eq!(
            lock.unlock(|| Ok(false), t0).unwrap().retry_after_seconds,
            None
        );
    }
    let status = lock.unlock(|| Ok(false), t0).unwrap();
    assert_eq!(status.retry_after_seconds, Some(30));
    let mut checked = false;
    let status = lock
        .unlock(
            || {
                checked = true;
                Ok(true)
            },
            t0 + Duration::seconds(10),
        )
        .unwrap();
    assert!(!checked && status.locked, "the right passcode waits too");
    assert_eq!(status.retry_after_seconds, Some(20));
    let status = lock
        .unlock(|| Ok(false), t0 + Duration::seconds(31))
        .unwrap();
    assert_eq!(
        status.retry_after_seconds,
        Some(60),
        "each further miss doubles the wait"
    );
    let status = lock
        .unlock(|| Ok(true), t0 + Duration::seconds(92))
        .unwrap();
    assert!(!status.locked && status.retry_after_seconds.is_none());
}
