//! Cell values as old systems and hand-kept spreadsheets write them: dates in three
//! notations or as Excel date cells, hours with units, relationships and genders in English
//! or Chinese.

use chrono::NaiveDate;

use super::read::Cell;
use crate::guardian::Relationship;
use crate::student::Gender;

/// Excel's day 0 (serial dates count from here, with the 1900 leap-day bug folded in).
fn excel_epoch() -> NaiveDate {
    NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default()
}

/// `2024-09-01`, `2024/9/1`, `2024.9.1`, `2024年9月1日`, a date with a time after it, an
/// Excel date cell, or a date serial number in a cell formatted as a number.
pub fn date(cell: &Cell) -> Option<NaiveDate> {
    match cell {
        Cell::Date(d) => Some(*d),
        // 20000..80000 is 1954–2119: plausible dates, never plausible as anything else here.
        Cell::Number(n) if n.fract() == 0.0 && (20_000.0..80_000.0).contains(n) => {
            excel_epoch().checked_add_days(chrono::Days::new(*n as u64))
        }
        Cell::Text(t) => date_text(t),
        _ => None,
    }
}

fn date_text(text: &str) -> Option<NaiveDate> {
    // A time after the date (`2024-09-01 00:00:00`) is dropped.
    let day = text.split_whitespace().next()?;
    let parts: Vec<&str> = day
        .split(['-', '/', '.', '年', '月', '日'])
        .filter(|p| !p.is_empty())
        .collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    if y.len() != 4 || m.len() > 2 || d.len() > 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// Hours as a number, optionally followed by a unit (`20`, `20.5`, `20课时`, `12 hours`).
pub fn hours(cell: &Cell) -> Option<f64> {
    match cell {
        Cell::Number(n) => Some(*n),
        Cell::Text(t) => {
            let lower = t.to_lowercase();
            let number = ["课时", "小时", "节", "次", "hours", "hour", "hrs", "h"]
                .iter()
                .find_map(|unit| lower.strip_suffix(unit))
                .unwrap_or(&lower)
                .trim();
            number.parse::<f64>().ok().filter(|n| n.is_finite())
        }
        _ => None,
    }
}

/// A price with an optional currency sign or unit (`¥3,600`, `3600元`, `$1,200.00`).
pub fn money(cell: &Cell) -> Option<f64> {
    match cell {
        Cell::Number(n) => Some(*n),
        Cell::Text(t) => {
            let cleaned: String = t
                .trim_start_matches(['¥', '￥', '$', '€', '£'])
                .trim_end_matches(['元', '块'])
                .chars()
                .filter(|c| *c != ',' && !c.is_whitespace())
                .collect();
            cleaned.parse::<f64>().ok().filter(|n| n.is_finite())
        }
        _ => None,
    }
}

/// What a roster writes in a relationship column; anything else (aunt, 舅舅) is "other".
pub fn relationship(text: &str) -> Relationship {
    let t = text.trim().to_lowercase();
    match t.as_str() {
        "mother" | "mom" | "mum" | "mama" | "妈妈" | "母亲" | "妈" | "母" => {
            Relationship::Mother
        }
        "father" | "dad" | "papa" | "爸爸" | "父亲" | "爸" | "父" => Relationship::Father,
        "grandmother" | "grandma" | "granny" | "奶奶" | "外婆" | "姥姥" | "祖母" | "外祖母" => {
            Relationship::Grandmother
        }
        "grandfather" | "grandpa" | "爷爷" | "外公" | "姥爷" | "祖父" | "外祖父" => {
            Relationship::Grandfather
        }
        _ => Relationship::Other,
    }
}

/// None for text that names no gender Encore records.
pub fn gender(text: &str) -> Option<Gender> {
    match text.trim().to_lowercase().as_str() {
        "女" | "f" | "female" | "girl" => Some(Gender::Female),
        "男" | "m" | "male" | "boy" => Some(Gender::Male),
        "其他" | "other" => Some(Gender::Other),
        _ => None,
    }
}

/// A phone keyed in a number cell (`13800138000` stored as a number) reads as its digits.
pub fn text(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Empty => None,
        other => Some(other.display()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    #[test]
    fn dates_in_every_written_form() {
        let sept = NaiveDate::from_ymd_opt(2024, 9, 1);
        for written in [
            "2024-09-01",
            "2024/9/1",
            "2024年9月1日",
            "2024.9.1",
            "2024-09-01 00:00:00",
        ] {
            assert_eq!(date(&t(written)), sept, "{written}");
        }
        assert_eq!(date(&Cell::Number(45536.0)), sept, "an Excel serial");
        for bad in [
            "2024-13-01",
            "9/1/2024",
            "yesterday",
            "2024-02-30",
            "20240901",
        ] {
            assert_eq!(date(&t(bad)), None, "{bad}");
        }
    }

    #[test]
    fn hours_with_units_and_prices_with_signs() {
        assert_eq!(hours(&t("20课时")), Some(20.0));
        assert_eq!(hours(&t("12.5 hours")), Some(12.5));
        assert_eq!(hours(&Cell::Number(8.0)), Some(8.0));
        assert_eq!(hours(&t("twenty")), None);
        assert_eq!(money(&t("¥3,600")), Some(3600.0));
        assert_eq!(money(&t("3600元")), Some(3600.0));
    }

    #[test]
    fn relationships_and_genders_in_both_languages() {
        assert_eq!(relationship("妈妈"), Relationship::Mother);
        assert_eq!(relationship("Father"), Relationship::Father);
        assert_eq!(relationship("外婆"), Relationship::Grandmother);
        assert_eq!(relationship("舅舅"), Relationship::Other);
        assert_eq!(gender("女"), Some(Gender::Female));
        assert_eq!(gender("M"), Some(Gender::Male));
        assert_eq!(gender("?"), None);
    }
}
