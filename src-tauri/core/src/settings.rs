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
