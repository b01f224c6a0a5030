//! Writes the class-hour history in bulk, in exactly the rows the app writes: a sale is a
//! package with a purchase entry (and a bonus entry when there are bonus hours) and, when the
//! account had a package before, that package's renewal cycle closed as renewed with a note
//! on the family's timeline (`package::sell`, `renewal::record_sale`); a roll call is a
//! session, one attendance row per mark and a lesson entry for each mark the school's rules
//! deduct (`attendance::save_roll_call`); a referral lesson is a correction and money back a
//! refund, each with its reason and author (`package::correct`, `package::refund`).
//!
//! Everything is written day by day as it happened, one prepared statement a row: an INSERT
//! of many rows would need a statement journal, which costs more than it saves.

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::types::ToSql;
use rusqlite::{params, Connection, Statement};

use crate::demo::pick;
use crate::error::Result;
use crate::ledger::EntryKind;
use crate::settings::ClassHourPolicy;

use super::calendar::office_hours;
use super::catalogue::COURSES;
use super::packages::{Plan, Sale};
use super::roll_call::Session;
use super::Register;

const REFERRAL: &str = "转介绍奖励，赠送一节课 / Referral reward: one lesson free";
const REFUND: &str = "停课退费 / Refund: stopped lessons";

/// What `renewal::record_sale` writes on the family's timeline, for the timeline to write.
pub(super) struct RenewalNote {
    pub(super) family_id: i64,
    pub(super) student_id: i64,
    pub(super) author_id: i64,
    pub(super) course: usize,
    /// The sale's moment on the school's clock.
    pub(super) occurred_at: NaiveDateTime,
    pub(super) halves: i64,
    pub(super) until: NaiveDate,
}

/// Returns the notes the renewals left, for the timeline.
pub(super) fn write(
    tx: &Connection,
    rng: &mut fastrand::Rng,
    reg: &Register,
    sessions: &[Session],
    plan: &Plan,
    policy: &ClassHourPolicy,
) -> Result<Vec<RenewalNote>> {
    let mut writer = Writer::new(tx, reg)?;
    let mut sales = plan.sales.iter().peekable();
    for (i, session) in sessions.iter().enumerate() {
        let day = session.starts_at.date();
        while let Some(sale) = sales.next_if(|s| s.on <= day) {
            writer.sale(rng, sale)?;
        }
        writer.roll_call(i, session, plan, policy)?;
    }
    for sale in sales {
        writer.sale(rng, sale)?;
    }
    Ok(writer.renewal_notes)
}

struct Writer<'a> {
    reg: &'a Register<'a>,
    tx: &'a Connection,
    package: Statement<'a>,
    cycle: Statement<'a>,
    session: Statement<'a>,
    attendance: Statement<'a>,
    entry: Statement<'a>,
    /// The newest package of each enrolment so far.
    latest: Vec<Option<i64>>,
    renewal_notes: Vec<RenewalNote>,
}

impl<'a> Writer<'a> {
    fn new(tx: &'a Connection, reg: &'a Register<'a>) -> Result<Self> {
        Ok(Writer {
            reg,
            tx,
            package: tx.prepare(
                "INSERT INTO package (student_id, course_id, purchased_halves, bonus_halves, price_cents, currency,
                                      purchased_on, valid_from, valid_until, created_at, sold_by, rule_override)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?9, ?10, NULL)",
            )?,
            cycle: tx.prepare(
                "INSERT INTO renewal_cycle (student_id, course_id, package_id, status, meeting_at,
                                            postponed_until, declined_reason, declined_text,
                                            renewed_package_id, opened_at, updated_at, closed_on)
                 VALUES (?1, ?2, ?3, 'renewed', NULL, NULL, NULL, NULL, ?4, ?5, ?5, ?6)",
            )?,
            session: tx.prepare(
                "INSERT INTO lesson_session (class_id, starts_at, teacher_id, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?4)",
            )?,
            attendance: tx.prepare(
                "INSERT INTO attendance (session_id, student_id, status, allow_negative) VALUES (?1, ?2, ?3, ?4)",
            )?,
            entry: tx.prepare(
                "INSERT INTO ledger_entry (student_id, course_id, package_id, kind, halves, session_id, occurred_on,
                                           reason, author_id, reverses_id, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULL, ?10)",
            )?,
            latest: vec![None; reg.school.enrolments.len()],
            renewal_notes: Vec::new(),
        })
    }

    fn sale(&mut self, rng: &mut fastrand::Rng, sale: &Sale) -> Result<()> {
        let cal = self.reg.cal;
        let school = self.reg.school;
        let enrolment = &school.enrolments[sale.enrolment];
        let pupil = &school.pupils[enrolment.pupil];
        let course_id = self.reg.courses[enrolment.course];
        let seller = self.reg.staff.admins[sale.seller];
        let stamp = cal.stamp(sale.on, office_hours(rng));
        self.package.execute(params![
            pupil.id,
            course_id,
            sale.purchased,
            sale.bonus,
            sale.price_cents,
            if sale.usd { "USD" } else { "CNY" },
            sale.on,
            sale.until,
            stamp,
            seller
        ])?;
        let package_id = self.tx.last_insert_rowid();
        // The purchase and bonus as `package::sell` writes them; a referral lesson and a
        // refund with their reason and author, written with the sale but dated when they
        // happened, since the ledger replays by date.
        let lesson = COURSES[enrolment.course].lesson_halves;
        let mut entries = vec![
            (
                EntryKind::Purchase,
                sale.purchased,
                sale.on,
                None,
                None,
                stamp,
            ),
            (EntryKind::Bonus, sale.bonus, sale.on, None, None, stamp),
        ];
        let front_desk = [
            sale.reward_on
                .map(|on| (EntryKind::Correction, lesson, on, REFERRAL)),
            sale.refund
                .map(|(on, halves)| (EntryKind::Refund, -halves, on, REFUND)),
        ];
        for (kind, halves, on, reason) in front_desk.into_iter().flatten() {
            let author = *pick(rng, &self.reg.staff.admins);
            let at = cal.stamp(on, office_hours(rng));
            entries.push((kind, halves, on, Some(reason), Some(author), at));
        }
        for (kind, halves, on, reason, author, at) in entries.into_iter().filter(|e| e.1 != 0) {
            self.entry.execute(params![
                pupil.id,
                course_id,
                package_id,
                kind,
                halves,
                None::<i64>,
                on,
                reason,
                author,
                at
            ])?;
        }
        if let Some(previous) = self.latest[sale.enrolment].replace(package_id) {
            self.cycle.execute(params![
                pupil.id, course_id, previous, package_id, stamp, sale.on
            ])?;
            self.renewal_notes.push(RenewalNote {
                family_id: school.households[pupil.household].id,
                student_id: pupil.id,
                author_id: seller,
                course: enrolment.course,
                occurred_at: stamp.naive_utc(),
                halves: sale.purchased + sale.bonus,
                until: sale.until,
            });
        }
        Ok(())
    }

    fn roll_call(
        &mut self,
        i: usize,
        session: &Session,
        plan: &Plan,
        policy: &ClassHourPolicy,
    ) -> Result<()> {
        let (cal, school) = (self.reg.cal, self.reg.school);
        let class = &self.reg.classes[session.class];
        let lesson = COURSES[class.course].lesson_halves;
        let day = session.starts_at.date();
        // Roll call is saved when the lesson ends.
        let ends = (class.start + 30 * lesson as u32).min(23 * 60);
        let stamp = cal.stamp(day, ends);
        self.session.execute(params![
            class.id,
            session.starts_at,
            self.reg.staff.teachers[session.teacher],
            stamp
        ])?;
        let session_id = self.tx.last_insert_rowid();
        let course_id = self.reg.courses[class.course];
        // Every entry of the session carries the same day and moment: made text once.
        let (on, stamp) = (day.to_sql()?, stamp.to_sql()?);
        for &(m, status) in &session.marks {
            let student_id = school.pupils[school.enrolments[m].pupil].id;
            let on_credit = plan.on_credit.contains(&(i, m));
            self.attendance
                .execute(params![session_id, student_id, status, on_credit])?;
            if policy.deducts(status) {
                self.entry.execute(params![
                    student_id,
                    course_id,
                    None::<i64>,
                    EntryKind::Lesson,
                    -lesson,
                    session_id,
                    on,
                    None::<&str>,
                    None::<i64>,
                    stamp
                ])?;
            }
        }
        Ok(())
    }
}
