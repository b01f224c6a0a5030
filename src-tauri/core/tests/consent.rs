//! Guardian consent: recorded with the new family or later, every decision kept, the newest
//! in force, and refused when it names a stranger, a departed colleague or a future day.

mod common;

use chrono::NaiveDate;
use common::*;
use encore_core::consent::{self, ConsentInput, ConsentScope::*, EnrollmentConsent};
use encore_core::error::ValidationCode as Code;
use encore_core::{family, staff, Error};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn consent_taken_at_enrollment_names_the_guardian_by_place_and_later_decisions_keep_history() {
    let db = db();
    let desk = add_teacher(&db, "陈宇");
    let zhang = add_family(&db, &zhang_family());
    let father = db
        .with_conn(|c| family::detail(c, zhang))
        .unwrap()
        .guardians
        .into_iter()
        .find(|g| g.info.name == "张伟")
        .unwrap()
        .id;
    assert_eq!(db.with_conn(|c| consent::current(c, zhang)).unwrap(), None);

    let first = db
        .with_tx(|tx| {
            consent::record_at_enrollment(
                tx,
                zhang,
                &EnrollmentConsent {
                    given_by: Some(1),
                    given_on: day("2026-09-01"),
                    scopes: vec![Records, Messages],
                    recorded_by: desk,
                    note: Some("  signed the paper form ".into()),
                },
                now(),
            )
        })
        .unwrap();
    assert_eq!(
        first.guardian_id,
        Some(father),
        "place 1 is the second guardian entered"
    );
    assert_eq!(first.guardian_name.as_deref(), Some("张伟"));
    assert_eq!(first.scopes, [Records, Messages]);
    assert!(!first.allows(Media));
    assert_eq!(first.note.as_deref(), Some("signed the paper form"));
    assert_eq!(first.recorded_by_name, "陈宇");

    // Later the parents agree to photos, then withdraw messages.
    let later = |scopes: Vec<_>, on: &str| ConsentInput {
        guardian_id: None,
        given_on: day(on),
        scopes,
        recorded_by: desk,
        note: None,
    };
    db.with_tx(|tx| {
        consent::record(
            tx,
            zhang,
            &later(vec![Records, Media, Messages], "2026-10-01"),
            now(),
        )
    })
    .unwrap();
    db.with_tx(|tx| consent::record(tx, zhang, &later(vec![Media, Records], "2026-11-01"), now()))
        .unwrap();
    let current = db
        .with_conn(|c| consent::current(c, zhang))
        .unwrap()
        .unwrap();
    assert_eq!(
        current.scopes,
        [Records, Media],
        "scopes come back in a fixed order"
    );
    let history = db.with_conn(|c| consent::history(c, zhang)).unwrap();
    assert_eq!(
        history
            .iter()
            .map(|c| c.given_on.to_string())
            .collect::<Vec<_>>(),
        ["2026-11-01", "2026-10-01", "2026-09-01"],
        "every decision is kept, newest first"
    );
}

#[test]
fn consent_is_refused_for_a_stranger_a_departed_colleague_a_future_day_or_a_missing_place() {
    let db = db();
    let desk = add_teacher(&db, "陈宇");
    let zhang = add_family(&db, &zhang_family());
    let wang = add_family(
        &db,
        &family::NewFamily {
            name: "王家".into(),
            ..zhang_family()
        },
    );
    let stranger = db.with_conn(|c| family::detail(c, wang)).unwrap().guardians[0].id;
    let input = ConsentInput {
        guardian_id: Some(stranger),
        given_on: day("2026-09-01"),
        scopes: vec![Records],
        recorded_by: desk,
        note: None,
    };
    let record = |input: &ConsentInput| db.with_tx(|tx| consent::record(tx, zhang, input, now()));
    assert_eq!(
        validation(record(&input)),
        ("guardianId".into(), Code::GuardianNotInFamily)
    );
    let future = ConsentInput {
        guardian_id: None,
        given_on: day("2027-01-01"),
        ..input.clone()
    };
    assert_eq!(
        validation(record(&future)),
        ("givenOn".into(), Code::DateInFuture)
    );
    let nobody = ConsentInput {
        guardian_id: None,
        recorded_by: 999,
        ..input.clone()
    };
    assert_eq!(
        validation(record(&nobody)),
        ("recordedBy".into(), Code::Required)
    );
    db.with_tx(|tx| staff::set_archived(tx, desk, true, now()))
        .unwrap();
    let departed = ConsentInput {
        guardian_id: None,
        ..input.clone()
    };
    assert_eq!(
        validation(record(&departed)),
        ("recordedBy".into(), Code::StaffArchived)
    );
    assert!(matches!(
        db.with_tx(|tx| consent::record(tx, 999, &departed, now())),
        Err(Error::NotFound { .. })
    ));

    let enrollment = EnrollmentConsent {
        given_by: Some(5),
        given_on: day("2026-09-01"),
        scopes: vec![],
        recorded_by: desk,
        note: None,
    };
    assert_eq!(
        validation(db.with_tx(|tx| consent::record_at_enrollment(tx, zhang, &enrollment, now()))),
        ("consent.givenBy".into(), Code::GuardianNotInFamily),
        "errors of the new-family form sit under consent."
    );
    assert_eq!(count(&db, "consent"), 0, "nothing is stored half-way");
}
