//! Calendar periods of the series: days, ISO weeks starting Monday, and months, cut at local midnight in a
//! zone (so the day of a clock change is 23 or 25 hours long).

use chrono::{Datelike, Days, Months, NaiveDate};

use crate::engine::calendar::NamedZone;

use crate::engine::time::Instant;

/// The length of the periods of a series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Granularity {
    Day,
    Week,
    Month,
}

/// One period of a series, clipped to the run's `[start, end)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodBounds {
    /// `2026-03-02` for a day, `2026-W10` for an ISO week, `2026-03` for a month.
    pub label: String,
    pub start: Instant,
    pub end: Instant,
}

/// The periods of `granularity` that overlap `[start, end)`, in order, starting at local midnights in `zone`.
pub fn periods(
    granularity: Granularity,
    start: Instant,
    end: Instant,
    zone: &NamedZone,
) -> Vec<PeriodBounds> {
    let first_day = zone.local(start.0).date();
    let mut period_start = match granularity {
        Granularity::Day => Some(first_day),
        Granularity::Week => first_day.checked_sub_days(Days::new(u64::from(
            first_day.weekday().num_days_from_monday(),
        ))),
        Granularity::Month => first_day.with_day(1),
    };
    let mut result = Vec::new();
    while let Some(day) = period_start {
        let from = Instant(zone.midnight(day)).max(start);
        if from >= end {
            break;
        }
        let next = match granularity {
            Granularity::Day => day.checked_add_days(Days::new(1)),
            Granularity::Week => day.checked_add_days(Days::new(7)),
            Granularity::Month => day.checked_add_months(Months::new(1)),
        };
        let until = next.map_or(end, |next_day| Instant(zone.midnight(next_day)));
        result.push(PeriodBounds {
            label: label(granularity, day),
            start: from,
            end: until.min(end),
        });
        period_start = next;
    }
    result
}

fn label(granularity: Granularity, day: NaiveDate) -> String {
    match granularity {
        Granularity::Day => day.format("%Y-%m-%d").to_string(),
        Granularity::Week => {
            let week = day.iso_week();
            format!("{}-W{:02}", week.year(), week.week())
        }
        Granularity::Month => day.format("%Y-%m").to_string(),
    }
}

/// Index of the period holding `at`, if any.
pub fn period_index(periods: &[PeriodBounds], at: Instant) -> Option<usize> {
    let index = periods.partition_point(|period| period.end <= at);
    periods
        .get(index)
        .filter(|period| period.start <= at)
        .map(|_| index)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Instant {
        Instant::parse_rfc3339(text).unwrap()
    }

    #[test]
    fn weeks_start_on_monday_and_are_clipped_to_the_run() {
        let weeks = periods(
            Granularity::Week,
            at("2026-03-04T10:00:00Z"),
            at("2026-03-17T00:00:00Z"),
            &NamedZone::utc(),
        );
        let labels: Vec<&str> = weeks.iter().map(|week| week.label.as_str()).collect();
        assert_eq!(labels, ["2026-W10", "2026-W11", "2026-W12"]);
        assert_eq!(weeks[0].start, at("2026-03-04T10:00:00Z"));
        assert_eq!(weeks[0].end, at("2026-03-09T00:00:00Z"));
        assert_eq!(weeks[2].start, at("2026-03-16T00:00:00Z"));
        assert_eq!(weeks[2].end, at("2026-03-17T00:00:00Z"));
    }

    #[test]
    fn an_empty_run_has_no_periods() {
        let moment = at("2026-03-28T00:00:00Z");
        for granularity in [Granularity::Day, Granularity::Week, Granularity::Month] {
            assert!(periods(granularity, moment, moment, &NamedZone::utc()).is_empty());
        }
    }

    #[test]
    fn months_cross_a_year_boundary() {
        let months = periods(
            Granularity::Month,
            at("2026-12-20T00:00:00Z"),
            at("2027-02-10T00:00:00Z"),
            &NamedZone::utc(),
        );
        let labels: Vec<&str> = months.iter().map(|month| month.label.as_str()).collect();
        assert_eq!(labels, ["2026-12", "2027-01", "2027-02"]);
        assert_eq!(months[1].start, at("2027-01-01T00:00:00Z"));
        assert_eq!(months[1].end, at("2027-02-01T00:00:00Z"));
    }

    #[test]
    fn days_follow_the_offset() {
        let days = periods(
            Granularity::Day,
            at("2026-03-01T22:00:00Z"),
            at("2026-03-02T23:30:00Z"),
            &NamedZone::parse("+02:00").unwrap(),
        );
        let labels: Vec<&str> = days.iter().map(|day| day.label.as_str()).collect();
        assert_eq!(labels, ["2026-03-02", "2026-03-03"]);
        assert_eq!(days[0].end, at("2026-03-02T22:00:00Z"));
        assert_eq!(period_index(&days, at("2026-03-02T21:59:59Z")), Some(0));
        assert_eq!(period_index(&days, at("2026-03-02T22:00:00Z")), Some(1));
        assert_eq!(period_index(&days, at("2026-03-03T00:00:00Z")), None);
        assert_eq!(period_index(&days, at("2026-03-01T21:00:00Z")), None);
    }

    #[test]
    fn days_in_a_named_zone_follow_its_clock_changes() {
        let london = NamedZone::parse("Europe/London").unwrap();
        let days = periods(
            Granularity::Day,
            at("2026-03-28T00:00:00Z"),
            at("2026-03-31T00:00:00Z"),
            &london,
        );
        let bounds: Vec<(Instant, Instant)> = days.iter().map(|day| (day.start, day.end)).collect();
        assert_eq!(
            bounds,
            [
                (at("2026-03-28T00:00:00Z"), at("2026-03-29T00:00:00Z")),
                (at("2026-03-29T00:00:00Z"), at("2026-03-29T23:00:00Z")),
                (at("2026-03-29T23:00:00Z"), at("2026-03-30T23:00:00Z")),
                (at("2026-03-30T23:00:00Z"), at("2026-03-31T00:00:00Z")),
            ]
        );
        assert_eq!(days[3].label, "2026-03-31");
    }
}
