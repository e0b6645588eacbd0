//! What the Add buttons create: a new team, rule, matrix row or level, SLA policy, breach level or calendar,
//! with an id no other item of its kind has.

use crate::engine::calendar::{CalendarSpec, WeeklyHoursSpec};
use crate::engine::condition::Condition;
use crate::engine::duration::Duration;
use crate::engine::journey::SlaTarget;
use crate::engine::policy::{
    BreachAction, BreachLevel, Direction, LadderLevel, MatrixRow, Policy, PriorityMatrix,
    PriorityTargets, Rule, RuleKind, SlaPolicy, Targets, Team, TimeBasis, Trigger, UrgencyRow,
    WILDCARD,
};
use crate::engine::ticket::Priority;
use crate::view::week_grid::DAY_KEYS;

/// `base`, or `base_2`, `base_3`… whichever is not taken.
pub fn unique_id<'a>(taken: impl Iterator<Item = &'a str> + Clone, base: &str) -> String {
    let free = |candidate: &str| taken.clone().all(|id| id != candidate);
    if free(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}_{n}"))
        .find(|candidate| free(candidate))
        .unwrap_or_else(|| base.to_owned())
}

/// `base-1`, `base-2`… the first that is not taken.
fn numbered_id<'a>(taken: impl Iterator<Item = &'a str> + Clone, base: &str) -> String {
    (1..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| taken.clone().all(|id| id != candidate))
        .unwrap_or_else(|| base.to_owned())
}

fn first_team(policy: &Policy) -> String {
    policy
        .teams
        .first()
        .map(|team| team.id.clone())
        .unwrap_or_default()
}

pub fn team(policy: &Policy) -> Team {
    Team {
        id: unique_id(policy.teams.iter().map(|t| t.id.as_str()), "new_team"),
        name: "New team".to_owned(),
        tier: policy
            .tiers
            .first()
            .map(|tier| tier.id.clone())
            .unwrap_or_default(),
        handles: Vec::new(),
        agents: 1,
        calendar: None,
        parent: None,
        hourly_cost: None,
    }
}

pub fn matrix_row() -> MatrixRow {
    MatrixRow {
        category: WILDCARD.to_owned(),
        priority: WILDCARD.to_owned(),
        first: None,
        levels: Vec::new(),
    }
}

/// A hierarchical level to the first team, after twice the row's last threshold (4 h for the first level).
pub fn matrix_level(policy: &Policy, row: &MatrixRow) -> LadderLevel {
    let after = row.levels.last().map_or(Duration::hours(4), |level| {
        Duration::from_seconds(level.after.seconds().saturating_mul(2))
    });
    LadderLevel {
        to: first_team(policy),
        after,
        time: TimeBasis::Business,
        kind: Direction::Hierarchical,
    }
}

fn rule_ids(policy: &Policy) -> impl Iterator<Item = &str> + Clone {
    policy
        .triggers
        .iter()
        .map(|t| t.id.as_str())
        .chain(policy.routing.rules.iter().map(|r| r.id.as_str()))
}

/// A starting condition people replace: it matches only tickets that threaten a public review.
fn starter_condition() -> Condition {
    Condition::parse("signals.threatens_review").expect("a constant condition parses")
}

pub fn trigger(policy: &Policy) -> Trigger {
    Trigger {
        id: unique_id(rule_ids(policy), "new_trigger"),
        description: String::new(),
        when: starter_condition(),
        to: policy.routing.default.clone(),
        kind: Direction::Hierarchical,
        reason: String::new(),
    }
}

pub fn rule(policy: &Policy) -> Rule {
    Rule {
        id: unique_id(rule_ids(policy), "new_rule"),
        description: String::new(),
        when: starter_condition(),
        to: policy.routing.default.clone(),
        kind: RuleKind::None,
    }
}

pub fn sla_policy(policy: &Policy) -> SlaPolicy {
    let targets = |first: i64, resolution: i64| Targets {
        first_response: Duration::hours(first),
        next_update: None,
        resolution: Duration::hours(resolution),
        first_assign: None,
    };
    SlaPolicy {
        id: numbered_id(policy.sla_policies.iter().map(|s| s.id.as_str()), "sla"),
        name: String::new(),
        when: None,
        time: TimeBasis::Business,
        calendar: None,
        pause_when_waiting: true,
        pauses: None,
        channels: Default::default(),
        auto_close_after: None,
        warnings: vec![75],
        targets: PriorityTargets {
            critical: targets(1, 4),
            high: targets(2, 8),
            medium: targets(4, 24),
            low: targets(8, 40),
        },
        breach_ladder: Vec::new(),
    }
}

/// A notification to the first team when first response is breached.
pub fn breach_level(policy: &Policy) -> BreachLevel {
    BreachLevel {
        target: SlaTarget::FirstResponse,
        after_breach: None,
        to: first_team(policy),
        action: BreachAction::Notify,
        repeat_every: None,
    }
}

/// Weekdays nine to five, in UTC.
pub fn calendar(policy: &Policy) -> CalendarSpec {
    CalendarSpec {
        id: numbered_id(policy.calendars.iter().map(|c| c.id.as_str()), "calendar"),
        name: String::new(),
        time_zone: "UTC".to_owned(),
        always_open: false,
        hours: vec![WeeklyHoursSpec {
            days: DAY_KEYS[..5].iter().map(|day| (*day).to_owned()).collect(),
            from: "09:00".to_owned(),
            to: "17:00".to_owned(),
        }],
        breaks: Vec::new(),
        holidays: Vec::new(),
    }
}

/// Weekdays twelve to one: a lunch break people then change.
pub fn lunch_break() -> WeeklyHoursSpec {
    WeeklyHoursSpec {
        days: DAY_KEYS[..5].iter().map(|day| (*day).to_owned()).collect(),
        from: "12:00".to_owned(),
        to: "13:00".to_owned(),
    }
}

/// Saturday ten to two: an interval people then change.
pub fn interval() -> WeeklyHoursSpec {
    WeeklyHoursSpec {
        days: vec!["sat".to_owned()],
        from: "10:00".to_owned(),
        to: "14:00".to_owned(),
    }
}

/// The usual impact × urgency matrix: both high is critical; one high and one medium, high; the diagonal
/// down from there medium, then low.
pub fn priority_matrix() -> PriorityMatrix {
    let row = |high, medium, low| UrgencyRow { high, medium, low };
    PriorityMatrix {
        high: row(Priority::Critical, Priority::High, Priority::Medium),
        medium: row(Priority::High, Priority::Medium, Priority::Low),
        low: row(Priority::Medium, Priority::Low, Priority::Low),
    }
}
