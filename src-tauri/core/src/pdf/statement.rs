//! The parent's class-hour statement on paper, as the statement page shows it: per course the
//! figures a parent checks (bought − used ± other changes = remaining) and every ledger line
//! with its running balance.

use super::blocks::{Align, Block, Cell, Column, Figure, Style, Table, Tone};
use super::draw::{render, Part, RunningHeader};
use super::words::{attendance, entry_kind, Word};
use super::Paper;
use crate::bilingual::hours;
use crate::error::Result;
use crate::ledger::{Account, EntryKind};
use crate::settings::Locale;
use crate::statement::Statement;

/// The four figures at the top of an account; they add up the way a parent checks them.
struct Totals {
    bought: f64,
    used: f64,
    other: f64,
    until: Option<chrono::NaiveDate>,
}

fn totals(a: &Account) -> Totals {
    let mut t = Totals {
        bought: 0.0,
        used: 0.0,
        other: 0.0,
        until: None,
    };
    for line in &a.lines {
        match line.kind {
            EntryKind::Purchase | EntryKind::Bonus => t.bought += line.hours,
            EntryKind::Lesson => t.used -= line.hours,
            _ => t.other += line.hours,
        }
    }
    t.until = a
        .packages
        .iter()
        .filter(|p| p.remaining > 0.0)
        .map(|p| p.valid_until)
        .max();
    t
}

fn signed(h: f64) -> String {
    if h > 0.0 {
        format!("+{}", hours(h))
    } else {
        hours(h)
    }
}

/// A student's statement as a PDF, every fixed word in `locale` (the parent's language).
pub fn statement(s: &Statement, locale: Locale, paper: Paper) -> Result<Vec<u8>> {
    let title = Word::StatementTitle.get(locale);
    let mut blocks = vec![Block::Title(format!(
        "{} · {}",
        s.student_name, s.family_name
    ))];
    if !s.guardian_names.is_empty() {
        let separator = if locale == Locale::ZhCn { "、" } else { ", " };
        blocks.push(Block::text(
            Word::Guardians.with(locale, &[&s.guardian_names.join(separator)]),
            Style::NOTE,
        ));
    }
    for a in &s.accounts {
        account(&mut blocks, a, locale);
    }
    if s.accounts.is_empty() {
        blocks.push(Block::Gap(8.0));
        blocks.push(Block::text(Word::NoHours.get(locale), Style::BODY));
    }
    blocks.push(Block::Gap(10.0));
    blocks.push(Block::text(Word::StatementFooter.get(locale), Style::NOTE));
    let part = Part {
        header: RunningHeader {
            school: s.school_name.clone(),
            title: title.to_string(),
            date: Word::AsOf.with(locale, &[&s.on.to_string()]),
            detail: None,
        },
        locale,
        blocks,
    };
    let file_title = format!("{title}: {}", s.student_name);
    Ok(render(&[part], paper, &file_title, locale)?)
}

fn account(blocks: &mut Vec<Block>, a: &Account, locale: Locale) {
    let t = totals(a);
    let figure = |word: Word, value: String, tone: Tone| Figure {
        label: word.get(locale).to_string(),
        value,
        tone,
    };
    let mut figures = vec![
        figure(Word::Bought, hours(t.bought), Tone::Ink),
        figure(Word::Used, hours(t.used), Tone::Ink),
    ];
    if t.other != 0.0 {
        figures.push(figure(Word::OtherChanges, signed(t.other), Tone::Ink));
    }
    let remaining_tone = if a.balance < 0.0 {
        Tone::Danger
    } else {
        Tone::Ink
    };
    figures.push(figure(Word::Remaining, hours(a.balance), remaining_tone));
    figures.push(figure(
        Word::ValidUntil,
        t.until.map_or("—".to_string(), |d| d.to_string()),
        Tone::Ink,
    ));
    blocks.push(Block::Heading(a.course_name.clone()));
    blocks.push(Block::Figures(figures));
    let column = |word: Word, share: f32, align: Align| Column {
        title: word.get(locale).to_string(),
        share,
        align,
    };
    let rows = a
        .lines
        .iter()
        .map(|line| {
            let status = line.status.map(|s| attendance(s, locale));
            let details: Vec<&str> = [
                line.class_name.as_deref(),
                line.teacher_name.as_deref(),
                status,
                line.reason.as_deref(),
            ]
            .into_iter()
            .flatten()
            .filter(|d| !d.is_empty())
            .collect();
            let tone = if line.balance < 0.0 {
                Tone::Danger
            } else {
                Tone::Ink
            };
            vec![
                Cell::new(line.date.to_string()),
                Cell::new(entry_kind(line.kind, locale)),
                Cell::new(signed(line.hours)),
                Cell::new(hours(line.balance)).tone(tone),
                Cell::new(details.join(" · ")),
            ]
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            column(Word::Date, 12.0, Align::Left),
            column(Word::Entry, 16.0, Align::Left),
            column(Word::Hours, 8.0, Align::Right),
            column(Word::Balance, 9.0, Align::Right),
            column(Word::Details, 55.0, Align::Left),
        ],
        rows,
        size: 8.5,
    }));
}
