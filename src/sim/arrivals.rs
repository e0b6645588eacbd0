//! Ticket arrivals as a non-homogeneous Poisson process with rates that are constant within each quarter hour.

use jiff::tz::TimeZone;

use crate::engine::calendar::offset_at;

use super::random::RandomStream;

/// Rates change only on quarter-hour boundaries (UTC), which covers every real time-zone offset.
const STEP_SECONDS: i64 = 900;

/// Expected tickets per hour for each local hour of the week, Monday 00:00 first.
#[derive(Debug, Clone, PartialEq)]
pub struct WeeklyRates {
    pub per_hour: [f64; 168],
    pub zone: Option<TimeZone>,
}

impl WeeklyRates {
    /// Tickets per second at `at` (seconds since the epoch).
    pub fn per_second(&self, at: i64) -> f64 {
        let local = match &self.zone {
            None => at,
            Some(zone) => at + offset_at(zone, at),
        };
        // 1970-01-01 was a Thursday: weekday 3 counting from Monday.
        let days = local.div_euclid(86_400);
        let weekday = (days + 3).rem_euclid(7);
        let index = weekday * 24 + local.rem_euclid(86_400) / 3600;
        self.per_hour[index.clamp(0, 167) as usize] / 3600.0
    }
}

/// One stream of arrivals in `[from, until)`, at `multiplier` × the weekly rates.
#[derive(Debug, Clone)]
pub struct ArrivalStream {
    /// Current position of the stream, seconds since the epoch (fractional).
    clock: f64,
    until: i64,
    multiplier: f64,
    /// The category all of this stream's tickets have, or `None` to draw from the mix.
    pub category: Option<u16>,
}

impl ArrivalStream {
    pub fn new(from: i64, until: i64, multiplier: f64, category: Option<u16>) -> ArrivalStream {
        ArrivalStream {
            clock: from as f64,
            until,
            multiplier,
            category,
        }
    }

    /// The next arrival instant (whole seconds, rounded to nearest), or `None` when the stream has ended.
    /// Exact for piecewise-constant rates: an exponential gap that crosses a rate change is redrawn
    /// from the change point, which memorylessness allows.
    pub fn next(&mut self, rates: &WeeklyRates, rng: &mut RandomStream) -> Option<i64> {
        loop {
            let now = self.clock.floor() as i64;
            if now >= self.until {
                return None;
            }
            let step_end =
                ((now.div_euclid(STEP_SECONDS) + 1) * STEP_SECONDS).min(self.until) as f64;
            let rate = rates.per_second(now) * self.multiplier;
            if rate > 0.0 {
                let candidate = self.clock + rng.unit_exponential() / rate;
                if candidate < step_end {
                    self.clock = candidate;
                    let at = candidate.round() as i64;
                    return if at < self.until { Some(at) } else { None };
                }
            }
            self.clock = step_end;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flat(per_hour: f64) -> WeeklyRates {
        WeeklyRates {
            per_hour: [per_hour; 168],
            zone: None,
        }
    }

    #[test]
    fn counts_match_the_rate() {
        let rates = flat(10.0);
        let mut rng = RandomStream::new(5, 0);
        let mut stream = ArrivalStream::new(0, 1000 * 3600, 1.0, None);
        let mut count = 0;
        while stream.next(&rates, &mut rng).is_some() {
            count += 1;
        }
        // Poisson with mean 10 000: SD 100; allow 4 SD.
        assert!((count - 10_000_i64).abs() < 400, "{count}");
    }

    #[test]
    fn closed_hours_get_no_arrivals() {
        let mut per_hour = [0.0; 168];
        per_hour[9] = 60.0; // Monday 09:00–10:00 UTC only.
        let rates = WeeklyRates {
            per_hour,
            zone: None,
        };
        let monday = 1_772_409_600; // 2026-03-02T00:00:00Z, a Monday.
        let mut rng = RandomStream::new(1, 0);
        let mut stream = ArrivalStream::new(monday, monday + 7 * 86_400, 1.0, None);
        while let Some(at) = stream.next(&rates, &mut rng) {
            assert_eq!((at - monday) / 3600, 9, "arrival at {at}");
        }
    }

    #[test]
    fn zone_shifts_the_profile() {
        let mut per_hour = [0.0; 168];
        per_hour[9] = 1.0;
        let rates = WeeklyRates {
            per_hour,
            zone: TimeZone::get("Europe/Berlin").ok(),
        };
        let monday_nine_berlin = 1_772_409_600 + 8 * 3600; // 09:00 CET = 08:00 UTC
        assert!(rates.per_second(monday_nine_berlin) > 0.0);
        assert_eq!(rates.per_second(monday_nine_berlin + 3600), 0.0);
    }
}
