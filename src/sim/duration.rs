//! Durations written as text in scenarios (`"90m"`, `"1d12h"`, `"45s"`), parsed to whole seconds.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::engine::time::{DAY, HOUR, MINUTE, WEEK};

/// A non-negative length of time in whole seconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Duration(pub i64);

impl Duration {
    pub fn seconds(self) -> i64 {
        self.0
    }

    /// Parses one or more `<number><unit>` parts, units `w d h m s` (e.g. `1d12h`, `2.5h`, `90m`).
    pub fn parse(text: &str) -> Result<Duration, String> {
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err("empty duration (expected e.g. \"90m\", \"4h\", \"1d12h\")".to_owned());
        }
        let mut total = 0.0_f64;
        let mut number = String::new();
        for ch in trimmed.chars() {
            if ch.is_ascii_digit() || ch == '.' {
                number.push(ch);
                continue;
            }
            let unit = match ch {
                'w' => WEEK,
                'd' => DAY,
                'h' => HOUR,
                'm' => MINUTE,
                's' => 1,
                _ => {
                    return Err(format!(
                        "unexpected {ch:?} in duration {text:?} (units are w, d, h, m, s)"
                    ))
                }
            };
            let value: f64 = number
                .parse()
                .map_err(|_| format!("missing or bad number before {ch:?} in duration {text:?}"))?;
            total += value * unit as f64;
            number.clear();
        }
        if !number.is_empty() {
            return Err(format!(
                "number without a unit in duration {text:?} (add w, d, h, m or s)"
            ));
        }
        Ok(Duration(total.round() as i64))
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        if rest == 0 {
            return f.write_str("0s");
        }
        for (unit, name) in [(DAY, 'd'), (HOUR, 'h'), (MINUTE, 'm'), (1, 's')] {
            if rest >= unit {
                write!(f, "{}{name}", rest / unit)?;
                rest %= unit;
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
        let text = String::deserialize(deserializer)?;
        Duration::parse(&text).map_err(de::Error::custom)
    }
}

/// The simulated horizon: a number of days (`7`) or a duration text (`"36h"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Horizon(pub Duration);

impl Serialize for Horizon {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Horizon {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct HorizonVisitor;
        impl Visitor<'_> for HorizonVisitor {
            type Value = Horizon;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a number of days or a duration such as \"36h\"")
            }
            fn visit_u64<E: de::Error>(self, days: u64) -> Result<Horizon, E> {
                self.visit_f64(days as f64)
            }
            fn visit_i64<E: de::Error>(self, days: i64) -> Result<Horizon, E> {
                self.visit_f64(days as f64)
            }
            fn visit_f64<E: de::Error>(self, days: f64) -> Result<Horizon, E> {
                if days.is_finite() && days > 0.0 {
                    Ok(Horizon(Duration((days * DAY as f64).round() as i64)))
                } else {
                    Err(E::custom(format!("horizon must be positive, got {days}")))
                }
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Horizon, E> {
                Duration::parse(text).map(Horizon).map_err(E::custom)
            }
        }
        deserializer.deserialize_any(HorizonVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_compound_durations() {
        assert_eq!(Duration::parse("1d12h").unwrap(), Duration(DAY + 12 * HOUR));
        assert_eq!(Duration::parse("90m").unwrap(), Duration(90 * MINUTE));
        assert_eq!(Duration::parse("2.5h").unwrap(), Duration(9000));
        assert_eq!(Duration::parse("1w").unwrap().to_string(), "7d");
    }

    #[test]
    fn rejects_bad_durations() {
        assert!(Duration::parse("12")
            .unwrap_err()
            .contains("without a unit"));
        assert!(Duration::parse("3x")
            .unwrap_err()
            .contains("unexpected 'x'"));
        assert!(Duration::parse("").is_err());
    }

    #[test]
    fn horizon_accepts_days_or_text() {
        let days: Horizon = serde_json::from_str("7").unwrap();
        assert_eq!(days.0, Duration(7 * DAY));
        let text: Horizon = serde_json::from_str("\"36h\"").unwrap();
        assert_eq!(text.0, Duration(36 * HOUR));
        assert!(serde_json::from_str::<Horizon>("-1").is_err());
    }
}
