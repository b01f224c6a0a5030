//! The fixed words of Encore's PDFs in both languages. They match the UI's wording but live
//! here, so a PDF made by the CLI or in the background needs nothing from the UI.

use crate::achievement::AchievementKind;
use crate::attendance::AttendanceStatus;
use crate::ledger::EntryKind;
use crate::opportunity::OpportunityKind;
use crate::renewal::{RenewalStatus, RiskLevel};
use crate::script::ProblemKind;
use crate::settings::Locale;
use crate::tagging::MotivationType;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Word {
    RenewalTitle,
    PrintedOn,
    Filters,
    FiltersNone,
    StillOpen,
    ToTalkTo,
    Student,
    Course,
    HoursLeft,
    Ends,
    Risk,
    Status,
    Why,
    Tag,
    Until,
    StatementTitle,
    AsOf,
    Guardians,
    Bought,
    Used,
    OtherChanges,
    Remaining,
    ValidUntil,
    Date,
    Entry,
    Hours,
    Balance,
    Details,
    StatementFooter,
    NoHours,
    BriefTitle,
    BriefsTitle,
    BriefDate,
    Parents,
    WhyEnrolled,
    NotTagged,
    TalkingPoints,
    Children,
    NoChildren,
    Teacher,
    AttendanceThisTerm,
    HoursBought,
    HoursUsed,
    EndsOn,
    NoCourses,
    Achievements,
    NoAchievements,
    ComingUp,
    NothingComingUp,
    RenewalScript,
    ScriptFor,
    ScriptUntagged,
    NoScript,
    PageOf,
}

impl Word {
    pub(crate) fn get(self, locale: Locale) -> &'static str {
        use Word::*;
        let (en, zh) = match self {
            RenewalTitle => ("Renewal worklist", "续费工作台"),
            PrintedOn => ("Printed {}", "打印日期 {}"),
            Filters => ("Filters: {}", "筛选：{}"),
            FiltersNone => ("Filters: none", "筛选：无"),
            StillOpen => ("Still open", "未完成"),
            ToTalkTo => ("{} to talk to", "{} 位待沟通"),
            Student => ("Student", "学员"),
            Course => ("Course", "课程"),
            HoursLeft => ("Hours left", "剩余课时"),
            Ends => ("Ends", "到期日"),
            Risk => ("Risk", "流失风险"),
            Status => ("Status", "状态"),
            Why => ("Why", "原因"),
            Tag => ("Tag: {}", "标签：{}"),
            Until => ("until {}", "至 {}"),
            StatementTitle => ("Class-hour statement", "课时对账单"),
            AsOf => ("As of {}", "截至 {}"),
            Guardians => ("Guardians: {}", "家长：{}"),
            Bought => ("Bought", "购买"),
            Used => ("Used", "已用"),
            OtherChanges => ("Other changes", "其他变动"),
            Remaining => ("Remaining", "剩余"),
            ValidUntil => ("Valid until", "有效期至"),
            Date => ("Date", "日期"),
            Entry => ("Entry", "项目"),
            Hours => ("Hours", "课时"),
            Balance => ("Balance", "余额"),
            Details => ("Details", "说明"),
            StatementFooter => (
                "Every figure above is computed from the lesson-by-lesson ledger, the same one the school sees.",
                "以上数字均由逐笔课时明细计算得出，与学校看到的完全一致。",
            ),
            NoHours => ("No class hours recorded yet.", "暂无课时记录。"),
            BriefTitle => ("Parent meeting brief", "家长面谈简报"),
            BriefsTitle => ("Meeting briefs", "面谈简报"),
            BriefDate => ("Date: {}", "日期：{}"),
            Parents => ("Parents", "家长"),
            WhyEnrolled => ("Why they enrolled", "报名动机"),
            NotTagged => ("Not tagged yet", "尚未标记"),
            TalkingPoints => ("Talking points", "沟通要点"),
            Children => ("Children", "孩子"),
            NoChildren => (
                "No children recorded for this family yet.",
                "这个家庭还没有孩子的记录。",
            ),
            Teacher => ("Teacher", "老师"),
            AttendanceThisTerm => ("Attendance this term", "本学期出勤"),
            HoursBought => ("Hours bought", "已购课时"),
            HoursUsed => ("Hours used", "已用课时"),
            EndsOn => ("Ends on", "到期日"),
            NoCourses => ("No courses yet.", "暂无课程。"),
            Achievements => ("This term's achievements", "本学期成绩"),
            NoAchievements => ("Nothing recorded this term.", "本学期暂无记录。"),
            ComingUp => ("Coming up", "近期活动"),
            NothingComingUp => ("Nothing coming up.", "近期暂无活动。"),
            RenewalScript => ("Renewal script", "续费话术"),
            ScriptFor => ("For {}, {}", "对象：{}（{}）"),
            ScriptUntagged => (
                "The parent's type is not tagged yet; the script is written for {}.",
                "家长类型尚未标记，话术按“{}”撰写。",
            ),
            NoScript => (
                "No renewal script: none of the children has class hours yet.",
                "暂无续费话术：孩子们还没有课时。",
            ),
            PageOf => ("Page {} of {}", "第 {} 页，共 {} 页"),
        };
        match locale {
            Locale::En => en,
            Locale::ZhCn => zh,
        }
    }

    /// The word with each `{}` replaced by the next of `args`.
    pub(crate) fn with(self, locale: Locale, args: &[&str]) -> String {
        fill(self.get(locale), args)
    }
}

fn fill(pattern: &str, args: &[&str]) -> String {
    let mut out = String::new();
    let mut args = args.iter();
    let mut rest = pattern;
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        out.push_str(args.next().copied().unwrap_or(""));
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

pub(crate) fn page_of(locale: Locale, page: usize, pages: usize) -> String {
    Word::PageOf.with(locale, &[&page.to_string(), &pages.to_string()])
}

fn pick(locale: Locale, en: &'static str, zh: &'static str) -> &'static str {
    match locale {
        Locale::En => en,
        Locale::ZhCn => zh,
    }
}

pub(crate) fn entry_kind(k: EntryKind, locale: Locale) -> &'static str {
    let (en, zh) = match k {
        EntryKind::Purchase => ("Purchase", "购买"),
        EntryKind::Bonus => ("Bonus", "赠送"),
        EntryKind::Lesson => ("Lesson", "上课"),
        EntryKind::Correction => ("Correction", "更正"),
        EntryKind::Refund => ("Refund", "退课时"),
        EntryKind::TransferOut => ("Moved to a sibling", "转给兄弟姐妹"),
        EntryKind::TransferIn => ("Moved from a sibling", "兄弟姐妹转入"),
        EntryKind::Expiry => ("Expired unused", "过期未用"),
    };
    pick(locale, en, zh)
}

pub(crate) fn attendance(s: AttendanceStatus, locale: Locale) -> &'static str {
    let (en, zh) = match s {
        AttendanceStatus::Present => ("Present", "出勤"),
        AttendanceStatus::Late => ("Late", "迟到"),
        AttendanceStatus::Excused => ("Excused", "请假"),
        AttendanceStatus::Unexcused => ("Absent", "缺勤"),
        AttendanceStatus::MakeUp => ("Make-up", "补课"),
    };
    pick(locale, en, zh)
}

pub(crate) fn renewal_status(s: RenewalStatus, locale: Locale) -> &'static str {
    let (en, zh) = match s {
        RenewalStatus::ToContact => ("To contact", "待联系"),
        RenewalStatus::Contacted => ("Contacted", "已联系"),
        RenewalStatus::MeetingScheduled => ("Meeting scheduled", "已约面谈"),
        RenewalStatus::Renewed => ("Renewed", "已续费"),
        RenewalStatus::Postponed => ("Postponed", "暂缓"),
        RenewalStatus::Declined => ("Declined", "不续费"),
    };
    pick(locale, en, zh)
}

pub(crate) fn risk_level(l: RiskLevel, locale: Locale) -> &'static str {
    let (en, zh) = match l {
        RiskLevel::High => ("High", "高"),
        RiskLevel::Medium => ("Medium", "中"),
        RiskLevel::Low => ("Low", "低"),
    };
    pick(locale, en, zh)
}

pub(crate) fn motivation(m: MotivationType, locale: Locale) -> &'static str {
    let (en, zh) = match m {
        MotivationType::Future => ("Future development", "未来发展型"),
        MotivationType::Interest => ("Interest & growth", "兴趣成长型"),
        MotivationType::Honors => ("Honors & showcase", "荣誉展示型"),
    };
    pick(locale, en, zh)
}

pub(crate) fn achievement_kind(k: AchievementKind, locale: Locale) -> &'static str {
    let (en, zh) = match k {
        AchievementKind::Performance => ("Performance", "演出"),
        AchievementKind::Competition => ("Competition", "比赛"),
        AchievementKind::Grading => ("Grading exam", "考级"),
        AchievementKind::Certificate => ("Certificate", "证书"),
        AchievementKind::Milestone => ("Milestone", "成长节点"),
    };
    pick(locale, en, zh)
}

pub(crate) fn opportunity_kind(k: OpportunityKind, locale: Locale) -> &'static str {
    let (en, zh) = match k {
        OpportunityKind::Competition => ("Competition", "比赛"),
        OpportunityKind::Recital => ("Recital", "汇报演出"),
        OpportunityKind::Exam => ("Grading exam", "考级"),
        OpportunityKind::Camp => ("Camp", "集训营"),
        OpportunityKind::Showcase => ("Showcase", "展示活动"),
    };
    pick(locale, en, zh)
}

/// A template problem as the brief prints it, with its line when the engine knows it.
pub(crate) fn template_problem(kind: ProblemKind, line: Option<u32>, locale: Locale) -> String {
    let Some(line) = line else {
        return pick(
            locale,
            "The template could not be filled.",
            "模板无法填写。",
        )
        .into();
    };
    let (en, zh) = match kind {
        ProblemKind::Syntax => (
            "Line {}: the template is not written correctly (an unclosed tag or a stray bracket).",
            "第 {} 行：模板写法有误（标签未闭合或多了括号）。",
        ),
        ProblemKind::UnknownName => (
            "Line {}: this name is not something Encore knows about a student.",
            "第 {} 行：Encore 不认识这个名称，学员资料里没有它。",
        ),
        ProblemKind::TooLong => (
            "Line {}: the template takes too long to fill (a loop that never ends?).",
            "第 {} 行：模板填写耗时过长（可能是无限循环）。",
        ),
        ProblemKind::Other => (
            "Line {}: the template could not be filled.",
            "第 {} 行：模板无法填写。",
        ),
    };
    fill(pick(locale, en, zh), &[&line.to_string()])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled_in_order() {
        assert_eq!(page_of(Locale::En, 2, 7), "Page 2 of 7");
        assert_eq!(page_of(Locale::ZhCn, 2, 7), "第 2 页，共 7 页");
        assert_eq!(
            Word::ScriptFor.with(Locale::ZhCn, &["张小明", "钢琴"]),
            "对象：张小明（钢琴）"
        );
    }
}
