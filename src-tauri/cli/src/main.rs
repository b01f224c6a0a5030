//! encore-cli: headless commands over encore-core, for automation and support.
//! Exit codes: 0 success, 1 a user error (message on stderr), 2 an internal error.

mod documents;
mod import;
mod lookup;
mod output;
mod renewals;

use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{Local, Utc};
use clap::{Parser, Subcommand, ValueEnum};
use encore_core::db::OpenError;
use encore_core::script::{self, ScriptGoal, ScriptRequest};
use encore_core::settings::{self, Locale};
use encore_core::synthetic::{self, Tier};
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

#[derive(Clone, Copy, ValueEnum)]
enum Lang {
    En,
    #[value(name = "zh-CN")]
    ZhCn,
}

#[derive(Clone, Copy, ValueEnum)]
enum Goal {
    Renew,
    Trial,
    Upsell,
    CrossSell,
    Progress,
    Feedback,
}

#[derive(Subcommand)]
enum Command {
    /// Write a consistent, verified copy of the database to FILE.
    Backup {
        #[arg(long)]
        out: PathBuf,
    },
    /// Fill an empty database with the seeded demo school.
    Demo {
        /// How many families to generate (the app's demo has 36).
        #[arg(long, default_value_t = demo::DEFAULT_FAMILIES)]
        families: usize,
        /// A synthetic school with five years of history instead of the small demo: s, m, l,
        /// xl or xxl, with 50, 300, 800, 2,500 or 10,000 students on the roll (xl has about
        /// a million roll-call marks).
        #[arg(long, conflicts_with = "families", value_parser = school_size)]
        size: Option<Tier>,
        /// The same seed always gives the same school.
        #[arg(long, default_value_t = demo::DEFAULT_SEED)]
        seed: u64,
    },
    /// Print the renewal worklist (who to talk to now, and why), or write it to a file.
    Renewals {
        /// Language of the headers and reasons (default: the school's).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
        /// table (printed), csv (UTF-8 with BOM), xlsx or pdf [default: from --out's
        /// extension, else table].
        #[arg(long, value_enum)]
        format: Option<renewals::ListFormat>,
        /// The file to write; required for csv, xlsx and pdf.
        #[arg(long)]
        out: Option<PathBuf>,
        /// Sheet size of a PDF.
        #[arg(long, value_enum, default_value = "a4")]
        paper: renewals::PaperSize,
    },
    /// Import a roster (CSV or Excel): print the counts and every row problem. Any problem
    /// means nothing is written, unless --skip-invalid.
    Import {
        /// The roster file: CSV (UTF-8 or GBK), XLSX or XLS.
        file: PathBuf,
        /// Check the file and print what would be imported, writing nothing.
        #[arg(long)]
        dry_run: bool,
        /// Import the good rows and leave out the rows with problems.
        #[arg(long)]
        skip_invalid: bool,
        /// Who imports (staff ID or name): packages and notes are written in their name.
        /// In a school with no staff yet, the name is added as an administrator.
        #[arg(long)]
        staff: Option<String>,
    },
    /// Write a family's one-page meeting brief to a PDF file.
    Brief {
        /// The family's ID, or the name of the family, a guardian or a student.
        #[arg(long)]
        family: String,
        /// The PDF file to write.
        #[arg(long)]
        out: PathBuf,
        /// Language of the brief (default: the school's).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
        /// Sheet size of the PDF.
        #[arg(long, value_enum, default_value = "a4")]
        paper: renewals::PaperSize,
    },
    /// Write a student's class-hour statement to a PDF file.
    Statement {
        /// The student's ID or name.
        #[arg(long)]
        student: String,
        /// The PDF file to write.
        #[arg(long)]
        out: PathBuf,
        /// Language of the statement (default: the school's).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
        /// Sheet size of the PDF.
        #[arg(long, value_enum, default_value = "a4")]
        paper: renewals::PaperSize,
    },
    /// Turn off the passcode lock when its passcode is forgotten (run it with Encore closed;
    /// the records are not touched).
    RemovePasscode,
    /// Print a conversation script for a student.
    Script {
        /// The student's ID or name.
        #[arg(long)]
        student: String,
        #[arg(long, value_enum, default_value = "renew")]
        goal: Goal,
        /// Language of the script (default: the school's).
        #[arg(long, value_enum)]
        lang: Option<Lang>,
    },
}

/// A size tier; the names the option had before the tiers (small, medium, large) still work.
fn school_size(text: &str) -> Result<Tier, synthetic::UnknownTier> {
    match text.trim().to_ascii_lowercase().as_str() {
        "small" => Ok(Tier::S),
        "medium" => Ok(Tier::M),
        "large" => Ok(Tier::L),
        _ => text.parse(),
    }
}

/// Why a command failed: the user's doing (exit 1) or Encore's (exit 2).
pub enum Failure {
    User(String),
    Internal(String),
}

impl From<encore_core::Error> for Failure {
    fn from(e: encore_core::Error) -> Self {
        match e {
            encore_core::Error::Sqlite(e) => Failure::Internal(e.to_string()),
            encore_core::Error::Pdf(e @ encore_core::pdf::PdfError::Render(_)) => {
                Failure::Internal(e.to_string())
            }
            other => Failure::User(other.to_string()),
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::User(message)) => {
            eprintln!("encore-cli: {message}");
            ExitCode::from(1)
        }
        Err(Failure::Internal(message)) => {
            eprintln!("encore-cli: internal error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    let Some(path) = cli.db else {
        return Err(Failure::User(
            "name the database with --db PATH or ENCORE_DB".into(),
        ));
    };
    let db = Db::open(&path, Utc::now()).map_err(|err| match (&err, &cli.command) {
        (OpenError::AlreadyOpen { .. }, Command::Backup { .. }) => Failure::User(format!(
            "Encore has {} open, so a copy now could miss what it is writing. Close Encore \
             and run this again; Encore also copies the file itself before every upgrade.",
            path.display()
        )),
        _ => Failure::User(format!("cannot open {}: {err}", path.display())),
    })?;
    let today = Local::now().date_naive();
    let locale = |lang: Option<Lang>| -> Result<Locale, Failure> {
        Ok(match lang {
            Some(Lang::En) => Locale::En,
            Some(Lang::ZhCn) => Locale::ZhCn,
            None => db.with_conn(settings::locale)?.unwrap_or(Locale::En),
        })
    };
    match cli.command {
        Command::Backup { out } => {
            let bytes = db
                .backup(&out)
                .map_err(|e| Failure::User(format!("{e} ({})", out.display())))?;
            println!(
                "backup written to {} ({} KB), checked with SQLite's integrity check",
                out.display(),
                bytes / 1024
            );
        }
        Command::Demo {
            size: Some(tier),
            seed,
            ..
        } => {
            let started = std::time::Instant::now();
            let s = db.with_tx(|tx| synthetic::generate(tx, tier, seed, Utc::now()))?;
            println!(
                "synthetic {} school written to {} in {:.1} s: {} families, {} students, \
                 {} guardians, {} courses, {} classes, {} packages, {} lessons, {} attendance \
                 marks, {} ledger entries, {} notes, {} achievements, {} opportunities, {} \
                 renewal cycles",
                tier,
                path.display(),
                started.elapsed().as_secs_f64(),
                s.families,
                s.students,
                s.guardians,
                s.courses,
                s.classes,
                s.packages,
                s.sessions,
                s.attendance,
                s.ledger_entries,
                s.notes,
                s.achievements,
                s.opportunities,
                s.renewal_cycles
            );
        }
        Command::Demo {
            families,
            size: None,
            seed,
        } => {
            let s = db.with_tx(|tx| {
                if !encore_core::family::is_empty(tx)? {
                    return Err(encore_core::Error::Conflict {
                        code: encore_core::error::ConflictCode::SchoolNotEmpty,
                    });
                }
                demo::generate(tx, seed, families, Utc::now())
            })?;
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
        }
        Command::Renewals {
            lang,
            format,
            out,
            paper,
        } => {
            let request = renewals::Request {
                format: renewals::ListFormat::resolve(format, out.as_deref()),
                out,
                locale: locale(lang)?,
                paper,
                today,
            };
            renewals::run(&db, request)?;
        }
        Command::Import {
            file,
            dry_run,
            skip_invalid,
            staff,
        } => import::run(
            &db,
            import::Request {
                file,
                dry_run,
                skip_invalid,
                staff,
            },
        )?,
        Command::RemovePasscode => {
            let was_on = db.with_conn(encore_core::lock::settings)?.enabled;
            db.with_tx(encore_core::lock::remove)?;
            if was_on {
                println!("the passcode lock of {} is off", path.display());
            } else {
                println!("{} had no passcode lock", path.display());
            }
        }
        Command::Brief {
            family,
            out,
            lang,
            paper,
        } => {
            let request = documents::Request {
                out,
                locale: locale(lang)?,
                paper,
                today,
            };
            documents::brief(&db, &family, request)?;
        }
        Command::Statement {
            student,
            out,
            lang,
            paper,
        } => {
            let request = documents::Request {
                out,
                locale: locale(lang)?,
                paper,
                today,
            };
            documents::statement(&db, &student, request)?;
        }
        Command::Script {
            student,
            goal,
            lang,
        } => {
            let locale = locale(lang)?;
            let student_id = db.with_conn(|c| lookup::student(c, &student))??;
            let goal = match goal {
                Goal::Renew => ScriptGoal::Renew,
                Goal::Trial => ScriptGoal::Trial,
                Goal::Upsell => ScriptGoal::Upsell,
                Goal::CrossSell => ScriptGoal::CrossSell,
                Goal::Progress => ScriptGoal::Progress,
                Goal::Feedback => ScriptGoal::Feedback,
            };
            let request = ScriptRequest {
                student_id,
                course_id: None,
                guardian_id: None,
                goal,
                locale,
                template: None,
            };
            let s = db.with_conn(|c| script::generate(c, &request, today))?;
            match (s.text, s.problem) {
                (Some(text), _) => println!("{text}"),
                (None, Some(p)) => {
                    return Err(Failure::User(format!(
                        "the {} template has a problem at line {}: {}",
                        goal.as_str(),
                        p.line.map_or("?".to_string(), |l| l.to_string()),
                        p.detail
                    )))
                }
                (None, None) => return Err(Failure::Internal("no script and no problem".into())),
            }
        }
    }
    Ok(())
}
