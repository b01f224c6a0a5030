//! Encore at the size of a real school chain, against SQLite's own limit. One run generates a
//! synthetic school per tier, times every core operation on it (and the baselines beside
//! them), and prints the table that `docs/benchmarks.md` holds:
//!
//! ```text
//! cargo bench -p encore-core --bench school
//! ENCORE_BENCH_TIERS=S,L cargo bench -p encore-core --bench school   # fewer tiers
//! ```

mod baseline;
mod measure;
mod report;
mod school;

use std::path::PathBuf;

use criterion::Criterion;
use encore_core::synthetic::Tier;

fn tiers() -> Vec<Tier> {
    let wanted = std::env::var("ENCORE_BENCH_TIERS").unwrap_or_else(|_| "S,L,XL,XXL".into());
    wanted
        .split(',')
        .map(|t| {
            t.trim()
                .parse::<Tier>()
                .unwrap_or_else(|_| panic!("unknown tier {t:?} in ENCORE_BENCH_TIERS"))
        })
        .collect()
}

/// The 5,000-row roster fixture as an XLSX file, as a school would bring it.
fn roster_xlsx() -> Vec<u8> {
    let csv_path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/roster-5000.csv"
    );
    let mut reader = csv::Reader::from_path(csv_path).expect("the 5,000-row roster fixture");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    let headers = reader.headers().unwrap().clone();
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(0, c as u16, h).unwrap();
    }
    for (r, record) in reader.records().enumerate() {
        for (c, v) in record.unwrap().iter().enumerate() {
            sheet.write_string(r as u32 + 1, c as u16, v).unwrap();
        }
    }
    book.save_to_buffer().unwrap()
}

fn main() {
    let folder = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("encore-bench");
    std::fs::create_dir_all(&folder).unwrap();
    let out = folder.join("criterion");
    // The report reads this run's results only, unless asked to add tiers to an earlier run's.
    if std::env::var_os("ENCORE_BENCH_KEEP").is_none() {
        let _ = std::fs::remove_dir_all(&out);
    }
    let mut c = Criterion::default()
        .output_directory(&out)
        .configure_from_args();
    let xlsx = roster_xlsx();
    let mut schools = Vec::new();
    for tier in tiers() {
        eprintln!("generating the {} school…", tier.name());
        // Read by `measure::group`; criterion runs on this one thread.
        std::env::set_var("ENCORE_BENCH_TIER", tier.name());
        let school = school::build(tier, &folder);
        eprintln!("  {:?} in {:.1} s", school.summary, school.generated_in);
        measure::all(&mut c, &school, &xlsx);
        schools.push(school);
    }
    c.final_summary();
    let table = report::table(&out, &schools);
    let file = folder.join("report.md");
    std::fs::write(&file, &table).unwrap();
    println!("\n{table}\n(written to {})", file.display());
}
