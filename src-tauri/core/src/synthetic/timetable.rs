//! The timetable over the years: a private class for each student of an instrument, groups
//! for the other courses filled as students arrive and closed when the last one leaves, each
//! on a weekly slot of one of the course's teachers.

use chrono::NaiveDate;
use rusqlite::Transaction;

use crate::class::{self, ClassInput};
use crate::course::CourseFormat;
use crate::error::Result;

use super::calendar::{wall_clock, Calendar};
use super::catalogue::{course_name, Staff, COURSES};
use super::households::School;

pub(super) struct ClassPlan {
    pub(super) id: i64,
    pub(super) course: usize,
    /// Index into the staff's teachers.
    pub(super) teacher: usize,
    pub(super) weekday: u8,
    /// Minutes after midnight.
    pub(super) start: u32,
    pub(super) opened: NaiveDate,
    /// The day it stopped meeting: its student left, or its group's last one did.
    pub(super) closed: Option<NaiveDate>,
    /// Enrolments (student and course) seated in it, past and present.
    pub(super) members: Vec<usize>,
    name: String,
    /// Index into the teacher's bookings.
    booking: usize,
}

/// A teacher's weekly slot, taken until a day or for good.
struct Booking {
    slot: usize,
    until: Option<NaiveDate>,
}

/// Start times a teacher can take: weekends from 08:30 to 18:00, weekdays after school.
fn slots() -> Vec<(u8, u32)> {
    let weekend = (6..=7).flat_map(|d| (0..20).map(move |k| (d, 8 * 60 + 30 + 30 * k)));
    let weekdays = (1..=5).flat_map(|d| (0..9).map(move |k| (d, 16 * 60 + 30 * k)));
    weekend.chain(weekdays).collect()
}

/// Seats every enrolment in a class, in the order students arrived.
pub(super) fn plan(rng: &mut fastrand::Rng, staff: &Staff, school: &mut School) -> Vec<ClassPlan> {
    let slots = slots();
    let mut bookings: Vec<Vec<Booking>> = staff.teachers.iter().map(|_| Vec::new()).collect();
    let mut classes: Vec<ClassPlan> = Vec::new();
    let mut open: Vec<Vec<usize>> = vec![Vec::new(); COURSES.len()];
    let mut groups_named = vec![0usize; COURSES.len()];
    let mut order: Vec<usize> = (0..school.enrolments.len()).collect();
    order.sort_by_key(|&e| (school.enrolments[e].from, e));
    for e in order {
        let (course, day) = (school.enrolments[e].course, school.enrolments[e].from);
        let spec = &COURSES[course];
        let mut seat = None;
        if spec.format == CourseFormat::Group {
            let mut with_room = Vec::new();
            let mut still_open = Vec::new();
            for &k in &open[course] {
                let seated = classes[k]
                    .members
                    .iter()
                    .filter(|&&m| {
                        let m = &school.enrolments[m];
                        m.current || m.until > day
                    })
                    .count();
                if seated == 0 {
                    let last = last_day(school, &classes[k].members);
                    close(&mut classes[k], &mut bookings, last);
                    continue;
                }
                still_open.push(k);
                if seated < spec.group_size {
                    with_room.push(k);
                }
            }
            open[course] = still_open;
            if !with_room.is_empty() {
                seat = Some(with_room[rng.usize(..with_room.len())]);
            }
        }
        let k = match seat {
            Some(k) => k,
            None => {
                let name = match spec.format {
                    CourseFormat::Private => {
                        let pupil = &school.pupils[school.enrolments[e].pupil];
                        format!("{} 1:1 · {}", course_name(course), pupil.info.name)
                    }
                    CourseFormat::Group => {
                        let n = groups_named[course];
                        groups_named[course] += 1;
                        match u8::try_from(n).ok().filter(|&n| n < 26) {
                            Some(n) => format!("{} {}", course_name(course), (b'A' + n) as char),
                            None => format!("{} {}", course_name(course), n + 1),
                        }
                    }
                };
                let class = open_class(rng, staff, &slots, &mut bookings, course, day, name);
                classes.push(class);
                if spec.format == CourseFormat::Group {
                    open[course].push(classes.len() - 1);
                }
                classes.len() - 1
            }
        };
        classes[k].members.push(e);
        school.enrolments[e].class = k;
        if spec.format == CourseFormat::Private && !school.enrolments[e].current {
            let until = school.enrolments[e].until;
            close(&mut classes[k], &mut bookings, until);
        }
    }
    // Groups whose students have all gone by today.
    for class in &mut classes {
        let gone = class.members.iter().all(|&m| !school.enrolments[m].current);
        if class.closed.is_none() && gone {
            class.closed = Some(last_day(school, &class.members));
        }
    }
    classes
}

fn last_day(school: &School, members: &[usize]) -> NaiveDate {
    members
        .iter()
        .map(|&m| school.enrolments[m].until)
        .max()
        .unwrap_or(NaiveDate::MIN)
}

fn close(class: &mut ClassPlan, bookings: &mut [Vec<Booking>], on: NaiveDate) {
    class.closed = Some(on);
    bookings[class.teacher][class.booking].until = Some(on);
}

/// A new class on `day` with the least busy of the course's teachers, on one of their free
/// slots (weekends first for groups, as parents prefer).
fn open_class(
    rng: &mut fastrand::Rng,
    staff: &Staff,
    slots: &[(u8, u32)],
    bookings: &mut [Vec<Booking>],
    course: usize,
    day: NaiveDate,
    name: String,
) -> ClassPlan {
    let busy = |b: &Booking| b.until.is_none_or(|u| u > day);
    let teacher = staff.teach[course]
        .iter()
        .copied()
        .min_by_key(|&t| (bookings[t].iter().filter(|b| busy(b)).count(), t))
        .unwrap_or(0);
    let free: Vec<usize> = (0..slots.len())
        .filter(|&s| !bookings[teacher].iter().any(|b| b.slot == s && busy(b)))
        .collect();
    let weekend: Vec<usize> = free.iter().copied().filter(|&s| slots[s].0 >= 6).collect();
    let group = COURSES[course].format == CourseFormat::Group;
    let pool = if group && !weekend.is_empty() && rng.u8(0..10) < 6 {
        &weekend
    } else {
        &free
    };
    // A teacher with every slot taken double-books, as a busy school does.
    let slot = if pool.is_empty() {
        rng.usize(..slots.len())
    } else {
        pool[rng.usize(..pool.len())]
    };
    bookings[teacher].push(Booking { slot, until: None });
    ClassPlan {
        id: 0,
        course,
        teacher,
        weekday: slots[slot].0,
        start: slots[slot].1,
        opened: day,
        closed: None,
        members: Vec::new(),
        name,
        booking: bookings[teacher].len() - 1,
    }
}

/// Writes every class through `class::add` with the students seated in it today; a class
/// that stopped meeting is archived from that day.
pub(super) fn write(
    tx: &Transaction,
    cal: &Calendar,
    classes: &mut [ClassPlan],
    school: &School,
    staff: &Staff,
    courses: &[i64],
) -> Result<()> {
    for class in classes.iter_mut() {
        let input = ClassInput {
            course_id: courses[class.course],
            teacher_id: staff.teachers[class.teacher],
            name: class.name.clone(),
            weekday: class.weekday,
            start_time: wall_clock(class.opened, class.start)
                .format("%H:%M")
                .to_string(),
            student_ids: class
                .members
                .iter()
                .map(|&m| &school.enrolments[m])
                .filter(|m| m.current)
                .map(|m| school.pupils[m.pupil].id)
                .collect(),
        };
        class.id = class::add(tx, &input, cal.stamp(class.opened, 10 * 60))?.id;
        if let Some(closed) = class.closed {
            class::set_archived(tx, class.id, true, cal.stamp(closed, 18 * 60))?;
        }
    }
    Ok(())
}
