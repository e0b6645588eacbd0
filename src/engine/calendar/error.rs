//! Why a calendar specification was rejected, with the field it concerns relative to the calendar object.

use std::fmt;

/// Which end of a weekly interval a time-of-day error concerns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeField {
    From,
    To,
}

impl TimeField {
    pub fn key(self) -> &'static str {
        match self {
            TimeField::From => "from",
            TimeField::To => "to",
        }
    }
}

/// A validation error in a `CalendarSpec`. `path()` names the offending field relative to the calendar
/// object (e.g. `hours[1].days[0]`) so that a policy loader can prefix it with the calendar's own path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarError {
    EmptyId,
    UnknownTimeZone {
        text: String,
        suggestion: Option<String>,
    },
    BadTime {
        interval: usize,
        field: TimeField,
        text: String,
    },
    NoDays {
        interval: usize,
    },
    UnknownDay {
        interval: usize,
        day: usize,
        text: String,
        suggestion: Option<&'static str>,
    },
    RepeatedDay {
        interval: usize,
        day: usize,
        text: String,
    },
    OverlappingHours {
        interval: usize,
        earlier: usize,
        weekday: &'static str,
    },
    AlwaysOpenWithHours,
    BadHolidayDate {
        holiday: usize,
        text: String,
    },
    RepeatedHoliday {
        holiday: usize,
        earlier: usize,
        date: String,
    },
    /// `breaks[break_index]` has the problem `problem`, reported as if it were `hours[break_index]`.
    InBreak {
        problem: Box<CalendarError>,
    },
}

impl CalendarError {
    /// The JSON path of the offending value, relative to the calendar object.
    pub fn path(&self) -> String {
        match self {
            CalendarError::EmptyId => "id".to_owned(),
            CalendarError::UnknownTimeZone { .. } => "time_zone".to_owned(),
            CalendarError::BadTime {
                interval, field, ..
            } => format!("hours[{interval}].{}", field.key()),
            CalendarError::NoDays { interval } => format!("hours[{interval}].days"),
            CalendarError::UnknownDay { interval, day, .. }
            | CalendarError::RepeatedDay { interval, day, .. } => {
                format!("hours[{interval}].days[{day}]")
            }
            CalendarError::OverlappingHours { interval, .. } => format!("hours[{interval}]"),
            CalendarError::AlwaysOpenWithHours => "always_open".to_owned(),
            CalendarError::BadHolidayDate { holiday, .. }
            | CalendarError::RepeatedHoliday { holiday, .. } => format!("holidays[{holiday}]"),
            CalendarError::InBreak { problem } => problem.path().replacen("hours", "breaks", 1),
        }
    }
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CalendarError::EmptyId => f.write_str("a calendar needs a non-empty id"),
            CalendarError::UnknownTimeZone { text, suggestion } => {
                write!(
                    f,
                    "unknown time zone {text:?}; expected \"UTC\", an offset such as \"+02:00\" or an IANA name such as \"Europe/Berlin\""
                )?;
                match suggestion {
                    Some(name) => write!(f, " (did you mean {name:?}?)"),
                    None => Ok(()),
                }
            }
            CalendarError::BadTime { text, .. } => write!(
                f,
                "{text:?} is not a time of day; expected \"HH:MM\" from 00:00 to 23:59 (write \"00:00\" for midnight)"
            ),
            CalendarError::NoDays { .. } => {
                f.write_str("an opening interval needs at least one day, e.g. [\"mon\", \"tue\"]")
            }
            CalendarError::UnknownDay {
                text, suggestion, ..
            } => {
                write!(f, "unknown day {text:?}; expected mon, tue, wed, thu, fri, sat or sun")?;
                match suggestion {
                    Some(day) => write!(f, " (did you mean {day:?}?)"),
                    None => Ok(()),
                }
            }
            CalendarError::RepeatedDay { text, .. } => {
                write!(f, "day {text:?} is listed twice in the same interval")
            }
            CalendarError::OverlappingHours {
                earlier, weekday, ..
            } => write!(
                f,
                "these opening hours overlap hours[{earlier}] on {weekday}; each moment of the week may be covered by one interval only"
            ),
            CalendarError::AlwaysOpenWithHours => f.write_str(
                "a calendar that is always open cannot also list opening hours; remove \"hours\" or set \"always_open\" to false",
            ),
            CalendarError::BadHolidayDate { text, .. } => {
                write!(f, "{text:?} is not a date; expected \"YYYY-MM-DD\", e.g. \"2026-12-25\"")
            }
            CalendarError::RepeatedHoliday { earlier, date, .. } => {
                write!(f, "holiday {date} is already listed as holidays[{earlier}]")
            }
            CalendarError::InBreak { problem } => match problem.as_ref() {
                CalendarError::NoDays { .. } => {
                    f.write_str("a break needs at least one day, e.g. [\"mon\", \"tue\"]")
                }
                other => write!(f, "{other}"),
            },
        }
    }
}

impl std::error::Error for CalendarError {}
