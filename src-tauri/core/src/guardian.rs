//! Guardians: the adults a school talks to. They belong to a family and are linked to its
//! students with a relationship (mother, grandfather…); siblings share them.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::{ConflictCode, Entity, Error, Result};
use crate::{family, field, romanize, search};

text_enum!(
    /// How a guardian likes to be reached, and how a conversation took place.
    ContactChannel {
        Wechat = "wechat",
        Phone = "phone",
        Sms = "sms",
        Email = "email",
        InPerson = "in_person",
    }
);

text_enum!(Relationship {
    Mother = "mother",
    Father = "father",
    Grandmother = "grandmother",
    Grandfather = "grandfather",
    Other = "other",
});

/// What staff type about a guardian.
#[derive(Debug, Clone, Default, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct GuardianInfo {
    pub name: String,
    pub mobile: Option<String>,
    pub wechat_id: Option<String>,
    pub email: Option<String>,
    pub preferred_channel: Option<ContactChannel>,
    /// Free text such as "weekday evenings" or "午休 12:00–13:00".
    pub best_time: Option<String>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Guardian {
    pub id: i64,
    pub family_id: i64,
    pub info: GuardianInfo,
    pub archived_at: Option<DateTime<Utc>>,
    /// Why this guardian enrolled, from the tagging wizard.
    pub motivation: Option<crate::tagging::Motivation>,
    pub tags: Vec<crate::tag::Tag>,
}

/// Validates and normalises; `prefix` places errors inside a larger form (`guardians.0.`).
pub fn clean(info: &GuardianInfo, prefix: &str) -> Result<GuardianInfo> {
    let f = |name: &str| format!("{prefix}{name}");
    Ok(GuardianInfo {
        name: field::name(&f("name"), &info.name)?,
        mobile: field::phone(&f("mobile"), info.mobile.clone())?,
        wechat_id: field::wechat(&f("wechatId"), info.wechat_id.clone())?,
        email: field::email(&f("email"), info.email.clone())?,
        preferred_channel: info.preferred_channel,
        best_time: field::optional_text(
            &f("bestTime"),
            info.best_time.clone(),
            field::SHORT_TEXT_MAX,
        )?,
    })
}

/// Inserts an already cleaned guardian.
pub(crate) fn insert(
    tx: &Transaction,
    family_id: i64,
    info: &GuardianInfo,
    now: DateTime<Utc>,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO guardian (family_id, name, sort_key, mobile, wechat_id, email,
                               preferred_channel, best_time, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            family_id,
            info.name,
            romanize::sort_key(&info.name),
            info.mobile,
            info.wechat_id,
            info.email,
            info.preferred_channel,
            info.best_time,
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    reindex(tx, id, family_id, info)?;
    Ok(id)
}

pub fn add(
    tx: &Transaction,
    family_id: i64,
    info: &GuardianInfo,
    now: DateTime<Utc>,
) -> Result<Guardian> {
    family::ensure_exists(tx, family_id)?;
    let info = clean(info, "")?;
    let id = insert(tx, family_id, &info, now)?;
    family::touch(tx, family_id, now)?;
    get(tx, id)
}

pub fn update(
    tx: &Transaction,
    id: i64,
    info: &GuardianInfo,
    now: DateTime<Utc>,
) -> Result<Guardian> {
    let existing = get(tx, id)?;
    let info = clean(info, "")?;
    tx.execute(
        "UPDATE guardian SET name = ?2, sort_key = ?3, mobile = ?4, wechat_id = ?5, email = ?6,
                             preferred_channel = ?7, best_time = ?8, updated_at = ?9
         WHERE id = ?1",
        params![
            id,
            info.name,
            romanize::sort_key(&info.name),
            info.mobile,
            info.wechat_id,
            info.email,
            info.preferred_channel,
            info.best_time,
            now
        ],
    )?;
    reindex(tx, id, existing.family_id, &info)?;
    family::touch(tx, existing.family_id, now)?;
    get(tx, id)
}

/// Archiving hides a guardian from lists without losing history. A student must keep at
/// least one active guardian, so the last one of any student cannot be archived.
pub fn set_archived(
    tx: &Transaction,
    id: i64,
    archived: bool,
    now: DateTime<Utc>,
) -> Result<Guardian> {
    let existing = get(tx, id)?;
    if archived {
        let orphans: i64 = tx.query_row(
            "SELECT count(*) FROM student_guardian sg
             JOIN student s ON s.id = sg.student_id AND s.archived_at IS NULL
             WHERE sg.guardian_id = ?1
               AND NOT EXISTS (
                   SELECT 1 FROM student_guardian other
                   JOIN guardian g ON g.id = other.guardian_id AND g.archived_at IS NULL
                   WHERE other.student_id = sg.student_id AND other.guardian_id <> ?1)",
            [id],
            |r| r.get(0),
        )?;
        if orphans > 0 {
            return Err(Error::Conflict {
                code: ConflictCode::GuardianHasStudents,
            });
        }
    }
    tx.execute(
        "UPDATE guardian SET archived_at = ?2, updated_at = ?3 WHERE id = ?1",
        params![id, archived.then_some(now), now],
    )?;
    family::touch(tx, existing.family_id, now)?;
    get(tx, id)
}

const COLUMNS: &str =
    "id, family_id, name, mobile, wechat_id, email, preferred_channel, best_time, archived_at";

fn from_row(row: &Row) -> rusqlite::Result<Guardian> {
    Ok(Guardian {
        id: row.get(0)?,
        family_id: row.get(1)?,
        info: GuardianInfo {
            name: row.get(2)?,
            mobile: row.get(3)?,
            wechat_id: row.get(4)?,
            email: row.get(5)?,
            preferred_channel: row.get(6)?,
            best_time: row.get(7)?,
        },
        archived_at: row.get(8)?,
        motivation: None,
        tags: Vec::new(),
    })
}

fn with_tags(conn: &Connection, mut g: Guardian) -> Result<Guardian> {
    g.motivation = crate::tagging::current(conn, g.id)?;
    g.tags = crate::tag::tags_of(
        conn,
        crate::tag::TagTarget {
            guardian_id: Some(g.id),
            student_id: None,
        },
    )?;
    Ok(g)
}

pub fn get(conn: &Connection, id: i64) -> Result<Guardian> {
    let g = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM guardian WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?
        .ok_or(Error::not_found(Entity::Guardian, id))?;
    with_tags(conn, g)
}

pub fn list_for_family(conn: &Connection, family_id: i64) -> Result<Vec<Guardian>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM guardian WHERE family_id = ?1 ORDER BY archived_at IS NOT NULL, id"
    ))?;
    let rows = stmt
        .query_map([family_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter().map(|g| with_tags(conn, g)).collect()
}

fn reindex(tx: &Transaction, id: i64, family_id: i64, info: &GuardianInfo) -> Result<()> {
    let mut keys = romanize::name_keys(&info.name);
    for extra in [&info.mobile, &info.wechat_id, &info.email]
        .into_iter()
        .flatten()
    {
        keys.push_str(" | ");
        keys.push_str(&extra.to_lowercase());
    }
    search::index(tx, search::SearchKind::Guardian, id, family_id, &keys)
}
