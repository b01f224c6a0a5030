//! Is the database somewhere that endangers it? Sync clients (OneDrive, Dropbox, iCloud,
//! 坚果云, 百度网盘, Google Drive) upload a SQLite file while it is being written, make
//! "conflicted copies", and can restore a stale version over it; network file systems (SMB,
//! NFS, sshfs) break SQLite's locking and lose writes when the connection drops. Encore
//! warns instead of refusing: the school may know what it is doing.

use std::path::{Component, Path};

use serde::Serialize;
use specta::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Type)]
#[serde(rename_all = "snake_case")]
pub enum CloudService {
    OneDrive,
    Dropbox,
    ICloud,
    Nutstore,
    BaiduNetdisk,
    GoogleDrive,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Type)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum StorageRisk {
    /// Inside a folder a sync client watches.
    CloudFolder { service: CloudService },
    /// On a network share; `fs_type` as the system names it (`cifs`, `nfs4`, `fuse.sshfs`…).
    #[serde(rename_all = "camelCase")]
    NetworkDrive { fs_type: String },
}

/// Folder names (compared case-insensitively, as a prefix of one path component: "OneDrive -
/// Contoso", "GoogleDrive-me@example.com", "Dropbox (Personal)") of each sync client.
const CLOUD_FOLDERS: &[(&str, CloudService)] = &[
    ("onedrive", CloudService::OneDrive),
    ("dropbox", CloudService::Dropbox),
    ("icloud drive", CloudService::ICloud),
    ("iclouddrive", CloudService::ICloud),
    ("mobile documents", CloudService::ICloud),
    ("com~apple~clouddocs", CloudService::ICloud),
    ("nutstore", CloudService::Nutstore),
    ("我的坚果云", CloudService::Nutstore),
    ("坚果云", CloudService::Nutstore),
    ("baidunetdisk", CloudService::BaiduNetdisk),
    ("baidusyncdisk", CloudService::BaiduNetdisk),
    ("百度网盘", CloudService::BaiduNetdisk),
    ("google drive", CloudService::GoogleDrive),
    ("googledrive", CloudService::GoogleDrive),
];

/// File systems reached over a network.
const NETWORK_FS: &[&str] = &[
    "nfs",
    "nfs4",
    "cifs",
    "smb",
    "smb2",
    "smb3",
    "smbfs",
    "afpfs",
    "webdav",
    "davfs",
    "ncpfs",
    "afs",
    "ceph",
    "glusterfs",
    "lustre",
    "9p",
];

/// The risk of keeping the database at `path` on a file system of type `fs_type`.
pub fn storage_risk(path: &Path, fs_type: Option<&str>) -> Option<StorageRisk> {
    for component in path.components() {
        let Component::Normal(name) = component else {
            continue;
        };
        let name = name.to_string_lossy().to_lowercase();
        if let Some(&(_, service)) = CLOUD_FOLDERS.iter().find(|(f, _)| name.starts_with(f)) {
            return Some(StorageRisk::CloudFolder { service });
        }
    }
    let unc = path.to_string_lossy();
    if unc.starts_with(r"\\") && !unc.starts_with(r"\\?\") && !unc.starts_with(r"\\.\") {
        return Some(StorageRisk::NetworkDrive {
            fs_type: "smb".into(),
        });
    }
    let fs = fs_type?.to_lowercase();
    // `fuse.sshfs`, `fuse.rclone`, `fuse.davfs2`: a FUSE driver for a network protocol.
    let driver = fs.strip_prefix("fuse.").unwrap_or(&fs);
    let network = NETWORK_FS.contains(&driver)
        || [
            "sshfs",
            "rclone",
            "davfs",
            "gvfsd-fuse",
            "curlftpfs",
            "s3fs",
        ]
        .iter()
        .any(|d| driver.starts_with(d));
    network.then_some(StorageRisk::NetworkDrive { fs_type: fs })
}

/// The type of the file system holding `path`, as the system reports it (Linux only).
pub fn filesystem_type(path: &Path) -> Option<String> {
    #[cfg(target_os = "linux")]
    {
        let real = path
            .ancestors()
            .find_map(|p| std::fs::canonicalize(p).ok())?;
        let table = std::fs::read_to_string("/proc/self/mountinfo").ok()?;
        mount_type(&table, &real)
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = path;
        None
    }
}

/// The type of the deepest mount in `mountinfo` (Linux's `/proc/self/mountinfo`) that holds
/// `path`.
pub fn mount_type(mountinfo: &str, path: &Path) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    for line in mountinfo.lines() {
        let fields: Vec<&str> = line.split(' ').collect();
        let Some(dash) = fields.iter().position(|f| *f == "-") else {
            continue;
        };
        let (Some(mount_point), Some(fs_type)) = (fields.get(4), fields.get(dash + 1)) else {
            continue;
        };
        let mount_point = unescape(mount_point);
        let depth = Path::new(&mount_point).components().count();
        if path.starts_with(&mount_point) && best.as_ref().is_none_or(|(d, _)| depth >= *d) {
            best = Some((depth, fs_type.to_string()));
        }
    }
    best.map(|(_, fs)| fs)
}

/// Mount points escape space, tab, newline and backslash as octal (`\040`).
fn unescape(field: &str) -> String {
    let mut out = Vec::new();
    let bytes = field.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let octal = bytes.get(i + 1..i + 4).and_then(|d| {
            std::str::from_utf8(d)
                .ok()
                .and_then(|s| u8::from_str_radix(s, 8).ok())
        });
        match (bytes[i], octal) {
            (b'\\', Some(b)) => {
                out.push(b);
                i += 4;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cloud(path: &str) -> Option<CloudService> {
        match storage_risk(Path::new(path), Some("ext4")) {
            Some(StorageRisk::CloudFolder { service }) => Some(service),
            _ => None,
        }
    }

    #[test]
    fn sync_folders_are_recognised_on_every_system() {
        use CloudService::*;
        let cases = [
            (r"C:\Users\li\OneDrive\Encore\encore.db", OneDrive),
            (r"C:\Users\li\OneDrive - 星光艺术\encore.db", OneDrive),
            (
                "/Users/li/Library/CloudStorage/OneDrive-Personal/encore.db",
                OneDrive,
            ),
            ("/home/li/Dropbox/school/encore.db", Dropbox),
            (r"D:\Dropbox (Personal)\encore.db", Dropbox),
            (
                "/Users/li/Library/Mobile Documents/com~apple~CloudDocs/encore.db",
                ICloud,
            ),
            (r"C:\Users\li\iCloudDrive\encore.db", ICloud),
            (r"C:\Users\li\Nutstore\encore.db", Nutstore),
            (r"C:\Users\li\我的坚果云\encore.db", Nutstore),
            (r"D:\BaiduNetdiskWorkspace\encore.db", BaiduNetdisk),
            (r"D:\BaiduSyncdisk\学校\encore.db", BaiduNetdisk),
            (r"D:\百度网盘\encore.db", BaiduNetdisk),
            ("/Users/li/Google Drive/My Drive/encore.db", GoogleDrive),
            (
                "/Users/li/Library/CloudStorage/GoogleDrive-li@example.com/encore.db",
                GoogleDrive,
            ),
        ];
        for (path, service) in cases {
            // Windows paths split on `\` only on Windows; test them as the system would.
            let path = if cfg!(windows) {
                path.to_string()
            } else {
                path.replace('\\', "/")
            };
            assert_eq!(cloud(&path), Some(service), "{path}");
        }
    }

    #[test]
    fn ordinary_folders_and_look_alikes_raise_no_warning() {
        for path in [
            "/home/li/.local/share/app.encore.desktop/encore.db",
            "/home/li/Documents/drive-notes/encore.db",
            "/home/li/encore-onedrive.db",
        ] {
            assert_eq!(storage_risk(Path::new(path), Some("ext4")), None, "{path}");
        }
        assert_eq!(storage_risk(Path::new("/data/encore.db"), None), None);
    }

    #[test]
    fn network_file_systems_are_recognised() {
        for fs in [
            "nfs",
            "nfs4",
            "cifs",
            "smb3",
            "fuse.sshfs",
            "fuse.rclone",
            "9p",
        ] {
            assert_eq!(
                storage_risk(Path::new("/mnt/school/encore.db"), Some(fs)),
                Some(StorageRisk::NetworkDrive { fs_type: fs.into() }),
                "{fs}"
            );
        }
        for fs in [
            "ext4",
            "btrfs",
            "xfs",
            "tmpfs",
            "ntfs",
            "fuseblk",
            "fuse.ntfs-3g",
        ] {
            assert_eq!(
                storage_risk(Path::new("/mnt/school/encore.db"), Some(fs)),
                None,
                "{fs}"
            );
        }
        assert!(matches!(
            storage_risk(Path::new(r"\\server\school\encore.db"), None),
            Some(StorageRisk::NetworkDrive { .. })
        ));
    }

    #[test]
    fn the_deepest_mount_holding_the_file_names_its_type() {
        let mountinfo = "\
22 27 0:21 / /proc rw,relatime - proc proc rw
27 1 8:1 / / rw,relatime - ext4 /dev/sda1 rw
40 27 0:45 / /mnt/school\\040share rw,relatime - cifs //nas/school rw
41 27 0:46 / /mnt rw,relatime - tmpfs tmpfs rw
42 27 0:47 / /home/li/remote rw - fuse.sshfs li@nas: rw";
        let at = |p: &str| mount_type(mountinfo, Path::new(p));
        assert_eq!(at("/home/li/encore.db").as_deref(), Some("ext4"));
        assert_eq!(at("/mnt/school share/encore.db").as_deref(), Some("cifs"));
        assert_eq!(at("/mnt/other/encore.db").as_deref(), Some("tmpfs"));
        assert_eq!(
            at("/home/li/remote/encore.db").as_deref(),
            Some("fuse.sshfs")
        );
        assert_eq!(at("/home/li/remote-ish/encore.db").as_deref(), Some("ext4"));
    }

    #[test]
    fn this_machine_reports_a_type_for_its_temp_folder() {
        let dir = tempfile::tempdir().unwrap();
        if cfg!(target_os = "linux") {
            assert!(filesystem_type(dir.path()).is_some());
        }
    }
}
