//! PDF documents made in Rust (krilla) with a CJK font subset embedded, so names stay
//! extractable text: renewal lists, statements and meeting briefs, on A4 or Letter.
//!
//! Each document is first described as blocks (headings, paragraphs, tables), then laid out
//! into pages by measuring glyph advances, then drawn with a running header and a
//! "page N of M" footer. The words Encore prints itself come from `words`, not from the UI.

mod blocks;
mod briefs;
mod draw;
mod family_child;
mod family_record;
mod family_words;
mod file;
mod font;
mod layout;
mod renewals;
mod statement;
mod words;
mod wrap;

use std::path::PathBuf;

use chrono::NaiveDate;

pub use briefs::briefs;
pub use family_record::family_record;
pub use file::{suggested_file_name, write_file};
pub use renewals::{renewal_header, renewal_list};
pub use statement::statement;

text_enum!(
    /// The sheet size a PDF is laid out for.
    Paper {
        A4 = "a4",
        Letter = "letter",
    }
);

impl Paper {
    /// Width and height in PDF points (1/72 inch).
    pub fn size(self) -> (f32, f32) {
        match self {
            Paper::A4 => (595.28, 841.89),
            Paper::Letter => (612.0, 792.0),
        }
    }
}

/// What heads every page of a printed list.
#[derive(Debug, Clone, PartialEq)]
pub struct ListHeader {
    pub school_name: Option<String>,
    /// The list's name in the document's language, e.g. "Renewal worklist".
    pub title: String,
    pub on: NaiveDate,
    /// The filters in words, in the document's language; empty when the list is unfiltered.
    pub filters: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// krilla refused the document (a font it could not embed, say): Encore's bug, not the
    /// user's.
    #[error("the PDF could not be assembled: {0}")]
    Render(String),
    /// The chosen file could not be written (a read-only folder, a full disk…).
    #[error("could not write {path}: {source}")]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
}
