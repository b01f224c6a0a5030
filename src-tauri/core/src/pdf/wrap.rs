//! Line breaking by measured width: Latin breaks at spaces, CJK between any two characters,
//! except that closing punctuation never starts a line and opening punctuation never ends
//! one (，。） stay with the character before, （《 with the one after).

/// Where a piece of text may be broken from the piece before it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Join {
    /// A space separated them: it shows inside a line and disappears at a break.
    Space,
    /// Adjacent CJK: a break adds nothing.
    Free,
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF      // radicals, CJK punctuation, kana, ideographs
        | 0xAC00..=0xD7AF    // hangul
        | 0xF900..=0xFAFF    // compatibility ideographs
        | 0xFE30..=0xFE4F    // vertical forms
        | 0xFF00..=0xFFEF    // full-width forms
        | 0x20000..=0x3FFFF) // rarer ideographs
}

fn is_closing(c: char) -> bool {
    "，。、；：？！）》」』】〉”’…,.;:?!)]}%".contains(c)
}

fn is_opening(c: char) -> bool {
    "（《「『【〈“‘([{".contains(c)
}

/// Tabs become spaces; other control characters would draw as boxes.
fn clean(line: &str) -> String {
    line.chars()
        .map(|c| if c == '\t' { ' ' } else { c })
        .filter(|c| !c.is_control())
        .collect()
}

/// The unbreakable pieces of one line, each with how it joins the piece before.
fn pieces(line: &str) -> Vec<(Join, String)> {
    let mut out: Vec<(Join, String)> = Vec::new();
    let mut space = false;
    for c in line.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let glued = match out.last() {
            None => false,
            Some(_) if space => false,
            Some((_, piece)) => {
                let last = piece.chars().last().unwrap_or(' ');
                is_closing(c) || is_opening(last) || !(is_cjk(c) || is_cjk(last))
            }
        };
        match out.last_mut() {
            Some((_, piece)) if glued => piece.push(c),
            _ => out.push((if space { Join::Space } else { Join::Free }, c.to_string())),
        }
        space = false;
    }
    out
}

/// Breaks `text` into lines no wider than `width` as `measure` counts; `\n` always breaks
/// and an empty line stays. A word wider than a whole line is cut between characters.
pub(crate) fn wrap(text: &str, width: f32, measure: impl Fn(&str) -> f32) -> Vec<String> {
    let mut lines = Vec::new();
    for hard in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        for (join, piece) in pieces(&clean(hard)) {
            let gap = if join == Join::Space && !line.is_empty() {
                " "
            } else {
                ""
            };
            let piece_width = measure(&piece);
            let added = measure(gap) + piece_width;
            if line.is_empty() || line_width + added <= width {
                line.push_str(gap);
                line.push_str(&piece);
                line_width += added;
            } else {
                lines.push(std::mem::take(&mut line));
                line.push_str(&piece);
                line_width = piece_width;
            }
            // Too wide even alone: cut it character by character.
            while line_width > width && line.chars().count() > 1 {
                let mut head = String::new();
                for c in line.chars() {
                    let mut next = head.clone();
                    next.push(c);
                    if !head.is_empty() && measure(&next) > width {
                        break;
                    }
                    head = next;
                }
                line = line[head.len()..].to_string();
                line_width = measure(&line);
                lines.push(head);
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every character one unit wide.
    fn count(text: &str) -> f32 {
        text.chars().count() as f32
    }

    #[test]
    fn latin_breaks_at_spaces_and_drops_them_at_the_break() {
        assert_eq!(
            wrap("attendance fell from 100% to 50%", 16.0, count),
            ["attendance fell", "from 100% to 50%"]
        );
    }

    #[test]
    fn chinese_breaks_between_any_two_characters_but_keeps_punctuation_attached() {
        assert_eq!(
            wrap("课时包已于到期，五课时未用", 5.0, count),
            ["课时包已于", "到期，五课", "时未用"]
        );
        assert_eq!(
            wrap("弹奏《小步舞曲》", 3.0, count),
            ["弹奏", "《小步", "舞曲》"]
        );
    }

    #[test]
    fn mixed_text_breaks_between_scripts() {
        assert_eq!(wrap("钢琴Piano课", 6.0, count), ["钢琴", "Piano课"]);
    }

    #[test]
    fn hard_breaks_and_blank_lines_stay_and_long_words_are_cut() {
        assert_eq!(wrap("a\n\nb", 10.0, count), ["a", "", "b"]);
        assert_eq!(wrap("abcdefgh", 3.0, count), ["abc", "def", "gh"]);
        assert_eq!(wrap("", 3.0, count), [""]);
        assert_eq!(wrap("a\tb\u{7}c", 10.0, count), ["a bc"]);
    }
}
