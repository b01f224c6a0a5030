//! The schools the suite measures: one synthetic school per tier, generated once per run into
//! the bench's temporary folder, and the records each operation is measured on, picked from
//! the data the same way at every tier.

use std::path::{Path, PathBuf};
use std::time::Instant;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use encore_core::synthetic::{self, SyntheticSummary, Tier};
use encore_core::Db;
use rusqlite::{Connection, OptionalExtension};

pub const SEED: u64 = 2026;

/// A fixed "now": every run measures the same day of the same school.
pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 16, 9, 0, 0).unwrap()
}

pub fn today() -> NaiveDate {
    now().date_naive()
}

pub struct School {
    pub tier: Tier,
    pub path: PathBuf,
    pub summary: SyntheticSummary,
    pub generated_in: f64,
    pub picks: Picks,
}

/// Records every tier is measured on.
pub struct Picks {
    /// The family with the most children and notes: the slowest family page.
    pub family_id: i64,
    /// A class of at least 12 students, and its teacher.
    pub class_id: i64,
    pub teacher_id: i64,
    pub roll: Vec<i64>,
    pub chinese_two: String,
    pub chinese_three: String,
    pub initials: String,
    pub phone_digits: String,
}

pub fn build(tier: Tier, folder: &Path) -> School {
    let path = folder.join(format!("school-{}.db", tier.name()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    let started = Instant::now();
    let db = Db::open(&path, now()).expect("open a new school");
    let summary = db
        .with_tx(|tx| synthetic::generate(tx, tier, SEED, now()))
        .expect("generate the school");
    let generated_in = started.elapsed().as_secs_f64();
    let picks = db.with_conn(|c| Ok(picks(c))).unwrap();
    drop(db);
    School {
        tier,
        path,
        summary,
        generated_in,
        picks,
    }
}

fn one<T: rusqlite::types::FromSql>(c: &Connection, sql: &str) -> T {
    c.query_row(sql, [], |r| r.get(0))
        .optional()
        .unwrap()
        .unwrap_or_else(|| panic!("the synthetic school has no row for {sql}"))
}

fn picks(c: &Connection) -> Picks {
    let family_id = one(
        c,
        "SELECT f.id FROM family f WHERE f.archived_at IS NULL
          ORDER BY (SELECT count(*) FROM student s WHERE s.family_id = f.id) DESC,
                   (SELECT count(*) FROM note n WHERE n.family_id = f.id) DESC, f.id LIMIT 1",
    );
    let class_id: i64 = one(
        c,
        "SELECT cs.class_id FROM class_student cs JOIN class cl ON cl.id = cs.class_id
          WHERE cl.archived_at IS NULL
          GROUP BY cs.class_id ORDER BY count(*) DESC, cs.class_id LIMIT 1",
    );
    // Small schools have no class of 12: the biggest is topped up with other students, as a
    // holiday workshop would be.
    c.execute(
        "INSERT OR IGNORE INTO class_student (class_id, student_id)
         SELECT ?1, id FROM student WHERE archived_at IS NULL
          ORDER BY (SELECT count(*) FROM class_student WHERE class_id = ?1 AND student_id = student.id) DESC, id
          LIMIT 12",
        [class_id],
    )
    .unwrap();
    let teacher_id = one(
        c,
        &format!("SELECT teacher_id FROM class WHERE id = {class_id}"),
    );
    let mut stmt = c
        .prepare(
            "SELECT student_id FROM class_student WHERE class_id = ?1 ORDER BY student_id LIMIT 12",
        )
        .unwrap();
    let roll = stmt
        .query_map([class_id], |r| r.get(0))
        .unwrap()
        .collect::<rusqlite::Result<Vec<i64>>>()
        .unwrap();
    assert_eq!(roll.len(), 12, "a roll call of 12");
    // A three-character Chinese name (surname + two-character given name), its given name
    // alone, and its pinyin initials as the search index holds them.
    let name: String = one(
        c,
        "SELECT name FROM student WHERE length(name) = 3 AND unicode(name) > 19968 ORDER BY id LIMIT 1",
    );
    let keys: String = one(
        c,
        &format!(
            "SELECT keys FROM search_doc WHERE kind = 'student' AND keys LIKE '{name}%' LIMIT 1"
        ),
    );
    // name | pinyin | spaced pinyin | initials (romanize::name_keys).
    let initials = keys
        .split(" | ")
        .nth(3)
        .unwrap_or_else(|| panic!("no initials among the keys {keys:?}"))
        .to_string();
    let phone: String = one(
        c,
        "SELECT mobile FROM guardian WHERE mobile IS NOT NULL ORDER BY id LIMIT 1",
    );
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    Picks {
        family_id,
        class_id,
        teacher_id,
        roll,
        chinese_two: name.chars().skip(1).collect(),
        chinese_three: name,
        initials,
        phone_digits: digits[digits.len() - 4..].to_string(),
    }
}
