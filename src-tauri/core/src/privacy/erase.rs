//! Erasing a family completely, when a parent asks (PIPL art. 47, GDPR art. 17): every row in
//! `tables` — people, notes, class hours, marks, renewals, achievements, tags, motivation
//! history, consent, the search index — in one transaction, then the file rewritten so the
//! text is gone from its bytes and its write-ahead log, not just unlinked.
//!
//! Lessons stay: a roll call shared with other students keeps their marks and loses only the
//! family's. The school's own records (classes, courses, tags, staff) stay too; a class
//! named after an erased child, or another family's note that mentions one, is reported so
//! staff can reword it. Backups made earlier still hold the family until they rotate out.

use std::collections::BTreeSet;
use std::path::Path;

use rusqlite::{params, Connection, Transaction};
use serde::Serialize;
use specta::Type;

use super::tables::FAMILY_TABLES;
use crate::error::{Error, Result, ValidationCode as Code};
use crate::family;

text_enum!(
    /// Where an erased person's name still appears.
    MentionPlace {
        /// A class's name, e.g. a private class named after the child.
        Class = "class",
        /// A note on another family's timeline.
        Note = "note",
        /// Another student's achievement.
        Achievement = "achievement",
    }
);

/// A record outside the family that names one of its people.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct Mention {
    pub place: MentionPlace,
    pub id: i64,
    /// The family whose note or achievement it is; None for a class.
    pub family_id: Option<i64>,
    /// The class's name, or the start of the note or achievement.
    pub text: String,
}

/// What an erasure removed, for the confirmation the user sees.
#[derive(Debug, Clone, PartialEq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ErasureReport {
    pub family_name: String,
    pub guardians: u32,
    pub students: u32,
    pub notes: u32,
    pub media_files: u32,
    pub mentions: Vec<Mention>,
    /// The file was rewritten without the erased text. False when that failed; the records
    /// are gone either way.
    pub scrubbed: bool,
}

#[derive(Debug)]
pub struct Erasure {
    pub report: ErasureReport,
    /// Stored names of the photos and videos to delete once the transaction has committed.
    pub media_files: Vec<String>,
}

fn column<T: rusqlite::types::FromSql>(conn: &Connection, sql: &str, id: i64) -> Result<Vec<T>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Deletes every record of the family. `confirm_name` must be the family's name as the user
/// typed it. Run [`scrub`] after the transaction has committed, and delete the returned media
/// files.
pub fn erase(tx: &Transaction, family_id: i64, confirm_name: &str) -> Result<Erasure> {
    let family = family::get(tx, family_id)?;
    if confirm_name.trim() != family.name.trim() {
        return Err(Error::invalid("confirmName", Code::ConfirmationMismatch));
    }
    // Rows point at each other (transfers between siblings, reversals): check the keys once
    // everything is gone, at commit.
    tx.execute_batch("PRAGMA defer_foreign_keys = ON")?;
    let mut names: BTreeSet<String> = BTreeSet::new();
    names.extend(column::<String>(
        tx,
        "SELECT name FROM student WHERE family_id = ?1",
        family_id,
    )?);
    let students = names.len() as u32;
    let guardian_names: Vec<String> = column(
        tx,
        "SELECT name FROM guardian WHERE family_id = ?1",
        family_id,
    )?;
    let guardians = guardian_names.len() as u32;
    names.extend(guardian_names);
    let notes: i64 = tx.query_row(
        "SELECT count(*) FROM note WHERE family_id = ?1",
        [family_id],
        |r| r.get(0),
    )?;
    let media_files: Vec<String> = column(
        tx,
        "SELECT m.stored_name FROM achievement_media m JOIN achievement a ON a.id = m.achievement_id
           JOIN student s ON s.id = a.student_id WHERE s.family_id = ?1",
        family_id,
    )?;
    let sessions: Vec<i64> = column(
        tx,
        "SELECT DISTINCT session_id FROM attendance
          WHERE student_id IN (SELECT id FROM student WHERE family_id = ?1)",
        family_id,
    )?;

    for t in FAMILY_TABLES {
        tx.execute(
            &format!("DELETE FROM {} WHERE {}", t.table, t.rows),
            [family_id],
        )?;
    }
    // A roll call that only this family attended would stay behind empty.
    for session in sessions {
        tx.execute(
            "DELETE FROM lesson_session WHERE id = ?1
               AND NOT EXISTS (SELECT 1 FROM attendance WHERE session_id = ?1)",
            [session],
        )?;
    }
    // Deleting from the search index only marks its entries deleted; merging its segments
    // drops them from the file.
    tx.execute(
        "INSERT INTO search_fts (search_fts) VALUES ('optimize')",
        [],
    )?;

    let mentions = mentions(tx, &names)?;
    Ok(Erasure {
        report: ErasureReport {
            family_name: family.name,
            guardians,
            students,
            notes: notes as u32,
            media_files: media_files.len() as u32,
            mentions,
            scrubbed: false,
        },
        media_files,
    })
}

/// Rewrites the database so nothing deleted survives in its free pages or its write-ahead
/// log: `VACUUM` (in memory, so no temporary file holds a copy), then a checkpoint that
/// truncates the log. Runs outside any transaction.
pub fn scrub(conn: &Connection) -> Result<()> {
    conn.execute_batch("PRAGMA temp_store = MEMORY; VACUUM; PRAGMA temp_store = DEFAULT;")?;
    // Answers one row (busy, log frames, checkpointed frames); busy cannot happen while
    // Encore holds the file exclusively.
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}

/// The whole erasure as the app runs it: the records in one transaction, then the media
/// files (once nothing points at them any more), then [`scrub`]. The report says whether the
/// scrub worked; if it did not (a full disk, say), the records are gone all the same and the
/// next erasure scrubs the file again.
pub fn erase_family(
    db: &crate::Db,
    data_dir: Option<&Path>,
    family_id: i64,
    confirm_name: &str,
) -> Result<ErasureReport> {
    let erasure = db.with_tx(|tx| erase(tx, family_id, confirm_name))?;
    if let Some(dir) = data_dir {
        crate::media::remove_files(dir, &erasure.media_files);
    }
    let mut report = erasure.report;
    report.scrubbed = true;
    if let Err(err) = db.with_conn(scrub) {
        eprintln!("encore: the erased family's pages could not be scrubbed yet: {err}");
        report.scrubbed = false;
    }
    Ok(report)
}

/// How much of a note or achievement to show beside its mention.
const EXCERPT_CHARS: usize = 60;

fn mentions(conn: &Connection, names: &BTreeSet<String>) -> Result<Vec<Mention>> {
    let places = [
        (
            MentionPlace::Class,
            "SELECT id, NULL, name FROM class WHERE instr(name, ?1) > 0",
        ),
        (
            MentionPlace::Note,
            "SELECT id, family_id, body FROM note WHERE instr(body, ?1) > 0",
        ),
        (
            MentionPlace::Achievement,
            "SELECT a.id, s.family_id, a.title || ' ' || coalesce(a.description, '')
               FROM achievement a JOIN student s ON s.id = a.student_id
              WHERE instr(a.title, ?1) > 0 OR instr(coalesce(a.description, ''), ?1) > 0",
        ),
    ];
    let mut out: Vec<Mention> = Vec::new();
    // One-character names ("明") would match almost anything.
    for name in names.iter().filter(|n| n.chars().count() >= 2) {
        for (place, sql) in places {
            let mut stmt = conn.prepare_cached(sql)?;
            let rows = stmt.query_map(params![name], |r| {
                let text: String = r.get(2)?;
                Ok(Mention {
                    place,
                    id: r.get(0)?,
                    family_id: r.get(1)?,
                    text: text.chars().take(EXCERPT_CHARS).collect(),
                })
            })?;
            for m in rows {
                let m = m?;
                if !out.iter().any(|o| o.place == m.place && o.id == m.id) {
                    out.push(m);
                }
            }
        }
    }
    Ok(out)
}
