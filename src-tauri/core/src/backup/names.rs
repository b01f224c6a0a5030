//! Backup file names. In the backup folder: `<stem>-<YYYY-MM-DD-HHMMSS>-<kind>.db`, in the
//! school's local time, so several databases (the school and the demo) can share one folder
//! and a person can read the date off the name. Beside the database: the copy an upgrade
//! writes first, `<file>.v<N>-<YYYYMMDD-HHMMSS>.bak` (UTC, as released).

use chrono::{DateTime, NaiveDateTime, Utc};

text_enum!(
    /// Why a backup was written.
    BackupKind {
        /// The first start of a day.
        Daily = "daily",
        /// "Back up now".
        Manual = "manual",
        BeforeImport = "before_import",
        BeforeRestore = "before_restore",
        /// Written beside the database before a newer Encore upgraded its format.
        BeforeUpgrade = "before_upgrade",
    }
);

const STAMP: &str = "%Y-%m-%d-%H%M%S";
const STAMP_LEN: usize = "2026-11-22-093000".len();

/// The name of a backup of the database named `stem` (its file name without `.db`).
pub fn backup_name(stem: &str, at: NaiveDateTime, kind: BackupKind) -> String {
    format!("{stem}-{}-{}.db", at.format(STAMP), kind.as_str())
}

/// When and why a backup of `stem` was written, if `name` is one; None for anything else
/// (another database's backups, files a person put there).
pub fn parse_backup_name(stem: &str, name: &str) -> Option<(NaiveDateTime, BackupKind)> {
    let rest = name
        .strip_prefix(stem)?
        .strip_prefix('-')?
        .strip_suffix(".db")?;
    let stamp = rest.get(..STAMP_LEN)?;
    let kind = rest.get(STAMP_LEN..)?.strip_prefix('-')?;
    let at = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?;
    Some((at, BackupKind::parse(kind)?))
}

/// When a pre-upgrade copy of the database file `db_name` was written, and from which schema
/// version, if `name` is one (`school.db.v5-20261122-093000.bak`).
pub fn parse_upgrade_copy(db_name: &str, name: &str) -> Option<(DateTime<Utc>, usize)> {
    let rest = name
        .strip_prefix(db_name)?
        .strip_prefix(".v")?
        .strip_suffix(".bak")?;
    let (version, stamp) = rest.split_once('-')?;
    let version = version.parse().ok()?;
    let at = NaiveDateTime::parse_from_str(stamp, "%Y%m%d-%H%M%S").ok()?;
    Some((at.and_utc(), version))
}

/// Where the live file is kept when a restore replaces it.
pub fn replaced_name(db_name: &str, at: NaiveDateTime) -> String {
    format!("{db_name}.replaced-{}", at.format("%Y%m%d-%H%M%S"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M:%S").unwrap()
    }

    #[test]
    fn a_backup_name_reads_back_as_its_date_and_kind() {
        let when = at("2026-11-22 09:30:05");
        for &kind in BackupKind::ALL {
            let name = backup_name("encore", when, kind);
            assert_eq!(parse_backup_name("encore", &name), Some((when, kind)));
        }
        assert_eq!(
            backup_name("encore", when, BackupKind::BeforeImport),
            "encore-2026-11-22-093005-before_import.db"
        );
    }

    #[test]
    fn other_databases_and_stray_files_are_not_taken_for_backups() {
        let demo = backup_name("encore-demo", at("2026-11-22 09:30:05"), BackupKind::Daily);
        assert_eq!(parse_backup_name("encore", &demo), None);
        assert!(parse_backup_name("encore-demo", &demo).is_some());
        for stray in [
            "encore.db",
            "encore-2026-11-22-093005-daily.db.part",
            ".encore-2026-11-22-093005-daily.db.part",
            "encore-2026-13-22-093005-daily.db",
            "encore-2026-11-22-093005-weekly.db",
            "encore-2026-11-22-daily.db",
            "encore-二〇二六-daily.db",
            "notes.txt",
        ] {
            assert_eq!(parse_backup_name("encore", stray), None, "{stray}");
        }
    }

    #[test]
    fn upgrade_copies_are_recognised_beside_their_database() {
        assert_eq!(
            parse_upgrade_copy("school.db", "school.db.v5-20261122-093000.bak"),
            Some(("2026-11-22T09:30:00Z".parse().unwrap(), 5))
        );
        assert_eq!(
            parse_upgrade_copy("school.db", "other.db.v5-20261122-093000.bak"),
            None
        );
        assert_eq!(parse_upgrade_copy("school.db", "school.db.vx-1.bak"), None);
    }
}
