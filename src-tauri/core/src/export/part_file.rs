//! A file is written under a temporary name beside its target, flushed to disk, then renamed
//! over the target: a reader never sees half a file, and a failed or cancelled export leaves
//! nothing behind (not even the temporary file).

use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};

use super::error::ExportError;

pub(super) struct PartFile {
    path: PathBuf,
    target: PathBuf,
    file: Option<File>,
    renamed: bool,
}

impl PartFile {
    pub fn beside(target: &Path) -> Result<PartFile, ExportError> {
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // The process id keeps the app and the CLI apart when both export to one folder.
        let path = target.with_file_name(format!(".{name}.{}.part", std::process::id()));
        let file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&path)
            .map_err(|e| ExportError::write(target, e))?;
        Ok(PartFile {
            path,
            target: target.to_path_buf(),
            file: Some(file),
            renamed: false,
        })
    }

    pub fn file(&mut self) -> &mut File {
        self.file.as_mut().expect("the file is open until commit")
    }

    pub fn target(&self) -> &Path {
        &self.target
    }

    pub fn commit(mut self) -> Result<(), ExportError> {
        let fail = |e| ExportError::write(&self.target, e);
        let file = self.file.take().expect("commit runs once");
        file.sync_all().map_err(fail)?;
        // Windows will not rename an open file.
        drop(file);
        fs::rename(&self.path, &self.target).map_err(fail)?;
        self.renamed = true;
        sync_folder(&self.target);
        Ok(())
    }
}

impl Drop for PartFile {
    fn drop(&mut self) {
        // Closed first: Windows will not delete an open file either.
        drop(self.file.take());
        if !self.renamed {
            let _ = fs::remove_file(&self.path);
        }
    }
}

/// Makes the rename itself durable; only Unix can open a folder for this.
fn sync_folder(target: &Path) {
    #[cfg(unix)]
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        if let Ok(dir) = File::open(dir) {
            let _ = dir.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = target;
}
