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
