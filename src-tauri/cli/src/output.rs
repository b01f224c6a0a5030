//! Plain-text output for a terminal: aligned columns that count a Chinese character as two.

use encore_core::renewal::{RenewalStatus as S, WorklistRow};
use encore_core::settings::Locale;

fn width(text: &str) -> usize {
    text.chars()
        .map(|c| if c as u32 >= 0x1100 { 2 } else { 1 })
        .sum()
}

fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for row in rows {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(width(cell));
        }
    }
    let line = |cells: Vec<&str>| {
        let mut out = String::new();
        for (i, cell) in cells.iter().enumerate() {
            out.push_str(cell);
            if i + 1 < cells.len() {
                out.push_str(&" ".repeat(widths[i] - width(cell) + 2));
            }
        }
        out.trim_end().to_string() + "\n"
    };
    let mut out = line(header.to_vec());
    for row in rows {
        out.push_str(&line(row.iter().map(String::as_str).collect()));
    }
    out
}

pub fn worklist_table(rows: &[WorklistRow], locale: Locale) -> String {
    let header: &[&str] = match locale {
        Locale::En => &[
            "Student",
            "Course",
            "Hours left",
            "Ends",
            "Risk",
            "Status",
            "Why",
        ],
        Locale::ZhCn => &["学员", "课程", "剩余课时", "到期日", "风险", "状态", "原因"],
    };
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.student_name.clone(),
                r.course_name.clone(),
                encore_core::bilingual::hours(r.hours_left),
                r.expires_on.map(|d| d.to_string()).unwrap_or_default(),
                r.risk.score.to_string(),
                status(r.cycle.status, locale).to_string(),
                r.risk
                    .reasons
                    .iter()
                    .map(|x| x.text.get(locale).to_string())
                    .collect::<Vec<_>>()
                    .join("; "),
            ]
        })
        .collect();
    table(header, &body)
}

fn status(s: S, locale: Locale) -> &'static str {
    let zh = locale == Locale::ZhCn;
    match (s, zh) {
        (S::ToContact, false) => "to contact",
        (S::Contacted, false) => "contacted",
        (S::MeetingScheduled, false) => "meeting scheduled",
        (S::Renewed, false) => "renewed",
        (S::Postponed, false) => "postponed",
        (S::Declined, false) => "declined",
        (S::ToContact, true) => "待联系",
        (S::Contacted, true) => "已联系",
        (S::MeetingScheduled, true) => "已约面谈",
        (S::Renewed, true) => "已续费",
        (S::Postponed, true) => "暂缓",
        (S::Declined, true) => "不续费",
    }
}
