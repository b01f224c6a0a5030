//! The renewal worklist, the families list and the students list as tables: the columns the
//! screens show, with numbers and dates kept typed so a school can sort and sum them.

use super::table::{Cell, Table};
use super::words::{self, Heading as H, ListTitle};
use crate::family::FamilySummary;
use crate::renewal::WorklistRow;
use crate::settings::Locale;
use crate::student::StudentRow;

const RENEWAL_COLUMNS: &[H] = &[
    H::Student,
    H::Family,
    H::Course,
    H::Teachers,
    H::Guardians,
    H::HoursLeft,
    H::Ends,
    H::AttendanceRecent,
    H::AttendanceBefore,
    H::DaysSinceContact,
    H::Risk,
    H::RiskScore,
    H::Reasons,
    H::RenewalStatus,
];

/// The worklist rows in the order given; guardians carry their motivation type in words.
pub fn renewals(rows: &[WorklistRow], locale: Locale) -> Table {
    let mut table = Table::new(ListTitle::Renewals.words(locale), RENEWAL_COLUMNS, locale);
    for r in rows {
        let guardians = r.guardians.iter().map(|g| match g.motivation {
            Some(m) => words::with_note(&g.name, words::motivation(m, locale), locale),
            None => g.name.clone(),
        });
        let reasons: Vec<&str> = r.risk.reasons.iter().map(|x| x.text.get(locale)).collect();
        table.push(vec![
            Cell::text(&r.student_name),
            Cell::text(&r.family_name),
            Cell::text(&r.course_name),
            Cell::text(words::join(r.teachers.iter().map(|t| &t.name), locale)),
            Cell::text(words::join(guardians, locale)),
            Cell::Number(r.hours_left),
            Cell::date(r.expires_on),
            Cell::number(r.attendance_recent.map(percent)),
            Cell::number(r.attendance_before.map(percent)),
            Cell::number(r.days_since_contact.map(|d| d as f64)),
            Cell::text(words::risk_level(r.risk.level, locale)),
            Cell::Number(r.risk.score.into()),
            Cell::text(reasons.join(reason_separator(locale))),
            Cell::text(words::renewal_status(r.cycle.status, locale)),
        ]);
    }
    table
}

/// Whole percents, as the screen shows them.
fn percent(share: f64) -> f64 {
    (share * 100.0).round()
}

fn reason_separator(locale: Locale) -> &'static str {
    match locale {
        Locale::En => "; ",
        Locale::ZhCn => "；",
    }
}

pub fn families(rows: &[FamilySummary], locale: Locale) -> Table {
    let mut table = Table::new(
        ListTitle::Families.words(locale),
        &[
            H::Family,
            H::Students,
            H::Guardians,
            H::Motivation,
            H::LastContact,
            H::Archived,
        ],
        locale,
    );
    for f in rows {
        let motivations = f.motivations.iter().map(|&m| words::motivation(m, locale));
        table.push(vec![
            Cell::text(&f.name),
            Cell::text(words::join(&f.student_names, locale)),
            Cell::text(words::join(&f.guardian_names, locale)),
            Cell::text(words::join(motivations, locale)),
            Cell::date(f.last_contact_at.map(|t| t.date())),
            archived(f.archived, locale),
        ]);
    }
    table
}

pub fn students(rows: &[StudentRow], locale: Locale) -> Table {
    let mut table = Table::new(
        ListTitle::Students.words(locale),
        &[
            H::Student,
            H::Status,
            H::Level,
            H::BirthDate,
            H::Family,
            H::Guardians,
            H::Archived,
        ],
        locale,
    );
    for s in rows {
        let level = s
            .skill_level
            .as_deref()
            .map(|l| words::skill_level(l, locale));
        table.push(vec![
            Cell::text(&s.name),
            Cell::text(words::student_status(s.status, locale)),
            Cell::text(level.unwrap_or_default()),
            Cell::date(s.birth_date),
            Cell::text(&s.family_name),
            Cell::text(words::join(&s.guardian_names, locale)),
            archived(s.archived, locale),
        ]);
    }
    table
}

fn archived(archived: bool, locale: Locale) -> Cell {
    if archived {
        Cell::text(words::archived(locale))
    } else {
        Cell::Empty
    }
}
