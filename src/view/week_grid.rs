//! The calendar editor's weekly hours grid (7 days × 24 hours) and its exact conversion to and from `hours` intervals.

use std::fmt;

use crate::engine::calendar::{
    weekday_index, Calendar, CalendarError, CalendarSpec, WeeklyHoursSpec, WEEKDAY_NAMES,
};

/// Short day names as written in calendars, Monday first.
pub const DAY_KEYS: [&str; 7] = WEEKDAY_NAMES;

/// Day names for people, Monday first.
pub const DAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

const HOURS_PER_DAY: usize = 24;
const MINUTES_PER_DAY: u32 = 24 * 60;

/// Which hours of the week are open: `open[day][hour]`, Monday = day 0, local wall-clock hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct WeekGrid {
    open: [[bool; HOURS_PER_DAY]; 7],
}

/// Why a calendar's `hours` cannot be shown on the hourly grid without changing them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GridUnfit {
    /// The intervals are not a valid calendar (the compile error says why).
    Invalid(CalendarError),
    /// `hours[interval]` starts or ends between two whole hours.
    NotWholeHours { interval: usize },
}

impl fmt::Display for GridUnfit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            GridUnfit::Invalid(error) => write!(f, "{}: {error}", error.path()),
            GridUnfit::NotWholeHours { interval } => write!(
                f,
                "hours[{interval}] starts or ends between whole hours, which the hourly grid cannot show"
            ),
        }
    }
}

impl std::error::Error for GridUnfit {}

/// One weekly interval as minutes: on `day`, from `from` for `length` minutes (may run into the next day).
struct Span {
    day: usize,
    from: u32,
    length: u32,
}

impl WeekGrid {
    /// The grid that `hours` describe exactly, or why they do not fit on whole hours.
    pub fn from_hours(hours: &[WeeklyHoursSpec]) -> Result<WeekGrid, GridUnfit> {
        let spans = valid_spans(hours)?;
        if let Some(interval) = spans.iter().position(|interval_spans| {
            interval_spans
                .iter()
                .any(|span| span.from % 60 != 0 || span.length % 60 != 0)
        }) {
            return Err(GridUnfit::NotWholeHours { interval });
        }
        Ok(WeekGrid::marking(spans.iter().flatten()))
    }

    /// The grid of every hour that `hours` touch, rounding part-hours outwards (for an explicit conversion).
    pub fn covering(hours: &[WeeklyHoursSpec]) -> Result<WeekGrid, GridUnfit> {
        let spans = valid_spans(hours)?;
        let rounded: Vec<Span> = spans
            .iter()
            .flatten()
            .map(|span| {
                let from = span.from / 60 * 60;
                let end = (span.from + span.length).div_ceil(60) * 60;
                Span {
                    day: span.day,
                    from,
                    length: end - from,
                }
            })
            .collect();
        Ok(WeekGrid::marking(rounded.iter()))
    }

    fn marking<'a>(spans: impl Iterator<Item = &'a Span>) -> WeekGrid {
        let mut grid = WeekGrid::default();
        for span in spans {
            let first = span.day * HOURS_PER_DAY + (span.from / 60) as usize;
            for hour_of_week in first..first + (span.length / 60) as usize {
                let hour_of_week = hour_of_week % (7 * HOURS_PER_DAY);
                grid.open[hour_of_week / HOURS_PER_DAY][hour_of_week % HOURS_PER_DAY] = true;
            }
        }
        grid
    }

    /// Whether `hour` (0–23) of `day` (0 = Monday) is open; out-of-range positions are closed.
    pub fn is_open(&self, day: usize, hour: usize) -> bool {
        self.open
            .get(day)
            .and_then(|hours| hours.get(hour))
            .copied()
            .unwrap_or(false)
    }

    /// Opens or closes one hour; out-of-range positions are ignored.
    pub fn set(&mut self, day: usize, hour: usize, open: bool) {
        if let Some(cell) = self.open.get_mut(day).and_then(|hours| hours.get_mut(hour)) {
            *cell = open;
        }
    }

    /// Open hours per week.
    pub fn open_hours(&self) -> u32 {
        self.open
            .iter()
            .flatten()
            .map(|open| u32::from(*open))
            .sum()
    }

    /// The intervals of this grid: contiguous hours of a day merge into one interval, a run up to midnight
    /// that continues into a shorter morning run of the next day is written as one overnight interval, and
    /// days with the same interval share one entry. Reading the result back gives exactly this grid.
    pub fn to_hours(&self) -> Vec<WeeklyHoursSpec> {
        let runs: Vec<Vec<(usize, usize)>> = (0..7).map(|day| self.day_runs(day)).collect();
        let mut overnight_end: [Option<usize>; 7] = [None; 7];
        let mut morning_taken = [false; 7];
        for day in 0..7 {
            let next = (day + 1) % 7;
            if let (Some(&(start, end)), Some(&(morning_start, morning_end))) =
                (runs[day].last(), runs[next].first())
            {
                if end == HOURS_PER_DAY && start > 0 && morning_start == 0 && morning_end <= start {
                    overnight_end[day] = Some(morning_end);
                    morning_taken[next] = true;
                }
            }
        }
        let mut pieces: Vec<(usize, usize, usize)> = Vec::new();
        for (day, day_runs) in runs.iter().enumerate() {
            let skip = usize::from(morning_taken[day]);
            for (position, &(start, end)) in day_runs.iter().enumerate().skip(skip) {
                let to = match overnight_end[day] {
                    Some(morning_end) if position + 1 == day_runs.len() => morning_end,
                    _ => end % HOURS_PER_DAY,
                };
                pieces.push((day, start, to));
            }
        }
        group_by_times(&pieces)
    }

    fn day_runs(&self, day: usize) -> Vec<(usize, usize)> {
        let mut runs = Vec::new();
        let mut hour = 0;
        while hour < HOURS_PER_DAY {
            if self.open[day][hour] {
                let start = hour;
                while hour < HOURS_PER_DAY && self.open[day][hour] {
                    hour += 1;
                }
                runs.push((start, hour));
            } else {
                hour += 1;
            }
        }
        runs
    }
}

/// Pieces `(day, from hour, to hour)` grouped into intervals with several days, ordered by start time then day.
fn group_by_times(pieces: &[(usize, usize, usize)]) -> Vec<WeeklyHoursSpec> {
    let mut times: Vec<(usize, usize)> = pieces.iter().map(|&(_, from, to)| (from, to)).collect();
    times.sort_by_key(|&(from, to)| {
        let first_day = pieces
            .iter()
            .filter(|&&(_, f, t)| (f, t) == (from, to))
            .map(|&(day, _, _)| day)
            .min()
            .unwrap_or(0);
        (first_day, from, to)
    });
    times.dedup();
    times
        .into_iter()
        .map(|(from, to)| {
            let mut days: Vec<usize> = pieces
                .iter()
                .filter(|&&(_, f, t)| (f, t) == (from, to))
                .map(|&(day, _, _)| day)
                .collect();
            days.sort_unstable();
            WeeklyHoursSpec {
                days: days
                    .into_iter()
                    .map(|day| DAY_KEYS[day].to_owned())
                    .collect(),
                from: format!("{from:02}:00"),
                to: format!("{to:02}:00"),
            }
        })
        .collect()
}

/// Every interval of `hours` as spans per listed day, after checking the hours form a valid calendar.
fn valid_spans(hours: &[WeeklyHoursSpec]) -> Result<Vec<Vec<Span>>, GridUnfit> {
    let probe = CalendarSpec {
        id: "grid".to_owned(),
        name: String::new(),
        time_zone: "UTC".to_owned(),
        always_open: false,
        hours: hours.to_vec(),
        breaks: Vec::new(),
        holidays: Vec::new(),
    };
    Calendar::compile(&probe).map_err(GridUnfit::Invalid)?;
    Ok(hours
        .iter()
        .map(|spec| {
            let from = minute_of_day(&spec.from);
            let to = minute_of_day(&spec.to);
            let length = if to > from {
                to - from
            } else {
                MINUTES_PER_DAY - from + to
            };
            spec.days
                .iter()
                .filter_map(|day| weekday_index(day))
                .map(|day| Span { day, from, length })
                .collect()
        })
        .collect())
}

/// Minutes after midnight of an already validated `"H:MM"` time.
fn minute_of_day(text: &str) -> u32 {
    let (hours, minutes) = text.split_once(':').unwrap_or((text, "0"));
    hours.parse::<u32>().unwrap_or(0) * 60 + minutes.parse::<u32>().unwrap_or(0)
}

/// Open minutes per week of valid `hours` (each interval's length times its number of days).
pub fn weekly_open_minutes(hours: &[WeeklyHoursSpec]) -> Option<u32> {
    let spans = valid_spans(hours).ok()?;
    Some(spans.iter().flatten().map(|span| span.length).sum())
}
