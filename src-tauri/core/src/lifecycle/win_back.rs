//! The win-back list: families that are gone — every child who ever bought a package has
//! lapsed or left — with why they left when they said so, when the school last talked to
//! them, when their last package ended and how many hours they bought in all. Archived
//! families are not listed: the school already took them off its lists.

use std::collections::BTreeMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::Connection;
use serde::Serialize;
use specta::Type;

use super::{stages, LeaveReason, Stage, StudentStage};
use crate::error::Result;
use crate::guardian::ContactChannel;
use crate::hours::from_halves;

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LastContact {
    pub at: NaiveDateTime,
    pub channel: ContactChannel,
    /// The start of the note.
    pub excerpt: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct WinBackRow {
    pub family_id: i64,
    pub family_name: String,
    pub student_names: Vec<String>,
    /// Left when a child declined a renewal, else Lapsed.
    pub stage: Stage,
    /// The family's latest declined renewal among the children who are gone.
    pub reason: Option<LeaveReason>,
    /// The latest note that records a conversation.
    pub last_contact: Option<LastContact>,
    pub last_package_end: Option<NaiveDate>,
    /// Purchased hours over the family's whole history (bonus hours not included).
    pub hours_bought: f64,
    /// The last day any of its children had hours.
    pub last_covered_on: Option<NaiveDate>,
}

const EXCERPT_CHARS: usize = 80;

/// `?1` is a JSON array of family ids; every lookup is by family through an index.
const SQL: &str = "
SELECT f.id, f.name,
       (SELECT group_concat(s.name, char(31)) FROM student s
         WHERE s.family_id = f.id AND s.archived_at IS NULL),
       (SELECT json_array(n.occurred_at, n.channel, n.body) FROM note n
         WHERE n.family_id = f.id AND (n.automatic = 0 OR n.kind = 'renewal_talk')
         ORDER BY n.occurred_at DESC, n.id DESC LIMIT 1),
       (SELECT max(p.valid_until) FROM student s JOIN package p ON p.student_id = s.id
         WHERE s.family_id = f.id),
       (SELECT coalesce(sum(p.purchased_halves), 0) FROM student s
          JOIN package p ON p.student_id = s.id WHERE s.family_id = f.id)
  FROM family f
 WHERE f.id IN (SELECT value FROM json_each(?1))";

/// Families gone on `today`, the most recently gone first.
pub fn win_back(conn: &Connection, today: NaiveDate) -> Result<Vec<WinBackRow>> {
    let mut families: BTreeMap<i64, Vec<StudentStage>> = BTreeMap::new();
    for s in stages(conn, today)? {
        families.entry(s.family_id).or_default().push(s);
    }
    // A child who never bought a package (a younger sibling on a trial, say) does not keep a
    // family off the list; an archived child does not count either way.
    families.retain(|_, kids| {
        kids.retain(|k| k.enrolled_since.is_some() && !k.archived);
        !kids.is_empty()
            && kids
                .iter()
                .all(|k| matches!(k.stage, Stage::Lapsed | Stage::Left))
    });
    let ids: Vec<i64> = families.keys().copied().collect();
    let mut stmt = conn.prepare_cached(SQL)?;
    let rows = stmt.query_map([serde_json::to_string(&ids).unwrap_or_default()], |r| {
        let contact: Option<String> = r.get(3)?;
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            crate::student::split_names(r.get(2)?),
            contact.as_deref().and_then(last_contact),
            r.get::<_, Option<NaiveDate>>(4)?,
            from_halves(r.get(5)?),
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (family_id, family_name, student_names, last_contact, last_package_end, hours) = row?;
        let kids = families.remove(&family_id).unwrap_or_default();
        let reason = kids
            .iter()
            .filter_map(|k| k.reason.clone())
            .max_by_key(|r| r.on);
        out.push(WinBackRow {
            family_id,
            family_name,
            student_names,
            stage: if reason.is_some() {
                Stage::Left
            } else {
                Stage::Lapsed
            },
            reason,
            last_contact,
            last_package_end,
            hours_bought: hours,
            last_covered_on: kids.iter().filter_map(|k| k.last_covered_on).max(),
        });
    }
    out.sort_by(|a, b| {
        b.last_covered_on
            .cmp(&a.last_covered_on)
            .then(a.family_id.cmp(&b.family_id))
    });
    Ok(out)
}

/// `["2026-10-01 18:00:00", "wechat", "…"]` from the SQL above.
fn last_contact(json: &str) -> Option<LastContact> {
    let (at, channel, body): (String, String, String) = serde_json::from_str(json).ok()?;
    Some(LastContact {
        at: NaiveDateTime::parse_from_str(&at, "%Y-%m-%d %H:%M:%S%.f").ok()?,
        channel: ContactChannel::parse(&channel)?,
        excerpt: body.chars().take(EXCERPT_CHARS).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_win_back_figures_are_read_family_by_family() {
        let scans = crate::insight::full_scans(SQL, &["SCAN json_each VIRTUAL TABLE INDEX 1:"]);
        assert!(scans.is_empty(), "{scans:?}");
    }
}
