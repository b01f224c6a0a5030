//! `brief` and `statement`: one family's meeting brief or one student's class-hour statement,
//! written to a PDF file.

use std::path::PathBuf;

use chrono::NaiveDate;
use encore_core::pdf::{self, Paper};
use encore_core::script::brief;
use encore_core::settings::Locale;
use encore_core::{statement, Db};

use crate::renewals::PaperSize;
use crate::{lookup, Failure};

pub struct Request {
    pub out: PathBuf,
    pub locale: Locale,
    pub paper: PaperSize,
    pub today: NaiveDate,
}

fn paper(p: PaperSize) -> Paper {
    match p {
        PaperSize::A4 => Paper::A4,
        PaperSize::Letter => Paper::Letter,
    }
}

fn write(r: &Request, bytes: &[u8], what: &str) -> Result<(), Failure> {
    pdf::write_file(&r.out, bytes).map_err(|e| Failure::User(e.to_string()))?;
    println!("{what} written to {}", r.out.display());
    Ok(())
}

/// The meeting brief of the family named by `family` (a family, guardian or student name, or
/// a family ID).
pub fn brief(db: &Db, family: &str, r: Request) -> Result<(), Failure> {
    let family_id = db.with_conn(|c| lookup::family(c, family))??;
    let b = db.with_conn(|c| brief::brief(c, family_id, r.locale, r.today))?;
    let bytes = pdf::briefs(std::slice::from_ref(&b), paper(r.paper))?;
    write(&r, &bytes, &format!("the brief for {}", b.family_name))
}

/// The class-hour statement of the student named by `student` (a name or an ID).
pub fn statement(db: &Db, student: &str, r: Request) -> Result<(), Failure> {
    let student_id = db.with_conn(|c| lookup::student(c, student))??;
    let s = db.with_conn(|c| statement::statement(c, student_id, r.today))?;
    let bytes = pdf::statement(&s, r.locale, paper(r.paper))?;
    write(&r, &bytes, &format!("the statement of {}", s.student_name))
}
