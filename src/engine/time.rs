//! Instants and durations as whole seconds, the engine's clock; conversions to chrono at the edges.

use std::fmt;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A moment in time: whole seconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Instant(pub i64);

impl Instant {
    pub fn to_datetime(self) -> DateTime<Utc> {
        DateTime::from_timestamp(self.0, 0).unwrap_or(DateTime::<Utc>::MIN_UTC)
    }

    /// Parses an RFC 3339 timestamp such as `2026-03-06T16:55:00Z` or `2026-03-06T16:55:00+01:00`.
    pub fn parse_rfc3339(text: &str) -> Result<Instant, chrono::ParseError> {
        DateTime::parse_from_rfc3339(text).map(|at| Instant(at.timestamp()))
    }

    pub fn plus(self, seconds: i64) -> Instant {
        Instant(self.0.saturating_add(seconds))
    }

    pub fn seconds_since(self, earlier: Instant) -> i64 {
        self.0 - earlier.0
    }
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            &self
                .to_datetime()
                .to_rfc3339_opts(SecondsFormat::Secs, true),
        )
    }
}

impl Serialize for Instant {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Instant {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Instant::parse_rfc3339(&text).map_err(|err| {
            serde::de::Error::custom(format!(
                "invalid timestamp {text:?}: {err} (expected RFC 3339, e.g. 2026-03-06T16:55:00Z)"
            ))
        })
    }
}

pub const MINUTE: i64 = 60;
pub const HOUR: i64 = 3600;
pub const DAY: i64 = 86_400;
pub const WEEK: i64 = 7 * DAY;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_round_trip() {
        let at = Instant::parse_rfc3339("2026-03-06T16:55:00+01:00").unwrap();
        assert_eq!(at.to_string(), "2026-03-06T15:55:00Z");
        let json = serde_json::to_string(&at).unwrap();
        assert_eq!(serde_json::from_str::<Instant>(&json).unwrap(), at);
    }

    #[test]
    fn bad_timestamp_is_an_error() {
        let err = serde_json::from_str::<Instant>("\"friday\"").unwrap_err();
        assert!(err.to_string().contains("invalid timestamp"));
    }
}
