//! Class hours as the UI shows them (1.5) and as the ledger stores them (3 half-hours).

use crate::error::{Error, Result, ValidationCode};

/// The most hours one package or one correction may carry; more is a typing mistake.
pub const MAX_HOURS: f64 = 1000.0;

/// Hours to half-hours. Refuses negatives, more than `max`, and anything finer than a half.
pub fn to_halves(field: &str, hours: f64, min: f64, max: f64) -> Result<i64> {
    let doubled = hours * 2.0;
    if !hours.is_finite() || hours < min || hours > max {
        return Err(Error::invalid(field, ValidationCode::HoursOutOfRange));
    }
    if (doubled - doubled.round()).abs() > 1e-9 {
        return Err(Error::invalid(field, ValidationCode::NotHalfHours));
    }
    Ok(doubled.round() as i64)
}

pub fn from_halves(halves: i64) -> f64 {
    halves as f64 / 2.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn halves_are_exact_and_nonsense_is_refused() {
        assert_eq!(to_halves("h", 1.5, 0.0, MAX_HOURS).unwrap(), 3);
        assert_eq!(to_halves("h", 0.0, 0.0, MAX_HOURS).unwrap(), 0);
        assert!(to_halves("h", 10_000.0, 0.0, MAX_HOURS).is_err());
        assert!(to_halves("h", -1.0, 0.0, MAX_HOURS).is_err());
        assert!(to_halves("h", 1.25, 0.0, MAX_HOURS).is_err());
        assert!(to_halves("h", f64::NAN, 0.0, MAX_HOURS).is_err());
        assert_eq!(from_halves(-3), -1.5);
    }
}
