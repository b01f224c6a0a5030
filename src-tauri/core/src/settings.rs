//! School-wide preferences kept in the database file.

use rusqlite::{Connection, OptionalExtension, Transaction};

use crate::error::Result;

text_enum!(Locale {
    En = "en",
    ZhCn = "zh-CN",
});

impl Locale {
    /// Chinese for any `zh` system locale, English otherwise.
    pub fn from_system(tag: &str) -> Locale {
        if tag.to_ascii_lowercase().starts_with("zh") {
            Locale::ZhCn
        } else {
            Locale::En
        }
    }
}

const LOCALE: &str = "ui.locale";

/// The language chosen in the app, if anyone has chosen one.
pub fn locale(conn: &Connection) -> Result<Option<Locale>> {
    let value: Option<String> = conn
        .query_row("SELECT value FROM setting WHERE key = ?1", [LOCALE], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(value.as_deref().and_then(Locale::parse))
}

pub fn set_locale(tx: &Transaction, locale: Locale) -> Result<()> {
    tx.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [LOCALE, locale.as_str()],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Db;

    #[test]
    fn any_chinese_system_locale_starts_in_chinese() {
        for tag in ["zh_CN.UTF-8", "zh-CN", "zh-Hans-CN", "zh-TW"] {
            assert_eq!(Locale::from_system(tag), Locale::ZhCn, "{tag}");
        }
        for tag in ["en_US.UTF-8", "de-DE", "C", ""] {
            assert_eq!(Locale::from_system(tag), Locale::En, "{tag}");
        }
    }

    #[test]
    fn the_school_name_is_trimmed_and_blank_removes_it() {
        let db = Db::open_in_memory().unwrap();
        assert_eq!(
            db.with_tx(|tx| set_school_name(tx, "  星光艺术中心 "))
                .unwrap()
                .as_deref(),
            Some("星光艺术中心")
        );
        assert_eq!(
            db.with_conn(school_name).unwrap().as_deref(),
            Some("星光艺术中心")
        );
        db.with_tx(|tx| set_school_name(tx, "  ")).unwrap();
        assert_eq!(db.with_conn(school_name).unwrap(), None);
        assert!(db
            .with_tx(|tx| set_school_name(tx, &"x".repeat(101)))
            .is_err());
    }

    #[test]
    fn the_chosen_language_is_remembered() {
        let db = Db::open_in_memory().unwrap();
        assert_eq!(
            db.with_conn(locale).unwrap(),
            None,
            "nothing chosen on first start"
        );
        db.with_tx(|tx| set_locale(tx, Locale::ZhCn)).unwrap();
        db.with_tx(|tx| set_locale(tx, Locale::En)).unwrap();
        assert_eq!(db.with_conn(locale).unwrap(), Some(Locale::En));
    }
}

const SCHOOL_NAME: &str = "school.name";

/// The school's name, printed at the top of what parents receive.
pub fn school_name(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT value FROM setting WHERE key = ?1",
            [SCHOOL_NAME],
            |r| r.get(0),
        )
        .optional()?)
}

/// Sets the school's name; blank removes it.
pub fn set_school_name(tx: &Transaction, name: &str) -> Result<Option<String>> {
    match crate::field::optional_text("name", Some(name.to_string()), crate::field::NAME_MAX)? {
        Some(name) => {
            tx.execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [SCHOOL_NAME, name.as_str()],
            )?;
            Ok(Some(name))
        }
        None => {
            tx.execute("DELETE FROM setting WHERE key = ?1", [SCHOOL_NAME])?;
            Ok(None)
        }
    }
}

/// What a school's roll call deducts, and when Encore warns about hours and expiry.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct ClassHourPolicy {
    pub deduct_present: bool,
    pub deduct_late: bool,
    pub deduct_excused: bool,
    pub deduct_unexcused: bool,
    pub deduct_make_up: bool,
    /// Warn when a student's remaining hours are at or below this.
    pub low_hours_threshold: f64,
    /// Warn when a package with hours left ends within this many days.
    pub expiring_within_days: u32,
}

impl Default for ClassHourPolicy {
    fn default() -> Self {
        ClassHourPolicy {
            deduct_present: true,
            deduct_late: true,
            deduct_excused: false,
            deduct_unexcused: true,
            deduct_make_up: true,
            low_hours_threshold: 4.0,
            expiring_within_days: 30,
        }
    }
}

impl ClassHourPolicy {
    pub fn deducts(&self, status: crate::attendance::AttendanceStatus) -> bool {
        use crate::attendance::AttendanceStatus as S;
        match status {
            S::Present => self.deduct_present,
            S::Late => self.deduct_late,
            S::Excused => self.deduct_excused,
            S::Unexcused => self.deduct_unexcused,
            S::MakeUp => self.deduct_make_up,
        }
    }
}

const POLICY: &str = "class_hours.policy";

pub fn policy(conn: &Connection) -> Result<ClassHourPolicy> {
    let value: Option<String> = conn
        .query_row("SELECT value FROM setting WHERE key = ?1", [POLICY], |r| {
            r.get(0)
        })
        .optional()?;
    // A setting written by a later version with fields this one lacks falls back to defaults.
    Ok(value
        .and_then(|v| serde_json::from_str(&v).ok())
        .unwrap_or_default())
}

pub fn set_policy(tx: &Transaction, policy: &ClassHourPolicy) -> Result<()> {
    crate::hours::to_halves("lowHoursThreshold", policy.low_hours_threshold, 0.0, 100.0)?;
    if policy.expiring_within_days > 365 {
        return Err(crate::Error::invalid(
            "expiringWithinDays",
            crate::error::ValidationCode::HoursOutOfRange,
        ));
    }
    let json = serde_json::to_string(policy).unwrap_or_default();
    tx.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [POLICY, json.as_str()],
    )?;
    Ok(())
}
