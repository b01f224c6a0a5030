//! A class roster as the class page shows it — each student with hours left in the class's
//! course — plus who to call: the guardians and their mobiles.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::table::{Cell, Table};
use super::words::{self, Heading as H};
use crate::class::Class;
use crate::error::Result;
use crate::settings::Locale;
use crate::{family, guardian, ledger, student};

#[derive(Debug, Clone, PartialEq)]
pub struct RosterMember {
    pub name: String,
    pub birth_date: Option<NaiveDate>,
    pub family_name: String,
    /// Name and mobile of each current guardian.
    pub guardians: Vec<(String, Option<String>)>,
    /// None when the student has no account in the class's course.
    pub hours_left: Option<f64>,
}

/// The class's students in roster (pinyin) order, with hours left on `today`.
pub fn members(conn: &Connection, class: &Class, today: NaiveDate) -> Result<Vec<RosterMember>> {
    let ids: Vec<i64> = class.students.iter().map(|s| s.id).collect();
    let hours = ledger::balances_in_course(conn, class.course_id, &ids, today)?;
    // A roster is a dozen students: a few lookups each is cheaper than a bespoke query.
    class
        .students
        .iter()
        .map(|s| {
            let detail = student::get(conn, s.id)?;
            let mut guardians = Vec::new();
            for link in &detail.guardians {
                let g = guardian::get(conn, link.guardian_id)?;
                if g.archived_at.is_none() {
                    guardians.push((g.info.name, g.info.mobile));
                }
            }
            Ok(RosterMember {
                name: s.name.clone(),
                birth_date: detail.info.birth_date,
                family_name: family::get(conn, s.family_id)?.name,
                guardians,
                hours_left: hours.iter().find(|h| h.student_id == s.id).map(|h| h.hours),
            })
        })
        .collect()
}

pub fn class_roster(class: &Class, members: &[RosterMember], locale: Locale) -> Table {
    let mut table = Table::new(
        class.name.clone(),
        &[
            H::Student,
            H::BirthDate,
            H::Family,
            H::Guardians,
            H::Mobile,
            H::HoursLeft,
        ],
        locale,
    );
    for m in members {
        let mobiles = m.guardians.iter().filter_map(|(_, mobile)| mobile.as_ref());
        table.push(vec![
            Cell::text(&m.name),
            Cell::date(m.birth_date),
            Cell::text(&m.family_name),
            Cell::text(words::join(m.guardians.iter().map(|(n, _)| n), locale)),
            Cell::text(words::join(mobiles, locale)),
            Cell::number(m.hours_left),
        ]);
    }
    table
}
