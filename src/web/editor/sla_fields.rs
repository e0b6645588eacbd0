//! The SLA editor's text fields and bookkeeping, free of yew: warnings lists, durations, conditions, the clock
//! select, and condition drafts that follow their policy when policies move.

use std::collections::BTreeMap;

use crate::engine::condition::{Condition, FieldCatalog};
use crate::engine::policy::{SlaPolicy, TimeBasis};

/// The `condition_drafts` key of SLA policy `index`.
pub fn draft_key(index: usize) -> String {
    format!("sla/{index}")
}

/// Condition drafts after the policies were reordered: the draft of old position `i` moves to `moved(i)`,
/// and a draft whose policy is gone (`None`) is dropped.
pub fn remap_drafts(drafts: &mut BTreeMap<String, String>, moved: impl Fn(usize) -> Option<usize>) {
    let sla_drafts: Vec<(usize, String)> = drafts
        .iter()
        .filter_map(|(key, text)| {
            let index = key.strip_prefix("sla/")?.parse::<usize>().ok()?;
            Some((index, text.clone()))
        })
        .collect();
    for (index, _) in &sla_drafts {
        drafts.remove(&draft_key(*index));
    }
    for (index, text) in sla_drafts {
        if let Some(to) = moved(index) {
            drafts.insert(draft_key(to), text);
        }
    }
}

/// The clock select's value: `calendar`, `business:` (the receiving team's calendar) or `business:<calendar id>`.
pub fn clock_value(sla: &SlaPolicy) -> String {
    match sla.time {
        TimeBasis::Calendar => "calendar".to_owned(),
        TimeBasis::Business => format!("business:{}", sla.calendar.as_deref().unwrap_or("")),
    }
}

/// The condition's parse or type error as shown under the field, with its column.
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

/// Sets the time basis and calendar from a clock select value (see `clock_value`).
pub fn apply_clock(sla: &mut SlaPolicy, value: &str) {
    match value.strip_prefix("business:") {
        Some(calendar) => {
            sla.time = TimeBasis::Business;
            sla.calendar = Some(calendar.to_owned()).filter(|id| !id.is_empty());
        }
        None => {
            sla.time = TimeBasis::Calendar;
            sla.calendar = None;
        }
    }
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

/// `"50, 75"`: whole percentages from 1 to 99; other text is kept in the box and not applied.
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
