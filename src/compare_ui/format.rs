//! How the Compare view writes figures: one decimal at most, a sign on every
//! difference, a dash for a figure a design does not have. Pure, so it is
//! tested without a browser.
//!
//! What must stay true: a difference of zero reads `±0`, never `+0` or `-0`;
//! a missing figure is `—`, never `NaN` or `0`.

use crate::engine::compare::Delta;

/// A figure rounded to one decimal (whole numbers without one), or `—`.
pub fn figure(value: Option<f64>) -> String {
    match value {
        Some(value) if value.is_finite() => {
            let rounded = (value * 10.0).round() / 10.0;
            if rounded.fract() == 0.0 {
                format!("{}", rounded as i64)
            } else {
                format!("{rounded:.1}")
            }
        }
        _ => "\u{2014}".to_string(),
    }
}

/// B less A with its sign (`+2`, `-0.5`, `±0`), or `—`.
pub fn difference(delta: &Delta) -> String {
    match delta.delta {
        Some(value) if (value * 10.0).round() == 0.0 => "\u{b1}0".to_string(),
        Some(value) if value > 0.0 => format!("+{}", figure(Some(value))),
        Some(value) => figure(Some(value)),
        None => "\u{2014}".to_string(),
    }
}

/// Which way a difference goes, for styling and tests: `up`, `down` or `same`.
pub fn direction(delta: &Delta) -> &'static str {
    match delta.delta {
        Some(value) if (value * 10.0).round() > 0.0 => "up",
        Some(value) if (value * 10.0).round() < 0.0 => "down",
        _ => "same",
    }
}

/// A fraction 0 to 1 as a percentage with one decimal.
pub fn percent(fraction: f64) -> String {
    format!("{}%", figure(Some(fraction * 100.0)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_and_differences_read_as_a_person_writes_them() {
        assert_eq!(figure(Some(12.0)), "12");
        assert_eq!(figure(Some(12.345)), "12.3");
        assert_eq!(figure(None), "\u{2014}");
        assert_eq!(figure(Some(f64::INFINITY)), "\u{2014}");
        assert_eq!(difference(&Delta::both(10.0, 12.5)), "+2.5");
        assert_eq!(difference(&Delta::both(10.0, 9.0)), "-1");
        assert_eq!(difference(&Delta::both(10.0, 10.01)), "\u{b1}0");
        assert_eq!(difference(&Delta::of(None, Some(1.0))), "\u{2014}");
        assert_eq!(direction(&Delta::both(1.0, 2.0)), "up");
        assert_eq!(direction(&Delta::both(2.0, 1.0)), "down");
        assert_eq!(direction(&Delta::both(2.0, 2.0)), "same");
        assert_eq!(percent(0.456), "45.6%");
    }
}
