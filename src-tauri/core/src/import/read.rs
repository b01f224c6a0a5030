//! A roster file turned into a grid of cells that keeps the spreadsheet's own row numbers, so
//! a problem can be found again in the file. CSV in any encoding Chinese Excel writes, or an
//! XLSX/XLS workbook (its first sheet with data).

use std::io::Read;
use std::path::Path;

use chrono::NaiveDate;

/// Rosters are a few hundred kilobytes; anything this large is not one.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;
/// Far beyond any school's roster; keeps a preview small enough to show.
pub const MAX_ROWS: usize = 20_000;
/// Rows searched for the header row, past title lines such as "2024 秋季学员名单".
const HEADER_SEARCH_ROWS: usize = 20;

text_enum!(
    /// Why a file cannot be imported at all.
    FileProblem {
        /// No bytes, or no cell with anything in it.
        Empty = "empty",
        /// A header row and nothing under it.
        HeadersOnly = "headers_only",
        /// Not text and not a workbook (a picture or program renamed .csv).
        NotASpreadsheet = "not_a_spreadsheet",
        /// Over `MAX_FILE_BYTES`.
        TooLarge = "too_large",
        /// Over `MAX_ROWS` rows.
        TooManyRows = "too_many_rows",
        /// The file could not be read (gone, locked, a damaged or protected workbook).
        Unreadable = "unreadable",
    }
);

impl std::fmt::Display for FileProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FileProblem::Empty => "the file is empty",
            FileProblem::HeadersOnly => "the file has a header row but no rows under it",
            FileProblem::NotASpreadsheet => "the file is not a CSV file or an Excel workbook",
            FileProblem::TooLarge => "the file is larger than 20 MB",
            FileProblem::TooManyRows => "the file has more than 20,000 rows",
            FileProblem::Unreadable => "the file could not be read",
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// An Excel date cell.
    Date(NaiveDate),
}

impl Cell {
    fn text(raw: &str) -> Cell {
        let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        if trimmed.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(trimmed.to_string())
        }
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Empty)
    }

    /// The cell as the spreadsheet shows it (whole numbers without a decimal point).
    pub fn display(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.clone(),
            Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => d.to_string(),
        }
    }
}

#[derive(Debug, Clone)]
pub struct GridRow {
    /// The row number the spreadsheet shows (1 is the first line of the file).
    pub number: u32,
    pub cells: Vec<Cell>,
}

impl GridRow {
    pub fn cell(&self, column: usize) -> &Cell {
        self.cells.get(column).unwrap_or(&Cell::Empty)
    }
}

#[derive(Debug, Clone)]
pub struct Grid {
    pub headers: Vec<String>,
    /// The spreadsheet column of `headers[0]` (0 is column A).
    pub first_column: u32,
    /// Non-empty rows under the header row.
    pub rows: Vec<GridRow>,
}

impl Grid {
    /// The spreadsheet's letter for a column of the grid: A, B, … Z, AA…
    pub fn column_letter(&self, column: usize) -> String {
        let mut n = self.first_column as usize + column + 1;
        let mut letters = Vec::new();
        while n > 0 {
            let rem = (n - 1) % 26;
            letters.push(b'A' + rem as u8);
            n = (n - 1) / 26;
        }
        letters.iter().rev().map(|&b| b as char).collect()
    }
}

/// Reads a roster file; a file over the size limit is refused before it is read.
pub fn read_file(path: &Path) -> Result<Grid, FileProblem> {
    let size = std::fs::metadata(path)
        .map_err(|_| FileProblem::Unreadable)?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge);
    }
    let file = std::fs::File::open(path).map_err(|_| FileProblem::Unreadable)?;
    let mut bytes = Vec::with_capacity(size as usize);
    // The file may grow between the size check and the read; never read past the limit.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|_| FileProblem::Unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge);
    }
    read_bytes(&bytes)
}

/// Reads a roster from its bytes, telling a workbook from text by content, not by name.
pub fn read_bytes(bytes: &[u8]) -> Result<Grid, FileProblem> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(FileProblem::TooLarge);
    }
    let rows = if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&OLE_MAGIC) {
        workbook_rows(bytes)?
    } else {
        csv_rows(&decode(bytes)?)?
    };
    into_grid(rows)
}

const OLE_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// UTF-8 (with or without BOM), UTF-16 with BOM (Excel's "Unicode text"), or whatever
/// chardetng finds — GBK/GB18030 for Chinese Excel's "CSV (逗号分隔)".
fn decode(bytes: &[u8]) -> Result<String, FileProblem> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return text_only(text.into_owned());
    }
    if bytes.contains(&0) {
        return Err(FileProblem::NotASpreadsheet);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text_only(text.to_string());
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    let mut encoding = detector.guess(Some(b"cn"), true);
    if encoding == encoding_rs::GBK {
        // GB18030 decodes everything GBK does, and the rarer characters of names too.
        encoding = encoding_rs::GB18030;
    }
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    text_only(text.into_owned())
}

/// Refuses decoded "text" that is mostly control characters or undecodable bytes.
fn text_only(text: String) -> Result<String, FileProblem> {
    let mut total = 0usize;
    let mut odd = 0usize;
    for c in text.chars().take(200_000) {
        total += 1;
        if c == '\u{fffd}' || (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) {
            odd += 1;
        }
    }
    if odd * 100 > total.max(1) {
        return Err(FileProblem::NotASpreadsheet);
    }
    Ok(text)
}

/// The most frequent of comma, tab and semicolon on the first line.
fn delimiter(text: &str) -> u8 {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    [b',', b'\t', b';']
        .into_iter()
        .max_by_key(|d| (first.bytes().filter(|b| b == d).count(), *d == b','))
        .unwrap_or(b',')
}

/// Rows with their spreadsheet numbers. A blank line is a row in a spreadsheet; a quoted
/// cell spanning lines is not several.
fn csv_rows(text: &str) -> Result<Vec<GridRow>, FileProblem> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    let mut embedded_newlines = 0u64;
    for record in reader.records() {
        let record = record.map_err(|_| FileProblem::NotASpreadsheet)?;
        let line = record.position().map_or(0, |p| p.line());
        let number = line.saturating_sub(embedded_newlines);
        embedded_newlines += record
            .iter()
            .map(|f| f.matches('\n').count() as u64)
            .sum::<u64>();
        rows.push(GridRow {
            number: u32::try_from(number).map_err(|_| FileProblem::TooManyRows)?,
            cells: record.iter().map(Cell::text).collect(),
        });
        if rows.len() > MAX_ROWS + HEADER_SEARCH_ROWS {
            return Err(FileProblem::TooManyRows);
        }
    }
    Ok(rows)
}

/// A damaged workbook can make calamine panic (a cell naming a shared string the file lacks,
/// found by `tests/fuzz_import.rs`): that is a file Encore cannot read, not a crash.
fn workbook_rows(bytes: &[u8]) -> Result<Vec<GridRow>, FileProblem> {
    std::panic::catch_unwind(|| read_workbook(bytes)).unwrap_or(Err(FileProblem::Unreadable))
}

fn read_workbook(bytes: &[u8]) -> Result<Vec<GridRow>, FileProblem> {
    use calamine::Reader;
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(bytes))
        .map_err(|_| FileProblem::NotASpreadsheet)?;
    for name in book.sheet_names() {
        let range = book
            .worksheet_range(&name)
            .map_err(|_| FileProblem::Unreadable)?;
        let Some((first_row, first_col)) = range.start() else {
            continue;
        };
        if range.height() > MAX_ROWS + HEADER_SEARCH_ROWS {
            return Err(FileProblem::TooManyRows);
        }
        // Leading empty columns stay, so grid columns keep the sheet's letters.
        let pad = first_col as usize;
        return Ok(range
            .rows()
            .enumerate()
            .map(|(i, cells)| GridRow {
                number: first_row + i as u32 + 1,
                cells: std::iter::repeat_n(Cell::Empty, pad)
                    .chain(cells.iter().map(workbook_cell))
                    .collect(),
            })
            .collect());
    }
    Err(FileProblem::Empty)
}

fn workbook_cell(data: &calamine::Data) -> Cell {
    use calamine::Data;
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::text(s),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.into()),
        Data::DateTime(dt) if dt.is_datetime() => {
            let (y, m, d, ..) = dt.to_ymd_hms_milli();
            NaiveDate::from_ymd_opt(y.into(), m.into(), d.into())
                .map_or(Cell::Number(dt.as_f64()), Cell::Date)
        }
        Data::DateTime(dt) => Cell::Number(dt.as_f64()),
        Data::DateTimeIso(s) => s
            .get(..10)
            .and_then(|d| d.parse().ok())
            .map_or_else(|| Cell::text(s), Cell::Date),
        Data::DurationIso(s) => Cell::text(s),
        Data::Error(e) => Cell::Text(format!("#{e:?}")),
    }
}

/// Finds the header row (the first with two or more filled cells, past any title lines)
/// and keeps the non-empty rows under it.
fn into_grid(rows: Vec<GridRow>) -> Result<Grid, FileProblem> {
    let filled = |r: &GridRow| r.cells.iter().filter(|c| !c.is_empty()).count();
    let Some(first) = rows.iter().position(|r| filled(r) > 0) else {
        return Err(FileProblem::Empty);
    };
    let header_at = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(HEADER_SEARCH_ROWS)
        .find(|(_, r)| filled(r) >= 2)
        .map_or(first, |(i, _)| i);
    let mut rows = rows;
    let body: Vec<GridRow> = rows
        .split_off(header_at + 1)
        .into_iter()
        .filter(|r| filled(r) > 0)
        .collect();
    if body.is_empty() {
        return Err(FileProblem::HeadersOnly);
    }
    if body.len() > MAX_ROWS {
        return Err(FileProblem::TooManyRows);
    }
    let header = &rows[header_at];
    let last_filled = |r: &GridRow| {
        r.cells
            .iter()
            .rposition(|c| !c.is_empty())
            .map_or(0, |i| i + 1)
    };
    let width = body
        .iter()
        .map(last_filled)
        .chain([last_filled(header)])
        .max()
        .unwrap_or(0);
    // Columns left of the first filled one (a workbook's empty column A) are dropped here.
    let first_column = (0..width)
        .find(|&c| !header.cell(c).is_empty() || body.iter().any(|r| !r.cell(c).is_empty()))
        .unwrap_or(0);
    let headers = (first_column..width)
        .map(|c| header.cell(c).display())
        .collect();
    let body = body
        .into_iter()
        .map(|r| GridRow {
            number: r.number,
            cells: r.cells.into_iter().skip(first_column).collect(),
        })
        .collect();
    Ok(Grid {
        headers,
        first_column: first_column as u32,
        rows: body,
    })
}
