//! The simulated horizon: a number of days or a duration text, over the engine's `Duration`.

use std::fmt;

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::engine::duration::Duration;
use crate::engine::time::DAY;

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
                    Ok(Horizon(Duration::from_seconds(
                        (days * DAY as f64).round() as i64
                    )))
                } else {
                    Err(E::custom(format!("horizon must be positive, got {days}")))
                }
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<Horizon, E> {
                match text.parse::<Duration>() {
                    Ok(duration) if duration.seconds() > 0 => Ok(Horizon(duration)),
                    Ok(_) => Err(E::custom(format!("horizon must be positive, got {text:?}"))),
                    Err(error) => Err(E::custom(error)),
                }
            }
        }
        deserializer.deserialize_any(HorizonVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::time::HOUR;

    #[test]
    fn horizon_accepts_days_or_text() {
        let days: Horizon = serde_json::from_str("7").unwrap();
        assert_eq!(days.0, Duration::from_seconds(7 * DAY));
        let text: Horizon = serde_json::from_str("\"36h\"").unwrap();
        assert_eq!(text.0, Duration::from_seconds(36 * HOUR));
        assert!(serde_json::from_str::<Horizon>("-1").is_err());
        assert!(serde_json::from_str::<Horizon>("\"-2d\"").is_err());
        assert!(serde_json::from_str::<Horizon>("\"3x\"").is_err());
    }
}
