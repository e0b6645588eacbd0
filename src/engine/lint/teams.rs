//! Lint checks on teams, tiers, categories and calendars.

use std::collections::HashSet;

use super::{Findings, Index, Severity};
use crate::engine::policy::bridge;

pub(super) fn check(index: &Index, findings: &mut Findings) {
    let policy = index.policy;
    for (position, team) in policy.teams.iter().enumerate() {
        let path = format!("teams[{position}]");
        if team.agents == 0 {
            findings.add(
                Severity::Warning,
                "team-without-agents",
                format!("{path}.agents"),
                format!(
                    "team {:?} has no agents: tickets routed to it wait forever",
                    team.id
                ),
            );
        }
        if team.hourly_cost.is_some_and(|cost| cost < 0.0) {
            findings.add(
                Severity::Error,
                "invalid-hourly-cost",
                format!("{path}.hourly_cost"),
                "an hourly cost must be zero or more".to_owned(),
            );
        }
        if let (Some(parent), Some(own)) = (team.parent.as_deref(), index.team_level(&team.id)) {
            if index.team_level(parent).is_some_and(|level| level <= own) {
                findings.add(
                    Severity::Warning,
                    "parent-not-higher",
                    format!("{path}.parent"),
                    format!(
                        "parent {parent:?} is not on a higher tier than {:?}: hierarchical escalation should go up",
                        team.id
                    ),
                );
            }
        }
    }

    let handled: HashSet<&str> = policy
        .teams
        .iter()
        .flat_map(|team| team.handles.iter().map(String::as_str))
        .collect();
    for (position, category) in policy.categories.iter().enumerate() {
        if !handled.contains(category.id.as_str()) {
            findings.add(
                Severity::Warning,
                "category-unhandled",
                format!("categories[{position}]"),
                format!("no team handles category {:?}", category.id),
            );
        }
    }

    let mut levels: HashSet<u32> = HashSet::new();
    for (position, tier) in policy.tiers.iter().enumerate() {
        if !levels.insert(tier.level) {
            findings.add(
                Severity::Warning,
                "duplicate-tier-level",
                format!("tiers[{position}].level"),
                format!(
                    "tier {:?} shares level {} with an earlier tier: the order of escalation between them is unclear",
                    tier.id, tier.level
                ),
            );
        }
    }

    for (position, spec) in policy.calendars.iter().enumerate() {
        if let Some(advice) = zone_advice(&spec.time_zone) {
            findings.add(
                Severity::Warning,
                "ambiguous-time-zone",
                format!("calendars[{position}].time_zone"),
                advice,
            );
        }
        if let Ok(calendar) = bridge::compile_calendar(spec) {
            if calendar.is_never_open() {
                findings.add(
                    Severity::Error,
                    "calendar-never-open",
                    format!("calendars[{position}]"),
                    format!(
                        "calendar {:?} is never open: business time on it never passes",
                        bridge::calendar_id(spec)
                    ),
                );
            }
        }
    }
}

/// Zone names the tz database keeps for old software, each with what it really means and what to write.
const LEGACY_ZONES: [(&str, &str); 12] = [
    ("EST", "a fixed UTC−05:00 with no daylight saving; for New York write America/New_York, for a place that never changes America/Panama"),
    ("MST", "a fixed UTC−07:00 with no daylight saving; for Denver write America/Denver, for Arizona America/Phoenix"),
    ("HST", "a fixed UTC−10:00; write Pacific/Honolulu"),
    ("EST5EDT", "the old US Eastern rules; write America/New_York"),
    ("CST6CDT", "the old US Central rules; write America/Chicago"),
    ("MST7MDT", "the old US Mountain rules; write America/Denver"),
    ("PST8PDT", "the old US Pacific rules; write America/Los_Angeles"),
    ("CET", "Central European time without a place; write the team's city, e.g. Europe/Berlin or Europe/Paris"),
    ("MET", "Middle European time without a place; write the team's city, e.g. Europe/Berlin"),
    ("EET", "Eastern European time without a place; write the team's city, e.g. Europe/Athens or Europe/Helsinki"),
    ("WET", "Western European time without a place; write the team's city, e.g. Europe/Lisbon"),
    ("GMT", "Greenwich time with no summer time; for the UK write Europe/London, for UTC write UTC"),
];

/// Advice for a zone name that is valid but probably not what a support team means.
fn zone_advice(zone: &str) -> Option<String> {
    if let Some((_, meaning)) = LEGACY_ZONES.iter().find(|(name, _)| *name == zone) {
        return Some(format!("time zone {zone:?} is {meaning}"));
    }
    let offset = zone.strip_prefix("Etc/GMT")?;
    let (sign, hours) = match offset.split_at_checked(1)? {
        ("+", hours) => ('-', hours),
        ("-", hours) => ('+', hours),
        _ => return None,
    };
    let hours: u32 = hours.parse().ok()?;
    Some(format!(
        "time zone {zone:?} means UTC{sign}{hours:02}:00: POSIX names invert the sign; write \"{sign}{hours:02}:00\" or the team's city"
    ))
}
