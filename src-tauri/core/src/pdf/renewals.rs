//! The renewal worklist on paper: one row per student and course, ranked as on screen, the
//! column titles repeated on every page and the filters in the header.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::blocks::{Align, Block, Cell, Column, Style, Table, Tone};
use super::draw::{render, Part, RunningHeader};
use super::words::{motivation, renewal_status, risk_level, Word};
use super::{ListHeader, Paper};
use crate::bilingual::hours;
use crate::error::Result;
use crate::renewal::{RenewalStatus, RiskLevel, WorklistFilter, WorklistRow};
use crate::settings::{self, Locale};
use crate::{course, staff, tag};

/// The header of a printed worklist: the school, the list's name and the filters in words,
/// as the worklist page shows them.
pub fn renewal_header(
    conn: &Connection,
    filter: &WorklistFilter,
    locale: Locale,
    today: NaiveDate,
) -> Result<ListHeader> {
    let mut filters = Vec::new();
    if let Some(m) = filter.motivation {
        filters.push(motivation(m, locale).to_string());
    }
    if let Some(id) = filter.tag_id {
        filters.push(Word::Tag.with(locale, &[&tag::get(conn, id)?.name]));
    }
    if let Some(id) = filter.course_id {
        filters.push(course::get(conn, id)?.name);
    }
    if let Some(id) = filter.teacher_id {
        filters.push(staff::get(conn, id)?.name);
    }
    filters.push(match filter.status {
        None => Word::StillOpen.get(locale).to_string(),
        Some(s) => renewal_status(s, locale).to_string(),
    });
    if let Some(level) = filter.risk {
        filters.push(format!(
            "{} {}",
            Word::Risk.get(locale),
            risk_level(level, locale)
        ));
    }
    Ok(ListHeader {
        school_name: settings::school_name(conn)?,
        title: Word::RenewalTitle.get(locale).to_string(),
        on: today,
        filters,
    })
}

/// The worklist `rows` (already filtered and ordered) as a PDF in `locale`.
pub fn renewal_list(
    rows: &[WorklistRow],
    header: &ListHeader,
    locale: Locale,
    paper: Paper,
) -> Result<Vec<u8>> {
    let detail = if header.filters.is_empty() {
        Word::FiltersNone.get(locale).to_string()
    } else {
        Word::Filters.with(locale, &[&header.filters.join(" · ")])
    };
    let part = Part {
        header: RunningHeader {
            school: header.school_name.clone(),
            title: header.title.clone(),
            date: Word::PrintedOn.with(locale, &[&header.on.to_string()]),
            detail: Some(detail),
        },
        locale,
        blocks: vec![
            Block::text(
                Word::ToTalkTo.with(locale, &[&rows.len().to_string()]),
                Style::NOTE,
            ),
            Block::Gap(2.0),
            Block::Table(table(rows, locale)),
        ],
    };
    Ok(render(&[part], paper, &header.title, locale)?)
}

fn table(rows: &[WorklistRow], locale: Locale) -> Table {
    let column = |word: Word, share: f32, align: Align| Column {
        title: word.get(locale).to_string(),
        share,
        align,
    };
    let columns = vec![
        column(Word::Student, 13.0, Align::Left),
        column(Word::Course, 13.0, Align::Left),
        column(Word::HoursLeft, 10.0, Align::Right),
        column(Word::Ends, 12.0, Align::Left),
        column(Word::Risk, 12.0, Align::Left),
        column(Word::Status, 14.0, Align::Left),
        column(Word::Why, 27.0, Align::Left),
    ];
    Table {
        columns,
        rows: rows.iter().map(|r| row(r, locale)).collect(),
        size: 8.5,
    }
}

fn row(r: &WorklistRow, locale: Locale) -> Vec<Cell> {
    let hours_tone = if r.hours_left < 0.0 {
        Tone::Danger
    } else {
        Tone::Ink
    };
    let risk_tone = match r.risk.level {
        RiskLevel::High => Tone::Danger,
        RiskLevel::Medium => Tone::Ink,
        RiskLevel::Low => Tone::Muted,
    };
    let mut status = renewal_status(r.cycle.status, locale).to_string();
    match (r.cycle.status, r.cycle.postponed_until, r.cycle.meeting_at) {
        (RenewalStatus::Postponed, Some(until), _) => {
            status = format!(
                "{status} {}",
                Word::Until.with(locale, &[&until.to_string()])
            );
        }
        (RenewalStatus::MeetingScheduled, _, Some(at)) => {
            // Meetings are days away: the month and day are enough, and keep the row short.
            status = format!("{status} {}", at.format("%m-%d %H:%M"));
        }
        _ => {}
    }
    // Each reason on its own line: two reasons side by side read as one.
    let reasons: Vec<&str> = r
        .risk
        .reasons
        .iter()
        .take(2)
        .map(|x| x.text.get(locale))
        .collect();
    vec![
        Cell::new(&r.student_name).bold(),
        Cell::new(&r.course_name),
        Cell::new(hours(r.hours_left)).tone(hours_tone),
        Cell::new(r.expires_on.map_or("—".to_string(), |d| d.to_string())),
        Cell::new(format!(
            "{} {}",
            risk_level(r.risk.level, locale),
            r.risk.score
        ))
        .tone(risk_tone),
        Cell::new(status),
        Cell::new(reasons.join("\n")),
    ]
}
