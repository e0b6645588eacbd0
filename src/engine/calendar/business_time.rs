//! `Calendar`: a compiled calendar answering business-time questions in O(log n) without allocating.

use std::sync::OnceLock;

use super::error::CalendarError;
use super::named_zone::NamedZone;
use super::rules::{validate, WeeklyRules};
use super::spec::CalendarSpec;
use super::year_table::{
    year_of, year_start, YearTable, FIRST_YEAR, LAST_YEAR, RANGE_END, RANGE_START, YEAR_COUNT,
};
use super::zone::{offset_at, Zone};
use crate::engine::time::{Instant, DAY, MINUTE};

/// A validated calendar. Open intervals are computed lazily, one UTC year at a time, on first use.
///
/// Weekly calendars know open time from 1970-01-01T00:00:00Z up to (excluding) 2201-01-01T00:00:00Z
/// and count as closed outside that range; 24/7 calendars without holidays are open at every instant.
#[derive(Debug, Clone)]
pub struct Calendar {
    id: String,
    name: String,
    /// The zone as the document spells it (`Europe/London`, `+01:00`, `UTC`).
    zone_name: String,
    zone: Zone,
    hours: Hours,
}

#[derive(Debug, Clone)]
enum Hours {
    AlwaysOpen,
    NeverOpen,
    Weekly {
        rules: Box<WeeklyRules>,
        years: Box<[OnceLock<YearTable>]>,
    },
}

impl Calendar {
    /// Validates a specification. The result is cheap: no intervals are computed yet.
    pub fn compile(spec: &CalendarSpec) -> Result<Calendar, CalendarError> {
        let rules = validate(spec)?;
        let zone = rules.zone.clone();
        let hours = if spec.always_open && rules.holidays.is_empty() {
            Hours::AlwaysOpen
        } else if rules.has_no_hours() {
            Hours::NeverOpen
        } else {
            Hours::Weekly {
                rules: Box::new(rules),
                years: (0..YEAR_COUNT).map(|_| OnceLock::new()).collect(),
            }
        };
        Ok(Calendar {
            id: spec.id.clone(),
            name: spec.name.clone(),
            zone_name: spec.time_zone.clone(),
            zone,
            hours,
        })
    }

    /// A calendar open at every instant: business time equals calendar time.
    pub fn twenty_four_seven(id: &str) -> Calendar {
        Calendar {
            id: id.to_owned(),
            name: String::new(),
            zone_name: "UTC".to_owned(),
            zone: Zone::Fixed(0),
            hours: Hours::AlwaysOpen,
        }
    }

    pub fn id(&self) -> &str {
        &self.id
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    /// The calendar's time zone as the document spells it.
    pub fn zone_name(&self) -> &str {
        &self.zone_name
    }

    /// The calendar's zone with its name, for showing instants in it.
    pub fn named_zone(&self) -> NamedZone {
        NamedZone::new(&self.zone_name, self.zone.clone())
    }

    /// Seconds east of UTC of the calendar's wall clock at `at`.
    pub fn utc_offset_at(&self, at: Instant) -> i64 {
        match &self.zone {
            Zone::Fixed(offset) => i64::from(*offset),
            Zone::Named(tz) => offset_at(tz, at.0),
        }
    }

    /// True when the calendar lists no opening hours at all (and is not 24/7).
    pub fn is_never_open(&self) -> bool {
        matches!(self.hours, Hours::NeverOpen)
    }

    /// Seconds the calendar is open in an ordinary week (no holidays, no clock changes): 604,800 for 24/7,
    /// 0 for a calendar that never opens.
    pub fn weekly_open_seconds(&self) -> i64 {
        match &self.hours {
            Hours::AlwaysOpen => 7 * DAY,
            Hours::NeverOpen => 0,
            Hours::Weekly { rules, .. } => rules
                .shifts
                .iter()
                .flatten()
                .map(|shift| i64::from(shift.length_minutes()) * MINUTE)
                .sum(),
        }
    }

    pub fn is_open(&self, at: Instant) -> bool {
        match &self.hours {
            Hours::AlwaysOpen => true,
            Hours::NeverOpen => false,
            Hours::Weekly { .. } => {
                in_range(at.0) && self.year_table(year_of(at.0)).span_at(at.0).is_some()
            }
        }
    }

    /// The first open instant at or after `at` (`at` itself when open); `None` if there is none.
    pub fn next_open(&self, at: Instant) -> Option<Instant> {
        match &self.hours {
            Hours::AlwaysOpen => Some(at),
            Hours::NeverOpen => None,
            Hours::Weekly { .. } => {
                let mut from = at.0.max(RANGE_START);
                while from < RANGE_END {
                    let year = year_of(from);
                    let table = self.year_table(year);
                    if let Some(span) = table.spans.get(table.locate(from)) {
                        return Some(Instant(span.start.max(from)));
                    }
                    from = year_start(year + 1);
                }
                None
            }
        }
    }

    /// The first closed instant at or after `at` (`at` itself when closed); `None` if the calendar
    /// never closes again.
    pub fn next_close(&self, at: Instant) -> Option<Instant> {
        match &self.hours {
            Hours::AlwaysOpen => None,
            Hours::NeverOpen => Some(at),
            Hours::Weekly { .. } => {
                if !in_range(at.0) {
                    return Some(at);
                }
                let mut year = year_of(at.0);
                let Some(mut span) = self.year_table(year).span_at(at.0) else {
                    return Some(at);
                };
                while span.end == year_start(year + 1) && year < LAST_YEAR {
                    year += 1;
                    match self.year_table(year).spans.first() {
                        Some(next) if next.start == span.end => span = *next,
                        _ => break,
                    }
                }
                Some(Instant(span.end))
            }
        }
    }

    /// The instant at which `seconds` of open time have passed after `start`; counting begins at
    /// `next_open(start)`, so zero seconds gives `next_open(start)`. Negative durations count as zero.
    /// `None` if the calendar never accumulates that much open time.
    pub fn add_business(&self, start: Instant, seconds: i64) -> Option<Instant> {
        self.business_from(start).add(seconds)
    }

    /// Business time counted from `start`, for many `add_business(start, …)` questions: where `start` lies
    /// among the open intervals is looked up once.
    pub fn business_from(&self, start: Instant) -> BusinessFrom<'_> {
        let position = match &self.hours {
            Hours::AlwaysOpen => Position::Always(start),
            Hours::NeverOpen => Position::Never,
            Hours::Weekly { .. } => self.weekly_position(start),
        };
        BusinessFrom {
            calendar: self,
            position,
        }
    }

    /// Open seconds in `[from, to)`; 0 when `to <= from`.
    pub fn business_seconds_between(&self, from: Instant, to: Instant) -> i64 {
        if to <= from {
            return 0;
        }
        match &self.hours {
            Hours::AlwaysOpen => to.0.saturating_sub(from.0),
            Hours::NeverOpen => 0,
            Hours::Weekly { .. } => {
                let (from, to) = (clamp_to_range(from.0), clamp_to_range(to.0));
                if from == to {
                    return 0;
                }
                let first_year = year_of(from);
                let last_year = year_of(to - 1);
                let mut total = -self.year_table(first_year).open_before(from);
                for year in first_year..last_year {
                    total += self.year_table(year).total;
                }
                let last_table = self.year_table(last_year);
                total
                    + if to == year_start(last_year + 1) {
                        last_table.total
                    } else {
                        last_table.open_before(to)
                    }
            }
        }
    }

    /// The open intervals overlapping `[from, to)`, clipped to it, in order (e.g. to shade a timeline).
    pub fn open_intervals(&self, from: Instant, to: Instant) -> Vec<(Instant, Instant)> {
        let mut intervals: Vec<(Instant, Instant)> = Vec::new();
        if to <= from {
            return intervals;
        }
        match &self.hours {
            Hours::AlwaysOpen => intervals.push((from, to)),
            Hours::NeverOpen => {}
            Hours::Weekly { .. } => {
                let (from, to) = (clamp_to_range(from.0), clamp_to_range(to.0));
                if from == to {
                    return intervals;
                }
                for year in year_of(from)..=year_of(to - 1) {
                    let table = self.year_table(year);
                    for span in &table.spans[table.locate(from)..] {
                        if span.start >= to {
                            break;
                        }
                        let (start, end) = (span.start.max(from), span.end.min(to));
                        match intervals.last_mut() {
                            Some(last) if last.1 .0 == start => last.1 = Instant(end),
                            _ => intervals.push((Instant(start), Instant(end))),
                        }
                    }
                }
            }
        }
        intervals
    }

    /// Where counting from `start` begins: `next_open(start)`, with the open seconds of its year before it,
    /// found with one search of the year's intervals.
    fn weekly_position(&self, start: Instant) -> Position {
        let mut from = start.0.max(RANGE_START);
        while from < RANGE_END {
            let year = year_of(from);
            let table = self.year_table(year);
            if let Some(span) = table.spans.get(table.locate(from)) {
                let at = span.start.max(from);
                return Position::Weekly {
                    from: Instant(at),
                    year,
                    open_before: span.open_before + (at - span.start),
                };
            }
            from = year_start(year + 1);
        }
        Position::Never
    }

    fn year_table(&self, year: i32) -> &YearTable {
        static EMPTY: YearTable = YearTable {
            spans: Vec::new(),
            total: 0,
        };
        match &self.hours {
            Hours::Weekly { rules, years } => usize::try_from(year - FIRST_YEAR)
                .ok()
                .and_then(|index| years.get(index))
                .map_or(&EMPTY, |cell| {
                    cell.get_or_init(|| YearTable::build(rules, year))
                }),
            Hours::AlwaysOpen | Hours::NeverOpen => &EMPTY,
        }
    }
}

/// A start instant placed on a calendar; see [`Calendar::business_from`].
#[derive(Debug, Clone, Copy)]
pub struct BusinessFrom<'c> {
    calendar: &'c Calendar,
    position: Position,
}

#[derive(Debug, Clone, Copy)]
enum Position {
    /// Open at every instant: counting starts at the start itself.
    Always(Instant),
    /// No open time from the start on.
    Never,
    /// Counting starts at `from` (the first open instant), with `open_before` open seconds of `year` before it.
    Weekly {
        from: Instant,
        year: i32,
        open_before: i64,
    },
}

impl BusinessFrom<'_> {
    /// The same as [`Calendar::add_business`] from this start.
    pub fn add(&self, seconds: i64) -> Option<Instant> {
        let seconds = seconds.max(0);
        match self.position {
            Position::Always(start) => Some(start.plus(seconds)),
            Position::Never => None,
            Position::Weekly {
                from,
                year,
                open_before,
            } => {
                if seconds == 0 {
                    return Some(from);
                }
                let mut year = year;
                let mut table = self.calendar.year_table(year);
                let mut target = open_before.saturating_add(seconds);
                while target > table.total {
                    target -= table.total;
                    year += 1;
                    if year > LAST_YEAR {
                        return None;
                    }
                    table = self.calendar.year_table(year);
                }
                table.instant_after_open(target).map(Instant)
            }
        }
    }
}

fn in_range(at: i64) -> bool {
    (RANGE_START..RANGE_END).contains(&at)
}

fn clamp_to_range(at: i64) -> i64 {
    at.clamp(RANGE_START, RANGE_END)
}
