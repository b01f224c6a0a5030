//! XLSX through rust_xlsxwriter: numbers as numbers, dates as Excel dates shown yyyy-mm-dd,
//! a bold frozen header with filters, columns sized to their contents. Text is only ever
//! written as a string cell — never a formula — and text that looks like one also carries
//! Excel's quote prefix, so editing the cell later does not turn it into one.

use chrono::Datelike;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::error::ExportError;
use super::progress::RowCounter;
use super::table::{looks_like_formula, Cell, Table};
use crate::part_file::PartFile;

pub(super) fn write(
    table: &Table,
    part: &mut PartFile,
    rows: &mut RowCounter,
) -> Result<(), ExportError> {
    let target = part.target().to_path_buf();
    let fail = |e: XlsxError| match e {
        XlsxError::IoError(e) => ExportError::write(&target, e),
        other => ExportError::Workbook(other),
    };
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(&table.title)).map_err(fail)?;
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let inert = Format::new().set_quote_prefix();
    for (c, (column, width)) in table.columns.iter().zip(table.widths()).enumerate() {
        let c = col(c);
        sheet
            .write_string_with_format(0, c, &column.header, &bold)
            .map_err(fail)?;
        sheet.set_column_width(c, width).map_err(fail)?;
    }
    sheet.set_freeze_panes(1, 0).map_err(fail)?;
    for (r, row) in table.rows.iter().enumerate() {
        rows.next_row()?;
        let r = u32::try_from(r + 1).map_err(|_| fail(XlsxError::RowColumnLimitError))?;
        for (c, cell) in row.iter().enumerate() {
            let c = col(c);
            match cell {
                Cell::Text(t) if looks_like_formula(t) => {
                    sheet.write_string_with_format(r, c, t, &inert)
                }
                Cell::Text(t) => sheet.write_string(r, c, t),
                Cell::Number(n) => sheet.write_number(r, c, *n),
                Cell::Date(d) => {
                    let day = ExcelDateTime::from_ymd(
                        u16::try_from(d.year()).unwrap_or(0),
                        d.month() as u8,
                        d.day() as u8,
                    )
                    .map_err(fail)?;
                    sheet.write_date_with_format(r, c, &day, &date)
                }
                Cell::Empty => continue,
            }
            .map_err(fail)?;
        }
    }
    if !table.rows.is_empty() {
        let last_col = col(table.columns.len().saturating_sub(1));
        sheet
            .autofilter(0, 0, table.rows.len() as u32, last_col)
            .map_err(fail)?;
    }
    rows.check()?;
    book.save_to_writer(part.file()).map_err(fail)
}

fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// Excel's rules for sheet names: at most 31 characters, none of `[]:*?/\`, and no
/// apostrophe at either end.
fn sheet_name(title: &str) -> String {
    let name: String = title
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .take(31)
        .collect();
    let name = name.trim_matches('\'').trim();
    if name.is_empty() {
        "Sheet1".into()
    } else {
        name.into()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn class_names_become_valid_sheet_names() {
        assert_eq!(super::sheet_name("周六 A/B [初级]"), "周六 A_B _初级_");
        assert_eq!(super::sheet_name("'x'"), "x");
        assert_eq!(super::sheet_name(&"长".repeat(40)).chars().count(), 31);
        assert_eq!(super::sheet_name("''"), "Sheet1");
    }
}
