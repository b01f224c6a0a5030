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
