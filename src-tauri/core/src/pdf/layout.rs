//! Blocks (headings, paragraphs, figures, tables) laid out into pages. A heading is never
//! left alone at the foot of a page, a table row moves whole to the next page with the
//! column titles repeated above it, and only a row taller than a page is split.

use super::blocks::{Align, Block, Cell, Figure, Style, Table, Tone};
use super::font::Typeface;
use super::wrap::wrap;

/// What a page shows, in points from its top-left corner.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Mark {
    Text {
        x: f32,
        /// The baseline.
        y: f32,
        text: String,
        style: Style,
    },
    Rule {
        x1: f32,
        x2: f32,
        y: f32,
        width: f32,
        tone: Tone,
    },
}

/// The part of a page the body may fill.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Frame {
    pub left: f32,
    pub right: f32,
    pub top: f32,
    pub bottom: f32,
}

const TITLE: Style = Style {
    size: 15.0,
    tone: Tone::Ink,
    bold: true,
};
const HEADING: Style = Style {
    size: 11.5,
    tone: Tone::Ink,
    bold: true,
};
const SUBHEADING: Style = Style {
    size: 10.0,
    tone: Tone::Ink,
    bold: true,
};
const CELL_PAD_X: f32 = 5.0;

/// Lays `blocks` out into pages (always at least one).
pub(crate) fn lay_out(blocks: &[Block], face: &Typeface, frame: Frame) -> Vec<Vec<Mark>> {
    let mut flow = Flow {
        face,
        frame,
        pages: vec![Vec::new()],
        y: frame.top,
    };
    for block in blocks {
        match block {
            Block::Title(t) => flow.heading(t, TITLE, false),
            Block::Heading(t) => flow.heading(t, HEADING, true),
            Block::Subheading(t) => flow.heading(t, SUBHEADING, false),
            Block::Text {
                text,
                style,
                marker,
            } => flow.paragraph(text, *style, marker.as_deref()),
            Block::Figures(figures) => flow.figures(figures),
            Block::Table(table) => flow.table(table),
            Block::Gap(h) => flow.y += h,
        }
    }
    flow.pages
}

struct Flow<'a> {
    face: &'a Typeface,
    frame: Frame,
    pages: Vec<Vec<Mark>>,
    y: f32,
}

impl Flow<'_> {
    fn width(&self) -> f32 {
        self.frame.right - self.frame.left
    }

    fn at_top(&self) -> bool {
        self.y <= self.frame.top + 0.5
    }

    fn room(&self) -> f32 {
        self.frame.bottom - self.y
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = self.frame.top;
    }

    /// Starts a new page unless `height` fits on this one (or this one is still empty).
    fn need(&mut self, height: f32) {
        if self.room() < height && !self.at_top() {
            self.new_page();
        }
    }

    fn mark(&mut self, mark: Mark) {
        self.pages
            .last_mut()
            .expect("a flow always has a page")
            .push(mark);
    }

    /// Draws one line of text whose line box starts at `top`.
    fn line(&mut self, x: f32, top: f32, text: &str, style: Style) {
        if !text.is_empty() {
            self.mark(Mark::Text {
                x,
                y: top + style.baseline(),
                text: text.to_string(),
                style,
            });
        }
    }

    fn rule(&mut self, y: f32, width: f32, tone: Tone) {
        self.mark(Mark::Rule {
            x1: self.frame.left,
            x2: self.frame.right,
            y,
            width,
            tone,
        });
    }

    fn wrap(&self, text: &str, width: f32, style: Style) -> Vec<String> {
        wrap(text, width, |s| self.face.width(s, style.size))
    }

    fn heading(&mut self, text: &str, style: Style, underline: bool) {
        let lines = self.wrap(text, self.width(), style);
        let height = lines.len() as f32 * style.line();
        if !self.at_top() {
            self.y += style.size * 0.6;
        }
        // Keep the heading with at least three lines of what follows it.
        self.need(height + 3.0 * Style::BODY.line() + 6.0);
        for l in &lines {
            self.line(self.frame.left, self.y, l, style);
            self.y += style.line();
        }
        if underline {
            self.rule(self.y + 1.0, 1.2, Tone::Ink);
            self.y += 5.0;
        }
        self.y += 2.0;
    }

    fn paragraph(&mut self, text: &str, style: Style, marker: Option<&str>) {
        let indent = marker.map_or(0.0, |m| {
            (self.face.width(m, style.size) + style.size * 0.5).max(style.size * 1.4)
        });
        let lines = self.wrap(text, self.width() - indent, style);
        for (i, l) in lines.iter().enumerate() {
            self.need(style.line());
            if let (0, Some(m)) = (i, marker) {
                self.line(self.frame.left, self.y, m, style);
            }
            self.line(self.frame.left + indent, self.y, l, style);
            // A blank line separates paragraphs; half a line does that as clearly.
            self.y += if l.is_empty() {
                style.line() / 2.0
            } else {
                style.line()
            };
        }
    }

    fn figures(&mut self, figures: &[Figure]) {
        if figures.is_empty() {
            return;
        }
        let label = Style::NOTE;
        let value = Style::sized(14.0).bold();
        self.need(label.line() + value.line() + 4.0);
        let column = self.width() / figures.len() as f32;
        for (i, f) in figures.iter().enumerate() {
            let x = self.frame.left + column * i as f32;
            self.line(x, self.y, &f.label, label);
            self.line(x, self.y + label.line(), &f.value, value.tone(f.tone));
        }
        self.y += label.line() + value.line() + 4.0;
    }

    fn table(&mut self, table: &Table) {
        let total: f32 = table.columns.iter().map(|c| c.share).sum();
        let mut edges = vec![self.frame.left];
        for c in &table.columns {
            let last = *edges.last().unwrap_or(&self.frame.left);
            edges.push(last + self.width() * c.share / total);
        }
        let grid = Grid {
            edges,
            body: Style::sized(table.size),
        };
        let titles: Vec<Cell> = table
            .columns
            .iter()
            .map(|c| Cell::new(c.title.clone()).tone(Tone::Muted).bold())
            .collect();
        let head = grid.lines(self, &titles);
        let first = table.rows.first().map_or(0.0, |r| {
            let lines = grid.lines(self, r);
            grid.height(&lines)
        });
        self.need(grid.height(&head) + first);
        let at_top = self.at_top();
        self.table_head(&grid, table, &titles, &head);
        // Where rows start on a page that holds nothing else: a row that does not fit there
        // will not fit on any page, so it is split rather than moved on.
        let mut page_start = at_top.then_some(self.y);
        for row in &table.rows {
            let lines = grid.lines(self, row);
            let count = lines.iter().map(Vec::len).max().unwrap_or(0).max(1);
            let mut start = 0;
            while start < count {
                let fresh = page_start == Some(self.y);
                let fit = ((self.room() - 2.0 * grid.pad()) / grid.body.line()).floor();
                let fit = fit.max(0.0) as usize;
                if fit >= count - start {
                    self.table_row(&grid, table, row, &lines, start..count);
                    break;
                }
                if fresh && fit > 0 {
                    // Taller than a whole page: split it where the page ends.
                    self.table_row(&grid, table, row, &lines, start..start + fit);
                    start += fit;
                }
                self.new_page();
                self.table_head(&grid, table, &titles, &head);
                page_start = Some(self.y);
            }
        }
        self.y += 6.0;
    }

    fn table_head(&mut self, grid: &Grid, table: &Table, titles: &[Cell], head: &[Vec<String>]) {
        let count = head.iter().map(Vec::len).max().unwrap_or(1);
        self.table_row(grid, table, titles, head, 0..count);
        self.rule(self.y - 0.4, 0.8, Tone::Ink);
    }

    fn table_row(
        &mut self,
        grid: &Grid,
        table: &Table,
        cells: &[Cell],
        lines: &[Vec<String>],
        range: std::ops::Range<usize>,
    ) {
        let top = self.y + grid.pad();
        for (i, (cell, cell_lines)) in cells.iter().zip(lines).enumerate() {
            let style = Style {
                tone: cell.tone,
                bold: cell.bold,
                ..grid.body
            };
            let (left, right) = (grid.edges[i], grid.edges[i + 1]);
            let align = table.columns.get(i).map_or(Align::Left, |c| c.align);
            for (k, l) in cell_lines
                .iter()
                .enumerate()
                .filter(|(k, _)| range.contains(k))
            {
                let x = match align {
                    Align::Left => left + CELL_PAD_X,
                    Align::Right => right - CELL_PAD_X - self.face.width(l, style.size),
                };
                let y = top + (k - range.start) as f32 * style.line();
                self.line(x, y, l, style);
            }
        }
        self.y += range.len() as f32 * grid.body.line() + 2.0 * grid.pad();
        self.rule(self.y, 0.4, Tone::Rule);
    }
}

/// Column edges of a table and the style of its cells.
struct Grid {
    edges: Vec<f32>,
    body: Style,
}

impl Grid {
    fn pad(&self) -> f32 {
        self.body.size * 0.3
    }

    fn lines(&self, flow: &Flow, cells: &[Cell]) -> Vec<Vec<String>> {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let width = self.edges[i + 1] - self.edges[i] - 2.0 * CELL_PAD_X;
                flow.wrap(&c.text, width, self.body)
            })
            .collect()
    }

    fn height(&self, lines: &[Vec<String>]) -> f32 {
        let count = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
        count as f32 * self.body.line() + 2.0 * self.pad()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::blocks::Column;

    const FRAME: Frame = Frame {
        left: 40.0,
        right: 555.0,
        top: 100.0,
        bottom: 790.0,
    };

    fn texts(page: &[Mark]) -> Vec<(f32, &str)> {
        page.iter()
            .filter_map(|m| match m {
                Mark::Text { y, text, .. } => Some((*y, text.as_str())),
                Mark::Rule { .. } => None,
            })
            .collect()
    }

    fn table(rows: Vec<Vec<Cell>>) -> Block {
        let column = |title: &str| Column {
            title: title.into(),
            share: 1.0,
            align: Align::Left,
        };
        Block::Table(Table {
            columns: vec![column("学员"), column("原因")],
            rows,
            size: 8.5,
        })
    }

    #[test]
    fn a_long_table_repeats_its_titles_and_stays_inside_the_frame() {
        let face = Typeface::for_text(["学员原因张"]).unwrap();
        let rows = (0..300)
            .map(|i| vec![Cell::new(format!("张{i}")), Cell::new("原因")])
            .collect();
        let pages = lay_out(&[table(rows)], &face, FRAME);
        assert!(pages.len() > 3, "{} pages", pages.len());
        let mut names = 0;
        for page in &pages {
            let t = texts(page);
            assert_eq!(t[0].1, "学员", "each page starts with the column titles");
            assert!(t.iter().all(|(y, _)| *y <= FRAME.bottom && *y >= FRAME.top));
            names += t.iter().filter(|(_, s)| s.starts_with('张')).count();
        }
        assert_eq!(names, 300, "every row once");
    }

    #[test]
    fn a_row_taller_than_a_page_is_split_and_nothing_is_lost() {
        let face = Typeface::for_text(["学员原因第行"]).unwrap();
        let long: Vec<String> = (0..150).map(|i| format!("第{i}行")).collect();
        let rows = vec![vec![Cell::new("张"), Cell::new(long.join("\n"))]];
        let pages = lay_out(&[Block::Gap(300.0), table(rows)], &face, FRAME);
        let drawn: Vec<String> = pages
            .iter()
            .flat_map(|p| texts(p))
            .filter(|(_, s)| s.starts_with('第'))
            .map(|(_, s)| s.to_string())
            .collect();
        assert_eq!(drawn, long);
        assert_eq!(
            pages.len(),
            4,
            "the gap's page, then the row over three pages"
        );
        assert!(
            texts(&pages[0]).iter().all(|(_, s)| !s.starts_with('第')),
            "the row moved to a fresh page first"
        );
    }

    #[test]
    fn a_heading_never_ends_a_page() {
        let face = Typeface::for_text(["标题正文"]).unwrap();
        let mut blocks = vec![Block::Gap(FRAME.bottom - FRAME.top - 30.0)];
        blocks.push(Block::Heading("标题".into()));
        blocks.push(Block::text("正文", Style::BODY));
        let pages = lay_out(&blocks, &face, FRAME);
        assert_eq!(pages.len(), 2);
        assert!(texts(&pages[0]).is_empty());
        assert_eq!(texts(&pages[1])[0].1, "标题");
    }
}
