//! Guessing which field a column holds from its header, in English or Chinese.

use super::mapping::{ImportField, Mapping};

/// Headers each field is known by, compared after `normalise`, in the order parts are tried:
/// phone before guardian (家长电话), guardian before student (家长姓名 also contains 姓名),
/// remaining before purchased (剩余课时 also contains 课时).
#[rustfmt::skip]
const KNOWN: &[(ImportField, &[&str], &[&str])] = {
    use ImportField as F;
    &[
        (F::Mobile,
         &["mobile", "phone", "tel", "telephone", "cell", "手机", "电话"],
         &["mobile", "phone", "手机", "电话"]),
        (F::Wechat, &["wechat", "微信", "微信号"], &["wechat", "微信"]),
        (F::Email, &["email", "mail", "邮箱", "电子邮件", "电子邮箱"], &["email", "邮箱"]),
        (F::Relationship, &["relationship", "relation", "关系"], &["relationship", "关系"]),
        (F::GuardianName,
         &["guardian", "parent", "contact", "联系人", "家长", "家长姓名"],
         &["guardian", "parent", "家长", "监护人", "联系人"]),
        (F::BirthDate,
         &["birthdate", "birthday", "dob", "dateofbirth", "出生日期", "生日", "出生年月"],
         &["birth", "出生", "生日"]),
        (F::Gender, &["gender", "sex", "性别"], &["gender", "性别"]),
        (F::Remaining,
         &["remaining", "hoursleft", "balance", "剩余课时", "剩余"],
         &["remaining", "hoursleft", "剩余"]),
        (F::Purchased,
         &["purchased", "hours", "totalhours", "购买课时", "总课时", "课时"],
         &["purchased", "购买", "总课时"]),
        (F::Course,
         &["course", "coursename", "program", "课程名称", "课程", "报读课程", "科目"],
         &["course", "课程"]),
        (F::Price,
         &["price", "amount", "paid", "fee", "金额", "实收金额", "学费", "费用"],
         &["price", "amount", "金额", "学费", "实收"]),
        (F::Enrolled,
         &["enrolled", "enrollmentdate", "enrolledon", "startdate", "joined", "报名日期", "报名时间", "入学日期"],
         &["enrol", "报名", "入学"]),
        (F::Expires,
         &["expires", "expiry", "expirydate", "validuntil", "expireson", "enddate", "有效期至", "有效期", "到期日", "到期时间"],
         &["expir", "validuntil", "有效期", "到期"]),
        (F::Notes,
         &["notes", "note", "remarks", "remark", "comments", "备注", "说明"],
         &["note", "remark", "备注"]),
        (F::StudentName,
         &["studentname", "student", "name", "child", "childname", "学员姓名", "学生姓名", "姓名", "学员", "学生", "孩子姓名"],
         &["student", "学员", "学生", "姓名", "name"]),
    ]
};

/// Lower case without spaces, punctuation, `*` marks or bracketed hints such as `(必填)`.
pub(super) fn normalise(header: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in header.to_lowercase().chars() {
        match c {
            '(' | '（' | '[' | '【' => depth += 1,
            ')' | '）' | ']' | '】' => depth -= 1,
            _ if depth > 0 => {}
            _ if c.is_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// The field a header most likely names: an exact known header first, then a part of one.
fn guess_one(header: &str) -> Option<ImportField> {
    let h = normalise(header);
    if h.is_empty() {
        return None;
    }
    KNOWN
        .iter()
        .find(|(_, exact, _)| exact.contains(&h.as_str()))
        .or_else(|| {
            KNOWN
                .iter()
                .find(|(_, _, parts)| parts.iter().any(|p| h.contains(p)))
        })
        .map(|(field, ..)| *field)
}

/// Guesses from the headers alone; each field goes to the first column that names it.
pub fn guess_from_headers(headers: &[String]) -> Mapping {
    let mut taken = Vec::new();
    headers
        .iter()
        .map(|h| {
            let field = guess_one(h).filter(|f| !taken.contains(f))?;
            taken.push(field);
            Some(field)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use ImportField as F;

    fn guess(headers: &[&str]) -> Mapping {
        guess_from_headers(&headers.iter().map(|h| h.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn chinese_headers_are_recognised() {
        assert_eq!(
            guess(&[
                "学员姓名",
                "家长姓名",
                "关系",
                "联系电话",
                "出生日期",
                "课程名称",
                "购买课时",
                "剩余课时",
                "报名日期",
                "有效期至",
                "备注"
            ]),
            [
                F::StudentName,
                F::GuardianName,
                F::Relationship,
                F::Mobile,
                F::BirthDate,
                F::Course,
                F::Purchased,
                F::Remaining,
                F::Enrolled,
                F::Expires,
                F::Notes
            ]
            .map(Some)
        );
        assert_eq!(
            guess(&["姓名", "联系人", "手机", "生日", "学号"]),
            [
                Some(F::StudentName),
                Some(F::GuardianName),
                Some(F::Mobile),
                Some(F::BirthDate),
                None
            ]
        );
    }

    #[test]
    fn english_headers_with_marks_and_hints_are_recognised() {
        assert_eq!(
            guess(&[
                "Student Name*",
                "Guardian",
                "Relationship",
                "Mobile (required)",
                "Birth date",
                "Course",
                "Purchased",
                "Remaining",
                "Enrolled",
                "Expires",
                "Notes"
            ]),
            [
                F::StudentName,
                F::GuardianName,
                F::Relationship,
                F::Mobile,
                F::BirthDate,
                F::Course,
                F::Purchased,
                F::Remaining,
                F::Enrolled,
                F::Expires,
                F::Notes
            ]
            .map(Some)
        );
    }

    #[test]
    fn a_field_goes_to_the_first_column_naming_it() {
        assert_eq!(guess(&["Name", "Name"]), [Some(F::StudentName), None]);
    }
}
