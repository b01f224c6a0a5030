//! The demo school: a seeded, bilingual generator of staff, families, guardians, students
//! and notes, then courses, classes, packages and a few months of roll calls
//! ([`class_hours`]). The same seed always gives the same school; later benchmarks scale
//! `families`.

mod class_hours;
pub(crate) mod motivation;
mod renewal;
pub(crate) mod scripts;

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::Transaction;

use crate::error::{ConflictCode, Error, Result};
use crate::family::{self, NewFamily, NewFamilyGuardian};
use crate::guardian::{ContactChannel, GuardianInfo, Relationship};
use crate::note::{self, NoteInput, NoteKind};
use crate::staff::{self, StaffInput, StaffRole};
use crate::student::{Gender, StudentInfo, StudentStatus};

pub const DEFAULT_SEED: u64 = 2026;
pub const DEFAULT_FAMILIES: usize = 36;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DemoSummary {
    pub staff: usize,
    pub families: usize,
    pub students: usize,
    pub notes: usize,
    pub courses: usize,
    pub classes: usize,
    pub packages: usize,
    /// Roll calls taken.
    pub sessions: usize,
}

pub(crate) const SURNAMES: &[&str] = &[
    "张", "王", "李", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "曾", "单", "吕",
    "欧阳", "林", "何", "郭", "马",
];
pub(crate) const GIVEN_CHILD: &[&str] = &[
    "小明", "梓涵", "子轩", "欣怡", "雨桐", "浩然", "一诺", "思远", "可欣", "宇航", "诗涵", "俊杰",
    "若曦", "天佑", "心怡", "明轩",
];
pub(crate) const GIVEN_ADULT: &[&str] = &[
    "伟", "芳", "静", "磊", "丽", "强", "敏", "军", "洁", "勇", "艳", "涛", "红梅", "建国", "海燕",
    "志刚",
];
pub(crate) const EN_SURNAMES: &[&str] = &[
    "Smith", "Miller", "Johnson", "Brown", "Garcia", "Chen", "Wong", "Taylor", "Müller", "Lee",
];
pub(crate) const EN_GIRLS: &[&str] = &["Emily", "Mia", "Sophie", "Chloe", "Grace"];
pub(crate) const EN_CHILD: &[&str] = &[
    "Emily", "Oliver", "Mia", "Lucas", "Sophie", "Leo", "Chloe", "Ethan", "Grace", "Noah",
];
pub(crate) const EN_MOTHER: &[&str] = &["Sarah", "Jessica", "Anna", "Laura", "Rachel", "Hannah"];
pub(crate) const EN_FATHER: &[&str] = &["David", "Michael", "James", "Daniel", "Thomas", "Mark"];
pub(crate) const COURSES_ZH: &[&str] = &[
    "钢琴",
    "小提琴",
    "芭蕾",
    "街舞",
    "游泳",
    "美术",
    "围棋",
    "声乐",
];
pub(crate) const COURSES_EN: &[&str] = &[
    "Piano", "Violin", "Ballet", "Hip-hop", "Swimming", "Art", "Chess", "Singing",
];
pub(crate) const BEST_TIME_ZH: &[&str] = &[
    "工作日晚上 7 点后",
    "周末上午",
    "午休 12:00–13:00",
    "接送孩子时",
];
pub(crate) const BEST_TIME_EN: &[&str] = &[
    "Weekday evenings",
    "Saturday mornings",
    "Lunch break",
    "At pick-up",
];
pub(crate) const GRADES: &[&str] = &[
    "beginner",
    "intermediate",
    "advanced",
    "考级三级",
    "ABRSM Grade 2",
];

pub(crate) const NOTES_ZH: &[(NoteKind, &str)] = &[
    (
        NoteKind::EnrollmentTalk,
        "报名时沟通：家长希望{child}能坚持下来，培养专注力，顺便了解了考级的安排。",
    ),
    (
        NoteKind::ProgressUpdate,
        "课后反馈：{child}这个月进步明显，节奏感更稳了，回家练习时间也比以前多。",
    ),
    (
        NoteKind::RenewalTalk,
        "续费沟通：家长问到下学期的课程计划和比赛机会，约了下周面谈。",
    ),
    (
        NoteKind::Feedback,
        "家长反馈孩子很喜欢新老师，说上课比以前更有信心了。",
    ),
    (
        NoteKind::Complaint,
        "家长反映上周调课通知太晚，已道歉并承诺以后提前三天通知。",
    ),
    (
        NoteKind::Other,
        "家长询问暑假集训营的时间和费用，已发送介绍资料。",
    ),
];
pub(crate) const NOTES_EN: &[(NoteKind, &str)] = &[
    (NoteKind::EnrollmentTalk, "Enrollment talk: parents want {child} to enjoy music and gain confidence; asked about recitals."),
    (NoteKind::ProgressUpdate, "Progress update: {child} is reading notes much faster and practises four days a week now."),
    (NoteKind::RenewalTalk, "Renewal talk: discussed next term's plan and the spring showcase; parent will confirm by Friday."),
    (NoteKind::Feedback, "Parent says {child} looks forward to every lesson and talks about it at dinner."),
    (NoteKind::Complaint, "Parent unhappy that two lessons were moved at short notice; apologised and offered a make-up."),
    (NoteKind::Other, "Asked about the summer camp dates and prices; sent the brochure."),
];

/// Loads the demo school into an empty database.
pub fn load(tx: &Transaction, now: DateTime<Utc>) -> Result<DemoSummary> {
    if !family::is_empty(tx)? {
        return Err(Error::Conflict {
            code: ConflictCode::SchoolNotEmpty,
        });
    }
    crate::settings::set_school_name(tx, "星光艺术中心 Starlight Arts")?;
    generate(tx, DEFAULT_SEED, DEFAULT_FAMILIES, now)
}

/// Writes `families` seeded families through the same domain functions the UI uses, so demo
/// data obeys every rule real data does.
pub fn generate(
    tx: &Transaction,
    seed: u64,
    families: usize,
    now: DateTime<Utc>,
) -> Result<DemoSummary> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let staff_ids = [
        ("李静", StaffRole::Admin),
        ("Anna Schmidt", StaffRole::Admin),
        ("陈宇", StaffRole::Teacher),
        ("Sarah Miller", StaffRole::Teacher),
        ("赵敏", StaffRole::Teacher),
    ]
    .into_iter()
    .map(|(name, role)| {
        Ok(staff::add(
            tx,
            &StaffInput {
                name: name.into(),
                role,
            },
            now,
        )?
        .id)
    })
    .collect::<Result<Vec<_>>>()?;

    let today = now.date_naive();
    let mut summary = DemoSummary {
        staff: staff_ids.len(),
        families,
        students: 0,
        notes: 0,
        courses: 0,
        classes: 0,
        packages: 0,
        sessions: 0,
    };
    let mut pupils = Vec::new();
    for i in 0..families {
        // Every third family writes in English; the first family is always 张小明's.
        let chinese = i % 3 != 1;
        let input = if chinese {
            chinese_family(&mut rng, i, today)
        } else {
            english_family(&mut rng, today)
        };
        summary.students += input.students.len();
        let family_id = family::create(tx, &input, now)?;
        let detail = family::detail(tx, family_id)?;
        pupils.extend(detail.students.iter().map(|s| class_hours::Pupil {
            id: s.id,
            family_id,
            name: s.info.name.clone(),
            english: !chinese,
            status: s.info.status,
            enrolled_on: s.info.enrolled_on,
            interests: s.info.courses_of_interest.clone(),
        }));
        let templates = if chinese { NOTES_ZH } else { NOTES_EN };
        for _ in 0..rng.usize(1..=4) {
            let student = &detail.students[rng.usize(..detail.students.len())];
            let guardian = &detail.guardians[rng.usize(..detail.guardians.len())];
            let (kind, text) = templates[rng.usize(..templates.len())];
            // Conversations happen in opening hours on one of the last 150 days.
            let day = today - Duration::days(rng.i64(1..=150));
            let occurred = day
                .and_hms_opt(rng.u32(9..=20), 15 * rng.u32(0..4), 0)
                .unwrap_or_default();
            note::add(
                tx,
                &NoteInput {
                    family_id,
                    student_id: Some(student.id),
                    guardian_id: Some(guardian.id),
                    author_id: staff_ids[rng.usize(..staff_ids.len())],
                    channel: *pick(&mut rng, ContactChannel::ALL),
                    kind,
                    body: text.replace("{child}", &student.info.name),
                    occurred_at: occurred,
                },
                now,
            )?;
            summary.notes += 1;
        }
    }
    let hours = class_hours::generate(tx, &mut rng, &staff_ids, &pupils, now)?;
    motivation::generate(tx, seed, staff_ids[0], now)?;
    renewal::generate(tx, staff_ids[0], now)?;
    scripts::generate(tx, &mut rng, now)?;
    summary.courses = hours.courses;
    summary.classes = hours.classes;
    summary.packages = hours.packages;
    summary.sessions = hours.sessions;
    Ok(summary)
}

pub(crate) fn pick<'a, T>(rng: &mut fastrand::Rng, items: &'a [T]) -> &'a T {
    &items[rng.usize(..items.len())]
}

fn mobile(rng: &mut fastrand::Rng) -> String {
    format!("1{}{:09}", rng.u8(3..=9), rng.u32(0..1_000_000_000))
}

fn child(rng: &mut fastrand::Rng, name: String, courses: &[&str], today: NaiveDate) -> StudentInfo {
    let age_days = rng.i64(5 * 365..=14 * 365);
    let status = match rng.u8(0..20) {
        0 => StudentStatus::Prospect,
        1 | 2 => StudentStatus::Trial,
        3 => StudentStatus::Paused,
        4 => StudentStatus::Lapsed,
        _ => StudentStatus::Active,
    };
    StudentInfo {
        name,
        birth_date: Some(today - Duration::days(age_days)),
        gender: Some(*pick(rng, &[Gender::Female, Gender::Male])),
        courses_of_interest: (0..rng.usize(1..=2))
            .map(|_| pick(rng, courses).to_string())
            .collect(),
        skill_level: Some(pick(rng, GRADES).to_string()),
        status,
        enrolled_on: (status != StudentStatus::Prospect)
            .then(|| today - Duration::days(rng.i64(10..=900))),
    }
}

/// `n` different entries of `pool`, starting with `first` when given.
fn distinct<'a>(
    rng: &mut fastrand::Rng,
    pool: &[&'a str],
    n: usize,
    first: Option<&'a str>,
) -> Vec<&'a str> {
    let mut out: Vec<&str> = first.into_iter().collect();
    while out.len() < n.min(pool.len()) {
        let candidate = *pick(rng, pool);
        if !out.contains(&candidate) {
            out.push(candidate);
        }
    }
    out
}

fn chinese_family(rng: &mut fastrand::Rng, i: usize, today: NaiveDate) -> NewFamily {
    let surname = if i == 0 { "张" } else { *pick(rng, SURNAMES) };
    let mother_surname = *pick(rng, SURNAMES);
    let children = rng.usize(1..=3);
    let givens = distinct(rng, GIVEN_CHILD, children, (i == 0).then_some("小明"));
    let students: Vec<StudentInfo> = givens
        .iter()
        .map(|given| child(rng, format!("{surname}{given}"), COURSES_ZH, today))
        .collect();
    let mother = format!("{mother_surname}{}", pick(rng, GIVEN_ADULT));
    let father = format!("{surname}{}", pick(rng, GIVEN_ADULT));
    let mut guardians = vec![
        guardian(rng, mother, Relationship::Mother, BEST_TIME_ZH),
        guardian(rng, father, Relationship::Father, BEST_TIME_ZH),
    ];
    if rng.u8(0..4) == 0 {
        let grandmother = format!("{surname}{}", pick(rng, GIVEN_ADULT));
        guardians.push(guardian(
            rng,
            grandmother,
            Relationship::Grandmother,
            BEST_TIME_ZH,
        ));
    }
    // The front desk knows a family by a child's name: 张小明家.
    NewFamily {
        name: format!("{}家", students[0].name),
        guardians,
        students,
    }
}

fn english_family(rng: &mut fastrand::Rng, today: NaiveDate) -> NewFamily {
    let surname = *pick(rng, EN_SURNAMES);
    let children = rng.usize(1..=2);
    let students: Vec<StudentInfo> = distinct(rng, EN_CHILD, children, None)
        .iter()
        .map(|first| {
            let mut kid = child(rng, format!("{first} {surname}"), COURSES_EN, today);
            kid.gender = Some(if EN_GIRLS.contains(first) {
                Gender::Female
            } else {
                Gender::Male
            });
            kid
        })
        .collect();
    let mother = format!("{} {surname}", pick(rng, EN_MOTHER));
    let mut guardians = vec![guardian(rng, mother, Relationship::Mother, BEST_TIME_EN)];
    if rng.bool() {
        let father = format!("{} {surname}", pick(rng, EN_FATHER));
        guardians.push(guardian(rng, father, Relationship::Father, BEST_TIME_EN));
    }
    NewFamily {
        name: format!("{}'s family", students[0].name),
        guardians,
        students,
    }
}

pub(crate) fn guardian(
    rng: &mut fastrand::Rng,
    name: String,
    relationship: Relationship,
    times: &[&str],
) -> NewFamilyGuardian {
    // WeChat IDs and e-mail local parts are ASCII (Müller → mller is what people end up with).
    let handle: String = crate::romanize::syllables(&name)
        .concat()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect();
    NewFamilyGuardian {
        info: GuardianInfo {
            mobile: Some(mobile(rng)),
            wechat_id: rng.bool().then(|| format!("{handle}_{}", rng.u16(10..999))),
            email: rng.bool().then(|| format!("{handle}@example.com")),
            preferred_channel: Some(*pick(rng, ContactChannel::ALL)),
            best_time: Some(pick(rng, times).to_string()),
            name,
        },
        relationship,
    }
}
