//! The table `docs/benchmarks.md` shows: every operation at every tier, its ratio to the
//! baseline measured in the same run, the XL target, and how time grows from XL to XXL.
//! Read back from the medians criterion saved for this run.

use std::fmt::Write as _;
use std::path::Path;

use encore_core::synthetic::Tier;

use crate::school::School;

/// Operation, what it does in words, and its target at XL in milliseconds.
pub const OPERATIONS: &[(&str, &str, Option<f64>)] = &[
    (
        "open-home",
        "open + migrate check + home (renewal tile, family list)",
        None,
    ),
    ("worklist", "renewal worklist", Some(15.0)),
    (
        "family-page",
        "family page (family, timeline, ledgers, achievements)",
        Some(5.0),
    ),
    (
        "insights",
        "insights screen (lifecycle, win-back, values, funnel, rates, churn, hours)",
        None,
    ),
    (
        "segment",
        "segment: renewed, a year or more, future development",
        None,
    ),
    ("search-zh2", "search: 2-character Chinese name", Some(20.0)),
    ("search-zh3", "search: 3-character Chinese name", Some(20.0)),
    ("search-initials", "search: pinyin initials", Some(20.0)),
    ("search-phone", "search: 4 phone digits", Some(20.0)),
    (
        "roll-call-12",
        "save a roll call of 12 students (committed)",
        None,
    ),
    ("scripts-1000", "1,000 renewal scripts", Some(100.0)),
    (
        "pdf-renewals-500",
        "PDF of a 500-row renewal list",
        Some(500.0),
    ),
    ("pdf-briefs-100", "PDF of 100 meeting briefs", None),
    (
        "import-5000",
        "import a 5,000-row XLSX (rolled back)",
        Some(1000.0),
    ),
    ("backup", "verified backup", None),
];

/// The median of one measurement in milliseconds, if it ran.
fn median_ms(out: &Path, op: &str, function: &str, tier: Tier) -> Option<f64> {
    let file = out
        .join(op)
        .join(function)
        .join(tier.name())
        .join("new/estimates.json");
    let text = std::fs::read_to_string(file).ok()?;
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    Some(json["median"]["point_estimate"].as_f64()? / 1e6)
}

fn ms(v: f64) -> String {
    if v >= 100.0 {
        format!("{v:.0} ms")
    } else if v >= 1.0 {
        format!("{v:.1} ms")
    } else {
        format!("{v:.2} ms")
    }
}

pub fn table(out: &Path, schools: &[School]) -> String {
    // Every tier measured, in this run or (ENCORE_BENCH_KEEP) an earlier one.
    let tiers: Vec<Tier> = Tier::ALL
        .iter()
        .copied()
        .filter(|&t| median_ms(out, "worklist", "encore", t).is_some())
        .collect();
    let mut t = String::new();
    let _ = writeln!(t, "## Schools\n");
    let _ = writeln!(
        t,
        "| Tier | Families | Students | Attendance rows | Ledger entries | Notes | File | Generated in |"
    );
    let _ = writeln!(t, "|---|---:|---:|---:|---:|---:|---:|---:|");
    for s in schools {
        let size = std::fs::metadata(&s.path).map(|m| m.len()).unwrap_or(0);
        let _ = writeln!(
            t,
            "| {} | {} | {} | {} | {} | {} | {:.0} MB | {:.1} s |",
            s.tier.name(),
            s.summary.families,
            s.summary.students,
            s.summary.attendance,
            s.summary.ledger_entries,
            s.summary.notes,
            size as f64 / 1e6,
            s.generated_in
        );
    }
    let _ = writeln!(
        t,
        "\n## Results (median; ratio to the baseline in brackets)\n"
    );
    let mut head = String::from("| Operation |");
    let mut rule = String::from("|---|");
    for tier in &tiers {
        let _ = write!(head, " {} |", tier.name());
        rule.push_str("---:|");
    }
    head.push_str(" Target at XL | XL→XXL |");
    rule.push_str("---|---|");
    let _ = writeln!(t, "{head}\n{rule}");
    for (op, words, target) in OPERATIONS {
        let mut line = format!("| {words} |");
        for &tier in &tiers {
            let cell = match median_ms(out, op, "encore", tier) {
                None => "–".to_string(),
                Some(v) => match median_ms(out, op, "baseline", tier) {
                    Some(b) => format!("{} ({:.2}×)", ms(v), v / b),
                    None => ms(v),
                },
            };
            let _ = write!(line, " {cell} |");
        }
        let xl = median_ms(out, op, "encore", Tier::Xl);
        let verdict = match (target, xl) {
            (Some(limit), Some(v)) => {
                let ratio_ok = match median_ms(out, op, "baseline", Tier::Xl) {
                    Some(b) if *op == "worklist" => v / b <= 1.3,
                    _ => true,
                };
                let mark = if v <= *limit && ratio_ok {
                    "met"
                } else {
                    "**missed**"
                };
                format!("< {} — {mark}", ms(*limit))
            }
            (Some(limit), None) => format!("< {}", ms(*limit)),
            (None, _) => "–".to_string(),
        };
        // Time per student from XL to XXL: above 1.0 grows faster than the school.
        let growth = match (xl, median_ms(out, op, "encore", Tier::Xxl)) {
            (Some(a), Some(b)) => {
                let size = Tier::Xxl.students() as f64 / Tier::Xl.students() as f64;
                let factor = b / a;
                let mark = if factor <= size * 1.1 {
                    ""
                } else {
                    " **superlinear**"
                };
                format!("×{factor:.1} for ×{size:.0} students{mark}")
            }
            _ => "–".to_string(),
        };
        let _ = writeln!(t, "{line} {verdict} | {growth} |");
    }
    t
}
