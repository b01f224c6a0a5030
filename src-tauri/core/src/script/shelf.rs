//! Where editable templates live: the texts Encore ships (one per motivation type × goal ×
//! language) and the school's copies in a table, seeded at every start, saved when edited,
//! restored on request. Scripts and messages each keep one shelf.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::render::{self, TemplateProblem};
use crate::error::Result;
use crate::settings::Locale;
use crate::tagging::MotivationType;

/// (goal, motivation, locale, text) of one shipped template.
pub(crate) type Shipped = (&'static str, &'static str, &'static str, &'static str);

/// The shipped texts of `dir` under `assets/`, for each `goal / type` in both languages.
macro_rules! shipped_templates {
    ($dir:literal: $($goal:literal / $type:literal),+ $(,)?) => {
        &[$(
            ($goal, $type, "en", include_str!(concat!("../../../../assets/", $dir, "/", $goal, "/", $type, ".en.j2"))),
            ($goal, $type, "zh-CN", include_str!(concat!("../../../../assets/", $dir, "/", $goal, "/", $type, ".zh-CN.j2"))),
        )+]
    };
}
pub(crate) use shipped_templates;

/// The typed face of a shelf for one goal enum: the template the UI sees (`$template`) and
/// `shipped`, `get`, `save` and `restore` over the table `$table` holding `$shipped`.
macro_rules! shelf_api {
    ($template:ident for $goal:ident in $table:literal, $shipped:ident) => {
        impl $crate::script::shelf::Shelf for $goal {
            const TABLE: &'static str = $table;
            const SHIPPED: &'static [$crate::script::shelf::Shipped] = $shipped;
            fn code(self) -> &'static str {
                self.as_str()
            }
        }

        #[derive(Debug, Clone, serde::Serialize, specta::Type)]
        #[serde(rename_all = "camelCase")]
        pub struct $template {
            pub motivation: MotivationType,
            pub goal: $goal,
            pub locale: Locale,
            pub body: String,
            /// False while it is the text Encore ships.
            pub edited: bool,
        }

        pub fn shipped(m: MotivationType, g: $goal, l: Locale) -> &'static str {
            $crate::script::shelf::shipped(m, g, l)
        }

        pub(crate) fn seed(conn: &rusqlite::Connection) -> rusqlite::Result<()> {
            $crate::script::shelf::seed::<$goal>(conn)
        }

        pub fn get(
            conn: &rusqlite::Connection,
            m: MotivationType,
            g: $goal,
            l: Locale,
        ) -> $crate::error::Result<$template> {
            let (body, edited) = $crate::script::shelf::get(conn, m, g, l)?;
            Ok($template {
                motivation: m,
                goal: g,
                locale: l,
                body,
                edited,
            })
        }

        /// Stores the school's text. A text that does not even parse is refused with its
        /// problem.
        pub fn save(
            tx: &rusqlite::Transaction,
            m: MotivationType,
            g: $goal,
            l: Locale,
            body: &str,
            now: chrono::DateTime<chrono::Utc>,
        ) -> $crate::error::Result<Option<$crate::script::TemplateProblem>> {
            $crate::script::shelf::save(tx, m, g, l, body, now)
        }

        /// Puts the shipped text back.
        pub fn restore(
            tx: &rusqlite::Transaction,
            m: MotivationType,
            g: $goal,
            l: Locale,
        ) -> $crate::error::Result<$template> {
            $crate::script::shelf::restore(tx, m, g, l)?;
            get(tx, m, g, l)
        }
    };
}
pub(crate) use shelf_api;

/// A goal enum whose templates sit on a shelf.
pub(crate) trait Shelf: Copy {
    /// The table of the school's copies, keyed by (motivation, goal, locale).
    const TABLE: &'static str;
    const SHIPPED: &'static [Shipped];
    fn code(self) -> &'static str;
}

pub(crate) fn shipped<G: Shelf>(m: MotivationType, g: G, l: Locale) -> &'static str {
    G::SHIPPED
        .iter()
        .find(|(goal, ty, loc, _)| *goal == g.code() && *ty == m.as_str() && *loc == l.as_str())
        .map(|t| t.3)
        .unwrap_or_default()
}

/// Copies in the shipped texts the file lacks; the school's edits are left alone.
pub(crate) fn seed<G: Shelf>(conn: &Connection) -> rusqlite::Result<()> {
    let mut stmt = conn.prepare(&format!(
        "INSERT OR IGNORE INTO {} (motivation, goal, locale, body) VALUES (?1, ?2, ?3, ?4)",
        G::TABLE
    ))?;
    for (goal, ty, locale, body) in G::SHIPPED {
        stmt.execute(params![ty, goal, locale, body])?;
    }
    Ok(())
}

/// The text in use and whether the school edited it.
pub(crate) fn get<G: Shelf>(
    conn: &Connection,
    m: MotivationType,
    g: G,
    l: Locale,
) -> Result<(String, bool)> {
    let row: Option<(String, Option<String>)> = conn
        .query_row(
            &format!(
                "SELECT body, edited_at FROM {} WHERE motivation = ?1 AND goal = ?2 AND locale = ?3",
                G::TABLE
            ),
            params![m, g.code(), l],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(match row {
        Some((body, edited_at)) => (body, edited_at.is_some()),
        None => (shipped(m, g, l).to_string(), false),
    })
}

/// Stores the school's text. A text that does not even parse is refused with its problem.
pub(crate) fn save<G: Shelf>(
    tx: &Transaction,
    m: MotivationType,
    g: G,
    l: Locale,
    body: &str,
    now: DateTime<Utc>,
) -> Result<Option<TemplateProblem>> {
    if let Err(problem) = render::parse(body) {
        return Ok(Some(problem));
    }
    crate::field::required_text("body", body, crate::field::NOTE_MAX)?;
    tx.execute(
        &format!(
            "INSERT INTO {} (motivation, goal, locale, body, edited_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (motivation, goal, locale) DO UPDATE SET body = excluded.body,
                                                                  edited_at = excluded.edited_at",
            G::TABLE
        ),
        params![m, g.code(), l, body, now],
    )?;
    Ok(None)
}

/// Puts the shipped text back.
pub(crate) fn restore<G: Shelf>(
    tx: &Transaction,
    m: MotivationType,
    g: G,
    l: Locale,
) -> Result<()> {
    tx.execute(
        &format!(
            "INSERT INTO {} (motivation, goal, locale, body, edited_at) VALUES (?1, ?2, ?3, ?4, NULL)
             ON CONFLICT (motivation, goal, locale) DO UPDATE SET body = excluded.body,
                                                                  edited_at = NULL",
            G::TABLE
        ),
        params![m, g.code(), l, shipped(m, g, l)],
    )?;
    Ok(())
}
