//! Compiling a policy: ids resolved to indices, conditions checked, calendars compiled; every bad reference reported.

use std::collections::HashMap;
use std::fmt;

use super::bridge::{self, Calendar, CheckedCondition};
use super::document::{
    BreachAction, Direction, Policy, PriorityMatrix, RuleKind, TimeBasis, WILDCARD,
};
use crate::engine::journey::SlaTarget;
use crate::engine::ticket::{Level, Priority};

/// A problem found while compiling: where (JSON path), what, and a stable code shared with lint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileError {
    pub code: &'static str,
    pub path: String,
    pub message: String,
}

impl fmt::Display for CompileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} [{}]", self.path, self.message, self.code)
    }
}

impl std::error::Error for CompileError {}

/// All errors from one compile, in document order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CompileErrors(pub Vec<CompileError>);

impl fmt::Display for CompileErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, error) in self.0.iter().enumerate() {
            if index > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

impl std::error::Error for CompileErrors {}

/// A team with its references resolved.
#[derive(Debug, Clone)]
pub struct CompiledTeam {
    pub id: String,
    pub name: String,
    pub tier: usize,
    /// Index into `CompiledPolicy::calendars`; `None` means around the clock.
    pub calendar: Option<usize>,
    pub parent: Option<usize>,
    pub agents: u32,
    pub hourly_cost: Option<f64>,
}

/// A trigger or routing rule, ready to evaluate.
#[derive(Debug, Clone)]
pub struct CompiledRule {
    pub id: String,
    pub description: String,
    pub condition: CheckedCondition,
    pub team: usize,
    pub kind: RuleKind,
    /// Triggers only: the reason recorded on the escalation.
    pub reason: String,
    /// The id of an earlier trigger or rule (same list) that matches every ticket this one would.
    pub shadowed_by: Option<String>,
}

/// Marks each rule that an earlier rule of the same list covers.
fn mark_shadowed(rules: &mut [CompiledRule]) {
    for later in 1..rules.len() {
        let (earlier, rest) = rules.split_at_mut(later);
        let rule = &mut rest[0];
        rule.shadowed_by = earlier
            .iter()
            .find(|candidate| candidate.condition.covers(&rule.condition))
            .map(|candidate| candidate.id.clone());
    }
}

/// One level of a compiled escalation ladder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompiledLevel {
    pub team: usize,
    pub after_seconds: i64,
    pub time: TimeBasis,
    pub direction: Direction,
}

/// One compiled escalation-matrix row; `None` stands for the wildcard.
#[derive(Debug, Clone)]
pub struct CompiledRow {
    pub category: Option<String>,
    pub priority: Option<Priority>,
    pub levels: Vec<CompiledLevel>,
}

impl CompiledRow {
    pub fn matches(&self, category: &str, priority: Priority) -> bool {
        self.category.as_deref().is_none_or(|c| c == category)
            && self.priority.is_none_or(|p| p == priority)
    }
}

/// Targets in seconds for one priority.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompiledTargets {
    pub first_response: i64,
    pub next_update: Option<i64>,
    pub resolution: i64,
}

impl CompiledTargets {
    pub fn get(&self, target: SlaTarget) -> Option<i64> {
        match target {
            SlaTarget::FirstResponse => Some(self.first_response),
            SlaTarget::NextUpdate => self.next_update,
            SlaTarget::Resolution => Some(self.resolution),
        }
    }
}

/// Which clock an SLA counts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SlaClock {
    /// Wall-clock time.
    Calendar,
    /// Business time of this calendar (index into `CompiledPolicy::calendars`).
    Business(usize),
    /// Business time of the receiving team's calendar (calendar time if it has none).
    ReceivingTeam,
}

/// A compiled breach-ladder level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CompiledBreachLevel {
    pub target: SlaTarget,
    pub after_breach_seconds: i64,
    pub team: usize,
    pub action: BreachAction,
    pub repeat_every_seconds: Option<i64>,
}

/// A compiled SLA policy.
#[derive(Debug, Clone)]
pub struct CompiledSla {
    pub id: String,
    pub name: String,
    pub condition: Option<CheckedCondition>,
    pub clock: SlaClock,
    pub pause_when_waiting: bool,
    pub warnings: Vec<u32>,
    /// Indexed by `Priority as usize` (critical first).
    pub targets: [CompiledTargets; 4],
    pub breach_ladder: Vec<CompiledBreachLevel>,
}

/// A policy ready for routing: every id resolved to an index.
#[derive(Debug, Clone)]
pub struct CompiledPolicy {
    pub source: Policy,
    pub teams: Vec<CompiledTeam>,
    pub calendars: Vec<Calendar>,
    /// Ids of `calendars`, same order.
    pub calendar_ids: Vec<String>,
    pub triggers: Vec<CompiledRule>,
    pub rules: Vec<CompiledRule>,
    pub default_team: usize,
    /// `[impact][urgency]`, high first.
    pub priority_matrix: Option<[[Priority; 3]; 3]>,
    pub default_priority: Priority,
    pub matrix: Vec<CompiledRow>,
    pub sla_policies: Vec<CompiledSla>,
}

impl CompiledPolicy {
    pub fn team_index(&self, id: &str) -> Option<usize> {
        self.teams.iter().position(|team| team.id == id)
    }

    pub fn tier_of(&self, team: usize) -> &super::document::Tier {
        &self.source.tiers[self.teams[team].tier]
    }

    /// The calendar a team works on, `None` for around the clock.
    pub fn team_calendar(&self, team: usize) -> Option<&Calendar> {
        self.teams[team]
            .calendar
            .map(|index| &self.calendars[index])
    }
}

fn level_index(level: Level) -> usize {
    match level {
        Level::High => 0,
        Level::Medium => 1,
        Level::Low => 2,
    }
}

/// Looks up a priority in a resolved impact × urgency matrix.
pub fn matrix_priority(matrix: &[[Priority; 3]; 3], impact: Level, urgency: Level) -> Priority {
    matrix[level_index(impact)][level_index(urgency)]
}

fn resolve_matrix(matrix: &PriorityMatrix) -> [[Priority; 3]; 3] {
    [matrix.high, matrix.medium, matrix.low].map(|row| [row.high, row.medium, row.low])
}

/// Collects errors while resolving ids.
struct Resolver<'a> {
    policy: &'a Policy,
    teams: HashMap<&'a str, usize>,
    tiers: HashMap<&'a str, usize>,
    calendars: HashMap<&'a str, usize>,
    categories: HashMap<&'a str, usize>,
    errors: Vec<CompileError>,
}

impl<'a> Resolver<'a> {
    fn new(policy: &'a Policy) -> Resolver<'a> {
        let mut resolver = Resolver {
            policy,
            teams: HashMap::new(),
            tiers: HashMap::new(),
            calendars: HashMap::new(),
            categories: HashMap::new(),
            errors: Vec::new(),
        };
        let mut duplicates = Vec::new();
        index_ids(
            policy.tiers.iter().map(|tier| tier.id.as_str()),
            "tiers",
            &mut resolver.tiers,
            &mut duplicates,
        );
        index_ids(
            policy
                .categories
                .iter()
                .map(|category| category.id.as_str()),
            "categories",
            &mut resolver.categories,
            &mut duplicates,
        );
        index_ids(
            policy.teams.iter().map(|team| team.id.as_str()),
            "teams",
            &mut resolver.teams,
            &mut duplicates,
        );
        index_ids(
            policy.calendars.iter().map(bridge::calendar_id),
            "calendars",
            &mut resolver.calendars,
            &mut duplicates,
        );
        resolver.errors.extend(duplicates);
        resolver
    }

    fn error(&mut self, code: &'static str, path: String, message: String) {
        self.errors.push(CompileError {
            code,
            path,
            message,
        });
    }

    fn team(&mut self, id: &str, path: String) -> Option<usize> {
        let found = self.teams.get(id).copied();
        if found.is_none() {
            self.error(
                "unknown-team",
                path,
                format!("unknown team {id:?}{}", known(self.teams.keys())),
            );
        }
        found
    }

    fn calendar(&mut self, id: &str, path: String) -> Option<usize> {
        let found = self.calendars.get(id).copied();
        if found.is_none() {
            self.error(
                "unknown-calendar",
                path,
                format!("unknown calendar {id:?}{}", known(self.calendars.keys())),
            );
        }
        found
    }

    fn category(&mut self, id: &str, path: String) {
        if !self.categories.contains_key(id) {
            self.error(
                "unknown-category",
                path,
                format!("unknown category {id:?}{}", known(self.categories.keys())),
            );
        }
    }

    fn condition(
        &mut self,
        condition: &super::bridge::Condition,
        path: String,
    ) -> Option<CheckedCondition> {
        match bridge::check_condition(condition) {
            Ok(checked) => Some(checked),
            Err(message) => {
                self.error("invalid-condition", path, message);
                None
            }
        }
    }

    fn seconds(&mut self, duration: &super::bridge::Duration, path: String) -> i64 {
        let seconds = bridge::duration_seconds(duration);
        if seconds < 0 {
            self.error(
                "negative-duration",
                path,
                "a duration cannot be negative".to_owned(),
            );
        }
        seconds
    }
}

fn index_ids<'a>(
    ids: impl Iterator<Item = &'a str>,
    list: &str,
    index: &mut HashMap<&'a str, usize>,
    errors: &mut Vec<CompileError>,
) {
    for (position, id) in ids.enumerate() {
        if let Some(first) = index.insert(id, position) {
            index.insert(id, first);
            errors.push(CompileError {
                code: "duplicate-id",
                path: format!("{list}[{position}].id"),
                message: format!("duplicate id {id:?}, first used at {list}[{first}]"),
            });
        }
    }
}

/// ", known: a, b, c" in sorted order, or nothing when the list is empty.
fn known<'k, 'a: 'k>(ids: impl Iterator<Item = &'k &'a str>) -> String {
    let mut ids: Vec<&str> = ids.copied().collect();
    if ids.is_empty() {
        return String::new();
    }
    ids.sort_unstable();
    format!(" (known: {})", ids.join(", "))
}

fn parse_priority_pattern(text: &str) -> Option<Option<Priority>> {
    if text == WILDCARD {
        Some(None)
    } else {
        Priority::parse(text).map(Some)
    }
}

impl Policy {
    /// Resolves every reference; returns all the problems found, each with its JSON path.
    pub fn compile(&self) -> Result<CompiledPolicy, CompileErrors> {
        let mut resolver = Resolver::new(self);
        let policy = resolver.policy;

        let mut calendars = Vec::with_capacity(policy.calendars.len());
        for (index, spec) in policy.calendars.iter().enumerate() {
            match bridge::compile_calendar(spec) {
                Ok(calendar) => calendars.push(calendar),
                Err(error) => resolver.error(
                    "invalid-calendar",
                    format!("calendars[{index}].{}", error.path()),
                    error.to_string(),
                ),
            }
        }

        let mut teams = Vec::with_capacity(policy.teams.len());
        for (index, team) in policy.teams.iter().enumerate() {
            let tier = resolver.tiers.get(team.tier.as_str()).copied();
            if tier.is_none() {
                let message = format!(
                    "unknown tier {:?}{}",
                    team.tier,
                    known(resolver.tiers.keys())
                );
                resolver.error("unknown-tier", format!("teams[{index}].tier"), message);
            }
            for (position, category) in team.handles.iter().enumerate() {
                resolver.category(category, format!("teams[{index}].handles[{position}]"));
            }
            let calendar = team
                .calendar
                .as_deref()
                .and_then(|id| resolver.calendar(id, format!("teams[{index}].calendar")));
            let parent = team
                .parent
                .as_deref()
                .and_then(|id| resolver.team(id, format!("teams[{index}].parent")));
            teams.push(CompiledTeam {
                id: team.id.clone(),
                name: team.name.clone(),
                tier: tier.unwrap_or(0),
                calendar,
                parent,
                agents: team.agents,
                hourly_cost: team.hourly_cost,
            });
        }

        let mut triggers = Vec::with_capacity(policy.triggers.len());
        for (index, trigger) in policy.triggers.iter().enumerate() {
            let condition = resolver.condition(&trigger.when, format!("triggers[{index}].when"));
            let team = resolver.team(&trigger.to, format!("triggers[{index}].to"));
            if let (Some(condition), Some(team)) = (condition, team) {
                triggers.push(CompiledRule {
                    id: trigger.id.clone(),
                    description: trigger.description.clone(),
                    condition,
                    team,
                    kind: match trigger.kind {
                        Direction::Functional => RuleKind::Functional,
                        Direction::Hierarchical => RuleKind::Hierarchical,
                    },
                    reason: trigger.reason.clone(),
                    shadowed_by: None,
                });
            }
        }

        let mut rules = Vec::with_capacity(policy.routing.rules.len());
        for (index, rule) in policy.routing.rules.iter().enumerate() {
            let path = format!("routing.rules[{index}]");
            let condition = resolver.condition(&rule.when, format!("{path}.when"));
            let team = resolver.team(&rule.to, format!("{path}.to"));
            if let (Some(condition), Some(team)) = (condition, team) {
                rules.push(CompiledRule {
                    id: rule.id.clone(),
                    description: rule.description.clone(),
                    condition,
                    team,
                    kind: rule.kind,
                    reason: String::new(),
                    shadowed_by: None,
                });
            }
        }
        let default_team = resolver.team(&policy.routing.default, "routing.default".to_owned());

        let mut matrix = Vec::with_capacity(policy.escalation_matrix.len());
        for (index, row) in policy.escalation_matrix.iter().enumerate() {
            let path = format!("escalation_matrix[{index}]");
            let category = if row.category == WILDCARD {
                None
            } else {
                resolver.category(&row.category, format!("{path}.category"));
                Some(row.category.clone())
            };
            let priority = parse_priority_pattern(&row.priority);
            if priority.is_none() {
                resolver.error(
                    "invalid-priority",
                    format!("{path}.priority"),
                    format!(
                        "invalid priority {:?}, expected critical, high, medium, low or \"*\"",
                        row.priority
                    ),
                );
            }
            let mut levels = Vec::with_capacity(row.levels.len());
            for (position, level) in row.levels.iter().enumerate() {
                let level_path = format!("{path}.levels[{position}]");
                let team = resolver.team(&level.to, format!("{level_path}.to"));
                let after_seconds = resolver.seconds(&level.after, format!("{level_path}.after"));
                if let Some(team) = team {
                    levels.push(CompiledLevel {
                        team,
                        after_seconds,
                        time: level.time,
                        direction: level.kind,
                    });
                }
            }
            matrix.push(CompiledRow {
                category,
                priority: priority.flatten(),
                levels,
            });
        }

        let mut sla_policies = Vec::with_capacity(policy.sla_policies.len());
        for (index, sla) in policy.sla_policies.iter().enumerate() {
            let path = format!("sla_policies[{index}]");
            let condition = sla
                .when
                .as_ref()
                .and_then(|when| resolver.condition(when, format!("{path}.when")));
            let clock = match (sla.time, sla.calendar.as_deref()) {
                (TimeBasis::Calendar, _) => SlaClock::Calendar,
                (TimeBasis::Business, None) => SlaClock::ReceivingTeam,
                (TimeBasis::Business, Some(id)) => resolver
                    .calendar(id, format!("{path}.calendar"))
                    .map_or(SlaClock::ReceivingTeam, SlaClock::Business),
            };
            let targets = crate::engine::ticket::Priority::ALL.map(|priority| {
                let written = sla.targets.for_priority(priority);
                let target_path = format!("{path}.targets.{priority}");
                CompiledTargets {
                    first_response: resolver.seconds(
                        &written.first_response,
                        format!("{target_path}.first_response"),
                    ),
                    next_update: written.next_update.as_ref().map(|duration| {
                        resolver.seconds(duration, format!("{target_path}.next_update"))
                    }),
                    resolution: resolver
                        .seconds(&written.resolution, format!("{target_path}.resolution")),
                }
            });
            let mut breach_ladder = Vec::with_capacity(sla.breach_ladder.len());
            for (position, level) in sla.breach_ladder.iter().enumerate() {
                let level_path = format!("{path}.breach_ladder[{position}]");
                let team = resolver.team(&level.to, format!("{level_path}.to"));
                let after_breach_seconds = level.after_breach.as_ref().map_or(0, |duration| {
                    resolver.seconds(duration, format!("{level_path}.after_breach"))
                });
                let repeat_every_seconds = level.repeat_every.as_ref().map(|duration| {
                    resolver.seconds(duration, format!("{level_path}.repeat_every"))
                });
                if let Some(team) = team {
                    breach_ladder.push(CompiledBreachLevel {
                        target: level.target,
                        after_breach_seconds,
                        team,
                        action: level.action,
                        repeat_every_seconds,
                    });
                }
            }
            if sla.when.is_some() == condition.is_some() {
                sla_policies.push(CompiledSla {
                    id: sla.id.clone(),
                    name: sla.name.clone(),
                    condition,
                    clock,
                    pause_when_waiting: sla.pause_when_waiting,
                    warnings: sla.warnings.clone(),
                    targets,
                    breach_ladder,
                });
            }
        }

        for (name, ids) in [
            (
                "triggers",
                policy
                    .triggers
                    .iter()
                    .map(|t| t.id.as_str())
                    .collect::<Vec<_>>(),
            ),
            (
                "routing.rules",
                policy.routing.rules.iter().map(|r| r.id.as_str()).collect(),
            ),
            (
                "sla_policies",
                policy.sla_policies.iter().map(|s| s.id.as_str()).collect(),
            ),
        ] {
            let mut seen = HashMap::new();
            let mut duplicates = Vec::new();
            index_ids(ids.into_iter(), name, &mut seen, &mut duplicates);
            resolver.errors.extend(duplicates);
        }

        mark_shadowed(&mut triggers);
        mark_shadowed(&mut rules);
        let errors = std::mem::take(&mut resolver.errors);
        match default_team {
            Some(default_team) if errors.is_empty() => Ok(CompiledPolicy {
                source: policy.clone(),
                teams,
                calendars,
                calendar_ids: policy
                    .calendars
                    .iter()
                    .map(|spec| bridge::calendar_id(spec).to_owned())
                    .collect(),
                triggers,
                rules,
                default_team,
                priority_matrix: policy.priority_matrix.as_ref().map(resolve_matrix),
                default_priority: policy.default_priority,
                matrix,
                sla_policies,
            }),
            _ => Err(CompileErrors(errors)),
        }
    }
}
