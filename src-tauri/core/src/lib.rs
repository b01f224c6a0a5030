//! encore-core: everything Encore knows and does, with no knowledge of the desktop shell.
//! Functions take a connection or transaction and `now`; the caller owns the clock.

/// An enum stored as a stable text code in SQLite and sent to the UI as the same string.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, specta::Type)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl rusqlite::types::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                Ok(self.as_str().into())
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                let text = value.as_str()?;
                Self::parse(text).ok_or_else(|| {
                    rusqlite::types::FromSqlError::Other(
                        format!("unknown {} {text:?}", stringify!($name)).into(),
                    )
                })
            }
        }
    };
}

pub mod achievement;
mod archive;
pub mod attendance;
pub mod backup;
pub mod bilingual;
pub mod class;
pub mod consent;
pub mod course;
pub mod db;
pub mod demo;
pub mod error;
pub mod export;
pub mod family;
pub mod feedback;
pub mod field;
pub mod guardian;
pub mod hours;
pub mod import;
pub mod insight;
pub mod lead;
pub mod ledger;
pub mod lifecycle;
pub mod lock;
pub mod media;
pub mod message;
pub mod note;
pub mod opportunity;
pub mod package;
mod part_file;
pub mod pdf;
pub mod privacy;
pub mod renewal;
pub mod romanize;
pub mod script;
pub mod search;
pub mod segment;
pub mod settings;
pub mod staff;
pub mod statement;
pub mod student;
pub mod synthetic;
pub mod tag;
pub mod tagging;
pub mod value;

pub use db::Db;
pub use error::{Error, Result};
