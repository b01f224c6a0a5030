//! The shape every export shares: headed columns and typed cells, so each writer can keep
//! numbers as numbers and dates as dates instead of guessing from text.

use chrono::NaiveDate;

use super::words::Heading;
use crate::settings::Locale;

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Date(NaiveDate),
    Empty,
}

impl Cell {
    /// Blank text is an empty cell, so spreadsheets see no value rather than "".
    pub fn text(text: impl Into<String>) -> Cell {
        let text = text.into();
        if text.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(text)
        }
    }

    pub fn number(value: Option<f64>) -> Cell {
        value.map_or(Cell::Empty, Cell::Number)
    }

    pub fn date(value: Option<NaiveDate>) -> Cell {
        value.map_or(Cell::Empty, Cell::Date)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub header: String,
}

/// One list ready to be written: a title (the sheet's and the file's name), the column
/// headers in the export's language, and rows of exactly one cell per column.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub title: String,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
}

/// Column widths in characters: wide enough for most cells, never absurdly wide.
const MIN_WIDTH: f64 = 6.0;
const MAX_WIDTH: f64 = 60.0;
/// Rows looked at to size the columns; the rest of a long list is alike.
const SIZED_ROWS: usize = 500;

impl Table {
    pub fn new(title: impl Into<String>, headings: &[Heading], locale: Locale) -> Table {
        Table {
            title: title.into(),
            columns: headings
                .iter()
                .map(|h| Column {
                    header: h.words(locale).to_string(),
                })
                .collect(),
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<Cell>) {
        debug_assert_eq!(row.len(), self.columns.len(), "one cell per column");
        self.rows.push(row);
    }

    /// Widths for a spreadsheet, counting a Chinese character as two.
    pub fn widths(&self) -> Vec<f64> {
        let mut widths: Vec<usize> = self
            .columns
            .iter()
            .map(|c| display_width(&c.header))
            .collect();
        for row in self.rows.iter().take(SIZED_ROWS) {
            for (width, cell) in widths.iter_mut().zip(row) {
                let w = match cell {
                    Cell::Text(t) => display_width(t),
                    Cell::Number(n) => n.to_string().len(),
                    Cell::Date(_) => 10,
                    Cell::Empty => 0,
                };
                *width = (*width).max(w);
            }
        }
        widths
            .into_iter()
            .map(|w| (w as f64 + 2.0).clamp(MIN_WIDTH, MAX_WIDTH))
            .collect()
    }
}

fn display_width(text: &str) -> usize {
    text.chars()
        .map(|c| if c as u32 >= 0x1100 { 2 } else { 1 })
        .sum()
}

/// True when a spreadsheet would take the text for a formula (`=`, `+`, `-`, `@`) or a
/// field separator trick (tab, carriage return) rather than for words.
pub fn looks_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_a_spreadsheet_would_run_is_recognised() {
        for risky in ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert!(looks_like_formula(risky), "{risky:?}");
        }
        for plain in ["张小明", "1 hour", "a=b", " =x", ""] {
            assert!(!looks_like_formula(plain), "{plain:?}");
        }
    }

    #[test]
    fn columns_fit_chinese_names_and_stay_within_bounds() {
        let mut t = Table::new("t", &[Heading::Student, Heading::Reasons], Locale::En);
        t.push(vec![Cell::text("欧阳小明"), Cell::text("x".repeat(500))]);
        let widths = t.widths();
        assert_eq!(
            widths[0], 10.0,
            "four Chinese characters are as wide as eight letters"
        );
        assert_eq!(widths[1], MAX_WIDTH);
    }
}
