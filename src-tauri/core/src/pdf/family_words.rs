//! The words of the family-data PDF that no other document prints, in both languages.

use crate::consent::ConsentScope;
use crate::guardian::{ContactChannel, Relationship};
use crate::note::NoteKind;
use crate::renewal::DeclineReason;
use crate::settings::Locale;
use crate::student::{Gender, StudentStatus};

pub(super) fn say(l: Locale, en: &'static str, zh: &'static str) -> &'static str {
    match l {
        Locale::En => en,
        Locale::ZhCn => zh,
    }
}

pub(super) fn scope(s: ConsentScope, l: Locale) -> &'static str {
    match s {
        ConsentScope::Records => say(l, "keeping records", "保存档案"),
        ConsentScope::Media => say(l, "photos and videos", "照片和视频"),
        ConsentScope::Messages => say(l, "contact by message", "消息联系"),
    }
}

pub(super) fn relationship(r: Relationship, l: Locale) -> &'static str {
    match r {
        Relationship::Mother => say(l, "mother", "妈妈"),
        Relationship::Father => say(l, "father", "爸爸"),
        Relationship::Grandmother => say(l, "grandmother", "奶奶/外婆"),
        Relationship::Grandfather => say(l, "grandfather", "爷爷/外公"),
        Relationship::Other => say(l, "other", "其他"),
    }
}

pub(super) fn channel(c: ContactChannel, l: Locale) -> &'static str {
    match c {
        ContactChannel::Wechat => say(l, "WeChat", "微信"),
        ContactChannel::Phone => say(l, "phone", "电话"),
        ContactChannel::Sms => say(l, "SMS", "短信"),
        ContactChannel::Email => say(l, "e-mail", "电子邮件"),
        ContactChannel::InPerson => say(l, "in person", "当面"),
    }
}

pub(super) fn note_kind(k: NoteKind, l: Locale) -> &'static str {
    match k {
        NoteKind::EnrollmentTalk => say(l, "Enrollment talk", "报名沟通"),
        NoteKind::ProgressUpdate => say(l, "Progress update", "学习反馈"),
        NoteKind::RenewalTalk => say(l, "Renewal talk", "续费沟通"),
        NoteKind::Complaint => say(l, "Complaint", "投诉"),
        NoteKind::Feedback => say(l, "Feedback", "意见建议"),
        NoteKind::Other => say(l, "Other", "其他"),
    }
}

pub(super) fn gender(g: Gender, l: Locale) -> &'static str {
    match g {
        Gender::Female => say(l, "female", "女"),
        Gender::Male => say(l, "male", "男"),
        Gender::Other => say(l, "other", "其他"),
    }
}

pub(super) fn status(s: StudentStatus, l: Locale) -> &'static str {
    match s {
        StudentStatus::Prospect => say(l, "prospect", "意向"),
        StudentStatus::Trial => say(l, "trial", "试听"),
        StudentStatus::Active => say(l, "active", "在读"),
        StudentStatus::Paused => say(l, "paused", "暂停"),
        StudentStatus::Lapsed => say(l, "lapsed", "流失"),
    }
}

pub(super) fn decline(r: DeclineReason, l: Locale) -> &'static str {
    match r {
        DeclineReason::Results => say(l, "results", "效果"),
        DeclineReason::Schedule => say(l, "schedule", "时间"),
        DeclineReason::Price => say(l, "price", "价格"),
        DeclineReason::LostInterest => say(l, "lost interest", "失去兴趣"),
        DeclineReason::Moving => say(l, "moving", "搬家"),
        DeclineReason::OtherSchool => say(l, "another school", "去了其他机构"),
        DeclineReason::Other => say(l, "other", "其他"),
    }
}

/// The three common levels in words; a school's own grade as typed.
pub(super) fn level(text: &str, l: Locale) -> String {
    match text {
        "beginner" => say(l, "Beginner", "初级").into(),
        "intermediate" => say(l, "Intermediate", "中级").into(),
        "advanced" => say(l, "Advanced", "高级").into(),
        other => other.into(),
    }
}
