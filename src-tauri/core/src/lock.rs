//! The optional passcode lock: after some idle minutes (and at every start) the window hides
//! everything until the passcode is typed. Only a salted Argon2id hash of the passcode is
//! kept, in the school's file.
//!
//! This keeps a passer-by at the front desk out of the records; it does not encrypt the
//! file. [`LockState`] is the running app's side: the desktop shell asks it before every
//! command, so a locked window cannot read anything even if its overlay were removed.

use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use argon2::Argon2;
use chrono::{DateTime, Duration, Utc};
use rusqlite::{Connection, OptionalExtension, Transaction};
use serde::Serialize;
use specta::Type;

use crate::error::{Error, Result, ValidationCode as Code};

const PASSCODE: &str = "lock.passcode";
const IDLE_MINUTES: &str = "lock.idle_minutes";
pub const DEFAULT_IDLE_MINUTES: u32 = 10;
pub const IDLE_MINUTES_MAX: u32 = 240;
/// In characters; a four-digit PIN is the shortest.
pub const PASSCODE_MIN: usize = 4;
pub const PASSCODE_MAX: usize = 64;
/// Wrong passcodes allowed before each further try has to wait.
const FREE_TRIES: u32 = 5;
const FIRST_WAIT_SECONDS: i64 = 30;
const LONGEST_WAIT_SECONDS: i64 = 15 * 60;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LockSettings {
    /// A passcode is set.
    pub enabled: bool,
    pub idle_minutes: u32,
}

fn setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM setting WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?)
}

fn put(tx: &Transaction, key: &str, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [key, value],
    )?;
    Ok(())
}

pub fn settings(conn: &Connection) -> Result<LockSettings> {
    let idle = setting(conn, IDLE_MINUTES)?
        .and_then(|v| v.parse().ok())
        .filter(|m| (1..=IDLE_MINUTES_MAX).contains(m))
        .unwrap_or(DEFAULT_IDLE_MINUTES);
    Ok(LockSettings {
        enabled: setting(conn, PASSCODE)?.is_some(),
        idle_minutes: idle,
    })
}

/// Whether `passcode` is the one set; false when none is set.
pub fn verify(conn: &Connection, passcode: &str) -> Result<bool> {
    let Some(stored) = setting(conn, PASSCODE)? else {
        return Ok(false);
    };
    let Ok(hash) = PasswordHash::new(&stored) else {
        return Ok(false);
    };
    Ok(Argon2::default()
        .verify_password(passcode.as_bytes(), &hash)
        .is_ok())
}

/// When a passcode is set, changing or removing it needs the current one.
fn check_current(conn: &Connection, current: Option<&str>) -> Result<()> {
    if settings(conn)?.enabled && !verify(conn, current.unwrap_or_default())? {
        return Err(Error::invalid("current", Code::WrongPasscode));
    }
    Ok(())
}

fn check_idle(minutes: u32) -> Result<()> {
    if (1..=IDLE_MINUTES_MAX).contains(&minutes) {
        Ok(())
    } else {
        Err(Error::invalid("idleMinutes", Code::IdleOutOfRange))
    }
}

/// Sets (or changes) the passcode and the idle minutes.
pub fn set_passcode(
    tx: &Transaction,
    current: Option<&str>,
    passcode: &str,
    idle_minutes: u32,
) -> Result<LockSettings> {
    check_current(tx, current)?;
    let length = passcode.chars().count();
    if length < PASSCODE_MIN {
        return Err(Error::invalid("passcode", Code::PasscodeTooShort));
    }
    if length > PASSCODE_MAX {
        return Err(Error::invalid("passcode", Code::TooLong));
    }
    check_idle(idle_minutes)?;
    // A random salt from the operating system; the PHC string records it and the parameters.
    let hash: PasswordHash = Argon2::default()
        .hash_password(passcode.as_bytes())
        .map_err(|e| Error::Passcode(e.to_string()))?;
    put(tx, PASSCODE, &hash.to_string())?;
    put(tx, IDLE_MINUTES, &idle_minutes.to_string())?;
    settings(tx)
}

pub fn set_idle_minutes(tx: &Transaction, idle_minutes: u32) -> Result<LockSettings> {
    check_idle(idle_minutes)?;
    put(tx, IDLE_MINUTES, &idle_minutes.to_string())?;
    settings(tx)
}

/// Turns the lock off; needs the current passcode.
pub fn turn_off(tx: &Transaction, current: &str) -> Result<LockSettings> {
    check_current(tx, Some(current))?;
    remove(tx)
}

/// Removes the passcode without asking for it: for `encore-cli`, run by someone who can
/// already read the file (a forgotten passcode must not lock a school out of its records).
pub fn remove(tx: &Transaction) -> Result<LockSettings> {
    tx.execute("DELETE FROM setting WHERE key = ?1", [PASSCODE])?;
    settings(tx)
}

/// What the window needs to know about the lock.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LockStatus {
    pub enabled: bool,
    pub locked: bool,
    pub idle_minutes: u32,
    /// After too many wrong passcodes: how long until the next try is heard.
    pub retry_after_seconds: Option<u32>,
}

/// The running app's lock: locked at start when a passcode is set, and after `idle_minutes`
/// without a command.
#[derive(Debug, Clone)]
pub struct LockState {
    settings: LockSettings,
    locked: bool,
    last_activity: DateTime<Utc>,
    failures: u32,
    retry_at: Option<DateTime<Utc>>,
}

/// A command refused because the window is locked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("Encore is locked")]
pub struct Locked;

impl LockState {
    pub fn new(settings: LockSettings, now: DateTime<Utc>) -> LockState {
        LockState {
            settings,
            locked: settings.enabled,
            last_activity: now,
            failures: 0,
            retry_at: None,
        }
    }

    /// New settings take effect at once; turning the lock off unlocks.
    pub fn apply(&mut self, settings: LockSettings, now: DateTime<Utc>) {
        self.settings = settings;
        self.locked &= settings.enabled;
        self.last_activity = now;
    }

    fn expire(&mut self, now: DateTime<Utc>) {
        let idle = Duration::minutes(i64::from(self.settings.idle_minutes));
        if self.settings.enabled && now - self.last_activity >= idle {
            self.locked = true;
        }
    }

    /// The state now, without counting as activity.
    pub fn status(&mut self, now: DateTime<Utc>) -> LockStatus {
        self.expire(now);
        LockStatus {
            enabled: self.settings.enabled,
            locked: self.locked,
            idle_minutes: self.settings.idle_minutes,
            retry_after_seconds: self
                .retry_at
                .filter(|at| *at > now)
                .map(|at| (at - now).num_seconds().max(1) as u32),
        }
    }

    /// Lets a command through (and counts it as activity), or refuses it while locked.
    pub fn admit(&mut self, now: DateTime<Utc>) -> std::result::Result<(), Locked> {
        self.expire(now);
        if self.locked {
            return Err(Locked);
        }
        self.last_activity = now;
        Ok(())
    }

    /// "Lock now", e.g. before leaving the desk.
    pub fn lock(&mut self) {
        self.locked = self.settings.enabled;
    }

    /// Tries a passcode; `check` is only called when a try is allowed now.
    pub fn unlock(
        &mut self,
        check: impl FnOnce() -> Result<bool>,
        now: DateTime<Utc>,
    ) -> Result<LockStatus> {
        if self.retry_at.is_none_or(|at| at <= now) {
            if check()? {
                self.locked = false;
                self.failures = 0;
                self.retry_at = None;
                self.last_activity = now;
            } else {
                self.failures += 1;
                if self.failures >= FREE_TRIES {
                    let doublings = (self.failures - FREE_TRIES).min(5);
                    let wait = (FIRST_WAIT_SECONDS << doublings).min(LONGEST_WAIT_SECONDS);
                    self.retry_at = Some(now + Duration::seconds(wait));
                }
            }
        }
        Ok(self.status(now))
    }
}
