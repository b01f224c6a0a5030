//! Text Encore writes itself (risk reasons, rule warnings), in both of its languages at once,
//! so the UI can switch language without asking again and printouts can pick the parent's.

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::settings::Locale;

/// Keyed by locale tag (`en`, `zh-CN`), as in the shipped JSON files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Type)]
pub struct Bilingual {
    pub en: String,
    #[serde(rename = "zh-CN")]
    pub zh_cn: String,
}

impl Bilingual {
    pub fn new(en: impl Into<String>, zh_cn: impl Into<String>) -> Self {
        Bilingual {
            en: en.into(),
            zh_cn: zh_cn.into(),
        }
    }

    pub fn get(&self, locale: Locale) -> &str {
        match locale {
            Locale::En => &self.en,
            Locale::ZhCn => &self.zh_cn,
        }
    }
}

/// Hours as people write them: 4, 4.5.
pub fn hours(h: f64) -> String {
    if h.fract() == 0.0 {
        format!("{h:.0}")
    } else {
        format!("{h:.1}")
    }
}

/// English plural for small counts: "1 day", "2 days".
pub fn plural(n: i64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}
