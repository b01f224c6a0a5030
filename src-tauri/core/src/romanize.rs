//! Pinyin for names: what lets `zxm` find 张小明 and lists sort 曾 under Z.
//! The dictionary's first reading is wrong for several surnames (曾 céng, 单 dān), so the
//! leading character of a name is read from a surname table first.

use pinyin::ToPinyin;

/// Compound surnames whose reading differs from the characters' usual ones.
const COMPOUND_SURNAMES: &[(&str, &[&str])] = &[
    ("尉迟", &["yu", "chi"]),
    ("长孙", &["zhang", "sun"]),
    ("万俟", &["mo", "qi"]),
    ("单于", &["chan", "yu"]),
];

/// Single-character surnames read differently from the dictionary default.
const SURNAMES: &[(char, &str)] = &[
    ('曾', "zeng"),
    ('单', "shan"),
    ('仇', "qiu"),
    ('区', "ou"),
    ('朴', "piao"),
    ('查', "zha"),
    ('解', "xie"),
    ('乐', "yue"),
    ('盖', "ge"),
    ('覃', "qin"),
    ('繁', "po"),
    ('员', "yun"),
    ('召', "shao"),
    ('缪', "miao"),
    ('种', "chong"),
    ('秘', "bi"),
    ('任', "ren"),
    ('燕', "yan"),
    ('翟', "zhai"),
    ('折', "she"),
    ('黑', "he"),
    ('纪', "ji"),
    ('宁', "ning"),
    ('华', "hua"),
    ('重', "chong"),
    ('柏', "bai"),
    ('逄', "pang"),
    ('尉', "yu"),
    ('句', "gou"),
    ('卜', "bu"),
    ('沈', "shen"),
    ('阚', "kan"),
    ('隗', "wei"),
    ('藏', "zang"),
    ('长', "chang"),
    ('薄', "bo"),
    ('冯', "feng"),
    ('石', "shi"),
    ('贾', "jia"),
    ('都', "du"),
];

/// A name read as syllables: `张小明` → `["zhang", "xiao", "ming"]`; Latin words stay words.
pub fn syllables(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut rest = name.trim();

    if let Some((surname, reading)) = COMPOUND_SURNAMES.iter().find(|(s, _)| rest.starts_with(s)) {
        out.extend(reading.iter().map(|s| s.to_string()));
        rest = &rest[surname.len()..];
    } else if let Some(first) = rest.chars().next() {
        if let Some((_, reading)) = SURNAMES.iter().find(|(c, _)| *c == first) {
            out.push(reading.to_string());
            rest = &rest[first.len_utf8()..];
        }
    }

    for ch in rest.chars() {
        if let Some(py) = ch.to_pinyin() {
            flush(&mut word, &mut out);
            out.push(py.plain().replace('ü', "v"));
        } else if ch.is_alphanumeric() {
            word.extend(ch.to_lowercase());
        } else {
            flush(&mut word, &mut out);
        }
    }
    flush(&mut word, &mut out);
    out
}

fn flush(word: &mut String, out: &mut Vec<String>) {
    if !word.is_empty() {
        out.push(std::mem::take(word));
    }
}

/// Sorts Chinese names by pinyin and Latin names alphabetically, in one order.
pub fn sort_key(name: &str) -> String {
    let mut key = syllables(name).join(" ");
    // Equal readings (张明 / 章明) still sort stably by the characters.
    key.push('\u{1}');
    key.push_str(name.trim());
    key
}

/// Everything a person's name can be typed as: the name, its pinyin joined and spaced,
/// and its initials.
pub fn name_keys(name: &str) -> String {
    let syl = syllables(name);
    let initials: String = syl.iter().filter_map(|s| s.chars().next()).collect();
    let mut keys = vec![
        name.trim().to_lowercase(),
        syl.concat(),
        syl.join(" "),
        initials,
    ];
    // People type ü as v, u or ü.
    if keys[1].contains('v') {
        keys.push(syl.concat().replace('v', "u"));
    }
    keys.join(" | ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_names_read_as_pinyin_syllables() {
        assert_eq!(syllables("张小明"), ["zhang", "xiao", "ming"]);
    }

    #[test]
    fn ambiguous_surnames_use_the_surname_reading() {
        assert_eq!(
            syllables("曾小凡")[0],
            "zeng",
            "曾 as a surname is zeng, not ceng"
        );
        assert_eq!(
            syllables("单田芳")[0],
            "shan",
            "单 as a surname is shan, not dan"
        );
        assert_eq!(syllables("尉迟恭")[..2], ["yu", "chi"]);
    }

    #[test]
    fn latin_names_stay_words() {
        assert_eq!(syllables("Emily  Chen-Wang"), ["emily", "chen", "wang"]);
        assert_eq!(syllables("Lily 王"), ["lily", "wang"]);
    }

    #[test]
    fn keys_include_initials_and_both_spellings_of_u_umlaut() {
        let keys = name_keys("张小明");
        assert!(
            keys.contains("zxm") && keys.contains("zhangxiaoming"),
            "{keys}"
        );
        let keys = name_keys("吕芳");
        assert!(keys.contains("lvfang") && keys.contains("lufang"), "{keys}");
    }

    #[test]
    fn sort_key_orders_zeng_among_z_and_latin_names_alphabetically() {
        let mut names = vec!["曾小凡", "艾米", "Brian", "张伟", "单田芳"];
        names.sort_by_key(|n| sort_key(n));
        assert_eq!(names, ["艾米", "Brian", "单田芳", "曾小凡", "张伟"]);
    }
}
