//! How numbers are written for people, one formatter per kind of value, shared by the playground's cards,
//! charts and tables and by the CLI: durations, shares as percentages, counts.

use crate::engine::time::{DAY, HOUR, MINUTE};

/// A compact duration: `0`, `45s`, `1m 33s`, `30m`, `1h 30m`, `2h`, `1d`, `1d 6h` — the largest unit and
/// the next one when it is not zero, rounded to the second; `–` for a value that is not a number.
pub fn duration(seconds: f64) -> String {
    if !seconds.is_finite() {
        return "–".to_owned();
    }
    let total = seconds.round() as i64;
    if total == 0 {
        return "0".to_owned();
    }
    let sign = if total < 0 { "-" } else { "" };
    let total = total.unsigned_abs();
    let units = [(DAY, "d"), (HOUR, "h"), (MINUTE, "m"), (1, "s")]
        .map(|(size, unit)| (size.unsigned_abs(), unit));
    let Some(first) = units.iter().position(|&(size, _)| total >= size) else {
        return "0".to_owned();
    };
    let (size, unit) = units[first];
    let mut text = format!("{sign}{}{unit}", total / size);
    let rest = total % size;
    if let Some(&(next_size, next_unit)) = units.get(first + 1) {
        if rest / next_size > 0 {
            text.push_str(&format!(" {}{next_unit}", rest / next_size));
        }
    }
    text
}

/// A duration in whole seconds, as `duration` writes it.
pub fn seconds(seconds: i64) -> String {
    duration(seconds as f64)
}

/// A share between 0 and 1 as a percentage with one decimal: `12.5%`.
pub fn percent(ratio: f64) -> String {
    if ratio.is_finite() {
        format!("{:.1}%", ratio * 100.0)
    } else {
        "–".to_owned()
    }
}

/// A count, or a mean of counts over runs: whole numbers with thousands separators (`2,400`), and one
/// decimal below 100 when the value is not whole (`12.4`).
pub fn count(value: f64) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    if value.abs() < 100.0 && value.fract().abs() >= 0.05 {
        return format!("{value:.1}");
    }
    let whole = value.round() as i64;
    let digits = whole.unsigned_abs().to_string();
    let mut grouped = String::new();
    for (position, digit) in digits.chars().enumerate() {
        if position > 0 && (digits.len() - position) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if whole < 0 {
        grouped.insert(0, '-');
    }
    grouped
}

/// An amount of money: thousands separators, and cents when it has them (`5,000`, `1,234.50`).
pub fn amount(value: f64) -> String {
    if !value.is_finite() {
        return "–".to_owned();
    }
    let cents = (value.abs() * 100.0).round();
    let whole = count((cents / 100.0).trunc());
    let sign = if value < 0.0 && cents > 0.0 { "-" } else { "" };
    let fraction = (cents % 100.0) as u32;
    if fraction == 0 {
        format!("{sign}{whole}")
    } else {
        format!("{sign}{whole}.{fraction:02}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_keep_their_cents_and_group_thousands() {
        assert_eq!(amount(5000.0), "5,000");
        assert_eq!(amount(1234.5), "1,234.50");
        assert_eq!(amount(499.99), "499.99");
        assert_eq!(amount(-12.0), "-12");
        assert_eq!(amount(f64::NAN), "–");
    }

    #[test]
    fn durations_keep_two_units_and_never_round_a_minute_and_a_half_to_zero() {
        assert_eq!(duration(0.0), "0");
        assert_eq!(duration(45.0), "45s");
        assert_eq!(duration(93.0), "1m 33s");
        assert_eq!(duration(1800.0), "30m");
        assert_eq!(duration(5400.0), "1h 30m");
        assert_eq!(duration(7200.0), "2h");
        assert_eq!(duration((DAY + 6 * HOUR + 59) as f64), "1d 6h");
        assert_eq!(duration(-90.0), "-1m 30s");
        assert_eq!(duration(f64::NAN), "–");
        assert_eq!(seconds(4 * HOUR), "4h");
    }

    #[test]
    fn percentages_have_one_decimal() {
        assert_eq!(percent(0.125), "12.5%");
        assert_eq!(percent(1.0), "100.0%");
        assert_eq!(percent(f64::INFINITY), "–");
    }

    #[test]
    fn counts_group_thousands_and_keep_a_decimal_only_for_small_means() {
        assert_eq!(count(0.0), "0");
        assert_eq!(count(7.0), "7");
        assert_eq!(count(12.44), "12.4");
        assert_eq!(count(2400.0), "2,400");
        assert_eq!(count(1234567.6), "1,234,568");
        assert_eq!(count(-1500.0), "-1,500");
        assert_eq!(count(f64::NAN), "–");
    }
}
