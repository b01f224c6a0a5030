//! Free space, checked before Encore writes something big (a backup, an import, an export),
//! so a full disk is refused up front with a clear message instead of failing half-way.
//! (In WAL mode a full disk fails even a DELETE, so the margin matters.)

use std::io;
use std::path::{Path, PathBuf};

/// Kept free beyond the estimate: the database's own journal and the rest of the system
/// need room too.
pub const RESERVE: u64 = 8 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not enough free space in {}: about {needed} bytes needed, {available} free", dir.display())]
pub struct NoSpace {
    pub dir: PathBuf,
    pub needed: u64,
    pub available: u64,
}

/// Refuses when `available` (bytes free) is below `estimate` plus the reserve.
pub fn check(dir: &Path, available: u64, estimate: u64) -> Result<(), NoSpace> {
    let needed = estimate.saturating_add(RESERVE);
    if available < needed {
        return Err(NoSpace {
            dir: dir.to_path_buf(),
            needed,
            available,
        });
    }
    Ok(())
}

/// Checks that the file system holding `path` (or its nearest existing folder) has room for
/// `estimate` bytes. Where free space cannot be measured, nothing is refused.
pub fn ensure_free(path: &Path, estimate: u64) -> Result<(), NoSpace> {
    match free_bytes(path) {
        Ok(Some(available)) => check(path, available, estimate),
        Ok(None) => Ok(()),
        Err(err) => {
            eprintln!(
                "encore: could not measure free space at {}: {err}",
                path.display()
            );
            Ok(())
        }
    }
}

/// Bytes an unprivileged writer may still use where `path` lives; None on systems where
/// Encore does not measure it.
pub fn free_bytes(path: &Path) -> io::Result<Option<u64>> {
    let existing = path
        .ancestors()
        .find(|p| !p.as_os_str().is_empty() && p.exists())
        .unwrap_or(Path::new("."));
    statvfs_free(existing)
}

/// The size of the database file with its write-ahead log: what a snapshot may need.
pub fn database_bytes(db_path: &Path) -> u64 {
    let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0);
    let mut wal = db_path.as_os_str().to_os_string();
    wal.push("-wal");
    size(db_path) + size(Path::new(&wal))
}

#[cfg(unix)]
#[allow(clippy::unnecessary_cast)] // the field widths differ between Unix systems
fn statvfs_free(path: &Path) -> io::Result<Option<u64>> {
    use std::os::unix::ffi::OsStrExt;
    let c_path = std::ffi::CString::new(path.as_os_str().as_bytes())
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e))?;
    // SAFETY: `stat` is plain old data filled in by statvfs; `c_path` outlives the call.
    let mut stat: libc::statvfs = unsafe { std::mem::zeroed() };
    if unsafe { libc::statvfs(c_path.as_ptr(), &mut stat) } != 0 {
        return Err(io::Error::last_os_error());
    }
    Ok(Some(
        (stat.f_bavail as u64).saturating_mul(stat.f_frsize as u64),
    ))
}

#[cfg(not(unix))]
fn statvfs_free(_path: &Path) -> io::Result<Option<u64>> {
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_estimate_and_the_reserve_must_both_fit() {
        let dir = Path::new("/data");
        assert!(check(dir, 100 + RESERVE, 100).is_ok());
        let err = check(dir, 99 + RESERVE, 100).unwrap_err();
        assert_eq!((err.needed, err.available), (100 + RESERVE, 99 + RESERVE));
        assert!(check(dir, 0, u64::MAX).is_err(), "no overflow");
    }

    #[test]
    fn free_space_is_measured_at_the_nearest_existing_folder() {
        let dir = tempfile::tempdir().unwrap();
        let missing = dir.path().join("not/yet/made");
        let free = free_bytes(&missing).unwrap();
        if cfg!(unix) {
            assert!(free.unwrap() > 0);
        }
        assert!(ensure_free(&missing, u64::MAX / 4).is_err() || free.is_none());
    }
}
