//! Every operation the suite times, on one school. Each group is one operation; its
//! functions are `encore` (what the app runs) and, where there is one, `baseline` (the
//! fastest answer SQLite gives on the same data); the parameter is the tier.

use std::time::Duration;

use chrono::NaiveTime;
use criterion::measurement::WallTime;
use criterion::{BatchSize, BenchmarkGroup, BenchmarkId, Criterion};
use encore_core::attendance::{self, AttendanceStatus, Mark, RollCall};
use encore_core::import::{self, CommitOptions};
use encore_core::insight::{self, Period, RateBy};
use encore_core::pdf::{self, ListHeader, Paper};
use encore_core::renewal::{self, WorklistFilter};
use encore_core::script::{self, brief, ScriptGoal, ScriptRequest};
use encore_core::segment::{self, Range, SegmentDefinition};
use encore_core::settings::Locale;
use encore_core::tag::TagFilter;
use encore_core::tagging::MotivationType;
use encore_core::{achievement, family, lead, lifecycle, search, statement, value, Db};

use crate::baseline;
use crate::school::{now, today, School};

/// Search terms by kind, as the report names them.
pub const SEARCHES: [&str; 4] = [
    "search-zh2",
    "search-zh3",
    "search-initials",
    "search-phone",
];

fn group<'a>(c: &'a mut Criterion, name: &str, slow: bool) -> BenchmarkGroup<'a, WallTime> {
    let mut g = c.benchmark_group(name);
    // At XXL the baselines alone take seconds a run.
    let slow = slow || std::env::var("ENCORE_BENCH_TIER").is_ok_and(|t| t == "XXL");
    if slow {
        // Operations of a second or more: ten samples are enough to see a trend.
        g.sample_size(10);
        g.warm_up_time(Duration::from_millis(500));
    }
    g
}

pub fn all(c: &mut Criterion, school: &School, xlsx: &[u8]) {
    let tier = school.tier.name();
    let id = |f: &str| BenchmarkId::new(f, tier);
    let p = &school.picks;

    // Opening runs the integrity check and the migrations check; the home screen then shows
    // the renewal tile and the family list. Measured before the school is held open below:
    // a database is opened with an exclusive lock.
    let mut g = group(c, "open-home", true);
    g.bench_function(id("encore"), |b| {
        b.iter(|| {
            let db = Db::open(&school.path, now()).unwrap();
            db.with_conn(|c| {
                let tile = renewal::dashboard(c, today())?;
                let families = family::list(c, false, &TagFilter::default())?;
                Ok((tile, families.len()))
            })
            .unwrap()
        })
    });
    g.finish();

    let db = Db::open(&school.path, now()).expect("open the school");

    db.with_conn(|conn| {
        let worklist = renewal::worklist(conn, &WorklistFilter::default(), today())?;
        assert_eq!(
            worklist.len(),
            baseline::worklist(conn, today()),
            "the baseline must return the worklist's rows"
        );
        let mut g = group(c, "worklist", false);
        g.bench_function(id("encore"), |b| {
            b.iter(|| renewal::worklist(conn, &WorklistFilter::default(), today()).unwrap())
        });
        g.bench_function(id("baseline"), |b| {
            b.iter(|| baseline::worklist(conn, today()))
        });
        g.finish();

        let mut g = group(c, "family-page", false);
        g.bench_function(id("encore"), |b| {
            b.iter(|| {
                let detail = family::detail(conn, p.family_id).unwrap();
                for s in &detail.students {
                    statement::statement(conn, s.id, today()).unwrap();
                    achievement::list_for_student(conn, s.id, None).unwrap();
                }
                detail
            })
        });
        g.finish();

        // The insights screen at once: lifecycle counts, the win-back list, family values and
        // the ideal family, the funnel, renewal rates four ways, churn and hours by month,
        // over the last two years.
        let period = Period {
            from: today() - chrono::Days::new(730),
            to: today(),
        };
        let mut g = group(c, "insights", true);
        g.bench_function(id("encore"), |b| {
            b.iter(|| {
                let mut n = lifecycle::counts(conn, today()).unwrap().len();
                n += lifecycle::win_back(conn, today()).unwrap().len();
                n += value::family_values(conn, today()).unwrap().len();
                n += value::ideal_family(conn, today()).unwrap().by_course.len();
                n += lead::funnel(conn, &period).unwrap().months.len();
                for by in RateBy::ALL {
                    n += insight::renewal_rates(conn, *by, &period).unwrap().len();
                }
                n += insight::churn_reasons(conn, &period).unwrap().len();
                n + insight::hours_by_month(conn, &period).unwrap().len()
            })
        });
        g.finish();

        // A saved segment narrowing a list: renewed at least once, a year or more with the
        // school, future-development parents.
        let segment = SegmentDefinition {
            renewals: Some(Range {
                min: Some(1),
                max: None,
            }),
            tenure_months: Some(Range {
                min: Some(12),
                max: None,
            }),
            motivations: vec![MotivationType::Future],
            ..Default::default()
        };
        let mut g = group(c, "segment", false);
        g.bench_function(id("encore"), |b| {
            b.iter(|| segment::evaluate(conn, &segment, today()).unwrap())
        });
        g.finish();

        let terms = [
            &p.chinese_two,
            &p.chinese_three,
            &p.initials,
            &p.phone_digits,
        ];
        for (name, term) in SEARCHES.iter().zip(terms) {
            let mut g = group(c, name, false);
            g.bench_function(id("encore"), |b| {
                b.iter(|| search::search(conn, term, search::DEFAULT_LIMIT).unwrap())
            });
            g.bench_function(id("baseline"), |b| b.iter(|| baseline::search(conn, term)));
            g.finish();
        }

        // The renewal list's batch: one script per due student, both languages.
        let due: Vec<i64> = worklist.iter().map(|r| r.student_id).collect();
        let requests: Vec<ScriptRequest> = (0..1000)
            .map(|i| ScriptRequest {
                student_id: due[i % due.len()],
                course_id: None,
                guardian_id: None,
                goal: ScriptGoal::Renew,
                locale: if i % 2 == 0 { Locale::ZhCn } else { Locale::En },
                template: None,
            })
            .collect();
        let mut g = group(c, "scripts-1000", true);
        g.bench_function(id("encore"), |b| {
            b.iter(|| script::generate_many(conn, &requests, today()).unwrap())
        });
        g.finish();

        let rows: Vec<_> = worklist.iter().cycle().take(500).cloned().collect();
        let header = ListHeader {
            school_name: Some("星光艺术中心 Starlight Arts".into()),
            title: "续费名单".into(),
            on: today(),
            filters: Vec::new(),
        };
        let mut g = group(c, "pdf-renewals-500", true);
        g.bench_function(id("encore"), |b| {
            b.iter(|| pdf::renewal_list(&rows, &header, Locale::ZhCn, Paper::A4).unwrap())
        });
        g.finish();

        let mut families: Vec<i64> = worklist.iter().map(|r| r.family_id).collect();
        families.dedup();
        let families: Vec<i64> = families.into_iter().cycle().take(100).collect();
        let mut g = group(c, "pdf-briefs-100", true);
        g.bench_function(id("encore"), |b| {
            b.iter(|| {
                let briefs = families
                    .iter()
                    .map(|&f| brief::brief(conn, f, Locale::ZhCn, today()))
                    .collect::<Result<Vec<_>, _>>()
                    .unwrap();
                pdf::briefs(&briefs, Paper::A4).unwrap()
            })
        });
        g.finish();
        Ok(())
    })
    .unwrap();

    // Writes: a roll call is saved and committed (saving it again replaces its marks, as
    // correcting a roll call does); an import runs to the end and is rolled back so every
    // sample imports into the same school.
    let mut g = group(c, "roll-call-12", false);
    let roll = RollCall {
        class_id: p.class_id,
        starts_at: today().and_time(NaiveTime::from_hms_opt(8, 0, 0).unwrap()),
        teacher_id: p.teacher_id,
        marks: p
            .roll
            .iter()
            .enumerate()
            .map(|(i, &student_id)| Mark {
                student_id,
                status: if i % 6 == 5 {
                    AttendanceStatus::Excused
                } else {
                    AttendanceStatus::Present
                },
                allow_negative: true,
            })
            .collect(),
    };
    g.bench_function(id("encore"), |b| {
        b.iter(|| {
            db.with_tx(|tx| attendance::save_roll_call(tx, &roll, now()))
                .unwrap()
        })
    });
    g.finish();

    let mut g = group(c, "import-5000", true);
    g.bench_function(id("encore"), |b| {
        b.iter(|| {
            db.with_conn(|conn| {
                let tx = conn.unchecked_transaction()?;
                let grid = import::read_bytes(xlsx).unwrap();
                let mapping = import::guess(&tx, &grid.headers)?.mapping;
                let options = CommitOptions {
                    skip_invalid: true,
                    staff_id: Some(p.teacher_id),
                };
                let report = import::commit(
                    &tx,
                    &grid,
                    &mapping,
                    options,
                    now().fixed_offset(),
                    &mut |_| {},
                )
                .unwrap();
                tx.rollback()?;
                Ok(report)
            })
            .unwrap()
        })
    });
    g.finish();

    let target = school.path.with_extension("backup.db");
    let mut g = group(c, "backup", true);
    g.bench_function(id("encore"), |b| {
        b.iter_batched(
            || {
                let _ = std::fs::remove_file(&target);
            },
            |()| db.backup(&target).unwrap(),
            BatchSize::PerIteration,
        )
    });
    g.finish();
    let _ = std::fs::remove_file(&target);
}
