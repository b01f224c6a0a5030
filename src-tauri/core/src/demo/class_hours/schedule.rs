//! The timetable: which classes each course runs, who sits in them, and the weekly sessions
//! roll call is taken for.

use std::collections::HashSet;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use rusqlite::Transaction;

use crate::attendance::AttendanceStatus;
use crate::class::{self, ClassInput};
use crate::course::CourseFormat;
use crate::error::Result;
use crate::student::StudentStatus;

use super::{pick, Pupil, COURSES};

/// Weekly slots (1 = Monday): weekends first, then after school. A teacher takes each slot
/// once; only a school far larger than the default demo runs out and double-books.
#[rustfmt::skip]
const SLOTS: &[(u8, &str)] = &[
    (6, "09:00"), (6, "10:30"), (6, "14:00"), (6, "15:30"),
    (7, "09:00"), (7, "10:30"), (7, "14:00"), (7, "15:30"),
    (1, "16:30"), (2, "16:30"), (3, "16:30"), (4, "16:30"), (5, "16:30"),
    (1, "18:00"), (2, "18:00"), (3, "18:00"), (4, "18:00"), (5, "18:00"),
    (1, "19:30"), (2, "19:30"), (3, "19:30"), (4, "19:30"), (5, "19:30"),
];
/// Roll calls cover this many weeks before today.
const WEEKS: i64 = 16;
/// A group class is split when more students than this take the course.
const GROUP_SIZE: usize = 10;

pub(super) struct ClassPlan {
    pub(super) id: i64,
    pub(super) course: usize,
    pub(super) teacher: usize,
    weekday: u8,
    start: NaiveTime,
    pub(super) roster: Vec<usize>,
}

pub(super) struct SessionPlan {
    pub(super) class: usize,
    pub(super) starts_at: NaiveDateTime,
    /// Pupil indices and what roll call says about them.
    pub(super) marks: Vec<(usize, AttendanceStatus)>,
}

/// Enrolled students take the course they were interested in (a few private seats, the rest
/// in groups of up to `GROUP_SIZE`); some active ones take a second, group course.
pub(super) fn add_classes(
    tx: &Transaction,
    rng: &mut fastrand::Rng,
    staff: &[i64],
    pupils: &[Pupil],
    courses: &[i64],
    now: DateTime<Utc>,
) -> Result<Vec<ClassPlan>> {
    let groups: Vec<usize> = (0..COURSES.len())
        .filter(|&c| COURSES[c].format == CourseFormat::Group)
        .collect();
    let enrolled = pupils.iter().enumerate().filter(|(_, p)| {
        p.enrolled_on.is_some()
            && matches!(
                p.status,
                StudentStatus::Active | StudentStatus::Trial | StudentStatus::Paused
            )
    });
    // A few private seats per private course; the others who wanted one join a group.
    let private_seats = (pupils.len() / 24).max(1);
    let mut takers: Vec<Vec<usize>> = vec![Vec::new(); COURSES.len()];
    for (i, pupil) in enrolled {
        let wanted = pupil.interests.iter().find_map(|interest| {
            COURSES
                .iter()
                .position(|c| c.interest.contains(&interest.as_str()))
        });
        let first = match wanted {
            Some(c) if COURSES[c].format == CourseFormat::Group => c,
            Some(c) if takers[c].len() < private_seats => c,
            _ => *pick(rng, &groups),
        };
        takers[first].push(i);
        let second = *pick(rng, &groups);
        if pupil.status == StudentStatus::Active && second != first && rng.u8(0..6) == 0 {
            takers[second].push(i);
        }
    }

    let mut booked: HashSet<(usize, usize)> = HashSet::new();
    let mut classes = Vec::new();
    for (c, spec) in COURSES.iter().enumerate() {
        let students = &mut takers[c];
        let rosters: Vec<Vec<usize>> = match spec.format {
            CourseFormat::Private => students.iter().map(|&p| vec![p]).collect(),
            CourseFormat::Group => {
                rng.shuffle(students);
                let n = students.len().div_ceil(GROUP_SIZE);
                (0..n)
                    .map(|k| students.iter().skip(k).step_by(n).copied().collect())
                    .collect()
            }
        };
        for (k, roster) in rosters.into_iter().enumerate() {
            let name = match spec.format {
                CourseFormat::Private => format!("{} 1:1 · {}", spec.name, pupils[roster[0]].name),
                CourseFormat::Group if k < 26 => {
                    format!("{} {}", spec.name, (b'A' + k as u8) as char)
                }
                CourseFormat::Group => format!("{} {}", spec.name, k + 1),
            };
            let start = rng.usize(..SLOTS.len());
            let slot = (0..SLOTS.len())
                .map(|s| (start + s) % SLOTS.len())
                .find(|&s| !booked.contains(&(spec.teacher, s)))
                .unwrap_or(start);
            booked.insert((spec.teacher, slot));
            let (weekday, time) = SLOTS[slot];
            let input = ClassInput {
                course_id: courses[c],
                teacher_id: staff[spec.teacher],
                name,
                weekday,
                start_time: time.into(),
                student_ids: roster.iter().map(|&p| pupils[p].id).collect(),
            };
            let class = class::add(tx, &input, now)?;
            classes.push(ClassPlan {
                id: class.id,
                course: c,
                teacher: spec.teacher,
                weekday,
                start: NaiveTime::parse_from_str(time, "%H:%M").unwrap_or_default(),
                roster,
            });
        }
    }
    Ok(classes)
}

/// Weekly sessions of every class over the last `WEEKS` weeks, up to yesterday. A student is
/// marked from enrollment on (trial students only lately, paused ones until they paused);
/// some excused absences are made up in another group of the same course.
pub(super) fn plan_sessions(
    rng: &mut fastrand::Rng,
    pupils: &[Pupil],
    classes: &[ClassPlan],
    today: NaiveDate,
) -> Vec<SessionPlan> {
    let attends: Vec<(NaiveDate, NaiveDate)> = pupils
        .iter()
        .map(|p| {
            let enrolled = p.enrolled_on.unwrap_or(today);
            match p.status {
                StudentStatus::Trial => (
                    enrolled.max(today - Duration::days(rng.i64(14..=35))),
                    today,
                ),
                StudentStatus::Paused => (enrolled, today - Duration::days(rng.i64(14..=42))),
                _ => (enrolled, today),
            }
        })
        .collect();
    let comes = |p: usize, day: NaiveDate| attends[p].0 <= day && day < attends[p].1;

    let first_day = today - Duration::weeks(WEEKS);
    let mut sessions = Vec::new();
    for (i, class) in classes.iter().enumerate() {
        let offset = i64::from(class.weekday) - i64::from(first_day.weekday().number_from_monday());
        let mut day = first_day + Duration::days(offset.rem_euclid(7));
        while day < today {
            let marks: Vec<_> = class
                .roster
                .iter()
                .filter(|&&p| comes(p, day))
                .map(|&p| (p, status(rng)))
                .collect();
            if !marks.is_empty() {
                sessions.push(SessionPlan {
                    class: i,
                    starts_at: day.and_time(class.start),
                    marks,
                });
            }
            day += Duration::weeks(1);
        }
    }

    let mut make_ups = Vec::new();
    for s in &sessions {
        let class = &classes[s.class];
        if COURSES[class.course].format == CourseFormat::Private {
            continue;
        }
        for &(p, status) in &s.marks {
            if status != AttendanceStatus::Excused || !rng.bool() {
                continue;
            }
            let day = s.starts_at.date();
            let other = sessions.iter().position(|o| {
                let d = o.starts_at.date();
                o.class != s.class
                    && classes[o.class].course == class.course
                    && d > day
                    && d <= day + Duration::weeks(2)
                    && comes(p, d)
                    && !classes[o.class].roster.contains(&p)
            });
            if let Some(o) = other {
                make_ups.push((o, p));
            }
        }
    }
    for (o, p) in make_ups {
        if !sessions[o].marks.iter().any(|&(q, _)| q == p) {
            sessions[o].marks.push((p, AttendanceStatus::MakeUp));
        }
    }
    sessions
}

fn status(rng: &mut fastrand::Rng) -> AttendanceStatus {
    match rng.u8(0..100) {
        0..=81 => AttendanceStatus::Present,
        82..=89 => AttendanceStatus::Late,
        90..=95 => AttendanceStatus::Excused,
        _ => AttendanceStatus::Unexcused,
    }
}
