//! The front desk's housekeeping through the functions the app calls: hours shared between
//! siblings lately, and the records of long-gone students and families archived. (Referral
//! lessons and refunds are part of the planned ledger.)

use std::collections::HashSet;

use chrono::Duration;
use rusqlite::Transaction;

use crate::demo::pick;
use crate::error::Result;
use crate::family;
use crate::ledger;
use crate::package::{self, AdjustmentInput};
use crate::student;

use super::calendar::office_hours;
use super::packages::Plan;
use super::Register;

/// In about one family in six with two children in the same course, the one with plenty of
/// hours left lately gave half of them to the other.
pub(super) fn shared_hours(
    tx: &Transaction,
    rng: &mut fastrand::Rng,
    reg: &Register,
    plan: &Plan,
) -> Result<()> {
    // Accounts with lessons on credit: hours added would pay the debt back, so the desk
    // leaves them alone.
    let owing: HashSet<usize> = plan.on_credit.iter().map(|&(_, e)| e).collect();
    let today = reg.cal.today;
    let mut accounts_of: Vec<Vec<usize>> = vec![Vec::new(); reg.school.pupils.len()];
    for (i, e) in reg.school.enrolments.iter().enumerate() {
        if e.current && !owing.contains(&i) {
            accounts_of[e.pupil].push(i);
        }
    }
    for household in &reg.school.households {
        if household.pupils.len() < 2 || rng.u8(0..6) != 0 {
            continue;
        }
        let pairs = household.pupils.iter().flat_map(|&a| {
            household
                .pupils
                .iter()
                .filter(move |&&b| b != a)
                .map(move |&b| (a, b))
        });
        for (giver, taker) in pairs {
            let shared = accounts_of[giver].iter().find_map(|&g| {
                let course = reg.school.enrolments[g].course;
                accounts_of[taker]
                    .iter()
                    .any(|&t| reg.school.enrolments[t].course == course)
                    .then_some(course)
            });
            let Some(course) = shared else {
                continue;
            };
            let (from, to) = (reg.school.pupils[giver].id, reg.school.pupils[taker].id);
            let account = ledger::account(tx, from, reg.courses[course], today)?;
            let Some(held) = account.packages.last().filter(|p| p.remaining >= 6.0) else {
                continue;
            };
            let share = AdjustmentInput {
                package_id: held.id,
                hours: (held.remaining / 2.0).floor(),
                reason: "兄弟姐妹共用课时 / Hours shared with a sibling".into(),
                author_id: *pick(rng, &reg.staff.admins),
                on: today,
            };
            package::transfer(tx, &share, to, reg.cal.now)?;
            break;
        }
    }
    Ok(())
}

/// Students who left more than a year ago are archived in two cases of five, and a family
/// whose children are all archived in one of two.
pub(super) fn archive(tx: &Transaction, rng: &mut fastrand::Rng, reg: &Register) -> Result<()> {
    let cal = reg.cal;
    for household in &reg.school.households {
        let mut all = true;
        let mut last = household.joined;
        for &p in &household.pupils {
            let pupil = &reg.school.pupils[p];
            let gone = pupil
                .left_on
                .filter(|&d| d < cal.today - Duration::days(365));
            match gone {
                Some(left) if rng.u8(0..5) < 2 => {
                    let on = left + Duration::days(rng.i64(30..=200));
                    student::set_archived(tx, pupil.id, true, cal.stamp(on, office_hours(rng)))?;
                    last = last.max(on);
                }
                _ => all = false,
            }
        }
        if all && rng.bool() {
            let on = last + Duration::days(rng.i64(0..=30));
            family::set_archived(tx, household.id, true, cal.stamp(on, office_hours(rng)))?;
        }
    }
    Ok(())
}
