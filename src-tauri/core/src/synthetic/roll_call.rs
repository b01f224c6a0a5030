//! Five years of roll calls: every class meets weekly in the 40 teaching weeks, each student
//! is marked from the day they joined the class until they left or paused, mostly present,
//! and an excused absence from a group is often made up in another group of the course.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};

use crate::attendance::AttendanceStatus;
use crate::course::CourseFormat;

use super::calendar::{wall_clock, Calendar};
use super::catalogue::{Staff, COURSES};
use super::households::{Pupil, School};
use super::timetable::ClassPlan;

pub(super) struct Session {
    pub(super) class: usize,
    pub(super) starts_at: NaiveDateTime,
    /// Index into the staff's teachers: the class's own, or a colleague standing in.
    pub(super) teacher: usize,
    /// Enrolments marked, and how.
    pub(super) marks: Vec<(usize, AttendanceStatus)>,
}

/// Every session up to yesterday, in the order they were held.
pub(super) fn plan(
    rng: &mut fastrand::Rng,
    cal: &Calendar,
    classes: &[ClassPlan],
    school: &School,
    staff: &Staff,
) -> Vec<Session> {
    let mut sessions = Vec::new();
    for (k, class) in classes.iter().enumerate() {
        let until = class.closed.unwrap_or(cal.today).min(cal.today);
        for day in cal.lesson_days(class.weekday, class.opened, until) {
            let marks: Vec<(usize, AttendanceStatus)> = class
                .members
                .iter()
                .filter(|&&m| school.enrolments[m].from <= day && day < school.enrolments[m].until)
                .map(|&m| {
                    let pupil = &school.pupils[school.enrolments[m].pupil];
                    (m, mark(rng, pupil, day, cal.today))
                })
                .collect();
            if marks.is_empty() {
                continue;
            }
            let colleagues = &staff.teach[class.course];
            let teacher = if rng.u8(0..40) == 0 {
                colleagues[rng.usize(..colleagues.len())]
            } else {
                class.teacher
            };
            sessions.push(Session {
                class: k,
                starts_at: wall_clock(day, class.start),
                teacher,
                marks,
            });
        }
    }
    make_ups(rng, classes, school, &mut sessions);
    sessions.sort_by_key(|s| (s.starts_at, s.class));
    sessions
}

/// Mostly present; a student drifting away misses almost half of the last six weeks.
fn mark(
    rng: &mut fastrand::Rng,
    pupil: &Pupil,
    day: NaiveDate,
    today: NaiveDate,
) -> AttendanceStatus {
    let absence = if pupil.drifting && day >= today - Duration::weeks(6) {
        45
    } else {
        pupil.absence
    };
    let roll = rng.u8(0..100);
    if roll < absence {
        if rng.u8(0..100) < 55 {
            AttendanceStatus::Excused
        } else {
            AttendanceStatus::Unexcused
        }
    } else if roll < absence + 7 {
        AttendanceStatus::Late
    } else {
        AttendanceStatus::Present
    }
}

/// Half the excused absences from a group are made up within two weeks in another group of
/// the same course, on a day the student has no lesson of it anyway.
fn make_ups(
    rng: &mut fastrand::Rng,
    classes: &[ClassPlan],
    school: &School,
    sessions: &mut [Session],
) {
    let mut by_day: BTreeMap<(usize, NaiveDate), Vec<usize>> = BTreeMap::new();
    for (i, s) in sessions.iter().enumerate() {
        let course = classes[s.class].course;
        by_day
            .entry((course, s.starts_at.date()))
            .or_default()
            .push(i);
    }
    let mut found = Vec::new();
    for s in sessions.iter() {
        let class = &classes[s.class];
        if COURSES[class.course].format == CourseFormat::Private {
            continue;
        }
        for &(m, status) in &s.marks {
            if status != AttendanceStatus::Excused || !rng.bool() {
                continue;
            }
            let e = &school.enrolments[m];
            let missed = s.starts_at.date();
            let other = (1..=14)
                .map(|d| missed + Duration::days(d))
                .filter(|d| {
                    *d < e.until && d.weekday().number_from_monday() != u32::from(class.weekday)
                })
                .flat_map(|d| by_day.get(&(class.course, d)).into_iter().flatten())
                .copied()
                .find(|&o| sessions[o].class != s.class);
            if let Some(o) = other {
                found.push((o, m));
            }
        }
    }
    for (o, m) in found {
        if !sessions[o].marks.iter().any(|&(q, _)| q == m) {
            sessions[o].marks.push((m, AttendanceStatus::MakeUp));
        }
    }
}
