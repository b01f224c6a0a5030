//! Putting a finished PDF where the user chose: written beside the target under a temporary
//! name, synced, then renamed over it, so the target is either the old file or the whole
//! new one — never half a PDF.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;

use super::PdfError;
use crate::part_file::PartFile;

/// Writes `bytes` to `path`, replacing any file there only once all of them are on disk.
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<(), PdfError> {
    let written = PartFile::beside(path).and_then(|mut part| {
        part.file().write_all(bytes)?;
        part.commit()
    });
    written.map_err(|source| PdfError::Write {
        path: path.to_path_buf(),
        source,
    })
}

/// A file name to offer in the save dialog: `renewals-2026-11-22.pdf`,
/// `statement-张小明-2026-11-22.pdf`. Characters no file system accepts become `-`.
pub fn suggested_file_name(kind: &str, name: Option<&str>, today: NaiveDate) -> String {
    let stem = match name {
        Some(n) => format!("{kind}-{n}-{today}"),
        None => format!("{kind}-{today}"),
    };
    let safe: String = stem
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '-'
            } else {
                c
            }
        })
        .collect();
    format!("{}.pdf", safe.trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    #[test]
    fn a_file_is_replaced_whole_and_no_temporary_file_stays() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("list.pdf");
        fs::write(&path, b"old").unwrap();
        write_file(&path, b"%PDF-new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"%PDF-new");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "{names:?}");
    }

    #[test]
    fn a_folder_that_is_not_there_is_a_write_error_naming_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("list.pdf");
        match write_file(&path, b"%PDF") {
            Err(PdfError::Write { path: p, .. }) => assert_eq!(p, path),
            other => panic!("expected a write error, got {other:?}"),
        }
    }

    #[test]
    fn suggested_names_are_safe_for_any_file_system() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 22).unwrap();
        assert_eq!(
            suggested_file_name("statement", Some("张小明"), day),
            "statement-张小明-2026-11-22.pdf"
        );
        assert_eq!(
            suggested_file_name("brief", Some("A/B: C?"), day),
            "brief-A-B- C--2026-11-22.pdf"
        );
        assert_eq!(
            suggested_file_name("renewals", None, day),
            "renewals-2026-11-22.pdf"
        );
    }
}
