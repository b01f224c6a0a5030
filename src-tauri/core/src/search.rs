//! One search box for everyone: names (characters, full pinyin, initials), phone digits,
//! WeChat IDs, e-mail and note text. Backed by an FTS5 trigram index; LIKE on that index
//! uses it for terms of three or more characters and scans for shorter ones, so 小明 works.

use rusqlite::{params_from_iter, Connection, Transaction};
use serde::Serialize;
use specta::Type;

use crate::error::Result;

text_enum!(SearchKind {
    Student = "student",
    Guardian = "guardian",
    Family = "family",
    Note = "note",
});

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    pub kind: SearchKind,
    pub id: i64,
    pub family_id: i64,
    pub family_name: String,
    /// A person's or family's name, or the matching part of a note.
    pub title: String,
    pub archived: bool,
}

/// Upper bounds keep the box responsive on a large school; the best hits sort first.
const CANDIDATES: usize = 400;
pub const DEFAULT_LIMIT: usize = 50;

pub(crate) fn index(
    tx: &Transaction,
    kind: SearchKind,
    ref_id: i64,
    family_id: i64,
    keys: &str,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO search_doc (kind, ref_id, family_id, keys) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (kind, ref_id) DO UPDATE SET family_id = excluded.family_id, keys = excluded.keys",
    )?
    .execute(rusqlite::params![kind, ref_id, family_id, keys])?;
    Ok(())
}

pub(crate) fn unindex(tx: &Transaction, kind: SearchKind, ref_id: i64) -> Result<()> {
    tx.execute(
        "DELETE FROM search_doc WHERE kind = ?1 AND ref_id = ?2",
        rusqlite::params![kind, ref_id],
    )?;
    Ok(())
}

/// Splits what was typed into terms that must all match. Phone numbers are typed with
/// spaces or dashes (`138 0013`), so a query of digits and separators becomes one term.
fn terms(query: &str) -> Vec<String> {
    let lowered = query.trim().to_lowercase();
    let cleaned: String = lowered
        .chars()
        .filter(|c| !matches!(c, '%' | '_' | '\\'))
        .collect();
    let phone_like = cleaned.chars().any(|c| c.is_ascii_digit())
        && cleaned
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '(' | ')'));
    if phone_like {
        let digits: String = cleaned.chars().filter(char::is_ascii_digit).collect();
        return vec![digits];
    }
    cleaned.split_whitespace().map(str::to_string).collect()
}

pub fn search(conn: &Connection, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
    let terms = terms(query);
    if terms.is_empty() {
        return Ok(Vec::new());
    }
    let conditions = vec!["f.keys LIKE ?"; terms.len()].join(" AND ");
    let sql = format!(
        "SELECT d.kind, d.ref_id, d.family_id, fam.name, d.keys,
                CASE d.kind WHEN 'student' THEN s.name WHEN 'guardian' THEN g.name
                            WHEN 'family' THEN fam.name ELSE n.body END,
                (fam.archived_at IS NOT NULL OR s.archived_at IS NOT NULL OR g.archived_at IS NOT NULL),
                coalesce(s.sort_key, g.sort_key, fam.sort_key)
           FROM search_fts f
           JOIN search_doc d ON d.id = f.rowid
           JOIN family fam ON fam.id = d.family_id
           LEFT JOIN student s ON d.kind = 'student' AND s.id = d.ref_id
           LEFT JOIN guardian g ON d.kind = 'guardian' AND g.id = d.ref_id
           LEFT JOIN note n ON d.kind = 'note' AND n.id = d.ref_id
          WHERE {conditions}
          LIMIT {CANDIDATES}"
    );
    let patterns = terms.iter().map(|t| format!("%{t}%"));
    let mut stmt = conn.prepare(&sql)?;
    let mut ranked = stmt
        .query_map(params_from_iter(patterns), |r| {
            let kind: SearchKind = r.get(0)?;
            let keys: String = r.get(4)?;
            let text: String = r.get(5)?;
            let archived: bool = r.get(6)?;
            let sort_key: String = r.get(7)?;
            Ok((
                kind,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                keys,
                text,
                archived,
                sort_key,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .map(
            |(kind, id, family_id, family_name, keys, text, archived, sort_key)| {
                let first = &terms[0];
                // A key that starts with the query (a name, `zxm`, `138…`) beats a match inside.
                let prefix = keys.split(" | ").any(|k| k.starts_with(first.as_str()));
                let title = if kind == SearchKind::Note {
                    excerpt(&text, first)
                } else {
                    text
                };
                let rank = (archived, !prefix, kind_rank(kind), sort_key);
                (
                    rank,
                    SearchHit {
                        kind,
                        id,
                        family_id,
                        family_name,
                        title,
                        archived,
                    },
                )
            },
        )
        .collect::<Vec<_>>();
    ranked.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(ranked.into_iter().take(limit).map(|(_, hit)| hit).collect())
}

fn kind_rank(kind: SearchKind) -> u8 {
    match kind {
        SearchKind::Student => 0,
        SearchKind::Guardian => 1,
        SearchKind::Family => 2,
        SearchKind::Note => 3,
    }
}

/// About 60 characters of a note around the first match, on character boundaries.
fn excerpt(body: &str, term: &str) -> String {
    const BEFORE: usize = 20;
    const TOTAL: usize = 60;
    let chars: Vec<char> = body.chars().collect();
    let lowered: Vec<char> = body.to_lowercase().chars().collect();
    let needle: Vec<char> = term.chars().collect();
    // Lower-casing rarely changes length; when it does, start at the beginning.
    let at = if lowered.len() == chars.len() {
        lowered
            .windows(needle.len().max(1))
            .position(|w| w == needle.as_slice())
            .unwrap_or(0)
    } else {
        0
    };
    let start = at.saturating_sub(BEFORE);
    let end = (start + TOTAL).min(chars.len());
    let mut out: String = chars[start..end]
        .iter()
        .collect::<String>()
        .replace('\n', " ");
    if start > 0 {
        out.insert(0, '…');
    }
    if end < chars.len() {
        out.push('…');
    }
    out
}
