//! encore-cli: headless commands over encore-core, for automation and support.

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::Utc;
use clap::{Parser, Subcommand};
use encore_core::{demo, Db};

#[derive(Parser)]
#[command(
    name = "encore-cli",
    version,
    about = "Headless commands for an Encore database"
)]
struct Cli {
    /// The database file (default: $ENCORE_DB).
    #[arg(long, global = true, env = "ENCORE_DB")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Fill an empty database with the seeded demo school.
    Demo {
        /// How many families to generate (the app's demo has 36).
        #[arg(long, default_value_t = demo::DEFAULT_FAMILIES)]
        families: usize,
        /// The same seed always gives the same school.
        #[arg(long, default_value_t = demo::DEFAULT_SEED)]
        seed: u64,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let Some(path) = cli.db else {
        eprintln!("encore-cli: name the database with --db PATH or ENCORE_DB");
        return ExitCode::from(2);
    };
    let db = match Db::open(&path, Utc::now()) {
        Ok(db) => db,
        Err(err) => {
            eprintln!("encore-cli: cannot open {}: {err}", path.display());
            return ExitCode::FAILURE;
        }
    };
    match cli.command {
        Command::Demo { families, seed } => {
            let result = db.with_tx(|tx| {
                if !encore_core::family::is_empty(tx)? {
                    return Err(encore_core::Error::Conflict {
                        code: encore_core::error::ConflictCode::SchoolNotEmpty,
                    });
                }
                demo::generate(tx, seed, families, Utc::now())
            });
            match result {
                Ok(s) => {
                    println!(
                        "demo school written to {}: {} staff, {} families, {} students, {} notes, \
                         {} courses, {} classes, {} packages, {} lessons",
                        path.display(),
                        s.staff,
                        s.families,
                        s.students,
                        s.notes,
                        s.courses,
                        s.classes,
                        s.packages,
                        s.sessions
                    );
                    ExitCode::SUCCESS
                }
                Err(err) => {
                    eprintln!("encore-cli: {err}");
                    ExitCode::FAILURE
                }
            }
        }
    }
}
