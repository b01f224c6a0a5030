//! Every word an export writes itself — column headers, list titles, status and level names —
//! in both languages side by side, matching what the screens say.

use crate::renewal::{RenewalStatus, RiskLevel};
use crate::settings::Locale;
use crate::student::StudentStatus;
use crate::tagging::MotivationType;

/// A column header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Heading {
    Student,
    Family,
    Course,
    Teachers,
    Guardians,
    Mobile,
    Students,
    Motivation,
    HoursLeft,
    Ends,
    AttendanceRecent,
    AttendanceBefore,
    DaysSinceContact,
    Risk,
    RiskScore,
    Reasons,
    RenewalStatus,
    LastContact,
    Status,
    Level,
    BirthDate,
    Archived,
}

impl Heading {
    pub fn words(self, locale: Locale) -> &'static str {
        let (en, zh) = match self {
            Heading::Student => ("Student", "学员"),
            Heading::Family => ("Family", "家庭"),
            Heading::Course => ("Course", "课程"),
            Heading::Teachers => ("Teacher", "老师"),
            Heading::Guardians => ("Guardians", "家长"),
            Heading::Mobile => ("Mobile", "手机"),
            Heading::Students => ("Students", "学员"),
            Heading::Motivation => ("Why they enrolled", "家长类型"),
            Heading::HoursLeft => ("Hours left", "剩余课时"),
            Heading::Ends => ("Ends", "到期日"),
            Heading::AttendanceRecent => ("Attendance, last 4 weeks (%)", "近4周出勤率(%)"),
            Heading::AttendanceBefore => ("Attendance, 8 weeks before (%)", "此前8周出勤率(%)"),
            Heading::DaysSinceContact => ("Days since contact", "距上次沟通天数"),
            Heading::Risk => ("Risk", "流失风险"),
            Heading::RiskScore => ("Risk score", "风险分"),
            Heading::Reasons => ("Why", "原因"),
            Heading::RenewalStatus => ("Renewal status", "续费状态"),
            Heading::LastContact => ("Last contact", "最近沟通"),
            Heading::Status => ("Status", "状态"),
            Heading::Level => ("Level", "水平"),
            Heading::BirthDate => ("Birth date", "出生日期"),
            Heading::Archived => ("Archived", "已归档"),
        };
        pick(locale, en, zh)
    }
}

/// The name of a list, used for the sheet and the suggested file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ListTitle {
    Renewals,
    Families,
    Students,
}

impl ListTitle {
    pub fn words(self, locale: Locale) -> &'static str {
        match self {
            ListTitle::Renewals => pick(locale, "Renewals", "续费名单"),
            ListTitle::Families => pick(locale, "Families", "家庭"),
            ListTitle::Students => pick(locale, "Students", "学员"),
        }
    }
}

fn pick(locale: Locale, en: &'static str, zh: &'static str) -> &'static str {
    match locale {
        Locale::En => en,
        Locale::ZhCn => zh,
    }
}

pub fn motivation(m: MotivationType, locale: Locale) -> &'static str {
    match m {
        MotivationType::Future => pick(locale, "Future development", "未来发展型"),
        MotivationType::Interest => pick(locale, "Interest & growth", "兴趣成长型"),
        MotivationType::Honors => pick(locale, "Honors & showcase", "荣誉展示型"),
    }
}

pub fn renewal_status(s: RenewalStatus, locale: Locale) -> &'static str {
    match s {
        RenewalStatus::ToContact => pick(locale, "To contact", "待联系"),
        RenewalStatus::Contacted => pick(locale, "Contacted", "已联系"),
        RenewalStatus::MeetingScheduled => pick(locale, "Meeting scheduled", "已约面谈"),
        RenewalStatus::Renewed => pick(locale, "Renewed", "已续费"),
        RenewalStatus::Postponed => pick(locale, "Postponed", "暂缓"),
        RenewalStatus::Declined => pick(locale, "Declined", "不续费"),
    }
}

pub fn risk_level(level: RiskLevel, locale: Locale) -> &'static str {
    match level {
        RiskLevel::High => pick(locale, "High", "高"),
        RiskLevel::Medium => pick(locale, "Medium", "中"),
        RiskLevel::Low => pick(locale, "Low", "低"),
    }
}

pub fn student_status(s: StudentStatus, locale: Locale) -> &'static str {
    match s {
        StudentStatus::Prospect => pick(locale, "Prospect", "意向"),
        StudentStatus::Trial => pick(locale, "Trial", "试听"),
        StudentStatus::Active => pick(locale, "Active", "在读"),
        StudentStatus::Paused => pick(locale, "Paused", "暂停"),
        StudentStatus::Lapsed => pick(locale, "Lapsed", "流失"),
    }
}

/// The three common levels in words; a school's own grade stays as typed.
pub fn skill_level(level: &str, locale: Locale) -> &str {
    match level {
        "beginner" => pick(locale, "Beginner", "初级"),
        "intermediate" => pick(locale, "Intermediate", "中级"),
        "advanced" => pick(locale, "Advanced", "高级"),
        other => other,
    }
}

pub fn archived(locale: Locale) -> &'static str {
    pick(locale, "Archived", "已归档")
}

/// Joins names the way each language lists them.
pub fn join(names: impl IntoIterator<Item = impl AsRef<str>>, locale: Locale) -> String {
    let separator = pick(locale, ", ", "、");
    names
        .into_iter()
        .map(|n| n.as_ref().to_string())
        .collect::<Vec<_>>()
        .join(separator)
}

/// "李芳 (Future development)" / "李芳（未来发展型）".
pub fn with_note(name: &str, note: &str, locale: Locale) -> String {
    match locale {
        Locale::En => format!("{name} ({note})"),
        Locale::ZhCn => format!("{name}（{note}）"),
    }
}
