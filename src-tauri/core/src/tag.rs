//! The school's own tags for guardians and students, and the wording guard that keeps them
//! respectful: words that label a person ("picky", "难缠") are flagged with a neutral
//! alternative ("has clear expectations", "要求明确"). The word lists live in
//! `assets/tagging/wording.json`.

use std::sync::OnceLock;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{Entity, Error, Result, ValidationCode as Code};
use crate::tagging::questionnaire::Bilingual;
use crate::{field, romanize};

const WORDING: &str = include_str!("../../../assets/tagging/wording.json");
const TAG_MAX: usize = 30;

#[derive(Deserialize)]
struct WordingFile {
    terms: Vec<Term>,
}

#[derive(Deserialize)]
struct Term {
    words: Words,
    suggest: Bilingual,
}

#[derive(Deserialize)]
struct Words {
    en: Vec<String>,
    #[serde(rename = "zh-CN")]
    zh_cn: Vec<String>,
}

/// A word that labels a person, and what to say instead.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct WordingFlag {
    pub word: String,
    pub suggestion: Bilingual,
}

fn terms() -> &'static [(Vec<String>, Bilingual)] {
    static TERMS: OnceLock<Vec<(Vec<String>, Bilingual)>> = OnceLock::new();
    TERMS.get_or_init(|| {
        // The shipped file is checked by a test.
        let file: WordingFile =
            serde_json::from_str(WORDING).expect("assets/tagging/wording.json is valid");
        file.terms
            .into_iter()
            .map(|t| {
                let words = t
                    .words
                    .en
                    .iter()
                    .chain(&t.words.zh_cn)
                    .map(|w| fold(w))
                    .collect();
                (words, t.suggest)
            })
            .collect()
    })
}

/// Lower case, full-width letters and digits made half-width, spaces collapsed: "ＰＩＣＫＹ"
/// and "Picky" read the same.
pub fn fold(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every flagged word inside `text`, in either language.
pub fn check_wording(text: &str) -> Vec<WordingFlag> {
    let folded = fold(text);
    let mut flags = Vec::new();
    for (words, suggestion) in terms() {
        if let Some(word) = words.iter().find(|w| folded.contains(w.as_str())) {
            flags.push(WordingFlag {
                word: word.clone(),
                suggestion: suggestion.clone(),
            });
        }
    }
    flags
}

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TagInput {
    pub name: String,
    /// Staff saw the wording guard's suggestion and keep their own words.
    pub keep_wording: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Tag {
    pub id: i64,
    pub name: String,
    pub archived_at: Option<DateTime<Utc>>,
}

/// Narrows a list to families or students with a motivation type or a tag (through
/// themselves or their guardians). Empty means everyone.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TagFilter {
    pub motivation: Option<crate::tagging::MotivationType>,
    pub tag_id: Option<i64>,
}

/// SQL true when guardian `g` currently carries motivation `?m` as primary or secondary.
pub(crate) const GUARDIAN_HAS_MOTIVATION: &str = "EXISTS (SELECT 1 FROM guardian_motivation m
      WHERE m.id = (SELECT max(id) FROM guardian_motivation WHERE guardian_id = g.id)
        AND (m.primary_type = ?m OR m.secondary_type = ?m))";

/// Who a tag is put on: exactly one of the two.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TagTarget {
    pub guardian_id: Option<i64>,
    pub student_id: Option<i64>,
}

pub fn add(tx: &Transaction, input: &TagInput, now: DateTime<Utc>) -> Result<Tag> {
    let name = field::name("name", &input.name)?;
    if name.chars().count() > TAG_MAX {
        return Err(Error::invalid("name", Code::TooLong));
    }
    let folded = fold(&name);
    let taken: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM tag WHERE folded = ?1)",
        [&folded],
        |r| r.get(0),
    )?;
    if taken {
        return Err(Error::invalid("name", Code::DuplicateTag));
    }
    if !input.keep_wording && !check_wording(&name).is_empty() {
        return Err(Error::invalid("name", Code::WordingFlagged));
    }
    tx.execute(
        "INSERT INTO tag (name, folded, sort_key, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![name, folded, romanize::sort_key(&name), now],
    )?;
    get(tx, tx.last_insert_rowid())
}

pub fn get(conn: &Connection, id: i64) -> Result<Tag> {
    conn.query_row(
        "SELECT id, name, archived_at FROM tag WHERE id = ?1",
        [id],
        |r| {
            Ok(Tag {
                id: r.get(0)?,
                name: r.get(1)?,
                archived_at: r.get(2)?,
            })
        },
    )
    .optional()?
    .ok_or(Error::not_found(Entity::Tag, id))
}

pub fn list(conn: &Connection) -> Result<Vec<Tag>> {
    let mut stmt = conn.prepare(
        "SELECT id, name, archived_at FROM tag WHERE archived_at IS NULL ORDER BY sort_key",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Tag {
            id: r.get(0)?,
            name: r.get(1)?,
            archived_at: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

fn column(target: TagTarget) -> Result<(&'static str, i64)> {
    match (target.guardian_id, target.student_id) {
        (Some(id), None) => Ok(("guardian_id", id)),
        (None, Some(id)) => Ok(("student_id", id)),
        _ => Err(Error::invalid("target", Code::Required)),
    }
}

fn check_target(conn: &Connection, target: TagTarget) -> Result<(&'static str, i64)> {
    let (column, id) = column(target)?;
    let table = if column == "guardian_id" {
        "guardian"
    } else {
        "student"
    };
    let exists: bool = conn.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM {table} WHERE id = ?1)"),
        [id],
        |r| r.get(0),
    )?;
    if exists {
        Ok((column, id))
    } else {
        Err(Error::invalid("target", Code::Required))
    }
}

/// Puts a tag on a guardian or student (no-op when already there).
pub fn attach(tx: &Transaction, tag_id: i64, target: TagTarget, now: DateTime<Utc>) -> Result<()> {
    get(tx, tag_id)?;
    let (column, id) = check_target(tx, target)?;
    let present: bool = tx.query_row(
        &format!("SELECT EXISTS (SELECT 1 FROM tag_link WHERE tag_id = ?1 AND {column} = ?2 AND removed_at IS NULL)"),
        params![tag_id, id],
        |r| r.get(0),
    )?;
    if !present {
        tx.execute(
            &format!("INSERT INTO tag_link (tag_id, {column}, added_at) VALUES (?1, ?2, ?3)"),
            params![tag_id, id, now],
        )?;
    }
    Ok(())
}

/// Takes a tag off; the link stays in the history with when it was removed.
pub fn detach(tx: &Transaction, tag_id: i64, target: TagTarget, now: DateTime<Utc>) -> Result<()> {
    let (column, id) = check_target(tx, target)?;
    tx.execute(
        &format!("UPDATE tag_link SET removed_at = ?3 WHERE tag_id = ?1 AND {column} = ?2 AND removed_at IS NULL"),
        params![tag_id, id, now],
    )?;
    Ok(())
}

/// The tags a guardian or student carries now.
pub fn tags_of(conn: &Connection, target: TagTarget) -> Result<Vec<Tag>> {
    let (column, id) = column(target)?;
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT t.id, t.name, t.archived_at FROM tag_link l JOIN tag t ON t.id = l.tag_id
          WHERE l.{column} = ?1 AND l.removed_at IS NULL ORDER BY t.sort_key"
    ))?;
    let rows = stmt.query_map([id], |r| {
        Ok(Tag {
            id: r.get(0)?,
            name: r.get(1)?,
            archived_at: r.get(2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_word_list_loads_in_both_languages() {
        assert!(terms().len() >= 5);
        assert!(terms().iter().any(|(w, _)| w.iter().any(|w| w == "难缠")));
    }

    #[test]
    fn flagged_words_are_found_inside_phrases_in_any_case_or_width() {
        for text in [
            "Picky",
            "very PICKY about schedules",
            "ｐｉｃｋｙ",
            "家长有点挑剔",
            "Ｐｉｃｋｙ　parent",
        ] {
            let flags = check_wording(text);
            assert_eq!(flags.len(), 1, "{text}");
            assert_eq!(flags[0].suggestion.en, "has clear expectations", "{text}");
            assert_eq!(flags[0].suggestion.zh_cn, "要求明确");
        }
        let zh = check_wording("这位妈妈比较功利");
        assert_eq!(zh[0].suggestion.zh_cn, "重视荣誉感");
        assert_eq!(check_wording("难缠又抠门").len(), 2);
    }

    #[test]
    fn neutral_wording_passes() {
        for text in [
            "values recognition",
            "重视荣誉感",
            "关注成果",
            "prefers WeChat voice notes",
            "VIP",
        ] {
            assert!(check_wording(text).is_empty(), "{text}");
        }
    }
}
