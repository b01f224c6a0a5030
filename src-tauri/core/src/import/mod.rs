//! Rosters in: CSV (any encoding Chinese Excel writes) and XLSX/XLS, mapped column by column,
//! previewed with each row's problems, and written all or nothing.
//!
//! `read_file` gives a grid with the spreadsheet's own row numbers; `guess` proposes (or
//! recalls) which column is which field; `preview` shows every row's problems and what would
//! be created, writing nothing; `commit` writes through the forms' own domain functions.

mod headers;
mod mapping;
mod plan;
mod read;
mod row;
mod value;
mod write;

pub use headers::guess_from_headers;
pub use mapping::{
    check as check_mapping, guess, remember, ImportField, Mapping, MappingGuess, MappingProblem,
};
pub use plan::{preview, ImportCounts, ImportPreview, RowPreview};
pub use read::{read_bytes, read_file, Cell, FileProblem, Grid, GridRow, MAX_FILE_BYTES, MAX_ROWS};
pub use row::{RowProblem, RowProblemCode};
pub use write::{commit, CommitOptions, ImportProgress, ImportReport};

use crate::error::Error;

/// Why an import (or its preview) did not go ahead. File problems come earlier, from
/// `read_file`.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}")]
    Mapping(MappingProblem),
    #[error("{rows} rows have problems; nothing was imported")]
    RowsHaveProblems { rows: u32 },
    #[error("name the staff member importing: packages and notes are written in their name")]
    StaffRequired,
    /// A domain function refused a row the preview had passed.
    #[error("row {row}: {source}")]
    Row { row: u32, source: Error },
    #[error(transparent)]
    Domain(#[from] Error),
}
