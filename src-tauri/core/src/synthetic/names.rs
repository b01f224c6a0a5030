//! Names for a school of thousands: the demo's lists, widened so that 10,000 children are not
//! all called 张小明. Chinese given names are composed from two common characters as often as
//! they are taken whole from the demo's list.

use crate::demo::{
    pick, EN_CHILD, EN_FATHER, EN_GIRLS, EN_MOTHER, EN_SURNAMES, GIVEN_ADULT, GIVEN_CHILD, SURNAMES,
};

const MORE_SURNAMES: &[&str] = &[
    "罗", "梁", "宋", "郑", "谢", "韩", "唐", "冯", "于", "董", "萧", "程", "曹", "袁", "邓", "许",
    "傅", "沈", "彭", "蒋", "蔡", "贾", "丁", "魏", "薛", "叶", "阎", "余", "潘", "杜", "戴", "夏",
    "钟", "汪", "田", "任", "姜", "范", "方", "石", "姚", "谭", "廖", "邹", "熊", "金", "陆", "郝",
    "孔", "白", "崔", "康", "毛", "邱", "秦", "江", "史", "顾", "侯", "邵", "孟", "龙", "段", "雷",
    "钱", "汤", "尹", "黎", "易", "常", "武", "乔", "贺", "赖", "龚", "文", "司马", "诸葛",
];
const GIVEN_FIRST: &[&str] = &[
    "子", "梓", "浩", "思", "雨", "欣", "佳", "俊", "宇", "诗", "若", "嘉", "博", "一", "晨", "昊",
    "语", "沐", "安", "依", "可", "心", "明", "天", "文", "志", "芷", "紫", "睿", "乐",
];
const GIVEN_SECOND: &[&str] = &[
    "轩", "涵", "然", "怡", "桐", "杰", "航", "远", "琪", "萱", "泽", "宁", "辰", "阳", "彤", "妍",
    "熙", "瑶", "琳", "铭", "豪", "诺", "伊", "晴", "悦", "霖", "希", "菲", "逸", "翔",
];
const MORE_GIVEN_ADULT: &[&str] = &[
    "丽华", "秀英", "建华", "国强", "晓燕", "春梅", "志强", "俊", "斌", "琳", "婷", "鹏", "浩",
    "雪", "慧", "颖", "凯", "娜", "宁", "波",
];
const MORE_EN_SURNAMES: &[&str] = &[
    "Anderson", "Clark", "Davies", "Evans", "Fischer", "Green", "Harris", "Kim", "Lopez", "Martin",
    "Nguyen", "O'Brien", "Patel", "Rossi", "Schmidt", "Tanaka", "Walker", "Young",
];
const MORE_EN_GIRLS: &[&str] = &["Ava", "Isla", "Lily", "Zoe", "Ella", "Ruby"];
const MORE_EN_BOYS: &[&str] = &["Jack", "Max", "Sam", "Theo", "Henry", "Owen"];
const MORE_EN_MOTHER: &[&str] = &["Emma", "Olivia", "Kate", "Nina", "Claire"];
const MORE_EN_FATHER: &[&str] = &["Peter", "Paul", "Andrew", "Chris", "Robert"];

/// One entry of any of `lists`, each entry equally likely.
fn one_of<'a>(rng: &mut fastrand::Rng, lists: &[&[&'a str]]) -> &'a str {
    let total: usize = lists.iter().map(|l| l.len()).sum();
    let mut i = rng.usize(..total);
    for list in lists {
        if i < list.len() {
            return list[i];
        }
        i -= list.len();
    }
    lists[0][0]
}

pub(super) fn chinese_surname(rng: &mut fastrand::Rng) -> &'static str {
    one_of(rng, &[SURNAMES, MORE_SURNAMES])
}

pub(super) fn chinese_child_given(rng: &mut fastrand::Rng) -> String {
    if rng.u8(0..3) == 0 {
        pick(rng, GIVEN_CHILD).to_string()
    } else {
        format!("{}{}", pick(rng, GIVEN_FIRST), pick(rng, GIVEN_SECOND))
    }
}

pub(super) fn chinese_adult(rng: &mut fastrand::Rng, surname: &str) -> String {
    format!("{surname}{}", one_of(rng, &[GIVEN_ADULT, MORE_GIVEN_ADULT]))
}

pub(super) fn english_surname(rng: &mut fastrand::Rng) -> &'static str {
    one_of(rng, &[EN_SURNAMES, MORE_EN_SURNAMES])
}

/// A first name and whether it is a girl's.
pub(super) fn english_child(rng: &mut fastrand::Rng) -> (&'static str, bool) {
    let name = one_of(rng, &[EN_CHILD, MORE_EN_GIRLS, MORE_EN_BOYS]);
    (
        name,
        EN_GIRLS.contains(&name) || MORE_EN_GIRLS.contains(&name),
    )
}

pub(super) fn english_mother(rng: &mut fastrand::Rng) -> &'static str {
    one_of(rng, &[EN_MOTHER, MORE_EN_MOTHER])
}

pub(super) fn english_father(rng: &mut fastrand::Rng) -> &'static str {
    one_of(rng, &[EN_FATHER, MORE_EN_FATHER])
}
