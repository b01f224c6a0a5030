//! The school's families over five years: when each joined, its children and the courses they
//! took, who is still here and who left. Planned in memory first, then written family by
//! family through `family::create`, the way the front desk enters a household.

use chrono::{Duration, NaiveDate};
use rusqlite::Transaction;

use crate::demo::{guardian, pick, BEST_TIME_EN, BEST_TIME_ZH, GRADES};
use crate::error::Result;
use crate::family::{self, NewFamily, NewFamilyGuardian};
use crate::guardian::Relationship;
use crate::student::{Gender, StudentInfo, StudentStatus, SKILL_LEVELS};

use super::calendar::{between, office_hours, Calendar};
use super::catalogue::{interest, popular_course};
use super::names;

/// Families already with the school when its records begin (they join in the first two
/// months), in percent: an established school that started keeping its books in Encore.
const FOUNDERS: u8 = 70;
/// How long a family stays on average (an exponential spread, at least a term).
const MEAN_STAY_DAYS: f64 = 6.0 * 365.0;

pub(super) struct Household {
    pub(super) id: i64,
    pub(super) english: bool,
    pub(super) joined: NaiveDate,
    /// In the order entered: the first is the one staff talk to most.
    pub(super) guardians: Vec<i64>,
    pub(super) pupils: Vec<usize>,
}

pub(super) struct Pupil {
    pub(super) id: i64,
    pub(super) household: usize,
    pub(super) info: StudentInfo,
    pub(super) left_on: Option<NaiveDate>,
    /// Lessons stop before this day: when the student left or paused, else today.
    pub(super) stops: NaiveDate,
    /// Lessons missed, in percent.
    pub(super) absence: u8,
    /// Coming less and less in the last weeks: the renewal desk's early warning.
    pub(super) drifting: bool,
}

/// One student in one course: one class-hour account.
pub(super) struct Enrolment {
    pub(super) pupil: usize,
    pub(super) course: usize,
    pub(super) from: NaiveDate,
    /// Lessons up to, not including, this day.
    pub(super) until: NaiveDate,
    /// Still in the class today (a paused student keeps the seat).
    pub(super) current: bool,
    /// Set by the timetable.
    pub(super) class: usize,
}

pub(super) struct School {
    pub(super) households: Vec<Household>,
    pub(super) pupils: Vec<Pupil>,
    pub(super) enrolments: Vec<Enrolment>,
}

/// Families until `on_roll` students are on the roll today (prospects, trials, active and
/// paused); those who left over the years come on top.
pub(super) fn plan(rng: &mut fastrand::Rng, cal: &Calendar, on_roll: usize) -> School {
    let mut school = School {
        households: Vec::new(),
        pupils: Vec::new(),
        enrolments: Vec::new(),
    };
    let mut counted = 0;
    while counted < on_roll {
        let english = rng.u8(0..100) < 15;
        let latest = cal.today - Duration::days(14);
        let mut joined = if rng.u8(0..100) < FOUNDERS {
            between(rng, cal.start, cal.start + Duration::days(60))
        } else {
            between(rng, cal.start, latest)
        };
        let stay = (-(1.0 - rng.f64()).ln() * MEAN_STAY_DAYS).max(120.0) as i64;
        let leaves =
            Some(joined + Duration::days(stay)).filter(|&d| d < cal.today - Duration::days(7));
        let kids = match rng.u8(0..10) {
            0..=4 => 1,
            5..=8 => 2,
            _ => 3,
        };
        let mut children: Vec<Child> = (0..kids)
            .map(|k| child(rng, cal, joined, leaves, k))
            .collect();
        let room = on_roll - counted;
        let mut kept = 0;
        children.retain(|c| {
            let stays = c.left_on.is_none();
            kept += usize::from(stays);
            !stays || kept <= room
        });
        if children.is_empty() {
            break;
        }
        // A family that only asked about lessons did so lately.
        if children.iter().all(|c| c.enrolled.is_none()) {
            joined = cal.today - Duration::days(rng.i64(1..=180));
        }
        counted += children.iter().filter(|c| c.left_on.is_none()).count();
        add_household(rng, cal, &mut school, english, joined, children);
    }
    school
}

struct Child {
    enrolled: Option<NaiveDate>,
    left_on: Option<NaiveDate>,
    status: StudentStatus,
    paused_on: Option<NaiveDate>,
}

/// The `k`th child of a family that joined on `joined` and left on `leaves`, if it did.
fn child(
    rng: &mut fastrand::Rng,
    cal: &Calendar,
    joined: NaiveDate,
    leaves: Option<NaiveDate>,
    k: usize,
) -> Child {
    if leaves.is_none() && rng.u8(0..100) < 3 {
        return Child {
            enrolled: None,
            left_on: None,
            status: StudentStatus::Prospect,
            paused_on: None,
        };
    }
    // Younger siblings often start later.
    let mut enrolled = if k == 0 || rng.bool() {
        joined
    } else {
        joined + Duration::days(rng.i64(30..=540))
    };
    let last_start = leaves.map_or(cal.today - Duration::days(14), |d| d - Duration::days(60));
    if enrolled > last_start {
        enrolled = joined;
    }
    // Now and then a child stops before the rest of the family.
    let own_stop = (rng.u8(0..100) < 15)
        .then(|| enrolled + Duration::days(rng.i64(120..=900)))
        .filter(|&d| d < cal.today - Duration::days(7));
    let left_on = match (leaves, own_stop) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let recent = enrolled >= cal.today - Duration::days(35);
    let settled = enrolled < cal.today - Duration::days(120);
    let (status, paused_on) = if left_on.is_some() {
        (StudentStatus::Lapsed, None)
    } else if recent && rng.u8(0..10) < 8 {
        (StudentStatus::Trial, None)
    } else if settled && rng.u8(0..100) < 5 {
        let paused = cal.today - Duration::days(rng.i64(14..=56));
        (StudentStatus::Paused, Some(paused))
    } else {
        (StudentStatus::Active, None)
    };
    Child {
        enrolled: Some(enrolled),
        left_on,
        status,
        paused_on,
    }
}

fn add_household(
    rng: &mut fastrand::Rng,
    cal: &Calendar,
    school: &mut School,
    english: bool,
    joined: NaiveDate,
    children: Vec<Child>,
) {
    let household = school.households.len();
    let surname = if english {
        names::english_surname(rng)
    } else {
        names::chinese_surname(rng)
    };
    let mut pupils = Vec::new();
    let mut given_names: Vec<String> = Vec::new();
    for c in children {
        let (name, girl) = loop {
            let (given, girl) = if english {
                let (first, girl) = names::english_child(rng);
                (first.to_string(), Some(girl))
            } else {
                (names::chinese_child_given(rng), None)
            };
            if !given_names.contains(&given) {
                given_names.push(given.clone());
                let name = if english {
                    format!("{given} {surname}")
                } else {
                    format!("{surname}{given}")
                };
                break (name, girl);
            }
        };
        let pupil = school.pupils.len();
        let stops = c.left_on.or(c.paused_on).unwrap_or(cal.today);
        let courses = match c.enrolled {
            Some(from) => enrol(rng, school, pupil, from, stops, &c),
            None => vec![popular_course(rng, &[])],
        };
        let since = c.enrolled.unwrap_or(joined);
        let years = (stops - since).num_days() / 365;
        let skill_level = if rng.u8(0..10) == 0 {
            pick(rng, GRADES).to_string()
        } else {
            SKILL_LEVELS[(years as usize).div_ceil(2).min(2)].to_string()
        };
        let gender = girl
            .map(|g| if g { Gender::Female } else { Gender::Male })
            .unwrap_or_else(|| *pick(rng, &[Gender::Female, Gender::Male]));
        school.pupils.push(Pupil {
            id: 0,
            household,
            info: StudentInfo {
                name,
                birth_date: Some(since - Duration::days(rng.i64(4 * 365..=12 * 365))),
                gender: Some(gender),
                courses_of_interest: courses
                    .iter()
                    .take(2)
                    .map(|&c| interest(c, english).to_string())
                    .collect(),
                skill_level: Some(skill_level),
                status: c.status,
                enrolled_on: c.enrolled,
            },
            left_on: c.left_on,
            stops,
            absence: rng.u8(2..=12),
            drifting: c.status == StudentStatus::Active && rng.u8(0..100) < 8,
        });
        pupils.push(pupil);
    }
    school.households.push(Household {
        id: 0,
        english,
        joined,
        guardians: Vec::new(),
        pupils,
    });
}

/// About 1.9 courses per child, the first from enrollment; a later course may start after
/// the first and be dropped before the child leaves. Trial students try one course.
fn enrol(
    rng: &mut fastrand::Rng,
    school: &mut School,
    pupil: usize,
    enrolled: NaiveDate,
    stops: NaiveDate,
    c: &Child,
) -> Vec<usize> {
    let n = if c.status == StudentStatus::Trial {
        1
    } else {
        match rng.u8(0..10) {
            0..=2 => 1,
            3..=7 => 2,
            _ => 3,
        }
    };
    let span = (stops - enrolled).num_days();
    let mut taken = Vec::new();
    for j in 0..n {
        let course = popular_course(rng, &taken);
        taken.push(course);
        let from = if j == 0 || rng.bool() || span < 180 {
            enrolled
        } else {
            enrolled + Duration::days(rng.i64(14..=(span - 120).min(365)))
        };
        let left = (stops - from).num_days();
        let dropped = j > 0 && left > 240 && rng.u8(0..100) < 20;
        let until = if dropped {
            from + Duration::days(rng.i64(90..=left - 30))
        } else {
            stops
        };
        school.enrolments.push(Enrolment {
            pupil,
            course,
            from,
            until,
            current: c.left_on.is_none() && !dropped,
            class: usize::MAX,
        });
    }
    taken
}

/// Writes every family in the order they joined, each through `family::create`, and dates
/// its records to the day it joined.
pub(super) fn write(
    tx: &Transaction,
    rng: &mut fastrand::Rng,
    cal: &Calendar,
    school: &mut School,
) -> Result<()> {
    let mut order: Vec<usize> = (0..school.households.len()).collect();
    order.sort_by_key(|&h| school.households[h].joined);
    let mut guardian_ids =
        tx.prepare("SELECT id FROM guardian WHERE family_id = ?1 ORDER BY id")?;
    let mut student_ids = tx.prepare("SELECT id FROM student WHERE family_id = ?1 ORDER BY id")?;
    let mut dated =
        tx.prepare("UPDATE family SET created_at = ?2, updated_at = ?2 WHERE id = ?1")?;
    let mut dated_guardians =
        tx.prepare("UPDATE guardian SET created_at = ?2, updated_at = ?2 WHERE family_id = ?1")?;
    let mut dated_student =
        tx.prepare("UPDATE student SET created_at = ?2, updated_at = ?2 WHERE id = ?1")?;
    for h in order {
        let household = &school.households[h];
        let students: Vec<StudentInfo> = household
            .pupils
            .iter()
            .map(|&p| school.pupils[p].info.clone())
            .collect();
        let input = new_family(rng, household.english, students);
        let family_id = family::create(tx, &input, cal.now)?;
        let joined = cal.stamp(household.joined, office_hours(rng));
        dated.execute(rusqlite::params![family_id, joined])?;
        dated_guardians.execute(rusqlite::params![family_id, joined])?;
        let guardians = guardian_ids
            .query_map([family_id], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        let students = student_ids
            .query_map([family_id], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        let household = &mut school.households[h];
        household.id = family_id;
        household.guardians = guardians;
        for (&p, id) in household.pupils.iter().zip(students) {
            let pupil = &mut school.pupils[p];
            pupil.id = id;
            let since = pupil.info.enrolled_on.unwrap_or(household.joined);
            dated_student.execute(rusqlite::params![id, cal.stamp(since, office_hours(rng))])?;
        }
    }
    Ok(())
}

/// Parents of a Chinese family (and a grandmother in one family of four), or an English
/// family's mother and, in half of them, father; named like the demo's, reached the same way.
fn new_family(rng: &mut fastrand::Rng, english: bool, students: Vec<StudentInfo>) -> NewFamily {
    let first = students[0].name.clone();
    let mut guardians: Vec<NewFamilyGuardian> = Vec::new();
    if english {
        let surname = first.rsplit(' ').next().unwrap_or_default().to_string();
        let mother = format!("{} {surname}", names::english_mother(rng));
        guardians.push(guardian(rng, mother, Relationship::Mother, BEST_TIME_EN));
        if rng.bool() {
            let father = format!("{} {surname}", names::english_father(rng));
            guardians.push(guardian(rng, father, Relationship::Father, BEST_TIME_EN));
        }
    } else {
        let surname: String = first.chars().take(first.chars().count() - 2).collect();
        let mother_surname = names::chinese_surname(rng);
        let mother = names::chinese_adult(rng, mother_surname);
        let father = names::chinese_adult(rng, &surname);
        guardians.push(guardian(rng, mother, Relationship::Mother, BEST_TIME_ZH));
        guardians.push(guardian(rng, father, Relationship::Father, BEST_TIME_ZH));
        if rng.u8(0..4) == 0 {
            let grandmother = names::chinese_adult(rng, &surname);
            guardians.push(guardian(
                rng,
                grandmother,
                Relationship::Grandmother,
                BEST_TIME_ZH,
            ));
        }
    }
    // The front desk knows a family by a child's name: 张小明家.
    let name = if english {
        format!("{first}'s family")
    } else {
        format!("{first}家")
    };
    NewFamily {
        name,
        guardians,
        students,
    }
}
