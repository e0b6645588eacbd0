//! How big a policy may be: counts far above any real escalation policy, checked with their JSON path as
//! soon as the document is read, so compile and lint (some of whose checks compare pairs of rules) never
//! start on an absurd one (docs/policy-format.md, "Limits").

use super::document::Policy;
use super::load::PolicyError;

/// The largest number of each kind of entry a policy may hold.
pub const MAX_TIERS: usize = 50;
pub const MAX_CATEGORIES: usize = 1_000;
pub const MAX_TEAMS: usize = 500;
pub const MAX_CALENDARS: usize = 100;
pub const MAX_HOLIDAYS: usize = 1_000;
/// Weekly opening intervals, and separately breaks, per calendar (cutting breaks out is their product).
pub const MAX_WEEKLY_INTERVALS: usize = 500;
pub const MAX_TRIGGERS: usize = 500;
pub const MAX_RULES: usize = 1_000;
pub const MAX_MATRIX_ROWS: usize = 2_000;
pub const MAX_LEVELS: usize = 20;
pub const MAX_SLA_POLICIES: usize = 100;
pub const MAX_BREACH_LEVELS: usize = 20;

fn check(path: String, count: usize, limit: usize, what: &str) -> Result<(), PolicyError> {
    if count <= limit {
        return Ok(());
    }
    Err(PolicyError::TooLarge {
        path,
        message: format!("{count} {what} is more than the {limit} a policy may have"),
    })
}

/// Checks every count of `policy` against its limit.
pub fn check_policy(policy: &Policy) -> Result<(), PolicyError> {
    check("tiers".into(), policy.tiers.len(), MAX_TIERS, "tiers")?;
    check(
        "categories".into(),
        policy.categories.len(),
        MAX_CATEGORIES,
        "categories",
    )?;
    check("teams".into(), policy.teams.len(), MAX_TEAMS, "teams")?;
    check(
        "calendars".into(),
        policy.calendars.len(),
        MAX_CALENDARS,
        "calendars",
    )?;
    for (index, calendar) in policy.calendars.iter().enumerate() {
        check(
            format!("calendars[{index}].holidays"),
            calendar.holidays.len(),
            MAX_HOLIDAYS,
            "holidays",
        )?;
        check(
            format!("calendars[{index}].hours"),
            calendar.hours.len(),
            MAX_WEEKLY_INTERVALS,
            "opening intervals",
        )?;
        check(
            format!("calendars[{index}].breaks"),
            calendar.breaks.len(),
            MAX_WEEKLY_INTERVALS,
            "breaks",
        )?;
    }
    check(
        "triggers".into(),
        policy.triggers.len(),
        MAX_TRIGGERS,
        "triggers",
    )?;
    check(
        "routing.rules".into(),
        policy.routing.rules.len(),
        MAX_RULES,
        "routing rules",
    )?;
    check(
        "escalation_matrix".into(),
        policy.escalation_matrix.len(),
        MAX_MATRIX_ROWS,
        "matrix rows",
    )?;
    for (index, row) in policy.escalation_matrix.iter().enumerate() {
        check(
            format!("escalation_matrix[{index}].levels"),
            row.levels.len(),
            MAX_LEVELS,
            "levels",
        )?;
    }
    check(
        "sla_policies".into(),
        policy.sla_policies.len(),
        MAX_SLA_POLICIES,
        "SLA policies",
    )?;
    for (index, sla) in policy.sla_policies.iter().enumerate() {
        check(
            format!("sla_policies[{index}].breach_ladder"),
            sla.breach_ladder.len(),
            MAX_BREACH_LEVELS,
            "breach-ladder levels",
        )?;
    }
    Ok(())
}
