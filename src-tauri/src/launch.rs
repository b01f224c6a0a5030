//! Command-line options of the desktop app: which database file, and whether to open the
//! demo school.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

pub const USAGE: &str = "Usage: encore [--db PATH] [--demo]

  --db PATH   open this database file (also: ENCORE_DB=PATH)
  --demo      open the demo school; without --db it lives in its own file
              (encore-demo.db) so it never mixes with real records";

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Launch {
    pub db: Option<PathBuf>,
    pub demo: bool,
    pub help: bool,
}

impl Launch {
    /// `env_db` is `ENCORE_DB`; `--db` wins over it.
    pub fn parse(
        args: impl IntoIterator<Item = OsString>,
        env_db: Option<OsString>,
    ) -> Result<Launch, String> {
        let mut launch = Launch {
            db: env_db.filter(|v| !v.is_empty()).map(PathBuf::from),
            ..Launch::default()
        };
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let text = arg.to_string_lossy();
            if text == "--demo" {
                launch.demo = true;
            } else if text == "--help" || text == "-h" {
                launch.help = true;
            } else if text == "--db" {
                let value = args.next().ok_or("--db needs a file path")?;
                launch.db = Some(PathBuf::from(value));
            } else if let Some(value) = text.strip_prefix("--db=") {
                launch.db = Some(PathBuf::from(value));
            } else {
                return Err(format!("unknown option {text}"));
            }
        }
        Ok(launch)
    }

    /// The file to open: the one named, else `encore.db` (or `encore-demo.db`) in `data_dir`.
    pub fn db_path(&self, data_dir: &Path) -> PathBuf {
        match &self.db {
            Some(path) => path.clone(),
            None if self.demo => data_dir.join("encore-demo.db"),
            None => data_dir.join("encore.db"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str], env: Option<&str>) -> Result<Launch, String> {
        Launch::parse(args.iter().map(OsString::from), env.map(OsString::from))
    }

    #[test]
    fn the_real_school_lives_in_the_data_folder_and_the_demo_beside_it() {
        let data = Path::new("/data");
        assert_eq!(
            parse(&[], None).unwrap().db_path(data),
            Path::new("/data/encore.db")
        );
        assert_eq!(
            parse(&["--demo"], None).unwrap().db_path(data),
            Path::new("/data/encore-demo.db")
        );
    }

    #[test]
    fn db_flag_beats_the_environment() {
        let data = Path::new("/data");
        assert_eq!(
            parse(&[], Some("/env.db")).unwrap().db_path(data),
            Path::new("/env.db")
        );
        let l = parse(&["--db", "/flag.db", "--demo"], Some("/env.db")).unwrap();
        assert_eq!((l.db_path(data), l.demo), (PathBuf::from("/flag.db"), true));
        assert_eq!(
            parse(&["--db=/x.db"], None).unwrap().db,
            Some(PathBuf::from("/x.db"))
        );
    }

    #[test]
    fn bad_options_are_reported() {
        assert!(parse(&["--db"], None).is_err());
        assert!(parse(&["--dmeo"], None).is_err());
    }
}
