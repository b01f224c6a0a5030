//! The ledger's arithmetic: oldest valid package first, expiries when validity ends, lessons
//! on credit paid back by the next hours that arrive.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::load::{Pkg, Raw};
use super::{Account, EntryKind, LedgerLine, PackageBalance};
use crate::hours::from_halves;

/// The ledger's arithmetic: packages and entries of one account, in order, as of `today`.
pub(super) fn replay(
    student_id: i64,
    course_id: i64,
    course_name: String,
    mut pkgs: Vec<Pkg>,
    entries: Vec<Raw>,
    today: NaiveDate,
) -> Account {
    let index: HashMap<i64, usize> = pkgs.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    let mut lines = Vec::with_capacity(entries.len() + pkgs.len());
    let mut balance = 0i64;
    let mut debt = 0i64;

    for e in entries {
        expire_before(e.on, &mut pkgs, &mut lines, &mut balance);
        let mut uncovered = 0i64;
        match e.kind {
            EntryKind::Lesson => {
                let mut need = -e.halves;
                let mut order: Vec<usize> = (0..pkgs.len())
                    .filter(|&i| {
                        pkgs[i].valid_from <= e.on
                            && e.on <= pkgs[i].valid_until
                            && pkgs[i].remaining > 0
                    })
                    .collect();
                order.sort_by_key(|&i| (pkgs[i].valid_from, pkgs[i].purchased_on, pkgs[i].id));
                for i in order {
                    let take = need.min(pkgs[i].remaining);
                    pkgs[i].remaining -= take;
                    pkgs[i].used += take;
                    need -= take;
                    if need == 0 {
                        break;
                    }
                }
                uncovered = need;
                debt += need;
            }
            _ => {
                if let Some(&i) = e.package_id.and_then(|id| index.get(&id)) {
                    let p = &mut pkgs[i];
                    match e.kind {
                        EntryKind::Purchase => {}
                        EntryKind::Bonus => {}
                        _ => p.adjusted += e.halves,
                    }
                    p.remaining += e.halves;
                    // A back-dated lesson may have used hours that this refund, transfer or
                    // correction takes out: those lessons go back on credit rather than the
                    // package going below zero. The balance is the same either way.
                    if p.remaining < 0 {
                        let shortfall = (-p.remaining).min(p.used);
                        p.used -= shortfall;
                        p.remaining += shortfall;
                        debt += shortfall;
                    }
                    // Hours taken on credit are paid back by the next hours that arrive.
                    if e.halves > 0 && debt > 0 && !p.closed {
                        let pay = debt.min(p.remaining);
                        p.remaining -= pay;
                        p.used += pay;
                        debt -= pay;
                    }
                }
            }
        }
        balance += e.halves;
        lines.push(LedgerLine {
            entry_id: Some(e.id),
            date: e.on,
            kind: e.kind,
            hours: from_halves(e.halves),
            balance: from_halves(balance),
            package_id: e.package_id,
            class_name: e.class_name,
            teacher_name: e.teacher,
            status: e.status,
            reason: e.reason,
            author_name: e.author,
            uncovered: from_halves(uncovered),
            reversed: e.reversed,
        });
    }
    expire_before(today, &mut pkgs, &mut lines, &mut balance);

    Account {
        student_id,
        course_id,
        course_name,
        lines,
        packages: pkgs
            .into_iter()
            .map(|p| PackageBalance {
                id: p.id,
                purchased: from_halves(p.purchased),
                bonus: from_halves(p.bonus),
                used: from_halves(p.used),
                expired: from_halves(p.expired),
                adjusted: from_halves(p.adjusted),
                remaining: from_halves(p.remaining),
                price_cents: p.price_cents,
                currency: p.currency,
                purchased_on: p.purchased_on,
                valid_from: p.valid_from,
                valid_until: p.valid_until,
                transferred_from: p.transferred_from,
            })
            .collect(),
        balance: from_halves(balance),
        on_credit: from_halves(debt),
    }
}

/// Closes every package whose validity ended before `date`; hours left in it expire.
fn expire_before(
    date: NaiveDate,
    pkgs: &mut [Pkg],
    lines: &mut Vec<LedgerLine>,
    balance: &mut i64,
) {
    let mut due: Vec<usize> = (0..pkgs.len())
        .filter(|&i| !pkgs[i].closed && pkgs[i].valid_until < date)
        .collect();
    due.sort_by_key(|&i| (pkgs[i].valid_until, pkgs[i].id));
    for i in due {
        let p = &mut pkgs[i];
        p.closed = true;
        if p.remaining > 0 {
            *balance -= p.remaining;
            lines.push(derived_expiry(p, *balance));
            p.expired += p.remaining;
            p.remaining = 0;
        }
    }
}

fn derived_expiry(p: &Pkg, balance: i64) -> LedgerLine {
    LedgerLine {
        entry_id: None,
        date: p.valid_until,
        kind: EntryKind::Expiry,
        hours: -from_halves(p.remaining),
        balance: from_halves(balance),
        package_id: Some(p.id),
        class_name: None,
        teacher_name: None,
        status: None,
        reason: None,
        author_name: None,
        uncovered: 0.0,
        reversed: false,
    }
}
