//! What the school offers and who works there: the demo's eight courses (private lessons for
//! the instruments, groups for the rest), and staff in proportion to the school's size.

use std::collections::BTreeSet;

use chrono::{DateTime, Utc};
use rusqlite::Transaction;

use crate::course::{self, CourseFormat, CourseInput};
use crate::demo::{COURSES_EN, COURSES_ZH};
use crate::error::Result;
use crate::staff::{self, StaffInput, StaffRole};

use super::calendar::Calendar;
use super::names;

pub(super) struct CourseSpec {
    pub(super) format: CourseFormat,
    pub(super) lesson_halves: i64,
    pub(super) cny_per_hour: f64,
    pub(super) usd_per_hour: f64,
    /// How many of a hundred course choices fall on this one.
    pub(super) popularity: u32,
    /// Most students in one group.
    pub(super) group_size: usize,
}

/// In the order of the demo's course names: 钢琴 Piano, 小提琴 Violin, 芭蕾 Ballet, 街舞
/// Hip-hop, 游泳 Swimming, 美术 Art, 围棋 Chess, 声乐 Singing.
#[rustfmt::skip]
pub(super) const COURSES: [CourseSpec; 8] = [
    CourseSpec { format: CourseFormat::Private, lesson_halves: 2, cny_per_hour: 300.0, usd_per_hour: 45.0, popularity: 20, group_size: 1 },
    CourseSpec { format: CourseFormat::Private, lesson_halves: 2, cny_per_hour: 280.0, usd_per_hour: 40.0, popularity: 8, group_size: 1 },
    CourseSpec { format: CourseFormat::Group, lesson_halves: 3, cny_per_hour: 160.0, usd_per_hour: 25.0, popularity: 14, group_size: 10 },
    CourseSpec { format: CourseFormat::Group, lesson_halves: 2, cny_per_hour: 130.0, usd_per_hour: 20.0, popularity: 12, group_size: 12 },
    CourseSpec { format: CourseFormat::Group, lesson_halves: 2, cny_per_hour: 150.0, usd_per_hour: 22.0, popularity: 14, group_size: 8 },
    CourseSpec { format: CourseFormat::Group, lesson_halves: 3, cny_per_hour: 120.0, usd_per_hour: 18.0, popularity: 16, group_size: 10 },
    CourseSpec { format: CourseFormat::Group, lesson_halves: 3, cny_per_hour: 100.0, usd_per_hour: 15.0, popularity: 8, group_size: 8 },
    CourseSpec { format: CourseFormat::Group, lesson_halves: 2, cny_per_hour: 200.0, usd_per_hour: 30.0, popularity: 8, group_size: 8 },
];
const _: () = assert!(COURSES.len() == COURSES_ZH.len() && COURSES.len() == COURSES_EN.len());

/// Bilingual, as the demo names its courses: families and staff read both languages.
pub(super) fn course_name(course: usize) -> String {
    format!("{} {}", COURSES_ZH[course], COURSES_EN[course])
}

/// What a family writes as the course it is interested in.
pub(super) fn interest(course: usize, english: bool) -> &'static str {
    if english {
        COURSES_EN[course]
    } else {
        COURSES_ZH[course]
    }
}

/// A course by popularity, other than those in `taken`.
pub(super) fn popular_course(rng: &mut fastrand::Rng, taken: &[usize]) -> usize {
    let open: Vec<usize> = (0..COURSES.len()).filter(|c| !taken.contains(c)).collect();
    let total: u32 = open.iter().map(|&c| COURSES[c].popularity).sum();
    let mut roll = rng.u32(..total.max(1));
    for &c in &open {
        if roll < COURSES[c].popularity {
            return c;
        }
        roll -= COURSES[c].popularity;
    }
    open[0]
}

pub(super) fn add_courses(tx: &Transaction, now: DateTime<Utc>) -> Result<Vec<i64>> {
    COURSES
        .iter()
        .enumerate()
        .map(|(i, spec)| {
            let input = CourseInput {
                name: course_name(i),
                format: spec.format,
                lesson_hours: spec.lesson_halves as f64 / 2.0,
            };
            Ok(course::add(tx, &input, now)?.id)
        })
        .collect()
}

pub(super) struct Staff {
    /// The front desk: sells packages, writes most notes, records consent.
    pub(super) admins: Vec<i64>,
    pub(super) teachers: Vec<i64>,
    /// For each course, the teachers (indices into `teachers`) who teach it.
    pub(super) teach: Vec<Vec<usize>>,
}

/// About one teacher per 40 students and one administrator per 250, never fewer than four
/// teachers and two administrators; all hired when the school opened.
pub(super) fn add_staff(
    tx: &Transaction,
    rng: &mut fastrand::Rng,
    students: usize,
    cal: &Calendar,
) -> Result<Staff> {
    let hired = cal.stamp(cal.start, 9 * 60);
    let mut taken = BTreeSet::new();
    let mut hire = |rng: &mut fastrand::Rng, role| -> Result<i64> {
        let name = loop {
            let name = if rng.u8(0..8) == 0 {
                let first = if rng.bool() {
                    names::english_mother(rng)
                } else {
                    names::english_father(rng)
                };
                format!("{first} {}", names::english_surname(rng))
            } else {
                let surname = names::chinese_surname(rng);
                names::chinese_adult(rng, surname)
            };
            if taken.insert(name.clone()) {
                break name;
            }
        };
        Ok(staff::add(tx, &StaffInput { name, role }, hired)?.id)
    };
    let admins = (0..(students / 250).max(2))
        .map(|_| hire(rng, StaffRole::Admin))
        .collect::<Result<Vec<_>>>()?;
    let teachers = (0..(students / 40).max(4))
        .map(|_| hire(rng, StaffRole::Teacher))
        .collect::<Result<Vec<_>>>()?;
    // Each course has its own teachers once there are enough; a small school's teachers
    // take two courses each.
    let teach = (0..COURSES.len())
        .map(|c| {
            (0..teachers.len())
                .filter(|t| {
                    if teachers.len() >= COURSES.len() {
                        t % COURSES.len() == c
                    } else {
                        c % teachers.len() == *t
                    }
                })
                .collect()
        })
        .collect();
    Ok(Staff {
        admins,
        teachers,
        teach,
    })
}
