//! The demo school's class hours: five courses, weekly classes taught by the demo teachers,
//! packages for every enrolled student and about four months of roll calls up to yesterday.
//! Everything is written through the functions the UI calls (`course::add`, `class::add`,
//! `package::sell`, `attendance::save_roll_call`, `package::correct`, `package::transfer`), so
//! the demo obeys every rule real data does.
//!
//! Packages are planned before they are sold: each account's lessons are replayed here the
//! way the ledger replays them (oldest valid package first), and the family renews when the
//! next lesson would not be covered. Roll call therefore never meets an empty account, except
//! for the one or two students deliberately left to take their last lessons on credit, so
//! the warnings screen has something to show next to the natural low and expiring ones.

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use rusqlite::Transaction;

use crate::attendance::{self, AttendanceStatus, Mark, RollCall};
use crate::class::{self, ClassInput};
use crate::course::{self, CourseFormat, CourseInput};
use crate::error::Result;
use crate::ledger;
use crate::package::{self, AdjustmentInput, PackageInput};
use crate::settings::{self, ClassHourPolicy};
use crate::student::StudentStatus;

use super::pick;

/// A student as the family part of the demo created them.
pub(super) struct Pupil {
    pub id: i64,
    pub family_id: i64,
    pub name: String,
    /// The family writes in English (and may pay in US dollars).
    pub english: bool,
    pub status: StudentStatus,
    pub enrolled_on: Option<NaiveDate>,
    pub interests: Vec<String>,
}

pub(super) struct Counts {
    pub courses: usize,
    pub classes: usize,
    pub packages: usize,
    pub sessions: usize,
}

struct CourseSpec {
    /// Bilingual ("钢琴 Piano"): course names are data, not UI text, and this school's
    /// families and staff read both languages, so one name serves either UI language.
    name: &'static str,
    format: CourseFormat,
    lesson_hours: f64,
    /// Index into the demo staff: 2 陈宇, 3 Sarah Miller, 4 赵敏.
    teacher: usize,
    /// The course of interest that leads a student here, as Chinese and English families
    /// write it.
    interest: [&'static str; 2],
    cny_per_hour: f64,
    usd_per_hour: f64,
}

#[rustfmt::skip]
const COURSES: &[CourseSpec] = &[
    CourseSpec { name: "钢琴 Piano", format: CourseFormat::Private, lesson_hours: 1.0, teacher: 2,
                 interest: ["钢琴", "Piano"], cny_per_hour: 300.0, usd_per_hour: 45.0 },
    CourseSpec { name: "小提琴 Violin", format: CourseFormat::Private, lesson_hours: 1.0, teacher: 3,
                 interest: ["小提琴", "Violin"], cny_per_hour: 280.0, usd_per_hour: 40.0 },
    CourseSpec { name: "芭蕾 Ballet", format: CourseFormat::Group, lesson_hours: 1.5, teacher: 4,
                 interest: ["芭蕾", "Ballet"], cny_per_hour: 160.0, usd_per_hour: 25.0 },
    CourseSpec { name: "美术 Art", format: CourseFormat::Group, lesson_hours: 1.5, teacher: 3,
                 interest: ["美术", "Art"], cny_per_hour: 120.0, usd_per_hour: 18.0 },
    CourseSpec { name: "少儿街舞 Hip-hop", format: CourseFormat::Group, lesson_hours: 1.0, teacher: 4,
                 interest: ["街舞", "Hip-hop"], cny_per_hour: 130.0, usd_per_hour: 20.0 },
];

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
const TEACHERS: [usize; 3] = [2, 3, 4];
/// Roll calls cover this many weeks before today.
const WEEKS: i64 = 16;
/// A group class is split when more students than this take the course.
const GROUP_SIZE: usize = 10;
/// Students whose family has not renewed yet and who came to their last lessons on credit.
const ON_CREDIT: usize = 2;
/// Students with hours left in a package that ends within the month.
const EXPIRING: usize = 2;

struct ClassPlan {
    id: i64,
    course: usize,
    teacher: usize,
    weekday: u8,
    start: NaiveTime,
    roster: Vec<usize>,
}

struct SessionPlan {
    class: usize,
    starts_at: NaiveDateTime,
    /// Pupil indices and what roll call says about them.
    marks: Vec<(usize, AttendanceStatus)>,
}

struct Bought {
    on: NaiveDate,
    until: NaiveDate,
    hours: f64,
    bonus: f64,
    price: f64,
    usd: bool,
    /// Half-hours left as the plan replays the lessons.
    left: i64,
}

struct AccountPlan {
    packages: Vec<Bought>,
    /// Lessons no package covers: staff said yes to taking them on credit.
    on_credit: Vec<NaiveDateTime>,
}

pub(super) fn generate(
    tx: &Transaction,
    rng: &mut fastrand::Rng,
    staff: &[i64],
    pupils: &[Pupil],
    now: DateTime<Utc>,
) -> Result<Counts> {
    let today = now.date_naive();
    let courses = COURSES
        .iter()
        .map(|spec| {
            let input = CourseInput {
                name: spec.name.into(),
                format: spec.format,
                lesson_hours: spec.lesson_hours,
            };
            Ok(course::add(tx, &input, now)?.id)
        })
        .collect::<Result<Vec<_>>>()?;
    let classes = add_classes(tx, rng, staff, pupils, &courses, now)?;
    let sessions = plan_sessions(rng, pupils, &classes, today);
    let policy = settings::policy(tx)?;
    let mut accounts = plan_accounts(rng, pupils, &classes, &sessions, &policy, today);
    let mut counts = Counts {
        courses: courses.len(),
        classes: classes.len(),
        packages: 0,
        sessions: 0,
    };

    for a in &mut accounts {
        for b in &a.plan.packages {
            let input = PackageInput {
                student_id: pupils[a.pupil].id,
                course_id: courses[a.course],
                purchased_hours: b.hours,
                bonus_hours: b.bonus,
                price: b.price,
                currency: if b.usd { "USD" } else { "CNY" }.into(),
                purchased_on: b.on,
                valid_from: b.on,
                valid_until: b.until,
            };
            let id = package::sell(tx, &input, now)?;
            a.open_package = (b.until >= today).then_some((id, b.on));
            counts.packages += 1;
        }
    }

    let on_credit: HashSet<(usize, usize, NaiveDateTime)> = accounts
        .iter()
        .flat_map(|a| a.plan.on_credit.iter().map(|&t| (a.pupil, a.course, t)))
        .collect();
    let mut by_time: Vec<&SessionPlan> = sessions.iter().collect();
    by_time.sort_by_key(|s| (s.starts_at, s.class));
    for s in by_time {
        let class = &classes[s.class];
        // Now and then a colleague stands in.
        let teacher = if rng.u8(0..30) == 0 {
            *pick(rng, &TEACHERS)
        } else {
            class.teacher
        };
        let marks = s
            .marks
            .iter()
            .map(|&(p, status)| Mark {
                student_id: pupils[p].id,
                status,
                allow_negative: on_credit.contains(&(p, class.course, s.starts_at)),
            })
            .collect();
        let roll_call = RollCall {
            class_id: class.id,
            starts_at: s.starts_at,
            teacher_id: staff[teacher],
            marks,
        };
        attendance::save_roll_call(tx, &roll_call, now)?;
        counts.sessions += 1;
    }

    counts.packages += front_desk(tx, rng, staff, pupils, &courses, &accounts, now)?;
    Ok(counts)
}

/// One student's hours for one course, planned.
struct Account {
    pupil: usize,
    course: usize,
    /// The lessons roll call will deduct, in order.
    lessons: Vec<NaiveDateTime>,
    plan: AccountPlan,
    /// The last package sold, with its purchase date, while it is still valid.
    open_package: Option<(i64, NaiveDate)>,
}

/// An account for every course each enrolled student takes, with the packages that cover
/// its lessons; one or two families have not renewed in the last three weeks, and one or two
/// have hours in a package about to end.
fn plan_accounts(
    rng: &mut fastrand::Rng,
    pupils: &[Pupil],
    classes: &[ClassPlan],
    sessions: &[SessionPlan],
    policy: &ClassHourPolicy,
    today: NaiveDate,
) -> Vec<Account> {
    let mut lessons: BTreeMap<(usize, usize), Vec<NaiveDateTime>> = BTreeMap::new();
    for class in classes {
        for &p in &class.roster {
            lessons.entry((p, class.course)).or_default();
        }
    }
    for s in sessions {
        for &(p, status) in &s.marks {
            if policy.deducts(status) {
                let course = classes[s.class].course;
                lessons.entry((p, course)).or_default().push(s.starts_at);
            }
        }
    }
    let mut seeds = Vec::with_capacity(lessons.len());
    let mut accounts: Vec<Account> = lessons
        .into_iter()
        .map(|((pupil, course), mut lessons)| {
            lessons.sort();
            let seed = rng.u64(..);
            seeds.push(seed);
            let plan = plan_account(
                seed,
                &pupils[pupil],
                &COURSES[course],
                &lessons,
                today,
                today,
            );
            Account {
                pupil,
                course,
                lessons,
                plan,
                open_package: None,
            }
        })
        .collect();
    let mut order: Vec<usize> = (0..accounts.len()).collect();
    rng.shuffle(&mut order);
    let renew_before = today - Duration::weeks(3);
    let mut late = 0;
    for &i in &order {
        let a = &mut accounts[i];
        if late == ON_CREDIT || pupils[a.pupil].status != StudentStatus::Active {
            continue;
        }
        let spec = &COURSES[a.course];
        let plan = plan_account(
            seeds[i],
            &pupils[a.pupil],
            spec,
            &a.lessons,
            renew_before,
            today,
        );
        if (1..=3).contains(&plan.on_credit.len()) {
            a.plan = plan;
            late += 1;
        }
    }
    // One or two others hold hours in a package that ends within the month: sold for a
    // shorter term, whole months still, which changes nothing before today.
    let mut ending = 0;
    for &i in &order {
        let a = &mut accounts[i];
        let Some(last) = a.plan.packages.last_mut() else {
            continue;
        };
        if ending == EXPIRING || !a.plan.on_credit.is_empty() || last.left < 2 {
            continue;
        }
        let soon = |&until: &NaiveDate| {
            today + Duration::weeks(1) <= until && until <= today + Duration::weeks(4)
        };
        let term = (3..=12)
            .map(|months| last.on + Months::new(months) - Duration::days(1))
            .find(soon);
        if let Some(until) = term.filter(|&until| until <= last.until) {
            last.until = until;
            ending += 1;
        }
    }
    accounts
}

/// The front desk's own entries: a referral reward, and hours shared between siblings.
/// Returns the packages the sharing made.
fn front_desk(
    tx: &Transaction,
    rng: &mut fastrand::Rng,
    staff: &[i64],
    pupils: &[Pupil],
    courses: &[i64],
    accounts: &[Account],
    now: DateTime<Utc>,
) -> Result<usize> {
    let today = now.date_naive();
    // Accounts on credit are left alone: the family owes hours, and knows it.
    let settled = |a: &&Account| a.plan.on_credit.is_empty();
    let regular = accounts.iter().filter(settled).find(|a| {
        pupils[a.pupil].status == StudentStatus::Active
            && a.lessons.len() >= 4
            && a.open_package.is_some()
    });
    if let Some((a, (package_id, bought))) = regular.and_then(|a| Some((a, a.open_package?))) {
        let reward = AdjustmentInput {
            package_id,
            hours: COURSES[a.course].lesson_hours,
            reason: "转介绍奖励，赠送一节课 / Referral reward: one lesson free".into(),
            author_id: staff[0],
            on: bought.max(today - Duration::days(rng.i64(1..=14))),
        };
        package::correct(tx, &reward, now)?;
    }

    for giver in accounts.iter().filter(settled) {
        let Some((package_id, _)) = giver.open_package else {
            continue;
        };
        let family = pupils[giver.pupil].family_id;
        let Some(taker) = accounts.iter().filter(settled).find(|a| {
            a.course == giver.course
                && a.pupil != giver.pupil
                && pupils[a.pupil].family_id == family
        }) else {
            continue;
        };
        let account = ledger::account(tx, pupils[giver.pupil].id, courses[giver.course], today)?;
        let left = account
            .packages
            .iter()
            .find(|p| p.id == package_id)
            .map_or(0.0, |p| p.remaining);
        if left >= 6.0 {
            let share = AdjustmentInput {
                package_id,
                hours: (left / 2.0).floor(),
                reason: "兄弟姐妹共用课时 / Hours shared with a sibling".into(),
                author_id: staff[1],
                on: today,
            };
            package::transfer(tx, &share, pupils[taker.pupil].id, now)?;
            return Ok(1);
        }
    }
    Ok(0)
}

/// Enrolled students take the course they were interested in (a few private seats, the rest
/// in groups of up to `GROUP_SIZE`); some active ones take a second, group course.
fn add_classes(
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
fn plan_sessions(
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

/// The packages a family buys for one course: one before the first lesson, and a renewal
/// whenever the next lesson would not be covered — unless it falls on or after
/// `renew_before`, when the lesson is taken on credit instead. Replays lessons the way the
/// ledger does, so what the plan covers, roll call covers. Seeded per account so the plan can
/// be redone with another `renew_before`.
fn plan_account(
    seed: u64,
    pupil: &Pupil,
    spec: &CourseSpec,
    lessons: &[NaiveDateTime],
    renew_before: NaiveDate,
    today: NaiveDate,
) -> AccountPlan {
    let mut rng = fastrand::Rng::with_seed(seed);
    let usd = pupil.english && rng.bool();
    let need = (spec.lesson_hours * 2.0).round() as i64;
    let enrolled = pupil.enrolled_on.unwrap_or(today);
    let first_lesson = lessons.first().map_or(today, |t| t.date());
    let mut last = between(
        &mut rng,
        enrolled.max(first_lesson - Duration::days(45)),
        first_lesson,
    );
    let trial = pupil.status == StudentStatus::Trial;
    let mut plan = AccountPlan {
        packages: vec![buy(&mut rng, spec, last, usd, trial)],
        on_credit: Vec::new(),
    };
    for &t in lessons {
        let day = t.date();
        let valid = |b: &Bought| b.on <= day && day <= b.until;
        let available: i64 = plan
            .packages
            .iter()
            .filter(|b| valid(b))
            .map(|b| b.left)
            .sum();
        if available < need {
            if day < renew_before {
                let on = between(&mut rng, last.max(day - Duration::days(10)), day);
                plan.packages.push(buy(&mut rng, spec, on, usd, false));
            } else {
                plan.on_credit.push(t);
            }
        }
        let mut owed = need;
        for b in plan.packages.iter_mut().filter(|b| valid(b)) {
            let take = owed.min(b.left);
            b.left -= take;
            owed -= take;
        }
        last = day;
    }
    plan
}

/// A package size a school sells: bigger ones are cheaper per hour, last longer and come
/// with bonus hours in `bonus_odds` sales out of four.
struct Size {
    hours: f64,
    months: [u32; 2],
    discount: f64,
    bonus: f64,
    bonus_odds: u8,
}

#[rustfmt::skip]
const SIZES: &[Size] = &[
    Size { hours: 10.0, months: [3, 4], discount: 1.0, bonus: 0.0, bonus_odds: 0 },
    Size { hours: 20.0, months: [6, 6], discount: 0.95, bonus: 1.0, bonus_odds: 1 },
    Size { hours: 30.0, months: [9, 12], discount: 0.9, bonus: 2.0, bonus_odds: 2 },
    Size { hours: 48.0, months: [12, 12], discount: 0.85, bonus: 4.0, bonus_odds: 4 },
];

/// A package of one of the usual sizes, 20 hours most often. A trial student starts with the
/// smallest.
fn buy(
    rng: &mut fastrand::Rng,
    spec: &CourseSpec,
    on: NaiveDate,
    usd: bool,
    trial: bool,
) -> Bought {
    let size = if trial {
        0
    } else {
        *pick(rng, &[0, 0, 1, 1, 1, 1, 2, 2, 2, 3])
    };
    let size = &SIZES[size];
    let bonus = if rng.u8(0..4) < size.bonus_odds {
        size.bonus
    } else {
        0.0
    };
    let (rate, step) = if usd {
        (spec.usd_per_hour, 5.0)
    } else {
        (spec.cny_per_hour, 10.0)
    };
    Bought {
        on,
        until: on + Months::new(*pick(rng, &size.months)) - Duration::days(1),
        hours: size.hours,
        bonus,
        price: (rate * size.hours * size.discount / step).round() * step,
        usd,
        left: ((size.hours + bonus) * 2.0) as i64,
    }
}

fn status(rng: &mut fastrand::Rng) -> AttendanceStatus {
    match rng.u8(0..100) {
        0..=81 => AttendanceStatus::Present,
        82..=89 => AttendanceStatus::Late,
        90..=95 => AttendanceStatus::Excused,
        _ => AttendanceStatus::Unexcused,
    }
}

/// A day from `from` to `to` inclusive (`from` when the range is empty).
fn between(rng: &mut fastrand::Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    from + Duration::days(rng.i64(0..=(to - from).num_days().max(0)))
}
