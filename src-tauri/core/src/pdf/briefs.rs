//! Meeting briefs on paper: each family's brief starts on a new page, counts its own pages
//! and speaks the family's language, whatever the others in the same file speak.

use super::blocks::{Align, Block, Cell, Column, Style, Table, Tone};
use super::draw::{render, Part, RunningHeader};
use super::words::{achievement_kind, motivation, opportunity_kind, template_problem, Word};
use super::Paper;
use crate::bilingual::hours;
use crate::error::{Error, Result, ValidationCode};
use crate::script::brief::{Brief, BriefChild, BriefCourse};
use crate::script::Script;
use crate::settings::Locale;

/// The briefs of one or more families in one file, one part each.
pub fn briefs(briefs: &[Brief], paper: Paper) -> Result<Vec<u8>> {
    let Some(first) = briefs.first() else {
        return Err(Error::invalid("familyIds", ValidationCode::Required));
    };
    let parts: Vec<Part> = briefs.iter().map(part).collect();
    let title = match briefs {
        [one] => format!("{}: {}", Word::BriefTitle.get(one.locale), one.family_name),
        _ => Word::BriefsTitle.get(first.locale).to_string(),
    };
    Ok(render(&parts, paper, &title, first.locale)?)
}

fn part(b: &Brief) -> Part {
    let l = b.locale;
    let mut blocks = vec![Block::Heading(Word::Parents.get(l).into())];
    for g in &b.guardians {
        let why = g
            .motivation_words
            .clone()
            .unwrap_or_else(|| Word::NotTagged.get(l).into());
        let colon = if l == Locale::ZhCn { "：" } else { ": " };
        blocks.push(Block::text(
            format!("{} · {}{colon}{why}", g.name, Word::WhyEnrolled.get(l)),
            Style::BODY.bold(),
        ));
        if !g.talking_points.is_empty() {
            blocks.push(Block::text(Word::TalkingPoints.get(l), Style::NOTE));
            for (i, point) in g.talking_points.iter().enumerate() {
                blocks.push(Block::item(format!("{}.", i + 1), point, Style::sized(8.5)));
            }
        }
        blocks.push(Block::Gap(3.0));
    }
    blocks.push(Block::Heading(Word::Children.get(l).into()));
    for child in &b.children {
        child_blocks(&mut blocks, child, l);
    }
    if b.children.is_empty() {
        blocks.push(Block::text(Word::NoChildren.get(l), Style::NOTE));
    }
    blocks.push(Block::Heading(Word::RenewalScript.get(l).into()));
    match &b.script {
        Some(script) => script_blocks(&mut blocks, b, script),
        None => blocks.push(Block::text(Word::NoScript.get(l), Style::NOTE)),
    }
    Part {
        header: RunningHeader {
            school: b.school_name.clone(),
            // The family on every page: a batch of briefs is handed out page by page.
            title: format!("{} · {}", Word::BriefTitle.get(l), b.family_name),
            date: Word::BriefDate.with(l, &[&b.on.to_string()]),
            detail: None,
        },
        locale: l,
        blocks,
    }
}

fn child_blocks(blocks: &mut Vec<Block>, child: &BriefChild, l: Locale) {
    blocks.push(Block::Subheading(child.name.clone()));
    if child.courses.is_empty() {
        blocks.push(Block::text(Word::NoCourses.get(l), Style::NOTE));
    } else {
        blocks.push(Block::Table(courses(&child.courses, l)));
    }
    // Two lists side by side, as on screen: a one-row table whose cells hold the items.
    let bullet = |items: Vec<String>, none: Word| {
        if items.is_empty() {
            Cell::new(none.get(l)).tone(Tone::Muted)
        } else {
            Cell::new(items.join("\n"))
        }
    };
    let achievements = child
        .achievements
        .iter()
        .map(|a| {
            let mut text = format!(
                "• {} {} · {}",
                a.occurred_on,
                achievement_kind(a.kind, l),
                a.title
            );
            if let Some(result) = a.result.as_deref().filter(|r| !r.is_empty()) {
                text = format!("{text} · {result}");
            }
            text
        })
        .collect();
    let coming = child
        .opportunities
        .iter()
        .map(|o| {
            let mut text = format!(
                "• {} {} · {}",
                o.happens_on,
                opportunity_kind(o.kind, l),
                o.title
            );
            if let Some(course) = &o.course_name {
                text = format!("{text} · {course}");
            }
            text
        })
        .collect();
    let column = |word: Word| Column {
        title: word.get(l).into(),
        share: 1.0,
        align: Align::Left,
    };
    blocks.push(Block::Table(Table {
        columns: vec![column(Word::Achievements), column(Word::ComingUp)],
        rows: vec![vec![
            bullet(achievements, Word::NoAchievements),
            bullet(coming, Word::NothingComingUp),
        ]],
        size: 8.5,
    }));
}

fn courses(courses: &[BriefCourse], l: Locale) -> Table {
    let column = |word: Word, share: f32, align: Align| Column {
        title: word.get(l).into(),
        share,
        align,
    };
    let rows = courses
        .iter()
        .map(|c| {
            let attendance = if c.lessons > 0 {
                format!("{}/{}", c.attended, c.lessons)
            } else {
                "—".into()
            };
            let left_tone = if c.left < 0.0 {
                Tone::Danger
            } else {
                Tone::Ink
            };
            vec![
                Cell::new(&c.course_name),
                Cell::new(c.teacher.clone().unwrap_or_else(|| "—".into())),
                Cell::new(attendance),
                Cell::new(hours(c.bought)),
                Cell::new(hours(c.used)),
                Cell::new(hours(c.left)).tone(left_tone).bold(),
                Cell::new(c.expires_on.map_or("—".into(), |d| d.to_string())),
            ]
        })
        .collect();
    Table {
        columns: vec![
            column(Word::Course, 18.0, Align::Left),
            column(Word::Teacher, 14.0, Align::Left),
            column(Word::AttendanceThisTerm, 14.0, Align::Right),
            column(Word::HoursBought, 11.0, Align::Right),
            column(Word::HoursUsed, 11.0, Align::Right),
            column(Word::HoursLeft, 11.0, Align::Right),
            column(Word::EndsOn, 14.0, Align::Left),
        ],
        rows,
        size: 8.5,
    }
}

fn script_blocks(blocks: &mut Vec<Block>, b: &Brief, script: &Script) {
    let l = b.locale;
    let child = b
        .children
        .iter()
        .find(|c| c.student_id == script.student_id);
    let course = child.and_then(|c| c.courses.iter().find(|k| k.course_id == script.course_id));
    if let (Some(child), Some(course)) = (child, course) {
        blocks.push(Block::text(
            Word::ScriptFor.with(l, &[&child.name, &course.course_name]),
            Style::NOTE,
        ));
    }
    if !script.tagged {
        blocks.push(Block::text(
            Word::ScriptUntagged.with(l, &[motivation(script.motivation, l)]),
            Style::NOTE,
        ));
    }
    match (&script.text, &script.problem) {
        (Some(text), _) => blocks.push(Block::text(text.trim_end(), Style::sized(8.5))),
        (None, Some(p)) => blocks.push(Block::text(
            template_problem(p.kind, p.line, l),
            Style::BODY.tone(Tone::Danger),
        )),
        (None, None) => {}
    }
}
