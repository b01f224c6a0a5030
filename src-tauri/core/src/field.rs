//! Field rules shared by every form: each returns the cleaned value or a field-level error.

use chrono::{DateTime, NaiveDate, Utc};

use crate::error::{Error, Result, ValidationCode as Code};

pub const NAME_MAX: usize = 100;
pub const SHORT_TEXT_MAX: usize = 200;
/// A note is a conversation record, not a document store; 20k characters is pages of text.
pub const NOTE_MAX: usize = 20_000;

/// Trims and collapses inner whitespace; a name must not be empty.
pub fn name(field: &str, value: &str) -> Result<String> {
    let cleaned = value.split_whitespace().collect::<Vec<_>>().join(" ");
    if cleaned.is_empty() {
        return Err(Error::invalid(field, Code::Required));
    }
    max_chars(field, cleaned, NAME_MAX)
}

/// Trims; empty becomes `None`.
pub fn optional_text(field: &str, value: Option<String>, max: usize) -> Result<Option<String>> {
    match value
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
    {
        None => Ok(None),
        Some(v) => max_chars(field, v, max).map(Some),
    }
}

pub fn required_text(field: &str, value: &str, max: usize) -> Result<String> {
    // Check size before trimming so a huge paste fails fast without copying it.
    if value.len() > max * 4 {
        return Err(Error::invalid(field, Code::TooLong));
    }
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Error::invalid(field, Code::Required));
    }
    max_chars(field, trimmed.to_string(), max)
}

fn max_chars(field: &str, value: String, max: usize) -> Result<String> {
    if value.chars().count() > max {
        Err(Error::invalid(field, Code::TooLong))
    } else {
        Ok(value)
    }
}

/// Accepts what people write on forms — spaces, dashes, dots, brackets, `+86`/`0086` —
/// and keeps digits with an optional leading `+`. Mainland mobiles must be 1[3-9]xxxxxxxxx.
pub fn phone(field: &str, value: Option<String>) -> Result<Option<String>> {
    let Some(raw) = optional_text(field, value, 40)? else {
        return Ok(None);
    };
    let invalid = || Error::invalid(field, Code::InvalidPhone);
    let mut plus = false;
    let mut digits = String::new();
    for (i, ch) in raw.chars().enumerate() {
        match ch {
            '0'..='9' => digits.push(ch),
            '+' if i == 0 => plus = true,
            ' ' | '-' | '.' | '(' | ')' | '\u{3000}' => {}
            _ => return Err(invalid()),
        }
    }
    if !plus && digits.starts_with("00") {
        plus = true;
        digits.drain(..2);
    }
    let national = if plus {
        digits.strip_prefix("86")
    } else {
        Some(digits.as_str())
    };
    let looks_mainland_mobile = national.is_some_and(|n| n.len() == 11 && n.starts_with('1'));
    if looks_mainland_mobile {
        let n = national.unwrap_or_default();
        if !matches!(n.as_bytes()[1], b'3'..=b'9') {
            return Err(invalid());
        }
        // Store mainland mobiles without the country code, as Chinese staff write them.
        return Ok(Some(n.to_string()));
    }
    let ok_len = if plus { 8..=15 } else { 7..=12 };
    if !ok_len.contains(&digits.len()) {
        return Err(invalid());
    }
    Ok(Some(if plus { format!("+{digits}") } else { digits }))
}

pub fn email(field: &str, value: Option<String>) -> Result<Option<String>> {
    let Some(v) = optional_text(field, value, 254)? else {
        return Ok(None);
    };
    let valid = match v.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !domain.contains('@')
                && !v.chars().any(char::is_whitespace)
        }
        None => false,
    };
    if valid {
        Ok(Some(v))
    } else {
        Err(Error::invalid(field, Code::InvalidEmail))
    }
}

/// WeChat IDs are letters, digits, `_` and `-`; older accounts may be phone numbers or QQ
/// numbers, so only whitespace and odd symbols are refused.
pub fn wechat(field: &str, value: Option<String>) -> Result<Option<String>> {
    let Some(v) = optional_text(field, value, 40)? else {
        return Ok(None);
    };
    if v.chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        Ok(Some(v))
    } else {
        Err(Error::invalid(field, Code::InvalidWechat))
    }
}

/// A date that has already happened: birth dates, enrollment dates.
/// One day of slack covers schools east of UTC.
pub fn past_date(
    field: &str,
    value: Option<NaiveDate>,
    now: DateTime<Utc>,
) -> Result<Option<NaiveDate>> {
    let Some(d) = value else { return Ok(None) };
    if d > now.date_naive() + chrono::Days::new(1) {
        return Err(Error::invalid(field, Code::DateInFuture));
    }
    if d < NaiveDate::from_ymd_opt(1900, 1, 1).unwrap_or(NaiveDate::MIN) {
        return Err(Error::invalid(field, Code::DateTooOld));
    }
    Ok(Some(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(r: Result<impl std::fmt::Debug>) -> Code {
        match r {
            Err(Error::Validation { code, .. }) => code,
            other => panic!("expected a validation error, got {other:?}"),
        }
    }

    #[test]
    fn names_are_trimmed_and_must_not_be_blank() {
        assert_eq!(name("name", "  张  小明 ").unwrap(), "张 小明");
        assert_eq!(code(name("name", " \t ")), Code::Required);
        assert_eq!(code(name("name", &"x".repeat(101))), Code::TooLong);
    }

    #[test]
    fn phones_accept_written_forms_and_normalise() {
        let p = |s: &str| phone("mobile", Some(s.into())).unwrap().unwrap();
        assert_eq!(p("138 0013 8000"), "13800138000");
        assert_eq!(p("+86 138-0013-8000"), "13800138000");
        assert_eq!(p("0086 13800138000"), "13800138000");
        assert_eq!(p("(010) 6552-9988"), "01065529988");
        assert_eq!(p("+1 (415) 555-0100"), "+14155550100");
        assert_eq!(phone("mobile", Some("  ".into())).unwrap(), None);
    }

    #[test]
    fn malformed_phones_are_refused() {
        for bad in [
            "12345",
            "138abc00138",
            "12000138000",
            "+86 12800138000",
            "1380013800012345",
        ] {
            assert_eq!(
                code(phone("mobile", Some(bad.into()))),
                Code::InvalidPhone,
                "{bad}"
            );
        }
    }

    #[test]
    fn emails_need_a_domain() {
        assert!(email("email", Some("ma@example.cn".into())).is_ok());
        for bad in ["ma", "ma@", "ma@cn", "m a@x.cn", "@x.cn"] {
            assert_eq!(
                code(email("email", Some(bad.into()))),
                Code::InvalidEmail,
                "{bad}"
            );
        }
    }

    #[test]
    fn birth_dates_in_the_future_are_refused() {
        let now = "2026-11-22T10:00:00Z".parse().unwrap();
        let d = |s: &str| Some(s.parse().unwrap());
        assert!(past_date("birthDate", d("2018-05-01"), now).is_ok());
        assert_eq!(
            code(past_date("birthDate", d("2027-01-01"), now)),
            Code::DateInFuture
        );
        assert_eq!(
            code(past_date("birthDate", d("1850-01-01"), now)),
            Code::DateTooOld
        );
    }

    #[test]
    fn huge_text_is_refused_without_being_stored() {
        let ten_mb = "字".repeat(10 * 1024 * 1024 / 3);
        assert_eq!(
            code(required_text("body", &ten_mb, NOTE_MAX)),
            Code::TooLong
        );
    }
}
