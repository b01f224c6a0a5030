//! One child's part of the family-data PDF: details, achievements with their files, every
//! class-hour account line by line, attendance and renewals.

use super::blocks::{Block, Cell, Style};
use super::family_record::{colon, facts, list_sep, none, table};
use super::family_words::{decline, gender, level, relationship, say, status};
use super::words::{achievement_kind, attendance, entry_kind, renewal_status};
use crate::bilingual::hours;
use crate::privacy::{FamilyDocument, StudentRecord};
use crate::settings::Locale;

pub(super) fn student(blocks: &mut Vec<Block>, d: &FamilyDocument, r: &StudentRecord, l: Locale) {
    let s = &r.student;
    let archived = s.archived_at.map(|_| say(l, " (archived)", "（已归档）"));
    blocks.push(Block::Subheading(format!(
        "{}{}",
        s.info.name,
        archived.unwrap_or("")
    )));
    let guardians: Vec<String> = s
        .guardians
        .iter()
        .filter_map(|link| {
            let g = d.guardians.iter().find(|g| g.id == link.guardian_id)?;
            Some(format!(
                "{} ({})",
                g.info.name,
                relationship(link.relationship, l)
            ))
        })
        .collect();
    let tags: Vec<&str> = s.tags.iter().map(|t| t.name.as_str()).collect();
    facts(
        blocks,
        l,
        &[
            (
                say(l, "Born", "出生日期"),
                s.info.birth_date.map(|d| d.to_string()),
            ),
            (
                say(l, "Gender", "性别"),
                s.info.gender.map(|g| gender(g, l).into()),
            ),
            (
                say(l, "Status", "状态"),
                Some(status(s.info.status, l).into()),
            ),
            (
                say(l, "Level", "水平"),
                s.info.skill_level.as_deref().map(|v| level(v, l)),
            ),
            (
                say(l, "Enrolled", "入学日期"),
                s.info.enrolled_on.map(|d| d.to_string()),
            ),
            (
                say(l, "Courses of interest", "感兴趣的课程"),
                Some(s.info.courses_of_interest.join(list_sep(l))),
            ),
            (
                say(l, "Guardians", "家长"),
                Some(guardians.join(list_sep(l))),
            ),
            (say(l, "Classes", "班级"), Some(r.classes.join(list_sep(l)))),
            (say(l, "Tags", "标签"), Some(tags.join(list_sep(l)))),
        ],
    );
    blocks.push(Block::text(
        say(l, "Achievements", "成绩与展示"),
        Style::BODY.bold(),
    ));
    for a in &r.achievements {
        let mut text = format!(
            "{} · {} · {}",
            a.occurred_on,
            achievement_kind(a.kind, l),
            a.title
        );
        for extra in [&a.result, &a.description].into_iter().flatten() {
            text = format!("{text} · {extra}");
        }
        if !a.media.is_empty() {
            let files: Vec<String> = a
                .media
                .iter()
                .map(|m| format!("{} ({})", m.original_name, m.stored_name))
                .collect();
            text = format!(
                "{text} · {}{}{}",
                say(l, "Files", "文件"),
                colon(l),
                files.join(list_sep(l))
            );
        }
        blocks.push(Block::item("•", text, Style::sized(8.5)));
    }
    if r.achievements.is_empty() {
        none(blocks, l);
    }
    for a in &r.accounts {
        blocks.push(Block::text(
            format!(
                "{}{}{}",
                say(l, "Class hours", "课时"),
                colon(l),
                a.course_name
            ),
            Style::BODY.bold(),
        ));
        let rows = a
            .lines
            .iter()
            .map(|line| {
                let details: Vec<&str> = [
                    line.class_name.as_deref(),
                    line.teacher_name.as_deref(),
                    line.status.map(|s| attendance(s, l)),
                    line.reason.as_deref(),
                ]
                .into_iter()
                .flatten()
                .collect();
                vec![
                    Cell::new(line.date.to_string()),
                    Cell::new(entry_kind(line.kind, l)),
                    Cell::new(hours(line.hours)),
                    Cell::new(hours(line.balance)),
                    Cell::new(details.join(" · ")),
                ]
            })
            .collect();
        blocks.push(table(
            &[
                (say(l, "Date", "日期"), 12.0),
                (say(l, "Entry", "项目"), 16.0),
                (say(l, "Hours", "课时"), 8.0),
                (say(l, "Balance", "余额"), 9.0),
                (say(l, "Details", "说明"), 55.0),
            ],
            rows,
        ));
    }
    blocks.push(Block::text(
        say(l, "Attendance", "出勤"),
        Style::BODY.bold(),
    ));
    if r.attendance.is_empty() {
        none(blocks, l);
    } else {
        let rows = r
            .attendance
            .iter()
            .map(|a| {
                vec![
                    Cell::new(a.starts_at.format("%Y-%m-%d %H:%M").to_string()),
                    Cell::new(a.class_name.clone()),
                    Cell::new(attendance(a.status, l)),
                ]
            })
            .collect();
        blocks.push(table(
            &[
                (say(l, "Lesson", "课次"), 25.0),
                (say(l, "Class", "班级"), 50.0),
                (say(l, "Mark", "考勤"), 25.0),
            ],
            rows,
        ));
    }
    if !r.renewals.is_empty() {
        blocks.push(Block::text(
            say(l, "Renewals", "续费跟进"),
            Style::BODY.bold(),
        ));
        let rows = r
            .renewals
            .iter()
            .map(|c| {
                let why: Vec<&str> = [
                    c.declined_reason.map(|d| decline(d, l)),
                    c.declined_text.as_deref(),
                ]
                .into_iter()
                .flatten()
                .collect();
                vec![
                    Cell::new(c.course_name.clone()),
                    Cell::new(renewal_status(c.status, l)),
                    Cell::new(c.opened_at.format("%Y-%m-%d").to_string()),
                    Cell::new(c.closed_on.map(|d| d.to_string()).unwrap_or_default()),
                    Cell::new(why.join(" · ")),
                ]
            })
            .collect();
        blocks.push(table(
            &[
                (say(l, "Course", "课程"), 20.0),
                (say(l, "Status", "状态"), 18.0),
                (say(l, "Opened", "开始"), 14.0),
                (say(l, "Closed", "结束"), 14.0),
                (say(l, "Reason", "原因"), 34.0),
            ],
            rows,
        ));
    }
    blocks.push(Block::Gap(6.0));
}
