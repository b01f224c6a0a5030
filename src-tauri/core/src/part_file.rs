//! A file is written under a temporary name beside its target, flushed to disk, then renamed
//! over the target: a reader never sees half a file, and a failed or cancelled export leaves
//! nothing behind (not even the temporary file). Exports, PDFs and stored media all write
//! through it.

use std::fs::{self, File, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

pub(crate) struct PartFile {
    path: PathBuf,
    target: PathBuf,
    file: Option<File>,
    renamed: bool,
}

impl PartFile {
    pub fn beside(target: &Path) -> io::Result<PartFile> {
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // The process id and a nonce keep the app, the CLI and two saves apart in one folder.
        let path = target.with_file_name(format!(
            ".{name}.{}-{:08x}.part",
            std::process::id(),
            fastrand::u32(..)
        ));
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)?;
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

    pub fn commit(mut self) -> io::Result<()> {
        let file = self.file.take().expect("commit runs once");
        file.sync_all()?;
        // Windows will not rename an open file.
        drop(file);
        fs::rename(&self.path, &self.target)?;
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
