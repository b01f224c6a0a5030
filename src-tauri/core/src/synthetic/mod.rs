//! A seeded synthetic school for benchmarks: the demo school scaled to a size tier, with five
//! years of history ending at `now`. Bilingual families (about 1.6 children each, 1.9 courses
//! per child), classes meeting weekly over 40 weeks a year, packages of 10–60 hours renewed
//! one to four times a year, about one note per family per month, achievements and
//! opportunities, every motivation type and renewal status, tags and consent. The same seed
//! and `now` always give the same school.
//!
//! Families, staff, courses, classes, tags, motivations, consent and renewal statuses go
//! through the domain functions the app calls; the bulk of the history (packages, roll calls,
//! the ledger, notes, achievements) is written with prepared statements in exactly the rows
//! those functions write, and the kept balances are rebuilt from the ledger at the end.

mod bookkeeping;
mod calendar;
mod catalogue;
mod front_desk;
mod households;
mod names;
mod packages;
mod profiles;
mod renewal_desk;
mod roll_call;
mod showcase;
mod timeline;
mod timetable;

use std::fmt;
use std::str::FromStr;

use chrono::{DateTime, Utc};
use rusqlite::Transaction;

use crate::error::{ConflictCode, Error, Result};
use crate::{family, ledger, settings};

use calendar::Calendar;
use catalogue::Staff;
use households::School;
use timetable::ClassPlan;

/// How big a school to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tier {
    S,
    M,
    L,
    Xl,
    Xxl,
}

impl Tier {
    pub const ALL: &'static [Tier] = &[Tier::S, Tier::M, Tier::L, Tier::Xl, Tier::Xxl];

    /// Students on the roll today (prospects, trials, active and paused). Those who left over
    /// the five years come on top, as in any school: about 2.3 times as many student records
    /// in all, and at XL about a million roll-call marks.
    pub fn students(self) -> usize {
        match self {
            Tier::S => 50,
            Tier::M => 300,
            Tier::L => 800,
            Tier::Xl => 2_500,
            Tier::Xxl => 10_000,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Tier::S => "S",
            Tier::M => "M",
            Tier::L => "L",
            Tier::Xl => "XL",
            Tier::Xxl => "XXL",
        }
    }

    /// `s`, `m`, `l`, `xl` or `xxl`, in any case.
    pub fn parse(text: &str) -> Option<Tier> {
        Tier::ALL
            .iter()
            .copied()
            .find(|t| t.name().eq_ignore_ascii_case(text.trim()))
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown school size {0:?}: use s, m, l, xl or xxl")]
pub struct UnknownTier(pub String);

impl FromStr for Tier {
    type Err = UnknownTier;

    fn from_str(text: &str) -> std::result::Result<Tier, UnknownTier> {
        Tier::parse(text).ok_or_else(|| UnknownTier(text.to_string()))
    }
}

/// Rows written, table by table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyntheticSummary {
    pub families: usize,
    pub students: usize,
    pub guardians: usize,
    pub courses: usize,
    pub classes: usize,
    pub packages: usize,
    /// Roll calls taken.
    pub sessions: usize,
    pub attendance: usize,
    pub ledger_entries: usize,
    pub notes: usize,
    pub achievements: usize,
    pub opportunities: usize,
    pub renewal_cycles: usize,
}

/// Fills an empty school with a synthetic one of `tier`'s size; a school that has families
/// already is refused.
pub fn generate(
    tx: &Transaction,
    tier: Tier,
    seed: u64,
    now: DateTime<Utc>,
) -> Result<SyntheticSummary> {
    if !family::is_empty(tx)? {
        return Err(Error::Conflict {
            code: ConflictCode::SchoolNotEmpty,
        });
    }
    // Five years of history touch far more pages than SQLite's default 2 MB cache holds;
    // without room they are written out and read back over and over. The connection gets
    // its own size back whatever happens.
    let cache: i64 = tx.query_row("PRAGMA cache_size", [], |r| r.get(0))?;
    tx.execute_batch("PRAGMA cache_size = -262144")?;
    let written = write(tx, tier, seed, now);
    tx.execute_batch(&format!("PRAGMA cache_size = {cache}"))?;
    written?;
    summary(tx)
}

fn write(tx: &Transaction, tier: Tier, seed: u64, now: DateTime<Utc>) -> Result<()> {
    settings::set_school_name(
        tx,
        &format!("星海艺术学校 Xinghai Arts School {}", tier.name()),
    )?;
    let cal = Calendar::new(now);
    // One stream per stage, so a change to one stage leaves the others' choices alone.
    let stream =
        |stage: u64| fastrand::Rng::with_seed(seed ^ stage.wrapping_mul(0x9E37_79B9_7F4A_7C15));

    let staff = catalogue::add_staff(tx, &mut stream(1), tier.students(), &cal)?;
    let courses = catalogue::add_courses(tx, cal.stamp(cal.start, 9 * 60))?;
    let mut school = households::plan(&mut stream(2), &cal, tier.students());
    households::write(tx, &mut stream(3), &cal, &mut school)?;
    let mut classes = timetable::plan(&mut stream(4), &staff, &mut school);
    timetable::write(tx, &cal, &mut classes, &school, &staff, &courses)?;

    let policy = settings::policy(tx)?;
    let sessions = roll_call::plan(&mut stream(5), &cal, &classes, &school, &staff);
    let plan = packages::plan(
        &mut stream(6),
        &cal,
        &school,
        &sessions,
        &policy,
        staff.admins.len(),
    );
    let reg = Register {
        cal: &cal,
        school: &school,
        staff: &staff,
        courses: &courses,
        classes: &classes,
    };
    let renewal_notes = bookkeeping::write(tx, &mut stream(7), &reg, &sessions, &plan, &policy)?;
    drop(sessions);

    timeline::write(tx, &mut stream(8), &reg, renewal_notes)?;
    showcase::write(tx, &mut stream(9), &reg)?;
    profiles::write(tx, &mut stream(10), &reg)?;
    front_desk::shared_hours(tx, &mut stream(11), &reg, &plan)?;
    renewal_desk::past(tx, &mut stream(12), &reg)?;
    front_desk::archive(tx, &mut stream(13), &reg)?;
    // The bulk rows bypassed the kept balances; rebuild them from the ledger in one pass.
    ledger::refresh_all(tx)?;
    renewal_desk::current(tx, &mut stream(14), &reg)
}

/// The school as planned and written so far, which the later stages read.
struct Register<'a> {
    cal: &'a Calendar,
    school: &'a School,
    staff: &'a Staff,
    /// Course ids, in the catalogue's order.
    courses: &'a [i64],
    classes: &'a [ClassPlan],
}

fn summary(tx: &Transaction) -> Result<SyntheticSummary> {
    let count = |table: &str| -> Result<usize> {
        let n: i64 = tx.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?;
        Ok(n as usize)
    };
    Ok(SyntheticSummary {
        families: count("family")?,
        students: count("student")?,
        guardians: count("guardian")?,
        courses: count("course")?,
        classes: count("class")?,
        packages: count("package")?,
        sessions: count("lesson_session")?,
        attendance: count("attendance")?,
        ledger_entries: count("ledger_entry")?,
        notes: count("note")?,
        achievements: count("achievement")?,
        opportunities: count("opportunity")?,
        renewal_cycles: count("renewal_cycle")?,
    })
}
