//! All of one family's data on paper, for a parent who asks what the school keeps: consent,
//! guardians, each child (classes, class hours line by line, attendance, renewals,
//! achievements with their files) and every note, in the language chosen.

use super::blocks::{Align, Block, Cell, Column, Style, Table};
use super::draw::{render, Part, RunningHeader};
use super::family_child::student;
use super::family_words::{channel, note_kind, say, scope};
use super::words::motivation;
use super::Paper;
use crate::error::Result;
use crate::privacy::FamilyDocument;
use crate::settings::Locale;

pub(super) fn colon(l: Locale) -> &'static str {
    say(l, ": ", "：")
}

pub(super) fn list_sep(l: Locale) -> &'static str {
    say(l, ", ", "、")
}

/// "Label: value" lines, skipping values that are not there.
pub(super) fn facts(blocks: &mut Vec<Block>, l: Locale, facts: &[(&str, Option<String>)]) {
    for (label, value) in facts {
        if let Some(v) = value.as_deref().filter(|v| !v.is_empty()) {
            blocks.push(Block::text(format!("{label}{}{v}", colon(l)), Style::BODY));
        }
    }
}

pub(super) fn table(columns: &[(&str, f32)], rows: Vec<Vec<Cell>>) -> Block {
    Block::Table(Table {
        columns: columns
            .iter()
            .map(|(title, share)| Column {
                title: title.to_string(),
                share: *share,
                align: Align::Left,
            })
            .collect(),
        rows,
        size: 8.5,
    })
}

pub(super) fn none(blocks: &mut Vec<Block>, l: Locale) {
    blocks.push(Block::text(
        say(l, "None recorded.", "暂无记录。"),
        Style::NOTE,
    ));
}

fn consent(blocks: &mut Vec<Block>, d: &FamilyDocument, l: Locale) {
    blocks.push(Block::Heading(say(l, "Consent", "授权同意").into()));
    if d.consent.is_empty() {
        blocks.push(Block::text(
            say(l, "No consent recorded.", "尚未记录授权。"),
            Style::NOTE,
        ));
        return;
    }
    let rows = d
        .consent
        .iter()
        .map(|c| {
            let scopes: Vec<&str> = c.scopes.iter().map(|s| scope(*s, l)).collect();
            let agreed = if scopes.is_empty() {
                say(l, "nothing", "均未同意").to_string()
            } else {
                scopes.join(list_sep(l))
            };
            vec![
                Cell::new(c.given_on.to_string()),
                Cell::new(c.guardian_name.clone().unwrap_or_default()),
                Cell::new(agreed),
                Cell::new(c.recorded_by_name.clone()),
                Cell::new(c.note.clone().unwrap_or_default()),
            ]
        })
        .collect();
    blocks.push(table(
        &[
            (say(l, "Date", "日期"), 12.0),
            (say(l, "Given by", "授权人"), 14.0),
            (say(l, "Agreed to", "同意内容"), 34.0),
            (say(l, "Recorded by", "记录人"), 12.0),
            (say(l, "Note", "备注"), 28.0),
        ],
        rows,
    ));
    blocks.push(Block::text(
        say(
            l,
            "The first line is in force; the others are its history.",
            "第一行为当前有效的授权，其余为历史记录。",
        ),
        Style::NOTE,
    ));
}

fn guardians(blocks: &mut Vec<Block>, d: &FamilyDocument, l: Locale) {
    blocks.push(Block::Heading(say(l, "Guardians", "家长").into()));
    for (g, history) in d.guardians.iter().zip(&d.motivation_history) {
        let archived = g.archived_at.map(|_| say(l, " (archived)", "（已归档）"));
        blocks.push(Block::Subheading(format!(
            "{}{}",
            g.info.name,
            archived.unwrap_or("")
        )));
        let tags: Vec<&str> = g.tags.iter().map(|t| t.name.as_str()).collect();
        facts(
            blocks,
            l,
            &[
                (say(l, "Mobile", "手机"), g.info.mobile.clone()),
                (say(l, "WeChat ID", "微信号"), g.info.wechat_id.clone()),
                (say(l, "E-mail", "电子邮件"), g.info.email.clone()),
                (
                    say(l, "Preferred channel", "首选联系方式"),
                    g.info.preferred_channel.map(|c| channel(c, l).to_string()),
                ),
                (
                    say(l, "Best time", "方便联系的时间"),
                    g.info.best_time.clone(),
                ),
                (say(l, "Tags", "标签"), Some(tags.join(list_sep(l)))),
            ],
        );
        for m in history {
            let mut kind = motivation(m.primary, l).to_string();
            if let Some(s) = m.secondary {
                kind = format!("{kind} + {}", motivation(s, l));
            }
            blocks.push(Block::item(
                "•",
                format!(
                    "{}{}{kind} ({} {})",
                    say(l, "Why they enrolled", "报名动机"),
                    colon(l),
                    m.tagged_at.format("%Y-%m-%d"),
                    m.tagged_by
                ),
                Style::sized(8.5),
            ));
        }
    }
}

fn notes(blocks: &mut Vec<Block>, d: &FamilyDocument, l: Locale) {
    blocks.push(Block::Heading(say(l, "Notes", "沟通记录").into()));
    for n in &d.notes {
        let about: Vec<&str> = [n.student_name.as_deref(), n.guardian_name.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        let mut head = format!(
            "{} · {} · {} · {}",
            n.occurred_at.format("%Y-%m-%d %H:%M"),
            note_kind(n.kind, l),
            channel(n.channel, l),
            n.author_name
        );
        if !about.is_empty() {
            head = format!("{head} · {}", about.join(list_sep(l)));
        }
        blocks.push(Block::text(head, Style::NOTE));
        blocks.push(Block::text(n.body.clone(), Style::BODY));
        blocks.push(Block::Gap(3.0));
    }
    if d.notes.is_empty() {
        none(blocks, l);
    }
}

/// The family's data as a PDF in `locale`.
pub fn family_record(d: &FamilyDocument, locale: Locale, paper: Paper) -> Result<Vec<u8>> {
    let l = locale;
    let title = say(l, "Data kept about this family", "家庭资料副本");
    let mut blocks = vec![
        Block::Title(d.family.name.clone()),
        Block::text(
            say(
                l,
                "Everything the school keeps about this family in Encore, as of the date above.",
                "以下是学校在 Encore 中保存的该家庭的全部资料，截至上方日期。",
            ),
            Style::NOTE,
        ),
    ];
    consent(&mut blocks, d, l);
    guardians(&mut blocks, d, l);
    blocks.push(Block::Heading(say(l, "Children", "孩子").into()));
    for r in &d.students {
        student(&mut blocks, d, r, l);
    }
    if d.students.is_empty() {
        none(&mut blocks, l);
    }
    notes(&mut blocks, d, l);
    let part = Part {
        header: RunningHeader {
            school: d.school_name.clone(),
            title: title.to_string(),
            date: format!("{}{}{}", say(l, "As of", "截至"), say(l, " ", " "), d.on),
            detail: None,
        },
        locale: l,
        blocks,
    };
    Ok(render(
        &[part],
        paper,
        &format!("{title}: {}", d.family.name),
        l,
    )?)
}
