//! CSV for Excel: UTF-8 with a byte order mark (without it Excel reads Chinese as GBK
//! gibberish), CRLF line ends, and text that Excel would run as a formula made inert.

use std::borrow::Cow;
use std::io::{self, BufWriter, Write};

use super::error::ExportError;
use super::progress::RowCounter;
use super::table::{looks_like_formula, Cell, Table};
use crate::part_file::PartFile;

pub const BOM: &[u8] = b"\xEF\xBB\xBF";

pub(super) fn write(
    table: &Table,
    part: &mut PartFile,
    rows: &mut RowCounter,
) -> Result<(), ExportError> {
    let target = part.target().to_path_buf();
    let fail = |e: io::Error| ExportError::write(&target, e);
    let mut out = BufWriter::new(part.file());
    out.write_all(BOM).map_err(fail)?;
    let mut csv = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    csv.write_record(table.columns.iter().map(|c| inert(&c.header).into_owned()))
        .map_err(|e| fail(e.into()))?;
    for row in &table.rows {
        rows.next_row()?;
        for cell in row {
            csv.write_field(field(cell).as_bytes())
                .map_err(|e| fail(e.into()))?;
        }
        csv.write_record(None::<&[u8]>)
            .map_err(|e| fail(e.into()))?;
    }
    csv.into_inner()
        .map_err(|e| fail(e.into_error()))?
        .flush()
        .map_err(fail)
}

fn field(cell: &Cell) -> Cow<'_, str> {
    match cell {
        Cell::Text(t) => inert(t),
        // Rust prints 4.0 as "4" and -2.5 as "-2.5": what Excel reads back as numbers.
        Cell::Number(n) => Cow::Owned(n.to_string()),
        Cell::Date(d) => Cow::Owned(d.format("%Y-%m-%d").to_string()),
        Cell::Empty => Cow::Borrowed(""),
    }
}

/// A leading apostrophe is what Excel itself uses to mean "this is text".
fn inert(text: &str) -> Cow<'_, str> {
    if looks_like_formula(text) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}
