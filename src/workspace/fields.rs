//! The editor's text boxes read as policy values: durations, warning percentages, the SLA clock select and
//! condition text, each with the message shown under the box when it cannot be read.

use crate::engine::condition::{Condition, FieldCatalog};
use crate::engine::duration::Duration;
use crate::engine::policy::{SlaPolicy, TimeBasis};

use super::edit::SlaField;

/// A duration box: `30m`, `4h`, `1h30m`. Blank is `None` when the value is optional, an error otherwise.
pub fn parse_duration_field(text: &str, optional: bool) -> Result<Option<Duration>, String> {
    let text = text.trim();
    if text.is_empty() {
        return if optional {
            Ok(None)
        } else {
            Err("required: write e.g. 30m, 4h or 1h30m".to_owned())
        };
    }
    text.parse::<Duration>()
        .map(Some)
        .map_err(|error| error.to_string())
}

/// `"50, 75"`: whole percentages from 1 to 99.
pub fn parse_warnings(text: &str) -> Result<Vec<u32>, String> {
    text.split([',', ' '])
        .filter(|part| !part.trim().is_empty())
        .map(|part| {
            let part = part.trim().trim_end_matches('%');
            match part.parse::<u32>() {
                Ok(percent) if (1..=99).contains(&percent) => Ok(percent),
                _ => Err(format!(
                    "{part:?} is not a percentage from 1 to 99; write e.g. \"50, 75\""
                )),
            }
        })
        .collect()
}

pub fn warnings_text(warnings: &[u32]) -> String {
    warnings
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The clock select's value: `calendar`, `business:` (the receiving team's calendar) or `business:<calendar id>`.
pub fn clock_value(sla: &SlaPolicy) -> String {
    match sla.time {
        TimeBasis::Calendar => "calendar".to_owned(),
        TimeBasis::Business => format!("business:{}", sla.calendar.as_deref().unwrap_or("")),
    }
}

/// The edit a clock select value stands for (see `clock_value`).
pub fn clock_field(value: &str) -> SlaField {
    match value.strip_prefix("business:") {
        Some(calendar) => SlaField::Clock {
            time: TimeBasis::Business,
            calendar: Some(calendar.to_owned()).filter(|id| !id.is_empty()),
        },
        None => SlaField::Clock {
            time: TimeBasis::Calendar,
            calendar: None,
        },
    }
}

/// The condition's parse or type error as shown under the box, with its column and the fix.
pub fn condition_error(text: &str) -> Option<String> {
    let error = Condition::parse_checked(text, &FieldCatalog::ticket()).err()?;
    let mut message = match error.column() {
        Some(column) => format!("Column {column}: {}", error.message),
        None => error.message.clone(),
    };
    if let Some(help) = &error.help {
        message.push_str(&format!(" ({help})"));
    }
    Some(message)
}

/// The canonical text a typed condition stands for (`None` for an empty text), if it parses.
pub fn condition_meaning(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return None;
    }
    Condition::parse_checked(text, &FieldCatalog::ticket())
        .ok()
        .map(|condition| condition.to_text())
}
