//! Lengths of time written the way support leads write them (`4h`, `1h30m`, `2d`), parsed strictly and shown canonically.
//!
//! The grammar is tiny (an optional `-`, then number+unit pairs with units `w d h m s` in decreasing order),
//! so a hand parser is smaller than a dependency and gives byte offsets for error messages; `humantime`
//! accepts spaces, long unit names and months, and prints `1h 30m`, which is not the canonical form we need.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::engine::time::{DAY, HOUR, MINUTE, WEEK};

/// A signed length of time in whole seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Duration {
    seconds: i64,
}

/// The units a duration may be written in, largest first, with their length in seconds.
const UNITS: [(char, i64); 5] = [
    ('w', WEEK),
    ('d', DAY),
    ('h', HOUR),
    ('m', MINUTE),
    ('s', 1),
];

impl Duration {
    pub const ZERO: Duration = Duration { seconds: 0 };

    pub const fn from_seconds(seconds: i64) -> Duration {
        Duration { seconds }
    }

    pub const fn minutes(minutes: i64) -> Duration {
        Duration::from_seconds(minutes * MINUTE)
    }

    pub const fn hours(hours: i64) -> Duration {
        Duration::from_seconds(hours * HOUR)
    }

    pub const fn days(days: i64) -> Duration {
        Duration::from_seconds(days * DAY)
    }

    pub const fn seconds(self) -> i64 {
        self.seconds
    }
}

/// Why a text is not a duration; `at` is the byte offset of the problem in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DurationError {
    Empty,
    MissingNumber { at: usize },
    MissingUnit { at: usize },
    UnknownUnit { unit: char, at: usize },
    Fraction { at: usize },
    UnitOutOfOrder { unit: char, at: usize },
    TooLong,
}

impl DurationError {
    /// Byte offset of the problem within the text that was parsed.
    pub fn offset(&self) -> usize {
        match self {
            DurationError::Empty | DurationError::TooLong => 0,
            DurationError::MissingNumber { at }
            | DurationError::MissingUnit { at }
            | DurationError::UnknownUnit { at, .. }
            | DurationError::Fraction { at }
            | DurationError::UnitOutOfOrder { at, .. } => *at,
        }
    }
}

impl fmt::Display for DurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DurationError::Empty => f.write_str("empty duration (write e.g. 30m, 4h or 1h30m)"),
            DurationError::MissingNumber { .. } => {
                f.write_str("expected a number before the unit (e.g. 30m)")
            }
            DurationError::MissingUnit { .. } => {
                f.write_str("missing unit after the number (use w, d, h, m or s)")
            }
            DurationError::UnknownUnit { unit, .. } => {
                write!(f, "unknown duration unit {unit:?} (use w, d, h, m or s)")
            }
            DurationError::Fraction { .. } => {
                f.write_str("fractions are not allowed in durations (write 1h30m, not 1.5h)")
            }
            DurationError::UnitOutOfOrder { unit, .. } => write!(
                f,
                "unit {unit:?} repeated or out of order (write larger units first, e.g. 1h30m)"
            ),
            DurationError::TooLong => f.write_str("duration is too long"),
        }
    }
}

impl std::error::Error for DurationError {}

impl FromStr for Duration {
    type Err = DurationError;

    fn from_str(text: &str) -> Result<Duration, DurationError> {
        let (negative, body, body_start) = match text.strip_prefix('-') {
            Some(rest) => (true, rest, 1),
            None => (false, text, 0),
        };
        if body.is_empty() {
            return Err(DurationError::Empty);
        }
        let mut total: i128 = 0;
        let mut next_unit = 0;
        let mut chars = body.char_indices().peekable();
        while let Some(&(start, _)) = chars.peek() {
            let mut number: i128 = 0;
            let mut digits = 0;
            while let Some(&(_, c)) = chars.peek() {
                let Some(digit) = c.to_digit(10) else { break };
                number = number * 10 + i128::from(digit);
                if number > i128::from(i64::MAX) {
                    return Err(DurationError::TooLong);
                }
                digits += 1;
                chars.next();
            }
            let Some((unit_at, unit)) = chars.next() else {
                return Err(DurationError::MissingUnit {
                    at: body_start + body.len(),
                });
            };
            let unit_at = body_start + unit_at;
            if unit == '.' {
                return Err(DurationError::Fraction { at: unit_at });
            }
            if digits == 0 {
                return Err(DurationError::MissingNumber {
                    at: body_start + start,
                });
            }
            let Some(index) = UNITS.iter().position(|(name, _)| *name == unit) else {
                return Err(DurationError::UnknownUnit { unit, at: unit_at });
            };
            if index < next_unit {
                return Err(DurationError::UnitOutOfOrder { unit, at: unit_at });
            }
            next_unit = index + 1;
            total += number * i128::from(UNITS[index].1);
        }
        let signed = if negative { -total } else { total };
        i64::try_from(signed)
            .map(Duration::from_seconds)
            .map_err(|_| DurationError::TooLong)
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.seconds == 0 {
            return f.write_str("0s");
        }
        if self.seconds < 0 {
            f.write_str("-")?;
        }
        let mut rest = self.seconds.unsigned_abs();
        for (unit, length) in UNITS {
            let length = length.unsigned_abs();
            let count = rest / length;
            if count > 0 {
                write!(f, "{count}{unit}")?;
                rest %= length;
            }
        }
        Ok(())
    }
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DurationVisitor;
        impl serde::de::Visitor<'_> for DurationVisitor {
            type Value = Duration;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a duration in quotes, such as \"30m\", \"4h\" or \"1h30m\"")
            }
            fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Duration, E> {
                text.parse()
                    .map_err(|err| E::custom(format!("invalid duration {text:?}: {err}")))
            }
            fn visit_u64<E: serde::de::Error>(self, number: u64) -> Result<Duration, E> {
                Err(E::custom(format!(
                    "the number {number} has no unit: write it as text with one, e.g. \"{number}m\" or \"{number}h\""
                )))
            }
            fn visit_i64<E: serde::de::Error>(self, number: i64) -> Result<Duration, E> {
                Err(E::custom(format!(
                    "the number {number} has no unit: write it as text with one, e.g. \"{number}m\" or \"{number}h\""
                )))
            }
            fn visit_f64<E: serde::de::Error>(self, number: f64) -> Result<Duration, E> {
                Err(E::custom(format!(
                    "the number {number} has no unit: write it as text with whole units, e.g. \"1h30m\""
                )))
            }
        }
        deserializer.deserialize_any(DurationVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_the_usual_forms() {
        let cases = [
            ("45s", 45),
            ("30m", 1800),
            ("4h", 4 * HOUR),
            ("1h30m", 90 * MINUTE),
            ("2d", 2 * DAY),
            ("1w", WEEK),
            ("90s", 90),
            ("1d2h3m4s", DAY + 2 * HOUR + 3 * MINUTE + 4),
            ("-2h", -2 * HOUR),
            ("0s", 0),
        ];
        for (text, seconds) in cases {
            assert_eq!(
                text.parse::<Duration>(),
                Ok(Duration::from_seconds(seconds)),
                "{text}"
            );
        }
    }

    #[test]
    fn displays_canonically() {
        assert_eq!(Duration::from_seconds(90).to_string(), "1m30s");
        assert_eq!(Duration::minutes(90).to_string(), "1h30m");
        assert_eq!(Duration::days(8).to_string(), "1w1d");
        assert_eq!(Duration::ZERO.to_string(), "0s");
        assert_eq!(Duration::hours(-4).to_string(), "-4h");
        assert_eq!(
            Duration::from_seconds(i64::MIN).to_string().parse(),
            Ok(Duration::from_seconds(i64::MIN))
        );
    }

    #[test]
    fn rejects_malformed_text() {
        let cases = [
            ("", DurationError::Empty),
            ("-", DurationError::Empty),
            ("4x", DurationError::UnknownUnit { unit: 'x', at: 1 }),
            ("4", DurationError::MissingUnit { at: 1 }),
            ("h", DurationError::MissingNumber { at: 0 }),
            ("1.5h", DurationError::Fraction { at: 1 }),
            ("30m1h", DurationError::UnitOutOfOrder { unit: 'h', at: 4 }),
            ("1h1h", DurationError::UnitOutOfOrder { unit: 'h', at: 3 }),
            ("99999999999999999999s", DurationError::TooLong),
            ("4 h", DurationError::UnknownUnit { unit: ' ', at: 1 }),
        ];
        for (text, expected) in cases {
            assert_eq!(text.parse::<Duration>(), Err(expected), "{text}");
        }
        assert_eq!(
            "4x".parse::<Duration>().unwrap_err().to_string(),
            "unknown duration unit 'x' (use w, d, h, m or s)"
        );
    }

    #[test]
    fn serde_uses_the_text_form() {
        let json = serde_json::to_string(&Duration::minutes(90)).unwrap();
        assert_eq!(json, "\"1h30m\"");
        assert_eq!(
            serde_json::from_str::<Duration>(&json).unwrap(),
            Duration::minutes(90)
        );
        let err = serde_json::from_str::<Duration>("\"4x\"").unwrap_err();
        assert!(err
            .to_string()
            .starts_with("invalid duration \"4x\": unknown duration unit"));
    }

    proptest! {
        #[test]
        fn display_then_parse_is_identity(seconds in any::<i64>()) {
            let duration = Duration::from_seconds(seconds);
            prop_assert_eq!(duration.to_string().parse::<Duration>(), Ok(duration));
        }
    }
}
