//! Rows written so far, reported often enough to move a progress bar and seldom enough not
//! to flood the window with messages; and the Cancel button, honoured between rows.

use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;
use specta::Type;

use super::error::ExportError;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportProgress {
    pub rows_done: u32,
    pub rows_total: u32,
}

/// About a hundred reports per export, whatever its size.
const REPORTS: u32 = 100;

pub(super) struct RowCounter<'a> {
    done: u32,
    total: u32,
    step: u32,
    cancel: &'a AtomicBool,
    report: &'a mut dyn FnMut(ExportProgress),
}

impl<'a> RowCounter<'a> {
    /// Reports 0 of `total` at once, so a progress bar appears before the first row.
    pub fn start(
        total: usize,
        cancel: &'a AtomicBool,
        report: &'a mut dyn FnMut(ExportProgress),
    ) -> Self {
        let total = u32::try_from(total).unwrap_or(u32::MAX);
        report(ExportProgress {
            rows_done: 0,
            rows_total: total,
        });
        RowCounter {
            done: 0,
            total,
            step: (total / REPORTS).max(1),
            cancel,
            report,
        }
    }

    pub fn check(&self) -> Result<(), ExportError> {
        if self.cancel.load(Ordering::Relaxed) {
            Err(ExportError::Cancelled)
        } else {
            Ok(())
        }
    }

    /// Called before each row is written.
    pub fn next_row(&mut self) -> Result<(), ExportError> {
        self.check()?;
        self.done += 1;
        if self.done.is_multiple_of(self.step) || self.done == self.total {
            (self.report)(ExportProgress {
                rows_done: self.done,
                rows_total: self.total,
            });
        }
        Ok(())
    }
}
