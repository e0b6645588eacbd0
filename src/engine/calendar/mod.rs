//! Business-hours calendars: the JSON specification, its validation, and exact business-time arithmetic.
//!
//! Rules (see docs/calendars.md): hours are local wall-clock intervals; a holiday removes its whole local
//! day; a local time inside a DST gap means the end of the gap, one inside an overlap its first occurrence.

mod business_time;
mod error;
mod named_zone;
mod rules;
mod spec;
mod suggest;
mod year_table;
mod zone;

pub use business_time::{BusinessFrom, Calendar};
pub use error::{CalendarError, TimeField};
pub use named_zone::NamedZone;
pub use rules::{weekday_index, weekly_open_minutes, WEEKDAY_NAMES};
pub use spec::{CalendarSpec, HolidaySpec, WeeklyHoursSpec};
pub use year_table::{FIRST_YEAR, LAST_YEAR, RANGE_END, RANGE_START};
pub use zone::{iana_zone, offset_at, provide_zone, Zone};

#[cfg(test)]
mod tests_errors;
#[cfg(test)]
mod tests_examples;
#[cfg(test)]
mod tests_properties;
