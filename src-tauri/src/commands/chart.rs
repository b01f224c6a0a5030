//! A chart's data as CSV and its picture as PNG, saved where the user chooses in the save
//! dialog. The window sends what it drew (rows in its language, a PNG it rendered); the file
//! is written whole or not at all, as exports and PDFs are.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;

use base64::Engine;
use chrono::Local;
use encore_core::backup::space;
use encore_core::export::{self, Cell, Column, ExportFailure, ExportFormat, Table};
use serde::Deserialize;
use specta::Type;
use tauri_plugin_dialog::DialogExt;

use crate::error::{AppError, AppResult};

/// A chart's picture is a few hundred kilobytes; anything far larger is not one.
const PNG_MAX_BYTES: usize = 20 * 1024 * 1024;
const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// One value of a chart's row: numbers stay numbers in the spreadsheet.
#[derive(Debug, Clone, Deserialize, Type)]
#[serde(untagged)]
pub enum ChartCell {
    Number(f64),
    Text(String),
}

#[derive(Debug, Clone, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ChartTable {
    /// The chart's title in the UI language: the file's suggested name.
    pub title: String,
    pub headers: Vec<String>,
    pub rows: Vec<Vec<ChartCell>>,
}

fn table(chart: ChartTable) -> Table {
    let width = chart.headers.len();
    Table {
        title: chart.title,
        columns: chart
            .headers
            .into_iter()
            .map(|header| Column { header })
            .collect(),
        rows: chart
            .rows
            .into_iter()
            .map(|row| {
                let mut cells: Vec<Cell> = row
                    .into_iter()
                    .map(|c| match c {
                        ChartCell::Number(n) => Cell::Number(n),
                        ChartCell::Text(t) => Cell::text(t),
                    })
                    .collect();
                // Every row one cell per column, whatever the window sent.
                cells.resize(width, Cell::Empty);
                cells
            })
            .collect(),
    }
}

/// The PNG the window drew, or None for anything that is not one (or far too large).
fn png_bytes(base64_text: &str) -> Option<Vec<u8>> {
    base64::engine::general_purpose::STANDARD
        .decode(base64_text.trim())
        .ok()
        .filter(|b| b.len() <= PNG_MAX_BYTES && b.starts_with(PNG_SIGNATURE))
}

fn ask_where(app: &tauri::AppHandle, name: String, kind: &str, ext: &str) -> Option<PathBuf> {
    let path = app
        .dialog()
        .file()
        .set_file_name(name)
        .add_filter(kind, &[ext])
        .blocking_save_file()
        .and_then(|p| p.into_path().ok())?;
    let has = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(ext));
    if has {
        return Some(path);
    }
    // A name typed without its extension gets one (appended, as exports do).
    let mut name = path.into_os_string();
    name.push(".");
    name.push(ext);
    Some(PathBuf::from(name))
}

fn refuse_full_disk(path: &Path, bytes: u64) -> AppResult<()> {
    space::ensure_free(path, bytes).map_err(|full| {
        eprintln!("encore: chart export refused: {full}");
        AppError::Export {
            code: ExportFailure::DiskFull,
        }
    })
}

/// The chart's rows as CSV (UTF-8 with BOM); the path written, or None when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn save_chart_csv(app: tauri::AppHandle, chart: ChartTable) -> AppResult<Option<String>> {
    let table = table(chart);
    let name = export::file_name(&table, ExportFormat::Csv, Local::now().date_naive());
    let Some(path) = ask_where(&app, name, "CSV", "csv") else {
        return Ok(None);
    };
    refuse_full_disk(&path, 1024 * (table.rows.len() as u64 + 1))?;
    let never = AtomicBool::new(false);
    export::write(&table, ExportFormat::Csv, &path, &never, &mut |_| {})?;
    Ok(Some(path.display().to_string()))
}

/// The chart as the window drew it, a PNG in base64; the path written, or None when cancelled.
#[tauri::command]
#[specta::specta]
pub async fn save_chart_png(
    app: tauri::AppHandle,
    title: String,
    png_base64: String,
) -> AppResult<Option<String>> {
    let bytes = png_bytes(&png_base64).ok_or_else(|| {
        eprintln!("encore: the window sent a chart that is not a PNG");
        AppError::Internal
    })?;
    // The CSV's name, sanitised the same way, with the picture's extension.
    let named = Table {
        title,
        columns: Vec::new(),
        rows: Vec::new(),
    };
    let csv_name = export::file_name(&named, ExportFormat::Csv, Local::now().date_naive());
    let name = format!("{}.png", csv_name.trim_end_matches(".csv"));
    let Some(path) = ask_where(&app, name, "PNG", "png") else {
        return Ok(None);
    };
    refuse_full_disk(&path, bytes.len() as u64)?;
    encore_core::pdf::write_file(&path, &bytes).map_err(encore_core::Error::from)?;
    Ok(Some(path.display().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_png_is_saved_as_one() {
        let png = base64::engine::general_purpose::STANDARD.encode(b"\x89PNG\r\n\x1a\nrest");
        assert_eq!(png_bytes(&png).map(|b| b.len()), Some(12));
        let svg = base64::engine::general_purpose::STANDARD.encode(b"<svg/>");
        assert_eq!(png_bytes(&svg), None);
        assert_eq!(png_bytes("not base64!"), None);
    }

    #[test]
    fn chart_rows_keep_numbers_and_fill_short_rows() {
        let t = table(ChartTable {
            title: "Renewal rate".into(),
            headers: vec!["Course".into(), "Renewed".into(), "%".into()],
            rows: vec![vec![
                ChartCell::Text("Piano".into()),
                ChartCell::Number(3.0),
            ]],
        });
        assert_eq!(
            t.rows,
            vec![vec![
                Cell::Text("Piano".into()),
                Cell::Number(3.0),
                Cell::Empty
            ]]
        );
    }
}
