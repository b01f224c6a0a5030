//! `renewals`: the worklist as a terminal table, or written to a CSV, Excel or PDF file.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use chrono::NaiveDate;
use clap::ValueEnum;
use encore_core::export::{self, ExportError, ExportFormat};
use encore_core::pdf::{self, Paper};
use encore_core::renewal::{self, WorklistFilter};
use encore_core::settings::Locale;
use encore_core::Db;

use crate::{output, Failure};

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Table,
    Csv,
    Xlsx,
    Pdf,
}

#[derive(Clone, Copy, ValueEnum)]
pub enum PaperSize {
    A4,
    Letter,
}

impl ListFormat {
    /// Without --format, the --out file's extension decides; a terminal gets the table.
    pub fn resolve(format: Option<ListFormat>, out: Option<&Path>) -> ListFormat {
        format.unwrap_or_else(|| {
            let ext = out
                .and_then(|p| p.extension())
                .map(|e| e.to_string_lossy().to_ascii_lowercase());
            match ext.as_deref() {
                Some("csv") => ListFormat::Csv,
                Some("xlsx") => ListFormat::Xlsx,
                Some("pdf") => ListFormat::Pdf,
                _ => ListFormat::Table,
            }
        })
    }
}

pub struct Request {
    pub format: ListFormat,
    pub out: Option<PathBuf>,
    pub locale: Locale,
    pub paper: PaperSize,
    pub today: NaiveDate,
}

pub fn run(db: &Db, r: Request) -> Result<(), Failure> {
    let filter = WorklistFilter::default();
    let rows = db.with_conn(|c| renewal::worklist(c, &filter, r.today))?;
    let out = match (r.format, r.out) {
        (ListFormat::Table, None) => {
            print!("{}", output::worklist_table(&rows, r.locale));
            return Ok(());
        }
        (ListFormat::Table, Some(_)) => {
            return Err(Failure::User(
                "--out is for --format csv, xlsx or pdf; the table is printed".into(),
            ))
        }
        (_, None) => {
            return Err(Failure::User(
                "name the file to write with --out FILE".into(),
            ))
        }
        (_, Some(out)) => out,
    };
    match r.format {
        ListFormat::Csv | ListFormat::Xlsx => {
            let format = if r.format == ListFormat::Csv {
                ExportFormat::Csv
            } else {
                ExportFormat::Xlsx
            };
            let table = export::renewals(&rows, r.locale);
            let never = AtomicBool::new(false);
            export::write(&table, format, &out, &never, &mut |_| {}).map_err(export_failure)?;
        }
        ListFormat::Pdf => {
            let paper = match r.paper {
                PaperSize::A4 => Paper::A4,
                PaperSize::Letter => Paper::Letter,
            };
            let header = db.with_conn(|c| pdf::renewal_header(c, &filter, r.locale, r.today))?;
            let bytes = pdf::renewal_list(&rows, &header, r.locale, paper)?;
            pdf::write_file(&out, &bytes).map_err(|e| Failure::User(e.to_string()))?;
        }
        ListFormat::Table => unreachable!("handled above"),
    }
    println!("{} renewals written to {}", rows.len(), out.display());
    Ok(())
}

fn export_failure(err: ExportError) -> Failure {
    match err {
        ExportError::Write { .. } => Failure::User(err.to_string()),
        ExportError::Read(e) => e.into(),
        other => Failure::Internal(other.to_string()),
    }
}
