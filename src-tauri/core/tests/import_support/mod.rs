//! Reading fixtures and running imports at the test clock, shared by the import tests.
#![allow(dead_code)]

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use encore_core::import::{self, CommitOptions, ImportError, Mapping};
use encore_core::{family, tag::TagFilter, Db};

use crate::common::now;

pub fn local_now() -> DateTime<FixedOffset> {
    now().with_timezone(&FixedOffset::east_opt(8 * 3600).unwrap())
}

pub fn grid(name: &str) -> import::Grid {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(name);
    import::read_file(&path).unwrap()
}

pub fn guessed(db: &Db, grid: &import::Grid) -> Mapping {
    db.with_conn(|c| import::guess(c, &grid.headers))
        .unwrap()
        .mapping
}

pub fn preview(db: &Db, grid: &import::Grid) -> import::ImportPreview {
    let mapping = guessed(db, grid);
    db.with_conn(|c| {
        Ok(import::preview(
            c,
            grid,
            &mapping,
            local_now().date_naive(),
            now(),
        ))
    })
    .unwrap()
    .unwrap()
}

pub fn commit(
    db: &Db,
    grid: &import::Grid,
    skip_invalid: bool,
    staff: i64,
) -> Result<import::ImportReport, ImportError> {
    let mapping = guessed(db, grid);
    let options = CommitOptions {
        skip_invalid,
        staff_id: Some(staff),
    };
    db.with_tx_as(|tx| import::commit(tx, grid, &mapping, options, local_now(), &mut |_| {}))
}

pub fn families(db: &Db) -> Vec<family::FamilySummary> {
    db.with_conn(|c| family::list(c, false, &TagFilter::default()))
        .unwrap()
}
